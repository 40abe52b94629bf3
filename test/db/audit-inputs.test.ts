/**
 * The promotion audit's read path (src/db/queries/audit-inputs.ts): events with the promoted
 * employee's record, the people of one scope group with the appraisal years its events need,
 * the level filter, and query plans that use the unit, instansi and primary-key indexes without
 * a sort (STYLE: EXPLAIN QUERY PLAN asserted in tests), so one unit is read without a scan.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import {
  auditAppraisalScanSql, EMPLOYEE_NIPS_SQL, employeeUnits, eventTuples, latestPromotionYear, maxEmployeeRowid, peopleReader, peopleSql, type PeopleFilter,
} from '../../src/db/queries/audit-inputs.js';
import { APPRAISAL_CODES } from '../../src/app/population/appraisal-fold.js';

const DINKES = 'Dinas Kesehatan';
const BKPSDM = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia';
const KOTA = 'Pemerintah Kota Tanjung Harapan';
const PROV = 'Pemerintah Provinsi Sulawesi Tengah';

const HENDRA = '198504182010011001';
const SITI = '198701192010012009';
const YOGA = '199201152019031006';
const DEWI = '199003252015032004';
const AGUS = '198811102012121002';

let db: Db;

beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'asn-db-')), 'asn.db'), 'write');
});
afterEach(() => db.close());

function seed(): void {
  db.prepare(`INSERT INTO imports VALUES (1, 'x.csv', 'abc', 'personnel', '2026-01-15', 0, 0, 0, 0, 0, 0, 0)`).run();
  const emp = db.prepare(`INSERT INTO employees (nip, nama, jenis_pegawai, level, unit, instansi, eselon, jabatan, import_id, source_line)
    VALUES (?, ?, 'PNS', ?, ?, ?, ?, ?, 1, 2)`);
  emp.run(HENDRA, 'Hendra Gunawan', 5, DINKES, KOTA, null, 'Perawat Ahli Muda');
  emp.run(SITI, 'Siti Rahayu', 6, DINKES, KOTA, 'IV.a', 'Kepala Subbagian Umum dan Kepegawaian');
  emp.run(YOGA, 'Yoga Pratama', 4, DINKES, KOTA, null, 'Perawat Ahli Pertama');
  emp.run(DEWI, 'Dewi Lestari', null, DINKES, KOTA, null, null);
  emp.run(AGUS, 'Agus Salim', 4, BKPSDM, PROV, null, 'Analis SDM Aparatur Ahli Pertama');
  const ap = db.prepare(`INSERT INTO appraisals (nip, tahun, predikat, predikat_source, jpm, jp, hukuman_disiplin, import_id, source_line)
    VALUES (?, ?, ?, 'predikat', ?, ?, ?, 1, 2)`);
  ap.run(HENDRA, 2020, 'B', 81, 12, 'none'); // old, with JPM: kept (latest JPM ≤ Y)
  ap.run(HENDRA, 2021, 'SB', null, 30, 'none'); // old, without JPM: not needed
  ap.run(HENDRA, 2024, 'B', null, 24, 'ringan');
  ap.run(HENDRA, 2023, 'SB', null, 20, 'none');
  ap.run(HENDRA, 2025, 'B', 85, 32, 'none'); // after Y: not read
  ap.run(YOGA, 2024, 'BP', null, 8, 'none');
  ap.run(AGUS, 2024, 'B', 70, 20, 'none');
  const pr = db.prepare(`INSERT INTO promotions (nip, tmt, jabatan_baru, eselon_baru, level_baru, level_asal, unit, import_id, source_line)
    VALUES (?, ?, ?, ?, ?, ?, ?, 1, 2)`);
  pr.run(SITI, '2025-01-02', 'Kepala Subbagian Umum dan Kepegawaian', 'IV.a', 6, 5, null);
  pr.run(SITI, '2023-04-01', 'Perawat Ahli Muda', null, 5, 4, 'DINAS KESEHATAN');
  pr.run('199999999999999999', '2024-10-01', 'Perawat Ahli Muda', null, 5, 4, DINKES);
}

const YEARS = { from: 2023, to: 2024 };

function read(filter: PeopleFilter, years = YEARS, withPost = false) {
  return peopleReader(db, withPost)(filter, years);
}

describe('eventTuples', () => {
  it('gives every promotion in nip, tmt order with the personnel unit, instansi, level and rowid (null for an unknown NIP)', () => {
    seed();
    const rows = [...eventTuples(db)];
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      [SITI, '2023-04-01'], [SITI, '2025-01-02'], ['199999999999999999', '2024-10-01'],
    ]);
    expect(rows[0]!.slice(8)).toEqual(['DINAS KESEHATAN', DINKES, KOTA, 6, 2]);
    expect(rows[2]!.slice(9)).toEqual([null, null, null, null]);
  });

  it('knows the latest promotion year, the stored units and the largest rowid', () => {
    expect([latestPromotionYear(db), maxEmployeeRowid(db), employeeUnits(db)]).toEqual([null, 0, []]);
    seed();
    expect([latestPromotionYear(db), maxEmployeeRowid(db), employeeUnits(db).sort()]).toEqual([2025, 5, [BKPSDM, DINKES]]);
  });
});

describe('peopleReader', () => {
  it('reads one unit in rowid order with the appraisal years the events need, oldest first', () => {
    seed();
    const people = read({ by: 'unit', value: DINKES, levels: null });
    expect(people.map((p) => p.employee[1])).toEqual([HENDRA, SITI, YOGA, DEWI]);
    // 2021 has no JPM and is before `from`; 2025 is after `to`.
    expect(people[0]!.appraisals.map((a) => a[1])).toEqual([2020, 2023, 2024]);
    expect(people[0]!.appraisals[2]).toEqual([1, 2024, 'B', null, 24, 'ringan']);
    expect(people[1]!.appraisals).toEqual([]);
    expect(people[0]!.employee.slice(11)).toEqual([DINKES, KOTA, null, null, null]);
  });

  it.each([
    ['levels 4: level 4, unknown level, and the promoted', [4], [SITI, YOGA, DEWI]],
    ['levels 5 and 6: Hendra (5), Siti (6 and promoted), Dewi (unknown)', [5, 6], [HENDRA, SITI, DEWI]],
    ['no level: only unknown level and the promoted', [], [SITI, DEWI]],
    ['null: everyone', null, [HENDRA, SITI, YOGA, DEWI]],
  ])('filters by the levels the pool can need (%s)', (_label, levels, expected) => {
    seed();
    expect(read({ by: 'unit', value: DINKES, levels }).map((p) => p.employee[1])).toEqual(expected);
  });

  it.each([
    ['instansi', { by: 'instansi', value: PROV, levels: null } as PeopleFilter, [AGUS]],
    ['nip', { by: 'nip', value: YOGA } as PeopleFilter, [YOGA]],
    ['nips (in rowid order, unknown NIPs left out)', { by: 'nips', values: [DEWI, '199999999999999999', YOGA] } as PeopleFilter, [YOGA, DEWI]],
    ['rowids (2, 4]', { by: 'rowids', after: 2, upTo: 4, levels: null } as PeopleFilter, [YOGA, DEWI]],
    ['unknown unit', { by: 'unit', value: 'Dinas Pariwisata', levels: null } as PeopleFilter, []],
  ])('reads by %s', (_label, filter, expected) => {
    seed();
    expect(read(filter).map((p) => p.employee[1])).toEqual(expected);
  });

  it('reads eselon, jabatan and jenis jabatan only with withPost', () => {
    seed();
    expect(read({ by: 'nip', value: SITI }, YEARS, true)[0]!.employee.slice(13)).toEqual(['IV.a', 'Kepala Subbagian Umum dan Kepegawaian', null]);
  });
});

describe('query plans', () => {
  const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ value: 'x', nips: '[]', levels: null, after: 0, upTo: 1, to: 2024, from: 2023 }) as Array<{ detail: string }>)
    .map((p) => p.detail).join('\n');

  it.each([
    ['unit', /SEARCH e USING INDEX employees_unit \(unit=\?\)/],
    ['instansi', /SEARCH e USING INDEX employees_instansi \(instansi=\?\)/],
    ['nip', /SEARCH e USING (COVERING )?INDEX sqlite_autoindex_employees_1 \(nip=\?\)/],
    ['rowids', /SEARCH e USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/],
  ] as const)('by %s: the index, the appraisals primary key, no sort', (by, employeeIndex) => {
    const sql = peopleSql(by, false);
    for (const statement of [sql.employees, sql.appraisals]) {
      const details = plan(statement);
      expect(details).toMatch(employeeIndex);
      expect(details).not.toMatch(/TEMP B-TREE/);
      // The level filter asks the promotions primary key, never scans the promotions.
      if (by !== 'nip') expect(details).toMatch(/SEARCH p USING COVERING INDEX sqlite_autoindex_promotions_1 \(nip=\?\)/);
    }
    expect(plan(sql.appraisals)).toMatch(/SEARCH a USING INDEX sqlite_autoindex_appraisals_1 \(nip=\? AND tahun<\?\)/);
  });

  it('by nips: each NIP through the NIP index, the appraisals through their primary key', () => {
    const sql = peopleSql('nips', false);
    expect(plan(sql.employees)).toMatch(/SEARCH e USING (COVERING )?INDEX sqlite_autoindex_employees_1 \(nip=\?\)/);
    expect(plan(sql.appraisals)).toMatch(/SEARCH a USING INDEX sqlite_autoindex_appraisals_1 \(nip=\? AND tahun<\?\)/);
    expect(plan(sql.employees)).not.toMatch(/SCAN e/);
  });

  it('an audit of most groups: the NIPs from their index alone, the appraisals in one scan in storage order', () => {
    expect(plan(EMPLOYEE_NIPS_SQL)).toBe('SCAN employees USING COVERING INDEX sqlite_autoindex_employees_1');
    // No index: an index would visit the rows in NIP order, a random walk through the table.
    expect(plan(auditAppraisalScanSql(APPRAISAL_CODES))).toBe('SCAN a');
  });
});
