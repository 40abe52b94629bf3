import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, defaultModel, loadModel, ModelError } from '../../src/model/load.js';

const dir = mkdtempSync(join(tmpdir(), 'asn-model-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes an override file and returns its path. */
function overrideFile(content: string): string {
  counter += 1;
  const file = join(dir, `custom-${counter}.json`);
  writeFileSync(file, content, 'utf8');
  return file;
}

function loadError(content: string): ModelError {
  const file = overrideFile(content);
  try {
    loadModel(file);
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error(`expected a ModelError for ${content}`);
}

const shippedJson = JSON.parse(readFileSync(new URL('../../src/model/asn-merit-v1.json', import.meta.url), 'utf8')) as unknown;

describe('default model', () => {
  it('loads asn-merit-v1 with the SPEC §3 weights', () => {
    const { model, name, hash } = loadModel();
    expect(name).toBe('asn-merit-v1');
    expect(model.weights).toEqual({ kinerja: 0.3, kompetensi: 0.3, pengembangan: 0.1, kualifikasi: 0.25, disiplin: 0.05 });
    // 0.30 + 0.30 + 0.10 + 0.25 + 0.05 = 1
    expect(Object.values(model.weights).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(model.education['S-1']).toEqual({ rank: 8, points: 60 });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('defaultModel() equals the shipped JSON', () => {
    expect(defaultModel()).toEqual(shippedJson);
  });

  it('hash is the SHA-256 of the canonical JSON without the publication settings, and is stable', () => {
    const { publication: _publication, ...merit } = shippedJson as Record<string, unknown>;
    const expected = createHash('sha256').update(canonicalJson(merit)).digest('hex');
    expect(loadModel().hash).toBe(expected);
    expect(loadModel().hash).toBe(loadModel().hash);
    // An empty override changes nothing, so the hash stays.
    expect(loadModel(overrideFile('{}')).hash).toBe(expected);
  });

  it('returns independent copies (a caller mutating one model does not change the next)', () => {
    const first = loadModel().model;
    first.weights.kinerja = 0.9;
    expect(loadModel().model.weights.kinerja).toBe(0.3);
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}'],
    [{ weights: { kinerja: 0.30 } }, '{"weights":{"kinerja":0.3}}'],
    ['Sangat Baik', '"Sangat Baik"'],
  ])('%j → %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});

describe('override merge', () => {
  it('a partial override changes only its keys', () => {
    const { model, hash, name } = loadModel(overrideFile('{"weights":{"kinerja":0.35,"kompetensi":0.25}}'));
    expect(model.weights).toEqual({ kinerja: 0.35, kompetensi: 0.25, pengembangan: 0.1, kualifikasi: 0.25, disiplin: 0.05 });
    expect(model.education['S-3'].points).toBe(100);
    expect(model.box.tinggi.above).toBe(9);
    expect(name).toBe('asn-merit-v1');
    expect(hash).not.toBe(loadModel().hash);
  });

  it.each([
    ['weights.disiplin', '{"weights":{"disiplin":0.06}}'],
    ['education.D-III.points', '{"education":{"D-III":{"points":45}}}'],
    ['pengembangan.jpTarget.PPPK', '{"pengembangan":{"jpTarget":{"PPPK":24}}}'],
    ['name', '{"name":"asn-merit-pemkab-sleman"}'],
  ])('changing %s changes the hash', (_key, content) => {
    expect(loadModel(overrideFile(content)).hash).not.toBe(loadModel().hash);
  });

  it('an override may rename the model', () => {
    const loaded = loadModel(overrideFile('{"name":"asn-merit-bkpsdm-2025","pengembangan":{"jpTarget":{"PPPK":24}}}'));
    expect(loaded.name).toBe('asn-merit-bkpsdm-2025');
    expect(loaded.model.pengembangan.jpTarget).toEqual({ PNS: 20, CPNS: 20, PPPK: 24 });
  });

  it('accepts a file saved with a UTF-8 BOM (Windows Notepad)', () => {
    expect(loadModel(overrideFile('\uFEFF{"kompetensi":{"cap":90}}')).model.kompetensi.cap).toBe(90);
  });
});

describe('validation errors name their key', () => {
  it('gives the exact message of the brief for a negative weight', () => {
    const file = overrideFile('{"weights":{"kinerja":-1}}');
    expect(() => loadModel(file)).toThrow(`model file ${file}: weights.kinerja must be a number ≥ 0 (got -1)`);
  });

  it.each([
    // [case, override, key, part of message]
    ['typo in a weight', '{"weights":{"kinrja":0.3}}', 'weights.kinrja', 'unknown key weights.kinrja'],
    ['typo at the top', '{"weight":{"kinerja":0.3}}', 'weight', 'unknown key weight'],
    ['unknown education code', '{"education":{"S-4":{"rank":11,"points":100}}}', 'education.S-4', 'unknown key'],
    ['unknown key three deep', '{"education":{"S-1":{"poin":60}}}', 'education.S-1.poin', 'unknown key'],
    ['unknown box column', '{"box":{"tinggi":{"atas":9}}}', 'box.tinggi.atas', 'unknown key'],
    ['weight as text', '{"weights":{"kinerja":"0,3"}}', 'weights.kinerja', 'must be a number ≥ 0 (got "0,3")'],
    ['weight as null', '{"weights":{"kompetensi":null}}', 'weights.kompetensi', 'must be a number ≥ 0 (got null)'],
    ['weight as object', '{"weights":{"kinerja":{}}}', 'weights.kinerja', 'must be a number ≥ 0 (got {})'],
    ['weights not an object', '{"weights":0.3}', 'weights', 'weights must be a JSON object (got 0.3)'],
    [
      'all weights zero',
      '{"weights":{"kinerja":0,"kompetensi":0,"pengembangan":0,"kualifikasi":0,"disiplin":0}}',
      'weights',
      'must not all be zero',
    ],
    ['negative predikat value', '{"predikatValue":{"SB":-150}}', 'predikatValue.SB', 'must be a number ≥ 0 (got -150)'],
    ['negative education rank', '{"education":{"S-2":{"rank":-9}}}', 'education.S-2.rank', 'must be a number ≥ 0'],
    ['negative education points', '{"education":{"SD":{"points":-4}}}', 'education.SD.points', 'from 0 to 100 (got -4)'],
    ['kinerja divisor zero', '{"kinerja":{"maxValue":0}}', 'kinerja.maxValue', 'must be a number > 0 (got 0)'],
    ['JP target zero', '{"pengembangan":{"jpTarget":{"PPPK":0}}}', 'pengembangan.jpTarget.PPPK', 'must be a number > 0'],
    ['disiplin above 100', '{"disiplin":{"ringan":170}}', 'disiplin.ringan', 'from 0 to 100 (got 170)'],
    ['cut-off above 100', '{"potensial":{"tinggi":101}}', 'potensial.tinggi', 'from 0 to 100 (got 101)'],
    ['cut-off negative', '{"potensial":{"menengah":-1}}', 'potensial.menengah', 'from 0 to 100 (got -1)'],
    ['tinggi below menengah', '{"potensial":{"tinggi":70}}', 'potensial.tinggi', 'greater than potensial.menengah (got 70 ≤ 78)'],
    ['tinggi equal to menengah', '{"potensial":{"tinggi":80,"menengah":80}}', 'potensial.tinggi', '(got 80 ≤ 80)'],
    ['box number 10', '{"box":{"tinggi":{"above":10}}}', 'box.tinggi.above', 'an integer from 1 to 9 (got 10)'],
    ['box number 2.5', '{"box":{"rendah":{"meets":2.5}}}', 'box.rendah.meets', 'an integer from 1 to 9'],
    // tinggi 6 8 9, menengah 3 5 7, rendah below 1, then meets 1 again
    ['box number used twice', '{"box":{"rendah":{"meets":1}}}', 'box.rendah.meets', 'repeats box 1 (already used by box.rendah.below)'],
    ['kinerja axis word', '{"kinerjaAxis":{"SB":"atas"}}', 'kinerjaAxis.SB', 'one of "above", "meets", "below" (got "atas")'],
    ['empty name', '{"name":"  "}', 'name', 'name must be a non-empty string'],
    ['jabatan level 0', '{"levels":{"pelaksana":0}}', 'levels.pelaksana', 'an integer from 1 to 9 (got 0)'],
    ['unknown eselon', '{"levels":{"eselon":{"VI.a":3}}}', 'levels.eselon.VI.a', 'unknown key'],
  ])('%s', (_case, content, key, message) => {
    const error = loadError(content);
    expect(error.key).toBe(key);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/^model file .*custom-\d+\.json: /);
  });

  it.each([
    ['{"__proto__":{"polluted":1}}', '__proto__'],
    ['{"weights":{"__proto__":{"polluted":1}}}', 'weights.__proto__'],
    ['{"constructor":{"prototype":{"polluted":1}}}', 'constructor'],
    ['{"education":{"prototype":{"polluted":1}}}', 'education.prototype'],
  ])('refuses the prototype key in %s', (content, key) => {
    const error = loadError(content);
    expect(error.key).toBe(key);
    expect(error.message).toContain(`key ${key} is not allowed`);
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it.each([
    ['a JSON array', '[1,2]', 'the top level must be a JSON object'],
    ['invalid JSON', '{"weights": {"kinerja": 0.3,}}', 'not valid JSON'],
    ['an empty file', '', 'not valid JSON'],
  ])('refuses %s as a whole file (key null)', (_case, content, message) => {
    const error = loadError(content);
    expect(error.key).toBeNull();
    expect(error.message).toContain(message);
  });

  it('refuses an unreadable file, naming it', () => {
    const missing = join(dir, 'does-not-exist.json');
    let caught: unknown;
    try {
      loadModel(missing);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ModelError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as ModelError).key).toBeNull();
    expect((caught as ModelError).message).toBe(
      `model file ${missing}: cannot read the file (ENOENT); check the path given to --model`,
    );
  });
});

describe('eligibility thresholds (SPEC §11, candidates)', () => {
  it('ships the SPEC §11 table: D-III/S-1, 4 years of service / 3 at ≥ 5 / 2 at ≥ 6, III/a III/c IV/b, below 58 / at most 56', () => {
    const { levels, minPredikat, years, maxHukuman } = loadModel().model.eligibility;
    expect([minPredikat, years, maxHukuman]).toEqual(['B', 2, 'ringan']);
    expect(levels['5']).toEqual({ education: 'D-III', experienceLevel: null, experienceYears: 4, golongan: 'III/a', maxAge: 57, bup: 58 });
    expect(levels['6']).toEqual({ education: 'S-1', experienceLevel: 5, experienceYears: 3, golongan: 'III/c', maxAge: 57, bup: 58 });
    expect(levels['7']).toEqual({ education: 'S-1', experienceLevel: 6, experienceYears: 2, golongan: 'IV/b', maxAge: 56, bup: 60 });
  });

  it('accepts null to drop a rule, and changing a threshold changes the hash', () => {
    const loaded = loadModel(overrideFile('{"eligibility": {"levels": {"6": {"golongan": null, "maxAge": 55}}}}'));
    expect(loaded.model.eligibility.levels['6']).toMatchObject({ golongan: null, maxAge: 55, education: 'S-1' });
    expect(loaded.hash).not.toBe(loadModel().hash);
  });

  it.each([
    ['{"eligibility": {"minPredikat": "Baik"}}', 'eligibility.minPredikat', 'must be one of "SB", "B", "BP", "K", "SK"'],
    ['{"eligibility": {"years": 11}}', 'eligibility.years', 'must be an integer from 0 to 10'],
    ['{"eligibility": {"maxHukuman": "sedikit"}}', 'eligibility.maxHukuman', 'must be one of "none", "ringan", "sedang", "berat"'],
    ['{"eligibility": {"levels": {"5": {"education": "S1"}}}}', 'eligibility.levels.5.education', 'or null to drop the rule'],
    ['{"eligibility": {"levels": {"7": {"golongan": "V/a"}}}}', 'eligibility.levels.7.golongan', 'must be a PNS golongan such as "III/a"'],
    ['{"eligibility": {"levels": {"6": {"maxAge": 57.5}}}}', 'eligibility.levels.6.maxAge', 'must be an integer from 18 to 70'],
    ['{"eligibility": {"levels": {"6": {"experienceLevel": 6}}}}', 'eligibility.levels.6.experienceLevel', 'must be below 6'],
    ['{"eligibility": {"levels": {"4": {"maxAge": 50}}}}', 'eligibility.levels.4', 'unknown key eligibility.levels.4'],
  ])('refuses %s', (content, key, message) => {
    const error = loadError(content);
    expect(error.key).toBe(key);
    expect(error.message).toContain(message);
  });
});

describe('publication.suppressionK (SPEC §12)', () => {
  it('defaults to 5 and does not enter the hash', () => {
    expect(loadModel().model.publication.suppressionK).toBe(5);
    const changed = loadModel(overrideFile('{"publication":{"suppressionK":10}}'));
    expect(changed.model.publication.suppressionK).toBe(10);
    expect(changed.hash).toBe(loadModel().hash);
  });

  it.each(['1', '0', '-3', '2.5', '"5"'])('k = %s is refused', (k) => {
    expect(() => loadModel(overrideFile(`{"publication":{"suppressionK":${k}}}`))).toThrow(/publication\.suppressionK must be an integer ≥ 2/);
  });
});
