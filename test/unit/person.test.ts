import { describe, it, expect } from 'vitest';
import { parseJenisKelamin, parseJenisPegawai } from '../../src/domain/person.js';
import type { JenisKelamin, JenisPegawai } from '../../src/domain/types.js';

describe('parseJenisKelamin (SPEC §1.3)', () => {
  it.each<[string, JenisKelamin]>([
    ['L', 'L'], ['l', 'L'], ['LAKI-LAKI', 'L'], ['Laki-laki', 'L'], ['LAKI LAKI', 'L'], [' laki - laki ', 'L'],
    ['M', 'L'], ['PRIA', 'L'], ['Pria', 'L'], ['1', 'L'],
    ['P', 'P'], ['p', 'P'], ['PEREMPUAN', 'P'], ['Perempuan', 'P'], ['F', 'P'], ['WANITA', 'P'], ['wanita', 'P'], ['2', 'P'],
  ])('%j → %s', (raw, value) => {
    expect(parseJenisKelamin(raw)).toEqual({ ok: true, value });
  });

  it.each<[string, string]>([
    ['X', 'unrecognised jenis_kelamin "X"; use L or P'],
    ['3', 'unrecognised jenis_kelamin "3"; use L or P'],
    ['L/P', 'unrecognised jenis_kelamin "L/P"; use L or P'],
    ['', 'unrecognised jenis_kelamin ""; use L or P'],
  ])('%j is refused', (raw, reason) => {
    expect(parseJenisKelamin(raw)).toEqual({ ok: false, reason });
  });
});

describe('parseJenisPegawai (SPEC §1.3)', () => {
  it.each<[string, JenisPegawai]>([
    ['PNS', 'PNS'], ['pns', 'PNS'], ['P', 'PNS'],  // P = "STATUS CPNS PNS" code
    ['CPNS', 'CPNS'], ['C', 'CPNS'], ['c', 'CPNS'],
    ['PPPK', 'PPPK'], ['P3K', 'PPPK'], ['PPPK PARUH WAKTU', 'PPPK'], ['PPPK Paruh Waktu', 'PPPK'],
    ['Pegawai Pemerintah dengan Perjanjian Kerja', 'PPPK'],
    ['PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA', 'PPPK'],
    // SIASN "JENIS PEGAWAI NAMA"
    ['PNS Pusat', 'PNS'], ['PNS Daerah', 'PNS'], ['PNS DAERAH', 'PNS'], ['PNS PUSAT DPK', 'PNS'],
    ['PNS Daerah DPB', 'PNS'], ['CPNS Daerah', 'CPNS'], ['CPNS Pusat', 'CPNS'],
    ['Pegawai Negeri Sipil', 'PNS'], ['Calon Pegawai Negeri Sipil', 'CPNS'],
    [' P.N.S. ', 'PNS'],
  ])('%j → %s', (raw, value) => {
    expect(parseJenisPegawai(raw)).toEqual({ ok: true, value });
  });

  it.each<[string, string]>([
    ['Honorer', 'unrecognised jenis_pegawai "Honorer"; use PNS, CPNS or PPPK'],
    ['TNI', 'unrecognised jenis_pegawai "TNI"; use PNS, CPNS or PPPK'],
    ['P Daerah', 'unrecognised jenis_pegawai "P Daerah"; use PNS, CPNS or PPPK'],
    ['PNSD', 'unrecognised jenis_pegawai "PNSD"; use PNS, CPNS or PPPK'],
    ['', 'unrecognised jenis_pegawai ""; use PNS, CPNS or PPPK'],
  ])('%j is refused', (raw, reason) => {
    expect(parseJenisPegawai(raw)).toEqual({ ok: false, reason });
  });
});
