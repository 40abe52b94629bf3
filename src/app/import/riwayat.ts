/**
 * Riwayat rows (SPEC §1, §9): `riwayat-golongan` (one rank held from `tmt_golongan`, key nip +
 * tmt_golongan) and `riwayat-jabatan` (one post held from `tmt_jabatan`, key nip + tmt_jabatan),
 * as the SIASN riwayat exports give them. Each becomes an entry of the rank or post timeline with
 * priority 3 (a riwayat row beats a promotion or a snapshot of the same date). A row for an
 * unknown NIP, or dated in the future or before the birth date, is rejected.
 */
import type { Db } from '../../db/open.js';
import { historyStatements, type PostRow, type RankRow } from '../../db/queries/history.js';
import { tableStatements, type EmployeeRow, type Provenance, type TableStatements, type Value } from '../../db/queries/rows.js';
import { parseGolongan } from '../../domain/golongan.js';
import { PRIORITY } from '../../domain/history.js';
import { jabatanLevel, parseEselon, type LevelTable } from '../../domain/jabatan-level.js';
import type { JenisPegawai } from '../../domain/types.js';
import type { Field } from '../../io/headers.js';
import { parseDate } from '../../io/values.js';
import type { RowFields } from './row-fields.js';
import type { PreparedRow } from './row-types.js';

type Riwayat = Record<string, Value>;

export interface RiwayatKind {
  prepare(fields: RowFields, nip: string): PreparedRow<Riwayat> | null;
  write(row: Riwayat, importId: number, line: number): void;
  /** Recomputes the per-person change dates (history_changes) at the end of the file. */
  finish(): void;
}

/** The date of a riwayat row: required, not in the future, not before the birth date. */
function riwayatDate(fields: RowFields, field: Field, today: string, employee: EmployeeRow | undefined): string | undefined {
  const date = fields.parse(field, (raw) => parseDate(raw));
  if (date === null) fields.issue(field, `${fields.header(field)} is empty; every riwayat row needs the date it holds from`);
  if (typeof date !== 'string') return undefined;
  if (date > today) fields.issue(field, `${date} is in the future (today is ${today})`);
  const born = employee?.tgl_lahir as string | null | undefined;
  if (born && date < born) fields.issue(field, `${date} is before the birth date ${born}`);
  return date;
}

function checkKnown(fields: RowFields, employee: EmployeeRow | undefined): void {
  if (employee === undefined) fields.issue('nip', 'unknown NIP: no such employee in the personnel data; import the personnel file first');
}

export function riwayatKind(db: Db, kind: 'riwayat-golongan' | 'riwayat-jabatan', levels: LevelTable, today: string): RiwayatKind {
  const h = historyStatements(db);
  const employees: TableStatements<EmployeeRow> = tableStatements<EmployeeRow>(db, 'employees');
  const table = kind === 'riwayat-golongan' ? 'rank_history' : 'post_history';
  const stored = db.prepare(`SELECT * FROM ${table} WHERE nip = ? AND valid_from = ? AND priority = ${PRIORITY.riwayat}`);
  const latest = db.prepare(`SELECT max(valid_from) FROM ${table} WHERE nip = ?`).pluck();
  const setRank = db.prepare('UPDATE employees SET golongan = ?, golongan_code = ?, tmt_golongan = ?, import_id = ?, source_line = ? WHERE nip = ?');
  const setPost = db.prepare(
    `UPDATE employees SET level = ?, jabatan = coalesce(?, jabatan), jenis_jabatan = coalesce(?, jenis_jabatan), eselon = coalesce(?, eselon),
       unit = coalesce(?, unit), unor_id = coalesce(?, unor_id), instansi = coalesce(?, instansi), tmt_jabatan = ?, import_id = ?, source_line = ? WHERE nip = ?`,
  );

  const prepare = (fields: RowFields, nip: string): PreparedRow<Riwayat> | null => {
    const employee = employees.get([nip]);
    checkKnown(fields, employee);
    let row: Riwayat;
    if (kind === 'riwayat-golongan') {
      const date = riwayatDate(fields, 'tmt_golongan', today, employee);
      const jenis = (employee?.jenis_pegawai ?? null) as JenisPegawai | null;
      const golongan = fields.parse('golongan', (_r, t) => parseGolongan(t, jenis));
      if (golongan === null) fields.issue('golongan', 'GOLONGAN is empty; a riwayat golongan row needs the rank');
      if (fields.issues.length > 0 || date === undefined || !golongan) return null;
      row = { nip, valid_from: date, golongan: golongan.label, golongan_code: golongan.code, tmt_golongan: date };
    } else {
      const date = riwayatDate(fields, 'tmt_jabatan', today, employee);
      // SPEC §1.2: in a riwayat file, jabatan is the first of its columns that is filled.
      const jabatan = fields.text('jabatan') ?? fields.secondaryOf('jabatan')[0]?.text ?? null;
      const eselon = fields.parse('eselon', (_r, t) => parseEselon(t)) ?? null;
      const jenisJabatan = fields.text('jenis_jabatan') ?? null;
      if (jabatan === null && eselon === null) fields.issue(fields.has('jabatan') ? 'jabatan' : 'eselon', 'neither JABATAN nor ESELON is given; a riwayat jabatan row needs the post');
      if (fields.issues.length > 0 || date === undefined) return null;
      row = {
        nip, valid_from: date, level: jabatanLevel({ eselon, jabatan, jenisJabatan }, levels).level, jabatan, jenis_jabatan: jenisJabatan, eselon,
        unit: fields.text('unit') ?? null, unor_id: fields.text('unor_id') ?? null, instansi: fields.text('instansi') ?? null,
      };
    }
    const existing = stored.get(nip, row.valid_from) as (Riwayat & Provenance) | undefined;
    return { key: `${nip}|${row.valid_from as string}`, given: row, row, existing };
  };

  const write = (row: Riwayat, importId: number, line: number): void => {
    const nip = row.nip as string;
    const date = row.valid_from as string;
    h.materialise(nip); // the snapshot entry joins the timeline before the riwayat row
    const newest = latest.get(nip) as string | null;
    if (kind === 'riwayat-golongan') {
      h.putRank({ ...(row as unknown as RankRow), priority: PRIORITY.riwayat, source: 'riwayat', import_id: importId, source_line: line });
      if (newest === null || date >= newest) setRank.run(row.golongan, row.golongan_code, row.tmt_golongan, importId, line, nip);
    } else {
      h.putPost({ ...(row as unknown as PostRow), priority: PRIORITY.riwayat, source: 'riwayat', import_id: importId, source_line: line });
      // The latest post is the current one (employees holds the state at the latest date).
      if (newest === null || date >= newest) {
        setPost.run(row.level, row.jabatan, row.jenis_jabatan, row.eselon, row.unit, row.unor_id, row.instansi, date, importId, line, nip);
      }
    }
    h.touch(nip);
  };

  return { prepare, write, finish: () => h.refreshChanges() };
}
