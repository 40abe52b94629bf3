/**
 * Header names → fields (SPEC §1.2), finding the header row (SPEC §1.1) and the file kind
 * (SPEC §1).
 */

export type FileKind = 'personnel' | 'appraisals' | 'promotions' | 'riwayat-golongan' | 'riwayat-jabatan';
/** In import order (SPEC §1.6): personnel first, then riwayat, appraisals, promotions. */
export const FILE_KINDS: readonly FileKind[] = ['personnel', 'riwayat-golongan', 'riwayat-jabatan', 'appraisals', 'promotions'];

export type Field =
  | 'nip' | 'nip_lama' | 'nama' | 'gelar_depan' | 'gelar_belakang' | 'tgl_lahir' | 'jenis_kelamin'
  | 'jenis_pegawai' | 'golongan' | 'tmt_golongan' | 'tmt_cpns' | 'jenis_jabatan' | 'jabatan' | 'eselon'
  | 'tmt_jabatan' | 'pendidikan' | 'tahun_lulus' | 'unit' | 'instansi' | 'tahun' | 'predikat'
  | 'rating_hasil' | 'rating_perilaku' | 'nilai_skp' | 'jpm' | 'potensi' | 'jp' | 'hukuman_disiplin'
  | 'tmt' | 'jabatan_baru' | 'eselon_baru' | 'jabatan_asal' | 'eselon_asal'
  // calibration (SPEC §10): who appraised.
  | 'nip_penilai' | 'nama_penilai'
  // history (SPEC §1.2, §9)
  | 'kedudukan_hukum' | 'unor_id';

/** Aliases in SPEC §1.2 order: where two columns map to one field, the earlier alias wins. */
export const ALIASES: ReadonlyArray<readonly [Field, readonly string[]]> = [
  ['nip', ['NIP', 'NIP BARU', 'NIP 18', 'NIP/NI PPPK', 'NI PPPK', 'NIP PEGAWAI']],
  ['nip_lama', ['NIP LAMA']],
  ['nama', ['NAMA', 'NAMA PEGAWAI', 'NAMA LENGKAP']],
  ['gelar_depan', ['GELAR DEPAN']],
  ['gelar_belakang', ['GELAR BELAKANG']],
  ['tgl_lahir', ['TANGGAL LAHIR', 'TGL LAHIR']],
  ['jenis_kelamin', ['JENIS KELAMIN', 'JK', 'L/P']],
  ['jenis_pegawai', ['JENIS PEGAWAI', 'JENIS PEGAWAI NAMA', 'STATUS PEGAWAI', 'STATUS CPNS PNS']],
  ['golongan', ['GOLONGAN', 'GOL', 'GOL RUANG', 'GOL/RUANG', 'GOL AKHIR NAMA', 'GOL AKHIR ID', 'PANGKAT GOL RUANG', 'PANGKAT/GOL']],
  ['tmt_golongan', ['TMT GOLONGAN', 'TMT GOLONGAN AKHIR', 'TMT PANGKAT', 'TMT GOL']],
  ['tmt_cpns', ['TMT CPNS']],
  ['jenis_jabatan', ['JENIS JABATAN', 'JENIS JABATAN NAMA']],
  ['jabatan', ['JABATAN', 'JABATAN NAMA', 'NAMA JABATAN']],
  ['eselon', ['ESELON', 'ESELON NAMA', 'ESELON ID']],
  ['tmt_jabatan', ['TMT JABATAN', 'TMT ESELON']],
  ['pendidikan', ['PENDIDIKAN', 'TINGKAT PENDIDIKAN', 'TINGKAT PENDIDIKAN NAMA', 'PENDIDIKAN TERAKHIR', 'PENDIDIKAN TERAKHIR NAMA']],
  ['tahun_lulus', ['TAHUN LULUS']],
  ['unit', ['UNIT', 'UNIT KERJA', 'UNOR', 'UNOR NAMA', 'SATUAN KERJA', 'SATUAN KERJA KERJA NAMA']],
  ['instansi', ['INSTANSI', 'INSTANSI INDUK NAMA', 'INSTANSI KERJA NAMA']],
  ['tahun', ['TAHUN', 'TAHUN PENILAIAN']],
  ['predikat', ['PREDIKAT', 'PREDIKAT KINERJA', 'KUADRAN KINERJA']],
  ['rating_hasil', ['RATING HASIL KERJA', 'HASIL KERJA', 'HASIL KINERJA', 'HASILKINERJANILAI']],
  ['rating_perilaku', ['RATING PERILAKU KERJA', 'RATING HASIL PERILAKU', 'PERILAKU KERJA', 'PERILAKUKERJANILAI']],
  ['nilai_skp', ['NILAI SKP', 'NILAI PRESTASI KERJA']],
  ['jpm', ['JPM', 'JOB PERSON MATCH', 'NILAI JPM']],
  ['potensi', ['POTENSI', 'POTENSIAL', 'KATEGORI POTENSI']],
  ['jp', ['JP', 'JAM PELAJARAN', 'JP PELATIHAN', 'JUMLAH JP']],
  ['hukuman_disiplin', ['HUKUMAN DISIPLIN', 'HUKDIS', 'TINGKAT HUKUMAN DISIPLIN']],
  ['tmt', ['TMT', 'TMT JABATAN BARU', 'TANGGAL PROMOSI']],
  ['jabatan_baru', ['JABATAN BARU']],
  ['eselon_baru', ['ESELON BARU']],
  ['jabatan_asal', ['JABATAN ASAL', 'JABATAN LAMA']],
  ['eselon_asal', ['ESELON ASAL', 'ESELON LAMA']],
  // calibration (SPEC §10, §1.2): who appraised. The space-less forms are the SIASN kinerja export
  // (NIPPEJABATPENILAI, NAMAPEJABATPENILAI) and the camelCase API (nipNrpPenilai, namaPenilai).
  ['nip_penilai', [
    'NIP PENILAI', 'NIP PEJABAT PENILAI', 'PENILAI NIP NRP', 'NIP ATASAN LANGSUNG', 'NIPPEJABATPENILAI', 'NIP NRP PENILAI',
    'NIPPENILAI', 'PENILAINIPNRP', 'NIPNRPPENILAI', 'NIPATASANLANGSUNG',
  ]],
  ['nama_penilai', ['NAMA PENILAI', 'NAMA PEJABAT PENILAI', 'PENILAI NAMA', 'NAMAPENILAI', 'NAMAPEJABATPENILAI', 'PENILAINAMA']],
  // history (SPEC §1.2, §9): legal standing, unit id, and the post columns of SIASN riwayat exports
  ['kedudukan_hukum', ['KEDUDUKAN HUKUM', 'KEDUDUKAN HUKUM NAMA', 'STATUS KEDUDUKAN', 'KEDUDUKAN PEGAWAI']],
  ['unor_id', ['UNOR ID', 'ID UNOR', 'KODE UNIT']],
];

