/**
 * The eligibility rules of SPEC §11 (PP 11/2017 as amended by PP 17/2020), one table per rule,
 * with hand-worked cases at the thresholds of the built-in model, and the reasons in words.
 */
import { describe, expect, it } from 'vitest';
import {
  ageAt, ageAtMost, checkEligibility, countedYears, disciplineAtMost, educationAtLeast, experienceAtLevel,
  golonganAtLeast, monthsAtLevel, performanceAtLeast, serviceAtLeast, yearsToBup, type EligibilityInput, type PostEntry,
} from '../../src/domain/eligibility.js';
import { durationText, reasonsText, reasonText, regulationText, requirementText } from '../../src/domain/eligibility-reasons.js';
import { loadModel } from '../../src/model/load.js';

const model = loadModel().model;
const D = '2026-01-15';

describe('education at least (PP 11/2017 art. 54 b, 53 b)', () => {
  it.each([
    ['SLTA', 'D-III', 'pendidikan SLTA, minimal D-III'],
    ['D-II', 'D-III', 'pendidikan D-II, minimal D-III'],
    ['D-III', 'S-1', 'pendidikan D-III, minimal S-1/D-IV'],
    [null, 'D-III', 'pendidikan tidak tercatat, minimal D-III'],
  ] as const)('%s against %s fails: "%s"', (actual, required, text) => {
    const f = educationAtLeast(actual, required, model.education);
    expect(f).not.toBeNull();
    expect(reasonText(f!, 'id')).toBe(text);
  });
  it.each([
    ['D-III', 'D-III'], ['S-1', 'D-III'], ['S-2', 'S-1'], ['S-3', 'S-1'], ['S-1', 'S-1'],
  ] as const)('%s meets %s', (actual, required) => {
    expect(educationAtLeast(actual, required, model.education)).toBeNull();
  });
});

describe('years of service (PP 11/2017 art. 54 d), whole months from tmt_cpns against 12·N', () => {
  it.each([
    // tmt_cpns, D, required years, months (null = met), reason
    ['2022-01-01', D, 4, 48, null], // 2026-01 − 2022-01 = 48 months, day 15 ≥ 1 → exactly 4 years: met
    ['2022-01-16', D, 4, 47, 'masa kerja 3 tahun 11 bulan, minimal 4 tahun'], // day 15 < 16 → 47
    ['2022-11-01', D, 4, 38, 'masa kerja 3 tahun 2 bulan, minimal 4 tahun'], // (2026−2022)·12 + (1−11) = 38
    ['2025-06-01', D, 4, 7, 'masa kerja 7 bulan, minimal 4 tahun'],
    [null, D, 4, null, 'masa kerja tidak diketahui (TMT CPNS tidak tercatat), minimal 4 tahun'],
  ] as const)('tmt_cpns %s at %s, %d years', (tmt, date, years, months, text) => {
    const f = serviceAtLeast(tmt, date, years);
    if (text === null) expect(f).toBeNull();
    else {
      expect(f).toMatchObject({ rule: 'experience', level: null, months });
      expect(reasonText(f!, 'id')).toBe(text);
    }
  });
});

