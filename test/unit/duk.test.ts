import { describe, expect, it } from 'vitest';
import { compareDuk, dukKeyAt, jenisGroup, serviceMonths, type DukKey } from '../../src/domain/duk.js';
import type { Employee } from '../../src/domain/types.js';

describe('serviceMonths (SPEC §2)', () => {
  it.each([
    // (D.year − t.year) × 12 + (D.month − t.month), minus 1 when D.day < t.day
    ['2010-03-01', '2025-12-31', 189], // 15 × 12 + 9 = 189; 31 ≥ 1
    ['2020-01-15', '2025-12-15', 71], // 5 × 12 + 11 = 71; same day counts as a whole month
    ['2020-01-15', '2025-12-14', 70], // day before: 71 − 1 = 70
    ['2020-01-31', '2020-02-29', 0], // 0 × 12 + 1 − 1 (29 < 31) = 0
    ['2019-03-01', '2019-03-01', 0], // same date
    ['2015-12-01', '2016-01-01', 1], // year boundary: 1 × 12 + (1 − 12) = 1
    ['2009-02-01', '2024-12-31', 190], // 15 × 12 + 10 = 190
  ])('from %s to %s = %d months', (tmtCpns, date, months) => {
    expect(serviceMonths(tmtCpns, date)).toBe(months);
  });

  it('is null when TMT CPNS is unknown', () => {
    expect(serviceMonths(null, '2025-12-31')).toBeNull();
  });
});

describe('jenisGroup', () => {
  it.each([
    ['PNS', 'PNS'],
    ['CPNS', 'PNS'],
    ['PPPK', 'PPPK'],
    [null, null],
  ] as const)('%s → %s', (jenis, group) => {
    expect(jenisGroup(jenis)).toBe(group);
  });
});

const base: DukKey = {
  nip: '198001012005011001',
  group: 'PNS',
  golonganCode: 32,
  tmtGolongan: '2019-04-01',
  level: 4,
  serviceMonths: 180,
  educationRank: 8,
  tahunLulus: 2004,
  tglLahir: '1980-01-01',
};

type Step = keyof DukKey;
/** [step, senior value, junior value] in SPEC §2 order. */
const STEPS: ReadonlyArray<readonly [Step, DukKey[Step], DukKey[Step]]> = [
  ['group', 'PNS', 'PPPK'],
  ['golonganCode', 34, 33], // desc: III/d before III/c
  ['tmtGolongan', '2018-04-01', '2018-10-01'], // asc: longer in the golongan first
  ['level', 5, 4], // desc
  ['serviceMonths', 200, 199], // desc
  ['educationRank', 9, 8], // desc: S-2 before S-1
  ['tahunLulus', 2003, 2004], // asc
  ['tglLahir', '1979-12-31', '1980-01-01'], // asc: older first
  ['nip', '198001012005011001', '198001012005011002'], // asc
];

/**
 * Two keys equal on every step before `index`; `a` senior at `index`; every later step set the
 * other way round, so the comparison can only come out right if step `index` decides.
 */
function pairAt(index: number, senior: DukKey[Step], junior: DukKey[Step]): [DukKey, DukKey] {
  const a: Record<string, unknown> = { ...base };
  const b: Record<string, unknown> = { ...base };
  STEPS.forEach(([step, s, j], i) => {
    if (i > index) {
      a[step] = j;
      b[step] = s;
    }
  });
  const step = STEPS[index]?.[0] ?? 'nip';
  a[step] = senior;
  b[step] = junior;
  return [a as unknown as DukKey, b as unknown as DukKey];
}

describe('compareDuk: each tie-break step decides when all earlier ones are equal', () => {
  it.each(STEPS.map(([step, senior, junior], index) => [step, senior, junior, index] as const))(
    '%s: %s before %s',
    (_step, senior, junior, index) => {
      const [a, b] = pairAt(index, senior, junior);
      expect(compareDuk(a, b)).toBeLessThan(0);
      expect(compareDuk(b, a)).toBeGreaterThan(0);
    },
  );

  it('is 0 for identical keys', () => {
    expect(compareDuk(base, { ...base })).toBe(0);
  });
});

describe('compareDuk: a missing value sorts last at its step', () => {
  it.each(
    STEPS.filter(([step]) => step !== 'nip').map(([step, , junior]) => [step, junior, STEPS.findIndex(([s]) => s === step)] as const),
  )('%s: %s before missing', (_step, present, index) => {
    // Even the "junior" value ranks before a missing one, for ascending and descending steps alike.
    const [a, b] = pairAt(index, present, null);
    expect(compareDuk(a, b)).toBeLessThan(0);
    expect(compareDuk(b, a)).toBeGreaterThan(0);
  });

  it('two missing values tie and the next step decides', () => {
    const a = { ...base, golonganCode: null, tmtGolongan: '2018-04-01' };
    const b = { ...base, golonganCode: null, tmtGolongan: '2020-04-01' };
    expect(compareDuk(a, b)).toBeLessThan(0);
  });
});

describe('compareDuk: PPPK golongan I–XVII within the PPPK group', () => {
  it('IX before V, and any PNS before any PPPK', () => {
    const pppkIX = { ...base, group: 'PPPK' as const, golonganCode: 9 };
    const pppkV = { ...base, group: 'PPPK' as const, golonganCode: 5 };
    const pnsIIa = { ...base, golonganCode: 21 };
    const sorted = [pppkV, pnsIIa, pppkIX].sort(compareDuk);
    expect(sorted).toEqual([pnsIIa, pppkIX, pppkV]);
  });
});

describe('dukKeyAt', () => {
  const employee: Employee = {
    nip: '198503152010011002',
    nama: 'Siti Rahayu, S.Sos.',
    jenisPegawai: 'CPNS',
    golonganCode: 31,
    tmtGolongan: '2022-04-01',
    tmtCpns: '2021-03-01',
    level: 1,
    pendidikan: 'S-1',
    tahunLulus: 2019,
    tglLahir: '1997-08-17',
    unit: 'Dinas Kesehatan',
    instansi: 'Pemerintah Kota Yogyakarta',
  };

  it('computes service months at the date and takes the education rank given', () => {
    // 2021-03-01 → 2025-12-31: 4 × 12 + 9 = 57
    expect(dukKeyAt(employee, '2025-12-31', 8)).toEqual({
      nip: '198503152010011002',
      group: 'PNS',
      golonganCode: 31,
      tmtGolongan: '2022-04-01',
      level: 1,
      serviceMonths: 57,
      educationRank: 8,
      tahunLulus: 2019,
      tglLahir: '1997-08-17',
    });
  });

  it('uses a level at the date when one is given (SPEC §5.4)', () => {
    expect(dukKeyAt(employee, '2024-06-30', 8, 5).level).toBe(5);
  });
});
