/**
 * What `asn candidates` reads (SPEC §11): the current records (the state at D is put on them by
 * src/app/history), the post timelines for years at level, the predikat and hukuman disiplin of
 * the counted years, the dates that bound D, what the dated history holds up to D, and the
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
  /** The snapshot date of the current row (null in a database migrated without one). */
  as_of: string | null;
}

/** The scope of SPEC §11: stored unit names (`--unit`), or one stored instansi name, or everyone. */
export interface CandidateScopeQuery {
  units: readonly string[];
  instansi: string | null;
}

/** Every current record, in nip order (the scope is applied at D by the caller). */
export function candidateRecords(db: Db): IterableIterator<CandidateRecordRow> {
  return db
    .prepare(
      `SELECT e.nip, e.nama, e.jenis_pegawai, e.golongan_code, e.tmt_golongan, e.tmt_cpns, e.level, e.tmt_jabatan,
              e.eselon, e.jabatan, e.jenis_jabatan, e.pendidikan, e.tahun_lulus, e.tgl_lahir, e.unit, e.instansi, e.as_of
       FROM employees e ORDER BY e.nip`,
    )
    .iterate() as IterableIterator<CandidateRecordRow>;
}

/** One entry of a post timeline (post_history), with the TMT jabatan of its snapshot version. */
export interface PostTimelineRow {
  nip: string;
  valid_from: string;
  priority: number;
  level: number | null;
  eselon: string | null;
  jabatan: string | null;
  jenis_jabatan: string | null;
  /** For a snapshot entry: the version's tmt_jabatan (the post held since); null otherwise. */
  held_since: string | null;
}

/** Every stored post-timeline entry, by nip then timeline order (date, then priority). */
export function postTimelineRows(db: Db): IterableIterator<PostTimelineRow> {
  return db
    .prepare(
      `SELECT p.nip, p.valid_from, p.priority, p.level, p.eselon, p.jabatan, p.jenis_jabatan, v.tmt_jabatan AS held_since
       FROM post_history p
       LEFT JOIN employee_versions v ON p.source = 'snapshot' AND v.nip = p.nip AND v.import_id = p.import_id
       ORDER BY p.nip, p.valid_from, p.priority`,
    )
    .iterate() as IterableIterator<PostTimelineRow>;
}

/** Predikat and hukuman disiplin of everyone in years from..to (the caller keeps its pool's). */
export function countedAppraisals(db: Db, from: number, to: number): IterableIterator<{ nip: string; tahun: number; predikat: string | null; hukuman_disiplin: string | null }> {
  return db
    .prepare('SELECT nip, tahun, predikat, hukuman_disiplin FROM appraisals WHERE tahun BETWEEN ? AND ?')
    .iterate(from, to) as IterableIterator<{ nip: string; tahun: number; predikat: string | null; hukuman_disiplin: string | null }>;
}

/** The snapshot dates, oldest first. */
export function snapshotDates(db: Db): string[] {
  return db.prepare('SELECT DISTINCT as_of FROM snapshots ORDER BY as_of').pluck().all() as string[];
}

/** Whether riwayat-jabatan / riwayat-golongan entries dated on or before `date` are stored. */
export function riwayatUpTo(db: Db, date: string): { jabatan: boolean; golongan: boolean } {
  const post = db.prepare("SELECT EXISTS (SELECT 1 FROM post_history WHERE source = 'riwayat' AND valid_from <= ?)").pluck().get(date) as number;
  const rank = db.prepare("SELECT EXISTS (SELECT 1 FROM rank_history WHERE source = 'riwayat' AND valid_from <= ?)").pluck().get(date) as number;
  return { jabatan: post === 1, golongan: rank === 1 };
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
