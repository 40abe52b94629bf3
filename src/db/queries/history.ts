/**
 * Snapshots, personnel versions and the three timelines (SPEC §9; schema 0003-history). Writes
 * are used by the import inside its transaction; reads by the state at D (src/app/history).
 */
import type { Db } from '../open.js';
import { EMPLOYEE_COLUMNS, type EmployeeRow, type Provenance, type Value } from './rows.js';

export interface SnapshotRow {
  id: number;
  as_of: string;
  as_of_source: string;
  import_id: number;
  file_name: string;
  rows: number;
  joined: number;
  changed: number;
  leavers: number;
  unchanged: number;
  dated_at_snapshot: number;
}

export interface PostRow {
  nip: string;
  valid_from: string;
  priority: number;
  source: string;
  level: number | null;
  jabatan: string | null;
  jenis_jabatan: string | null;
  eselon: string | null;
  unit: string | null;
  unor_id: string | null;
  instansi: string | null;
  import_id: number;
  source_line: number;
}

export interface RankRow {
  nip: string;
  valid_from: string;
  priority: number;
  source: string;
  golongan: string | null;
  golongan_code: number | null;
  tmt_golongan: string | null;
  import_id: number;
  source_line: number;
}

export interface StatusRow {
  nip: string;
  valid_from: string;
  status: 'active' | 'inactive' | 'left';
  reason: string | null;
  import_id: number;
  source_line: number;
}

export type VersionRow = EmployeeRow & Provenance & { as_of: string; snapshot_id: number };

const VERSION_COLUMNS = EMPLOYEE_COLUMNS.filter((c) => c !== 'nip');
const POST_COLUMNS = ['nip', 'valid_from', 'priority', 'source', 'level', 'jabatan', 'jenis_jabatan', 'eselon', 'unit', 'unor_id', 'instansi', 'import_id', 'source_line'] as const;
const RANK_COLUMNS = ['nip', 'valid_from', 'priority', 'source', 'golongan', 'golongan_code', 'tmt_golongan', 'import_id', 'source_line'] as const;

export function snapshotList(db: Db): SnapshotRow[] {
  return db.prepare('SELECT * FROM snapshots ORDER BY as_of, id').all() as SnapshotRow[];
}

export function snapshotOn(db: Db, asOf: string): SnapshotRow | undefined {
  return db.prepare('SELECT * FROM snapshots WHERE as_of = ?').get(asOf) as SnapshotRow | undefined;
}

export function newestSnapshotDate(db: Db): string | null {
  return (db.prepare('SELECT max(as_of) FROM snapshots').pluck().get() as string | null) ?? null;
}

/** The snapshot dates just before and after `asOf` (null when none). */
export function neighbourSnapshots(db: Db, asOf: string): { previous: string | null; next: string | null } {
  const previous = db.prepare('SELECT max(as_of) FROM snapshots WHERE as_of < ?').pluck().get(asOf) as string | null;
  const next = db.prepare('SELECT min(as_of) FROM snapshots WHERE as_of > ?').pluck().get(asOf) as string | null;
  return { previous: previous ?? null, next: next ?? null };
}

export function insertSnapshot(db: Db, s: Omit<SnapshotRow, 'id'>): number {
  const info = db.prepare(
    `INSERT INTO snapshots (as_of, as_of_source, import_id, file_name, rows, joined, changed, leavers, unchanged, dated_at_snapshot)
     VALUES (@as_of, @as_of_source, @import_id, @file_name, @rows, @joined, @changed, @leavers, @unchanged, @dated_at_snapshot)`,
  ).run(s);
  return Number(info.lastInsertRowid);
}

export function updateSnapshot(db: Db, s: SnapshotRow): void {
  db.prepare(
    `UPDATE snapshots SET import_id = @import_id, file_name = @file_name, rows = @rows, joined = @joined, changed = @changed,
       leavers = @leavers, unchanged = @unchanged, dated_at_snapshot = @dated_at_snapshot WHERE id = @id`,
  ).run(s);
}

