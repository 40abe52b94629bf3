/**
 * How far V8 lets the heap grow past the live data before it collects (README "Performance").
 * By default V8 picks a growing factor of up to 4 × the live heap after each full collection,
 * tuned for servers with memory to spare; ranking 4.7 million employees holds about 1 GB of
 * compact arrays, and the default let the process reach 3.4 GB, mostly garbage. A fixed factor
 * of 1 + N/100 keeps the peak near the live data at a few percent more time in the collector.
 * `ASN_HEAP_GROWING_PERCENT=0` restores V8's own choice.
 */
import { setFlagsFromString } from 'node:v8';

export const DEFAULT_HEAP_GROWING_PERCENT = 30;

/**
 * V8 majors known to have `--heap-growing-percent` and read it at every collection (Node 20:
 * 11.3, Node 22: 12.4, Node 24: 13.6). An unknown flag makes V8 print an error on stdout,
 * which would corrupt CSV output, so other versions are left alone.
 */
const KNOWN_V8_MAJORS = new Set([11, 12, 13]);

/** The percent to apply, or null to leave V8 alone; a bad ASN_HEAP_GROWING_PERCENT is ignored. */
export function heapGrowingPercent(env: NodeJS.ProcessEnv, v8Version: string): number | null {
  if (!KNOWN_V8_MAJORS.has(Number(v8Version.split('.')[0]))) return null;
  const raw = env.ASN_HEAP_GROWING_PERCENT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_HEAP_GROWING_PERCENT;
  const percent = Number(raw);
  if (!Number.isInteger(percent) || percent < 0 || percent > 1000) return DEFAULT_HEAP_GROWING_PERCENT;
  return percent === 0 ? null : percent;
}

/**
 * Applies the heap growing factor. Called by bin/asn.js before anything else is loaded, for
 * every command: set later (when commander has picked the command), the same factor left the
 * national audit 30% slower (88–91 s against 66–68 s, same peak), measured. `audit` needs it
 * too: with V8's own factor its national peak followed the machine's load (1.3 GB on a quiet
 * machine, 2.7 GB with another process on the cores, as the collector's helper threads fall behind).
 */
export function limitHeapGrowth(env: NodeJS.ProcessEnv = process.env): void {
  const percent = heapGrowingPercent(env, process.versions.v8);
  if (percent !== null) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
