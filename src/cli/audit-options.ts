/**
 * Option values of `asn audit` checked at the edge (SPEC §7: a bad value is a usage error, exit 2):
 * the margin and the `NIP@DATE` of `--event`. The dates of --from / --to are date-option.ts'.
 */
import { cleanNip } from '../io/values.js';
import { UsageError } from '../shared/errors.js';
import { parseDateOption } from './date-option.js';

/** `--margin N`: merit points, a finite number ≥ 0 (`7.5` allowed: merit has decimals). */
export function parseMargin(value: string): number {
  const text = value.trim();
  const n = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) {
    throw new UsageError(`--margin must be a number ≥ 0 (merit points), got "${value}"`, 'e.g. --margin 10 (the default) or --margin 7.5');
  }
  return n;
}

/**
 * `--event NIP@DATE`: the promoted person's NIP (spaces and dots allowed, as printed on an SK) and
 * the TMT in any date form of SPEC §1.3 (`NIP@1 Januari 2025` too).
 */
export function parseEventRef(value: string): { nip: string; tmt: string } {
  const hint = 'e.g. --event 197003141997031001@2025-01-06 (the nip and tmt columns of asn audit)';
  const at = value.lastIndexOf('@');
  if (at < 0) throw new UsageError(`--event ${value} is not NIP@YYYY-MM-DD`, hint);
  const nip = cleanNip(value.slice(0, at));
  if (!nip.ok) throw new UsageError(`--event ${value}: ${nip.reason}`, hint);
  return { nip: nip.value, tmt: parseDateOption('--event', value.slice(at + 1)) };
}
