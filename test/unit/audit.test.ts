import { describe, it, expect } from 'vitest';
import {
  auditEvent, auditSkipReason, levelAt, levelBefore, noPoolReason, selectPool, summarizeAudit, summarizeByUnit,
  unauditedResult, type AuditEventResult, type Candidate,
} from '../../src/domain/audit.js';
import { reasonText, type StatusReason } from '../../src/domain/audit-reason.js';
import { dukKeyAt, type DukKey } from '../../src/domain/duk.js';
import type { Employee, Promotion } from '../../src/domain/types.js';

const D = '2024-01-02'; // strict eligibility looks at 2023 and 2022
const UNIT = 'Dinas Kesehatan';
const INSTANSI = 'Pemerintah Kabupaten Sleman';

function promotion(over: Partial<Promotion> = {}): Promotion {
  return {
    nip: '198503122010011001', tmt: D, jabatanBaru: 'Kepala Bidang Pelayanan Kesehatan',
    levelBaru: 6, levelAsal: null, unit: null, ...over,
  };
}

/** DUK key whose seniority is driven by golongan (desc), then tmt_golongan (asc). */
function duk(nip: string, golonganCode: number, over: Partial<DukKey> = {}): DukKey {
  return {
    nip, group: 'PNS', golonganCode, tmtGolongan: '2020-04-01', level: 5, serviceMonths: 160,
    educationRank: 8, tahunLulus: 2008, tglLahir: '1985-03-12', ...over,
  };
}

function candidate(nip: string, merit: number | null, golonganCode = 33, over: Partial<Candidate> = {}): Candidate {
  return {
    nip, unit: UNIT, instansi: INSTANSI, group: 'PNS', tmtCpns: '2010-01-01', levelAtD: 5,
    promotedOnD: false, merit, duk: duk(nip, golonganCode),
    predikatByYear: { 2022: 'B', 2023: 'SB' }, hukdisByYear: { 2022: 'none', 2023: null },
    ...over,
  };
}

describe('levelBefore (SPEC §5.1)', () => {
  const earlier = [
    promotion({ tmt: '2019-03-01', levelBaru: 4 }),
    promotion({ tmt: '2021-07-01', levelBaru: 5 }),
    promotion({ tmt: '2025-01-01', levelBaru: 7 }), // later than the event: ignored
  ];
  it.each([
    ['eselon_asal given', promotion({ levelAsal: 4 }), earlier, 5, { level: 4, source: 'asal' }],
    ['latest earlier promotion', promotion(), earlier, 6, { level: 5, source: 'previous-promotion' }],
    ['latest earlier promotion with unknown level', promotion(), [earlier[0] as Promotion, promotion({ tmt: '2022-01-03', levelBaru: null })], 4,
      { level: null, source: null, reason: 'previous level unknown' }],
    ['personnel level lower than the new level', promotion(), [], 5, { level: 5, source: 'personnel' }],
    ['personnel level equal to the new level', promotion(), [], 6, { level: null, source: null, reason: 'previous level unknown' }],
    ['personnel level unknown', promotion(), [], null, { level: null, source: null, reason: 'previous level unknown' }],
    ['new level unknown, no asal', promotion({ levelBaru: null }), [], 5, { level: null, source: null, reason: 'previous level unknown' }],
    ['earlier events of someone else', promotion(), [promotion({ nip: '199001012015032002', tmt: '2020-01-01', levelBaru: 5 })], 4,
      { level: 4, source: 'personnel' }],
  ])('%s', (_label, event, earlierEvents, personnel, expected) => {
    expect(levelBefore(event, earlierEvents, personnel)).toEqual(expected);
  });

  it.each([
    [promotion({ levelBaru: null }), { level: 5, source: 'asal' as const }, 'new level unknown'],
    [promotion(), { level: null, source: null, reason: 'previous level unknown' }, 'previous level unknown'],
    [promotion(), { level: 5, source: 'personnel' as const }, null],
  ])('auditSkipReason(%j, %j) = %s', (event, before, expected) => {
    expect(auditSkipReason(event, before)).toBe(expected);
  });
});

