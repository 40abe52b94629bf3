/**
 * Stored rows → domain values for the ranking (SPEC §2–4). The database holds what the import
 * derived (codes like 'S-1', 'SB', 'ratings', 'ringan'); a value outside the known codes can only
 * come from a hand-edited file and is read as missing rather than trusted.
 */
import { canonicalJson } from '../../model/load.js';
import type { MeritModel } from '../../domain/model.js';
import { jabatanLevel } from '../../domain/jabatan-level.js';
import {
  EDUCATION_CODES, PREDIKAT_CODES,
  type Appraisal, type EducationCode, type Employee, type Hukdis, type JenisPegawai, type PotensiWord,
  type PredikatCode, type PredikatSource,
} from '../../domain/types.js';
import type { AppraisalTuple, EmployeeTuple } from '../../db/queries/merit-inputs.js';

const JENIS: readonly JenisPegawai[] = ['PNS', 'CPNS', 'PPPK'];
const SOURCES: readonly PredikatSource[] = ['ratings', 'predikat', 'nilai_skp'];
const HUKDIS: readonly Hukdis[] = ['none', 'ringan', 'sedang', 'berat'];
const POTENSI: readonly PotensiWord[] = ['RENDAH', 'MENENGAH', 'TINGGI'];

/**
 * The entry of `allowed` equal to `value`, else null. Returning the list's own string (not the
 * one read from SQLite) means millions of employees share one copy of 'PNS'.
 */
function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value === null ? null : (allowed.find((a) => a === value) ?? null);
}

/**
 * The level table differs from the built-in one (a `--model` file changed `levels`): the stored
 * `level` was derived at import with the built-in table (SPEC §1.5), so it must be derived again.
 */
export function levelsChanged(model: MeritModel, builtIn: MeritModel): boolean {
  return canonicalJson(model.levels) !== canonicalJson(builtIn.levels);
}

/**
 * The Employee of a stored row. With `levels` given, the jabatan level is derived again from the
 * stored eselon / jabatan / jenis jabatan with that table (SPEC §1.5); otherwise the stored level is used.
 */
export function employeeFromTuple(row: EmployeeTuple, levels: MeritModel['levels'] | null): Employee {
  const [nip, nama, jenis, golonganCode, tmtGolongan, tmtCpns, level, pendidikan, tahunLulus, tglLahir, unit, instansi, eselon, jabatan, jenisJabatan] = row;
  return {
    nip,
    nama,
    jenisPegawai: oneOf(jenis, JENIS),
    golonganCode,
    tmtGolongan,
    tmtCpns,
    level: levels === null ? level : jabatanLevel({ eselon, jabatan, jenisJabatan }, levels).level,
    pendidikan: oneOf<EducationCode>(pendidikan, EDUCATION_CODES),
    tahunLulus,
    tglLahir,
    unit,
    instansi,
  };
}

/** The Appraisal of a stored row; an empty hukuman disiplin stays null (the domain reads it as none). */
export function appraisalFromTuple(nip: string, row: AppraisalTuple): Appraisal {
  const [tahun, predikat, source, jpm, potensi, potensiScore, jp, hukuman] = row;
  return {
    nip,
    tahun,
    predikat: oneOf<PredikatCode>(predikat, PREDIKAT_CODES),
    predikatSource: oneOf(source, SOURCES),
    jpm,
    potensiWord: oneOf(potensi, POTENSI),
    potensiScore,
    jp,
    hukumanDisiplin: oneOf(hukuman, HUKDIS),
  };
}
