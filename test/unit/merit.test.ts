import { describe, expect, it } from 'vitest';
import { COMPONENT_NAMES, computeMerit, isRated } from '../../src/domain/merit.js';
import type { Appraisal, Employee } from '../../src/domain/types.js';
import { loadModel } from '../../src/model/load.js';
import type { MeritModel } from '../../src/domain/model.js';

const model = loadModel().model;
const NIP = '198503152010011002';

function employee(overrides: Partial<Employee> = {}): Employee {
  return {
    nip: NIP,
    nama: 'Budi Santoso, S.E.',
    jenisPegawai: 'PNS',
    golonganCode: 32,
    tmtGolongan: '2018-04-01',
    tmtCpns: '2010-01-01',
    level: 1,
    pendidikan: 'S-1',
    tahunLulus: 2007,
    tglLahir: '1985-03-15',
    unit: 'Bidang Mutasi BKPSDM',
    instansi: 'Pemerintah Kabupaten Sleman',
    ...overrides,
  };
}

function appraisal(tahun: number, overrides: Partial<Appraisal> = {}): Appraisal {
  return {
    nip: NIP,
    tahun,
    predikat: 'B',
    predikatSource: 'predikat',
    jpm: null,
    potensiWord: null,
    potensiScore: null,
    jp: null,
    hukumanDisiplin: null,
    ...overrides,
  };
}

/** 2024 B (JPM 80, 10 JP), 2025 SB via ratings (JPM 85, 12 JP, no hukuman): every component present. */
const fullHistory: Appraisal[] = [
  appraisal(2024, { predikat: 'B', predikatSource: 'ratings', jpm: 80, jp: 10 }),
  appraisal(2025, { predikat: 'SB', predikatSource: 'nilai_skp', jpm: 85, jp: 12, hukumanDisiplin: 'none' }),
];

function withModel(change: (m: MeritModel) => void): MeritModel {
  const copy = structuredClone(model);
  change(copy);
  return copy;
}

describe('complete merit (SPEC §3 worked example)', () => {
  const result = computeMerit(employee(), fullHistory, 2025, model);

  it('computes each component', () => {
    // kinerja: mean(100 ÷ 150 × 100, 150 ÷ 150 × 100) = (66.667 + 100) / 2 = 83.333
    expect(result.components.kinerja.value).toBeCloseTo(83.333333, 5);
    // kompetensi: latest JPM ≤ 2025 is 85 (2025), cap 100
    expect(result.components.kompetensi.value).toBe(85);
    // pengembangan: min(12 ÷ 20, 1) × 100 = 60
    expect(result.components.pengembangan.value).toBe(60);
    // kualifikasi: S-1 = 60 points
    expect(result.components.kualifikasi.value).toBe(60);
    // disiplin: no hukuman in 2024–2025 = 100
    expect(result.components.disiplin.value).toBe(100);
  });

  it('weights them into merit, coverage 1, complete', () => {
    // 0.30·83.333 + 0.30·85 + 0.10·60 + 0.25·60 + 0.05·100 = 25 + 25.5 + 6 + 15 + 5 = 76.5
    expect(result.merit).toBeCloseTo(76.5, 9);
    expect(result.coverage).toBe(1);
    expect(result.status).toBe('complete');
    expect(result.nip).toBe(NIP);
    expect(result.year).toBe(2025);
  });

  it('contributions add up to merit', () => {
    // kinerja 0.30 · 83.333 ÷ 1 = 25
    expect(result.components.kinerja.contribution).toBeCloseTo(25, 9);
    expect(result.components.kompetensi.contribution).toBeCloseTo(25.5, 9);
    const sum = COMPONENT_NAMES.reduce((s, name) => s + (result.components[name].contribution ?? 0), 0);
    expect(sum).toBeCloseTo(result.merit ?? Number.NaN, 9);
  });

  it('explains each rule with its numbers and records the predikat sources', () => {
    expect(result.components.kinerja.rule).toBe(
      'mean of (value% ÷ 150 × 100) over 2024 (B 100%) and 2025 (SB 150%) = (66.67 + 100) / 2 = 83.33',
    );
    expect(result.components.kinerja.inputs).toMatchObject({
      predikat_2024: 'B', source_2024: 'ratings', predikat_2025: 'SB', source_2025: 'nilai_skp',
    });
    expect(result.components.kompetensi.rule).toBe('latest JPM in years ≤ 2025: 85 (2025), capped at 100 = 85');
    expect(result.components.pengembangan.rule).toBe('min(JP 2025 ÷ target 20 (PNS), 1) × 100 = min(12 ÷ 20, 1) × 100 = 60');
    expect(result.components.kualifikasi.rule).toBe('education points of S-1 = 60');
    expect(result.components.disiplin.rule).toBe('worst hukuman disiplin in 2024–2025: none = 100');
    for (const name of COMPONENT_NAMES) expect(result.components[name].missing).toBeNull();
  });
});

