/**
 * The fairness counts the summary report takes without a row per person (src/app/fairness,
 * SPEC §12, §9): the sb measure counted in SQL by jenis_kelamin and birth date, the people who
 * differ at T taken out and counted again in their state at T; and the look-up of a person's
 * jenis_kelamin and birth date that reads the NIPs with versions once. Both must give exactly
 * what the one-by-one reading gives (`asn audit --fairness --candidates`, `personAt`), on
 * fixtures/history with a 2025 snapshot that also corrects a birth date and a jenis_kelamin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fairnessCounter, personAttributesAt } from '../../src/app/fairness/fairness.js';
import { personAt } from '../../src/app/population/in-service.js';
import { openDatabase } from '../../src/db/open.js';
import { runAsn, tempDir } from '../cli/helpers.js';

const JOKO = '198009032005011003'; // 2025 snapshot corrects the birth date to 1980-09-30
const NUR = '198303172008032008'; // 2025 snapshot corrects jenis_kelamin P → L
const AGUS = '198808082012031011'; // unchanged: no versions kept
const SUMARNI = '196612011990032004'; // absent from the 2025 snapshot
const PUTRI = '199802142025032021'; // CPNS from 2025-03-01
const NOBODY = '199901012020011001';

let file: string;
beforeAll(() => {
  const dir = tempDir('history');
  const fixed = readFileSync(join(dir, 'history/personnel-2025.csv'), 'utf8').split('\n').map((line) => {
    if (line.startsWith(`${JOKO},`)) return line.replace(',1980-09-03,', ',1980-09-30,');
    if (line.startsWith(`${NUR},`)) return line.replace(',1983-03-17,P,', ',1983-03-17,L,');
    return line;
  }).join('\n');
  writeFileSync(join(dir, 'personnel-2025-fixed.csv'), fixed);
  for (const args of [['import', 'history/personnel-2024.csv'], ['import', 'personnel-2025-fixed.csv', 'history/appraisals.csv']]) {
    const r = runAsn(args, { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  }
  file = join(dir, 'asn.db');
});

describe('personAttributesAt', () => {
  it('gives what personAt gives, for people with and without versions, at any date', () => {
    const db = openDatabase(file, 'read');
    try {
      const fast = personAttributesAt(db);
      const slow = personAt(db);
      for (const nip of [JOKO, NUR, AGUS, SUMARNI, PUTRI, NOBODY]) {
        for (const date of ['2010-01-01', '2024-12-31', '2025-12-31', '2025-06-30', '2024-12-31']) {
          expect(fast(nip, date), `${nip} at ${date}`).toEqual(slow(nip, date));
        }
      }
      expect(fast(JOKO, '2024-12-31')?.tgl_lahir).toBe('1980-09-03');
      expect(fast(JOKO, '2025-12-31')?.tgl_lahir).toBe('1980-09-30');
      expect(fast(NOBODY, '2025-12-31')).toBeUndefined();
    } finally {
      db.close();
    }
  });
});

describe('the sb measure counted in SQL', () => {
  it('equals the candidate-by-candidate count for every year, the state at T included', () => {
    const db = openDatabase(file, 'read');
    try {
      for (const year of [2022, 2023, 2024, 2025]) {
        const grouped = fairnessCounter(db, false);
        grouped.addPredikat(db, year);
        const oneByOne = fairnessCounter(db, true);
        oneByOne.addPredikat(db, year);
        const rows = grouped.result().rows;
        expect(rows.length, String(year)).toBeGreaterThan(0);
        expect(rows, String(year)).toEqual(oneByOne.result().rows);
      }
    } finally {
      db.close();
    }
  });
});
