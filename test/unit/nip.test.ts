import { describe, it, expect } from 'vitest';
import { decodeNip, nipCrossCheck, type NipInfo } from '../../src/domain/nip.js';
import type { JenisPegawai } from '../../src/domain/types.js';

// Invented people. PNS: YYYYMMDD · YYYYMM · G · NNN; PPPK: YYYYMMDD · YYYY · 2 · C · G · NNN.
const SITI: NipInfo = {
  layout: 'PNS', birthDate: '1986-09-12', tmtCpnsMonth: '2010-01', appointmentYear: null,
  contractCount: null, gender: 'P', serial: '003',
};
const DEWI_PPPK: NipInfo = {
  layout: 'PPPK', birthDate: '1990-03-15', tmtCpnsMonth: null, appointmentYear: 2023,
  contractCount: 1, gender: 'P', serial: '001',
};

describe('decodeNip — valid NIPs (SPEC §1.3)', () => {
  it.each<[string, JenisPegawai | null, NipInfo]>([
    ['198609122010012003', null, SITI],
    ['198609122010012003', 'PNS', SITI],
    ['198609122010012003', 'CPNS', SITI],
    ['197504172000031002', 'PNS', {
      layout: 'PNS', birthDate: '1975-04-17', tmtCpnsMonth: '2000-03', appointmentYear: null,
      contractCount: null, gender: 'L', serial: '002',
    }],
    ['199202292019121999', null, { // born on a leap day, TMT in December, serial 999
      layout: 'PNS', birthDate: '1992-02-29', tmtCpnsMonth: '2019-12', appointmentYear: null,
      contractCount: null, gender: 'L', serial: '999',
    }],
    ['199003152023212001', 'PPPK', DEWI_PPPK],
    ['199003152023212001', null, DEWI_PPPK], // "month" 21 → PPPK layout without jenis_pegawai
    ['198811022024291015', null, { // contract count 9, male
      layout: 'PPPK', birthDate: '1988-11-02', tmtCpnsMonth: null, appointmentYear: 2024,
      contractCount: 9, gender: 'L', serial: '015',
    }],
  ])('%s (%s)', (nip, jenis, info) => {
    expect(decodeNip(nip, jenis)).toEqual({ ok: true, value: info });
  });

  it('a PPPK NIP on a row marked PNS is read as PPPK, with a warning', () => {
    expect(decodeNip('199003152023212001', 'PNS')).toEqual({
      ok: true, value: DEWI_PPPK,
      warning: 'NIP has the PPPK layout (digit 13 is 2) but jenis_pegawai is PNS',
    });
  });

  it('birth day 52 (the NIK "+40 for women" rule) is NOT applied to a NIP', () => {
    expect(decodeNip('198609522010012003', null)).toEqual({
      ok: false,
      reason: 'NIP digits 1–8 (birth date 19860952) are not a real date: September has 30 days',
    });
  });
});

