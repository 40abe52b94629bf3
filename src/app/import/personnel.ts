/**
 * Personnel rows (SPEC §1, key `nip`): each present column parsed by its rule, merged over
 * the stored record (absent columns keep their stored value, SPEC §1.6), then the values
 * that depend on other columns derived: golongan code (PNS vs PPPK), jabatan level, and the
 * NIP layout with its cross-checks (SPEC §1.3, §1.5).
 */
import { parseEducation } from '../../domain/education.js';
import { parseGolongan } from '../../domain/golongan.js';
import { jabatanLevel, parseEselon, type LevelTable } from '../../domain/jabatan-level.js';
import { decodeNip, nipCrossCheck } from '../../domain/nip.js';
import { parseJenisKelamin, parseJenisPegawai } from '../../domain/person.js';
import type { JenisKelamin, JenisPegawai } from '../../domain/types.js';
import type { EmployeeRow, TableStatements } from '../../db/queries/rows.js';
import type { Field } from '../../io/headers.js';
import { parseDate, parseInteger } from '../../io/values.js';
import { memo } from './memo.js';
import { inRange, type RowFields } from './row-fields.js';
import type { PreparedRow } from './row-types.js';

const TEXT_FIELDS = [
  'nip_lama', 'nama', 'gelar_depan', 'gelar_belakang', 'jenis_jabatan', 'jabatan', 'unit', 'instansi',
  // history (SPEC §1.2, §9): SIASN UNOR ID and KEDUDUKAN HUKUM
  'unor_id', 'kedudukan_hukum',
] as const;
const DATE_FIELDS = ['tgl_lahir', 'tmt_golongan', 'tmt_cpns', 'tmt_jabatan'] as const;

const parseYear = inRange(parseInteger, 1900, 2100, 'year');

// The same few hundred spellings repeat across the rows of a file: parse each once.
const jenisKelaminOf = memo(parseJenisKelamin);
const jenisPegawaiOf = memo(parseJenisPegawai);
const educationOf = memo(parseEducation);
const eselonOf = memo(parseEselon);
const golonganOf = memo((key: string) => parseGolongan(key.slice(key.indexOf('|') + 1), (key.slice(0, key.indexOf('|')) || null) as JenisPegawai | null));

/** The jabatan level of a post, memoised per table (SPEC §1.5). */
const levelCache = new WeakMap<LevelTable, (key: string) => ReturnType<typeof jabatanLevel>>();
/** The post whose level is being looked up: the memo's key names it, this holds its values. */
let postEselon: string | null = null;
let postJabatan: string | null = null;
let postJenis: string | null = null;
/** One text per distinct post, cheaper than JSON.stringify: each part as length:text, null as `-`. */
function part(text: string | null): string {
  return text === null ? '-' : `${text.length}:${text}`;
}
function levelOf(levels: LevelTable, eselon: string | null, jabatan: string | null, jenisJabatan: string | null): ReturnType<typeof jabatanLevel> {
  let cached = levelCache.get(levels);
  if (cached === undefined) {
    cached = memo(() => jabatanLevel({ eselon: postEselon, jabatan: postJabatan, jenisJabatan: postJenis }, levels));
    levelCache.set(levels, cached);
  }
  postEselon = eselon;
  postJabatan = jabatan;
  postJenis = jenisJabatan;
  return cached(`${part(eselon)}|${part(jabatan)}|${part(jenisJabatan)}`);
}

export function preparePersonnelRow(
  fields: RowFields,
  nip: string,
  stored: TableStatements<EmployeeRow>,
  levels: LevelTable,
): PreparedRow<EmployeeRow> | null {
  const existing = stored.get([nip]);
  // The merged row (SPEC §1.6: given values over the stored ones) is filled as each value is
  // read, on the full literal: Object.assign of a row built field by field, or a spread, costs
  // several times more per row (V8 shapes). Key order: the literal's, then the stored row's
  // provenance, as before.
  const merged: EmployeeRow = existing === undefined ? emptyEmployee(nip) : Object.assign(emptyEmployee(nip), existing);
  const given: Partial<EmployeeRow> = { nip };
  for (const f of TEXT_FIELDS) {
    const value = fields.text(f);
    if (value !== undefined) given[f] = merged[f] = value;
  }
  for (const f of DATE_FIELDS) {
    const value = fields.parse(f, (raw) => parseDate(raw));
    if (value !== undefined) given[f] = merged[f] = value;
  }
  assign(given, merged, 'jenis_kelamin', fields.parse('jenis_kelamin', (_r, t) => jenisKelaminOf(t)));
  assign(given, merged, 'jenis_pegawai', fields.parse('jenis_pegawai', (_r, t) => jenisPegawaiOf(t)));
  assign(given, merged, 'pendidikan', fields.parse('pendidikan', (_r, t) => educationOf(t)));
  assign(given, merged, 'tahun_lulus', fields.parse('tahun_lulus', (raw) => parseYear(raw)));
  assign(given, merged, 'eselon', fields.parse('eselon', (_r, t) => eselonOf(t)));
  if (fields.has('nama') && given.nama === null) fields.issue('nama', 'NAMA is empty; every employee needs a name');

  if (existing === undefined && !fields.has('nama')) {
    fields.issue('nip', 'unknown NIP: this file has no NAMA column, so it can only update employees already imported');
  }

  deriveGolongan(fields, merged, given);
  deriveLevel(fields, merged, levels);
  checkNip(fields, merged);
  if (fields.issues.length > 0) return null;
  return { key: nip, given, row: merged, existing };
}

