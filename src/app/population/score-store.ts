/**
 * The scored population of a ranking, column by column (typed arrays, shared strings), so that
 * the 4.7 million employees of a national run fit in well under 2 GB (STYLE "ranking that needs
 * all rows reads compact tuples"). A `RankRow` object is made only when a row is looked at
 * (output, explain, report), one at a time.
 */
import { compareDuk, type DukKey } from '../../domain/duk.js';
import type { MeritStatus } from '../../domain/merit.js';
import type { JenisGroup, JenisPegawai } from '../../domain/types.js';
import type { ComponentName } from '../../domain/model.js';
import { NipColumn, type NipIndex } from './nip-column.js';

/** One employee's scores in year Y, as the renderers and the report see them. */
export interface RankRow {
  nip: string;
  nama: string;
  unit: string | null;
  jenisPegawai: JenisPegawai | null;
  /** Label: `III/a` for PNS/CPNS, `IX` for PPPK. */
  golongan: string | null;
  level: number | null;
  status: MeritStatus;
  merit: number | null;
  /** merit rounded to 6 decimals (SPEC §2), the sort key; null when unrated. */
  meritKey: number | null;
  components: Record<ComponentName, number | null>;
  coverage: number;
  box: number | null;
  /** DUK key at T = 31 December of Y (SPEC §2). */
  duk: DukKey;
  /** 1-based position in the scope last ranked; null when unrated or not ranked yet. */
  rank: number | null;
  percentile: number | null;
}

/** A rated row: merit, rank and percentile always present. */
export type RankedRow = RankRow & { merit: number; meritKey: number; rank: number; percentile: number };

export const COMPONENTS: readonly ComponentName[] = ['kinerja', 'kompetensi', 'pengembangan', 'kualifikasi', 'disiplin'];
const JENIS: ReadonlyArray<JenisPegawai | null> = [null, 'PNS', 'CPNS', 'PPPK'];
const STATUS: readonly MeritStatus[] = ['complete', 'incomplete', 'unrated'];

/**
 * The DUK key packed as 8 integers where smaller is more senior and a missing value is MISSING,
 * so each step of SPEC §2's order is one integer comparison: jenis group; −golongan;
 * TMT golongan (yyyymmdd); −level; −service months; −education rank; tahun lulus; tgl lahir
 * (yyyymmdd); then nip as text. Equivalent to compareDuk (tested).
 */
const DUK_WIDTH = 8;
const MISSING = 2 ** 30;

function dateInt(iso: string | null): number {
  return iso === null ? MISSING : Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}
function intDate(value: number): string | null {
  if (value === MISSING) return null;
  const y = Math.floor(value / 10_000);
  const m = Math.floor(value / 100) % 100;
  const d = value % 100;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
const NO_SCORES: Record<ComponentName, number | null> = { kinerja: null, kompetensi: null, pengembangan: null, kualifikasi: null, disiplin: null };
const neg = (v: number | null): number => (v === null ? MISSING : -v);
const pos = (v: number | null): number => (v === null ? MISSING : v);
const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);
const back = (v: number, negated: boolean): number | null => (v === MISSING ? null : negated ? -v : v);

export class RankStore {
  size = 0;
  private readonly nips: NipColumn;
  readonly nama: string[] = [];
  readonly unit: Array<string | null> = [];
  readonly golongan: Array<string | null> = [];
  private jenis: Uint8Array;
  private level: Int8Array;
  private statusCode: Uint8Array;
  readonly merit: Float64Array;
  readonly meritKey: Float64Array;
  private components: Float64Array;
  private coverage: Float64Array;
  private box: Int8Array;
  private duk: Int32Array;
  readonly rank: Int32Array;
  readonly percentile: Float64Array;
  private readonly strings = new Map<string, string>();

  constructor(private capacity: number) {
    capacity = Math.max(1, capacity);
    this.capacity = capacity;
    this.nips = new NipColumn(capacity);
    this.jenis = new Uint8Array(capacity);
    this.level = new Int8Array(capacity);
    this.statusCode = new Uint8Array(capacity);
    this.merit = new Float64Array(capacity);
    this.meritKey = new Float64Array(capacity);
    this.components = new Float64Array(capacity * COMPONENTS.length);
    this.coverage = new Float64Array(capacity);
    this.box = new Int8Array(capacity);
    this.duk = new Int32Array(capacity * DUK_WIDTH);
    this.rank = new Int32Array(capacity);
    this.percentile = new Float64Array(capacity);
  }

