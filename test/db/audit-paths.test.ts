/**
 * The promotion audit by scope group (src/app/audit/audit.ts) gives, event for event, what the
 * one-event path gives: `auditEvents` (groups read once, pool candidates shared per date,
 * people who can hold none of the group's levels not read), `auditOne` in date order (the
 * report's way, groups audited ahead) and `auditOne` with detail (every person in scope at P's
 * level made a candidate, selectPool alone deciding). A seeded organisation of three units in
 * two instansi with levels, promotions chains, missing records and unknown NIPs (SPEC §5).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { auditEvents, auditOne, loadAuditContext, type AuditContext } from '../../src/app/audit/audit.js';
import { AuditAppraisalStore } from '../../src/app/audit/appraisals.js';
import { appraisalOfRow } from '../../src/app/audit/group.js';
import { peopleReader, type AuditAppraisalTuple } from '../../src/db/queries/audit-inputs.js';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS: Array<[string, string]> = [
  ['Dinas Kesehatan', 'Pemerintah Kota Tanjung Harapan'],
  ['Dinas Pendidikan dan Kebudayaan', 'Pemerintah Kota Tanjung Harapan'],
  ['Badan Kepegawaian Daerah', 'Pemerintah Kabupaten Bukit Asri'],
];

let db: Db;
let ctx: AuditContext;

function seed(): void {
  const next = random(20260115);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  db.prepare(`INSERT INTO imports VALUES (1, 'x.csv', 'abc', 'personnel', '2026-01-15', 0, 0, 0, 0, 0, 0, 0)`).run();
  const emp = db.prepare(`INSERT INTO employees (nip, nama, jenis_pegawai, golongan_code, tmt_golongan, tmt_cpns, level, pendidikan,
    tahun_lulus, tgl_lahir, unit, instansi, import_id, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 2)`);
  const ap = db.prepare(`INSERT INTO appraisals (nip, tahun, predikat, predikat_source, jpm, jp, hukuman_disiplin, import_id, source_line)
    VALUES (?, ?, ?, 'predikat', ?, ?, ?, 1, 2)`);
  const pr = db.prepare(`INSERT INTO promotions (nip, tmt, jabatan_baru, level_baru, level_asal, unit, import_id, source_line)
    VALUES (?, ?, 'Jabatan Baru', ?, ?, ?, 1, 2)`);
  const importedLater: Array<() => void> = [];
  const dates = ['2023-04-01', '2023-10-01', '2024-04-01', '2024-07-15', '2024-10-01', '2025-01-02', '2025-04-01'];
  for (let i = 0; i < 150; i++) {
    const nip = `19${String(70 + (i % 25)).padStart(2, '0')}0101200${i % 10}01${String(1000 + i).slice(1)}`.slice(0, 18);
    const [unit, instansi] = pick(UNITS);
    const jenis = pick(['PNS', 'PNS', 'PNS', 'CPNS', 'PPPK', null]);
    const level = pick([3, 4, 4, 5, 5, 6, null]);
    emp.run(nip, `Pegawai ${i}`, jenis, pick([31, 32, 33, 34, 41]), pick(['2015-04-01', '2018-10-01', '2021-04-01', null]),
      pick(['2005-03-01', '2012-01-01', '2019-02-01', '2024-06-01', null]), level, pick(['S-1', 'S-2', 'D-III', 'SLTA', null]),
      pick([2004, 2010, 2016, null]), pick(['1975-05-17', '1985-04-18', '1992-01-15', null]), next() < 0.05 ? null : unit, instansi);
    // Years out of order, as when a later year's file was imported first, and 2023 from a file
    // imported after everyone else's (below): reads must sort them.
    for (const tahun of [2022, 2020, 2024, 2021, 2023]) {
      if (next() < 0.15) continue;
      const values = [pick(['SB', 'B', 'B', 'B', 'BP', 'K', null]), next() < 0.4 ? Math.round(60 + next() * 40) : null,
        next() < 0.8 ? Math.round(next() * 40) : null, pick(['none', 'none', 'none', 'ringan', 'sedang', null])] as const;
      if (tahun === 2023) importedLater.push(() => ap.run(nip, tahun, ...values));
      else ap.run(nip, tahun, ...values);
    }
    if (next() < 0.45) {
      const own = [...new Set([pick(dates), pick(dates)])].sort();
      for (const tmt of own) {
        const eventUnit = pick([null, null, unit, unit.toUpperCase(), 'Dinas Pariwisata']);
        pr.run(nip, tmt, pick([4, 5, 6, 7, null]), next() < 0.6 ? pick([3, 4, 5, 6]) : null, eventUnit);
      }
    }
  }
  for (const insert of importedLater) insert();
  pr.run('199912312020121001', '2024-04-01', 5, 4, 'Dinas Kesehatan'); // no personnel row
  // Hand-edited values that are no code: read as missing on every path.
  db.prepare(`UPDATE appraisals SET predikat = 'sangat baik', hukuman_disiplin = 'RINGAN' WHERE rowid IN (3, 10)`).run();
  // Values with two decimals, more decimals, and out of every range: each must come back as stored.
  db.prepare(`UPDATE appraisals SET jpm = CASE rowid % 3 WHEN 0 THEN 78.25 WHEN 1 THEN 81.3 ELSE 77.123456 END,
    jp = CASE rowid % 4 WHEN 0 THEN 1e12 WHEN 1 THEN 12.5 WHEN 2 THEN -0.01 ELSE jp END WHERE rowid % 7 = 0`).run();
}

beforeAll(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'asn-db-')), 'asn.db'), 'write');
  seed();
  ctx = loadAuditContext(db, 'asn.db', undefined);
});
afterAll(() => db.close());

describe('grouped audit = one-event audit', () => {
  it('the seeded data exercise every status and some flags', () => {
    const rows = auditEvents(ctx, ctx.events, { scope: 'unit', eligibility: 'basic', margin: 5 }, true);
    const statuses = new Set(rows.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['audited', 'insufficient-data', 'no-pool', 'skipped']);
    expect(rows.some((r) => r.flagged)).toBe(true);
  });

  it.each([
    ['unit', 'strict', 10], ['unit', 'basic', 5], ['unit', 'basic', 0],
    ['instansi', 'strict', 10], ['instansi', 'basic', 5], ['all', 'basic', 5], ['all', 'strict', 0],
  ] as const)('scope %s, eligibility %s, margin %d', (scope, eligibility, margin) => {
    const opts = { scope, eligibility, margin };
    const grouped = auditEvents(ctx, ctx.events, opts, true);
    // Fresh contexts: auditOne's groups audited ahead start empty, and the detailed path reads
    // each group's appraisals with its own query (the others read them in one scan).
    const fresh = loadAuditContext(db, 'asn.db', undefined);
    const inDateOrder = fresh.events.map((e) => auditOne(fresh, e, opts).row);
    const queried = loadAuditContext(db, 'asn.db', undefined);
    const detailed = queried.events.map((e) => auditOne(queried, e, opts, true).row);
    expect(grouped).toEqual(detailed);
    expect(inDateOrder).toEqual(detailed);
    expect(grouped.filter((r) => r.poolSize > 0).length).toBeGreaterThan(0);
  });

  it.each([['unit'], ['instansi'], ['all']] as const)('scope %s: reading only who can hold the levels changes no pool and no exclusion', (scope) => {
    const opts = { scope, eligibility: 'strict', margin: 10 } as const;
    // As when a --model derives the levels again: the stored levels are not used to skip anyone.
    const everyone: AuditContext = { ...loadAuditContext(db, 'asn.db', undefined), levelsRederived: true };
    const filtered = loadAuditContext(db, 'asn.db', undefined);
    expect(auditEvents(filtered, filtered.events, opts, true)).toEqual(auditEvents(everyone, everyone.events, opts, true));
    const listing = (c: AuditContext) => c.events.map((e) => {
      const audit = auditOne(c, e, opts, true);
      return [audit.pool.map((p) => p.nip), audit.excluded.map((x) => `${x.candidate.nip} ${x.reason}`)];
    });
    const all = listing(everyone);
    expect(listing(filtered)).toEqual(all);
    expect(all.flat(2).length).toBeGreaterThan(0);
  });
});

describe('appraisals read in one scan = read per group', () => {
  it.each([
    [{ from: 2021, to: 2024 }], [{ from: 2022, to: 2023 }], [{ from: 2023, to: 2023 }], [{ from: 2019, to: 2020 }],
  ])('every employee, years %o', (years) => {
    // Loaded for the widest years an audit of these events needs; each group narrows them.
    const store = AuditAppraisalStore.load(db, { from: 2019, to: 2024 });
    const read = peopleReader(db, false);
    const nips = db.prepare('SELECT nip FROM employees ORDER BY rowid').pluck().all() as string[];
    let rows = 0;
    for (const nip of nips) {
      const [person] = read({ by: 'nip', value: nip }, years);
      // Compared as the audit reads them: a value that is no code is missing either way.
      const asRead = (rows: AuditAppraisalTuple[]) => rows.map((row) => appraisalOfRow(nip, row));
      expect(asRead(store.of(person!.employee[0], years)), nip).toEqual(asRead(person!.appraisals));
      rows += person!.appraisals.length;
    }
    expect(rows).toBeGreaterThan(0);
  });

  it('an audit of most groups reads in one scan; one unit of many is read with its own query', () => {
    const opts = { scope: 'unit', eligibility: 'basic', margin: 5 } as const;
    const whole = loadAuditContext(db, 'asn.db', undefined);
    const before = whole.source.read;
    auditEvents(whole, whole.events, opts, false);
    expect(whole.source.read).not.toBe(before);
    const one = loadAuditContext(db, 'asn.db', undefined);
    const first = one.source.read;
    // One unit's events, with more units stored than four times one: read per group.
    const many: AuditContext = { ...one, units: [...one.units, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'] };
    auditEvents(many, many.events.filter((e) => e.unit === 'Dinas Kesehatan'), opts, false);
    expect(many.source.read).toBe(first);
  });
});