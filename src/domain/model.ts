/**
 * The merit model's shape (SPEC §3, §4, §1.4–1.5; every number there is *(config)*).
 * Types only — this file is imported by the pure domain (src/domain), so it must never
 * touch fs or hold values. The data lives in asn-merit-v1.json; src/model/load.ts reads it.
 */
import type { EducationCode, Hukdis, JenisPegawai, PredikatCode } from './types.js';

/** The five merit components of SPEC §3. */
export type ComponentName = 'kinerja' | 'kompetensi' | 'pengembangan' | 'kualifikasi' | 'disiplin';

/** Kinerja axis of the 9-box (SPEC §4). */
export type KinerjaAxis = 'above' | 'meets' | 'below';

/** Potensial axis of the 9-box (SPEC §4). */
export type PotensialLevel = 'tinggi' | 'menengah' | 'rendah';

/** Rank and qualification points of one tingkat pendidikan (SPEC §1.5). */
export interface EducationEntry {
  rank: number;
  points: number;
}

/** A merit model file, typed exactly like src/model/asn-merit-v1.json. */
export interface MeritModel {
  /** Recorded with every ranking result (SPEC §3 "which model produced it"). */
  name: string;
  /** Component weights; the default sums to 1 (SPEC §3). */
  weights: Record<ComponentName, number>;
  /** Predikat → value % (PermenPANRB 1/2023 angka-kredit percentages, SPEC §1.4). */
  predikatValue: Record<PredikatCode, number>;
  /** kinerja = value % ÷ maxValue × 100 (SPEC §3). */
  kinerja: { maxValue: number };
  /** kompetensi = latest JPM capped at `cap` (SPEC §3). */
  kompetensi: { cap: number };
  /** Yearly JP target per jenis pegawai (PP 11/2017 art. 203(4), SPEC §3). */
  pengembangan: { jpTarget: Record<JenisPegawai, number> };
  /** Disiplin score per worst hukuman disiplin in the window (SPEC §3). */
  disiplin: Record<Hukdis, number>;
  /** Education rank (DUK) and points (kualifikasi), SPEC §1.5. */
  education: Record<EducationCode, EducationEntry>;
  /** Potensial cut-offs on a 0–100 score: ≥ tinggi, ≥ menengah, else rendah (SPEC §4). */
  potensial: { tinggi: number; menengah: number };
  /** Predikat of year Y → kinerja axis (SPEC §4). */
  kinerjaAxis: Record<PredikatCode, KinerjaAxis>;
  /** 9-box number per potensial row and kinerja column (SPEC §4). */
  box: Record<PotensialLevel, Record<KinerjaAxis, number>>;
  /** Eligibility for a post of level 5–9 (SPEC §11, PP 11/2017 as amended by PP 17/2020). */
  eligibility: EligibilityModel;
  /** Jabatan level tables (SPEC §1.5, PermenPANRB 17/2021). */
  levels: {
    eselon: Record<string, number>;
    structural: Record<string, number>;
    jenjang: Record<string, number>;
    pelaksana: number;
  };
  /**
   * Publication settings of the public report (SPEC §12): counts 1 … suppressionK − 1 are
   * hidden. Not part of the merit: left out of the model hash (src/model/load.ts).
   */
  publication: { suppressionK: number };
}

/** The levels `asn candidates` fills (SPEC §11): pengawas 5 … JPT utama 9. */
export type VacancyLevel = '5' | '6' | '7' | '8' | '9';
export const VACANCY_LEVELS: readonly VacancyLevel[] = ['5', '6', '7', '8', '9'];

/**
 * The thresholds of one post level (SPEC §11 table). A null threshold drops its rule (the SPEC
 * names this for golongan; it holds for every per-level rule).
 */
export interface EligibilityLevelRules {
  /** Lowest tingkat pendidikan, compared by the model's education rank. */
  education: EducationCode | null;
  /** Experience counted at level ≥ this from the post timeline; null = years of service from tmt_cpns. */
  experienceLevel: number | null;
  /** Whole years (12·N service months) of that experience at D. */
  experienceYears: number | null;
  /** Lowest PNS golongan at D, written as in SPEC §1.5 (`III/a`); PP 13/2002 table. */
  golongan: string | null;
  /** Highest age in whole years at D ("below 58" is 57; JPT pratama "at most 56" is 56). */
  maxAge: number | null;
  /** Batas usia pensiun of the post (PP 11/2017 art. 239), for years_to_bup; null = not shown. */
  bup: number | null;
}

/** Eligibility rules of SPEC §11 shared by every level, and the per-level thresholds. */
export interface EligibilityModel {
  /** Lowest predikat in each of the years counted (PP 11/2017: "paling sedikit bernilai baik"). */
  minPredikat: PredikatCode;
  /** How many years before year(D) are counted: year(D)−1 … year(D)−years (0 drops the predikat and discipline rules). */
  years: number;
  /** The heaviest hukuman disiplin still allowed in those years (ringan: sedang and berat exclude). */
  maxHukuman: Hukdis;
  levels: Record<VacancyLevel, EligibilityLevelRules>;
}
