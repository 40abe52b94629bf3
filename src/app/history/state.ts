/**
 * The state at a date D (SPEC §9 "State at D"), shared by rank, report, audit, history and
 * candidates. `employees` holds the state at the latest date; only people whose timelines have
 * an entry after D (among those with more than one), or a status other than active, can differ
 * at D — they are found with one indexed read of `history_changes` and only they are read in
 * full. Everyone else is their current row, in service at D when `tmt_cpns` ≤ D (or unknown).
 */
import type { Db } from '../../db/open.js';
import {
  employeesDifferingAt, firstSeenRead, historyOfChanged, historyOfChangedInSlices, historyOfNip, importFileNames, type PersonHistoryRows,
} from '../../db/queries/history.js';
import { scanEmployees, type EmployeeTuple } from '../../db/queries/merit-inputs.js';
import { unitKey } from '../../domain/unit-identity.js';
import { jabatanLevel } from '../../domain/jabatan-level.js';
import type { MeritModel } from '../../domain/model.js';
import { employeeFromTuple } from '../population/inputs.js';
import { FilteredMap } from '../../shared/key-filter.js';
import {
  compareEntries, employeeAt, inServiceAt, statusAt, timelineAt, versionAt, withPromotions, type EmployeeAtD, type EntrySource, type PersonTimelines, type PostValues,
  type RankValues, type StateAt, type StatusValues, type TimelineEntry,
} from '../../domain/history.js';
import { EDUCATION_CODES, type EducationCode, type Employee, type JenisPegawai } from '../../domain/types.js';

const JENIS: readonly JenisPegawai[] = ['PNS', 'CPNS', 'PPPK'];
const oneOf = <T extends string>(v: unknown, list: readonly T[]): T | null => (list.find((x) => x === v) ?? null);

/** The history of one person as the domain reads it, with the versions of their other fields. */
export interface PersonHistory {
  nip: string;
  /** False for someone seen in one state only (their current row, and perhaps promotions). */
  stored: boolean;
  timelines: PersonTimelines;
  /** Personnel versions (nama, pendidikan, tgl_lahir, tmt_cpns, jenis pegawai), oldest first. */
  versions: Array<{ asOf: string; fields: Partial<Employee>; tmtJabatan: string | null; file: string | null; line: number }>;
  /** Promotions (also entries of `timelines.posts`, SPEC §9). */
  promotions: Array<{ tmt: string; levelBaru: number | null; levelAsal: number | null; jabatanBaru: string; unit: string | null; file: string | null; line: number }>;
}

/** A level table (a `--model`'s `levels`) and how a post gets its level from it. */
export type LevelOf = (post: { eselon: string | null; jabatan: string | null; jenisJabatan: string | null }) => number | null;

/** The level of a post under a `--model`'s own level table (SPEC §1.5), or null for the stored levels. */
export function levelOfModel(levels: MeritModel['levels'] | null): LevelOf | null {
  return levels === null ? null : (post) => jabatanLevel(post, levels).level;
}

/** A string as kept: the same text, perhaps one shared copy of it (see `sharedStrings`). */
export type Share = <S extends string | null>(s: S) => S;

const asRead: Share = (s) => s;

/**
 * One copy of each distinct string (units, posts, dates repeat across people): for histories
 * kept all at once (the audit's `everyHistory`), where every row read brings its own copies.
 */
export function sharedStrings(): Share {
  const seen = new Map<string, string>();
  return <S extends string | null>(s: S): S => {
    if (s === null) return s;
    const known = seen.get(s);
    if (known !== undefined) return known as S;
    seen.set(s, s);
    return s;
  };
}

