/**
 * Number helpers shared by the merit model, the ranking and the audit.
 */

/**
 * Rounds to `decimals` places, half away from zero (SPEC §3: "round … half away from zero").
 * Works on the decimal string so that 1.005 rounds to 1.01 as a person would expect.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const text = String(Math.abs(value));
  if (text.includes('e')) {
    // Very large or very small magnitudes: decimal shifting by string is not possible.
    const factor = 10 ** decimals;
    return (sign * Math.round(Math.abs(value) * factor)) / factor;
  }
  // Math.round is half-up for non-negative numbers, hence half away from zero with the sign.
  const rounded = Math.round(Number(`${text}e${decimals}`));
  return sign * Number(`${rounded}e-${decimals}`) + 0; // + 0 turns -0 into 0
}

/**
 * Merit values are compared after rounding to 6 decimals, so floating-point noise never
 * decides a rank or a flag (SPEC §2 "Comparing merit values").
 */
export function meritKey(value: number): number {
  return roundHalfAwayFromZero(value, 6);
}

/** Formats a number with exactly two decimals, half away from zero (printing rule of SPEC §3). */
export function format2(value: number | null): string {
  if (value === null) return '';
  return roundHalfAwayFromZero(value, 2).toFixed(2);
}