/** Extra aliases of existing fields for the SIASN riwayat exports (SPEC §1.2; history feature). */
const RIWAYAT_ALIASES: ReadonlyArray<readonly [Field, readonly string[]]> = [
  ['jabatan', ['JABATAN FUNGSIONAL NAMA', 'JABATAN FUNGSIONAL UMUM NAMA']],
];
for (const [field, extra] of RIWAYAT_ALIASES) {
  const entry = ALIASES.find(([f]) => f === field);
  if (entry) (entry[1] as string[]).push(...extra);
}

export const FIELDS: readonly Field[] = ALIASES.map(([field]) => field);

/** Fields each kind must have (SPEC §1); appraisals also need a performance value (§1.4). */
export const REQUIRED: Record<FileKind, readonly Field[]> = {
  personnel: ['nip', 'nama'],
  appraisals: ['nip', 'tahun'],
  promotions: ['nip', 'tmt', 'jabatan_baru'],
  'riwayat-golongan': ['nip', 'golongan', 'tmt_golongan'],
  'riwayat-jabatan': ['nip', 'tmt_jabatan'],
};

/** Normalises a header: trim, upper-case, `_` `.` `-` and runs of spaces become one space. */
export function normaliseHeader(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/[_.\-\s]+/g, ' ').trim().toUpperCase();
}

/** One column of the header and the field it feeds. */
export interface ColumnMapping {
  field: Field;
  index: number;
  header: string;
}

export interface HeaderMatch {
  /** 0-based index of the header row among the rows given. */
  rowIndex: number;
  kind: FileKind;
  /** The column that feeds each field (the winner when several map to one field). */
  columns: Map<Field, ColumnMapping>;
  /** Columns that also map to a field but lost to another; kept for cross-checks. */
  secondary: ColumnMapping[];
  /** Headers that match nothing; ignored, listed once in the summary. */
  unknown: string[];
  /** Raw header cells, for the rejects file. */
  headerCells: string[];
}

export type AliasMap = Map<string, Field>;

/**
 * The key a normalised header is matched by: without spaces (SPEC §1.2 "matched against aliases,
 * ignoring spaces altogether"), so the camelCase headers of SIASN API exports (`nipBaru`,
 * `tmtJabatan`, `unorNama`) and the space-less SIASN kinerja export (`NIPPEJABATPENILAI`) match.
 */
export function aliasKey(normalised: string): string {
  return normalised.replace(/ /g, '');
}

/** The field a normalised header feeds, if any. */
export function fieldOfHeader(aliases: AliasMap, normalised: string): Field | undefined {
  return aliases.get(aliasKey(normalised));
}

