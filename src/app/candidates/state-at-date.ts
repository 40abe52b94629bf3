/**
 * The state of a person at D as `asn candidates` reads it (SPEC §9 "state at D", §11): jenis
 * pegawai, whether in service and active, unit, instansi, level, golongan and the post timeline
 * for years at level — every such read goes through this one module, so that the history
 * module (snapshots and riwayat timelines) can replace it without touching the rest.
 *
 * Today the database holds one current record per person and no history: the state at every D
 * is the current record (the "assumed" values of §9), the post timeline is the current post from
 * its tmt_jabatan, and the default D is the day of the latest personnel import (the snapshot date
 * of §9 when no `--as-of` exists). `STATE_SOURCE` says so in every output.
 */
import { jabatanLevel } from '../../domain/jabatan-level.js';
import type { PostEntry } from '../../domain/eligibility.js';
import type { MeritModel } from '../../domain/model.js';
import { EDUCATION_CODES, type EducationCode, type Employee, type JenisPegawai } from '../../domain/types.js';
import type { Db } from '../../db/open.js';
import { candidateRecords, earliestTmtCpns, latestPersonnelImport, type CandidateScopeQuery } from '../../db/queries/candidates.js';

/** Where the state at D comes from, stated in the output (SPEC §11 "said so in the output"). */
export const STATE_SOURCE = { id: 'current-record', text: 'state at D: current record (no history imported)' } as const;

/** One person at D. */
export interface PersonAtDate {
  /** The record as the domain reads it, with level, golongan and unit those at D. */
  employee: Employee;
  /** In service at D (SPEC §9: tmt_cpns ≤ D or unknown, status not left) and not inactive. */
  active: boolean;
  /** The post timeline up to D (SPEC §9); today the current post from its tmt_jabatan. */
  posts: PostEntry[];
}

const JENIS: readonly JenisPegawai[] = ['PNS', 'CPNS', 'PPPK'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value === null ? null : (allowed.find((a) => a === value) ?? null);
}

/**
 * Everyone of the scope in their state at `date`, in nip order. With `levels` (a model whose
 * level table differs from the built-in one) the level is derived again from the stored post.
 */
export function* peopleAt(db: Db, date: string, scope: CandidateScopeQuery, levels: MeritModel['levels'] | null): Generator<PersonAtDate> {
  for (const r of candidateRecords(db, scope)) {
    const level = levels === null ? r.level : jabatanLevel({ eselon: r.eselon, jabatan: r.jabatan, jenisJabatan: r.jenis_jabatan }, levels).level;
    const employee: Employee = {
      nip: r.nip,
      nama: r.nama,
      jenisPegawai: oneOf(r.jenis_pegawai, JENIS),
      golonganCode: r.golongan_code,
      tmtGolongan: r.tmt_golongan,
      tmtCpns: r.tmt_cpns,
      level,
      pendidikan: oneOf<EducationCode>(r.pendidikan, EDUCATION_CODES),
      tahunLulus: r.tahun_lulus,
      tglLahir: r.tgl_lahir,
      unit: r.unit,
      instansi: r.instansi,
    };
    yield { employee, active: r.tmt_cpns === null || r.tmt_cpns <= date, posts: [{ from: r.tmt_jabatan, level }] };
  }
}

/** D when `--date` is not given: the newest snapshot date — today the day of the latest personnel import. */
export function defaultDate(db: Db): string | null {
  const at = latestPersonnelImport(db);
  return at === null ? null : at.slice(0, 10);
}

/** The earliest date the data can describe: before it nobody was in service (a D before it is refused). */
export function earliestDate(db: Db): string | null {
  return earliestTmtCpns(db);
}
