/**
 * Talent box — the 9-box of PermenPANRB 3/2020 (Manajemen Talenta ASN), SPEC §4:
 * rows potensial (tinggi / menengah / rendah), columns kinerja (below / meets / above).
 */
import type { KinerjaAxis, MeritModel, PotensialLevel } from './model.js';
import type { Appraisal, PotensiWord } from './types.js';

/** A potensi given as a word maps straight onto the axis (SPEC §1.4, §4). */
const POTENSI_WORD: Record<PotensiWord, PotensialLevel> = { TINGGI: 'tinggi', MENENGAH: 'menengah', RENDAH: 'rendah' };

export interface TalentBoxResult {
  /** 1–9, or null when an axis is unknown. */
  box: number | null;
  kinerja: KinerjaAxis | null;
  potensial: PotensialLevel | null;
  /** How the box was found, or which axis is missing. */
  reason: string;
}

/**
 * Recommendation per box, PermenPANRB 3/2020 annex (SPEC §4): the actions in the annex's words
 * and order, joined by "; ", in Indonesian and English. Boxes 7–9 form the succession pool.
 */
export const BOX_RECOMMENDATION: Record<number, { id: string; en: string }> = {
  9: {
    id: 'Dipromosikan dan dipertahankan; Masuk Kelompok Rencana Suksesi Instansi/Nasional; Penghargaan',
    en: 'Promote and retain; Join the agency/national succession pool; Award',
  },
  8: {
    id: 'Dipertahankan; Masuk Kelompok Rencana Suksesi Instansi; Rotasi/Perluasan jabatan; Bimbingan kinerja',
    en: 'Retain; Join the agency succession pool; Rotation/job enlargement; Performance coaching',
  },
  7: {
    id: 'Dipertahankan; Masuk Kelompok Rencana Suksesi Instansi; Rotasi/Pengayaan jabatan; Pengembangan kompetensi; Tugas belajar',
    en: 'Retain; Join the agency succession pool; Rotation/job enrichment; Competence development; Study assignment',
  },
  6: {
    id: 'Penempatan yang sesuai; Bimbingan kinerja; Konseling kinerja',
    en: 'Suitable placement; Performance coaching; Performance counselling',
  },
  5: {
    id: 'Penempatan yang sesuai; Bimbingan kinerja; Pengembangan kompetensi',
    en: 'Suitable placement; Performance coaching; Competence development',
  },
  4: { id: 'Rotasi; Pengembangan kompetensi', en: 'Rotation; Competence development' },
  3: {
    id: 'Bimbingan kinerja; Konseling kinerja; Pengembangan kompetensi; Penempatan yang sesuai',
    en: 'Performance coaching; Performance counselling; Competence development; Suitable placement',
  },
  2: {
    id: 'Bimbingan kinerja; Pengembangan kompetensi; Penempatan yang sesuai',
    en: 'Performance coaching; Competence development; Suitable placement',
  },
  1: {
    id: 'Diproses sesuai ketentuan peraturan perundang-undangan',
    en: 'Handled under the laws and regulations',
  },
};

interface Axis<T> {
  value: T | null;
  /** Where the value came from, or why there is none. */
  reason: string;
}

/** Kinerja axis (SPEC §4): the predikat of year Y through the model's map (SB above, B meets, else below). */
export function kinerjaAxisOf(appraisals: readonly Appraisal[], year: number, model: MeritModel): Axis<KinerjaAxis> {
  const appraisal = appraisals.find((a) => a.tahun === year);
  if (appraisal === undefined) return { value: null, reason: `no appraisal for ${year}` };
  if (appraisal.predikat === null) return { value: null, reason: `the ${year} appraisal has no predikat` };
  const value = model.kinerjaAxis[appraisal.predikat];
  return { value, reason: `kinerja ${value} (predikat ${appraisal.predikat} in ${year})` };
}

/** A 0–100 score on the potensial axis with the model's cut-offs: ≥ tinggi, ≥ menengah, else rendah (SPEC §4). */
export function potensialFromScore(score: number, model: MeritModel): PotensialLevel {
  if (score >= model.potensial.tinggi) return 'tinggi';
  if (score >= model.potensial.menengah) return 'menengah';
  return 'rendah';
}

/** The appraisal with the greatest tahun ≤ `year` that satisfies `has`. */
function latestWith(appraisals: readonly Appraisal[], year: number, has: (a: Appraisal) => boolean): Appraisal | undefined {
  let latest: Appraisal | undefined;
  for (const a of appraisals) {
    if (a.tahun <= year && has(a) && (latest === undefined || a.tahun > latest.tahun)) latest = a;
  }
  return latest;
}

/**
 * Potensial axis (SPEC §4): the latest potensi in years ≤ Y — a word as given, a score through the
 * cut-offs — else the latest JPM through the same cut-offs. Any potensi beats a more recent JPM,
 * because the potensi assessment measures the axis directly.
 */
export function potensialOf(appraisals: readonly Appraisal[], year: number, model: MeritModel): Axis<PotensialLevel> {
  const potensi = latestWith(appraisals, year, (a) => a.potensiWord !== null || a.potensiScore !== null);
  if (potensi?.potensiWord != null) {
    const value = POTENSI_WORD[potensi.potensiWord];
    return { value, reason: `potensial ${value} (potensi ${potensi.potensiWord} in ${potensi.tahun})` };
  }
  if (potensi?.potensiScore != null) {
    const value = potensialFromScore(potensi.potensiScore, model);
    const source = `potensi score ${potensi.potensiScore} in ${potensi.tahun}`;
    return { value, reason: `potensial ${value} (${source}${cutOffs(model)})` };
  }
  const jpm = latestWith(appraisals, year, (a) => a.jpm !== null);
  if (jpm !== undefined && jpm.jpm !== null) {
    const value = potensialFromScore(jpm.jpm, model);
    return { value, reason: `potensial ${value} (JPM ${jpm.jpm} in ${jpm.tahun}${cutOffs(model)})` };
  }
  return { value: null, reason: `no potensi or JPM in any year ≤ ${year}` };
}

function cutOffs(model: MeritModel): string {
  return `; tinggi ≥ ${model.potensial.tinggi}, menengah ≥ ${model.potensial.menengah}`;
}

/**
 * The 9-box of year Y (SPEC §4) from one employee's appraisals of any years. No box when
 * year Y has no appraisal or predikat, or there is no potensial source; the reason says which.
 */
export function talentBox(appraisals: readonly Appraisal[], year: number, model: MeritModel): TalentBoxResult {
  const kinerja = kinerjaAxisOf(appraisals, year, model);
  const potensial = potensialOf(appraisals, year, model);
  if (kinerja.value === null || potensial.value === null) {
    const why = [kinerja, potensial].filter((axis) => axis.value === null).map((axis) => axis.reason);
    return { box: null, kinerja: kinerja.value, potensial: potensial.value, reason: `no box: ${why.join('; ')}` };
  }
  const box = model.box[potensial.value][kinerja.value];
  return {
    box,
    kinerja: kinerja.value,
    potensial: potensial.value,
    reason: `${kinerja.reason}, ${potensial.reason} → box ${box}`,
  };
}
