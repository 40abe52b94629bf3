import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { jabatanLevel, parseEselon, type LevelTable } from '../../src/domain/jabatan-level.js';

const table = (JSON.parse(readFileSync('src/model/asn-merit-v1.json', 'utf8')) as { levels: LevelTable }).levels;

describe('parseEselon (SPEC §1.5)', () => {
  it.each<[string, string]>([
    ['III.a', 'III.a'],
    ['III/a', 'III.a'],
    ['IIIa', 'III.a'],
    ['III A', 'III.a'],
    ['III-b', 'III.b'],
    ['iii.b', 'III.b'],
    ['Eselon III.a', 'III.a'],
    ['ESELON III/A', 'III.a'],
    ['Eselon IV/b', 'IV.b'],
    ['I.a', 'I.a'],
    ['I.b', 'I.b'],
    ['II.a', 'II.a'],
    ['IV.a', 'IV.a'],
    ['V.a', 'V.a'],
    ['Vb', 'V.b'],
    ['11', 'I.a'],
    ['12', 'I.b'],
    ['21', 'II.a'],
    ['22', 'II.b'],
    ['31', 'III.a'],
    ['32', 'III.b'],
    ['41', 'IV.a'],
    ['42', 'IV.b'],
    ['51', 'V.a'],
    ['52', 'V.b'],
    ['31.0', 'III.a'],
    ['10', 'I'],
    ['20', 'II'],
    ['30', 'III'],
    ['40', 'IV'],
    ['50', 'V'],
    ['II', 'II'],
    ['Eselon II', 'II'],
    ['Eselon 3', 'III'],
    ['4.a', 'IV.a'],
  ])('%j → %j', (raw, canonical) => {
    expect(parseEselon(raw)).toEqual({ ok: true, value: canonical });
  });

  it.each(['99', '99.0', 'Non Eselon', 'NON-ESELON', 'non eselon', '-', '', '   ', '0'])(
    '%j → null (non-eselon, not an error)',
    (raw) => {
      expect(parseEselon(raw)).toEqual({ ok: true, value: null });
    },
  );

  it.each(['III.c', 'VI', '13', '60', '98', 'Kepala Bidang', 'Eselon X'])('%j fails with a reason', (raw) => {
    const result = parseEselon(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/not an eselon: expected I\.a … V\.b/);
  });
});

describe('jabatanLevel — eselon rows of the default table', () => {
  it.each<[string, number]>([
    ['I.a', 8], ['I.b', 8],
    ['II.a', 7], ['II.b', 7],
    ['III.a', 6], ['III.b', 6],
    ['IV.a', 5], ['IV.b', 5],
    ['V.a', 4], ['V.b', 4],
  ])('eselon %s → %i', (eselon, level) => {
    expect(jabatanLevel({ eselon, jabatan: 'Kepala Bagian Umum', jenisJabatan: 'Struktural' }, table)).toEqual({
      level, source: 'eselon', detail: `eselon ${eselon} → ${level}`,
    });
  });

  it.each<[string, number]>([['I', 8], ['II', 7], ['III', 6], ['IV', 5], ['V', 4]])(
    'tier-only eselon %s takes its tier level %i',
    (eselon, level) => {
      expect(jabatanLevel({ eselon, jabatan: null, jenisJabatan: null }, table)).toEqual({
        level, source: 'eselon', detail: `eselon ${eselon} (as ${eselon}.a) → ${level}`,
      });
    },
  );

  it('eselon wins over jenjang words', () => {
    const r = jabatanLevel({ eselon: 'IV.a', jabatan: 'Analis Kebijakan Ahli Madya', jenisJabatan: null }, table);
    expect([r.level, r.source]).toEqual([5, 'eselon']);
  });

  it('an eselon missing from a custom table falls through to the next rule and says so', () => {
    const custom: LevelTable = { ...table, eselon: { 'I.a': 8, 'II.a': 7 } };
    expect(jabatanLevel({ eselon: 'V.a', jabatan: 'Pranata Komputer Mahir', jenisJabatan: null }, custom)).toEqual({
      level: 4, source: 'jenjang',
      detail: 'eselon V.a is not in the level table; jenjang "MAHIR" in "Pranata Komputer Mahir" → 4',
    });
  });
});

