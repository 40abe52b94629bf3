/**
 * The one parser of every date option (SPEC §7: "Every date option (`--from`, `--to`, `--date`,
 * `--as-of`, `--at`) accepts the date forms of §1.3"): the import's own date parser, so a date
 * the analyst can put in a file is a date they can type after a flag. A bad date is a usage
 * error (exit 2) that names the accepted forms.
 */
import { parseDate } from '../io/values.js';
import { UsageError } from '../shared/errors.js';

/** The forms of SPEC §1.3 as a hint. */
export const DATE_FORMS = 'YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY or D Month YYYY (1 Januari 2025, 1 Jan 2025, 1 January 2025)';

/**
 * `value` of option `name` as `YYYY-MM-DD`. A bare number is refused: SPEC §1.3 reads one as an
 * Excel serial only inside a spreadsheet's date column, and after a flag it is more likely a typo
 * (20250101) than day 45658.
 */
export function parseDateOption(name: string, value: string): string {
  const text = value.trim();
  const parsed = /^\d+$/.test(text) ? { ok: false as const, reason: 'a number alone is not a date here' } : parseDate(text);
  if (!parsed.ok) throw new UsageError(`${name} ${value} is not a date: ${parsed.reason}`, `write the date as ${DATE_FORMS}`);
  return parsed.value;
}

/** The commander argument parser of a date option: `.option('--from <date>', '…', dateOption('--from'))`. */
export function dateOption(name: string): (value: string) => string {
  return (value) => parseDateOption(name, value);
}

/** Today as `YYYY-MM-DD` from the ISO timestamp of the run (ASN_NOW in tests), for "a date in the future" checks. */
export function todayOf(nowIso: string): string {
  return nowIso.slice(0, 10);
}
