/**
 * Why a promotion event was not audited (SPEC §7 `status_reason`: "says in words why an event is
 * skipped, insufficient-data or no-pool"). The reason is decided once, where the status is
 * (audit.ts, src/app/audit/audit.ts), as data; these functions put it in words, in English for
 * `asn audit` and in `--lang` for the reports. Pure.
 */

/** A pool criterion of SPEC §5.2–5.3 that a person at P's level before failed. */
export type PoolCriterion = 'group' | 'tmt-cpns-unknown' | 'not-active' | 'promoted-on-d' | 'predikat' | 'hukdis' | 'no-merit';

/** Order in which the criteria are named (the order of SPEC §5.2, then §5.3). */
export const POOL_CRITERIA: readonly PoolCriterion[] = ['group', 'tmt-cpns-unknown', 'not-active', 'promoted-on-d', 'predikat', 'hukdis', 'no-merit'];

export type ReasonScope = 'unit' | 'instansi' | 'all';

export type StatusReason =
  /** skipped: the NIP has no personnel row. */
  | { code: 'no-personnel' }
  /** skipped: SPEC §5.1 "new level unknown". */
  | { code: 'new-level-unknown' }
  /** skipped: SPEC §5.1 "previous level unknown". */
  | { code: 'previous-level-unknown' }
  /** insufficient-data: P has no merit for `year` = year(D) − 1 (SPEC §5.3). */
  | { code: 'no-merit'; year: number }
  /** no-pool: nobody else in scope was in service at P's level before on D. */
  | { code: 'nobody-at-level'; level: number; scope: ReasonScope; date: string; unknownLevel: number }
  /**
   * no-pool: `rivals` people were at the level on D and each failed a criterion; `failed` counts
   * them per criterion (one person may fail several). `years` = [year(D) − 2, year(D) − 1].
   */
  | {
    code: 'nobody-qualified'; level: number; scope: ReasonScope; date: string; years: [number, number];
    rivals: number; failed: Partial<Record<PoolCriterion, number>>; unknownLevel: number;
  };

/** The words of one language; `{x}` placeholders are filled by `reasonText`. */
interface ReasonWords {
  'no-personnel': string;
  'new-level-unknown': string;
  'previous-level-unknown': string;
  'no-merit': string;
  'nobody-at-level': string;
  scope: Record<ReasonScope, string>;
  /** Everyone at the level failed this one criterion. */
  all: Record<PoolCriterion, string>;
  /** "none of the {n} at level {level} {scope} qualified: {parts}". */
  list: string;
  /** One part of the list: `{k}` people failing the criterion. */
  part: Record<PoolCriterion, string>;
  unknownLevel: string;
}

const EN: ReasonWords = {
  'no-personnel': 'no personnel record for this NIP',
  'new-level-unknown': 'new level unknown',
  'previous-level-unknown': 'previous level unknown',
  'no-merit': 'the promoted employee has no merit for {y} (no predikat in {prev} or {y})',
  'nobody-at-level': 'no one else {scope} was at level {level} on {date}',
  scope: { unit: 'in the unit', instansi: 'in the instansi', all: 'in the database' },
  all: {
    group: 'no one at level {level} {scope} is in the same jenis group',
    'tmt-cpns-unknown': 'no one at level {level} {scope} has a known TMT CPNS',
    'not-active': 'no one at level {level} {scope} was active on {date} (inactive or left, SPEC §9)',
    'promoted-on-d': 'everyone at level {level} {scope} was promoted on {date} too',
    predikat: 'no one at level {level} {scope} had predikat ≥ B in {y1} and {y2}',
    hukdis: 'everyone at level {level} {scope} had hukuman disiplin sedang or berat in {y1} or {y2}',
    'no-merit': 'no one at level {level} {scope} had a merit for {y2} (no predikat in {y1} or {y2})',
  },
  list: 'none of the {n} at level {level} {scope} qualified: {parts}',
  part: {
    group: '{k} in another jenis group',
    'tmt-cpns-unknown': '{k} without TMT CPNS',
    'not-active': '{k} not active on {date}',
    'promoted-on-d': '{k} also promoted on {date}',
    predikat: '{k} without predikat ≥ B in {y1} and {y2}',
    hukdis: '{k} with hukuman disiplin sedang or berat',
    'no-merit': '{k} without merit for {y2}',
  },
  unknownLevel: '{k} more {scope} of unknown level on {date}',
};

