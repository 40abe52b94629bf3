/** The state at D (SPEC §9), kedudukan hukum (§1.3), title-row dates and unit identity, table-driven and worked by hand. */
import { describe, expect, it } from 'vitest';
import {
  activeAt, compareEntries, employeeAt, inServiceAt, PRIORITY, snapshotEntryDate, statusAt, timelineAt, versionAt, withPromotions,
  type EntrySource, type PostValues, type StatusValues, type TimelineEntry,
} from '../../src/domain/history.js';
import { statusOfKedudukan } from '../../src/domain/kedudukan.js';
import { displaySpellings, sameUnit, unitKey } from '../../src/domain/unit-identity.js';
import { titleDate } from '../../src/io/title-date.js';

const post = (validFrom: string, source: EntrySource, values: Partial<PostValues>, line = 1): TimelineEntry<PostValues> => ({
  validFrom, priority: PRIORITY[source], source, file: `${source}.csv`, line,
  values: { level: null, jabatan: null, jenisJabatan: null, eselon: null, unit: null, unorId: null, instansi: null, ...values },
});
const status = (validFrom: string, s: StatusValues['status']): TimelineEntry<StatusValues> => ({
  validFrom, priority: 1, source: 'snapshot', file: 'p.csv', line: 2, values: { status: s, reason: null },
});

// A hand-worked career: Ahli Pertama in Dinkes from 2012 (riwayat), Ahli Muda from 2020 (riwayat),
// snapshot of 2024-12-31 (Dinkes), a transfer to Disdik on 2025-03-03 from both the 2025 snapshot
// and the riwayat row (the riwayat wins the tie), and a promotion without a unit on 2025-09-01.
const career = [
  post('2012-04-02', 'riwayat', { level: 4, unit: 'Dinkes' }, 2),
  post('2020-01-02', 'riwayat', { level: 5, unit: 'Dinkes' }, 3),
  post('2024-12-31', 'snapshot', { level: 5, unit: 'Dinkes', instansi: 'Pemkab' }, 6),
  post('2025-03-03', 'snapshot', { level: 5, unit: 'Disdik', instansi: 'Pemkab' }, 7),
  post('2025-03-03', 'riwayat', { level: 5, unit: 'Disdik X' }, 4),
  post('2025-09-01', 'promotion', { level: 6 }, 9),
].sort(compareEntries);

