// Dates, times and amounts as the panel shows them; formatters are built once per locale and reused.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, warmFormatting } from '../../components/panel/format';
import { formatMinor } from '../../lib/money';

describe('panel formatting', () => {
  it('formats in the locale given, the same before and after the formatters are kept', () => {
    const before = [formatDate('2026-03-01', 'fr'), formatDateTime('2026-03-01T09:30:00.000Z', 'en'), formatMinor(123456, 'USD', 'fr')];
    warmFormatting('fr');
    warmFormatting('en');
    expect([formatDate('2026-03-01', 'fr'), formatDateTime('2026-03-01T09:30:00.000Z', 'en'), formatMinor(123456, 'USD', 'fr')]).toEqual(before);
    expect(formatDate('2026-03-01', 'fr')).toMatch(/mars 2026/);
    expect(formatDate('2026-03-01', 'en')).toMatch(/Mar 1, 2026/);
    // A date it cannot read is shown as given.
    expect(formatDate('not-a-date', 'en')).toBe('not-a-date');
  });

  it('warming up with a locale the runtime refuses throws nothing', () => {
    expect(() => warmFormatting('not a locale!')).not.toThrow();
  });
});
