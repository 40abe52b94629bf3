/**
 * Promotion rows (SPEC §1, key `nip` + `tmt`): the new post and, when given, the post before,
 * each with its jabatan level by the rule of SPEC §1.5.
 */
import { jabatanLevel, parseEselon, type LevelTable } from '../../domain/jabatan-level.js';
import type { PromotionRow, TableStatements } from '../../db/queries/rows.js';
import { parseDate } from '../../io/values.js';
import type { RowFields } from './row-fields.js';
import type { PreparedRow } from './row-types.js';

export function preparePromotionRow(
  fields: RowFields,
  nip: string,
  stored: TableStatements<PromotionRow>,
  employeeExists: (nip: string) => boolean,
  levels: LevelTable,
): PreparedRow<PromotionRow> | null {
  if (!employeeExists(nip)) fields.issue('nip', 'unknown NIP: no such employee in the personnel data; import the personnel file first');
  const tmt = fields.parse('tmt', (raw) => parseDate(raw));
  if (tmt === null) fields.issue('tmt', 'TMT is empty; every promotion needs its date');
  const jabatanBaru = fields.text('jabatan_baru');
  if (jabatanBaru === null) fields.issue('jabatan_baru', 'JABATAN BARU is empty; every promotion needs its new post');

  const given: Partial<PromotionRow> = { nip };
  if (typeof tmt === 'string') given.tmt = tmt;
  if (jabatanBaru) given.jabatan_baru = jabatanBaru;
  for (const f of ['jabatan_asal', 'unit'] as const) {
    const value = fields.text(f);
    if (value !== undefined) given[f] = value;
  }
  for (const f of ['eselon_baru', 'eselon_asal'] as const) {
    const value = fields.parse(f, (_r, t) => parseEselon(t));
    if (value !== undefined) given[f] = value;
  }
  if (fields.issues.length > 0 || typeof tmt !== 'string') return null;

  const existing = stored.get([nip, tmt]);
  const merged: PromotionRow = {
    nip, tmt, jabatan_baru: null, eselon_baru: null, level_baru: null, jabatan_asal: null,
    eselon_asal: null, level_asal: null, unit: null, ...existing, ...given,
  };
  merged.level_baru = jabatanLevel(
    { eselon: merged.eselon_baru as string | null, jabatan: merged.jabatan_baru as string | null, jenisJabatan: null },
    levels,
  ).level;
  // The level before is known only when the file names the old post (SPEC §5.1 falls back otherwise).
  const hasAsal = merged.eselon_asal !== null || merged.jabatan_asal !== null;
  merged.level_asal = hasAsal
    ? jabatanLevel({ eselon: merged.eselon_asal as string | null, jabatan: merged.jabatan_asal as string | null, jenisJabatan: null }, levels).level
    : null;
  return { key: `${nip}|${tmt}`, given, row: merged, existing };
}