describe('jabatanLevel — jenjang words in jabatan', () => {
  it.each<[string, string, number]>([
    ['Analis Kebijakan Ahli Utama', 'AHLI UTAMA', 7],
    ['Analis Kebijakan Ahli Madya', 'AHLI MADYA', 6],
    ['Analis Kebijakan Ahli Muda', 'AHLI MUDA', 5],
    ['Perawat Penyelia', 'PENYELIA', 5],
    ['Auditor Ahli Pertama', 'AHLI PERTAMA', 4],
    ['Pranata Komputer Mahir', 'MAHIR', 4],
    ['Pranata Komputer Terampil', 'TERAMPIL', 3],
    ['Arsiparis Pemula', 'PEMULA', 2],
    ['ANALIS KEBIJAKAN AHLI MUDA', 'AHLI MUDA', 5],
    ['Pengawas Sekolah Ahli Madya', 'AHLI MADYA', 6], // a JF whose name holds a structural word
    ['Dokter Ahli-Muda', 'AHLI MUDA', 5],
    ['Guru  Ahli   Pertama', 'AHLI PERTAMA', 4],
  ])('%j → %s %i', (jabatan, key, level) => {
    expect(jabatanLevel({ eselon: null, jabatan, jenisJabatan: 'Fungsional Tertentu' }, table)).toEqual({
      level, source: 'jenjang', detail: `jenjang "${key}" in "${jabatan.replace(/\s+/g, ' ')}" → ${level}`,
    });
  });

  it('matches whole words only: "Pengawasan" is not "Pengawas", "Pemulangan" is not "Pemula"', () => {
    const r = jabatanLevel({ eselon: null, jabatan: 'Pengelola Pemulangan dan Pengawasan', jenisJabatan: null }, table);
    expect([r.level, r.source]).toEqual([1, 'pelaksana']);
  });

  it('a longer key beats a shorter one it contains, whatever the JSON order', () => {
    const custom: LevelTable = { ...table, jenjang: { AHLI: 3, 'AHLI MUDA': 5 } };
    const r = jabatanLevel({ eselon: null, jabatan: 'Analis Ahli Muda', jenisJabatan: null }, custom);
    expect([r.level, r.detail]).toEqual([5, 'jenjang "AHLI MUDA" in "Analis Ahli Muda" → 5']);
  });
});

describe('jabatanLevel — structural words, Pelaksana, no post', () => {
  it.each<[string | null, string | null, number, string]>([
    ['JPT Utama', null, 9, 'structural "JPT UTAMA" in jabatan "JPT Utama" → 9'],
    ['JPT Madya Sekretaris Jenderal', null, 8, 'structural "JPT MADYA" in jabatan "JPT Madya Sekretaris Jenderal" → 8'],
    ['Kepala Dinas', 'JPT Pratama', 7, 'structural "JPT PRATAMA" in jenis jabatan "JPT Pratama" → 7'],
    ['Kepala Dinas', 'Jabatan Pimpinan Tinggi Pratama', 7,
      'structural "JPT PRATAMA" in jenis jabatan "Jabatan Pimpinan Tinggi Pratama" → 7'],
    ['Sekretaris Dinas', 'Administrator', 6, 'structural "ADMINISTRATOR" in jenis jabatan "Administrator" → 6'],
    ['Kepala Seksi', 'Jabatan Pengawas', 5, 'structural "PENGAWAS" in jenis jabatan "Jabatan Pengawas" → 5'],
    [null, 'Pengawas', 5, 'structural "PENGAWAS" in jenis jabatan "Pengawas" → 5'],
  ])('%j / %j → %i', (jabatan, jenisJabatan, level, detail) => {
    expect(jabatanLevel({ eselon: null, jabatan, jenisJabatan }, table)).toEqual({ level, source: 'structural', detail });
  });

  it.each<[string | null, string]>([
    ['Pengadministrasi Umum', 'Pelaksana'],
    ['Pengadministrasi Umum', 'Jabatan Pelaksana'],
    ['Pengelola Keuangan', 'Fungsional Umum'],
    ['Pengelola Keuangan', 'Jabatan Fungsional Umum'],
    [null, 'JFU'],
    [null, 'Pelaksana'],
  ])('%j with jenis jabatan %j → Pelaksana 1', (jabatan, jenisJabatan) => {
    expect(jabatanLevel({ eselon: null, jabatan, jenisJabatan }, table)).toEqual({
      level: 1, source: 'jenis_jabatan', detail: `jenis jabatan "${jenisJabatan}" → Pelaksana 1`,
    });
  });

  it.each<[string, string | null]>([
    ['Kepala Bidang Mutasi', null],
    ['Kepala Bidang Mutasi', 'Struktural'], // structural post without its eselon: the SPEC's warning case
    ['Guru Kelas', 'Fungsional Tertentu'],
    ['Pengadministrasi Umum', ''],
  ])('named post %j (%j) without eselon or jenjang → Pelaksana 1', (jabatan, jenisJabatan) => {
    expect(jabatanLevel({ eselon: null, jabatan, jenisJabatan }, table)).toEqual({
      level: 1, source: 'pelaksana', detail: 'named post without eselon or jenjang → Pelaksana 1',
    });
  });

  it('uses the table\'s pelaksana level, not a constant', () => {
    const r = jabatanLevel({ eselon: null, jabatan: 'Pengemudi', jenisJabatan: null }, { ...table, pelaksana: 2 });
    expect([r.level, r.detail]).toEqual([2, 'named post without eselon or jenjang → Pelaksana 2']);
  });

  it.each<[string | null, string | null, string]>([
    [null, null, 'no eselon and no jabatan → no level'],
    ['  ', '', 'no eselon and no jabatan → no level'],
    [null, 'Fungsional Tertentu',
      'no eselon and no jabatan (jenis jabatan "Fungsional Tertentu" alone does not tell the level) → no level'],
  ])('no post (%j, %j) → null level', (jabatan, jenisJabatan, detail) => {
    expect(jabatanLevel({ eselon: null, jabatan, jenisJabatan }, table)).toEqual({ level: null, source: null, detail });
  });
});
