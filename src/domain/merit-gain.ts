/**
 * Which merit component would raise one employee's merit most (SPEC §12, the personal card):
 * for each component, how many merit points the employee would gain if that component alone
 * reached 100, with merit = Σ wᵢ·sᵢ ÷ Σ wᵢ over the present components (SPEC §3). Pure.
 *
 * - a present component c with score s: gain = w_c · (100 − s) ÷ W, W = Σ present weights;
 * - a missing component c (no JPM, no JP recorded): recorded at 100 it joins the mean,
 *   gain = w_c · (100 − merit) ÷ (W + w_c).
 *
 * The largest gain wins; on a tie the first component in SPEC §3 order. Only the employee's own
 * scores are used: nobody else's figure enters the card.
 */
import type { ComponentName } from './model.js';

export interface MeritGain {
  component: ComponentName;
  /** The component's score now, null when it is missing. */
  value: number | null;
  weight: number;
  /** Merit points gained if this component reached 100. */
  gain: number;
}

/** Every component's possible gain, in the given component order; empty when unrated (no present weight). */
export function meritGains(
  components: Readonly<Record<ComponentName, number | null>>,
  weights: Readonly<Record<ComponentName, number>>,
  order: readonly ComponentName[],
): MeritGain[] {
  let present = 0;
  let weighted = 0;
  for (const c of order) {
    const s = components[c];
    if (s === null) continue;
    present += weights[c];
    weighted += weights[c] * s;
  }
  if (present <= 0) return [];
  const merit = weighted / present;
  return order.map((c) => {
    const s = components[c];
    const w = weights[c];
    const gain = s === null ? (w * (100 - merit)) / (present + w) : (w * (100 - s)) / present;
    return { component: c, value: s, weight: w, gain };
  });
}

/** The component with the largest gain (first on a tie), or null when nothing can rise (unrated, or all at 100). */
export function largestMeritGain(
  components: Readonly<Record<ComponentName, number | null>>,
  weights: Readonly<Record<ComponentName, number>>,
  order: readonly ComponentName[],
): MeritGain | null {
  return largestOf(meritGains(components, weights, order));
}

/** The largest of meritGains' gains (first on a tie), or null when nothing can rise: largestMeritGain from gains already made. */
export function largestOf(gains: readonly MeritGain[]): MeritGain | null {
  let best: MeritGain | null = null;
  for (const g of gains) {
    if (g.gain > 1e-9 && (best === null || g.gain > best.gain + 1e-12)) best = g;
  }
  return best;
}
