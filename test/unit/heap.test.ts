/**
 * The heap growing factor asn sets on V8 (src/cli/heap.ts, README "Performance"): the default,
 * the ASN_HEAP_GROWING_PERCENT override, and leaving V8 versions alone whose flags are unknown
 * (an unknown flag makes V8 print on stdout, which would corrupt CSV output).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAP_GROWING_PERCENT, heapGrowingPercent } from '../../src/cli/heap.js';

describe('heapGrowingPercent', () => {
  it.each([
    [{}, '11.3.244.8-node.33', DEFAULT_HEAP_GROWING_PERCENT],
    [{}, '12.4.254.21-node.24', DEFAULT_HEAP_GROWING_PERCENT],
    [{}, '13.6.233.10-node.24', DEFAULT_HEAP_GROWING_PERCENT],
    [{ ASN_HEAP_GROWING_PERCENT: '50' }, '11.3.244.8-node.33', 50],
    [{ ASN_HEAP_GROWING_PERCENT: ' ' }, '11.3.244.8-node.33', DEFAULT_HEAP_GROWING_PERCENT],
    [{ ASN_HEAP_GROWING_PERCENT: '0' }, '11.3.244.8-node.33', null],
    [{ ASN_HEAP_GROWING_PERCENT: 'lots' }, '11.3.244.8-node.33', DEFAULT_HEAP_GROWING_PERCENT],
    [{ ASN_HEAP_GROWING_PERCENT: '-5' }, '11.3.244.8-node.33', DEFAULT_HEAP_GROWING_PERCENT],
    [{ ASN_HEAP_GROWING_PERCENT: '2.5' }, '11.3.244.8-node.33', DEFAULT_HEAP_GROWING_PERCENT],
    [{}, '10.2.154.26-node.36', null],
    [{}, '14.1.0.0', null],
    [{ ASN_HEAP_GROWING_PERCENT: '50' }, 'not-a-version', null],
  ])('env %j on V8 %s → %s', (env, v8, expected) => {
    expect(heapGrowingPercent(env, v8)).toBe(expected);
  });

  it('this Node is one of the known V8 versions, so the setting is in force here', () => {
    expect(heapGrowingPercent({}, process.versions.v8)).toBe(DEFAULT_HEAP_GROWING_PERCENT);
  });
});
