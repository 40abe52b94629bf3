/**
 * The eligibility rules of SPEC §11 in words, Indonesian (default) and English: why a person is
 * excluded ("pendidikan SLTA, minimal D-III"; "masa kerja 3 tahun 2 bulan, minimal 4 tahun"), what
 * each rule requires, and the regulation it comes from. The list goes to the committee and to the
 * people left out, so every reason carries the person's own figure and the threshold.
 */
import type { EligibilityRule, Failure } from './eligibility.js';
import type { EligibilityLevelRules, EligibilityModel } from './model.js';
import type { EducationCode, Hukdis } from './types.js';

export type Lang = 'id' | 'en';

/** Short education names as regulations write them (S-1 covers D-IV, SPEC §1.5). */
const EDUCATION_SHORT: Record<EducationCode, string> = {
  'S-3': 'S-3', 'S-2': 'S-2', 'S-1': 'S-1/D-IV', 'D-III': 'D-III', 'D-II': 'D-II', 'D-I': 'D-I', SLTA: 'SLTA', SLTP: 'SLTP', SD: 'SD',
};

const HUKDIS_ORDER: readonly Hukdis[] = ['none', 'ringan', 'sedang', 'berat'];

/** "3 tahun 2 bulan", "4 tahun", "7 bulan" (en: "3 years 2 months"). */
export function durationText(months: number, lang: Lang): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts: string[] = [];
  if (lang === 'id') {
    if (y > 0 || m === 0) parts.push(`${y} tahun`);
    if (m > 0) parts.push(`${m} bulan`);
  } else {
    if (y > 0 || m === 0) parts.push(`${y} year${y === 1 ? '' : 's'}`);
    if (m > 0) parts.push(`${m} month${m === 1 ? '' : 's'}`);
  }
  return parts.join(' ');
}

function years(n: number, lang: Lang): string {
  return lang === 'id' ? `${n} tahun` : `${n} year${n === 1 ? '' : 's'}`;
}

/** One failed rule as a sentence fragment for the excluded list (SPEC §11). */
export function reasonText(f: Failure, lang: Lang): string {
  const id = lang === 'id';
  switch (f.rule) {
    case 'education': {
      const min = EDUCATION_SHORT[f.required];
      if (f.actual === null) return id ? `pendidikan tidak tercatat, minimal ${min}` : `education not recorded, at least ${min}`;
      return id ? `pendidikan ${EDUCATION_SHORT[f.actual]}, minimal ${min}` : `education ${EDUCATION_SHORT[f.actual]}, at least ${min}`;
    }
    case 'experience': {
      const need = years(f.requiredYears, lang);
      if (f.level === null) {
        if (f.months === null) return id ? `masa kerja tidak diketahui (TMT CPNS tidak tercatat), minimal ${need}` : `service unknown (no TMT CPNS recorded), at least ${need}`;
        return id ? `masa kerja ${durationText(f.months, lang)}, minimal ${need}` : `service ${durationText(f.months, lang)}, at least ${need}`;
      }
      const at = id ? `jabatan level ${f.level} ke atas` : `level ${f.level} or higher`;
      if (!f.atLevel) return id ? `belum menduduki ${at}, minimal ${need}` : `not yet in a post of ${at}, at least ${need}`;
      if (f.months === null) return id ? `lama pada ${at} tidak diketahui (TMT jabatan tidak tercatat), minimal ${need}` : `time at ${at} unknown (no TMT jabatan recorded), at least ${need}`;
      return id ? `pada ${at} ${durationText(f.months, lang)}, minimal ${need}` : `at ${at} for ${durationText(f.months, lang)}, at least ${need}`;
    }
    case 'performance':
      if (f.actual === null) return id ? `predikat ${f.year} tidak ada, minimal ${f.required}` : `no predikat for ${f.year}, at least ${f.required}`;
      return id ? `predikat ${f.year} ${f.actual}, minimal ${f.required}` : `predikat ${f.year} ${f.actual}, at least ${f.required}`;
    case 'discipline':
      return id ? `hukuman disiplin ${f.actual} pada ${f.year}` : `hukuman disiplin ${f.actual} in ${f.year}`;
    case 'golongan':
      if (f.actual === null) return id ? `golongan tidak tercatat, minimal ${f.required}` : `golongan not recorded, at least ${f.required}`;
      return id ? `golongan ${f.actual}, minimal ${f.required}` : `golongan ${f.actual}, at least ${f.required}`;
    case 'age':
      if (f.age === null) return id ? `usia tidak diketahui (tanggal lahir tidak tercatat), maksimal ${years(f.maxAge, lang)}` : `age unknown (no birth date recorded), at most ${f.maxAge}`;
      return id ? `usia ${f.age} tahun, maksimal ${f.maxAge} tahun` : `age ${f.age}, at most ${f.maxAge}`;
  }
}

