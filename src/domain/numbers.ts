/**
 * Number helpers shared by the merit model, the ranking and the audit.
 */

/**
 * Rounds to `decimals` places, half away from zero (SPEC §3: "round … half away from zero").
 * Near a half it works on the decimal text so that 1.005 rounds to 1.01 as a person would
 * expect; elsewhere plain arithmetic gives the same result faster (millions of cells are printed).
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  if (scaled < 2 ** 52) {
    const floor = Math.floor(scaled);
    const fraction = scaled - floor;
    // Clearly below or above the half: the binary error of `scaled` cannot change the result.
    if (Math.abs(fraction - 0.5) > 1e-6) return (sign * (fraction > 0.5 ? floor + 1 : floor)) / factor + 0;
  }
  return roundByDecimalText(value, decimals);
}

/**
 * The exact rule on the decimal text, for values at (or within noise of) a half: 1.005 is
 * "1.005" to a person, so it rounds to 1.01 although its binary value is 1.00499999….
 */
function roundByDecimalText(value: number, decimals: number): number {
  const sign = value < 0 ? -1 : 1;
  const text = String(Math.abs(value));
  if (text.includes('e')) {
    // Very large or very small magnitudes: decimal shifting by string is not possible.
    const factor = 10 ** decimals;
    return (sign * Math.round(Math.abs(value) * factor)) / factor + 0;
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
