/**
 * DUK — Daftar Urut Kepangkatan, the seniority list of PP 15/1979 (SPEC §2).
 * Pure: the reference date is an argument.
 */
import type { Employee, JenisGroup, JenisPegawai } from './types.js';

/** PNS and CPNS form one group, PPPK the other (SPEC §2 "Jenis group"). */
export function jenisGroup(jenis: JenisPegawai | null): JenisGroup | null {
  if (jenis === null) return null;
  return jenis === 'PPPK' ? 'PPPK' : 'PNS';
}

/**
 * Whole months of service from `tmtCpns` to `date` (SPEC §2 "Service months"):
 * (D.year − t.year) × 12 + (D.month − t.month), minus 1 when D.day < t.day.
 * Both dates are `YYYY-MM-DD`; null when the start is unknown.
 */
export function serviceMonths(tmtCpns: string | null, date: string): number | null {
  if (tmtCpns === null) return null;
  const [ty, tm, td] = splitDate(tmtCpns);
  const [dy, dm, dd] = splitDate(date);
  return (dy - ty) * 12 + (dm - tm) - (dd < td ? 1 : 0);
}

function splitDate(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** Everything the DUK comparator needs about one person at one date. */
export interface DukKey {
  nip: string;
  group: JenisGroup | null;
  golonganCode: number | null;
  tmtGolongan: string | null;
  level: number | null;
  serviceMonths: number | null;
  educationRank: number | null;
  tahunLulus: number | null;
  tglLahir: string | null;
}

/**
 * Builds the DUK key of `employee` at `date`. `level` may differ from the current record
 * (the audit uses a person's level at the promotion date, SPEC §5.4), and `educationRank`
 * comes from the model's education table.
 */
export function dukKeyAt(
  employee: Employee,
  date: string,
  educationRank: number | null,
  level: number | null = employee.level,
): DukKey {
  return {
    nip: employee.nip,
    group: jenisGroup(employee.jenisPegawai),
    golonganCode: employee.golonganCode,
    tmtGolongan: employee.tmtGolongan,
    level,
    serviceMonths: serviceMonths(employee.tmtCpns, date),
    educationRank,
    tahunLulus: employee.tahunLulus,
    tglLahir: employee.tglLahir,
  };
}

/** Compares two values where a missing one sorts last; `dir` 1 = ascending, -1 = descending. */
function cmp<T extends number | string>(a: T | null, b: T | null, dir: 1 | -1): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (a === b) return 0;
  return (a < b ? -1 : 1) * dir;
}

const GROUP_ORDER: Record<JenisGroup, number> = { PNS: 0, PPPK: 1 };

/**
 * DUK order, most senior first (negative when `a` is more senior), SPEC §2:
 * jenis group (PNS/CPNS before PPPK); golongan desc; tmt_golongan asc; jabatan level desc;
 * service months desc; education rank desc; tahun_lulus asc; tgl_lahir asc; nip asc.
 * Missing values sort last at each step. The regulation's diklat step is not modelled.
 */
export function compareDuk(a: DukKey, b: DukKey): number {
  return (
    cmp(a.group === null ? null : GROUP_ORDER[a.group], b.group === null ? null : GROUP_ORDER[b.group], 1) ||
    cmp(a.golonganCode, b.golonganCode, -1) ||
    cmp(a.tmtGolongan, b.tmtGolongan, 1) ||
    cmp(a.level, b.level, -1) ||
    cmp(a.serviceMonths, b.serviceMonths, -1) ||
    cmp(a.educationRank, b.educationRank, -1) ||
    cmp(a.tahunLulus, b.tahunLulus, 1) ||
    cmp(a.tglLahir, b.tglLahir, 1) ||
    cmp(a.nip, b.nip, 1)
  );
}
