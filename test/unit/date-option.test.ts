import { describe, expect, it } from 'vitest';
import { dateOption, parseDateOption } from '../../src/cli/date-option.js';
import { UsageError } from '../../src/shared/errors.js';

describe('parseDateOption: every date option takes the date forms of SPEC §1.3 (SPEC §7)', () => {
  it.each([
    ['2025-01-01', '2025-01-01'],
    ['01-01-2025', '2025-01-01'],
    ['01/01/2025', '2025-01-01'],
    ['01.01.2025', '2025-01-01'],
    ['1 Januari 2025', '2025-01-01'],
    ['1 januari 2025', '2025-01-01'],
    ['1 Jan 2025', '2025-01-01'],
    ['1 January 2025', '2025-01-01'],
    ['17 Agustus 2024', '2024-08-17'],
    ['17 Agt 2024', '2024-08-17'],
    ['5 Peb 2024', '2024-02-05'],
    ['30 Nop 2023', '2023-11-30'],
    ['31 Desember 2025', '2025-12-31'],
    ['3/2/2025', '2025-02-03'], // slash dates are day first
    ['29-02-2024', '2024-02-29'],
    [' 2025-06-30 ', '2025-06-30'],
  ])('%j → %s', (value, expected) => {
    expect(parseDateOption('--from', value)).toBe(expected);
  });

  it.each([
    ['31-02-2025', 'impossible date 31-02-2025 (February has 28 or 29 days)'],
    ['29-02-2025', '2025 is not a leap year'],
    ['2025-13-01', 'there is no month 13'],
    ['1 Janvier 2025', 'unknown month name "Janvier"'],
    ['01-01-25', 'two-digit year'],
    ['20250101', 'a number alone is not a date here'],
    ['45658', 'a number alone is not a date here'],
    ['kemarin', 'unrecognised date'],
    ['', 'no date given'],
  ])('%j is a usage error: %s, naming the accepted forms', (value, reason) => {
    let error: unknown;
    try {
      parseDateOption('--to', value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain(`--to ${value} is not a date: `);
    expect((error as UsageError).message).toContain(reason);
    expect((error as UsageError).hint).toBe(
      'write the date as YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY or D Month YYYY (1 Januari 2025, 1 Jan 2025, 1 January 2025)',
    );
  });

  it('dateOption is the commander parser of one named option', () => {
    expect(dateOption('--as-of')('1 Maret 2025')).toBe('2025-03-01');
    expect(() => dateOption('--at')('2025-02-30')).toThrow('--at 2025-02-30 is not a date');
  });
});