describe('levelAt (SPEC §5.2)', () => {
  const promos = [{ tmt: '2023-07-01', levelBefore: 4 }, { tmt: '2020-01-01', levelBefore: 3 }];
  it.each([
    ['before every promotion', '2019-06-01', promos, 5, 3],
    ['on the day of a promotion (not after D)', '2020-01-01', promos, 5, 4],
    ['between promotions', '2022-12-31', promos, 5, 4],
    ['after the last promotion → current level', '2023-07-01', promos, 5, 5],
    ['no promotions → current level', D, [], 5, 5],
    ['no promotions, current unknown', D, [], null, null],
    ['next promotion has unknown level before', '2019-06-01', [{ tmt: '2020-01-01', levelBefore: null }], 5, null],
  ])('%s', (_label, date, list, current, expected) => {
    expect(levelAt(date, list, current)).toBe(expected);
  });
});

describe('selectPool (SPEC §5.2)', () => {
  const P = { ...candidate('198503122010011001', 70, 34), levelBefore: 5 };
  const everyone: Candidate[] = [
    P,
    candidate('198701012011012001', 80), // A: meets everything
    candidate('198802022012011002', 80, 33, { unit: 'Dinas Pendidikan' }), // B: other unit, same instansi
    candidate('198903032013012003', 80, 33, { unit: 'Dinas Sosial', instansi: 'Pemerintah Kota Yogyakarta' }), // C
    candidate('199004042019032004', 80, 33, { group: 'PPPK' }), // PPPK
    candidate('199105052024011005', 80, 33, { tmtCpns: '2024-02-01' }), // joined after D
    candidate('199206062014021006', 80, 33, { levelAtD: 4 }), // other level
    candidate('199307072015031007', 80, 33, { promotedOnD: true }),
    candidate('199408082016032008', 80, 33, { predikatByYear: { 2022: 'SB', 2023: 'BP' } }),
    candidate('199509092017011009', 80, 33, { predikatByYear: { 2023: 'B' } }),
    candidate('199610102018012010', 80, 33, { hukdisByYear: { 2022: 'sedang', 2023: 'none' } }),
    candidate('199711112019031011', 80, 33, { levelAtD: null }),
  ];
  const [A, B, C, , , , , BP, NO22, SEDANG] = everyone.slice(1).map((c) => c.nip);
  const strictUnit = [A];
  const basicExtra = [BP, NO22, SEDANG];

  it.each([
    ['unit', 'strict', null, strictUnit],
    ['unit', 'basic', null, [...strictUnit, ...basicExtra]],
    ['instansi', 'strict', null, [A, B]],
    ['all', 'strict', null, [A, B, C]],
    ['all', 'basic', null, [A, B, C, ...basicExtra]],
    ['unit', 'strict', 'Dinas Pendidikan', [B]], // the event's unit wins over P's personnel unit
  ] as const)('scope %s, eligibility %s, event unit %s', (scope, eligibility, eventUnit, expected) => {
    const { pool } = selectPool(P, everyone, D, { scope, eligibility, eventUnit });
    expect(pool.map((c) => c.nip).sort()).toEqual([...expected].sort());
  });

  it.each([
    ['199004042019032004', 'jenis group PPPK differs'],
    ['199307072015031007', 'also promoted on 2024-01-02'],
    ['199408082016032008', 'predikat BP in 2023 (needs SB or B)'],
    ['199509092017011009', 'no predikat for 2022'],
    ['199610102018012010', 'hukuman disiplin sedang in 2022'],
    ['199711112019031011', 'level at D unknown'],
  ])('excluded %s because "%s"', (nip, reason) => {
    const { excluded } = selectPool(P, everyone, D, { scope: 'unit', eligibility: 'strict', eventUnit: null });
    expect(excluded.find((e) => e.nip === nip)?.reason).toBe(reason);
  });

  it('does not list people of another level or outside the scope, nor P, nor anyone appointed after D', () => {
    const { excluded } = selectPool(P, everyone, D, { scope: 'unit', eligibility: 'strict', eventUnit: null });
    expect(excluded.map((e) => e.nip)).not.toContain('199206062014021006');
    expect(excluded.map((e) => e.nip)).not.toContain(B);
    // TMT CPNS 2024-02-01 > D = 2024-01-02: not in service at D (SPEC §5.2), so not a rival at all.
    expect(excluded.map((e) => e.nip)).not.toContain('199105052024011005');
    expect(excluded).toHaveLength(6);
  });

  it('returns the pool in DUK order', () => {
    const { pool } = selectPool(P, everyone, D, { scope: 'all', eligibility: 'strict', eventUnit: null });
    const seniors = [candidate('198001012005011001', 60, 41), candidate('198101012006011002', 60, 32)];
    const withSeniors = selectPool(P, [...everyone, ...seniors], D, { scope: 'all', eligibility: 'strict', eventUnit: null });
    expect(pool.map((c) => c.nip)).toEqual([A, B, C]);
    expect(withSeniors.pool.map((c) => c.nip)).toEqual(['198001012005011001', A, B, C, '198101012006011002']);
  });
});