describe('months at level ≥ x from the post timeline (SPEC §11)', () => {
  const entries = (...e: Array<[string | null, number | null] | [string | null, number | null, string]>): PostEntry[] =>
    e.map(([from, level, heldSince]) => (heldSince === undefined ? { from, level } : { from, level, heldSince }));
  it.each([
    // timeline, x, months at D 2026-01-15
    ['one post at 5 since 2023-01-01', entries(['2023-01-01', 5]), 5, 36],
    ['one post at 6 counts for ≥ 5', entries(['2024-07-20', 6]), 5, 17], // 18 months minus 1: day 15 < 20
    ['run 4 → 5 → 6: ≥ 5 starts at the 5', entries(['2015-01-01', 4], ['2021-03-01', 5], ['2024-01-01', 6]), 5, 58],
    ['run broken by a 4: starts after it', entries(['2018-01-01', 5], ['2020-01-01', 4], ['2022-01-01', 5]), 5, 48],
    ['entry after D is not looked at', entries(['2020-01-01', 5], ['2026-03-01', 6]), 6, 'not-at-level'],
    ['currently below x', entries(['2020-01-01', 4]), 5, 'not-at-level'],
    ['unknown level breaks the run', entries(['2019-01-01', 5], ['2022-01-01', null]), 5, 'not-at-level'],
    ['undated current post', entries([null, 5]), 5, null],
    ['empty timeline', entries(), 5, 'not-at-level'],
    // Hand-worked from riwayat jabatan (SPEC §9 timelines), D 2026-01-15:
    ['promoted into 5 on 2023-01-15, then a transfer at 5: the run starts at the promotion', entries(['2015-01-01', 4], ['2023-01-15', 5], ['2024-09-01', 5]), 5, 36],
    ['a demotion to 4 breaks the run: it starts again on 2023-02-01', entries(['2018-01-01', 5], ['2021-06-01', 4], ['2023-02-01', 5]), 5, 35],
    ['same date: the last entry (riwayat after snapshot) is the one in force', entries(['2024-12-31', 5], ['2024-12-31', 4]), 5, 'not-at-level'],
    ['a snapshot entry held since its TMT jabatan 2020-01-15', entries(['2024-12-31', 5, '2020-01-15']), 5, 72],
    ['TMT jabatan after the entry before the run: the run starts at it', entries(['2019-01-01', 4], ['2024-12-31', 5, '2021-07-01']), 5, 54],
    ['TMT jabatan before the entry before the run: the run starts at the entry', entries(['2019-01-01', 4], ['2024-12-31', 5, '2016-01-04']), 5, 12],
    ['no entry ≤ D: the earliest is assumed, held since its TMT jabatan', entries(['2026-12-31', 5, '2022-01-15'], ['2027-03-01', 6]), 5, 48],
    ['no entry ≤ D and no TMT jabatan ≤ D: unknown', entries(['2026-03-01', 5]), 5, null],
    ['no entry ≤ D, the earliest below x', entries(['2026-03-01', 4, '2020-01-01']), 5, 'not-at-level'],
  ] as const)('%s', (_name, timeline, x, months) => {
    expect(monthsAtLevel(timeline, x, D)).toBe(months);
  });

  it.each([
    // L6 needs 3 years at ≥ 5; L7 2 years at ≥ 6
    [entries(['2023-01-15', 5]), 5, 3, null],
    [entries(['2023-01-16', 5]), 5, 3, 'pada jabatan level 5 ke atas 2 tahun 11 bulan, minimal 3 tahun'],
    [entries(['2020-01-01', 4]), 5, 3, 'belum menduduki jabatan level 5 ke atas, minimal 3 tahun'],
    [entries([null, 6]), 6, 2, 'lama pada jabatan level 6 ke atas tidak diketahui (TMT jabatan tidak tercatat), minimal 2 tahun'],
  ] as const)('experience at level: %j at ≥ %d for %d years', (timeline, x, years, text) => {
    const f = experienceAtLevel(timeline, x, D, years);
    if (text === null) expect(f).toBeNull();
    else expect(reasonText(f!, 'id')).toBe(text);
  });
});

describe('performance and discipline in year(D)−1 and year(D)−2', () => {
  it('counts the two years before year(D), newest first', () => {
    expect(countedYears(D, 2)).toEqual([2025, 2024]);
    expect(countedYears('2025-12-31', 3)).toEqual([2024, 2023, 2022]);
  });
  it.each([
    [{ 2025: 'SB', 2024: 'B' }, []],
    [{ 2025: 'B', 2024: 'BP' }, ['predikat 2024 BP, minimal B']],
    [{ 2025: 'K', 2024: 'SK' }, ['predikat 2025 K, minimal B', 'predikat 2024 SK, minimal B']],
    [{ 2025: 'SB' }, ['predikat 2024 tidak ada, minimal B']],
    [{ 2025: null, 2024: 'B', 2023: 'BP' }, ['predikat 2025 tidak ada, minimal B']],
  ] as const)('predikat %j', (byYear, texts) => {
    expect(performanceAtLeast(byYear, [2025, 2024], 'B').map((f) => reasonText(f, 'id'))).toEqual(texts);
  });
  it.each([
    [{ 2025: 'ringan', 2024: null }, []],
    [{ 2025: 'none', 2024: 'sedang' }, ['hukuman disiplin sedang pada 2024']],
    [{ 2025: 'berat', 2023: 'berat' }, ['hukuman disiplin berat pada 2025']], // 2023 is not counted
    [{}, []],
  ] as const)('hukuman %j', (byYear, texts) => {
    expect(disciplineAtMost(byYear, [2025, 2024], 'ringan').map((f) => reasonText(f, 'id'))).toEqual(texts);
  });
});

