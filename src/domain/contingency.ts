/**
 * Exact tests on 2×2 tables and multiple-testing correction, shared by calibration (SPEC §10:
 * appraiser leniency) and fairness (SPEC §12: selection rates by group). One implementation,
 * so the p of a calibration row and the p of a fairness row mean the same thing. Pure.
 */

/** The relative tolerance of SPEC §10 (as R's fisher.test): tables as likely as the observed one count. */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * Two-sided Fisher exact test (SPEC §10) on [[a, b], [c, d]]: p = the sum of the
 * hypergeometric probabilities of all tables with the same margins whose probability is ≤ the
 * observed one's × (1 + 1e-7).
 *
 * With the margins fixed, a table is given by its top-left cell x, and
 * P(x) ∝ C(c1, x)·C(N − c1, r1 − x), where r1 = a + b, c1 = a + c, N = a + b + c + d. The
 * probabilities are computed as logs relative to the first table of the support by the ratio
 * P(x+1)/P(x) = (c1 − x)(r1 − x) / ((x + 1)(N − c1 − r1 + x + 1)), so no factorial is ever
 * formed: the work is linear in the support (at most min(r1, c1) + 1 tables) and nothing
 * overflows; terms too small for a double are lost only where they cannot change p.
 * A table with an empty row or column has one possible table: p = 1.
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  for (const [name, v] of [['a', a], ['b', b], ['c', c], ['d', d]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`Fisher exact: cell ${name} must be a non-negative integer, got ${v}`);
  }
  const r1 = a + b;
  const c1 = a + c;
  const n = a + b + c + d;
  const lo = Math.max(0, r1 + c1 - n);
  const hi = Math.min(r1, c1);
  if (lo === hi) return 1;
  const logs = new Float64Array(hi - lo + 1);
  for (let x = lo; x < hi; x++) {
    logs[x - lo + 1] = logs[x - lo]! + Math.log((c1 - x) * (r1 - x)) - Math.log((x + 1) * (n - c1 - r1 + x + 1));
  }
  let top = -Infinity;
  for (const l of logs) if (l > top) top = l;
  const threshold = logs[a - lo]! + Math.log(RELATIVE_TOLERANCE);
  let total = 0;
  let tail = 0;
  for (const l of logs) {
    const p = Math.exp(l - top);
    total += p;
    if (l <= threshold) tail += p;
  }
  return Math.min(1, tail / total);
}

/**
 * Benjamini–Hochberg adjusted p-values (q), in the order given: with the m p-values sorted
 * ascending as p(1) ≤ … ≤ p(m), q(i) = min over j ≥ i of p(j)·m / j, capped at 1. A p-value
 * whose q is below the false-discovery rate α is a discovery at that rate (SPEC §10: q < 0.10).
 * Ties keep their input order; every tied p gets the same q.
 */
export function benjaminiHochberg(ps: readonly number[]): number[] {
  const m = ps.length;
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`Benjamini–Hochberg: p must be within [0, 1], got ${p}`);
  const order = ps.map((_, i) => i).sort((i, j) => ps[i]! - ps[j]! || i - j);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1]!;
    running = Math.min(running, (ps[i]! * m) / rank);
    q[i] = running;
  }
  return q;
}