describe('auditEvent flag rule (SPEC §5.5, 6-decimal comparison of §2)', () => {
  const margin = 10;
  const run = (pMerit: number, cMerit: number, cGolongan = 32) =>
    auditEvent({
      event: promotion(), promoted: candidate('198503122010011001', pMerit, 34), levelBefore: 5,
      pool: [candidate('198701012011012001', cMerit, cGolongan)], margin,
    });
  it.each([
    ['gap exactly the margin flags', 70, 80, 32, true],
    ['gap margin − 0.000001 does not', 70, 79.999999, 32, false],
    ['gap above the margin flags', 62.5, 91.25, 32, true],
    ['floating noise below the 6th decimal does not hide a flag', 70.00000000000001, 80, 32, true],
    ['better candidate senior in DUK (P not before C) is not flagged', 70, 95, 41, false],
  ])('%s', (_label, pMerit, cMerit, cGolongan, flagged) => {
    const result = run(pMerit, cMerit, cGolongan);
    expect(result.status).toBe('audited');
    expect(result.flagged).toBe(flagged);
    expect(result.passedOver.length).toBe(flagged ? 1 : 0);
    expect(result.severity === null).toBe(!flagged);
  });

  it('the noise case would fail a raw comparison', () => {
    expect(80 >= 70.00000000000001 + margin).toBe(false);
  });

  it("compares P at P's level before, not at the new level", () => {
    // Same golongan and tmt; P's key carries the new level 6, C has more service months.
    const p = candidate('198503122010011001', 60, 33, { levelAtD: 6, duk: duk('198503122010011001', 33, { level: 6, serviceMonths: 100 }) });
    const c = candidate('198701012011012001', 80, 33, { duk: duk('198701012011012001', 33, { serviceMonths: 150 }) });
    const result = auditEvent({ event: promotion(), promoted: p, levelBefore: 5, pool: [c], margin });
    expect(result.seniorityRank).toBe(2);
    expect(result.flagged).toBe(false);
  });
});

describe('auditEvent severity (SPEC §5.6)', () => {
  const P = '198503122010011001';
  it.each([
    // P most senior (golongan 34) and merit rank 3 of 3 > ⌈3/2⌉
    ['high: most senior, merit below the middle', 60, [[71, 32], [72, 31]], 'high'],
    ['high: N = 4, rank 3 > 2', 60, [[75, 32], [90, 31], [50, 31]], 'high'],
    ['medium: rank 2 of 3 is the middle, gap exactly 2 × margin', 60, [[80, 32], [50, 31]], 'medium'],
    ['low: rank 2 of 3, gap 15', 60, [[75, 32], [50, 31]], 'low'],
    ['medium: P not most senior, gap 25', 70, [[40, 41], [95, 32]], 'medium'],
    ['low: P not most senior although last on merit', 70, [[90, 41], [85, 32]], 'low'],
  ] as const)('%s', (_label, pMerit, pool, expected) => {
    const result = auditEvent({
      event: promotion(), promoted: candidate(P, pMerit, 34), levelBefore: 5, margin: 10,
      pool: pool.map(([merit, gol], i) => candidate(`19900101201501100${i + 1}`, merit, gol)),
    });
    expect(result.flagged).toBe(true);
    expect(result.severity).toBe(expected);
  });
});