export function deleteSnapshot(db: Db, id: number): void {
  db.prepare('DELETE FROM snapshots WHERE id = ?').run(id);
}

/** Prepared statements the personnel import uses for versions and timelines. */
export interface HistoryStatements {
  versionInForce(nip: string, date: string): VersionRow | undefined;
  /** The version in force at `date`, else the earliest (one index read). */
  versionToMergeOver(nip: string, date: string): VersionRow | undefined;
  earliestVersion(nip: string): VersionRow | undefined;
  previousVersionDate(nip: string, date: string): string | null;
  putVersion(row: EmployeeRow, asOf: string, snapshotId: number, importId: number, line: number): void;
  postInForce(nip: string, date: string): PostRow | undefined;
  putPost(row: PostRow): void;
  rankInForce(nip: string, date: string): RankRow | undefined;
  putRank(row: RankRow): void;
  statusInForce(nip: string, date: string): StatusRow | undefined;
  putStatus(row: StatusRow): void;
  /** Notes a person whose state now differs between dates (history_changes is refreshed at the end). */
  touch(nip: string): void;
  /** Recomputes history_changes for every touched person. */
  refreshChanges(): void;
  /**
   * Writes a person's first version and snapshot entries from their `employees` row, when they
   * have none yet (history is kept only from the first change; see 0003-history). Returns true
   * when the person is stored.
   */
  materialise(nip: string): void;
  /** The current row (employees) with the date of its snapshot. */
  upsertCurrent(row: EmployeeRow, asOf: string, importId: number, line: number): void;
  /**
   * The same for a NIP known to be absent from `employees`: a plain INSERT, which costs SQLite
   * less than the ON CONFLICT form; were the key there after all, it fails loudly (UNIQUE), never
   * overwrites.
   */
  insertCurrent(row: EmployeeRow, asOf: string, importId: number, line: number): void;
}

