import { describe, it, expect } from 'vitest';
import { daysInMonth, excelSerialToIso, impossibleDateReason, isLeapYear, isRealDate, toIso } from '../../src/domain/dates.js';

describe('isRealDate (SPEC §1.3, Gregorian calendar)', () => {
  it.each([
    [2020, 2, 29, true],  // leap year
    [2021, 2, 29, false], // common year
    [2000, 2, 29, true],  // divisible by 400
    [1900, 2, 29, false], // century, not divisible by 400
    [2020, 2, 31, false],
    [2024, 4, 30, true],
    [2024, 4, 31, false],
    [2024, 12, 31, true],
    [2024, 13, 1, false],
    [2024, 0, 10, false],
    [2024, 1, 0, false],
    [2024, 1, 1.5, false],
    [0, 1, 1, false],
  ])('%i-%i-%i → %s', (y, m, d, expected) => {
    expect(isRealDate(y, m, d)).toBe(expected);
  });

  it.each([[1996, true], [2100, false], [2023, false], [2400, true]])('isLeapYear(%i) = %s', (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
  });

  it.each([[2023, 2, 28], [2024, 2, 29], [2024, 9, 30], [2024, 7, 31], [2024, 13, 0]])(
    'daysInMonth(%i, %i) = %i', (y, m, days) => {
      expect(daysInMonth(y, m)).toBe(days);
    });
});

describe('impossibleDateReason', () => {
  it.each([
    [2020, 2, 31, 'February has 28 or 29 days'],
    [2021, 2, 29, '2021 is not a leap year, February has 28 days'],
    [2024, 4, 31, 'April has 30 days'],
    [2024, 13, 1, 'there is no month 13'],
    [2024, 5, 0, 'there is no day 0'],
    [2024, 5, 1, null],
  ])('%i-%i-%i → %s', (y, m, d, reason) => {
    expect(impossibleDateReason(y, m, d)).toBe(reason);
  });
});

describe('toIso', () => {
  it.each([
    [2024, 1, 5, '2024-01-05'],
    [1986, 9, 12, '1986-09-12'],
    [999, 12, 31, '0999-12-31'],
  ])('%i, %i, %i → %s', (y, m, d, iso) => {
    expect(toIso(y, m, d)).toBe(iso);
  });
});

describe('excelSerialToIso (Excel 1900 date system)', () => {
  it.each([
    [1, '1900-01-01'],
    [31, '1900-01-31'],
    [59, '1900-02-28'],
    [60, null],          // Excel's fake 29 February 1900
    [61, '1900-03-01'],
    [10000, '1927-05-18'],
    [36526, '2000-01-01'],
    [43891, '2020-03-01'],
    [45292, '2024-01-01'],
    [45292.75, '2024-01-01'], // 18:00 — the time of day is dropped
    [45351, '2024-02-29'],
    [80000, '2119-01-11'],
    [2958465, '9999-12-31'],
    [0, null],
    [-5, null],
    [2958466, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])('%d → %s', (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
  });
});