/** Every reason of one person, joined by "; " (the `reasons` column of SPEC §11). */
export function reasonsText(failures: readonly Failure[], lang: Lang): string {
  return failures.map((f) => reasonText(f, lang)).join('; ');
}

function yearList(counted: readonly number[], lang: Lang): string {
  if (counted.length <= 1) return counted.join('');
  return `${counted.slice(0, -1).join(', ')} ${lang === 'id' ? 'dan' : 'and'} ${counted[counted.length - 1]}`;
}

/** What a rule requires at this level, in words; null when the rule is dropped (a null threshold). */
export function requirementText(rule: EligibilityRule, rules: EligibilityLevelRules, model: EligibilityModel, counted: readonly number[], date: string, lang: Lang): string | null {
  const id = lang === 'id';
  switch (rule) {
    case 'education':
      return rules.education === null ? null : id ? `pendidikan minimal ${EDUCATION_SHORT[rules.education]}` : `education at least ${EDUCATION_SHORT[rules.education]}`;
    case 'experience': {
      if (rules.experienceYears === null) return null;
      const need = years(rules.experienceYears, lang);
      if (rules.experienceLevel === null) return id ? `masa kerja minimal ${need} (sebagai pelaksana atau lebih tinggi)` : `at least ${need} of service (as pelaksana or higher)`;
      return id ? `minimal ${need} pada jabatan level ${rules.experienceLevel} ke atas` : `at least ${need} at level ${rules.experienceLevel} or higher`;
    }
    case 'performance':
      if (counted.length === 0) return null;
      return id ? `predikat kinerja minimal ${model.minPredikat} pada ${yearList(counted, lang)}` : `predikat at least ${model.minPredikat} in ${yearList(counted, lang)}`;
    case 'discipline': {
      const heavier = HUKDIS_ORDER.slice(HUKDIS_ORDER.indexOf(model.maxHukuman) + 1);
      if (heavier.length === 0 || counted.length === 0) return null;
      const words = heavier.join(id ? ' atau ' : ' or ');
      return id ? `tanpa hukuman disiplin ${words} pada ${yearList(counted, lang)}` : `no hukuman disiplin ${words} in ${yearList(counted, lang)}`;
    }
    case 'golongan':
      return rules.golongan === null ? null : id ? `golongan minimal ${rules.golongan} pada ${date}` : `golongan at least ${rules.golongan} on ${date}`;
    case 'age':
      return rules.maxAge === null ? null : id ? `usia maksimal ${rules.maxAge} tahun pada ${date}` : `age at most ${rules.maxAge} on ${date}`;
  }
}

/** The article of PP 11/2017 (as amended by PP 17/2020) that sets the requirements of a post level. */
function article(level: number): string {
  return level === 5 ? '54' : level === 6 ? '53' : '107';
}

/** Where a rule comes from, for the rules table of the report (SPEC §11). */
export function regulationText(rule: EligibilityRule, level: number, lang: Lang): string {
  const pp = `PP 11/2017 ${lang === 'id' ? 'ps.' : 'art.'} ${article(level)}`;
  const amended = lang === 'id' ? 'sebagaimana diubah PP 17/2020' : 'as amended by PP 17/2020';
  switch (rule) {
    case 'education':
    case 'experience':
    case 'performance':
      return `${pp} ${amended}`;
    case 'discipline':
      return `PP 94/2021; ${pp} (${lang === 'id' ? 'integritas' : 'integrity'})`;
    case 'golongan':
      return lang === 'id' ? 'PP 13/2002 (tabel eselon dan golongan)' : 'PP 13/2002 (eselon and golongan table)';
    case 'age':
      return level >= 7 ? `${pp} ${amended}; PP 11/2017 ${lang === 'id' ? 'ps.' : 'art.'} 239 (BUP)` : `PP 11/2017 ${lang === 'id' ? 'ps.' : 'art.'} 239 (BUP)`;
  }
}
