/**
 * The README's first quick-start command ends in `npm run quickstart`, which runs
 * scripts/quickstart.js: this proves it works on the bundled fixtures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, query, tempDir } from './helpers.js';

it('the quick start runs the main job on the bundled fixtures', () => {
  const out = join(tempDir(), 'out');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/quickstart.js'), out], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toContain('quickstart: done');
  expect(existsSync(join(out, 'asn.db'))).toBe(true);
  expect(query(join(out, 'asn.db'), 'SELECT count(*) AS n FROM employees')[0]).toEqual({ n: 40 });
});
