/**
 * A personnel import as a dated snapshot (SPEC §9): each row compared with the version in force
 * at `as_of`; a different row is a new version from `as_of` with its post, rank and status
 * entries; people of the file's scope missing from it have left at `as_of` (unless `--partial`),
 * and more than 10% absent stops the import unless `--full` confirms it. An older snapshot than
 * the newest fills history and never changes the current row (`employees`).
 */
import type { Db } from '../../db/open.js';
import {
  deferEmployeeIndexes, deleteSnapshot, historyStatements, insertSnapshot, neighbourSnapshots, newestSnapshotDate, noEmployeesYet,
  presentNips, scopeAbsence, snapshotOn, updateSnapshot, type HistoryStatements, type PostRow, type SnapshotRow,
} from '../../db/queries/history.js';
import { KeyFilter } from '../../db/queries/imports.js';
import { tableStatements, type EmployeeRow, type Provenance, type TableStatements } from '../../db/queries/rows.js';
import { snapshotEntryDate } from '../../domain/history.js';
import { statusOfKedudukan } from '../../domain/kedudukan.js';
import { AsnError } from '../../shared/errors.js';

export type AsOfSource = 'option' | 'title' | 'import-day';

export interface SnapshotOptions {
  asOf: string;
  asOfSource: AsOfSource;
  /** `--partial`: an update of some people; nobody leaves. */
  partial: boolean;
  /** `--full`: confirms a snapshot in which more than 10% of the scope is absent. */
  full: boolean;
  /**
   * Whether another personnel file of the same command comes after this one (its leavers are
   * looked for among the NIPs of both, SPEC §9). Unknown: assumed so.
   */
  morePersonnelFiles?: boolean;
}

export interface SnapshotReport {
  asOf: string;
  asOfSource: AsOfSource;
  /** A snapshot of this date existed already (another file): this import updated it. */
  updatedFrom: string | null;
  /** Older than the newest snapshot: history filled in, the current state unchanged. */
  older: boolean;
  partial: boolean;
  joined: number;
  changed: number;
  left: number;
  unchanged: number;
  /** Changes of people already known that could only be dated at as_of (SPEC §9 invariant). */
  datedAtSnapshot: number;
  /** The leavers (NIPs, sorted). */
  leavers: string[];
  /** The scope leavers were looked for in. */
  scope: { by: 'instansi' | 'unit'; names: string[] };
}

/** Share of the scope's previous population that may be absent without `--full` (SPEC §9). */
export const ABSENT_GUARD = 0.1;

const POST_KEYS = ['level', 'jabatan', 'jenis_jabatan', 'eselon', 'unit', 'unor_id', 'instansi'] as const;

export class SnapshotWriter {
  readonly report: SnapshotReport;
  readonly stored: TableStatements<EmployeeRow>;
  private readonly h: HistoryStatements;
  private readonly employees: TableStatements<EmployeeRow>;
  private readonly present: ReturnType<typeof presentNips>;
  private readonly scopeNames = new Set<string>();
  private snapshot: SnapshotRow;
  private readonly created: boolean;
  private readonly current: boolean;
  private readonly next: string | null;
  /** People with a status other than active at some date (few): only they can come back. */
  private readonly notActive: Set<string>;
  /** Whether the NIP last looked up has any version (a new person needs no timeline look-ups). */
  private lastGet: { nip: string; known: boolean } = { nip: '', known: true };
  /**
   * A first import: nothing was stored about any employee when this file began (and the
   * snapshot is the newest). Then the only stored rows are this file's, every row written is a
   * new person, nobody can have left, and the file's NIPs need no table to find leavers in.
   */
  private readonly fresh: boolean;
  /** Fresh: the NIPs written by this file; a key it has never seen is not stored (no look-up). */
  private readonly written: KeyFilter | null = null;
  /** Fresh: makes the unit and instansi indexes again after the rows (see deferEmployeeIndexes). */
  private readonly restoreIndexes: () => void = () => undefined;
  /** Whether the file's NIPs go into present_nips (someone may be absent from it, SPEC §9). */
  private readonly keepPresent: boolean;

