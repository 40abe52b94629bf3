/**
 * Schema version 3: time (SPEC §9). `employees` stays the current state (the latest version of
 * every person), so that questions about today read one row per person as before; beside it:
 *
 * - `snapshots`: every personnel import is a snapshot with its date `as_of` and its counts;
 * - `employee_versions`: each personnel row from its snapshot date (never updated in place,
 *   SQL:2011 application-time style: the version in force at D is the latest `as_of` ≤ D);
 * - three timelines, each entry with its date `valid_from`, the source kind (riwayat, promotion,
 *   snapshot; `priority` orders entries of one date: riwayat 3 beats promotion 2 beats snapshot 1),
 *   and the import and line it came from: `post_history`, `rank_history`, `status_history`;
 * - `history_changes`: per person whose state is not the same at every date, the date of their
 *   latest entry, so that "who differs at D from today" is one indexed range read.
 *
 * The history tables are WITHOUT ROWID, clustered on (nip, date): one b-tree per table to
 * write at import, and a person's entries side by side for "the latest entry ≤ D".
 *
 * `imports.kind` gains the two riwayat kinds (SQLite cannot change a CHECK: the table is
 * rebuilt the documented way; foreign keys are off during migrations). `employees` gains
 * `unor_id` and `kedudukan_hukum` (SPEC §1.2).
 *
 * History is kept for the people who have one: someone seen in one state only is their
 * `employees` row (with `as_of`, the date of its snapshot) and nothing else; their first version and
 * timeline entries are written from that row when a later file first changes them (the
 * `materialise` of src/db/queries/history.ts). So the first snapshot of a million
 * employees costs what an import cost before, and the file grows by the changes only.
 *
 * An existing database becomes one snapshot dated by its last personnel import (`employees.as_of`),
 * so the assumed values (SPEC §9) are the current record and rank and audit output stay the same.
 */
export const version = 3;
export const name = 'history';

export const sql = `
CREATE TABLE imports_v3 (
  id           INTEGER PRIMARY KEY,
  file_name    TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('personnel', 'appraisals', 'promotions', 'riwayat-golongan', 'riwayat-jabatan')),
  imported_at  TEXT NOT NULL,
  rows_read    INTEGER NOT NULL,
  inserted     INTEGER NOT NULL,
  updated      INTEGER NOT NULL,
  unchanged    INTEGER NOT NULL,
  rejected     INTEGER NOT NULL,
  skipped      INTEGER NOT NULL,
  duplicates   INTEGER NOT NULL
);
INSERT INTO imports_v3 SELECT id, file_name, sha256, kind, imported_at, rows_read, inserted, updated, unchanged, rejected, skipped, duplicates FROM imports;
DROP TABLE imports;
ALTER TABLE imports_v3 RENAME TO imports;

ALTER TABLE employees ADD COLUMN unor_id TEXT;
ALTER TABLE employees ADD COLUMN kedudukan_hukum TEXT;
-- The date of the snapshot the current row comes from (the version in force from then on).
ALTER TABLE employees ADD COLUMN as_of TEXT;

CREATE TABLE snapshots (
  id                INTEGER PRIMARY KEY,
  as_of             TEXT NOT NULL,
  as_of_source      TEXT NOT NULL CHECK (as_of_source IN ('option', 'title', 'import-day', 'migration')),
  import_id         INTEGER NOT NULL REFERENCES imports(id),
  file_name         TEXT NOT NULL,
  rows              INTEGER NOT NULL,
  joined            INTEGER NOT NULL,
  changed           INTEGER NOT NULL,
  leavers           INTEGER NOT NULL,
  unchanged         INTEGER NOT NULL,
  dated_at_snapshot INTEGER NOT NULL
);
CREATE INDEX snapshots_as_of ON snapshots(as_of);

CREATE TABLE employee_versions (
  nip            TEXT NOT NULL,
  as_of          TEXT NOT NULL,
  snapshot_id    INTEGER NOT NULL REFERENCES snapshots(id),
  nip_lama       TEXT,
  nama           TEXT NOT NULL,
  gelar_depan    TEXT,
  gelar_belakang TEXT,
  tgl_lahir      TEXT,
  jenis_kelamin  TEXT,
  jenis_pegawai  TEXT,
  golongan       TEXT,
  golongan_code  INTEGER,
  tmt_golongan   TEXT,
  tmt_cpns       TEXT,
  jenis_jabatan  TEXT,
  jabatan        TEXT,
  eselon         TEXT,
  level          INTEGER,
  tmt_jabatan    TEXT,
  pendidikan     TEXT,
  tahun_lulus    INTEGER,
  unit           TEXT,
  instansi       TEXT,
  unor_id        TEXT,
  kedudukan_hukum TEXT,
  import_id      INTEGER NOT NULL REFERENCES imports(id),
  source_line    INTEGER NOT NULL,
  PRIMARY KEY (nip, as_of)
) WITHOUT ROWID;

CREATE TABLE post_history (
  nip           TEXT NOT NULL,
  valid_from    TEXT NOT NULL,
  priority      INTEGER NOT NULL CHECK (priority IN (1, 2, 3)),
  source        TEXT NOT NULL CHECK (source IN ('snapshot', 'promotion', 'riwayat')),
  level         INTEGER,
  jabatan       TEXT,
  jenis_jabatan TEXT,
  eselon        TEXT,
  unit          TEXT,
  unor_id       TEXT,
  instansi      TEXT,
  import_id     INTEGER NOT NULL REFERENCES imports(id),
  source_line   INTEGER NOT NULL,
  PRIMARY KEY (nip, valid_from, priority)
) WITHOUT ROWID;

CREATE TABLE rank_history (
  nip           TEXT NOT NULL,
  valid_from    TEXT NOT NULL,
  priority      INTEGER NOT NULL CHECK (priority IN (1, 3)),
  source        TEXT NOT NULL CHECK (source IN ('snapshot', 'riwayat')),
  golongan      TEXT,
  golongan_code INTEGER,
  tmt_golongan  TEXT,
  import_id     INTEGER NOT NULL REFERENCES imports(id),
  source_line   INTEGER NOT NULL,
  PRIMARY KEY (nip, valid_from, priority)
) WITHOUT ROWID;

CREATE TABLE status_history (
  nip          TEXT NOT NULL,
  valid_from   TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'left')),
  reason       TEXT,
  import_id    INTEGER NOT NULL REFERENCES imports(id),
  source_line  INTEGER NOT NULL,
  PRIMARY KEY (nip, valid_from)
) WITHOUT ROWID;

CREATE TABLE history_changes (
  nip          TEXT PRIMARY KEY,
  last_change  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX history_changes_last ON history_changes(last_change);

-- The existing data as one snapshot, dated by the last personnel import (the day it was made).
INSERT INTO snapshots (as_of, as_of_source, import_id, file_name, rows, joined, changed, leavers, unchanged, dated_at_snapshot)
SELECT substr(i.imported_at, 1, 10), 'migration', i.id, i.file_name, (SELECT count(*) FROM employees), (SELECT count(*) FROM employees), 0, 0, 0, 0
FROM imports i WHERE i.kind = 'personnel' AND EXISTS (SELECT 1 FROM employees)
ORDER BY i.id DESC LIMIT 1;

UPDATE employees SET as_of = (SELECT as_of FROM snapshots);
`;
