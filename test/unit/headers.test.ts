/** Header normalisation, aliases, header-row search and kind detection (SPEC §1, §1.1, §1.2). */
import { describe, expect, it } from 'vitest';
import { ALIASES, aliasKey, buildAliasMap, detectKind, findHeader, normaliseHeader, parseMapOption, type Field } from '../../src/io/headers.js';

describe('normaliseHeader (SPEC §1.2)', () => {
  it.each([
    ['Tgl_Lahir', 'TGL LAHIR'],
    ['TGL. LAHIR', 'TGL LAHIR'],
    ['  nip-baru ', 'NIP BARU'],
    ['GOL  AKHIR   NAMA', 'GOL AKHIR NAMA'],
    ['\uFEFFNIP', 'NIP'],
    ['Jenis\tKelamin', 'JENIS KELAMIN'],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseHeader(raw)).toBe(expected);
  });
});

describe('detectKind (SPEC §1)', () => {
  it.each<[Field[], string | null]>([
    [['nip', 'tmt', 'jabatan_baru', 'tahun'], 'promotions'],
    [['nip', 'tahun', 'predikat', 'nama'], 'appraisals'],
    [['nip', 'nama', 'golongan'], 'personnel'],
    [['nip', 'golongan', 'unit'], null],
  ])('%j → %s', (fields, kind) => {
    expect(detectKind(new Set(fields))).toBe(kind);
  });
});

describe('findHeader (SPEC §1.1)', () => {
  const aliases = buildAliasMap();

  it('skips title rows and finds the first row with NIP and another known column', () => {
    const rows = [
      ['DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL', '', ''],
      ['PEMERINTAH KABUPATEN SLEMAN RAYA TAHUN 2025'],
      [],
      ['NO.', 'NIP', 'NAMA PEGAWAI', 'PANGKAT/GOL', 'IPK'],
    ];
    const found = findHeader(rows, aliases)!;
    expect(found.rowIndex).toBe(3);
    expect(found.kind).toBe('personnel');
    expect(found.columns.get('nip')!.index).toBe(1);
    expect(found.columns.get('golongan')!.header).toBe('PANGKAT/GOL');
    expect(found.unknown).toEqual(['NO.', 'IPK']);
  });

  it('needs NIP among at least two known columns', () => {
    expect(findHeader([['NAMA', 'GOLONGAN', 'UNIT KERJA']], aliases)).toBeNull();
    expect(findHeader([['NIP', 'KETERANGAN']], aliases)).toBeNull();
  });

  it('looks only at the first 20 rows', () => {
    const rows = [...Array.from({ length: 20 }, () => ['catatan']), ['NIP', 'NAMA']];
    expect(findHeader(rows, aliases)).toBeNull();
    expect(findHeader(rows.slice(1), aliases)?.rowIndex).toBe(19);
  });

  it('lets the NAMA column win over the ID column, which becomes a cross-check', () => {
    const found = findHeader([['NIP BARU', 'NAMA', 'GOL AKHIR ID', 'GOL AKHIR NAMA']], aliases)!;
    expect(found.columns.get('golongan')!.header).toBe('GOL AKHIR NAMA');
    expect(found.secondary.map((c) => c.header)).toEqual(['GOL AKHIR ID']);
  });

  it('reads TMT JABATAN as tmt in a promotions file and tmt_jabatan in a personnel file', () => {
    const promo = findHeader([['NIP', 'JABATAN BARU', 'TMT JABATAN']], aliases)!;
    expect(promo.kind).toBe('promotions');
    expect(promo.columns.get('tmt')!.header).toBe('TMT JABATAN');
    const person = findHeader([['NIP', 'NAMA', 'TMT JABATAN']], aliases)!;
    expect(person.columns.get('tmt_jabatan')!.header).toBe('TMT JABATAN');
  });

  it('--map adds an alias that also counts for the header search', () => {
    const withMap = buildAliasMap([['NO INDUK', 'nip']]);
    expect(findHeader([['NO INDUK', 'NAMA']], withMap)?.columns.get('nip')?.index).toBe(0);
  });
});

describe('parseMapOption', () => {
  it.each([
    ['NO INDUK=nip', ['NO INDUK', 'nip']],
    ['Nama Pegawai = NAMA', ['Nama Pegawai', 'nama']],
    ['A=B=jp', ['A=B', 'jp']],
    ['NO INDUK=nomor', null],
    ['=nip', null],
    ['nip', null],
  ])('%j', (value, expected) => {
    expect(parseMapOption(value)).toEqual(expected);
  });
});

describe('aliases match ignoring spaces (SPEC §1.2: camelCase SIASN API headers)', () => {
  it.each([
    ['nipBaru', 'nip'],
    ['tmtJabatan', 'tmt_jabatan'],
    ['unorNama', 'unit'],
    ['nipNrpPenilai', 'nip_penilai'],
    ['hasilKinerjaNilai', 'rating_hasil'],
    ['perilakuKerjaNilai', 'rating_perilaku'],
    ['tglLahir', 'tgl_lahir'],
    ['TANGGALLAHIR', 'tgl_lahir'],
    ['Tanggal  Lahir', 'tgl_lahir'],
    ['tmt_golongan', 'tmt_golongan'],
  ])('%s → %s', (header, field) => {
    const row = field === 'nip' ? [header, 'NAMA'] : [header, 'NIP', 'NAMA'];
    const found = findHeader([row], buildAliasMap());
    expect(found?.columns.get(field as Field)?.header).toBe(header);
  });

  it('a camelCase TMT JABATAN in a promotions file is still `tmt`', () => {
    const found = findHeader([['nipBaru', 'tmtJabatan', 'jabatanBaru']], buildAliasMap());
    expect(found?.kind).toBe('promotions');
    expect(found?.columns.get('tmt')?.header).toBe('tmtJabatan');
  });

  it('no two fields share an alias once spaces are ignored', () => {
    const owner = new Map<string, Field>();
    const clashes: string[] = [];
    for (const [field, aliases] of ALIASES) {
      for (const alias of aliases) {
        const key = aliasKey(alias);
        const other = owner.get(key);
        if (other !== undefined && other !== field) clashes.push(`${alias}: ${other} / ${field}`);
        owner.set(key, field);
      }
    }
    expect(clashes).toEqual([]);
  });
});
