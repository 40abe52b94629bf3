/**
 * The promotion audit by scope group (src/app/audit.ts) gives, event for event, what the
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
import { auditEvents, auditOne, loadAuditContext, type AuditContext } from '../../src/app/audit.js';

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
  const dates = ['2023-04-01', '2023-10-01', '2024-04-01', '2024-07-15', '2024-10-01', '2025-01-02', '2025-04-01'];
  for (let i = 0; i < 150; i++) {
    const nip = `19${String(70 + (i % 25)).padStart(2, '0')}0101200${i % 10}01${String(1000 + i).slice(1)}`.slice(0, 18);
    const [unit, instansi] = pick(UNITS);
    const jenis = pick(['PNS', 'PNS', 'PNS', 'CPNS', 'PPPK', null]);
    const level = pick([3, 4, 4, 5, 5, 6, null]);
    emp.run(nip, `Pegawai ${i}`, jenis, pick([31, 32, 33, 34, 41]), pick(['2015-04-01', '2018-10-01', '2021-04-01', null]),
      pick(['2005-03-01', '2012-01-01', '2019-02-01', '2024-06-01', null]), level, pick(['S-1', 'S-2', 'D-III', 'SLTA', null]),
      pick([2004, 2010, 2016, null]), pick(['1975-05-17', '1985-04-18', '1992-01-15', null]), next() < 0.05 ? null : unit, instansi);
    for (const tahun of [2020, 2021, 2022, 2023, 2024]) {
      if (next() < 0.15) continue;
      ap.run(nip, tahun, pick(['SB', 'B', 'B', 'B', 'BP', 'K', null]), next() < 0.4 ? Math.round(60 + next() * 40) : null,
        next() < 0.8 ? Math.round(next() * 40) : null, pick(['none', 'none', 'none', 'ringan', 'sedang', null]));
    }
    if (next() < 0.45) {
      const own = [...new Set([pick(dates), pick(dates)])].sort();
      for (const tmt of own) {
        const eventUnit = pick([null, null, unit, unit.toUpperCase(), 'Dinas Pariwisata']);
        pr.run(nip, tmt, pick([4, 5, 6, 7, null]), next() < 0.6 ? pick([3, 4, 5, 6]) : null, eventUnit);
      }
    }
  }
  pr.run('199912312020121001', '2024-04-01', 5, 4, 'Dinas Kesehatan'); // no personnel row
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
    // A fresh context, so that auditOne's groups audited ahead start empty.
    const fresh = loadAuditContext(db, 'asn.db', undefined);
    const inDateOrder = fresh.events.map((e) => auditOne(fresh, e, opts).row);
    const detailed = fresh.events.map((e) => auditOne(fresh, e, opts, true).row);
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
