/**
 * The NIPs of millions of employees, compactly, and a NIP → row look-up without a Map of
 * millions of strings (README "Performance": the national ranking must stay under 2 GB).
 *
 * A NIP is 18 digits (SPEC §1.3), too many for a double but two 9-digit halves fit two
 * Uint32s: 8 bytes a row instead of a 40-byte string and its 8-byte pointer. The text is made
 * again when a row is shown, so NIPs stay exactly the text that was stored (the halves are
 * zero-padded back to 9 digits). A stored NIP that is not 18 digits (only a hand-edited
 * database has one) is kept as its string.
 */

/** `hi` of a row whose NIP is kept as a string (no 18-digit NIP has a high half ≥ 10⁹). */
const AS_TEXT = 0xffffffff;
const HALF = 9;

/** The halves of the NIP last read by `readHalves` (module scratch: no array per look-up). */
let readHi = 0;
let readLo = 0;

/** Reads the two 9-digit halves of an 18-digit NIP into readHi / readLo; false for anything else. */
function readHalves(nip: string): boolean {
  if (nip.length !== 2 * HALF) return false;
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < 2 * HALF; k++) {
    const d = nip.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return false;
    if (k < HALF) hi = hi * 10 + d;
    else lo = lo * 10 + d;
  }
  readHi = hi;
  readLo = lo;
  return true;
}

export class NipColumn {
  size = 0;
  private hi: Uint32Array;
  private lo: Uint32Array;
  private readonly texts = new Map<number, string>();

  constructor(capacity: number) {
    this.hi = new Uint32Array(Math.max(1, capacity));
    this.lo = new Uint32Array(Math.max(1, capacity));
  }

  /** Appends a NIP; returns its row. */
  push(nip: string): number {
    if (this.size === this.hi.length) {
      const grow = (old: Uint32Array): Uint32Array => {
        const next = new Uint32Array(old.length * 2);
        next.set(old);
        return next;
      };
      this.hi = grow(this.hi);
      this.lo = grow(this.lo);
    }
    const i = this.size++;
    if (readHalves(nip)) {
      this.hi[i] = readHi;
      this.lo[i] = readLo;
    } else {
      this.hi[i] = AS_TEXT;
      this.texts.set(i, nip);
    }
    return i;
  }

  /** The NIP of row i, as stored. */
  at(i: number): string {
    const hi = this.hi[i]!;
    if (hi === AS_TEXT) return this.texts.get(i)!;
    return String(hi).padStart(HALF, '0') + String(this.lo[i]!).padStart(HALF, '0');
  }

  /** Code-point order of the NIPs of rows i and j (for 18-digit NIPs, the order of the numbers). */
  compare(i: number, j: number): number {
    const a = this.hi[i]!;
    const b = this.hi[j]!;
    if (a !== AS_TEXT && b !== AS_TEXT) return a - b || this.lo[i]! - this.lo[j]!;
    const x = this.at(i);
    const y = this.at(j);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  /**
   * A look-up from NIP to row over the rows pushed so far: open addressing on the halves, one
   * Int32 slot per 1.5 rows or so (a Map of the same NIPs takes about ten times the memory).
   */
  index(): NipIndex {
    return new NipIndex(this.hi, this.lo, this.texts, this.size);
  }
}

export class NipIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly byText = new Map<string, number>();

  constructor(
    private readonly hi: Uint32Array,
    private readonly lo: Uint32Array,
    texts: ReadonlyMap<number, string>,
    size: number,
  ) {
    let capacity = 16;
    while (capacity < size * 1.5) capacity *= 2;
    this.mask = capacity - 1;
    // slot value: row + 1; 0 is empty.
    this.slots = new Int32Array(capacity);
    for (let i = 0; i < size; i++) {
      if (hi[i] === AS_TEXT) continue;
      let s = this.slotOf(hi[i]!, lo[i]!);
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = i + 1;
    }
    for (const [i, text] of texts) this.byText.set(text, i);
  }

  private slotOf(hi: number, lo: number): number {
    return (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 7) & this.mask;
  }

  /** The row of this NIP, or -1. (The first row, if a NIP was pushed twice.) */
  get(nip: string): number {
    return readHalves(nip) ? this.getByHalves(readHi, readLo) : (this.byText.get(nip) ?? -1);
  }

  /** The row of the 18-digit NIP with these 9-digit halves, or -1. */
  getByHalves(hi: number, lo: number): number {
    for (let s = this.slotOf(hi, lo); ; s = (s + 1) & this.mask) {
      const row = this.slots[s]! - 1;
      if (row < 0) return -1;
      if (this.hi[row] === hi && this.lo[row] === lo) return row;
    }
  }
}