describe('decodeNip — each rule refused (SPEC §1.3)', () => {
  it.each<[string, JenisPegawai | null, string]>([
    ['198613452010011001', null, 'NIP digits 1–8 (birth date 19861345) are not a real date: there is no month 13'],
    ['199302292019031001', null, 'NIP digits 1–8 (birth date 19930229) are not a real date: 1993 is not a leap year, February has 28 days'],
    ['198609312010012003', null, 'NIP digits 1–8 (birth date 19860931) are not a real date: September has 30 days'],
    ['198609122010002003', null, 'NIP digits 9–14 (TMT CPNS 201000) are not a year and month: there is no month 00'],
    ['198609122010132003', null, 'NIP digits 9–14 (TMT CPNS 201013) are not a year and month: there is no month 13'],
    ['198609122010202003', null, 'NIP digits 9–14 (TMT CPNS 201020) are not a year and month: there is no month 20'],
    ['198609122010302003', null, 'NIP digits 9–14 (TMT CPNS 201030) are not a year and month: there is no month 30'],
    ['198609122010013003', null, 'NIP digit 15 (gender) is 3; it must be 1 (male) or 2 (female)'],
    ['198609122010010003', 'PNS', 'NIP digit 15 (gender) is 0; it must be 1 (male) or 2 (female)'],
    ['198609122010012000', null, 'NIP digits 16–18 (serial) are 000; if the spreadsheet stored the NIP as a number it lost its last digits — format the column as text'],
    // PPPK layout when jenis_pegawai says PPPK
    ['198609122010012003', 'PPPK', 'NIP digit 13 is 0, but a PPPK NIP (NI PPPK) has 2 there; check jenis_pegawai'],
    ['199003152023202001', 'PPPK', 'NIP digit 14 (PPPK contract count) is 0; it must be 1–9'],
    ['199003152023213001', 'PPPK', 'NIP digit 15 (gender) is 3; it must be 1 (male) or 2 (female)'],
    ['199003152023212000', 'PPPK', 'NIP digits 16–18 (serial) are 000; if the spreadsheet stored the NIP as a number it lost its last digits — format the column as text'],
    ['199013152023212001', 'PPPK', 'NIP digits 1–8 (birth date 19901315) are not a real date: there is no month 13'],
    // Month 21–29 switches to PPPK only when nothing else is wrong
    ['199003152023213001', null,
      'NIP digit 15 (gender) is 3; it must be 1 (male) or 2 (female); NIP digits 9–14 (TMT CPNS 202321) are not a year and month: there is no month 21'],
    ['199003152023212000', null,
      'NIP digits 16–18 (serial) are 000; if the spreadsheet stored the NIP as a number it lost its last digits — format the column as text; NIP digits 9–14 (TMT CPNS 202321) are not a year and month: there is no month 21'],
    ['19860912201001200', null, 'NIP must have 18 digits, found "19860912201001200"'],
    ['1986091220100120a3', null, 'NIP must have 18 digits, found "1986091220100120a3"'],
  ])('%s (%s) → %s', (nip, jenis, reason) => {
    expect(decodeNip(nip, jenis)).toEqual({ ok: false, reason });
  });
});

describe('nipCrossCheck — warnings, never errors (SPEC §1.3)', () => {
  it.each<[NipInfo, { tglLahir: string | null; jenisKelamin: 'L' | 'P' | null; tmtCpns: string | null }, string[]]>([
    [SITI, { tglLahir: '1986-09-12', jenisKelamin: 'P', tmtCpns: '2010-01-01' }, []],
    [SITI, { tglLahir: null, jenisKelamin: null, tmtCpns: null }, []],
    [SITI, { tglLahir: '1986-09-12', jenisKelamin: 'P', tmtCpns: '2010-01-31' }, []], // same month is enough
    [SITI, { tglLahir: '1986-09-21', jenisKelamin: 'P', tmtCpns: '2010-01-01' },
      ['NIP says born 1986-09-12 but tgl_lahir is 1986-09-21']],
    [SITI, { tglLahir: '1986-09-12', jenisKelamin: 'L', tmtCpns: '2010-01-01' },
      ['NIP says jenis_kelamin P (digit 15) but jenis_kelamin is L']],
    [SITI, { tglLahir: '1986-09-12', jenisKelamin: 'P', tmtCpns: '2011-01-01' },
      ['NIP says TMT CPNS 2010-01 but tmt_cpns is 2011-01-01']],
    [SITI, { tglLahir: '1968-09-12', jenisKelamin: 'L', tmtCpns: '2009-12-01' }, [
      'NIP says born 1986-09-12 but tgl_lahir is 1968-09-12',
      'NIP says jenis_kelamin P (digit 15) but jenis_kelamin is L',
      'NIP says TMT CPNS 2010-01 but tmt_cpns is 2009-12-01',
    ]],
    // PPPK: no TMT CPNS in the NIP, so tmt_cpns is not compared
    [DEWI_PPPK, { tglLahir: '1990-03-15', jenisKelamin: 'P', tmtCpns: '2024-03-01' }, []],
    [DEWI_PPPK, { tglLahir: '1990-05-13', jenisKelamin: 'P', tmtCpns: null },
      ['NIP says born 1990-03-15 but tgl_lahir is 1990-05-13']],
  ])('%#', (info, record, warnings) => {
    expect(nipCrossCheck(info, record)).toEqual(warnings);
  });
});