/** Stored rows → the domain's timelines; `files` names each import; `share` keeps the strings (see `sharedStrings`). */
export function personHistoryOf(nip: string, rows: PersonHistoryRows, files: ReadonlyMap<number, string>, levelOf: LevelOf | null = null, share: Share = asRead): PersonHistory {
  const file = (id: number) => files.get(id) ?? null;
  // With a `--model` of its own level table every level is derived again from the post it
  // describes (SPEC §1.5), as for the current record; a promotion's level before only when the
  // row names the old post.
  const level = (stored: number | null, post: Parameters<LevelOf>[0]) => (levelOf === null ? stored : levelOf(post));
  const stored: Array<TimelineEntry<PostValues>> = rows.posts.map((r) => ({
    validFrom: share(r.valid_from), priority: r.priority, source: share(r.source) as EntrySource, file: file(r.import_id), line: r.source_line,
    values: {
      level: level(r.level, { eselon: r.eselon, jabatan: r.jabatan, jenisJabatan: r.jenis_jabatan }),
      jabatan: share(r.jabatan), jenisJabatan: share(r.jenis_jabatan), eselon: share(r.eselon), unit: share(r.unit), unorId: share(r.unor_id), instansi: share(r.instansi),
    },
  }));
  const promotions = rows.promotions.map((p) => ({
    tmt: share(p.tmt), jabatanBaru: share(p.jabatan_baru), eselonBaru: share(p.eselon_baru), unit: share(p.unit), file: file(p.import_id), line: p.source_line,
    levelBaru: level(p.level_baru, { eselon: p.eselon_baru, jabatan: p.jabatan_baru, jenisJabatan: null }),
    levelAsal: levelOf === null || (p.eselon_asal === null && p.jabatan_asal === null) ? p.level_asal : levelOf({ eselon: p.eselon_asal, jabatan: p.jabatan_asal, jenisJabatan: null }),
  }));
  // SPEC §9: promotion events are entries of the post timeline.
  const posts = withPromotions(stored, promotions);
  const ranks: Array<TimelineEntry<RankValues>> = rows.ranks.map((r) => ({
    validFrom: share(r.valid_from), priority: r.priority, source: share(r.source) as EntrySource, file: file(r.import_id), line: r.source_line,
    values: { golongan: share(r.golongan), golonganCode: r.golongan_code, tmtGolongan: share(r.tmt_golongan) },
  }));
  const statuses: Array<TimelineEntry<StatusValues>> = rows.statuses.map((r) => ({
    validFrom: share(r.valid_from), priority: 1, source: 'snapshot', file: file(r.import_id), line: r.source_line === 0 ? null : r.source_line,
    values: { status: share(r.status), reason: share(r.reason) },
  }));
  ranks.sort(compareEntries);
  return {
    nip,
    stored: rows.currentOnly !== true,
    timelines: { posts, ranks, statuses },
    versions: rows.versions.map((v) => ({
      asOf: share(v.as_of),
      tmtJabatan: share((v.tmt_jabatan as string | null | undefined) ?? null),
      file: file(v.import_id),
      line: v.source_line,
      fields: {
        nama: v.nama as string, tglLahir: share(v.tgl_lahir as string | null), tmtCpns: share(v.tmt_cpns as string | null),
        tahunLulus: v.tahun_lulus as number | null, pendidikan: oneOf<EducationCode>(v.pendidikan, EDUCATION_CODES),
        jenisPegawai: oneOf(v.jenis_pegawai, JENIS),
      },
    })),
    promotions: promotions.map((p) => ({ tmt: p.tmt, levelBaru: p.levelBaru, levelAsal: p.levelAsal, jabatanBaru: p.jabatanBaru, unit: p.unit, file: p.file, line: p.line })),
  };
}

/**
 * TMT jabatan of the post held at D (SPEC §9, the DUK at T): the date of a riwayat row or a
 * promotion; for a snapshot entry, the TMT JABATAN of the version it comes from (the earliest
 * version from its date on). Null when unknown or after D (an assumed post).
 */
export function tmtJabatanAt(h: PersonHistory, post: StateAt<PostValues> | null, date: string): string | null {
  const from = post?.from ?? null;
  if (from === null) return null;
  let tmt: string | null = from.validFrom;
  if (from.source === 'snapshot') tmt = h.versions.find((v) => v.asOf >= from.validFrom)?.tmtJabatan ?? null;
  return tmt !== null && tmt <= date ? tmt : null;
}

/** One person at D from their current record and history. */
export function personAt<E extends Employee>(current: E, h: PersonHistory, date: string): EmployeeAtD<E> {
  const version = versionAt(h.versions, date);
  const base = version === null ? current : { ...current, ...version.fields };
  return employeeAt(base, h.timelines, date);
}

/** The state of everyone at D: the changed people in full, everyone else as their current row. */
export interface StateAtDate {
  date: string;
  /** People whose state at D may differ from their current row. */
  changed: ReadonlyMap<string, PersonHistory>;
  /**
   * The person at D from their current record: null when not in service at D (left, or
   * appointed after D), else the Employee with post, rank and other fields at D.
   */
  employeeAt(current: Employee): Employee | null;
  /** The full state at D (status, assumed values, provenance) of one person. */
  detailAt(current: Employee): EmployeeAtD<Employee>;
}