const ID: ReasonWords = {
  'no-personnel': 'tidak ada data kepegawaian untuk NIP ini',
  'new-level-unknown': 'level jabatan baru tidak diketahui',
  'previous-level-unknown': 'level jabatan sebelumnya tidak diketahui',
  'no-merit': 'pegawai yang dipromosikan tidak memiliki nilai merit {y} (tidak ada predikat {prev} atau {y})',
  'nobody-at-level': 'tidak ada pegawai lain {scope} pada level {level} per {date}',
  scope: { unit: 'di unit ini', instansi: 'di instansi ini', all: 'di seluruh basis data' },
  all: {
    group: 'tidak ada pegawai level {level} {scope} dari kelompok jenis pegawai yang sama',
    'tmt-cpns-unknown': 'tidak ada pegawai level {level} {scope} dengan TMT CPNS yang diketahui',
    'not-active': 'tidak ada pegawai level {level} {scope} yang aktif pada {date}',
    'promoted-on-d': 'semua pegawai level {level} {scope} juga dipromosikan pada {date}',
    predikat: 'tidak ada pegawai level {level} {scope} dengan predikat ≥ Baik pada {y1} dan {y2}',
    hukdis: 'semua pegawai level {level} {scope} mendapat hukuman disiplin sedang atau berat pada {y1} atau {y2}',
    'no-merit': 'tidak ada pegawai level {level} {scope} dengan nilai merit {y2} (tanpa predikat {y1} atau {y2})',
  },
  list: 'tidak ada dari {n} pegawai level {level} {scope} yang memenuhi syarat: {parts}',
  part: {
    group: '{k} dari kelompok jenis pegawai lain',
    'tmt-cpns-unknown': '{k} tanpa TMT CPNS',
    'not-active': '{k} tidak aktif pada {date}',
    'promoted-on-d': '{k} juga dipromosikan pada {date}',
    predikat: '{k} tanpa predikat ≥ Baik pada {y1} dan {y2}',
    hukdis: '{k} dengan hukuman disiplin sedang atau berat',
    'no-merit': '{k} tanpa nilai merit {y2}',
  },
  unknownLevel: '{k} pegawai lain {scope} tidak diketahui levelnya per {date}',
};

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/**
 * The reason in words, e.g. "no one at level 4 in the unit had predikat ≥ B in 2022 and 2023".
 * A criterion failed by everyone at the level explains the empty pool alone; otherwise every
 * failed criterion is named with its count.
 */
export function reasonText(reason: StatusReason, lang: 'en' | 'id' = 'en'): string {
  const w = lang === 'id' ? ID : EN;
  switch (reason.code) {
    case 'no-personnel':
    case 'new-level-unknown':
    case 'previous-level-unknown':
      return w[reason.code];
    case 'no-merit':
      return fill(w['no-merit'], { y: reason.year, prev: reason.year - 1 });
    case 'nobody-at-level':
      return withUnknown(fill(w['nobody-at-level'], { scope: w.scope[reason.scope], level: reason.level, date: reason.date }), reason, w);
    case 'nobody-qualified': {
      const params = { scope: w.scope[reason.scope], level: reason.level, date: reason.date, y1: reason.years[0], y2: reason.years[1], n: reason.rivals };
      const failed = POOL_CRITERIA.filter((c) => (reason.failed[c] ?? 0) > 0);
      const everyone = failed.find((c) => reason.failed[c] === reason.rivals);
      const text = everyone !== undefined
        ? fill(w.all[everyone], params)
        : fill(w.list, { ...params, parts: failed.map((c) => fill(w.part[c], { ...params, k: reason.failed[c] ?? 0 })).join(', ') });
      return withUnknown(text, reason, w);
    }
  }
}

function withUnknown(text: string, reason: { scope: ReasonScope; date: string; unknownLevel: number }, w: ReasonWords): string {
  if (reason.unknownLevel === 0) return text;
  return `${text}; ${fill(w.unknownLevel, { k: reason.unknownLevel, scope: w.scope[reason.scope], date: reason.date })}`;
}

/** The reason of a skipped event from its SPEC §5.1 phrase (audit.ts `auditSkipReason`). */
export function skipReasonOf(text: string): StatusReason {
  if (text === 'new level unknown') return { code: 'new-level-unknown' };
  if (text === 'no personnel record for this NIP') return { code: 'no-personnel' };
  return { code: 'previous-level-unknown' };
}
