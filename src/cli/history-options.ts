/**
 * Date options of the history feature (`import --as-of`, `history --at`), checked at the edge:
 * the date forms of SPEC §1.3 (SPEC §7: "Every date option accepts the date forms of §1.3"), a bad
 * or impossible date is a usage error (exit 2).
 */
import { parseDate } from '../io/values.js';
import { UsageError } from '../shared/errors.js';

export function anyDateOption(name: string): (value: string) => string {
  return (value) => {
    const parsed = parseDate(value);
    if (!parsed.ok) throw new UsageError(`${name} ${value} is not a date: ${parsed.reason}`, `e.g. ${name} 2024-12-31 or ${name} "31 Desember 2024"`);
    return parsed.value;
  };
}

/** Today as `YYYY-MM-DD` from the ISO timestamp of the run (ASN_NOW in tests). */
export function todayOf(nowIso: string): string {
  return nowIso.slice(0, 10);
}