function assign<K extends keyof EmployeeRow>(given: Partial<EmployeeRow>, merged: EmployeeRow, key: K, value: EmployeeRow[K] | undefined): void {
  if (value !== undefined) given[key] = merged[key] = value;
}

function emptyEmployee(nip: string): EmployeeRow {
  return {
    nip, nip_lama: null, nama: null, gelar_depan: null, gelar_belakang: null, tgl_lahir: null,
    jenis_kelamin: null, jenis_pegawai: null, golongan: null, golongan_code: null, tmt_golongan: null,
    tmt_cpns: null, jenis_jabatan: null, jabatan: null, eselon: null, level: null, tmt_jabatan: null,
    pendidikan: null, tahun_lulus: null, unit: null, instansi: null, unor_id: null, kedudukan_hukum: null,
  };
}

/**
 * Golongan depends on jenis pegawai: PPPK grades I–XVII are a separate scale (SPEC §1.5).
 * A secondary column (SIASN GOL AKHIR ID beside GOL AKHIR NAMA) is a cross-check only.
 */
function deriveGolongan(fields: RowFields, merged: EmployeeRow, given: Partial<EmployeeRow>): void {
  const jenis = merged.jenis_pegawai as JenisPegawai | null;
  if (fields.has('golongan')) {
    const parsed = fields.parse('golongan', (_r, t) => golonganOf(`${jenis ?? ''}|${t}`));
    if (parsed === undefined) return;
    merged.golongan = parsed?.label ?? null;
    merged.golongan_code = parsed?.code ?? null;
    given.golongan = merged.golongan;
    for (const check of fields.secondaryOf('golongan')) {
      const other = parseGolongan(check.text, jenis);
      if (other.ok && parsed && other.value.code !== parsed.code) {
        fields.warn('golongan', `${check.header} says ${other.value.label} but ${fields.header('golongan')} says ${parsed.label}; using ${parsed.label}`);
      }
    }
  }
}

const LEVEL_INPUTS: readonly Field[] = ['eselon', 'jabatan', 'jenis_jabatan'];

/** Jabatan level from eselon, jenjang words or jenis jabatan (SPEC §1.5). */
function deriveLevel(fields: RowFields, merged: EmployeeRow, levels: LevelTable): void {
  if (!LEVEL_INPUTS.some((f) => fields.has(f))) return;
  const result = levelOf(levels, merged.eselon as string | null, merged.jabatan as string | null, merged.jenis_jabatan as string | null);
  merged.level = result.level;
  if (result.level === null) fields.warn(fields.has('jabatan') ? 'jabatan' : 'eselon', 'no post given, so no jabatan level; rank and audit will lack it');
}

/** NIP layout (PNS or PPPK) and its cross-checks against the record (SPEC §1.3). */
function checkNip(fields: RowFields, merged: EmployeeRow): void {
  const decoded = decodeNip(merged.nip as string, merged.jenis_pegawai as JenisPegawai | null);
  if (!decoded.ok) {
    fields.issue('nip', decoded.reason);
    return;
  }
  if (decoded.warning !== undefined) fields.warn('nip', decoded.warning);
  const warnings = nipCrossCheck(decoded.value, {
    tglLahir: merged.tgl_lahir as string | null,
    jenisKelamin: merged.jenis_kelamin as JenisKelamin | null,
    tmtCpns: merged.tmt_cpns as string | null,
  });
  for (const w of warnings) fields.warn('nip', w);
}
