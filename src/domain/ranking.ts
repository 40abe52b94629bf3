/**
 * Ranking within a scope — all employees, or one `--by unit` group (SPEC §3).
 */
import { compareDuk, type DukKey } from './duk.js';
import { meritKey } from './numbers.js';

/**
 * Percentile of a 1-based rank among n (SPEC §3): (n − rank) ÷ (n − 1), 1 when n = 1,
 * so 1 is the best and 0 the last.
 */
export function percentileOf(rank: number, n: number): number {
  if (n <= 1) return 1;
  return (n - rank) / (n - 1);
}

/**
 * Merit order (SPEC §3): merit desc compared at 6 decimals (SPEC §2, so floating-point noise
 * never decides), ties by DUK order (PP 15/1979), which ends with nip asc. Both merits non-null.
 */
export function compareByMerit(a: { merit: number; duk: DukKey }, b: { merit: number; duk: DukKey }): number {
  const ka = meritKey(a.merit);
  const kb = meritKey(b.merit);
  if (ka !== kb) return kb - ka;
  return compareDuk(a.duk, b.duk);
}

/**
 * Ranks the rated items of one scope (merit non-null; unrated items are left out, SPEC §3).
 * `duk` is each item's DUK key at the reference date T. Rank is the 1-based position.
 */
export function rankScope<T extends { merit: number | null; duk: DukKey }>(
  items: readonly T[],
): Array<T & { rank: number; percentile: number }> {
  const rated = items.filter((item): item is T & { merit: number } => item.merit !== null);
  rated.sort(compareByMerit);
  const n = rated.length;
  return rated.map((item, index) => ({ ...item, rank: index + 1, percentile: percentileOf(index + 1, n) }));
}
