/**
 * The state of a person at D as `asn candidates` reads it (SPEC §9 "state at D", §11): jenis
 * pegawai, whether in service and active, unit, instansi, level, golongan and the post timeline
 * for years at level — every such read goes through this one module.
 *
 * The state at D comes from the history module (src/app/history/state.ts): the people whose
 * timelines change after D, or whose status is not active, are read in full and put in their
 * state at D; everyone else is their current row. The post timeline for years at level is the
 * person's stored post history (riwayat-jabatan rows and snapshot versions, each snapshot entry
 * held since its TMT jabatan); someone with no stored history (seen in one state only) has the
 * current post from its TMT jabatan. `stateSource` says in every output what the history holds up
 * to D — only data dated up to D, so a later snapshot does not change the line (SPEC §9 invariant).
 */
import { jabatanLevel } from '../../domain/jabatan-level.js';
import type { PostEntry } from '../../domain/eligibility.js';
import type { MeritModel } from '../../domain/model.js';
import { EDUCATION_CODES, type EducationCode, type Employee, type JenisPegawai } from '../../domain/types.js';
import { unitKey } from '../../domain/unit-identity.js';
import type { Db } from '../../db/open.js';
import {
  candidateRecords, earliestTmtCpns, latestPersonnelImport, postTimelineRows, riwayatUpTo, snapshotDates,
  type CandidateScopeQuery, type PostTimelineRow,
} from '../../db/queries/candidates.js';
import { stateAt } from '../history/state.js';

/** Where the state at D comes from, stated in the output (SPEC §11 "said so in the output"). */
export interface StateSource {
  /** `dated-history`: snapshots (and riwayat) up to D; `current-record`: a database without snapshots. */
  id: 'dated-history' | 'current-record';
  /** The line of the output, e.g. `state at D: dated history up to D — snapshot 2024-12-31; no riwayat`. */
  text: string;
  /** The snapshot dates up to D, oldest first. */
  snapshots: string[];
  /** The riwayat kinds with an entry dated up to D. */
  riwayat: Array<'jabatan' | 'golongan'>;
}

/** One person at D. */
export interface PersonAtDate {
  /** The record as the domain reads it, with jenis, level, golongan, unit and instansi those at D. */
  employee: Employee;
  /** In service at D (SPEC §9: tmt_cpns ≤ D or unknown, status not left) and not inactive. */
  active: boolean;
  /** The post timeline (SPEC §9), in timeline order; `monthsAtLevel` looks at the entries up to D. */
  posts: PostEntry[];
}

const JENIS: readonly JenisPegawai[] = ['PNS', 'CPNS', 'PPPK'];
/** More snapshots than this are shown as the first … the last (n). */
const SHOWN_SNAPSHOTS = 4;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value === null ? null : (allowed.find((a) => a === value) ?? null);
}

type PostFields = { eselon: string | null; jabatan: string | null; jenis_jabatan: string | null; level: number | null };

function levelOf(post: PostFields, levels: MeritModel['levels'] | null): number | null {
  return levels === null ? post.level : jabatanLevel({ eselon: post.eselon, jabatan: post.jabatan, jenisJabatan: post.jenis_jabatan }, levels).level;
}

/** The stored post timelines by nip (only people with stored history have one). */
function postTimelines(db: Db, levels: MeritModel['levels'] | null): Map<string, { entries: PostEntry[]; snapshotEntry: boolean }> {
  const out = new Map<string, { entries: PostEntry[]; snapshotEntry: boolean }>();
  for (const r of postTimelineRows(db) as Iterable<PostTimelineRow>) {
    let t = out.get(r.nip);
    if (t === undefined) {
      t = { entries: [], snapshotEntry: false };
      out.set(r.nip, t);
    }
    t.entries.push({ from: r.valid_from, level: levelOf(r, levels), heldSince: r.held_since });
    if (r.priority === 1) t.snapshotEntry = true;
  }
  return out;
}

/**
 * Everyone appointed by `date` (tmt_cpns ≤ D or unknown), in their state at D, whose unit or
 * instansi at D is in the scope (units compared by name as SPEC §1.3), in nip order — those who
 * left or are inactive at D too, with `active` false. With
 * `levels` (a model whose level table differs from the built-in one) every level is derived again
 * from the stored post.
 */