describe('renormalisation over present components', () => {
  it.each([
    // [case, employee, appraisals, missing component, merit, coverage]
    // no JP in 2025 (the 40 JP of 2024 do not count): (25 + 25.5 + 15 + 5) / 0.9 = 70.5 / 0.9 = 78.333
    [
      'no JP in Y',
      employee(),
      [appraisal(2024, { jpm: 80, jp: 40 }), appraisal(2025, { predikat: 'SB', jpm: 85 })],
      'pengembangan',
      78.333333,
      0.9,
    ],
    // pendidikan unknown: (25 + 25.5 + 6 + 5) / 0.75 = 61.5 / 0.75 = 82
    ['pendidikan unknown', employee({ pendidikan: null }), fullHistory, 'kualifikasi', 82, 0.75],
    // no JPM at all: (25 + 6 + 15 + 5) / 0.7 = 51 / 0.7 = 72.857
    [
      'no JPM',
      employee(),
      [appraisal(2024, { jp: 10 }), appraisal(2025, { predikat: 'SB', jp: 12 })],
      'kompetensi',
      72.857143,
      0.7,
    ],
  ] as const)('%s', (_case, who, appraisals, missing, merit, coverage) => {
    const result = computeMerit(who, appraisals, 2025, model);
    expect(result.merit).toBeCloseTo(merit, 5);
    expect(result.coverage).toBeCloseTo(coverage, 12);
    expect(result.status).toBe('incomplete');
    expect(result.components[missing].value).toBeNull();
    expect(result.components[missing].contribution).toBeNull();
    expect(result.components[missing].missing).not.toBeNull();
    const sum = COMPONENT_NAMES.reduce((s, name) => s + (result.components[name].contribution ?? 0), 0);
    expect(sum).toBeCloseTo(merit, 5);
  });

  it('says why pengembangan is missing', () => {
    const result = computeMerit(employee(), [appraisal(2025)], 2025, model);
    expect(result.components.pengembangan.missing).toBe('no JP recorded for 2025');
    expect(result.components.kualifikasi.missing).toBeNull();
  });

  it('divides coverage by the weight total when the weights do not sum to 1', () => {
    const doubled = withModel((m) => {
      m.weights = { kinerja: 0.6, kompetensi: 0.6, pengembangan: 0.2, kualifikasi: 0.5, disiplin: 0.1 };
    });
    // Same proportions → same merit 76.5; coverage 2 ÷ 2 = 1
    const full = computeMerit(employee(), fullHistory, 2025, doubled);
    expect(full.merit).toBeCloseTo(76.5, 9);
    expect(full.status).toBe('complete');
    // pengembangan missing: coverage (2 − 0.2) ÷ 2 = 0.9
    const partial = computeMerit(employee({ pendidikan: 'S-1' }), [appraisal(2025, { jpm: 85 })], 2025, doubled);
    expect(partial.coverage).toBeCloseTo(0.9, 12);
  });
});

describe('unrated', () => {
  it.each([
    ['only appraisals before the window', [appraisal(2022, { predikat: 'SB' }), appraisal(2023)]],
    ['only an appraisal after Y', [appraisal(2026, { predikat: 'SB' })]],
    ['a 2025 row without predikat (JPM only)', [appraisal(2025, { predikat: null, predikatSource: null, jpm: 90 })]],
    ['no appraisals', []],
  ])('%s', (_case, appraisals) => {
    const result = computeMerit(employee(), appraisals, 2025, model);
    expect(result.status).toBe('unrated');
    expect(result.merit).toBeNull();
    expect(result.coverage).toBe(0);
    for (const name of COMPONENT_NAMES) {
      expect(result.components[name].value).toBeNull();
      expect(result.components[name].missing).toBe('unrated: no appraisal with a predikat in 2024 or 2025');
    }
    expect(isRated(appraisals, 2025)).toBe(false);
  });

  it('ignores appraisals of another NIP', () => {
    const other = appraisal(2025, { nip: '199001012015032001' });
    expect(computeMerit(employee(), [other], 2025, model).status).toBe('unrated');
  });
});

describe('kinerja', () => {
  it.each([
    // value % ÷ 150 × 100
    ['SB', 100], // 150 ÷ 150 × 100
    ['B', 66.666667], // 100 ÷ 150 × 100
    ['BP', 50], // 75 ÷ 150 × 100
    ['K', 33.333333], // 50 ÷ 150 × 100
    ['SK', 16.666667], // 25 ÷ 150 × 100
  ] as const)('predikat %s in Y alone → %d', (predikat, value) => {
    const result = computeMerit(employee(), [appraisal(2025, { predikat })], 2025, model);
    expect(result.components.kinerja.value).toBeCloseTo(value, 5);
  });

  it.each([
    // only Y−1 rated: BP → 50; the 2023 SB lies outside {2024, 2025}
    ['only Y−1', [appraisal(2023, { predikat: 'SB' }), appraisal(2024, { predikat: 'BP' })], 50],
    // Y row without predikat does not count as a year: only 2024 K → 33.333
    ['Y row without predikat', [appraisal(2024, { predikat: 'K' }), appraisal(2025, { predikat: null })], 33.333333],
    // (50 + 16.667) / 2 = 33.333
    ['BP and SK', [appraisal(2024, { predikat: 'BP' }), appraisal(2025, { predikat: 'SK' })], 33.333333],
  ])('%s', (_case, appraisals, value) => {
    expect(computeMerit(employee(), appraisals, 2025, model).components.kinerja.value).toBeCloseTo(value, 5);
  });

  it('uses the model predikat values and divisor', () => {
    const custom = withModel((m) => {
      m.predikatValue.B = 120;
      m.kinerja.maxValue = 120;
    });
    // 120 ÷ 120 × 100 = 100
    expect(computeMerit(employee(), [appraisal(2025)], 2025, custom).components.kinerja.value).toBe(100);
  });
});

