// lib/dates.ts: calendar arithmetic on ISO dates in whole days, month lengths and leap years, month steps.
// Expected values are worked by hand (or from the Unix epoch: 2000-01-01 is 946,684,800 s = day 10,957).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, dayOfMonth, daysBetween, daysInMonth, monthOf, monthsBefore } from '../../lib/dates';

/** ISO dates from 1971 to 2099, through the day arithmetic of Date (an independent oracle). */
const isoDate = fc.integer({ min: 365, max: 47_480 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('dayNumber', () => {
  it.each([
    ['1970-01-01', 0], ['1970-01-02', 1], ['1970-12-31', 364], ['1971-01-01', 365],
    ['2000-01-01', 10_957], ['2000-03-01', 10_957 + 31 + 29], ['1969-12-31', -1],
  ])('%s is day %i', (date, n) => {
    expect(dayNumber(date)).toBe(n);
  });

  it('gives the same answer the second time (memoised) and past the cache limit', () => {
    const first = dayNumber('2026-11-25');
    for (let i = 0; i < 20_100; i++) dayNumber(addDays('1990-01-01', i)); // more distinct dates than the cache keeps
    expect(dayNumber('2026-11-25')).toBe(first);
    expect(first).toBe(Date.UTC(2026, 10, 25) / 86_400_000);
  });
});

describe('daysBetween', () => {
  it('counts whole days, negative when the second date is earlier', () => {
    expect(daysBetween('2026-11-24', '2026-11-25')).toBe(1);
    expect(daysBetween('2026-11-25', '2026-11-25')).toBe(0);
    expect(daysBetween('2026-11-25', '2026-11-24')).toBe(-1);
    expect(daysBetween('2026-10-26', '2026-11-25')).toBe(30); // October has 31 days: 5 + 25
    expect(daysBetween('2026-10-25', '2026-11-25')).toBe(31);
  });

  it('crosses a leap day, a non-leap February and a year end', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
  });

  it('is free of daylight-saving shifts (whole days, never 23 or 25 hours)', () => {
    // Europe and the US change clocks in late March and early November; UTC arithmetic does not see it.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });
});

describe('addDays', () => {
  it.each([
    ['2028-02-28', 1, '2028-02-29'], ['2028-02-29', 1, '2028-03-01'], ['2027-02-28', 1, '2027-03-01'],
    ['2026-12-31', 1, '2027-01-01'], ['2027-01-01', -1, '2026-12-31'], ['2026-11-25', 0, '2026-11-25'],
    ['2026-11-25', -91, '2026-08-26'], ['2026-11-25', 30, '2026-12-25'],
  ])('%s + %i days is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });
});

describe('month helpers', () => {
  it('reads the day of the month', () => {
    expect(dayOfMonth('2026-11-01')).toBe(1);
    expect(dayOfMonth('2026-11-25')).toBe(25);
    expect(dayOfMonth('2028-02-29')).toBe(29);
  });

  it.each([
    ['2027-01-15', 31], ['2027-02-15', 28], ['2027-03-15', 31], ['2027-04-15', 30], ['2027-05-15', 31], ['2027-06-15', 30],
    ['2027-07-15', 31], ['2027-08-15', 31], ['2027-09-15', 30], ['2027-10-15', 31], ['2027-11-15', 30], ['2027-12-15', 31],
    ['2028-02-01', 29], ['2028-02-29', 29], ['2027-02-28', 28], ['2024-02-10', 29],
    ['2000-02-10', 29], ['1900-02-10', 28], ['2100-02-10', 28], // centuries: leap only when divisible by 400
  ])('%s is in a month of %i days', (date, n) => {
    expect(daysInMonth(date)).toBe(n);
  });

  it('names the month of a date', () => {
    expect(monthOf('2026-11-25')).toBe('2026-11');
    expect(monthOf('2028-02-29')).toBe('2028-02');
  });

  it.each([
    ['2026-11', 0, '2026-11'], ['2026-11', 1, '2026-10'], ['2026-11', 3, '2026-08'], ['2026-01', 1, '2025-12'],
    ['2026-01', 3, '2025-10'], ['2026-03', 12, '2025-03'], ['2026-03', 15, '2024-12'], ['2028-03', 1, '2028-02'],
  ])('%s minus %i months is %s', (month, n, expected) => {
    expect(monthsBefore(month, n)).toBe(expected);
  });
});

describe('properties', () => {
  it('addDays and daysBetween are inverse, and agree with Date', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
      const later = addDays(d, n);
      expect(daysBetween(d, later)).toBe(n);
      expect(dayNumber(d)).toBe(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
      expect(daysBetween(later, d)).toBe(0 - n); // 0 - n, not -n: toBe tells -0 from 0
    }), { numRuns: 200 });
  });

  it('the last day of a month is followed by the first of the next', () => {
    fc.assert(fc.property(isoDate, (d) => {
      const last = `${monthOf(d)}-${String(daysInMonth(d)).padStart(2, '0')}`;
      expect(dayOfMonth(addDays(last, 1))).toBe(1);
      expect(monthsBefore(monthOf(addDays(last, 1)), 1)).toBe(monthOf(d));
      expect([28, 29, 30, 31]).toContain(daysInMonth(d));
    }), { numRuns: 200 });
  });
});