describe('auditEvent ranks, percentiles and candidates (SPEC §5.3–5.5)', () => {
  const P = candidate('198503122010011001', 70, 34);
  const A = candidate('198701012011012001', 80, 33);
  const B = candidate('198802022012011002', 60, 32);
  const S = candidate('197905052003121001', 90, 41); // senior to P: never passed over
  const result = auditEvent({ event: promotion({ unit: 'Bidang Pelayanan' }), promoted: P, levelBefore: 5, pool: [A, B, S], margin: 10 });

  it.each([
    ['status', 'audited'], ['unit', 'Bidang Pelayanan'], ['poolSize', 3], ['merit', 70],
    ['meritRank', 3], ['seniorityRank', 2], ['meritPercentile', 1 / 3], ['seniorityPercentile', 2 / 3],
    ['flagged', true], ['severity', 'low'], ['meritGap', 10],
  ] as const)('%s = %s', (field, expected) => {
    expect(result[field]).toBe(expected);
  });

  it('lists the passed over, the best candidate and the ranking', () => {
    expect(result.bestCandidate).toEqual({ nip: A.nip, merit: 80 });
    expect(result.passedOver).toEqual([{ nip: A.nip, merit: 80, gap: 10 }]);
    expect(result.ranked).toEqual([
      { nip: S.nip, merit: 90, meritRank: 1, seniorityRank: 1, isPromoted: false, passedOver: false },
      { nip: A.nip, merit: 80, meritRank: 2, seniorityRank: 3, isPromoted: false, passedOver: true },
      { nip: P.nip, merit: 70, meritRank: 3, seniorityRank: 2, isPromoted: true, passedOver: false },
      { nip: B.nip, merit: 60, meritRank: 4, seniorityRank: 4, isPromoted: false, passedOver: false },
    ]);
  });

  it('breaks merit ties by DUK order, for the best candidate too', () => {
    const junior = candidate('199001012015011001', 85, 33, { duk: duk('199001012015011001', 33, { tmtGolongan: '2021-04-01' }) });
    const senior = candidate('199202022016012002', 85.0000001, 33, { duk: duk('199202022016012002', 33, { tmtGolongan: '2019-04-01' }) });
    const r = auditEvent({ event: promotion(), promoted: P, levelBefore: 5, pool: [junior, senior], margin: 10 });
    expect(r.bestCandidate?.nip).toBe(senior.nip);
    expect(r.passedOver.map((c) => c.nip)).toEqual([senior.nip, junior.nip]);
    expect(r.meritGap).toBe(15);
  });

  it('builds DUK keys with dukKeyAt as well', () => {
    const employee = (nip: string, golonganCode: number): Employee => ({
      nip, nama: 'Siti Rahayu, S.Kep.', jenisPegawai: 'PNS', golonganCode, tmtGolongan: '2020-04-01',
      tmtCpns: '2010-01-01', level: 5, pendidikan: 'S-1', tahunLulus: 2008, tglLahir: '1985-03-12',
      unit: UNIT, instansi: INSTANSI,
    });
    const p = candidate('198503122010011001', 60, 34, { duk: dukKeyAt(employee('198503122010011001', 34), D, 8) });
    const c = candidate('198701012011012001', 85, 32, { duk: dukKeyAt(employee('198701012011012001', 32), D, 8) });
    const r = auditEvent({ event: promotion(), promoted: p, levelBefore: 5, pool: [c], margin: 10 });
    expect([r.flagged, r.severity, r.meritRank, r.seniorityRank]).toEqual([true, 'high', 2, 1]);
  });
});

describe('auditEvent statuses (SPEC §5.3)', () => {
  const pool = [candidate('198701012011012001', 80), candidate('198802022012011002', null)];
  it.each([
    ['P has no merit', null, pool, 'insufficient-data', 1],
    ['P without merit and an empty pool', null, [], 'insufficient-data', 0],
    ['only unrated pool members', 70, [candidate('198802022012011002', null)], 'no-pool', 0],
    ['empty pool', 70, [], 'no-pool', 0],
    ['unrated members leave the pool', 70, pool, 'audited', 1],
  ] as const)('%s → %s', (_label, merit, members, status, poolSize) => {
    const r = auditEvent({ event: promotion(), promoted: candidate('198503122010011001', merit, 34), levelBefore: 5, pool: members, margin: 10 });
    expect(r.status).toBe(status);
    expect(r.poolSize).toBe(poolSize);
    if (status !== 'audited') expect([r.flagged, r.meritRank, r.severity]).toEqual([false, null, null]);
    else expect(r.ranked).toHaveLength(2);
  });
});

