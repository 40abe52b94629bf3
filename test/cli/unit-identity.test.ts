/**
 * Unit identity (SPEC §1.3): "DINAS KESEHATAN", "Dinas  Kesehatan" and an NFD "Dinas Kesehatàn"
 * are one unit, shown under its most frequent spelling; `--unit` matches the same way; rank
 * --by unit and the audit's pools do not split it. The same UNOR ID is the same unit whatever
 * its name.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsn, tempDir } from './helpers.js';

const NFD = 'Dinas Kesehata\u0300n';
const NFC = 'Dinas Kesehatàn';

/** Six PNS at level 5 in one unit spelt three ways (the capitals most often), one promoted. */
function setup(spellings: string[], unorIds: string[] = []): string {
  const dir = tempDir();
  const people = [
    ['197402111999031001', 'Bambang', '1974-02-11', 'IV/a', '1999-03-01'],
    ['198605202010032002', 'Rina', '1986-05-20', 'III/d', '2010-03-01'],
    ['198009032005011003', 'Joko', '1980-09-03', 'III/d', '2005-01-01'],
    ['196612011990032004', 'Sumarni', '1966-12-01', 'IV/a', '1990-03-01'],
    ['199007142015031005', 'Fajar', '1990-07-14', 'III/b', '2015-03-01'],
    ['197804082003031007', 'Wahyu', '1978-04-08', 'IV/a', '2003-03-01'],
  ];
  const header = `NIP,NAMA,TANGGAL LAHIR,JENIS KELAMIN,JENIS PEGAWAI,GOLONGAN,TMT GOLONGAN,TMT CPNS,JABATAN,PENDIDIKAN,UNIT KERJA${unorIds.length ? ',UNOR ID' : ''},INSTANSI`;
  const rows = people.map(([nip, nama, lahir, gol, cpns], k) => {
    const jk = nip![14] === '1' ? 'L' : 'P';
    return `${nip},${nama},${lahir},${jk},PNS,${gol},2020-04-01,${cpns},Administrator Kesehatan Ahli Muda,S-1,${spellings[k % spellings.length]}${unorIds.length ? `,${unorIds[k % unorIds.length]}` : ''},Pemkab Sukamaju`;
  });
  writeFileSync(join(dir, 'p.csv'), `${[header, ...rows].join('\n')}\n`);
  const appraisals = ['NIP,TAHUN,PREDIKAT,JPM,JP'];
  for (const [nip] of people) for (const y of [2022, 2023, 2024]) appraisals.push(`${nip},${y},Baik,${nip === '198605202010032002' ? 95 : 60},24`);
  writeFileSync(join(dir, 'a.csv'), `${appraisals.join('\n')}\n`);
  writeFileSync(join(dir, 'm.csv'), 'NIP,TMT,JABATAN ASAL,JABATAN BARU,ESELON BARU\n197402111999031001,2025-01-02,Administrator Kesehatan Ahli Muda,Kepala Bidang,III.b\n');
  for (const f of ['p.csv', 'a.csv', 'm.csv']) expect(runAsn(['import', '--as-of', '2024-12-31', f], { cwd: dir }).code).toBe(0);
  return dir;
}

describe('unit identity', () => {
  it('ranks one unit under its most frequent spelling, whatever the case, spaces or NFD', () => {
    const dir = setup(['DINAS KESEHATAN', 'Dinas  Kesehatan', 'DINAS KESEHATAN']);
    const rank = runAsn(['rank', '--by', 'unit', '--format', 'csv'], { cwd: dir });
    expect(rank.code, rank.stderr).toBe(0);
    const units = new Set(rank.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[3]));
    expect([...units]).toEqual(['DINAS KESEHATAN']);
    for (const wanted of ['dinas kesehatan', ' Dinas   KESEHATAN ']) {
      const r = runAsn(['rank', '--unit', wanted, '--format', 'csv'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(7);
    }
  });

  it('treats NFC and NFD spellings as one unit (the tie goes to the one imported first)', () => {
    const dir = setup([NFD, NFC]);
    const rank = runAsn(['rank', '--by', 'unit', '--format', 'csv'], { cwd: dir });
    const units = new Set(rank.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[3]));
    expect(units.size).toBe(1);
    expect(runAsn(['rank', '--unit', NFD, '--format', 'csv'], { cwd: dir }).stdout.trim().split('\n')).toHaveLength(7);
  });

  it('builds one audit pool across the spellings', () => {
    const dir = setup(['DINAS KESEHATAN', 'Dinas  Kesehatan', 'dinas kesehatan']);
    const audit = runAsn(['audit', '--format', 'csv'], { cwd: dir });
    expect(audit.code, audit.stderr).toBe(0);
    const row = audit.stdout.trim().split('\n')[1]!.split(',');
    expect(row[3]).toBe('DINAS KESEHATAN');
    expect(row[5]).toBe('5'); // pool: the five others at level 5
  });

  it('takes the same UNOR ID as the same unit, whatever its name', () => {
    const dir = setup(['Dinas Kesehatan', 'Dinkes', 'Dinas Kesehatan'], ['U-0410']);
    const rank = runAsn(['rank', '--by', 'unit', '--format', 'csv'], { cwd: dir });
    const units = new Set(rank.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[3]));
    expect([...units]).toEqual(['Dinas Kesehatan']);
    const audit = runAsn(['audit', '--format', 'csv'], { cwd: dir });
    expect(audit.stdout.trim().split('\n')[1]!.split(',')[5]).toBe('5');
  });
});