/**
 * `stateAt(db, D)`: the state of everyone at D (SPEC §9). Cheap when D is at or after every
 * change: then `changed` holds only people who left or are inactive.
 */
export function stateAt(db: Db, date: string, levelOf: LevelOf | null = null): StateAtDate {
  const rows = historyOfChanged(db, date);
  const files = rows.size === 0 ? new Map<number, string>() : importFileNames(db);
  const changed = new Map<string, PersonHistory>();
  for (const [nip, r] of rows) changed.set(nip, personHistoryOf(nip, r, files, levelOf));
  const detailAt = (current: Employee): EmployeeAtD<Employee> => {
    const h = changed.get(current.nip);
    if (h !== undefined) return personAt(current, h, date);
    const inService = current.tmtCpns === null || current.tmtCpns <= date;
    return {
      employee: current, status: 'active', inService, active: inService, post: null, rank: null,
      statusFrom: { values: { status: 'active', reason: null }, assumed: true, from: null },
    };
  };
  return {
    date,
    changed,
    employeeAt(current) {
      const h = changed.get(current.nip);
      if (h === undefined) return current.tmtCpns !== null && current.tmtCpns > date ? null : current;
      const at = personAt(current, h, date);
      return at.inService ? at.employee : null;
    },
    detailAt,
  };
}

/** One person's whole history (for `asn history`). */
export function historyOf(db: Db, nip: string): PersonHistory {
  return personHistoryOf(nip, historyOfNip(db, nip), importFileNames(db));
}

/** Every person with a stored history (any change, or a status other than active), for the audit. */
export function everyHistory(db: Db, levelOf: LevelOf | null = null): Map<string, PersonHistory> {
  // The people with stored history (or a status other than active), with their promotions; the
  // audit builds the post timeline of the others from their record and promotions (audit/population.ts).
  // Read in slices (the stored rows of one slice at a time, not of everyone), listed in the order
  // of one whole read (firstSeenRead), which the audit's groups keep.
  // Kept all at once for the whole audit: each distinct unit, post or date string once.
  let files: Map<number, string> | null = null;
  const share = sharedStrings();
  const kept: Array<{ read: number; nip: string; h: PersonHistory }> = [];
  for (const slice of historyOfChangedInSlices(db, '0000-00-00', false)) {
    files ??= importFileNames(db);
    for (const [nip, r] of slice) kept.push({ read: firstSeenRead(r), nip, h: personHistoryOf(nip, r, files, levelOf, share) });
  }
  kept.sort((a, b) => a.read - b.read || (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0));
  return new Map(kept.map((k) => [k.nip, k.h]));
}

/** The state at D of everyone, kept compactly (see `compactStateAt`). */
export interface CompactStateAt {
  date: string;
  /** NIPs of the people whose state at D may differ from their current row. */
  changed: ReadonlySet<string>;
  /** True when levels are the stored ones (no `--model` level table): what `differencesAt` reads. */
  storedLevels: boolean;
  /** As `StateAtDate.employeeAt`: null when not in service at D, else the record at D. */
  employeeAt(current: Employee): Employee | null;
}

/** What a changed person's record at D takes from their history (absent: the current row's). */
interface PatchAtD {
  fields: Partial<Employee> | null;
  post: { level: number | null; unit: string | null; instansi: string | null } | null;
  rank: { golonganCode: number | null; tmtGolongan: string | null } | null;
  status: EmployeeAtD<Employee>['status'];
}

/**
 * The same `employeeAt` as `stateAt(db, D, levelOf)` (SPEC §9) for a whole-population pass
 * (rank, report): each changed person's history is read a slice at a time and folded into what
 * their record at D takes from it (version fields, post, rank, status), so neither the stored
 * rows nor the timelines of every changed person are held at once.
 */