describe('golongan at D at least (PP 13/2002 table)', () => {
  it.each([
    [31, 'III/a', null], [34, 'III/a', null], [24, 'III/a', 'golongan II/d, minimal III/a'],
    [32, 'III/c', 'golongan III/b, minimal III/c'], [42, 'IV/b', null], [41, 'IV/b', 'golongan IV/a, minimal IV/b'],
    [null, 'III/c', 'golongan tidak tercatat, minimal III/c'],
  ] as const)('code %s against %s', (code, required, text) => {
    const f = golonganAtLeast(code, required);
    if (text === null) expect(f).toBeNull();
    else expect(reasonText(f!, 'id')).toBe(text);
  });
});

describe('age at D (PP 11/2017 art. 239 BUP 58; JPT pratama at most 56)', () => {
  it.each([
    ['1968-01-15', 58], ['1968-01-16', 57], ['1969-06-30', 56], [null, null],
  ] as const)('born %s → %s at 2026-01-15', (born, age) => {
    expect(ageAt(born, D)).toBe(age);
  });
  it.each([
    ['1968-01-16', 57, null], // 57 years 11 months: below 58
    ['1968-01-15', 57, 'usia 58 tahun, maksimal 57 tahun'], // 58th birthday on D
    ['1969-01-15', 56, 'usia 57 tahun, maksimal 56 tahun'],
    ['1969-01-16', 56, null],
    [null, 57, 'usia tidak diketahui (tanggal lahir tidak tercatat), maksimal 57 tahun'],
  ] as const)('born %s, at most %d', (born, max, text) => {
    const f = ageAtMost(born, D, max);
    if (text === null) expect(f).toBeNull();
    else expect(reasonText(f!, 'id')).toBe(text);
  });
  it.each([
    ['1970-06-15', 58, 2], // 667 months (55 y 7 m) at D: 58·12 − 667 = 29 months → 2 whole years
    ['1970-06-15', 60, 4],
    ['1968-01-15', 58, 0],
    ['1960-01-01', 58, 0], // past the BUP: never negative
    [null, 58, null],
    ['1970-06-15', null, null],
  ] as const)('born %s, BUP %s → %s whole years to BUP', (born, bup, years) => {
    expect(yearsToBup(born, D, bup)).toBe(years);
  });
});

