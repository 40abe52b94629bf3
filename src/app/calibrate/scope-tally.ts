/**
 * Predikat counts per unit and per instansi, with unit identity as in SPEC §1.3 (the same name
 * after NFC, case folding and space collapsing is the same unit, shown under its most frequent
 * spelling, on a tie the first by name). A unit's instansi is that of most of its people.
 */
import { emptyCounts, majorityOf, nameKey, type PredikatCounts } from '../../domain/calibration.js';
import type { PredikatCode } from '../../domain/types.js';

interface Scope {
  spellings: Map<string, { name: string; count: number }>;
  counts: PredikatCounts;
}

interface UnitScope extends Scope {
  instansi: Map<string | null, { name: string | null; count: number }>;
}

export interface ScopeView {
  name: string | null;
  counts: PredikatCounts;
  instansiKey: string | null;
}

function byName(a: [string | null, ScopeView], b: [string | null, ScopeView]): number {
  if (a[1].name === b[1].name) return 0;
  if (a[1].name === null) return 1;
  if (b[1].name === null) return -1;
  return a[1].name < b[1].name ? -1 : 1;
}

export class ScopeTally {
  readonly all: PredikatCounts = emptyCounts();
  private readonly units = new Map<string | null, UnitScope>();
  private readonly instansi = new Map<string | null, Scope>();

  add(unit: string | null, instansi: string | null, predikat: PredikatCode, count: number): void {
    this.all[predikat] += count;
    const uKey = unit === null ? null : nameKey(unit);
    const iKey = instansi === null ? null : nameKey(instansi);
    const u = this.units.get(uKey) ?? { spellings: new Map(), counts: emptyCounts(), instansi: new Map() };
    this.units.set(uKey, u);
    tallyInto(u, unit, predikat, count);
    const ui = u.instansi.get(iKey) ?? { name: instansi, count: 0 };
    ui.count += count;
    u.instansi.set(iKey, ui);
    const i = this.instansi.get(iKey) ?? { spellings: new Map(), counts: emptyCounts() };
    this.instansi.set(iKey, i);
    tallyInto(i, instansi, predikat, count);
  }

  unitName(key: string | null): string | null {
    const u = key === null ? undefined : this.units.get(key);
    return u === undefined ? null : displayName(u);
  }

  instansiName(key: string): string | null {
    const i = this.instansi.get(key);
    return i === undefined ? null : displayName(i);
  }

  instansiCounts(key: string): PredikatCounts {
    return this.instansi.get(key)?.counts ?? emptyCounts();
  }

  sortedUnits(): Array<[string | null, ScopeView]> {
    return [...this.units].map(([key, u]): [string | null, ScopeView] => [key, { name: displayName(u), counts: u.counts, instansiKey: majorityOf(u.instansi) }]).sort(byName);
  }

  sortedInstansi(): Array<[string | null, ScopeView]> {
    return [...this.instansi].map(([key, i]): [string | null, ScopeView] => [key, { name: displayName(i), counts: i.counts, instansiKey: key }]).sort(byName);
  }
}

function tallyInto(scope: Scope, name: string | null, predikat: PredikatCode, count: number): void {
  scope.counts[predikat] += count;
  if (name === null) return;
  const s = scope.spellings.get(name) ?? { name, count: 0 };
  s.count += count;
  scope.spellings.set(name, s);
}

function displayName(scope: Scope): string | null {
  return majorityOf(scope.spellings);
}
