import { describe, it, expect } from 'vitest';
import {
  golonganLabel, isPnsGolonganCode, pangkatName, parseGolongan, PNS_GOLONGAN_CODES,
} from '../../src/domain/golongan.js';
import type { JenisPegawai } from '../../src/domain/types.js';

describe('parseGolongan — PNS code spellings (SPEC §1.5)', () => {
  it.each<[string, number, string]>([
    ['III/a', 31, 'III/a'],
    ['III/A', 31, 'III/a'],
    ['iii/a', 31, 'III/a'],
    ['III.a', 31, 'III/a'],
    ['III-a', 31, 'III/a'],
    ['III a', 31, 'III/a'],
    ['IIIa', 31, 'III/a'],
    ['III / b', 32, 'III/b'],
    ['  III/c  ', 33, 'III/c'],
    ['3a', 31, 'III/a'],
    ['3/a', 31, 'III/a'],
    ['3 a', 31, 'III/a'],
    ['3.d', 34, 'III/d'],
    ['I/a', 11, 'I/a'],
    ['I/d', 14, 'I/d'],
    ['II/b', 22, 'II/b'],
    ['IV/e', 45, 'IV/e'],
    ['4e', 45, 'IV/e'],
    ['31', 31, 'III/a'],
    ['31.0', 31, 'III/a'],
    ['45', 45, 'IV/e'],
    ['11', 11, 'I/a'],
    ['Gol. III/a', 31, 'III/a'],
    ['Golongan IV/b', 42, 'IV/b'],
  ])('%j → %i', (raw, code, label) => {
    expect(parseGolongan(raw, null)).toEqual({ ok: true, value: { code, label } });
  });

  it.each<JenisPegawai>(['PNS', 'CPNS'])('reads the same for jenis_pegawai %s', (jenis) => {
    expect(parseGolongan('III/b', jenis)).toEqual({ ok: true, value: { code: 32, label: 'III/b' } });
  });
});

describe('parseGolongan — pangkat names (PP 99/2000)', () => {
  it.each<[string, number]>([
    ['Juru Muda', 11],
    ['Juru Muda Tingkat I', 12],
    ['Juru Muda Tk. I', 12],
    ['Juru Muda Tk I', 12],
    ['Juru Muda Tk.I', 12],
    ['Juru', 13],
    ['Juru Tk. I', 14],
    ['Pengatur Muda', 21],
    ['Pengatur Muda Tk. I', 22],
    ['Pengatur', 23],
    ['Pengatur Tk. I', 24],
    ['Penata Muda', 31],
    ['PENATA MUDA', 31],
    ['Penata Muda Tk. I', 32],
    ['Penata Muda Tingkat 1', 32],
    ['Penata', 33],
    ['Penata Tk. I', 34],
    ['Penata Tingkat I', 34],
    ['Pembina', 41],
    ['Pembina Tk. I', 42],
    ['Pembina Utama Muda', 43],
    ['Pembina Utama Madya', 44],
    ['Pembina Utama', 45],
  ])('%j → %i', (raw, code) => {
    const result = parseGolongan(raw, 'PNS');
    expect(result.ok && result.value.code).toBe(code);
  });

  it.each<[string, number]>([
    ['Penata Muda (III/a)', 31],
    ['Penata Muda Tk.I - III/b', 32],
    ['III/b - Penata Muda Tingkat I', 32],
    ['Juru Muda Tk. I I/b', 12],
    ['Juru Tk. I I/d', 14],
    ['Pembina Utama Muda (IV/c)', 43],
    ['Pembina Utama, IV/e', 45],
    ['Pengatur Tk. I / II/d', 24],
    ['Penata Muda, Gol. III/a', 31],
    ['PEMBINA TK. I (IV/B)', 42],
    ['Penata 3c', 33],
  ])('pangkat with code %j → %i', (raw, code) => {
    const result = parseGolongan(raw, null);
    expect(result.ok && result.value.code).toBe(code);
  });
});