  constructor(private readonly db: Db, importId: number, fileName: string, private readonly options: SnapshotOptions, private readonly hasInstansi: boolean) {
    this.h = historyStatements(db);
    this.employees = tableStatements<EmployeeRow>(db, 'employees');
    // Not reset here: personnel files of one command are read together (runImport resets it).
    this.present = presentNips(db);
    this.notActive = new Set(db.prepare("SELECT DISTINCT nip FROM status_history WHERE status <> 'active'").pluck().all() as string[]);
    const newest = newestSnapshotDate(db);
    this.current = newest === null || options.asOf >= newest;
    this.next = neighbourSnapshots(db, options.asOf).next;
    this.fresh = this.current && noEmployeesYet(db);
    this.keepPresent = !this.fresh || options.morePersonnelFiles !== false;
    if (this.fresh) {
      this.written = new KeyFilter();
      this.restoreIndexes = deferEmployeeIndexes(db);
    }
    const same = snapshotOn(db, options.asOf);
    this.created = same === undefined;
    const counts = { rows: 0, joined: 0, changed: 0, leavers: 0, unchanged: 0, dated_at_snapshot: 0 };
    if (same === undefined) {
      const row = { as_of: options.asOf, as_of_source: options.asOfSource, import_id: importId, file_name: fileName, ...counts };
      this.snapshot = { id: insertSnapshot(db, row), ...row };
    } else {
      this.snapshot = { ...same, import_id: importId, file_name: same.file_name === fileName ? fileName : `${same.file_name}; ${fileName}` };
    }
    this.report = {
      asOf: options.asOf, asOfSource: options.asOfSource, updatedFrom: same?.file_name ?? null, older: !this.current,
      partial: options.partial, joined: 0, changed: 0, left: 0, unchanged: 0, datedAtSnapshot: 0, leavers: [],
      scope: { by: hasInstansi ? 'instansi' : 'unit', names: [] },
    };
    const h = this.h;
    const asOf = options.asOf;
    const employees = this.employees;
    // The row a personnel row is compared with and merged over: the version in force at as_of
    // (every stored employee has a version: the migration made one for each).
    this.stored = {
      get: ([nip]) => {
        if (this.written !== null && !this.written.mayHave(nip as string)) {
          // Never written by this file, and nothing else is stored: no look-up needed.
          this.lastGet = { nip: nip as string, known: false };
          return undefined;
        }
        // Current snapshot: the employees row is the latest version. Older: the version then.
        const currentRow = employees.get([nip as string]);
        this.lastGet = { nip: nip as string, known: currentRow !== undefined };
        if (this.current || currentRow === undefined) return currentRow;
        return (h.versionToMergeOver(nip as string, asOf) ?? currentRow) as (EmployeeRow & Provenance) | undefined;
      },
      upsert: (row, id, line) => this.write(row, id, line),
    };

  }

  /** A NIP met in the file (rejected rows too: their person does not leave, SPEC §9). */
  seen(nip: string): void {
    if (this.keepPresent) this.present.add(nip);
  }

  unchanged(row: EmployeeRow, importId: number, line: number): void {
    this.noteScope(row);
    const nip = row.nip as string;
    if (this.notActive.has(nip)) {
      // Someone who had left (or was inactive) is listed again with the same record.
      const before = this.h.statusInForce(nip, this.options.asOf)?.status ?? 'active';
      const now = statusOfKedudukan(row.kedudukan_hukum as string | null);
      if (before !== now) {
        this.h.putStatus({ nip, valid_from: this.options.asOf, status: now, reason: now === 'active' ? `present in the snapshot of ${this.options.asOf}` : `kedudukan hukum "${row.kedudukan_hukum as string}" in the snapshot of ${this.options.asOf}`, import_id: importId, source_line: line });
        this.h.touch(nip);
        if (before === 'left') {
          this.report.joined++;
          return;
        }
      }
    }
    this.report.unchanged++;
  }

  private noteScope(row: EmployeeRow): void {
    const name = this.hasInstansi ? row.instansi : row.unit;
    if (typeof name === 'string') this.scopeNames.add(name);
  }

