/**
 * Loads the merit model (SPEC §3: every number marked *(config)* lives in a model file with the
 * built-in asn-merit-v1 as the default). An override file may hold any subset of the keys; it is
 * deep-merged over the default and the result validated, so a typo never silently falls back
 * to a default value. Not domain code: it reads files.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseGolongan } from '../domain/golongan.js';
import { VACANCY_LEVELS, type MeritModel } from '../domain/model.js';
import { EDUCATION_CODES, PREDIKAT_CODES } from '../domain/types.js';

/** Label used in messages about the built-in model file. */
const DEFAULT_FILE = 'asn-merit-v1.json (built-in)';

/** Keys that could reach Object.prototype through a merge: refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** An unusable model file: the message names the file and the dotted key, and what is expected. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  /** Dotted key path (`weights.kinerja`), or null when the file as a whole is unusable. */
  readonly key: string | null;
  readonly file: string;

  constructor(file: string, key: string | null, detail: string) {
    super(`model file ${file}: ${detail}`);
    this.key = key;
    this.file = file;
  }
}

type Json = Record<string, unknown>;

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON with object keys sorted recursively and no whitespace, so that equal models give
 * equal text — the model hash every ranking result records (SPEC §3).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

let defaultRaw: Json | undefined;

/** The shipped JSON, parsed once; it doubles as the schema (allowed keys and nesting). */
function readDefaultRaw(): Json {
  if (defaultRaw === undefined) {
    const parsed = parseJsonFile(new URL('./asn-merit-v1.json', import.meta.url), DEFAULT_FILE);
    if (!isPlainObject(parsed)) throw new ModelError(DEFAULT_FILE, null, 'the top level must be a JSON object');
    defaultRaw = parsed;
  }
  return defaultRaw;
}

