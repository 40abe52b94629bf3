/**
 * The layering of STYLE.md, read from the import lines of src/: dependencies point one way
 * (cli → app → domain, io, db), the pure domain imports nothing outside src/domain/, and no
 * file reaches itself through its imports (no cycles). A failure names the offending files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Relative import specifiers of a file (static `import … from`, `export … from`, and `import()`), resolved to .ts paths. */
export function localImports(file: string, text: string): string[] {
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)]
    .map((m) => m[1]!);
  return specs.map((spec) => path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'));
}

const files = tsFiles(SRC);
const graph = new Map(files.map((f) => [f, localImports(f, readFileSync(f, 'utf8'))]));
const rel = (f: string): string => path.relative(SRC, f);
const layer = (f: string): string => rel(f).split(path.sep)[0]!;

/** Every cycle found by a depth-first walk, each as the list of files around it. */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!edges.has(next)) continue;
      const s = state.get(next);
      if (s === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('architecture (STYLE.md layout)', () => {
  it('reads a realistic number of files and imports, so the checks below are not vacuous', () => {
    expect(files.length).toBeGreaterThan(80);
    expect([...graph.values()].flat().length).toBeGreaterThan(300);
  });

  it('src/domain imports nothing outside src/domain', () => {
    const outside = files.filter((f) => layer(f) === 'domain')
      .flatMap((f) => graph.get(f)!.filter((t) => layer(t) !== 'domain').map((t) => `${rel(f)} → ${rel(t)}`));
    expect(outside).toEqual([]);
  });

  it('dependencies point one way: app never imports cli; domain, io, db, model never import app or cli', () => {
    const allowed: Record<string, readonly string[]> = {
      cli: ['cli', 'app', 'domain', 'io', 'db', 'model', 'shared', 'types'],
      app: ['app', 'domain', 'io', 'db', 'model', 'shared', 'types'],
      io: ['io', 'domain', 'shared', 'types'],
      db: ['db', 'domain', 'shared'],
      model: ['model', 'domain', 'shared'],
      shared: ['shared'],
      domain: ['domain'],
    };
    const wrong = files.flatMap((f) => graph.get(f)!
      .filter((t) => !(allowed[layer(f)] ?? []).includes(layer(t)))
      .map((t) => `${rel(f)} → ${rel(t)}`));
    expect(wrong).toEqual([]);
  });

  it('no import cycle between files of src/', () => {
    expect(findCycles(graph).map((c) => c.map(rel).join(' → '))).toEqual([]);
  });

  it('the cycle walk finds a planted cycle and the domain check sees a planted outside import', () => {
    const planted = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(findCycles(planted)).toEqual([['a', 'b', 'c', 'a']]);
    const imports = localImports(path.join(SRC, 'domain/x.ts'), "import type { Db } from '../db/open.js';\nexport { y } from './y.js';\nconst m = await import('../io/z.js');");
    expect(imports.map(rel)).toEqual(['db/open.ts', 'domain/y.ts', 'io/z.ts']);
  });
});