  /** A store of given rows (tests and small populations). */
  static fromRows(rows: readonly RankRow[]): RankStore {
    const store = new RankStore(rows.length);
    for (const row of rows) store.push(row);
    return store;
  }

  /** One shared copy per distinct value: unit names and golongan labels repeat across millions of rows. */
  private intern(value: string | null): string | null {
    if (value === null) return null;
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const grown = <T extends Float64Array | Int32Array | Int8Array | Uint8Array>(old: T, width = 1): T => {
      const next = new (old.constructor as new (n: number) => T)(capacity * width);
      next.set(old);
      return next;
    };
    this.jenis = grown(this.jenis);
    this.level = grown(this.level);
    this.statusCode = grown(this.statusCode);
    (this as { merit: Float64Array }).merit = grown(this.merit);
    (this as { meritKey: Float64Array }).meritKey = grown(this.meritKey);
    this.components = grown(this.components, COMPONENTS.length);
    this.coverage = grown(this.coverage);
    this.box = grown(this.box);
    this.duk = grown(this.duk, DUK_WIDTH);
    (this as { rank: Int32Array }).rank = grown(this.rank);
    (this as { percentile: Float64Array }).percentile = grown(this.percentile);
    this.capacity = capacity;
  }

  push(row: RankRow): number {
    const i = this.addEmployee(row);
    this.setScores(i, row);
    this.rank[i] = row.rank ?? 0;
    this.percentile[i] = row.percentile ?? Number.NaN;
    return i;
  }

  /** Adds an employee's record and DUK key; scores come later with `setScores` (unrated until then). */
  addEmployee(row: Pick<RankRow, 'nip' | 'nama' | 'unit' | 'jenisPegawai' | 'golongan' | 'level' | 'duk'>): number {
    if (this.size === this.capacity) this.grow();
    const i = this.size++;
    this.nips.push(row.nip);
    this.nama.push(row.nama);
    this.unit.push(this.intern(row.unit));
    this.golongan.push(this.intern(row.golongan));
    this.jenis[i] = JENIS.indexOf(row.jenisPegawai);
    this.level[i] = row.level ?? -1;
    const d = row.duk;
    const at = i * DUK_WIDTH;
    this.duk[at] = d.group === null ? 2 : d.group === 'PNS' ? 0 : 1;
    this.duk[at + 1] = neg(d.golonganCode);
    this.duk[at + 2] = dateInt(d.tmtGolongan);
    this.duk[at + 3] = neg(d.level);
    this.duk[at + 4] = neg(d.serviceMonths);
    this.duk[at + 5] = neg(d.educationRank);
    this.duk[at + 6] = pos(d.tahunLulus);
    this.duk[at + 7] = dateInt(d.tglLahir);
    this.setScores(i, { status: 'unrated', merit: null, meritKey: null, components: NO_SCORES, coverage: 0, box: null });
    this.rank[i] = 0;
    this.percentile[i] = Number.NaN;
    return i;
  }

  /** Employee i's merit, components, coverage, status and box (SPEC §3–4). */
  setScores(i: number, scores: Pick<RankRow, 'status' | 'merit' | 'meritKey' | 'components' | 'coverage' | 'box'>): void {
    this.statusCode[i] = STATUS.indexOf(scores.status);
    this.merit[i] = scores.merit ?? Number.NaN;
    this.meritKey[i] = scores.meritKey ?? Number.NaN;
    COMPONENTS.forEach((name, c) => {
      this.components[i * COMPONENTS.length + c] = scores.components[name] ?? Number.NaN;
    });
    this.coverage[i] = scores.coverage;
    this.box[i] = scores.box ?? 0;
  }

  jenisPegawai(i: number): JenisPegawai | null {
    return JENIS[this.jenis[i]!] ?? null;
  }

  isRated(i: number): boolean {
    return !Number.isNaN(this.meritKey[i]!);
  }

  status(i: number): MeritStatus {
    return STATUS[this.statusCode[i]!]!;
  }

  boxOf(i: number): number | null {
    return this.box[i] === 0 ? null : this.box[i]!;
  }

  /** DUK order of two rows (SPEC §2), the same as compareDuk on their keys. */
  compareDuk(i: number, j: number): number {
    const a = i * DUK_WIDTH;
    const b = j * DUK_WIDTH;
    for (let k = 0; k < DUK_WIDTH; k++) {
      const d = this.duk[a + k]! - this.duk[b + k]!;
      if (d !== 0) return d;
    }
    return this.nips.compare(i, j);
  }