describe('checkEligibility: every failure of one person, in rule order', () => {
  const base: EligibilityInput = {
    pendidikan: 'S-1', tmtCpns: '2010-03-01', golonganCode: 33, tglLahir: '1985-04-18',
    posts: [{ from: '2020-01-01', level: 5 }], predikatByYear: { 2025: 'B', 2024: 'SB' }, hukdisByYear: {},
  };
  it('meets every rule for administrator (L6)', () => {
    expect(checkEligibility(base, D, model.eligibility.levels['6'], model)).toEqual({ eligible: true, failures: [] });
  });
  it('lists every failed rule of someone failing several', () => {
    const person: EligibilityInput = {
      ...base, pendidikan: 'D-III', golonganCode: 32, tglLahir: '1967-05-01',
      posts: [{ from: '2024-02-01', level: 5 }], predikatByYear: { 2025: 'BP' }, hukdisByYear: { 2024: 'berat' },
    };
    const result = checkEligibility(person, D, model.eligibility.levels['6'], model);
    expect(result.eligible).toBe(false);
    expect(result.failures.map((f) => f.rule)).toEqual(['education', 'experience', 'performance', 'performance', 'discipline', 'golongan', 'age']);
    expect(reasonsText(result.failures, 'id')).toBe(
      'pendidikan D-III, minimal S-1/D-IV; pada jabatan level 5 ke atas 1 tahun 11 bulan, minimal 3 tahun; predikat 2025 BP, minimal B; ' +
        'predikat 2024 tidak ada, minimal B; hukuman disiplin berat pada 2024; golongan III/b, minimal III/c; usia 58 tahun, maksimal 57 tahun',
    );
    expect(reasonsText(result.failures, 'en')).toBe(
      'education D-III, at least S-1/D-IV; at level 5 or higher for 1 year 11 months, at least 3 years; predikat 2025 BP, at least B; ' +
        'no predikat for 2024, at least B; hukuman disiplin berat in 2024; golongan III/b, at least III/c; age 58, at most 57',
    );
  });
  it('a null threshold drops its rule', () => {
    const rules = { ...model.eligibility.levels['6'], golongan: null, maxAge: null };
    const person = { ...base, golonganCode: null, tglLahir: null };
    expect(checkEligibility(person, D, rules, model).eligible).toBe(true);
    expect(checkEligibility(person, D, model.eligibility.levels['6'], model).failures.map((f) => f.rule)).toEqual(['golongan', 'age']);
  });
  it('pengawas (L5) counts years of service, not years at level', () => {
    const person = { ...base, tmtCpns: '2022-11-01', posts: [{ from: '2022-11-01', level: 1 }] };
    expect(reasonsText(checkEligibility(person, D, model.eligibility.levels['5'], model).failures, 'id')).toBe('masa kerja 3 tahun 2 bulan, minimal 4 tahun');
  });
});

describe('words for the rules table', () => {
  it.each([
    [0, 'id', '0 tahun'], [38, 'id', '3 tahun 2 bulan'], [48, 'id', '4 tahun'], [13, 'en', '1 year 1 month'], [26, 'en', '2 years 2 months'],
  ] as const)('%d months (%s) → %s', (months, lang, text) => {
    expect(durationText(months, lang)).toBe(text);
  });
  it('states each requirement of the built-in pengawas and JPT pratama rules', () => {
    const l5 = model.eligibility.levels['5'];
    const l7 = model.eligibility.levels['7'];
    const e = model.eligibility;
    expect(requirementText('education', l5, e, [2025, 2024], D, 'id')).toBe('pendidikan minimal D-III');
    expect(requirementText('experience', l5, e, [2025, 2024], D, 'id')).toBe('masa kerja minimal 4 tahun (sebagai pelaksana atau lebih tinggi)');
    expect(requirementText('experience', l7, e, [2025, 2024], D, 'id')).toBe('minimal 2 tahun pada jabatan level 6 ke atas');
    expect(requirementText('performance', l7, e, [2025, 2024], D, 'id')).toBe('predikat kinerja minimal B pada 2025 dan 2024');
    expect(requirementText('discipline', l7, e, [2025, 2024], D, 'en')).toBe('no hukuman disiplin sedang or berat in 2025 and 2024');
    expect(requirementText('golongan', l7, e, [2025, 2024], D, 'id')).toBe('golongan minimal IV/b pada 2026-01-15');
    expect(requirementText('age', l7, e, [2025, 2024], D, 'id')).toBe('usia maksimal 56 tahun pada 2026-01-15');
    expect(requirementText('golongan', { ...l7, golongan: null }, e, [2025, 2024], D, 'id')).toBeNull();
    expect(regulationText('education', 5, 'id')).toBe('PP 11/2017 ps. 54 sebagaimana diubah PP 17/2020');
    expect(regulationText('age', 7, 'en')).toBe('PP 11/2017 art. 107 as amended by PP 17/2020; PP 11/2017 art. 239 (BUP)');
  });
});