/** Builds the alias lookup, with `--map "HEADER=field"` extras taking precedence. */
export function buildAliasMap(extra: ReadonlyArray<readonly [string, Field]> = []): AliasMap {
  const map: AliasMap = new Map();
  for (const [header, field] of extra) map.set(aliasKey(normaliseHeader(header)), field);
  for (const [field, aliases] of ALIASES) {
    for (const alias of aliases) if (!map.has(aliasKey(alias))) map.set(aliasKey(alias), field);
  }
  return map;
}

/** Rank of an alias within its field's list: lower wins. `--map` aliases rank first. */
function aliasRank(header: string, field: Field, extras: ReadonlySet<string>): number {
  if (extras.has(aliasKey(header))) return -1;
  const list = (ALIASES.find(([f]) => f === field)?.[1] ?? []).map(aliasKey);
  // SPEC §1.2: "the NAMA column wins and the ID column is a cross-check".
  const idPenalty = header.endsWith(' ID') ? 100 : 0;
  return list.indexOf(aliasKey(header)) + idPenalty;
}

/**
 * Detects the kind from the matched fields (SPEC §1): `promotions` when `jabatan_baru` is
 * present, else `appraisals` when `tahun` is present, else `personnel` when `nama` is.
 */
export function detectKind(fields: ReadonlySet<Field>): FileKind | null {
  if (fields.has('jabatan_baru')) return 'promotions';
  if (fields.has('tahun')) return 'appraisals';
  if (fields.has('nama')) return 'personnel';
  if (fields.has('golongan') && fields.has('tmt_golongan') && !fields.has('jabatan') && !fields.has('eselon')) return 'riwayat-golongan';
  if (fields.has('tmt_jabatan') && (fields.has('jabatan') || fields.has('eselon'))) return 'riwayat-jabatan';
  return null;
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return '';
}

/**
 * Finds the header row among the first rows (SPEC §1.1): the first in which at least two
 * cells match known aliases, one of them `nip`. Returns null when there is none; the kind is
 * null when the headers fit no kind (the caller refuses the file).
 */
export function findHeader(
  rows: readonly (readonly unknown[])[],
  aliases: AliasMap,
  options: { kind?: FileKind; extraHeaders?: ReadonlySet<string>; maxRows?: number } = {},
): (Omit<HeaderMatch, 'kind'> & { kind: FileKind | null }) | null {
  const limit = Math.min(rows.length, options.maxRows ?? 20);
  const extras = options.extraHeaders ?? new Set<string>();
  for (let r = 0; r < limit; r++) {
    const cells = rows[r]!.map(cellText);
    const normalised = cells.map(normaliseHeader);
    const matched = normalised.map((h) => fieldOfHeader(aliases, h));
    const count = matched.filter((f) => f !== undefined).length;
    if (count < 2 || !matched.includes('nip')) continue;
    const fields = new Set(matched.filter((f): f is Field => f !== undefined));
    const kind = options.kind ?? detectKind(fields);
    return { rowIndex: r, kind, ...mapColumns(cells, normalised, aliases, kind, extras) };
  }
  return null;
}

function mapColumns(
  cells: string[],
  normalised: string[],
  aliases: AliasMap,
  kind: FileKind | null,
  extras: ReadonlySet<string>,
): Pick<HeaderMatch, 'columns' | 'secondary' | 'unknown' | 'headerCells'> {
  const columns = new Map<Field, ColumnMapping>();
  const secondary: ColumnMapping[] = [];
  const unknown: string[] = [];
  normalised.forEach((header, index) => {
    let field = fieldOfHeader(aliases, header);
    // SPEC §1.2: TMT JABATAN in a promotions file means `tmt`, in a personnel file `tmt_jabatan`.
    if (field === 'tmt_jabatan' && aliasKey(header) === 'TMTJABATAN' && kind === 'promotions' && !extras.has(aliasKey(header))) {
      field = 'tmt';
    }
    if (field === undefined) {
      if (header !== '') unknown.push(cells[index]!.trim());
      return;
    }
    const mapping: ColumnMapping = { field, index, header: cells[index]!.trim() };
    const current = columns.get(field);
    if (current === undefined) {
      columns.set(field, mapping);
    } else if (aliasRank(header, field, extras) < aliasRank(normaliseHeader(current.header), field, extras)) {
      secondary.push(current);
      columns.set(field, mapping);
    } else {
      secondary.push(mapping);
    }
  });
  return { columns, secondary, unknown, headerCells: cells };
}

/** Parses a `--map "HEADER=field"` value; null when the field is not one we know. */
export function parseMapOption(value: string): [string, Field] | null {
  const eq = value.lastIndexOf('=');
  if (eq <= 0) return null;
  const header = value.slice(0, eq).trim();
  const field = value.slice(eq + 1).trim().toLowerCase() as Field;
  if (header === '' || !FIELDS.includes(field)) return null;
  return [header, field];
}