  /** Row i's jenis group of the DUK order (SPEC §2) as a small integer: the same number for the same group. */
  dukGroup(i: number): number {
    return this.duk[i * DUK_WIDTH]!;
  }

  /** The DUK key of row i, as the domain writes it. */
  dukKey(i: number): DukKey {
    const at = i * DUK_WIDTH;
    const d = this.duk;
    const groups: Array<JenisGroup | null> = ['PNS', 'PPPK', null];
    return {
      nip: this.nips.at(i),
      group: groups[d[at]!]!,
      golonganCode: back(d[at + 1]!, true),
      tmtGolongan: intDate(d[at + 2]!),
      level: back(d[at + 3]!, true),
      serviceMonths: back(d[at + 4]!, true),
      educationRank: back(d[at + 5]!, true),
      tahunLulus: back(d[at + 6]!, false),
      tglLahir: intDate(d[at + 7]!),
    };
  }

  /** Row i as an object (made on demand; the DUK key only when it is read). */
  row(i: number): RankRow {
    const c = this.components;
    const at = i * COMPONENTS.length;
    const store = this;
    return {
      nip: this.nips.at(i),
      nama: this.nama[i]!,
      unit: this.unit[i]!,
      jenisPegawai: JENIS[this.jenis[i]!] ?? null,
      golongan: this.golongan[i]!,
      level: this.level[i] === -1 ? null : this.level[i]!,
      status: this.status(i),
      merit: orNull(this.merit[i]!),
      meritKey: orNull(this.meritKey[i]!),
      // The order of COMPONENTS.
      components: {
        kinerja: orNull(c[at]!),
        kompetensi: orNull(c[at + 1]!),
        pengembangan: orNull(c[at + 2]!),
        kualifikasi: orNull(c[at + 3]!),
        disiplin: orNull(c[at + 4]!),
      },
      coverage: this.coverage[i]!,
      box: this.boxOf(i),
      get duk(): DukKey {
        return store.dukKey(i);
      },
      rank: this.rank[i] === 0 ? null : this.rank[i]!,
      percentile: orNull(this.percentile[i]!),
    };
  }

  /** Every row in store order, one object at a time. */
  *[Symbol.iterator](): Generator<RankRow> {
    for (let i = 0; i < this.size; i++) yield this.row(i);
  }

  /** The index of the row with this NIP, or -1. */
  indexOf(nip: string): number {
    return this.nips.index().get(nip);
  }

  /** The NIP of row i. */
  nip(i: number): string {
    return this.nips.at(i);
  }

  /** A NIP → row look-up over the rows added so far (compact: see NipColumn). */
  nipIndex(): NipIndex {
    return this.nips.index();
  }
}

/** Some rows of a store, in a given order: iterated, indexed or sliced without copying rows. */
export class RowList implements Iterable<RankRow> {
  constructor(
    readonly store: RankStore,
    readonly indices: Int32Array,
  ) {}

  get length(): number {
    return this.indices.length;
  }

  at(k: number): RankRow | undefined {
    const i = this.indices[k < 0 ? this.indices.length + k : k];
    return i === undefined ? undefined : this.store.row(i);
  }

  slice(start: number, end?: number): RowList {
    return new RowList(this.store, this.indices.subarray(start, end));
  }

  *[Symbol.iterator](): Generator<RankRow> {
    for (const i of this.indices) yield this.store.row(i);
  }

  find(predicate: (row: RankRow) => boolean): RankRow | undefined {
    for (const row of this) if (predicate(row)) return row;
    return undefined;
  }

  filter(predicate: (row: RankRow) => boolean): RankRow[] {
    const out: RankRow[] = [];
    for (const row of this) if (predicate(row)) out.push(row);
    return out;
  }

  map<T>(f: (row: RankRow) => T): T[] {
    const out: T[] = [];
    for (const row of this) out.push(f(row));
    return out;
  }
}

/** Checks the packed DUK order against the domain's compareDuk (used by the tests). */
export function sameDukOrder(store: RankStore, i: number, j: number): boolean {
  return Math.sign(store.compareDuk(i, j)) === Math.sign(compareDuk(store.dukKey(i), store.dukKey(j)));
}