  /** A new or different row: a version from as_of, its timeline entries, and the current row. */
  write(row: EmployeeRow, importId: number, line: number): void {
    const nip = row.nip as string;
    const asOf = this.options.asOf;
    const h = this.h;
    this.noteScope(row);
    // A person met for the first time (the whole first snapshot) has nothing to look up.
    const known = this.lastGet.nip === nip ? this.lastGet.known : this.employees.get([nip]) !== undefined;
    if (!known) {
      // First seen: the employees row is the whole history (written out at the first change).
      this.report.joined++;
      const status = statusOfKedudukan(row.kedudukan_hukum as string | null);
      if (status !== 'active') {
        h.putStatus({ nip, valid_from: asOf, status, reason: `kedudukan hukum "${row.kedudukan_hukum as string}" in the snapshot of ${asOf}`, import_id: importId, source_line: line });
        h.touch(nip);
      }
      // Not stored (the look-up just before found no row): a plain INSERT.
      this.written?.add(nip);
      h.insertCurrent(row, asOf, importId, line);
      if (!this.current && this.next !== null && !this.options.partial) {
        // Known only from an older snapshot: absent from the next one, so they left at its date.
        h.putStatus({ nip, valid_from: this.next, status: 'left', reason: `absent from the snapshot of ${this.next}`, import_id: importId, source_line: line });
        h.touch(nip);
      }
      return;
    }
    h.materialise(nip);
    const statusBefore = h.statusInForce(nip, asOf)?.status ?? 'active';
    const previousAsOf = h.previousVersionDate(nip, asOf);
    if (statusBefore === 'left') this.report.joined++;
    else this.report.changed++;
    h.touch(nip);
    h.putVersion(row, asOf, this.snapshot.id, importId, line);

    const status = statusOfKedudukan(row.kedudukan_hukum as string | null);
    if (status !== statusBefore) {
      const reason = status === 'active'
        ? `present in the snapshot of ${asOf}`
        : `kedudukan hukum "${row.kedudukan_hukum as string}" in the snapshot of ${asOf}`;
      h.putStatus({ nip, valid_from: asOf, status, reason, import_id: importId, source_line: line });
      h.touch(nip);
    }

    const post = h.postInForce(nip, asOf);
    if (post === undefined || POST_KEYS.some((k) => (post[k] ?? null) !== (row[k] ?? null))) {
      const when = snapshotEntryDate(asOf, row.tmt_jabatan as string | null, previousAsOf);
      if (post !== undefined && when.atSnapshot) this.report.datedAtSnapshot++;
      if (post !== undefined) h.touch(nip);
      const entry: PostRow = {
        nip, valid_from: when.date, priority: 1, source: 'snapshot', import_id: importId, source_line: line,
        level: row.level as number | null, jabatan: row.jabatan as string | null, jenis_jabatan: row.jenis_jabatan as string | null,
        eselon: row.eselon as string | null, unit: row.unit as string | null, unor_id: row.unor_id as string | null,
        instansi: row.instansi as string | null,
      };
      h.putPost(entry);
    }
    const rank = h.rankInForce(nip, asOf);
    if (rank === undefined || rank.golongan_code !== row.golongan_code || rank.golongan !== row.golongan || rank.tmt_golongan !== row.tmt_golongan) {
      const when = snapshotEntryDate(asOf, row.tmt_golongan as string | null, previousAsOf);
      if (rank !== undefined && when.atSnapshot) this.report.datedAtSnapshot++;
      if (rank !== undefined) h.touch(nip);
      h.putRank({
        nip, valid_from: when.date, priority: 1, source: 'snapshot', golongan: row.golongan as string | null,
        golongan_code: row.golongan_code as number | null, tmt_golongan: row.tmt_golongan as string | null, import_id: importId, source_line: line,
      });
    }

    if (this.current) h.upsertCurrent(row, asOf, importId, line);
  }

  /**
   * Leavers, the 10% guard and the snapshot's counts. Throws (exit 1, nothing written: the
   * caller rolls back) when too many are absent without `--full`.
   */
  finish(rowsPresent: number, importId: number, line: number, repeatedNips = false): void {
    this.restoreIndexes();
    this.present.flush();
    const names = [...this.scopeNames].sort();
    this.report.scope.names = names;
    if (this.current && !this.options.partial) {
      // Fresh: every stored row is this file's, dated as_of, with no earlier version; so nobody
      // was in service before as_of (scopeAbsence would find no one).
      const { previous, absent } = this.fresh ? { previous: 0, absent: [] } : scopeAbsence(this.db, this.report.scope.by, names, this.options.asOf);
      if (absent.length > 0 && absent.length > ABSENT_GUARD * previous && !this.options.full) {
        const pct = Math.round((absent.length / previous) * 1000) / 10;
        throw new AsnError(
          `${absent.length} of the ${previous} people of this file's ${this.report.scope.by} (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}) in service before ${this.options.asOf} are absent from it (${pct}%, more than 10%); nothing was written`,
          1,
          repeatedNips
            ? 'this file repeats NIPs with different values: if it is a riwayat export, import it with --kind riwayat-jabatan (or riwayat-golongan); else --partial (nobody leaves) or --full (they left)'
            : 'if the file covers only part of the instansi, import it with --partial (nobody leaves); if they really left, confirm with --full',
        );
      }
      for (const nip of absent) {
        this.h.putStatus({ nip, valid_from: this.options.asOf, status: 'left', reason: `absent from the snapshot of ${this.options.asOf}`, import_id: importId, source_line: line });
        this.h.touch(nip);
      }
      this.report.left = absent.length;
      this.report.leavers = absent;
    }
    this.h.refreshChanges();
    const r = this.report;
    if (this.created && r.joined + r.changed + r.left === 0) {
      // Nothing new at this date: no snapshot is recorded (re-importing a file changes nothing).
      deleteSnapshot(this.db, this.snapshot.id);
      return;
    }
    const s = this.snapshot;
    updateSnapshot(this.db, {
      ...s,
      rows: s.rows + rowsPresent, joined: s.joined + r.joined, changed: s.changed + r.changed, leavers: s.leavers + r.left,
      unchanged: s.unchanged + r.unchanged, dated_at_snapshot: s.dated_at_snapshot + r.datedAtSnapshot,
    });
  }
}