describe('timelineAt (SPEC §9 state at D)', () => {
  it.each([
    // date, level, unit, assumed, source line
    ['2011-01-01', 4, 'Dinkes', true, 2], // before every entry: the earliest entry, assumed
    ['2012-04-02', 4, 'Dinkes', false, 2], // an entry holds from its own date
    ['2019-12-31', 4, 'Dinkes', false, 2],
    ['2024-07-01', 5, 'Dinkes', false, 3],
    ['2025-03-03', 5, 'Disdik X', false, 4], // same date: riwayat beats snapshot
    ['2025-09-01', 6, 'Disdik X', false, 9], // the promotion lacks a unit: the latest earlier entry's
  ])('at %s: level %i, unit %s, assumed %s (line %i)', (date, level, unit, assumed, line) => {
    const at = timelineAt(career, date)!;
    expect(at.values.level).toBe(level);
    expect(at.values.unit).toBe(unit);
    expect(at.assumed).toBe(assumed);
    expect(at.from?.line).toBe(line);
  });

  it('fills instansi, missing from riwayat rows, from the nearest entry that has it', () => {
    expect(timelineAt(career, '2024-07-01')!.values.instansi).toBe('Pemkab');
  });

  it('assumes the level before of the earliest promotion after D when the file gives it', () => {
    const withAsal = career.map((e) => (e.source === 'promotion' ? { ...e, levelBefore: 3 } : e));
    expect(timelineAt(withAsal, '2011-01-01')!.values.level).toBe(3);
    expect(timelineAt(withAsal, '2011-01-01')!.values.unit).toBe('Dinkes');
  });

  it('takes the earliest entry that is not a promotion as the assumed post, and reads its level as the level before only when lower', () => {
    // Promoted to level 6 in Disdik on 2020-03-01; the only snapshot (2026) is later.
    const promotion = (level: number, levelBefore: number | null = null) => ({ ...post('2020-03-01', 'promotion', { level: 6, unit: 'Disdik', jabatan: 'Kepala Seksi' }, 2), levelBefore });
    const snapshot = (level: number) => post('2026-01-31', 'snapshot', { level, unit: 'Dinkes', instansi: 'Pemkab' }, 5);
    const at = (entries: Array<TimelineEntry<PostValues>>) => timelineAt([...entries].sort(compareEntries), '2019-12-31')!;
    expect([at([promotion(6), snapshot(6)]).values.level, at([promotion(6), snapshot(6)]).values.unit]).toEqual([null, 'Dinkes']);
    expect(at([promotion(6), snapshot(5)]).values.level).toBe(5); // lower than the new level: the level before
    expect(at([promotion(6, 4), snapshot(6)]).values.level).toBe(4); // the file's jabatan asal wins
    expect(at([promotion(6, 4), snapshot(6)]).assumed).toBe(true);
    expect(at([promotion(6, 4), snapshot(6)]).from?.line).toBe(5);
    expect(at([promotion(6)]).values.level).toBeNull(); // only a promotion: its level before is unknown
  });

  it.each([
    // same-date entries, date, expected level, unit and line
    ['promotion beats snapshot', [post('2024-01-01', 'snapshot', { level: 5, unit: 'Dinkes' }, 1), post('2024-01-01', 'promotion', { level: 6 }, 2)], 6, 'Dinkes', 2],
    ['riwayat beats promotion', [post('2024-01-01', 'riwayat', { level: 4, unit: 'Disdik' }, 3), post('2024-01-01', 'promotion', { level: 6 }, 2)], 4, 'Disdik', 3],
  ])('%s on one date', (_name, entries, level, unit, line) => {
    const at = timelineAt([...entries].sort(compareEntries), '2024-06-30')!;
    expect([at.values.level, at.values.unit, at.from?.line]).toEqual([level, unit, line]);
  });

  it('keeps a promotion\'s own post (no eselon is none) and a UNOR ID only within its unit', () => {
    const entries = [
      post('2020-01-01', 'snapshot', { level: 5, unit: 'Dinkes', unorId: 'U1', eselon: 'IV.a', jenisJabatan: 'Struktural', instansi: 'Pemkab' }, 1),
      post('2022-01-01', 'promotion', { level: 5, unit: 'Disdik', jabatan: 'Guru Ahli Muda' }, 2),
    ];
    const at = timelineAt(entries, '2023-01-01')!;
    expect(at.values).toMatchObject({ unit: 'Disdik', unorId: null, eselon: null, jenisJabatan: null, instansi: 'Pemkab' });
    const sameUnit = timelineAt([entries[0]!, { ...entries[1]!, values: { ...entries[1]!.values, unit: 'Dinkes' } }], '2023-01-01')!;
    expect(sameUnit.values.unorId).toBe('U1');
  });

  it('merges promotion events into the post timeline in date and priority order', () => {
    const merged = withPromotions([post('2024-01-01', 'snapshot', { level: 5 }, 1)], [
      { tmt: '2024-01-01', levelBaru: 6, levelAsal: 5, jabatanBaru: 'Kepala Seksi', eselonBaru: 'IV.a', unit: null, file: 'p.csv', line: 2 },
      { tmt: '2023-01-01', levelBaru: 5, levelAsal: null, jabatanBaru: 'Ahli Muda', eselonBaru: null, unit: 'Dinkes', file: 'p.csv', line: 3 },
    ]);
    expect(merged.map((e) => [e.validFrom, e.source, e.line, e.levelBefore ?? null])).toEqual([
      ['2023-01-01', 'promotion', 3, null], ['2024-01-01', 'snapshot', 1, null], ['2024-01-01', 'promotion', 2, 5],
    ]);
  });

  it('is null for an empty timeline', () => {
    expect(timelineAt([], '2025-01-01')).toBeNull();
  });
});