function parseJsonFile(file: string | URL, label: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    throw new ModelError(label, null, `cannot read the file (${code}); check the path given to --model`);
  }
  try {
    // Windows editors save JSON with a BOM; JSON.parse refuses it.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new ModelError(label, null, `not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Keys that say how results are published, not how merit is computed (SPEC §12 suppression k):
 * left out of the hash, so the hash a ranking or audit records names the merit rules alone and
 * stays the same when an agency only changes how its public report is suppressed.
 */
const UNHASHED_KEYS: ReadonlySet<string> = new Set(['publication']);

/** The model without the publication settings: what the hash covers. */
export function hashedPart(model: MeritModel): Json {
  return Object.fromEntries(Object.entries(model).filter(([key]) => !UNHASHED_KEYS.has(key)));
}

/** The built-in model asn-merit-v1 (validated). */
export function defaultModel(): MeritModel {
  return loadModel().model;
}

/**
 * The default model, or the default deep-merged with `overrideFile` (any subset of keys), validated.
 * `hash` is the SHA-256 hex of the canonical JSON of the merged model; `name` is its `name`
 * (an override may rename it). Throws ModelError on any problem.
 */
export function loadModel(overrideFile?: string): { model: MeritModel; hash: string; name: string } {
  const base = structuredClone(readDefaultRaw());
  const file = overrideFile ?? DEFAULT_FILE;
  if (overrideFile !== undefined) {
    const override = parseJsonFile(overrideFile, overrideFile);
    checkOverrideShape(override, base, [], file);
    mergeInto(base, override as Json);
  }
  checkLeaves(base, readDefaultRaw(), [], file);
  checkCrossRules(base, file);
  const model = base as unknown as MeritModel;
  const hash = createHash('sha256').update(canonicalJson(hashedPart(model))).digest('hex');
  return { model, hash, name: model.name };
}

function dotted(path: readonly string[]): string {
  return path.join('.');
}

function got(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Refuses unknown keys (at any depth), prototype-polluting keys, and a scalar where the
 * default has an object. Leaf values are checked after the merge by checkLeaves.
 */
function checkOverrideShape(value: unknown, template: unknown, path: string[], file: string): void {
  if (!isPlainObject(template)) return;
  if (!isPlainObject(value)) {
    const what = path.length === 0 ? 'the top level' : dotted(path);
    throw new ModelError(file, path.length === 0 ? null : dotted(path), `${what} must be a JSON object (got ${got(value)})`);
  }
  for (const key of Object.keys(value)) {
    const keyPath = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) {
      throw new ModelError(file, dotted(keyPath), `key ${dotted(keyPath)} is not allowed; remove it`);
    }
    if (!Object.hasOwn(template, key)) {
      const known = Object.keys(template).join(', ');
      throw new ModelError(file, dotted(keyPath), `unknown key ${dotted(keyPath)} (expected one of: ${known})`);
    }
    checkOverrideShape(value[key], template[key], keyPath, file);
  }
}

/** Deep merge: objects merge key by key, anything else replaces. Keys were checked first. */
function mergeInto(target: Json, override: Json): void {
  for (const key of Object.keys(override)) {
    const from = override[key];
    const into = target[key];
    if (isPlainObject(into) && isPlainObject(from)) mergeInto(into, from);
    else target[key] = from;
  }
}

interface LeafRule {
  expected: string;
  test: (value: unknown) => boolean;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInteger = (v: unknown, min: number, max: number): boolean =>
  isNumber(v) && Number.isInteger(v) && v >= min && v <= max;

const NUMBER_AT_LEAST_0: LeafRule = { expected: 'a number ≥ 0', test: (v) => isNumber(v) && v >= 0 };
const NUMBER_ABOVE_0: LeafRule = { expected: 'a number > 0', test: (v) => isNumber(v) && v > 0 };
const PERCENT: LeafRule = { expected: 'a number from 0 to 100', test: (v) => isNumber(v) && v >= 0 && v <= 100 };
const ONE_TO_NINE: LeafRule = { expected: 'an integer from 1 to 9', test: (v) => isInteger(v, 1, 9) };
const AXIS: LeafRule = {
  expected: 'one of "above", "meets", "below"',
  test: (v) => v === 'above' || v === 'meets' || v === 'below',
};
const orNull = (rule: LeafRule): LeafRule => ({ expected: `${rule.expected}, or null to drop the rule`, test: (v) => v === null || rule.test(v) });
const oneOfWords = (words: readonly string[]): LeafRule => ({ expected: `one of ${words.map((w) => `"${w}"`).join(', ')}`, test: (v) => typeof v === 'string' && words.includes(v) });
const integerFrom = (min: number, max: number): LeafRule => ({ expected: `an integer from ${min} to ${max}`, test: (v) => isInteger(v, min, max) });

/** SPEC §11 eligibility thresholds (the candidates feature): each per-level threshold may be null. */
const ELIGIBILITY_RULES: Record<string, LeafRule> = {
  minPredikat: oneOfWords(PREDIKAT_CODES),
  years: integerFrom(0, 10),
  maxHukuman: oneOfWords(['none', 'ringan', 'sedang', 'berat']),
  education: orNull(oneOfWords(EDUCATION_CODES)),
  experienceLevel: orNull(integerFrom(1, 9)),
  experienceYears: orNull(integerFrom(0, 40)),
  golongan: orNull({ expected: 'a PNS golongan such as "III/a"', test: (v) => typeof v === 'string' && parseGolongan(v, 'PNS').ok }),
  maxAge: orNull(integerFrom(18, 70)),
  bup: orNull(integerFrom(18, 70)),
};

/** SPEC §12: k = 1 would hide nothing. */
const SUPPRESSION_K: LeafRule = { expected: 'an integer ≥ 2 (k = 1 would hide nothing)', test: (v) => isInteger(v, 2, 1_000_000) };
const NAME: LeafRule = { expected: 'a non-empty string', test: (v) => typeof v === 'string' && v.trim() !== '' };

/**
 * The rule for one leaf, by its path. Divisors (kinerja.maxValue, jpTarget) must be > 0;
 * component scores (disiplin, education points) and cut-offs stay on the 0–100 scale of
 * SPEC §3–4; box numbers and jabatan levels are 1–9 (SPEC §4, §1.5).
 */
function ruleFor(path: readonly string[]): LeafRule {
  switch (path[0]) {
    case 'name':
      return NAME;
    case 'weights':
    case 'predikatValue':
      return NUMBER_AT_LEAST_0;
    case 'kinerja':
    case 'kompetensi':
    case 'pengembangan':
      return NUMBER_ABOVE_0;
    case 'disiplin':
    case 'potensial':
      return PERCENT;
    case 'education':
      return path[2] === 'points' ? PERCENT : NUMBER_AT_LEAST_0;
    case 'kinerjaAxis':
      return AXIS;
    case 'eligibility':
      return ELIGIBILITY_RULES[path[path.length - 1] ?? ''] ?? NAME;
    case 'publication':
      return SUPPRESSION_K;
    default:
      return ONE_TO_NINE; // box, levels
  }
}

/** Walks the schema (the default's shape) and checks every leaf of the merged model. */
function checkLeaves(merged: Json, template: Json, path: string[], file: string): void {
  for (const key of Object.keys(template)) {
    const keyPath = [...path, key];
    const value = merged[key];
    const shape = template[key];
    if (isPlainObject(shape)) {
      // The override shape check guarantees an object here; recurse into it.
      checkLeaves(value as Json, shape, keyPath, file);
      continue;
    }
    const rule = ruleFor(keyPath);
    if (!rule.test(value)) {
      throw new ModelError(file, dotted(keyPath), `${dotted(keyPath)} must be ${rule.expected} (got ${got(value)})`);
    }
  }
}

/** Rules across keys: weights not all zero, box a permutation of 1–9, tinggi above menengah. */
function checkCrossRules(merged: Json, file: string): void {
  const model = merged as unknown as MeritModel;
  const weightSum = Object.values(model.weights).reduce((sum, w) => sum + w, 0);
  if (weightSum <= 0) {
    throw new ModelError(file, 'weights', 'weights must not all be zero (no component would count)');
  }
  const seen = new Map<number, string>();
  for (const [row, columns] of Object.entries(model.box)) {
    for (const [column, boxNumber] of Object.entries(columns)) {
      const key = `box.${row}.${column}`;
      const first = seen.get(boxNumber);
      if (first !== undefined) {
        throw new ModelError(
          file,
          key,
          `${key} repeats box ${boxNumber} (already used by ${first}); box must use each number 1–9 exactly once`,
        );
      }
      seen.set(boxNumber, key);
    }
  }
  for (const level of VACANCY_LEVELS) {
    const at = model.eligibility.levels[level].experienceLevel;
    if (at !== null && at >= Number(level)) {
      const key = `eligibility.levels.${level}.experienceLevel`;
      throw new ModelError(file, key, `${key} must be below ${level}: the pool of a level-${level} post holds people below it (got ${at})`);
    }
  }
  const { tinggi, menengah } = model.potensial;
  if (tinggi <= menengah) {
    throw new ModelError(
      file,
      'potensial.tinggi',
      `potensial.tinggi must be greater than potensial.menengah (got ${tinggi} ≤ ${menengah})`,
    );
  }
}
