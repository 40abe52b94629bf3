/**
 * Option values of `asn audit` checked at the edge (SPEC §7: a bad value is a usage error, exit 2):
 * the margin, the event dates, and the `NIP@YYYY-MM-DD` of `--event`.
 */
import { impossibleDateReason } from '../domain/dates.js';
import { cleanNip } from '../io/values.js';
import { UsageError } from '../shared/errors.js';

/** `--margin N`: merit points, a finite number ≥ 0 (`7.5` allowed: merit has decimals). */
export function parseMargin(value: string): number {
  const text = value.trim();
  const n = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) {
    throw new UsageError(`--margin must be a number ≥ 0 (merit points), got "${value}"`, 'e.g. --margin 10 (the default) or --margin 7.5');
  }
  return n;
}

/** A calendar date written `YYYY-MM-DD` that exists; `reason` is null when it does. */
export function isoDateReason(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (match === null) return 'write the date as YYYY-MM-DD';
  return impossibleDateReason(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `--from` / `--to`: a real `YYYY-MM-DD` date. */
export function dateOption(name: string): (value: string) => string {
  return (value) => {
    const reason = isoDateReason(value);
    if (reason !== null) throw new UsageError(`${name} ${value} is not a date: ${reason}`, `e.g. ${name} 2025-01-01`);
    return value.trim();
  };
}

/** `--event NIP@YYYY-MM-DD`: the promoted person's NIP (spaces and dots allowed, as printed on an SK) and the TMT. */
export function parseEventRef(value: string): { nip: string; tmt: string } {
  const hint = 'e.g. --event 197003141997031001@2025-01-06 (the nip and tmt columns of asn audit)';
  const at = value.lastIndexOf('@');
  if (at < 0) throw new UsageError(`--event ${value} is not NIP@YYYY-MM-DD`, hint);
  const nip = cleanNip(value.slice(0, at));
  if (!nip.ok) throw new UsageError(`--event ${value}: ${nip.reason}`, hint);
  const tmt = value.slice(at + 1).trim();
  const reason = isoDateReason(tmt);
  if (reason !== null) throw new UsageError(`--event ${value}: ${tmt} is not a date: ${reason}`, hint);
  return { nip: nip.value, tmt };
}
