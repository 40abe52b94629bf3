/**
 * Unit identity (SPEC §1.3): a unit is the same unit when its `unor_id` is the same; without
 * `unor_id`, when its name is the same after Unicode NFC, case folding and collapsing runs of
 * spaces ("DINAS KESEHATAN" = "Dinas  Kesehatan", NFC = NFD spellings). Shown under its most
 * frequent spelling; on a tie, the one met first.
 */

/** The comparison key of a unit name: NFC, case-folded, spaces collapsed and trimmed. */
export function unitKey(name: string): string {
  return name.normalize('NFC').toLowerCase().toUpperCase().replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** Whether two units are the same (SPEC §9 "Units compare as in §1.3"). */
export function sameUnit(
  a: { unit: string | null; unorId?: string | null },
  b: { unit: string | null; unorId?: string | null },
): boolean {
  if (a.unorId && b.unorId) return a.unorId === b.unorId;
  if (a.unit === null || b.unit === null) return false;
  return a.unit === b.unit || unitKey(a.unit) === unitKey(b.unit);
}

/**
 * The spelling each unit is shown under: per key, the most frequent spelling, on a tie the
 * first given. `spellings` are (spelling, count) in the order they were first imported.
 */
export function displaySpellings(spellings: Iterable<readonly [string, number]>): Map<string, string> {
  const best = new Map<string, { spelling: string; count: number }>();
  for (const [spelling, count] of spellings) {
    const key = unitKey(spelling);
    const current = best.get(key);
    if (current === undefined || count > current.count) best.set(key, { spelling, count });
  }
  return new Map([...best].map(([key, { spelling }]) => [key, spelling]));
}
