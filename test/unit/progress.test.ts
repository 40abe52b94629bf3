/** The count bar of `report --type employee --all` (SPEC §7: progress on stderr, on a TTY only — the caller's choice). */
import { describe, expect, it } from 'vitest';
import { countProgress } from '../../src/cli/render/progress.js';

function fakeIo(): { io: Parameters<typeof countProgress>[0]; err: string[] } {
  const err: string[] = [];
  return { io: { out: () => undefined, err: (t: string) => err.push(t), stdoutIsTTY: false, stderrIsTTY: true }, err };
}

describe('countProgress', () => {
  it('draws done/total with a bar, always the last one, and clears the line at the end', () => {
    const { io, err } = fakeIo();
    const bar = countProgress(io, 'cards');
    bar.update(1, 4);
    bar.update(2, 4); // within 100 ms of the first: skipped
    bar.update(4, 4); // the last is always drawn
    bar.done();
    expect(err[0]).toBe(`\r[${'#'.repeat(8)}${'.'.repeat(22)}]  25% 1/4 cards`);
    expect(err[1]).toBe(`\r[${'#'.repeat(30)}] 100% 4/4 cards`);
    expect(err[2]).toBe('\r\x1b[2K');
    expect(err).toHaveLength(3);
  });

  it('prints nothing when nothing was drawn', () => {
    const { io, err } = fakeIo();
    countProgress(io, 'cards').done();
    expect(err).toEqual([]);
  });
});