describe('summarizeAudit / summarizeByUnit (SPEC §5 summary)', () => {
  const audited = (unit: string | null, n: number, meritRank: number, seniorityRank: number, flagged: boolean): AuditEventResult => ({
    ...unauditedResult(promotion(), unit, 'no-pool'), status: 'audited', poolSize: n - 1, merit: 70,
    meritRank, seniorityRank, meritPercentile: (n - meritRank) / (n - 1), seniorityPercentile: (n - seniorityRank) / (n - 1),
    flagged, severity: flagged ? 'low' : null,
  });
  const results: AuditEventResult[] = [
    audited('Dinas Pendidikan', 4, 3, 1, true), // merit 1/3, seniority 1 → s
    audited('Dinas Pendidikan', 3, 1, 2, false), // merit 1, seniority 0.5 → m
    audited('Dinas Kesehatan', 2, 2, 1, true), // merit 0, seniority 1 → s
    audited('Dinas Kesehatan', 5, 2, 2, false), // tie
    unauditedResult(promotion(), 'Dinas Kesehatan', 'skipped', { skipReason: 'new level unknown' }),
    unauditedResult(promotion(), null, 'insufficient-data'),
    unauditedResult(promotion(), 'Dinas Pendidikan', 'no-pool', { merit: 75 }),
  ];

  it('overall figures', () => {
    const summary = summarizeAudit(results);
    expect(summary).toMatchObject({
      events: 7, audited: 4, skipped: 1, insufficientData: 1, noPool: 1, flagged: 2, flagRate: 0.5,
      s: 2, m: 1, p: 1, seniorityBiased: false,
    });
    expect(summary.meanMeritPercentile).toBeCloseTo((1 / 3 + 1 + 0 + 0.75) / 4, 12);
    expect(summary.meanSeniorityPercentile).toBeCloseTo(0.8125, 12);
  });

  it.each([
    [9, 1, 0.021484375, true],
    [1, 9, 0.021484375, false],
    [5, 1, 0.21875, false],
  ])('s=%i, m=%i → p=%f, seniority-biased %s', (s, m, p, biased) => {
    const set = [...Array.from({ length: s }, () => audited(null, 3, 3, 1, true)), ...Array.from({ length: m }, () => audited(null, 3, 1, 3, false))];
    expect(summarizeAudit(set)).toMatchObject({ s, m, p, seniorityBiased: biased });
  });

  it('nothing audited', () => {
    expect(summarizeAudit([results[4] as AuditEventResult])).toMatchObject({
      events: 1, audited: 0, flagRate: null, meanMeritPercentile: null, meanSeniorityPercentile: null, s: 0, m: 0, p: 1,
    });
  });

  it('per unit, sorted by unit, no unit last', () => {
    const byUnit = summarizeByUnit(results);
    expect(byUnit.map((u) => [u.unit, u.summary.events, u.summary.audited, u.summary.flagged])).toEqual([
      ['Dinas Kesehatan', 3, 2, 1],
      ['Dinas Pendidikan', 3, 2, 1],
      [null, 1, 0, 0],
    ]);
  });
});

