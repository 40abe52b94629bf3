/**
 * SPEC §1.2: headers are matched ignoring spaces altogether, so an export made from the SIASN API
 * (camelCase headers) imports like the download with spaced headers, and stores the same rows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { query, runAsn, tempDir } from './helpers.js';

const ROWS = [
  ['199001012015011001', 'Rina Wulandari', '1990-01-01', 'P', 'III/b', '2019-04-01', 'Dinas Kesehatan'],
  ['198807152012121002', 'Budi Santoso', '1988-07-15', 'L', 'III/c', '2020-10-01', 'Dinas Pendidikan'],
];

describe('camelCase SIASN API headers', () => {
  it('import the same rows as the spaced SIASN headers', () => {
    const dir = tempDir();
    const write = (name: string, header: string[]) => writeFileSync(join(dir, name), [header.join(','), ...ROWS.map((r) => r.join(','))].join('\n') + '\n');
    write('api.csv', ['nipBaru', 'nama', 'tglLahir', 'jenisKelamin', 'golAkhirNama', 'tmtGolongan', 'unorNama']);
    write('download.csv', ['NIP BARU', 'NAMA', 'TANGGAL LAHIR', 'JENIS KELAMIN', 'GOL AKHIR NAMA', 'TMT GOLONGAN', 'UNOR NAMA']);
    const api = runAsn(['--db', 'api.db', 'import', '--as-of', '2025-12-31', 'api.csv'], { cwd: dir });
    expect(api.code, api.stderr).toBe(0);
    expect(api.stderr).not.toMatch(/unknown column|ignored/i);
    const spaced = runAsn(['--db', 'spaced.db', 'import', '--as-of', '2025-12-31', 'download.csv'], { cwd: dir });
    expect(spaced.code, spaced.stderr).toBe(0);
    const sql = 'SELECT nip, nama, tgl_lahir, jenis_kelamin, golongan_code, tmt_golongan, unit FROM employees ORDER BY nip';
    const stored = query(join(dir, 'api.db'), sql);
    expect(stored).toEqual(query(join(dir, 'spaced.db'), sql));
    expect(stored).toEqual([
      { nip: '198807152012121002', nama: 'Budi Santoso', tgl_lahir: '1988-07-15', jenis_kelamin: 'L', golongan_code: 33, tmt_golongan: '2020-10-01', unit: 'Dinas Pendidikan' },
      { nip: '199001012015011001', nama: 'Rina Wulandari', tgl_lahir: '1990-01-01', jenis_kelamin: 'P', golongan_code: 32, tmt_golongan: '2019-04-01', unit: 'Dinas Kesehatan' },
    ]);
  });
});