export function historyStatements(db: Db): HistoryStatements {
  const vCols = ['nip', 'as_of', 'snapshot_id', ...VERSION_COLUMNS, 'import_id', 'source_line'];
  const inForce = db.prepare(`SELECT * FROM employee_versions WHERE nip = ? AND as_of <= ? ORDER BY as_of DESC LIMIT 1`);
  const earliest = db.prepare('SELECT * FROM employee_versions WHERE nip = ? ORDER BY as_of LIMIT 1');
  const mergeOver = db.prepare('SELECT * FROM employee_versions WHERE nip = ? ORDER BY as_of <= ? DESC, CASE WHEN as_of <= ? THEN as_of END DESC, as_of LIMIT 1');
  const prevDate = db.prepare('SELECT max(as_of) FROM employee_versions WHERE nip = ? AND as_of < ?').pluck();
  const putVersion = db.prepare(`INSERT OR REPLACE INTO employee_versions (${vCols.join(', ')}) VALUES (${vCols.map(() => '?').join(', ')})`);
  const postAt = db.prepare('SELECT * FROM post_history WHERE nip = ? AND valid_from <= ? ORDER BY valid_from DESC, priority DESC LIMIT 1');
  // Positional parameters: binding by name costs several times more per row at import.
  const putPost = db.prepare(`INSERT OR REPLACE INTO post_history (${POST_COLUMNS.join(', ')}) VALUES (${POST_COLUMNS.map(() => '?').join(', ')})`);
  const rankAt = db.prepare('SELECT * FROM rank_history WHERE nip = ? AND valid_from <= ? ORDER BY valid_from DESC, priority DESC LIMIT 1');
  const putRank = db.prepare(`INSERT OR REPLACE INTO rank_history (${RANK_COLUMNS.join(', ')}) VALUES (${RANK_COLUMNS.map(() => '?').join(', ')})`);
  const statusAt = db.prepare('SELECT * FROM status_history WHERE nip = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1');
  const putStatus = db.prepare('INSERT OR REPLACE INTO status_history (nip, valid_from, status, reason, import_id, source_line) VALUES (@nip, @valid_from, @status, @reason, @import_id, @source_line)');
  db.exec('CREATE TEMP TABLE IF NOT EXISTS touched_nips (nip TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM touched_nips');
  const touch = db.prepare('INSERT OR IGNORE INTO touched_nips (nip) VALUES (?)');
  const refresh = db.prepare(
    `INSERT OR REPLACE INTO history_changes (nip, last_change)
     SELECT t.nip, max(
       coalesce((SELECT max(as_of) FROM employee_versions v WHERE v.nip = t.nip), ''),
       coalesce((SELECT max(valid_from) FROM post_history p WHERE p.nip = t.nip), ''),
       coalesce((SELECT max(valid_from) FROM rank_history r WHERE r.nip = t.nip), ''),
       coalesce((SELECT max(valid_from) FROM status_history s WHERE s.nip = t.nip), ''))
     FROM touched_nips t`,
  );
  const hasVersion = db.prepare('SELECT EXISTS (SELECT 1 FROM employee_versions WHERE nip = ?)').pluck();
  const firstVersion = db.prepare(
    `INSERT OR IGNORE INTO employee_versions (${vCols.join(', ')})
     SELECT e.nip, e.as_of, s.id, ${VERSION_COLUMNS.map((c) => `e.${c}`).join(', ')}, e.import_id, e.source_line
     FROM employees e JOIN snapshots s ON s.as_of = e.as_of WHERE e.nip = ?`,
  );
  const firstPost = db.prepare(
    `INSERT OR IGNORE INTO post_history (${POST_COLUMNS.join(', ')})
     SELECT nip, as_of, 1, 'snapshot', level, jabatan, jenis_jabatan, eselon, unit, unor_id, instansi, import_id, source_line
     FROM employees WHERE nip = ? AND as_of IS NOT NULL`,
  );
  const firstRank = db.prepare(
    `INSERT OR IGNORE INTO rank_history (${RANK_COLUMNS.join(', ')})
     SELECT nip, as_of, 1, 'snapshot', golongan, golongan_code, tmt_golongan, import_id, source_line
     FROM employees WHERE nip = ? AND as_of IS NOT NULL`,
  );
  const cur = [...EMPLOYEE_COLUMNS, 'as_of', 'import_id', 'source_line'];
  const insertSql = `INSERT INTO employees (${cur.join(', ')}) VALUES (${cur.map(() => '?').join(', ')})`;
  const insertCurrent = db.prepare(insertSql);
  const upsertCurrent = db.prepare(
    `${insertSql}
     ON CONFLICT (nip) DO UPDATE SET ${cur.filter((c) => c !== 'nip').map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  const currentValues = (row: EmployeeRow, asOf: string, importId: number, line: number): Value[] => {
    const values: Value[] = new Array(EMPLOYEE_COLUMNS.length + 3);
    for (let i = 0; i < EMPLOYEE_COLUMNS.length; i++) values[i] = row[EMPLOYEE_COLUMNS[i]!] ?? null;
    values[EMPLOYEE_COLUMNS.length] = asOf;
    values[EMPLOYEE_COLUMNS.length + 1] = importId;
    values[EMPLOYEE_COLUMNS.length + 2] = line;
    return values;
  };
  return {
    materialise: (nip) => {
      if (hasVersion.get(nip) === 1) return;
      firstVersion.run(nip);
      firstPost.run(nip);
      firstRank.run(nip);
    },
    upsertCurrent: (row, asOf, importId, line) => void upsertCurrent.run(currentValues(row, asOf, importId, line)),
    insertCurrent: (row, asOf, importId, line) => void insertCurrent.run(currentValues(row, asOf, importId, line)),
    versionInForce: (nip, date) => inForce.get(nip, date) as VersionRow | undefined,
    earliestVersion: (nip) => earliest.get(nip) as VersionRow | undefined,
    versionToMergeOver: (nip, date) => mergeOver.get(nip, date, date) as VersionRow | undefined,
    previousVersionDate: (nip, date) => (prevDate.get(nip, date) as string | null) ?? null,
    putVersion: (row, asOf, snapshotId, importId, line) => {
      putVersion.run(row.nip, asOf, snapshotId, ...VERSION_COLUMNS.map((c) => row[c] ?? null), importId, line);
    },
    postInForce: (nip, date) => postAt.get(nip, date) as PostRow | undefined,
    putPost: (row) => void putPost.run(row.nip, row.valid_from, row.priority, row.source, row.level, row.jabatan, row.jenis_jabatan, row.eselon, row.unit, row.unor_id, row.instansi, row.import_id, row.source_line),
    rankInForce: (nip, date) => rankAt.get(nip, date) as RankRow | undefined,
    putRank: (row) => void putRank.run(row.nip, row.valid_from, row.priority, row.source, row.golongan, row.golongan_code, row.tmt_golongan, row.import_id, row.source_line),
    statusInForce: (nip, date) => statusAt.get(nip, date) as StatusRow | undefined,
    putStatus: (row) => void putStatus.run(row),
    touch: (nip) => void touch.run(nip),
    refreshChanges: () => {
      refresh.run();
      db.exec('DELETE FROM touched_nips');
    },
  };
}

/**
 * The people of a scope (instansi, or units when the file has no instansi) who were in service
 * before `asOf` (a version dated before it, status at `asOf` not left) — the previous population
 * — and among them those absent from the file (`present_nips`): the leavers of SPEC §9.
 */
export function scopeAbsence(db: Db, by: 'instansi' | 'unit', names: readonly string[], asOf: string): { previous: number; absent: string[] } {
  if (names.length === 0) return { previous: 0, absent: [] };
  const rows = db.prepare(
    `SELECT e.nip, EXISTS (SELECT 1 FROM present_nips p WHERE p.nip = e.nip) AS present
     FROM employees e
     WHERE e.${by} IN (${names.map((_, k) => `@n${k}`).join(', ')})
       AND (e.as_of < @asOf OR EXISTS (SELECT 1 FROM employee_versions v WHERE v.nip = e.nip AND v.as_of < @asOf))
       AND coalesce((SELECT s.status FROM status_history s WHERE s.nip = e.nip AND s.valid_from <= @asOf ORDER BY s.valid_from DESC LIMIT 1), 'active') <> 'left'
       AND (e.tmt_cpns IS NULL OR e.tmt_cpns <= @asOf)`,
  ).raw(true).iterate({ asOf, ...Object.fromEntries(names.map((n, k) => [`n${k}`, n])) }) as IterableIterator<[string, number]>;
  // Streamed: the previous population is the whole scope (millions at national scale), and only
  // the absent few are kept; holding every row made the second snapshot's peak grow with the file.
  let previous = 0;
  const absent: string[] = [];
  for (const [nip, present] of rows) {
    previous++;
    if (present === 0) absent.push(nip);
  }
  return { previous, absent: absent.sort() };
}

/**
 * The temp table of NIPs present in the file being imported (rejected rows count as present).
 * NIPs are gathered in a buffer of at most PRESENT_BATCH and written sorted: a million NIPs in
 * file order (random) are a million inserts at random places of a b-tree larger than the page
 * cache, sorted batches sweep it in order. `flush()` before the table is read; a buffer not
 * flushed (the file refused, its transaction rolled back) is dropped with its writer.
 */
export function presentNips(db: Db): { add(nip: string): void; flush(): void; reset(): void } {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS present_nips (nip TEXT PRIMARY KEY) WITHOUT ROWID');
  const add = db.prepare('INSERT OR IGNORE INTO present_nips (nip) VALUES (?)');
  let buffer: string[] = [];
  const flush = (): void => {
    buffer.sort();
    for (const nip of buffer) add.run(nip);
    buffer = [];
  };
  return {
    add: (nip) => {
      buffer.push(nip);
      if (buffer.length >= PRESENT_BATCH) flush();
    },
    flush,
    reset: () => {
      buffer = [];
      db.exec('DELETE FROM present_nips');
    },
  };
}

/** NIPs held before present_nips is written (about 2 MB of strings). */
const PRESENT_BATCH = 65_536;

/** Whether nothing is stored about any employee yet: no current row and no version (a first import). */
export function noEmployeesYet(db: Db): boolean {
  return db.prepare('SELECT NOT EXISTS (SELECT 1 FROM employees) AND NOT EXISTS (SELECT 1 FROM employee_versions)').pluck().get() === 1;
}

/**
 * Drops the secondary indexes of `employees` (unit, instansi) and returns what makes them again,
 * with the same SQL, in the same order. Inside the import's transaction: a first import into an
 * empty table builds each index with one sort after the rows instead of a million inserts in
 * file order; a rollback (a refused file, --dry-run) brings the dropped indexes back as they were.
 */
export function deferEmployeeIndexes(db: Db): () => void {
  const indexes = db.prepare(
    "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'employees' AND sql IS NOT NULL ORDER BY rowid",
  ).all() as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    for (const { sql } of indexes) db.exec(sql);
  };
}

/** Copies `employees` onto its version in force (an older snapshot never changes the current row). */
export function currentRowOf(db: Db): (nip: string) => (EmployeeRow & Provenance) | undefined {
  const stmt = db.prepare(`SELECT ${EMPLOYEE_COLUMNS.join(', ')}, import_id, source_line FROM employees WHERE nip = ?`);
  return (nip) => stmt.get(nip) as (EmployeeRow & Provenance) | undefined;
}

/**
 * The people whose state at `date` may differ from their current row (SPEC §9 "State at D"):
 * those with an entry or version dated after `date` among people with more than one, plus
 * everyone with a status other than active. One indexed range read of history_changes.
 */
export function changedAfterSql(promotions = true): string {
  // UNION ALL (the caller drops repeats): a UNION would read history_changes whole in NIP order.
  // Promotions are entries of the post timeline (SPEC §9): one dated after D, or on or after the
  // snapshot of the current row (which it then outdates), makes the state at D differ from it.
  const stored = `SELECT nip FROM history_changes WHERE last_change > ?
          UNION ALL SELECT nip FROM status_history WHERE status <> 'active'`;
  if (!promotions) return stored;
  return `${stored}
          UNION ALL SELECT nip FROM promotions WHERE tmt > ?
          UNION ALL SELECT p.nip FROM promotions p JOIN employees e ON e.nip = p.nip WHERE p.tmt >= e.as_of`;
}

/**
 * `changedAfterSql()` without the people whose only reason is a promotion after D while their
 * state at D is their current row: seen in one state only (no stored history), their row dated
 * on or before D with its unit and instansi (nothing a later entry could fill in), and no
 * promotion from their row's date to D. A national database promotes tens of thousands after
 * the ranked year; their timelines need not be read. (Exported for the query-plan test.)
 */
export const CHANGED_AT_SQL = `SELECT nip FROM history_changes WHERE last_change > @date
          UNION ALL SELECT nip FROM status_history WHERE status <> 'active'
          UNION ALL SELECT p.nip FROM promotions p JOIN employees e ON e.nip = p.nip
            WHERE (p.tmt > @date OR p.tmt >= e.as_of)
              AND NOT (p.tmt > @date AND e.as_of IS NOT NULL AND e.as_of <= @date AND e.unit IS NOT NULL AND e.instansi IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM history_changes h WHERE h.nip = p.nip))`;

export interface PersonHistoryRows {
  versions: VersionRow[];
  posts: PostRow[];
  ranks: RankRow[];
  statuses: StatusRow[];
  /** True when nothing is stored but the current row (someone seen in one state, perhaps promoted). */
  currentOnly?: boolean;
  promotions: Array<{ nip: string; tmt: string; jabatan_baru: string; eselon_baru: string | null; level_baru: number | null; jabatan_asal: string | null; eselon_asal: string | null; level_asal: number | null; unit: string | null; import_id: number; source_line: number }>;
}

/** Every history row of the people `changedAfterSql` names for `date`, grouped by NIP. */
export function historyOfChanged(db: Db, date: string, promotions = true): Map<string, PersonHistoryRows> {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS state_nips (nip TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM state_nips');
  if (promotions) db.prepare(`INSERT OR IGNORE INTO state_nips (nip) ${changedAfterSql()}`).run(date, date);
  else db.prepare(`INSERT OR IGNORE INTO state_nips (nip) ${changedAfterSql(false)}`).run(date);
  const out = readHistory(db, 'SELECT nip FROM state_nips');
  db.exec('DELETE FROM state_nips');
  return out;
}

/**
 * The same rows as `historyOfChanged`, a slice of `chunk` people at a time (in NIP order), so that
 * the caller can fold each person into what it keeps before the next slice is read: the rows of
 * every changed person never sit in memory at once.
 */
export function* historyOfChangedInSlices(db: Db, date: string, promotions = true, chunk = 4096): Generator<Map<string, PersonHistoryRows>> {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS state_nips (nip TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM state_nips');
  if (promotions) db.prepare(`INSERT OR IGNORE INTO state_nips (nip) ${CHANGED_AT_SQL}`).run({ date });
  else db.prepare(`INSERT OR IGNORE INTO state_nips (nip) ${changedAfterSql(false)}`).run(date);
  const nips = db.prepare('SELECT nip FROM state_nips ORDER BY nip').pluck().all() as string[];
  db.exec('DELETE FROM state_nips');
  db.exec('CREATE TEMP TABLE IF NOT EXISTS state_slice (nip TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM state_slice');
  const add = db.prepare('INSERT INTO state_slice (nip) VALUES (?)');
  for (let from = 0; from < nips.length; from += chunk) {
    for (let k = from; k < Math.min(nips.length, from + chunk); k++) add.run(nips[k]);
    const rows = readHistory(db, 'SELECT nip FROM state_slice', nips.slice(from, from + chunk));
    db.exec('DELETE FROM state_slice');
    yield rows;
  }
}

/**
 * The snapshot date of the current row of everyone promoted (the date their current post holds
 * from; the import's day for a row written without one), for the audit's post timelines.
 */
export function promotedAsOf(db: Db): Map<string, string> {
  const rows = db.prepare(
    `SELECT e.nip, coalesce(e.as_of, substr(i.imported_at, 1, 10)) FROM employees e LEFT JOIN imports i ON i.id = e.import_id
     WHERE e.nip IN (SELECT nip FROM promotions)`,
  ).raw(true).all() as Array<[string, string | null]>;
  const out = new Map<string, string>();
  for (const [nip, asOf] of rows) if (asOf !== null) out.set(nip, asOf);
  return out;
}

/** Every history row of one person. */
export function historyOfNip(db: Db, nip: string): PersonHistoryRows {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS state_nips (nip TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM state_nips');
  db.prepare('INSERT INTO state_nips (nip) VALUES (?)').run(nip);
  const out = readHistory(db, 'SELECT nip FROM state_nips');
  db.exec('DELETE FROM state_nips');
  return out.get(nip) ?? { versions: [], posts: [], ranks: [], statuses: [], promotions: [] };
}

/**
 * Someone seen in one state only (no stored version: history is kept from the first change on)
 * has their current row as their one version and snapshot entry; read for the people of `out`
 * without versions (those with promotions only), and for `onlyNip` when given.
 */
function addCurrentRows(db: Db, out: Map<string, PersonHistoryRows>, nipsSql: string): void {
  const rows = db.prepare(
    // A row without a snapshot date (written by hand, not by an import) holds from its import's day.
    // Only the columns the state at D reads (a version's personnel fields, the post and the rank).
    `SELECT e.nip, e.nama, e.tgl_lahir, e.tmt_cpns, e.tahun_lulus, e.pendidikan, e.jenis_pegawai, e.tmt_jabatan,
            e.level, e.jabatan, e.jenis_jabatan, e.eselon, e.unit, e.unor_id, e.instansi, e.golongan, e.golongan_code, e.tmt_golongan,
            e.import_id, e.source_line, coalesce(e.as_of, substr(i.imported_at, 1, 10)) AS as_of, s.id AS snapshot_id
     FROM employees e LEFT JOIN snapshots s ON s.as_of = e.as_of LEFT JOIN imports i ON i.id = e.import_id
     WHERE e.nip IN (${nipsSql}) AND coalesce(e.as_of, i.imported_at) IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM employee_versions v WHERE v.nip = e.nip)`,
  ).all() as Array<VersionRow & { as_of: string }>;
  const byDate = (a: { valid_from: string; priority: number }, b: { valid_from: string; priority: number }) =>
    (a.valid_from < b.valid_from ? -1 : a.valid_from > b.valid_from ? 1 : a.priority - b.priority);
  for (const e of rows) {
    const nip = e.nip as string;
    let h = out.get(nip);
    if (h === undefined) {
      h = { versions: [], posts: [], ranks: [], statuses: [], promotions: [] };
      out.set(nip, h);
    }
    if (h.posts.length === 0 && h.ranks.length === 0 && h.statuses.length === 0) h.currentOnly = true;
    h.versions.push(e);
    const at = { nip, valid_from: e.as_of, priority: 1, source: 'snapshot', import_id: e.import_id, source_line: e.source_line };
    if (!h.posts.some((p) => p.priority === 1)) {
      h.posts.push({ ...at, level: e.level as number | null, jabatan: e.jabatan as string | null, jenis_jabatan: e.jenis_jabatan as string | null, eselon: e.eselon as string | null, unit: e.unit as string | null, unor_id: e.unor_id as string | null, instansi: e.instansi as string | null });
      h.posts.sort(byDate);
    }
    if (!h.ranks.some((r) => r.priority === 1)) {
      h.ranks.push({ ...at, golongan: e.golongan as string | null, golongan_code: e.golongan_code as number | null, tmt_golongan: e.tmt_golongan as string | null });
      h.ranks.sort(byDate);
    }
  }
}

/**
 * Which of readHistory's reads first named a person (0 versions … 4 promotions, 5 the current
 * row): a whole read lists people in (that read, NIP) order, which a read in slices restores.
 */
const firstSeen = new WeakMap<PersonHistoryRows, number>();

/** The order key of a person's rows as one whole `historyOfChanged` read would list them (see firstSeen). */
export function firstSeenRead(rows: PersonHistoryRows): number {
  return firstSeen.get(rows) ?? 5;
}

/** The columns of a version the state at D reads (src/app/history/state.ts personHistoryOf): not every personnel field. */
const VERSION_READ = 'nip, as_of, snapshot_id, nama, tgl_lahir, tmt_cpns, tahun_lulus, pendidikan, jenis_pegawai, tmt_jabatan, import_id, source_line';

/**
 * Every history row of the people `nipsSql` selects, grouped by NIP. With `nips` (the same
 * people, listed) the current rows are looked up for those without a stored version only, which
 * are usually few: the look-up of every NIP's row costs a random read of employees each.
 */
function readHistory(db: Db, nipsSql: string, nips?: readonly string[]): Map<string, PersonHistoryRows> {
  const out = new Map<string, PersonHistoryRows>();
  let read = 0;
  const of = (nip: string): PersonHistoryRows => {
    let h = out.get(nip);
    if (h === undefined) {
      h = { versions: [], posts: [], ranks: [], statuses: [], promotions: [] };
      out.set(nip, h);
      firstSeen.set(h, read);
    }
    return h;
  };
  for (const r of db.prepare(`SELECT ${VERSION_READ} FROM employee_versions WHERE nip IN (${nipsSql}) ORDER BY nip, as_of`).all() as VersionRow[]) of(r.nip as string).versions.push(r);
  read = 1;
  for (const r of db.prepare(`SELECT * FROM post_history WHERE nip IN (${nipsSql}) ORDER BY nip, valid_from, priority`).all() as PostRow[]) of(r.nip).posts.push(r);
  read = 2;
  for (const r of db.prepare(`SELECT * FROM rank_history WHERE nip IN (${nipsSql}) ORDER BY nip, valid_from, priority`).all() as RankRow[]) of(r.nip).ranks.push(r);
  read = 3;
  for (const r of db.prepare(`SELECT * FROM status_history WHERE nip IN (${nipsSql}) ORDER BY nip, valid_from`).all() as StatusRow[]) of(r.nip).statuses.push(r);
  read = 4;
  for (const r of db.prepare(
    `SELECT nip, tmt, jabatan_baru, eselon_baru, level_baru, jabatan_asal, eselon_asal, level_asal, unit, import_id, source_line FROM promotions WHERE nip IN (${nipsSql}) ORDER BY nip, tmt`,
  ).all() as PersonHistoryRows['promotions']) of(r.nip).promotions.push(r);
  if (nips === undefined) {
    addCurrentRows(db, out, nipsSql);
    return out;
  }
  // addCurrentRows reads only people without a stored version: the same rows from fewer look-ups.
  const unversioned = nips.filter((nip) => (out.get(nip)?.versions.length ?? 0) === 0);
  if (unversioned.length === 0) return out;
  db.exec('CREATE TEMP TABLE IF NOT EXISTS state_unversioned (nip TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM state_unversioned');
  const add = db.prepare('INSERT INTO state_unversioned (nip) VALUES (?)');
  for (const nip of unversioned) add.run(nip);
  addCurrentRows(db, out, 'SELECT nip FROM state_unversioned');
  db.exec('DELETE FROM state_unversioned');
  return out;
}

/** File names of imports by id (provenance of history entries). */
export function importFileNames(db: Db): Map<number, string> {
  const rows = db.prepare('SELECT id, file_name FROM imports').raw(true).all() as Array<[number, string]>;
  return new Map(rows);
}

/**
 * The current rows (merit tuple order) of the people who may stand otherwise at `date` than
 * their row says: those of `changedAfterSql`, and those appointed after `date` (SPEC §9: not in
 * service yet). Counting reports correct their fast whole-table counts with these.
 */
export function employeesDifferingAt(db: Db, date: string): EmployeeTupleRow[] {
  return db.prepare(
    `SELECT nip, nama, jenis_pegawai, golongan_code, tmt_golongan, tmt_cpns, level, pendidikan, tahun_lulus, tgl_lahir, unit, instansi,
            eselon, jabatan, jenis_jabatan
     FROM employees WHERE tmt_cpns > ? OR nip IN (${changedAfterSql()})`, // IN drops the repeats
  ).raw(true).all(date, date, date) as EmployeeTupleRow[];
}

export type EmployeeTupleRow = [string, string, string | null, number | null, string | null, string | null, number | null, string | null, number | null, string | null, string | null, string | null, string | null, string | null, string | null];

/**
 * Every stored unit spelling with how many current rows use it and the first rowid (from the unit
 * index alone), plus the spellings only the post timeline knows; and the (unit, unor_id) pairs
 * (unit identity, SPEC §1.3).
 */
export function unitSpellingCounts(db: Db): { spellings: Array<{ unit: string; n: number; first: number }>; ids: Array<{ unit: string; unor_id: string }> } {
  const spellings = db.prepare(
    `SELECT unit, count(*) AS n, min(rowid) AS first FROM employees WHERE unit IS NOT NULL GROUP BY unit
     UNION ALL
     SELECT DISTINCT unit, 0, 9e18 FROM post_history p WHERE unit IS NOT NULL AND NOT EXISTS (SELECT 1 FROM employees e WHERE e.unit = p.unit)
     ORDER BY first`,
  ).all() as Array<{ unit: string; n: number; first: number }>;
  const ids = db.prepare(
    `SELECT unit, min(unor_id) AS unor_id FROM employees WHERE unit IS NOT NULL AND unor_id IS NOT NULL GROUP BY unit
     UNION SELECT unit, min(unor_id) FROM post_history WHERE unit IS NOT NULL AND unor_id IS NOT NULL GROUP BY unit`,
  ).all() as Array<{ unit: string; unor_id: string }>;
  return { spellings, ids };
}
