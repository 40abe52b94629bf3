import { describe, it, expect } from 'vitest';
import { parseEventRef, parseMargin } from '../../src/cli/audit-options.js';
import { UsageError } from '../../src/shared/errors.js';

describe('parseMargin (asn audit --margin, SPEC §5.5)', () => {
  it.each([
    ['10', 10],
    ['0', 0],
    ['7.5', 7.5],
    [' 15 ', 15],
    ['2.25', 2.25],
  ])('%j → %d', (value, expected) => {
    expect(parseMargin(value)).toBe(expected);
  });

  it.each(['-1', 'abc', '', '10%', '7,5', 'Infinity', '1e3', '.5'])('%j is a usage error', (value) => {
    expect(() => parseMargin(value)).toThrow(UsageError);
  });
});

describe('parseEventRef (--event NIP@DATE)', () => {
  it.each([
    ['197003141997031001@6 Januari 2025', { nip: '197003141997031001', tmt: '2025-01-06' }],
    ['197003141997031001@06-01-2025', { nip: '197003141997031001', tmt: '2025-01-06' }],
    ['197003141997031001@2025-01-06', { nip: '197003141997031001', tmt: '2025-01-06' }],
    ['19700314 199703 1 001@2025-01-06', { nip: '197003141997031001', tmt: '2025-01-06' }],
    ['19700314.199703.1.001@2024-09-02', { nip: '197003141997031001', tmt: '2024-09-02' }],
  ])('%j', (value, expected) => {
    expect(parseEventRef(value)).toEqual(expected);
  });

  it.each([
    ['197003141997031001', 'is not NIP@YYYY-MM-DD'],
    ['19700314199703100@2025-01-06', 'NIP must have 18 digits'],
    ['197003141997031001@2025-13-01', 'there is no month 13'],
    ['197003141997031001@2025-02-30', 'February has 28 or 29 days'],
    ['@2025-01-06', 'no NIP given'],
  ])('%j → usage error mentioning %j', (value, message) => {
    expect(() => parseEventRef(value)).toThrow(UsageError);
    expect(() => parseEventRef(value)).toThrow(message);
  });
});