export function compactStateAt(db: Db, date: string, levelOf: LevelOf | null = null): CompactStateAt {
  const patches = new Map<string, PatchAtD>();
  let files: Map<number, string> | null = null;
  for (const slice of historyOfChangedInSlices(db, date)) {
    files ??= importFileNames(db);
    for (const [nip, r] of slice) {
      const h = personHistoryOf(nip, r, files, levelOf);
      const version = versionAt(h.versions, date);
      const post = timelineAt(h.timelines.posts, date);
      const rank = timelineAt(h.timelines.ranks, date);
      patches.set(nip, {
        fields: version === null ? null : version.fields,
        post: post === null ? null : { level: post.values.level, unit: post.values.unit, instansi: post.values.instansi },
        rank: rank === null ? null : { golonganCode: rank.values.golonganCode, tmtGolongan: rank.values.tmtGolongan },
        status: statusAt(h.timelines.statuses, date).values.status,
      });
    }
  }
  // Asked once per employee of the population: the filter answers for the unchanged (key-filter.ts).
  const patchOf = new FilteredMap(patches);
  return {
    date,
    changed: new Set(patches.keys()),
    storedLevels: levelOf === null,
    employeeAt(current) {
      const patch = patchOf.get(current.nip);
      if (patch === undefined) return current.tmtCpns !== null && current.tmtCpns > date ? null : current;
      // As personAt → employeeAt: the version's fields over the current row, then post and rank.
      const employee = patch.fields === null ? { ...current } : { ...current, ...patch.fields };
      if (!inServiceAt(employee.tmtCpns, patch.status, date)) return null;
      if (patch.post !== null) {
        employee.level = patch.post.level;
        employee.unit = patch.post.unit;
        employee.instansi = patch.post.instansi;
      }
      if (patch.rank !== null) {
        employee.golonganCode = patch.rank.golonganCode;
        employee.tmtGolongan = patch.rank.tmtGolongan;
      }
      return employee;
    },
  };
}

/**
 * The people whose state at D differs from their current row (SPEC §9), each with that row and
 * their state at D (null: not in service at D). Reports that count the whole table in SQL
 * subtract `current` and add `atD` for these. `state`: `compactStateAt(db, date)` (stored levels)
 * when the caller has it already (the report shares it with its ranking pass).
 */
export function differencesAt(db: Db, date: string, state: CompactStateAt = compactStateAt(db, date)): Array<{ current: Employee; atD: Employee | null }> {
  // The compact state (history read a slice at a time, each person folded into a patch), not
  // `stateAt`: the same record at D, without every changed person's timelines in memory at once.
  if (state.date !== date || !state.storedLevels) throw new Error(`differencesAt(${date}) needs the state at ${date} with stored levels`);
  return employeesDifferingAt(db, date).map((row) => {
    const current = employeeFromTuple(row as EmployeeTuple, null);
    return { current, atD: state.employeeAt(current) };
  });
}

/** One person in service at D, as `peopleAt` yields them. */
export interface PersonAtD {
  /** The record at D: post (unit, instansi, level), rank (golongan, TMT golongan) and other fields at D. */
  employee: Employee;
  status: 'active' | 'inactive';
  /** In service and not inactive (SPEC §9): who may be in a pool or on a candidate list. */
  active: boolean;
  /** Whether the unit / level and the golongan at D were assumed (no entry dated ≤ D). */
  assumed: { post: boolean; rank: boolean };
}

/**
 * The state of everyone — or of one scope — at date D (SPEC §9), for `asn candidates` and any
 * other use case: every person in service at D in their state at D, in storage order. `scope`
 * selects by the unit or instansi *at D* (units compared as in SPEC §1.3). Reads the employees
 * once and the timelines of only the people who differ at D.
 */
export function* peopleAt(db: Db, date: string, scope: { unit?: string; instansi?: string } = {}): Generator<PersonAtD> {
  const state = stateAt(db, date);
  const wantedUnit = scope.unit === undefined ? null : unitKey(scope.unit);
  for (const tuple of scanEmployees(db, { units: [], withPost: false, withInstansi: scope.instansi !== undefined })) {
    const detail = state.detailAt(employeeFromTuple(tuple, null));
    if (!detail.inService) continue;
    const e = detail.employee;
    if (wantedUnit !== null && (e.unit === null || unitKey(e.unit) !== wantedUnit)) continue;
    if (scope.instansi !== undefined && e.instansi !== scope.instansi) continue;
    yield {
      employee: e,
      status: detail.status === 'inactive' ? 'inactive' : 'active',
      active: detail.active,
      assumed: { post: detail.post?.assumed ?? state.changed.has(e.nip) === false, rank: detail.rank?.assumed ?? state.changed.has(e.nip) === false },
    };
  }
}