describe('parseGolongan — PPPK golongan I–XVII (Perpres 98/2020)', () => {
  it.each<[string, number, string]>([
    ['I', 1, 'I'],
    ['IX', 9, 'IX'],
    ['ix', 9, 'IX'],
    ['9', 9, 'IX'],
    ['9.0', 9, 'IX'],
    ['Golongan IX', 9, 'IX'],
    ['Gol. V', 5, 'V'],
    ['golongan 11', 11, 'XI'],
    ['XVII', 17, 'XVII'],
    ['17', 17, 'XVII'],
    ['IV', 4, 'IV'],
  ])('%j → %i', (raw, code, label) => {
    expect(parseGolongan(raw, 'PPPK')).toEqual({ ok: true, value: { code, label } });
  });
});

describe('parseGolongan — rejections', () => {
  it.each<[string, JenisPegawai | null, RegExp]>([
    ['', null, /empty/],
    ['III/e', null, /ruang a–d only/],
    ['I/e', 'PNS', /ruang a–d only/],
    ['III', null, /no ruang letter.*III\/a.*PPPK/],
    ['3', 'PNS', /no ruang letter/],
    ['IX', null, /no ruang letter.*PPPK/],
    ['Golongan IX', 'CPNS', /no ruang letter/],
    ['9', null, /no ruang letter/],
    ['35', null, /not a SIASN golongan code/],
    ['15', null, /PPPK golongan 15/],
    ['46', 'PNS', /not a SIASN golongan code/],
    ['V/a', null, /not a golongan/],
    ['Kepala Bidang', null, /not a golongan/],
    ['Penata Muda (III/b)', null, /Penata Muda is III\/a but the code says III\/b/],
    ['III/c - Pembina', null, /Pembina is IV\/a but the code says III\/c/],
    ['Penata Muda Tk. I (III/a)', 'PNS', /Penata Muda Tk\. I is III\/b but the code says III\/a/],
    ['XVIII', 'PPPK', /not a PPPK golongan.*I–XVII/],
    ['18', 'PPPK', /not a PPPK golongan/],
    ['0', 'PPPK', /not a PPPK golongan/],
    ['III/a', 'PPPK', /PNS golongan III\/a.*PPPK/],
    ['31', 'PPPK', /PNS golongan III\/a.*PPPK/],
    ['Penata Muda', 'PPPK', /PNS golongan III\/a.*jenis_pegawai/],
  ])('%j (%s) fails: %s', (raw, jenis, reason) => {
    const result = parseGolongan(raw, jenis);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('golonganLabel / pangkatName', () => {
  it('has the 17 SIASN PNS codes', () => {
    expect(PNS_GOLONGAN_CODES).toEqual([11, 12, 13, 14, 21, 22, 23, 24, 31, 32, 33, 34, 41, 42, 43, 44, 45]);
  });

  it.each<[number | null, JenisPegawai | null, string | null]>([
    [31, 'PNS', 'III/a'],
    [45, null, 'IV/e'],
    [14, 'CPNS', 'I/d'],
    [9, 'PPPK', 'IX'],
    [17, 'PPPK', 'XVII'],
    [35, 'PNS', null],
    [9, 'PNS', null],
    [18, 'PPPK', null],
    [0, 'PPPK', null],
    [null, 'PNS', null],
  ])('golonganLabel(%j, %s) = %j', (code, jenis, label) => {
    expect(golonganLabel(code, jenis)).toBe(label);
  });

  it('round-trips every PNS code through its label and its pangkat name', () => {
    for (const code of PNS_GOLONGAN_CODES) {
      const label = golonganLabel(code, 'PNS') ?? '';
      const name = pangkatName(code) ?? '';
      expect(parseGolongan(label, 'PNS')).toEqual({ ok: true, value: { code, label } });
      expect(parseGolongan(name, 'PNS')).toEqual({ ok: true, value: { code, label } });
      expect(parseGolongan(`${name} (${label})`, 'PNS')).toEqual({ ok: true, value: { code, label } });
    }
  });

  it.each([[10, false], [15, false], [25, false], [44, true], [45, true], [46, false]])(
    'isPnsGolonganCode(%i) = %s',
    (code, expected) => {
      expect(isPnsGolonganCode(code)).toBe(expected);
    },
  );
});
