import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../src/cli/render/table-data.js';

describe('columnsOf (compact fixed column lists, SPEC §7)', () => {
  it.each([
    ['nip:text', { key: 'nip', type: 'text' }],
    ['level:integer', { key: 'level', type: 'integer' }],
    ['tmt:date', { key: 'tmt', type: 'date' }],
    ['flagged:boolean', { key: 'flagged', type: 'boolean' }],
    ['merit:2', { key: 'merit', type: 'number', decimals: 2 }],
    ['p_value:6', { key: 'p_value', type: 'number', decimals: 6 }],
  ])('%s', (spec, column) => {
    expect(columnsOf(spec)).toEqual([column]);
  });

  it('keeps the order given and refuses a spec without a known type', () => {
    expect(columnsOf('a:text', 'b:1').map((c) => c.key)).toEqual(['a', 'b']);
    expect(() => columnsOf('nip')).toThrow(/column spec "nip"/);
    expect(() => columnsOf('nip:string')).toThrow(/column spec/);
  });
});