describe('status_reason (SPEC §7): why an event was not audited', () => {
  const P = { ...candidate('198503122010011001', 70, 34), levelBefore: 5 };
  const unit = { scope: 'unit', eligibility: 'strict', eventUnit: null } as const;
  const BP = { predikatByYear: { 2022: 'B', 2023: 'BP' } } as const;
  // D = 2024-01-02: strict eligibility and the merit window are 2022 and 2023; merit year 2023.
  it.each([
    ['nobody else at level 5 in the unit', [candidate('199206062014021006', 80, 33, { levelAtD: 4 })], 'no one else in the unit was at level 5 on 2024-01-02'],
    ['the only rival was appointed after D (not counted)', [candidate('199105052024011005', 80, 33, { tmtCpns: '2024-02-01' })],
      'no one else in the unit was at level 5 on 2024-01-02'],
    ['everyone fails predikat', [candidate('199408082016032008', 80, 33, BP), candidate('199509092017011009', 80, 33, { predikatByYear: { 2023: 'B' } })],
      'no one at level 5 in the unit had predikat ≥ B in 2022 and 2023'],
    ['everyone qualifies but has no merit', [candidate('199408082016032008', null), candidate('199509092017011009', null)],
      'no one at level 5 in the unit had a merit for 2023 (no predikat in 2022 or 2023)'],
    ['mixed: counts per criterion', [
      candidate('199408082016032008', 80, 33, BP),
      candidate('199004042019032004', 80, 33, { group: 'PPPK', ...BP }),
      candidate('199610102018012010', 80, 33, { hukdisByYear: { 2022: 'sedang' } }),
    ], 'none of the 3 at level 5 in the unit qualified: 1 in another jenis group, 2 without predikat ≥ B in 2022 and 2023, 1 with hukuman disiplin sedang or berat'],
    ['people of unknown level are named apart', [candidate('199307072015031007', 80, 33, { promotedOnD: true }), candidate('199711112019031011', 80, 33, { levelAtD: null })],
      'everyone at level 5 in the unit was promoted on 2024-01-02 too; 1 more in the unit of unknown level on 2024-01-02'],
    ['other units are out of scope', [candidate('198802022012011002', 80, 33, { unit: 'Dinas Pendidikan' })], 'no one else in the unit was at level 5 on 2024-01-02'],
  ])('%s', (_label, everyone, expected) => {
    expect(reasonText(noPoolReason(P, everyone, D, unit))).toBe(expected);
  });

  it.each([
    [{ code: 'new-level-unknown' }, 'new level unknown', 'level jabatan baru tidak diketahui'],
    [{ code: 'previous-level-unknown' }, 'previous level unknown', 'level jabatan sebelumnya tidak diketahui'],
    [{ code: 'no-personnel' }, 'no personnel record for this NIP', 'tidak ada data kepegawaian untuk NIP ini'],
    [{ code: 'no-merit', year: 2023 }, 'the promoted employee has no merit for 2023 (no predikat in 2022 or 2023)',
      'pegawai yang dipromosikan tidak memiliki nilai merit 2023 (tidak ada predikat 2022 atau 2023)'],
    [{ code: 'nobody-qualified', level: 4, scope: 'instansi', date: '2024-07-01', years: [2022, 2023], rivals: 2, failed: { predikat: 2 }, unknownLevel: 0 },
      'no one at level 4 in the instansi had predikat ≥ B in 2022 and 2023', 'tidak ada pegawai level 4 di instansi ini dengan predikat ≥ Baik pada 2022 dan 2023'],
  ] as Array<[StatusReason, string, string]>)('%j in English and Indonesian', (reason, en, id) => {
    expect(reasonText(reason)).toBe(en);
    expect(reasonText(reason, 'id')).toBe(id);
  });

  it('auditEvent and unauditedResult carry the reason; audited events have none', () => {
    const none = auditEvent({ event: promotion(), promoted: candidate('198503122010011001', null), levelBefore: 5, pool: [], margin: 10 });
    expect(none.statusReason).toEqual({ code: 'no-merit', year: 2023 });
    const why: StatusReason = { code: 'nobody-at-level', level: 5, scope: 'unit', date: D, unknownLevel: 0 };
    const empty = auditEvent({ event: promotion(), promoted: candidate('198503122010011001', 70), levelBefore: 5, pool: [], margin: 10, whyNoPool: () => why });
    expect(empty).toMatchObject({ status: 'no-pool', statusReason: why });
    const audited = auditEvent({ event: promotion(), promoted: candidate('198503122010011001', 70), levelBefore: 5, pool: [candidate('198701012011012001', 75)], margin: 10 });
    expect(audited).toMatchObject({ status: 'audited', statusReason: null });
    expect(unauditedResult(promotion(), null, 'skipped', { skipReason: 'new level unknown' }).statusReason).toEqual({ code: 'new-level-unknown' });
  });
});
