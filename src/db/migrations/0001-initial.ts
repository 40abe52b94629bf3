/**
 * Schema version 1: the import log and the three tables of SPEC §1 (personnel, appraisals,
 * promotions). Plain names so analysts can open the file in sqlite3, Datasette or DBeaver
 * (SPEC §8). Derived values (golongan_code, level, predikat) are stored next to the raw
 * values they come from; `import_id` and `source_line` say which import last changed a row.
 */
export const version = 1;
export const name = 'initial';

export const sql = `
CREATE TABLE imports (
  id           INTEGER PRIMARY KEY,
  file_name    TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('personnel', 'appraisals', 'promotions')),
  imported_at  TEXT NOT NULL,
  rows_read    INTEGER NOT NULL,
  inserted     INTEGER NOT NULL,
  updated      INTEGER NOT NULL,
  unchanged    INTEGER NOT NULL,
  rejected     INTEGER NOT NULL,
  skipped      INTEGER NOT NULL,
  duplicates   INTEGER NOT NULL
);

CREATE TABLE employees (
  nip            TEXT PRIMARY KEY,
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
  import_id      INTEGER NOT NULL REFERENCES imports(id),
  source_line    INTEGER NOT NULL
);
CREATE INDEX employees_unit ON employees(unit);

CREATE TABLE appraisals (
  nip              TEXT NOT NULL,
  tahun            INTEGER NOT NULL,
  predikat         TEXT,
  predikat_source  TEXT,
  rating_hasil     TEXT,
  rating_perilaku  TEXT,
  predikat_input   TEXT,
  nilai_skp        REAL,
  jpm              REAL,
  potensi          TEXT,
  potensi_score    REAL,
  jp               REAL,
  hukuman_disiplin TEXT,
  import_id        INTEGER NOT NULL REFERENCES imports(id),
  source_line      INTEGER NOT NULL,
  PRIMARY KEY (nip, tahun)
);

CREATE TABLE promotions (
  nip           TEXT NOT NULL,
  tmt           TEXT NOT NULL,
  jabatan_baru  TEXT NOT NULL,
  eselon_baru   TEXT,
  level_baru    INTEGER,
  jabatan_asal  TEXT,
  eselon_asal   TEXT,
  level_asal    INTEGER,
  unit          TEXT,
  import_id     INTEGER NOT NULL REFERENCES imports(id),
  source_line   INTEGER NOT NULL,
  PRIMARY KEY (nip, tmt)
);
CREATE INDEX promotions_tmt ON promotions(tmt);
`;
