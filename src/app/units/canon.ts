/**
 * Unit identity in use (SPEC §1.3): the same `unor_id` is the same unit; without it, the same name
 * after NFC, case folding and space collapsing. Every analysis shows a unit under its most
 * frequent spelling (on a tie the one imported first), so `rank --by unit` and the audit's pools
 * never split "DINAS KESEHATAN" from "Dinas  Kesehatan".
 */
import type { Db } from '../../db/open.js';
import { unitSpellingCounts } from '../../db/queries/history.js';
import { unitKey } from '../../domain/unit-identity.js';

export interface UnitCanon {
  /** The spelling a unit is shown under (the same string when it has only one). */
  of(unit: string | null): string | null;
  /** Every stored spelling of the unit `unit` names (by the same rule). */
  spellingsOf(unit: string): string[];
  /** True when some unit has more than one spelling. */
  merges: boolean;
}

const cache = new WeakMap<Db, UnitCanon>();

/** The unit identity of the database (read once per open database). */
export function unitCanon(db: Db): UnitCanon {
  let canon = cache.get(db);
  if (canon === undefined) {
    canon = buildCanon(db);
    cache.set(db, canon);
  }
  return canon;
}

function buildCanon(db: Db): UnitCanon {
  const { spellings: rows, ids } = unitSpellingCounts(db);
  // A name belongs to the unit of its unor_id when a row gives one, else to its name key.
  const idOfName = new Map<string, string>();
  for (const r of ids) if (!idOfName.has(r.unit)) idOfName.set(r.unit, r.unor_id);
  const keyOfName = (name: string) => {
    const id = idOfName.get(name);
    return id === undefined ? `name:${unitKey(name)}` : `id:${id}`;
  };
  const counts = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = keyOfName(r.unit);
    const spellings = counts.get(key) ?? new Map<string, number>();
    spellings.set(r.unit, (spellings.get(r.unit) ?? 0) + r.n);
    counts.set(key, spellings);
  }
  const shown = new Map<string, string>();
  const byKey = new Map<string, string[]>();
  for (const [key, spellings] of counts) {
    let best: string | null = null;
    let bestCount = -1;
    for (const [spelling, n] of spellings) {
      if (n > bestCount) {
        best = spelling;
        bestCount = n;
      }
    }
    byKey.set(key, [...spellings.keys()]);
    for (const spelling of spellings.keys()) if (spelling !== best) shown.set(spelling, best!);
  }
  return {
    of: (unit) => (unit === null ? null : (shown.get(unit) ?? unit)),
    spellingsOf: (unit) => {
      const direct = byKey.get(keyOfName(unit));
      if (direct !== undefined) return direct;
      const wanted = unitKey(unit);
      return [...new Set(rows.filter((r) => unitKey(r.unit) === wanted).map((r) => r.unit))];
    },
    merges: shown.size > 0,
  };
}