describe('kompetensi', () => {
  it.each([
    // latest ≤ 2025 is 2024 (75); the 2026 JPM 95 is ignored
    ['latest ≤ Y, ignoring Y+1', [appraisal(2023, { jpm: 70 }), appraisal(2024, { jpm: 75 }), appraisal(2025), appraisal(2026, { jpm: 95 })], 75, 2024],
    // JPM from 2021, outside the window, still counts
    ['an old JPM', [appraisal(2021, { jpm: 68.5 }), appraisal(2025)], 68.5, 2021],
    ['JPM of Y itself', [appraisal(2024, { jpm: 92 }), appraisal(2025, { jpm: 64 })], 64, 2025],
  ])('%s', (_case, appraisals, value, year) => {
    const component = computeMerit(employee(), appraisals, 2025, model).components.kompetensi;
    expect(component.value).toBe(value);
    expect(component.inputs['jpm_year']).toBe(year);
  });

  it('caps at the model cap', () => {
    const capped = withModel((m) => {
      m.kompetensi.cap = 90;
    });
    // min(96, 90) = 90
    const component = computeMerit(employee(), [appraisal(2025, { jpm: 96 })], 2025, capped).components.kompetensi;
    expect(component.value).toBe(90);
    expect(component.rule).toBe('latest JPM in years ≤ 2025: 96 (2025), capped at 90 = 90');
  });
});

describe('pengembangan', () => {
  const pppk24 = withModel((m) => {
    m.pengembangan.jpTarget.PPPK = 24;
  });
  it.each([
    // [case, jenis, jp, model, value]
    ['PNS 12 JP: min(12 ÷ 20, 1) × 100', 'PNS', 12, model, 60],
    ['PNS 30 JP: min(30 ÷ 20, 1) × 100', 'PNS', 30, model, 100],
    ['PNS 0 JP', 'PNS', 0, model, 0],
    ['CPNS 20 JP: 20 ÷ 20', 'CPNS', 20, model, 100],
    ['PPPK 12 JP, target 24 from the model: 12 ÷ 24', 'PPPK', 12, pppk24, 50],
    ['PPPK 12 JP, default target 20', 'PPPK', 12, model, 60],
    ['jenis unknown uses the PNS target: 12 ÷ 20', null, 12, pppk24, 60],
  ] as const)('%s → %d', (_case, jenisPegawai, jp, m, value) => {
    const result = computeMerit(employee({ jenisPegawai }), [appraisal(2025, { jp })], 2025, m);
    expect(result.components.pengembangan.value).toBeCloseTo(value, 9);
  });
});

describe('kualifikasi', () => {
  it.each([
    ['S-3', 100], ['S-2', 80], ['S-1', 60], ['D-III', 40], ['D-II', 20], ['D-I', 20], ['SLTA', 4], ['SLTP', 4], ['SD', 4],
  ] as const)('%s → %d points', (pendidikan, points) => {
    const result = computeMerit(employee({ pendidikan }), [appraisal(2025)], 2025, model);
    expect(result.components.kualifikasi.value).toBe(points);
  });
});

describe('disiplin: worst hukuman in {Y−1, Y}', () => {
  it.each([
    ['sedang 2024 beats ringan 2025', 'sedang', 'ringan', 40],
    ['ringan in Y', null, 'ringan', 70],
    ['berat in Y−1, empty in Y', 'berat', null, 0],
    ['both empty count as none', null, null, 100],
    ['none and ringan', 'none', 'ringan', 70],
  ] as const)('%s → %d', (_case, h2024, h2025, value) => {
    const appraisals = [appraisal(2024, { hukumanDisiplin: h2024 }), appraisal(2025, { hukumanDisiplin: h2025 })];
    expect(computeMerit(employee(), appraisals, 2025, model).components.disiplin.value).toBe(value);
  });

  it('ignores a hukuman outside the window', () => {
    const appraisals = [appraisal(2023, { hukumanDisiplin: 'berat' }), appraisal(2025), appraisal(2026, { hukumanDisiplin: 'sedang' })];
    const component = computeMerit(employee(), appraisals, 2025, model).components.disiplin;
    expect(component.value).toBe(100);
    expect(component.missing).toBeNull();
  });

  it('names the year of the worst hukuman', () => {
    const appraisals = [appraisal(2024, { hukumanDisiplin: 'sedang' }), appraisal(2025, { hukumanDisiplin: 'ringan' })];
    expect(computeMerit(employee(), appraisals, 2025, model).components.disiplin.rule).toBe(
      'worst hukuman disiplin in 2024–2025: sedang (2024) = 40',
    );
  });
});