export function* peopleAt(db: Db, date: string, scope: CandidateScopeQuery, levels: MeritModel['levels'] | null): Generator<PersonAtDate> {
  const state = stateAt(db, date);
  const timelines = postTimelines(db, levels);
  const units = new Set(scope.units.map(unitKey));
  for (const r of candidateRecords(db)) {
    const current: Employee = {
      nip: r.nip,
      nama: r.nama,
      jenisPegawai: oneOf(r.jenis_pegawai, JENIS),
      golonganCode: r.golongan_code,
      tmtGolongan: r.tmt_golongan,
      tmtCpns: r.tmt_cpns,
      level: levelOf(r, levels),
      pendidikan: oneOf<EducationCode>(r.pendidikan, EDUCATION_CODES),
      tahunLulus: r.tahun_lulus,
      tglLahir: r.tgl_lahir,
      unit: r.unit,
      instansi: r.instansi,
    };
    const detail = state.detailAt(current);
    const employee = { ...detail.employee };
    // Appointed after D: not of the scope at D at all (a later snapshot's CPNS do not change the counts at D).
    if (employee.tmtCpns !== null && employee.tmtCpns > date) continue;
    if (levels !== null && detail.post !== null) {
      const p = detail.post.values;
      employee.level = levelOf({ eselon: p.eselon, jabatan: p.jabatan, jenis_jabatan: p.jenisJabatan, level: p.level }, levels);
    }
    if (units.size > 0 && (employee.unit === null || !units.has(unitKey(employee.unit)))) continue;
    if (scope.instansi !== null && employee.instansi !== scope.instansi) continue;
    const stored = timelines.get(r.nip);
    let posts: PostEntry[];
    if (stored === undefined) posts = [{ from: r.tmt_jabatan, level: current.level }];
    else if (stored.snapshotEntry) posts = stored.entries;
    else {
      // Riwayat rows but no snapshot entry: the current row is the snapshot entry of its as_of
      // (first on its date: riwayat rows beat snapshot versions, SPEC §9).
      const own: PostEntry = { from: r.as_of ?? r.tmt_jabatan, level: current.level, heldSince: r.tmt_jabatan };
      posts = [own, ...stored.entries].sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : 0));
    }
    yield { employee, active: detail.active, posts };
  }
}

/** D when `--date` is not given: the newest snapshot date (SPEC §11); without snapshots the day of the latest personnel import. */
export function defaultDate(db: Db): string | null {
  const dates = snapshotDates(db);
  if (dates.length > 0) return dates[dates.length - 1]!;
  const at = latestPersonnelImport(db);
  return at === null ? null : at.slice(0, 10);
}

/** The earliest date the data can describe: before it nobody was in service (a D before it is refused). */
export function earliestDate(db: Db): string | null {
  return earliestTmtCpns(db);
}

/**
 * What the state at D is taken from, from data dated up to D only:
 * - `state at D: dated history up to D — snapshot 2024-12-31; no riwayat`
 * - `state at D: dated history up to D — snapshots 2024-12-31, 2025-12-31; riwayat jabatan, riwayat golongan`
 * - `state at D: dated history up to D — no snapshot up to D: values assumed from the earliest, 2025-12-31`
 * - `state at D: current record (no history imported)` (a database without snapshots).
 */
export function stateSource(db: Db, date: string): StateSource {
  const all = snapshotDates(db);
  if (all.length === 0) return { id: 'current-record', text: 'state at D: current record (no history imported)', snapshots: [], riwayat: [] };
  const snapshots = all.filter((d) => d <= date);
  const r = riwayatUpTo(db, date);
  const riwayat = [...(r.jabatan ? ['jabatan' as const] : []), ...(r.golongan ? ['golongan' as const] : [])];
  const riwayatText = riwayat.length === 0 ? 'no riwayat' : riwayat.map((k) => `riwayat ${k}`).join(', ');
  let snapshotText: string;
  if (snapshots.length === 0) snapshotText = `no snapshot up to D: values assumed from the earliest, ${all[0]!}`;
  else if (snapshots.length === 1) snapshotText = `snapshot ${snapshots[0]!}`;
  else if (snapshots.length <= SHOWN_SNAPSHOTS) snapshotText = `snapshots ${snapshots.join(', ')}`;
  else snapshotText = `snapshots ${snapshots[0]!} … ${snapshots[snapshots.length - 1]!} (${snapshots.length})`;
  return { id: 'dated-history', text: `state at D: dated history up to D — ${snapshotText}; ${riwayatText}`, snapshots, riwayat };
}
