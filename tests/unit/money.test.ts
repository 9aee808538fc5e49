// lib/money.ts: integer minor units with their ISO 4217 currency; exponents, exact decimals, UI formatting and
// per-currency sums that never mix currencies and never lose a cent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTo, currencyExponent, formatMinor, minorToDecimal, minorToNumber } from '../../lib/money';

/** An independent oracle: the decimal text of minor units, worked in BigInt. */
function bigDecimal(minor: bigint, exponent: number): string {
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  if (!exponent) return `${sign}${abs}`;
  const unit = 10n ** BigInt(exponent);
  return `${sign}${abs / unit}.${String(abs % unit).padStart(exponent, '0')}`;
}

const NNBSP = '\u202f'; // French groups thousands with a narrow no-break space

describe('currencyExponent', () => {
  it.each([['USD', 2], ['EUR', 2], ['GBP', 2], ['JPY', 0], ['KRW', 0], ['BHD', 3], ['KWD', 3], ['CLF', 4]])('%s has %i decimals', (c, e) => {
    expect(currencyExponent(c)).toBe(e);
  });

  it('falls back to 2 for a code Intl cannot use, and asks again with the same answer', () => {
    expect(currencyExponent('US')).toBe(2); // malformed: Intl throws, the fallback answers
    expect(currencyExponent('US')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
  });
});

describe('minorToDecimal', () => {
  it.each([
    [0, 'USD', '0.00'], [5, 'USD', '0.05'], [50, 'USD', '0.50'], [123_456, 'USD', '1234.56'], [1_200_000, 'USD', '12000.00'],
    [-5, 'EUR', '-0.05'], [-123_456, 'EUR', '-1234.56'], [1234, 'JPY', '1234'], [0, 'JPY', '0'], [-7, 'JPY', '-7'],
    [1, 'BHD', '0.001'], [12_345, 'BHD', '12.345'], [Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91'],
  ])('%i %s is %s', (minor, c, text) => {
    expect(minorToDecimal(minor, c)).toBe(text);
  });

  it('is exact for any safe integer (checked against BigInt)', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), fc.constantFrom('USD', 'JPY', 'BHD'), (minor, c) => {
      expect(minorToDecimal(minor, c)).toBe(bigDecimal(BigInt(minor), currencyExponent(c)));
    }), { numRuns: 200 });
  });
});

describe('minorToNumber', () => {
  it('converts to major units by the currency exponent', () => {
    expect(minorToNumber(1234, 'USD')).toBe(12.34);
    expect(minorToNumber(1234, 'JPY')).toBe(1234);
    expect(minorToNumber(1234, 'BHD')).toBe(1.234);
    expect(minorToNumber(-50, 'EUR')).toBe(-0.5);
  });
});

describe('formatMinor', () => {
  it.each([
    [1_200_000, 'USD', 'en-US', '12,000.00 USD'],
    [5, 'USD', 'en-US', '0.05 USD'],
    [100, 'USD', 'en-US', '1.00 USD'],
    [-123_456, 'USD', 'en-US', '-1,234.56 USD'],
    [1234, 'JPY', 'en-US', '1,234 JPY'],
    [1_234_567, 'JPY', 'en-US', '1,234,567 JPY'],
    [12_345, 'BHD', 'en-US', '12.345 BHD'],
    [123_456_789, 'EUR', 'de-DE', '1.234.567,89 EUR'],
    [123_456_789, 'EUR', 'fr-FR', `1${NNBSP}234${NNBSP}567,89 EUR`],
    [1_200_000, 'USD', 'fr', `12${NNBSP}000,00 USD`],
  ])('%i %s in %s is "%s"', (minor, c, locale, text) => {
    expect(formatMinor(minor, c, locale)).toBe(text);
  });

  it('writes the currency code, never a symbol, so two currencies cannot look alike', () => {
    expect(formatMinor(100, 'CAD', 'en-US')).toBe('1.00 CAD');
    expect(formatMinor(100, 'AUD', 'en-US')).toBe('1.00 AUD');
    expect(formatMinor(100, 'USD', 'en-US')).not.toContain('$');
  });

  it('keeps the last cent of the largest amounts (no trip through a float)', () => {
    expect(formatMinor(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('90,071,992,547,409.91 USD');
    expect(formatMinor(Number.MAX_SAFE_INTEGER - 1, 'USD', 'en-US')).toBe('90,071,992,547,409.90 USD');
  });

  it('falls back to the plain decimal when the locale is not one', () => {
    expect(formatMinor(123_456, 'USD', 'not a locale!')).toBe('1234.56 USD');
  });

  it('agrees digit for digit with the exact decimal', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), fc.constantFrom('USD', 'JPY', 'BHD'), (minor, c) => {
      const text = formatMinor(minor, c, 'en-US');
      expect(text.endsWith(` ${c}`)).toBe(true);
      expect(text.slice(0, -4).replace(/,/g, '')).toBe(bigDecimal(BigInt(minor), currencyExponent(c)));
    }), { numRuns: 200 });
  });
});

describe('addTo: totals per currency', () => {
  it('adds per currency and never across currencies', () => {
    const totals: Record<string, number> = {};
    addTo(totals, 'USD', 10);
    addTo(totals, 'JPY', 10);
    addTo(totals, 'USD', 25);
    addTo(totals, 'EUR', -5);
    expect(totals).toEqual({ USD: 35, JPY: 10, EUR: -5 });
  });

  it('never loses a cent: a thousand 0.10 and ten 0.07 are exactly 100.70 (floats would say otherwise)', () => {
    expect(Array.from({ length: 1000 }, () => 0.1).reduce((s, x) => s + x, 0)).not.toBe(100); // why minor units exist
    const totals: Record<string, number> = {};
    for (let i = 0; i < 1000; i++) addTo(totals, 'USD', 10);
    for (let i = 0; i < 10; i++) addTo(totals, 'USD', 7);
    expect(totals.USD).toBe(10_070);
    expect(minorToDecimal(totals.USD, 'USD')).toBe('100.70');
    expect(formatMinor(totals.USD, 'USD', 'en-US')).toBe('100.70 USD');
  });

  it('matches BigInt sums per currency for any list of amounts', () => {
    const entry = fc.tuple(fc.constantFrom('USD', 'EUR', 'JPY', 'BHD'), fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }));
    fc.assert(fc.property(fc.array(entry, { maxLength: 60 }), (entries) => {
      const totals: Record<string, number> = {};
      const oracle = new Map<string, bigint>();
      for (const [c, v] of entries) {
        addTo(totals, c, v);
        oracle.set(c, (oracle.get(c) ?? 0n) + BigInt(v));
      }
      expect(Object.keys(totals).sort()).toEqual([...oracle.keys()].sort());
      for (const [c, sum] of oracle) {
        expect(BigInt(totals[c])).toBe(sum);
        expect(minorToDecimal(totals[c], c)).toBe(bigDecimal(sum, currencyExponent(c)));
      }
    }), { numRuns: 200 });
  });
});