describe('status, in service and active at D', () => {
  const statuses = [status('2023-01-01', 'inactive'), status('2024-01-01', 'active'), status('2025-12-31', 'left')];
  it.each([
    ['2022-12-31', 'active', true], // no entry ≤ D: active
    ['2023-06-30', 'inactive', false],
    ['2024-06-30', 'active', false],
    ['2025-12-31', 'left', false],
  ])('at %s the status is %s (assumed %s)', (date, s, assumed) => {
    const at = statusAt(statuses, date);
    expect(at.values.status).toBe(s);
    expect(at.assumed).toBe(assumed);
  });

  it.each([
    // tmt_cpns, status, date, in service, active
    [null, 'active', '2024-12-31', true, true],
    ['2025-03-01', 'active', '2024-12-31', false, false], // appointed after D
    ['2025-03-01', 'active', '2025-03-01', true, true],
    ['2000-01-01', 'inactive', '2024-12-31', true, false], // CLTN: in service, not active
    ['2000-01-01', 'left', '2024-12-31', false, false],
  ] as const)('tmt_cpns %s, %s at %s: in service %s, active %s', (tmt, s, date, service, active) => {
    expect(inServiceAt(tmt, s, date)).toBe(service);
    expect(activeAt(tmt, s, date)).toBe(active);
  });
});

describe('snapshotEntryDate (SPEC §9: a snapshot version dated by its TMT)', () => {
  it.each([
    ['2025-12-31', '2025-03-03', '2024-12-31', '2025-03-03', false], // after the previous snapshot: its TMT
    ['2025-12-31', '2020-01-02', '2024-12-31', '2025-12-31', true], // before it: the change is dated at the snapshot
    ['2025-12-31', '2025-03-03', null, '2025-12-31', true], // first snapshot of the person: as_of
    ['2025-12-31', null, '2024-12-31', '2025-12-31', true],
    ['2025-12-31', '2026-02-01', '2024-12-31', '2025-12-31', true], // a TMT after the snapshot itself
  ])('as_of %s, tmt %s, previous %s → %s', (asOf, tmt, previous, date, atSnapshot) => {
    expect(snapshotEntryDate(asOf, tmt, previous)).toEqual({ date, atSnapshot });
  });
});

describe('versionAt and employeeAt', () => {
  it('takes the latest version ≤ D, else the earliest', () => {
    const versions = [{ asOf: '2024-12-31', n: 1 }, { asOf: '2025-12-31', n: 2 }];
    expect(versionAt(versions, '2024-01-01')?.n).toBe(1);
    expect(versionAt(versions, '2025-06-30')?.n).toBe(1);
    expect(versionAt(versions, '2026-01-01')?.n).toBe(2);
    expect(versionAt([], '2026-01-01')).toBeNull();
  });

  it('puts post, rank and status at D on the current record', () => {
    const current = { nip: 'x', tmtCpns: '2010-03-01', level: 6, unit: 'Disdik', instansi: 'Pemkab', golonganCode: 34, tmtGolongan: '2025-04-01' };
    const ranks = [
      { validFrom: '2019-04-01', priority: 3, source: 'riwayat' as const, file: 'rg.csv', line: 3, values: { golongan: 'III/c', golonganCode: 33, tmtGolongan: '2019-04-01' } },
      { validFrom: '2025-04-01', priority: 3, source: 'riwayat' as const, file: 'rg.csv', line: 4, values: { golongan: 'III/d', golonganCode: 34, tmtGolongan: '2025-04-01' } },
    ];
    const at = employeeAt(current, { posts: career, ranks, statuses: [status('2025-12-31', 'left')] }, '2024-07-01');
    expect(at.employee).toMatchObject({ level: 5, unit: 'Dinkes', golonganCode: 33, tmtGolongan: '2019-04-01' });
    expect(at).toMatchObject({ status: 'active', inService: true, active: true });
    expect(employeeAt(current, { posts: career, ranks, statuses: [status('2025-12-31', 'left')] }, '2026-01-01').inService).toBe(false);
  });
});

