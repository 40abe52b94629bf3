// Deterministic randomness for the benchmark data generator: one seeded mulberry32 stream,
// consumed in a fixed order, so the same --size and --seed give byte-identical files.

/** mulberry32: a tiny 32-bit PRNG, fast and good enough for synthetic data (not for crypto). */
export class Rng {
  constructor(seed) {
    this.state = seed >>> 0;
  }

  /** A uniform unsigned 32-bit integer. */
  u32() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A uniform float in [0, 1). */
  float() {
    return this.u32() / 4294967296;
  }

  /** A uniform integer in [lo, hi] (both inclusive). */
  int(lo, hi) {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p) {
    return this.float() < p;
  }

  pick(items) {
    return items[Math.floor(this.float() * items.length)];
  }

  /** `digits` random decimal digits as text (leading zeros kept); at most 8 per call. */
  digits(digits) {
    if (digits <= 4) return PAD[digits][this.u32() % 10 ** digits];
    const x = this.u32();
    return PAD[digits - 4][Math.floor(x / 10_000) % 10 ** (digits - 4)] + PAD[4][x % 10_000];
  }

  /** 32 upper-case hex digits: the look of SIASN's opaque ids (PNS ID, UNOR ID, ...). */
  hexId() {
    return hex8(this.u32()) + hex8(this.u32()) + hex8(this.u32()) + hex8(this.u32());
  }
}

// Lookup tables: the generator writes gigabytes, so number formatting must not allocate much.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase());
const PAD = [[], ...[1, 2, 3, 4].map((k) => Array.from({ length: 10 ** k }, (_, i) => String(i).padStart(k, '0')))];

function hex8(n) {
  return HEX[n >>> 24] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
}

/**
 * A weighted choice table built once: `[[value, weight], ...]`. `pick(rng)` costs one draw and a
 * short linear scan (tables here have at most a dozen entries).
 */
export class Weighted {
  constructor(entries) {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let acc = 0;
    this.values = entries.map(([v]) => v);
    this.cumulative = entries.map(([, w]) => (acc += w / total));
    this.cumulative[this.cumulative.length - 1] = 1;
  }

  pick(rng) {
    const x = rng.float();
    const c = this.cumulative;
    for (let i = 0; i < c.length; i++) if (x < c[i]) return this.values[i];
    return this.values[this.values.length - 1];
  }
}

/**
 * A stable opaque id for a name (jabatan, pendidikan, tempat lahir): the same text always gets
 * the same 32-hex id, whatever order rows come in. Four FNV-1a passes with different offsets.
 */
const idCache = new Map();
export function stableId(text) {
  let id = idCache.get(text);
  if (id !== undefined) return id;
  id = '';
  for (const offset of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let h = offset;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    id += hex8(h >>> 0);
  }
  // Bounded: structural titles repeat per unit name, so the cache must not grow with the file.
  if (idCache.size > 20_000) idCache.clear();
  idCache.set(text, id);
  return id;
}
