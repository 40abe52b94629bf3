/**
 * `asn calibrate` output (SPEC §10): the `distribution` and `appraisers` tables with exactly the
 * SPEC columns, the terminal text (both tables), and the summary lines for stderr.
 */
import type { AppraiserRow, CalibrationResult, DistributionRow } from '../../../app/calibrate/calibrate.js';
import { columnsOf, type Cell, type Column, type DataTable } from '../table-data.js';
import { renderTextTable } from '../text-table.js';

/** SPEC §10 table `distribution`, in order. */
export const DISTRIBUTION_COLUMNS: readonly Column[] = columnsOf(
  'year:integer', 'scope:text', 'name:text', 'n:integer', 'sb:integer', 'b:integer', 'bp:integer', 'k:integer', 'sk:integer',
  'org_predikat:text', 'verdict:text', 'broken_rules:text',
);

/** SPEC §10 table `appraisers`, in order. Shares with 4 decimals, p and q with 6 (as audit's p_value). */
export const APPRAISER_COLUMNS: readonly Column[] = columnsOf(
  'year:integer', 'nip_penilai:text', 'nama_penilai:text', 'unit:text', 'n:integer', 'sb:integer', 'b:integer', 'bp:integer',
  'k:integer', 'sk:integer', 'share_sb:4', 'share_sb_rest:4', 'p:6', 'q:6', 'flag:text',
);

export type CalibrateTableName = 'distribution' | 'appraisers';

function distributionRecord(r: DistributionRow): Record<string, Cell> {
  return {
    year: r.year, scope: r.scope, name: r.name, n: r.n,
    sb: r.counts.SB, b: r.counts.B, bp: r.counts.BP, k: r.counts.K, sk: r.counts.SK,
    org_predikat: r.orgPredikat, verdict: r.verdict, broken_rules: r.broken.length === 0 ? null : r.broken.join('; '),
  };
}

/** `mark`: the NIP as people see it (a marker on one that is not 18 digits); machines get it as given. */
function appraiserRecord(r: AppraiserRow, mark: boolean): Record<string, Cell> {
  return {
    year: r.year, nip_penilai: mark && !r.standardNip ? `${r.nipPenilai} ${NON_NIP_MARK}` : r.nipPenilai,
    nama_penilai: r.namaPenilai, unit: r.unit, n: r.n,
    sb: r.counts.SB, b: r.counts.B, bp: r.counts.BP, k: r.counts.K, sk: r.counts.SK,
    share_sb: r.shareSb, share_sb_rest: r.shareSbRest, p: r.p, q: r.q, flag: r.flag,
  };
}

/** The marker after an appraiser NIP that is not 18 digits, in table output. */
export const NON_NIP_MARK = '(*)';

export function distributionTable(result: Pick<CalibrationResult, 'distribution'>): DataTable {
  return { name: 'distribution', columns: [...DISTRIBUTION_COLUMNS], rows: result.distribution.map(distributionRecord) };
}

export function appraisersTable(result: Pick<CalibrationResult, 'appraisers'>, mark = false): DataTable {
  return { name: 'appraisers', columns: [...APPRAISER_COLUMNS], rows: result.appraisers.map((a) => appraiserRecord(a, mark)) };
}

/** The settings line: `# calibrate 2025 · T 2025-12-31 · org predikat Baik (default) · min-n 5`. */
export function calibrateComment(result: CalibrationResult): string {
  const org = result.org.source === 'file' ? `from file (others ${result.org.fallback})`
    : `${result.org.fallback}${result.org.source === 'default' ? ' (default)' : ''}`;
  return `# calibrate ${result.year} · T ${result.referenceDate} · org predikat ${org} · min-n ${result.minN}`;
}

/** Terminal text: the comment line, the distribution, then the appraisers with the NIP marker explained. */
export function renderCalibrateText(result: CalibrationResult, color: boolean): string {
  const parts = [`${calibrateComment(result)}\n`, 'Distribution pattern (PermenPANRB 6/2022)\n'];
  parts.push(result.distribution.length === 0 ? 'no predikat in this year\n' : renderTextTable(distributionTable(result), { color }));
  parts.push('\nAppraisers (Fisher exact two-sided on SB share vs the rest of the instansi; BH q)\n');
  if (result.appraisers.length === 0) parts.push('no appraisal of this year names its appraiser (nip_penilai)\n');
  else parts.push(renderTextTable(appraisersTable(result, true), { color }));
  if (result.appraisers.some((a) => !a.standardNip)) parts.push(`${NON_NIP_MARK} not an 18-digit NIP: kept as given (the appraiser may be outside the database)\n`);
  return parts.join('');
}

/** Lines for stderr: the settings, the verdict counts, and the NIPs kept as given. */
export function calibrateMessage(result: CalibrationResult): string {
  const t = result.totals;
  const lines = [
    calibrateComment(result).slice(2),
    `${t.population} employees with a predikat in ${result.year}; ${result.distribution.length} scopes, ${t.tidakSesuai} tidak sesuai; ` +
      `${result.appraisers.length} appraisers (${t.withAppraiser} appraisees): ${t.lenient} lenient, ${t.strict} strict, ${t.flat} flat`,
  ];
  const odd = result.appraisers.filter((a) => !a.standardNip).map((a) => a.nipPenilai);
  if (odd.length > 0) {
    const shown = odd.slice(0, 5).join(', ') + (odd.length > 5 ? `, … (${odd.length - 5} more)` : '');
    lines.push(`warning: ${odd.length} appraiser NIP${odd.length === 1 ? ' is' : 's are'} not 18 digits, kept as given: ${shown}`);
  }
  return `${lines.join('\n')}\n`;
}