describe('kedudukan hukum → status (SPEC §1.3)', () => {
  it.each([
    ['Aktif', 'active'], [null, 'active'], ['PENSIUN', 'left'], ['Pensiun Janda/Duda', 'left'], ['Meninggal Dunia', 'left'],
    ['Wafat', 'left'], ['Diberhentikan Dengan Hormat', 'left'], ['Berhenti', 'left'], ['Mengundurkan Diri', 'left'],
    ['Punah', 'left'], ['Keluar', 'left'], ['CLTN', 'inactive'], ['Pemberhentian Sementara', 'inactive'],
    ['Penerima Uang Tunggu', 'inactive'], ['Tugas Belajar', 'inactive'], ['  aktif  ', 'active'],
  ])('%s → %s', (text, expected) => {
    expect(statusOfKedudukan(text)).toBe(expected);
  });
});

describe('the snapshot date in the title rows (SPEC §9)', () => {
  it.each([
    [[['DAFTAR URUT KEPANGKATAN'], ['KEADAAN 31 DESEMBER 2024']], '2024-12-31'],
    [[['Data pegawai per tanggal 30-06-2025']], '2025-06-30'],
    [[['POSISI: 1 Januari 2025']], '2025-01-01'],
    [[['KONDISI 2025-03-31', '']], '2025-03-31'],
    [[['DATA PER 31/12/2023']], '2023-12-31'],
    [[['Keadaan per 31 Des 2024']], '2024-12-31'],
    [[['DAFTAR PEGAWAI TAHUN 2024']], null], // a year alone is no date
    [[['KEADAAN 31 FEBRUARI 2024']], null], // impossible: not taken
    [[[42]], null],
  ])('%j → %s', (rows, expected) => {
    expect(titleDate(rows as unknown[][])).toBe(expected);
  });
});

describe('unit identity (SPEC §1.3)', () => {
  const nfd = 'Dinas Kesehata\u0300n';
  it.each([
    ['DINAS KESEHATAN', 'Dinas  Kesehatan', true],
    [' Dinas Kesehatan', 'dinas kesehatan ', true],
    ['Dinas Kesehatàn', nfd, true], // NFC and NFD spellings
    ['Dinas Kesehatan', 'Dinas Pendidikan', false],
  ])('%s = %s: %s', (a, b, same) => {
    expect(unitKey(a) === unitKey(b)).toBe(same);
    expect(sameUnit({ unit: a }, { unit: b })).toBe(same);
  });

  it('compares by unor_id when both sides have one', () => {
    expect(sameUnit({ unit: 'Dinkes', unorId: 'U1' }, { unit: 'Dinas Kesehatan', unorId: 'U1' })).toBe(true);
    expect(sameUnit({ unit: 'Dinkes', unorId: 'U1' }, { unit: 'Dinkes', unorId: 'U2' })).toBe(false);
  });

  it('shows a unit under its most frequent spelling, on a tie the first', () => {
    const shown = displaySpellings([['Dinas Kesehatan', 2], ['DINAS KESEHATAN', 5], ['Dinas Pendidikan', 1], ['DINAS PENDIDIKAN', 1]]);
    expect(shown.get(unitKey('dinas kesehatan'))).toBe('DINAS KESEHATAN');
    expect(shown.get(unitKey('dinas pendidikan'))).toBe('Dinas Pendidikan');
  });
});
