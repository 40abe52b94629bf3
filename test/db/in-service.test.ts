/**
 * Who is in service at a date and a person's jenis_kelamin and birth date at a date
 * (src/app/population/in-service.ts, SPEC §9), as the cards and the fairness figures of SPEC §12
 * read them, on fixtures/history with a 2025 snapshot that also corrects one birth date and one
 * jenis_kelamin (SIASN data fixes: the 2024 figures keep what was stored for 2024).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inServiceAt, personAt } from '../../src/app/population/in-service.js';
import { openDatabase } from '../../src/db/open.js';
import { runAsn, tempDir } from '../cli/helpers.js';

const RINA = '198605202010032002'; // moved unit on 2025-03-03
const JOKO = '198009032005011003'; // 2025 snapshot corrects the birth date to 1980-09-30
const NUR = '198303172008032008'; // 2025 snapshot corrects jenis_kelamin P → L (a typing error fixed)
const AGUS = '198808082012031011'; // unchanged: no versions kept
const SUMARNI = '196612011990032004'; // absent from the 2025 snapshot
const SUTARNO = '196611101992031006'; // Pensiun in 2025
const PUTRI = '199802142025032021'; // CPNS from 2025-03-01

let file: string;
beforeAll(() => {
  const dir = tempDir('history');
  const fixed = readFileSync(join(dir, 'history/personnel-2025.csv'), 'utf8').split('\n').map((line) => {
    if (line.startsWith(`${JOKO},`)) return line.replace(',1980-09-03,', ',1980-09-30,');
    if (line.startsWith(`${NUR},`)) return line.replace(',1983-03-17,P,', ',1983-03-17,L,');
    return line;
  }).join('\n');
  writeFileSync(join(dir, 'personnel-2025-fixed.csv'), fixed);
  for (const args of [['import', 'history/personnel-2024.csv'], ['import', 'personnel-2025-fixed.csv']]) {
    const r = runAsn(args, { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  }
  file = join(dir, 'asn.db');
});

describe('inServiceAt', () => {
  it('says who is in service at D, and whose state at D may differ from their current record', () => {
    const db = openDatabase(file, 'read');
    try {
      const at2024 = inServiceAt(db, '2024-12-31');
      expect([SUMARNI, SUTARNO, RINA, AGUS].map(at2024)).toEqual([true, true, true, true]);
      expect(at2024(PUTRI)).toBe(false);
      expect(at2024.differs(RINA)).toBe(true);
      expect(at2024.differs(AGUS)).toBe(false);
      const at2025 = inServiceAt(db, '2025-12-31');
      expect([SUMARNI, SUTARNO, PUTRI, RINA].map(at2025)).toEqual([false, false, true, true]);
      expect(at2025.differs(RINA)).toBe(false); // every change of hers is dated ≤ 2025-12-31
    } finally {
      db.close();
    }
  });
});

describe('personAt', () => {
  it('gives jenis_kelamin and tgl_lahir of the version in force at D, else the earliest, else the current record', () => {
    const db = openDatabase(file, 'read');
    try {
      const at = personAt(db);
      expect(at(JOKO, '2024-12-31')).toEqual({ jenis_kelamin: 'L', tgl_lahir: '1980-09-03' });
      expect(at(JOKO, '2025-12-31')).toEqual({ jenis_kelamin: 'L', tgl_lahir: '1980-09-30' });
      expect(at(JOKO, '2020-01-01')).toEqual({ jenis_kelamin: 'L', tgl_lahir: '1980-09-03' }); // before every version: the earliest
      expect(at(NUR, '2024-07-01')).toEqual({ jenis_kelamin: 'P', tgl_lahir: '1983-03-17' });
      expect(at(NUR, '2026-01-01')).toEqual({ jenis_kelamin: 'L', tgl_lahir: '1983-03-17' });
      expect(at(AGUS, '2024-12-31')).toEqual({ jenis_kelamin: 'L', tgl_lahir: '1988-08-08' });
      expect(at('000000000000000000', '2024-12-31')).toBeUndefined();
    } finally {
      db.close();
    }
  });
});
