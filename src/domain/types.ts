/**
 * Shared domain vocabulary. Indonesian official terms stay Indonesian (SPEC §1):
 * golongan = civil-service grade, tmt = "terhitung mulai tanggal" (effective date),
 * predikat = annual performance rating, jabatan = post, eselon = structural tier.
 */

/** Result of parsing one cell: a value, or the reason it was refused. */
export type Parsed<T> = { ok: true; value: T; warning?: string } | { ok: false; reason: string };

export const ok = <T>(value: T, warning?: string): Parsed<T> =>
  warning === undefined ? { ok: true, value } : { ok: true, value, warning };
export const fail = <T = never>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Employee kind (SPEC §1.3). PNS and CPNS form one "jenis group", PPPK the other (SPEC §2). */
export type JenisPegawai = 'PNS' | 'CPNS' | 'PPPK';
export type JenisGroup = 'PNS' | 'PPPK';
export type JenisKelamin = 'L' | 'P';

/** Predikat kinerja codes, PermenPANRB 6/2022 (SPEC §1.4). */
export type PredikatCode = 'SB' | 'B' | 'BP' | 'K' | 'SK';
export const PREDIKAT_CODES: readonly PredikatCode[] = ['SB', 'B', 'BP', 'K', 'SK'];
/** Rating of hasil kerja / perilaku kerja against expectation (SPEC §1.4). */
export type Rating = 'ABOVE' | 'MEETS' | 'BELOW';
/** Where an appraisal's predikat came from; the first present wins (SPEC §1.4). */
export type PredikatSource = 'ratings' | 'predikat' | 'nilai_skp';
/** Hukuman disiplin level (PP 94/2021), `none` when nothing was imposed. */
export type Hukdis = 'none' | 'ringan' | 'sedang' | 'berat';
export type PotensiWord = 'RENDAH' | 'MENENGAH' | 'TINGGI';

/** Normalised tingkat pendidikan (SPEC §1.5). */
export type EducationCode = 'S-3' | 'S-2' | 'S-1' | 'D-III' | 'D-II' | 'D-I' | 'SLTA' | 'SLTP' | 'SD';
export const EDUCATION_CODES: readonly EducationCode[] = [
  'S-3', 'S-2', 'S-1', 'D-III', 'D-II', 'D-I', 'SLTA', 'SLTP', 'SD',
];

/** An employee's current record as the domain needs it (dates are `YYYY-MM-DD`). */
export interface Employee {
  nip: string;
  nama: string;
  jenisPegawai: JenisPegawai | null;
  /** PNS: SIASN GOL_ID 11–45; PPPK: 1–17. Never compare across jenis groups. */
  golonganCode: number | null;
  tmtGolongan: string | null;
  tmtCpns: string | null;
  /** Jabatan level 1–9 (SPEC §1.5), null when the post is unknown. */
  level: number | null;
  pendidikan: EducationCode | null;
  tahunLulus: number | null;
  tglLahir: string | null;
  unit: string | null;
  instansi: string | null;
}

/** One employee's appraisal of one year (SPEC §1.4). */
export interface Appraisal {
  nip: string;
  tahun: number;
  predikat: PredikatCode | null;
  predikatSource: PredikatSource | null;
  /** Job Person Match %, 0–100. */
  jpm: number | null;
  /** Potensi as a word, if given as a word. */
  potensiWord: PotensiWord | null;
  /** Potensi as a 0–100 score, if given as a number. */
  potensiScore: number | null;
  /** Training hours (jam pelajaran) of that year. */
  jp: number | null;
  hukumanDisiplin: Hukdis | null;
}

/** One promotion event (SPEC §5). */
export interface Promotion {
  nip: string;
  tmt: string;
  jabatanBaru: string;
  levelBaru: number | null;
  /** Level before as given in the file (eselon_asal / jabatan_asal), null when not given. */
  levelAsal: number | null;
  /** The event's unit when the file had one. */
  unit: string | null;
}
