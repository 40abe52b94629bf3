/**
 * Two-sided Fisher exact p worked out from its definition, independent of src/domain/contingency.ts,
 * so tests can check the p-values `asn` prints (SPEC §10, §12): every table x with the observed
 * margins weighs C(c1, x)·C(N − c1, r1 − x) as an exact BigInt; p = the weight of the tables no
 * likelier than the observed one (× (1 + 1e-7), the SPEC's tolerance) over the total weight.
 */
function choose(n: number, k: number): bigint {
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

export function fisherByHand(a: number, b: number, c: number, d: number): number {
  const r1 = a + b;
  const c1 = a + c;
  const n = a + b + c + d;
  const weight = (x: number): bigint => choose(c1, x) * choose(n - c1, r1 - x);
  const observed = weight(a);
  let tail = 0n;
  let total = 0n;
  for (let x = Math.max(0, r1 + c1 - n); x <= Math.min(r1, c1); x++) {
    const w = weight(x);
    total += w;
    if (w * 10_000_000n <= observed * 10_000_001n) tail += w;
  }
  return Number((tail * 10n ** 15n) / total) / 1e15;
}
