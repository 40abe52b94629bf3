/**
 * What `asn candidates` reads (SPEC §11): the employees of a scope with the fields of their state
 * at D, the predikat and hukuman disiplin of the counted years, the dates that bound D, and the
 * look-ups that refuse an unknown instansi. Values are always parameters.
 */
import type { Db } from '../open.js';

/** One employee as stored, with the post fields the level and years at level need. */
export interface CandidateRecordRow {
  nip: string;
  nama: string;
  jenis_pegawai: string | null;
  golongan_code: number | null;
  tmt_golongan: string | null;
  tmt_cpns: string | null;
  level: number | null;
  tmt_jabatan: string | null;
  eselon: string | null;
  jabatan: string | null;
  jenis_jabatan: string | null;
  pendidikan: string | null;
  tahun_lulus: number | null;
  tgl_lahir: string | null;
  unit: string | null;
  instansi: string | null;
}

/** The scope of SPEC §11: stored unit names (`--unit`), or one stored instansi name, or everyone. */
export interface CandidateScopeQuery {
  units: readonly string[];
  instansi: string | null;
}

function scopeWhere(scope: CandidateScopeQuery, alias: string): { sql: string; args: string[] } {
  if (scope.units.length > 0) return { sql: `WHERE ${alias}.unit IN (${scope.units.map(() => '?').join(', ')})`, args: [...scope.units] };
  if (scope.instansi !== null) return { sql: `WHERE ${alias}.instansi = ?`, args: [scope.instansi] };
  return { sql: '', args: [] };
}

/** The employees of the scope, in nip order. */
export function candidateRecords(db: Db, scope: CandidateScopeQuery): IterableIterator<CandidateRecordRow> {
  const where = scopeWhere(scope, 'e');
  return db
    .prepare(
      `SELECT e.nip, e.nama, e.jenis_pegawai, e.golongan_code, e.tmt_golongan, e.tmt_cpns, e.level, e.tmt_jabatan,
              e.eselon, e.jabatan, e.jenis_jabatan, e.pendidikan, e.tahun_lulus, e.tgl_lahir, e.unit, e.instansi
       FROM employees e ${where.sql} ORDER BY e.nip`,
    )
    .iterate(...where.args) as IterableIterator<CandidateRecordRow>;
}

/** Predikat and hukuman disiplin of the scope's employees in years from..to. */
export function countedAppraisals(
  db: Db,
  scope: CandidateScopeQuery,
  from: number,
  to: number,
): Array<{ nip: string; tahun: number; predikat: string | null; hukuman_disiplin: string | null }> {
  const where = scopeWhere(scope, 'e');
  const join = where.sql === '' ? 'WHERE' : `${where.sql} AND`;
  return db
    .prepare(
      `SELECT a.nip, a.tahun, a.predikat, a.hukuman_disiplin FROM appraisals a JOIN employees e ON e.nip = a.nip
       ${join} a.tahun BETWEEN ? AND ? ORDER BY a.nip, a.tahun`,
    )
    .all(...where.args, from, to) as Array<{ nip: string; tahun: number; predikat: string | null; hukuman_disiplin: string | null }>;
}

/** The time of the latest personnel import (ISO 8601), null when there is none. */
export function latestPersonnelImport(db: Db): string | null {
  return (db.prepare("SELECT max(imported_at) FROM imports WHERE kind = 'personnel'").pluck().get() as string | null) ?? null;
}

/** The earliest TMT CPNS of anyone: before it nobody was in service. */
export function earliestTmtCpns(db: Db): string | null {
  return (db.prepare('SELECT min(tmt_cpns) FROM employees').pluck().get() as string | null) ?? null;
}

/** The stored instansi names that match `name` case-insensitively. */
export function instansiMatching(db: Db, name: string): string[] {
  return db.prepare('SELECT DISTINCT instansi FROM employees WHERE upper(instansi) = upper(?) ORDER BY instansi').pluck().all(name) as string[];
}

/** Every stored instansi name, for the hint when `--instansi` matches none. */
export function instansiNames(db: Db): string[] {
  return db.prepare('SELECT DISTINCT instansi FROM employees WHERE instansi IS NOT NULL ORDER BY instansi').pluck().all() as string[];
}
