/** `asn status`: counts per table, appraisal years, units, schema version, last imports. */
import { basename } from 'node:path';
import { openDatabase } from '../../db/open.js';
import { schemaVersion } from '../../db/migrate.js';
import { lastImports, type ImportLogRow } from '../../db/queries/imports.js';
import { appraisalYears, tableCounts, unitCounts } from '../../db/queries/status.js';
import { snapshotList, type SnapshotRow } from '../../db/queries/history.js';

export interface StatusReport {
  database: string;
  schemaVersion: number;
  counts: ReturnType<typeof tableCounts>;
  years: ReturnType<typeof appraisalYears>;
  units: ReturnType<typeof unitCounts>;
  imports: ImportLogRow[];
  /** The snapshots, oldest first (SPEC §9). */
  snapshots: SnapshotRow[];
}

export function getStatus(dbPath: string, importsShown = 10): StatusReport {
  const db = openDatabase(dbPath, 'read');
  try {
    return {
      database: basename(dbPath),
      schemaVersion: schemaVersion(db),
      counts: tableCounts(db),
      years: appraisalYears(db),
      units: unitCounts(db),
      imports: lastImports(db, importsShown),
      snapshots: snapshotList(db),
    };
  } finally {
    db.close();
  }
}
