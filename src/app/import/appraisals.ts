/**
 * Appraisal rows (SPEC §1, key `nip` + `tahun`) and the predikat rule of SPEC §1.4: ratings
 * matrix first, then predikat, then nilai_skp; a disagreement between sources is a warning.
 */
import {
  parseHukdis, parsePotensi, parsePredikat, parseRating, predikatFromNilaiSkp, predikatFromRatings,
} from '../../domain/appraisal-values.js';
import type { PredikatCode, PredikatSource, Rating } from '../../domain/types.js';
import type { AppraisalRow, TableStatements } from '../../db/queries/rows.js';
import { cleanAppraiserNip, parseInteger, parseNumber } from '../../io/values.js';
import { inRange, type RowFields } from './row-fields.js';
import type { PreparedRow } from './row-types.js';

const parseTahunNumber = inRange(parseInteger, 1990, 2100, 'TAHUN');
const parseNilaiSkp = inRange(parseNumber, 0, 100, 'NILAI SKP');
const parseJpm = inRange(parseNumber, 0, 100, 'JPM');
const parseJp = inRange(parseNumber, 0, 2000, 'JP');

/** The appraisal year, with a message that says what a year looks like. */
function parseTahun(raw: unknown) {
  const result = parseTahunNumber(raw);
  return result.ok ? result : { ok: false as const, reason: `TAHUN must be a year such as 2024 (${result.reason})` };
}

export function prepareAppraisalRow(
  fields: RowFields,
  nip: string,
  stored: TableStatements<AppraisalRow>,
  employeeExists: (nip: string) => boolean,
): PreparedRow<AppraisalRow> | null {
  if (!employeeExists(nip)) fields.issue('nip', 'unknown NIP: no such employee in the personnel data; import the personnel file first');
  const tahun = fields.parse('tahun', (raw) => parseTahun(raw));
  if (tahun === null) fields.issue('tahun', 'TAHUN is empty; every appraisal needs its year');

  const given: Partial<AppraisalRow> = { nip };
  if (typeof tahun === 'number') given.tahun = tahun;
  set(given, 'rating_hasil', fields.parse('rating_hasil', (_r, t) => parseRating(t)));
  set(given, 'rating_perilaku', fields.parse('rating_perilaku', (_r, t) => parseRating(t)));
  set(given, 'predikat_input', fields.parse('predikat', (_r, t) => parsePredikat(t)));
  set(given, 'nilai_skp', fields.parse('nilai_skp', (raw) => parseNilaiSkp(raw)));
  set(given, 'jpm', fields.parse('jpm', (raw) => parseJpm(raw)));
  set(given, 'jp', fields.parse('jp', (raw) => parseJp(raw)));
  set(given, 'hukuman_disiplin', fields.parse('hukuman_disiplin', (_r, t) => parseHukdis(t)));
  // calibration (SPEC §10): who appraised; absent columns leave the stored appraiser alone (§1.6).
  set(given, 'nip_penilai', fields.parse('nip_penilai', (raw) => cleanAppraiserNip(raw)));
  set(given, 'nama_penilai', fields.text('nama_penilai'));
  if (fields.has('potensi')) {
    const potensi = fields.parse('potensi', (_r, t) => parsePotensi(t));
    if (potensi !== undefined) {
      given.potensi = potensi !== null && 'word' in potensi ? potensi.word : null;
      given.potensi_score = potensi !== null && 'score' in potensi ? potensi.score : null;
    }
  }
  if (fields.issues.length > 0 || typeof tahun !== 'number') return null;

  const existing = stored.get([nip, tahun]);
  // Assigned onto the full literal, not spread (faster per row; see personnel.ts).
  const merged: AppraisalRow = Object.assign(emptyAppraisal(nip, tahun), existing, given);
  const derived = derivePredikat(fields, merged);
  if (fields.issues.length > 0) return null;
  merged.predikat = derived.predikat;
  merged.predikat_source = derived.source;
  return { key: `${nip}|${tahun}`, given, row: merged, existing };
}

function set<K extends keyof AppraisalRow>(target: Partial<AppraisalRow>, key: K, value: AppraisalRow[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function emptyAppraisal(nip: string, tahun: number): AppraisalRow {
  return {
    nip, tahun, predikat: null, predikat_source: null, rating_hasil: null, rating_perilaku: null,
    predikat_input: null, nilai_skp: null, jpm: null, potensi: null, potensi_score: null, jp: null,
    hukuman_disiplin: null, nip_penilai: null, nama_penilai: null,
  };
}

/** The first present source wins (SPEC §1.4); the others, when present and different, warn. */
function derivePredikat(fields: RowFields, row: AppraisalRow): { predikat: PredikatCode | null; source: PredikatSource | null } {
  const candidates: Array<{ source: PredikatSource; predikat: PredikatCode }> = [];
  const hasil = row.rating_hasil as Rating | null;
  const perilaku = row.rating_perilaku as Rating | null;
  if (hasil !== null && perilaku !== null) {
    candidates.push({ source: 'ratings', predikat: predikatFromRatings(hasil, perilaku) });
  } else if (hasil !== null || perilaku !== null) {
    const missing = hasil === null ? 'rating_hasil' : 'rating_perilaku';
    fields.warn(missing, 'only one of the two ratings is given; the matrix needs both, so it is not used');
  }
  if (row.predikat_input !== null) candidates.push({ source: 'predikat', predikat: row.predikat_input as PredikatCode });
  if (row.nilai_skp !== null) {
    const fromSkp = predikatFromNilaiSkp(row.nilai_skp as number);
    if (fromSkp.ok) candidates.push({ source: 'nilai_skp', predikat: fromSkp.value });
  }
  const chosen = candidates[0];
  const filePerformance = (['rating_hasil', 'rating_perilaku', 'predikat', 'nilai_skp'] as const).some((f) => fields.has(f));
  if (chosen === undefined) {
    // A file without performance columns (JPM, POTENSI, JP only) leaves the predikat as stored.
    if (!filePerformance) return { predikat: null, source: null };
    fields.warn('tahun', 'no performance value (ratings, predikat or nilai SKP) in this row');
    return { predikat: null, source: null };
  }
  for (const other of candidates.slice(1)) {
    if (other.predikat !== chosen.predikat) {
      const column = other.source === 'predikat' ? 'predikat' : 'nilai_skp';
      fields.warn(column, `${other.source} gives ${other.predikat} but ${chosen.source} gives ${chosen.predikat}; using ${chosen.predikat} from ${chosen.source}`);
    }
  }
  return chosen;
}
