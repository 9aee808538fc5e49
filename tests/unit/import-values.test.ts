// Cell values as partners write them: dates, amounts in exact minor units, countries, instruments, currencies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../lib/import/amounts';
import { parseCountry } from '../../lib/import/countries';
import { ISO_3166 } from '../../lib/import/countries-data';
import { headerDelimiter } from '../../lib/import/csv';
import { parseAdminAccess, parseBool, parseCurrency, parseDate, parseGuid, parseInstrument, type Parsed } from '../../lib/import/values';
import { english } from './english';

const value = <T>(r: Parsed<T>) => (r.ok ? r.value : `error: ${english(r.text)}`);

describe('dates', () => {
  it.each([
    ['2026-03-04', '2026-03-04'],
    ['2026-03-04T22:10:00Z', '2026-03-04'],
    ['2026-03-04T23:30:00.1234567-05:00', '2026-03-04'], // the date as written, not moved to UTC
    ['2026-03-04 08:00', '2026-03-04'],
    ['2026/03/04', '2026-03-04'],
    ['13/04/2026', '2026-04-13'],
    ['04/13/2026', '2026-04-13'],
    ['4/13/2026 10:00:00 AM', '2026-04-13'],
    ['31.12.2026', '2026-12-31'],
    ['05/05/2026', '2026-05-05'],
    ['2028-02-29', '2028-02-29'],
    ['29/02/2028', '2028-02-29'],
  ])('%s is %s with the date format on auto', (raw, want) => {
    expect(value(parseDate(raw, 'auto'))).toBe(want);
  });

  it('reads an ambiguous date by the setting, and without one says to set it', () => {
    expect(value(parseDate('03/04/2026', 'mdy'))).toBe('2026-03-04');
    expect(value(parseDate('03/04/2026', 'dmy'))).toBe('2026-04-03');
    expect(value(parseDate('03/04/2026', 'auto'))).toBe("error: '03/04/2026' could be month/day or day/month: set the date format in the settings");
  });

  it('still reads unambiguous and ISO dates the same whatever the setting', () => {
    for (const order of ['auto', 'mdy', 'dmy'] as const) expect(value(parseDate('2026-11-25', order))).toBe('2026-11-25');
  });

  it('refuses dates that do not exist, in every format', () => {
    expect(value(parseDate('2027-02-29', 'auto'))).toBe("error: '2027-02-29' is not a real date");
    expect(value(parseDate('2026-02-30', 'auto'))).toMatch(/not a real date/);
    expect(value(parseDate('29/02/2027', 'auto'))).toMatch(/not a real date/);
    expect(value(parseDate('2026-13-01', 'auto'))).toMatch(/not a real date/);
    expect(value(parseDate('31/31/2026', 'auto'))).toMatch(/not a real date/);
    expect(value(parseDate('2026-04-31T10:00:00Z', 'auto'))).toMatch(/not a real date/);
  });

  it('says when the date format setting is what makes a date impossible', () => {
    expect(value(parseDate('13/04/2026', 'mdy'))).toBe("error: '13/04/2026' is not a real date read as month/day (the date format set in the settings)");
    expect(value(parseDate('04/13/2026', 'dmy'))).toMatch(/read as day\/month/);
  });

  it.each(['yesterday', '2026-3-4', '03/04/26', '20260304', '', '2026-03-04T25'])('refuses %j as no date at all', (raw) => {
    expect(value(parseDate(raw, 'auto'))).toMatch(/^error: .* is not a date \(use YYYY-MM-DD, MM\/DD\/YYYY or DD\/MM\/YYYY\)$/);
  });
});

describe('amounts in integer minor units', () => {
  it.each([
    ['1234.5', 'USD', 123450],
    ['1,234.50', 'USD', 123450],
    ['1 234,50', 'EUR', 123450],
    ['1.234,50', 'EUR', 123450],
    ['1\u00a0234,50\u00a0€', 'EUR', 123450],
    ['1\u202f234,50 €', 'EUR', 123450],
    ["1'234.50 CHF", 'CHF', 123450],
    ['$1,234,567', 'USD', 123456700],
    ['1.234.567,89', 'EUR', 123456789],
    ['USD 99.99', 'USD', 9999],
    ['99.99 usd', 'USD', 9999],
    ['US$ 12', 'USD', 1200],
    ['£0.5', 'GBP', 50],
    ['.5', 'USD', 50],
    ['-12.00', 'USD', -1200],
    ['\u221212.00', 'USD', -1200],
    ['-$12.00', 'USD', -1200],
    ['$-12.00', 'USD', -1200],
    ['12.00-', 'USD', -1200],
    ['(12.00)', 'USD', -1200],
    ['($1,234.56)', 'USD', -123456],
    ['-0.00', 'USD', 0],
    ['+7', 'USD', 700],
    ['0.10', 'USD', 10],
    ['1.50', 'USD', 150],
    ['1.500,00', 'EUR', 150000],
    ['12,5', 'EUR', 1250],
    ['1234', 'JPY', 1234],
    ['¥1,234', 'JPY', 1234],
    ['1.234', 'JPY', 1234],
    ['1,234,567', 'JPY', 1234567],
    ['12.345', 'BHD', 12345], // three decimals in BHD, read per the rule below only when not ambiguous
    ['90071992547409.91', 'USD', 9007199254740991],
  ] as const)('%s %s is %i', (raw, currency, want) => {
    const setting = raw === '12.345' ? 'dot' : 'auto';
    expect(value(parseAmount(raw, currency, setting))).toBe(want);
  });

  it('moves digits instead of multiplying floats: no 0.1 + 0.2 errors, exact to the cent', () => {
    expect(value(parseAmount('0.29', 'USD', 'auto'))).toBe(29); // 0.29 * 100 is 28.999999999999996
    expect(value(parseAmount('1.13', 'USD', 'auto'))).toBe(113); // 1.13 * 100 is 112.99999999999999
    expect(value(parseAmount('4,35', 'EUR', 'comma'))).toBe(435); // 4.35 * 100 is 434.99999999999994
    expect(Number(value(parseAmount('0.1', 'USD', 'auto'))) + Number(value(parseAmount('0.2', 'USD', 'auto')))).toBe(30);
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
      const text = `${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
      expect(value(parseAmount(text, 'USD', 'auto'))).toBe(whole * 100 + cents);
      const fr = `${whole.toLocaleString('fr-FR')},${String(cents).padStart(2, '0')}`;
      expect(value(parseAmount(fr, 'EUR', 'auto'))).toBe(whole * 100 + cents);
    }), { numRuns: 300 });
  });

  it('follows the number format setting when it is set', () => {
    expect(value(parseAmount('1,234', 'USD', 'dot'))).toBe(123400);
    expect(value(parseAmount('1.234', 'EUR', 'comma'))).toBe(123400);
    expect(value(parseAmount('1,5', 'EUR', 'comma'))).toBe(150);
    expect(value(parseAmount('1 234,50', 'EUR', 'comma'))).toBe(123450);
    expect(value(parseAmount('1 234,50', 'EUR', 'dot'))).toMatch(/not an amount written with '\.' as the decimal separator/);
    expect(value(parseAmount('1,5', 'EUR', 'dot'))).toMatch(/not an amount written with '\.'/);
    expect(value(parseAmount('1.234,50', 'EUR', 'dot'))).toMatch(/not an amount written with '\.'/);
  });

  it('calls a lone separator before exactly three digits ambiguous on auto, except where the currency has no minor unit', () => {
    expect(value(parseAmount('1,234', 'USD', 'auto'))).toBe("error: '1,234' could be 1234 or 1.234: set the number format in the settings");
    expect(value(parseAmount('12.345', 'EUR', 'auto'))).toMatch(/could be 12345 or 12.345: set the number format/);
    expect(value(parseAmount('1,234', 'JPY', 'auto'))).toBe(1234);
    // Digits grouped by spaces show the separator is the decimal one.
    expect(value(parseAmount('1 234,500', 'BHD', 'auto'))).toBe(1234500);
  });

  it.each([
    ['10.1234', 'EUR', /has more decimals than EUR allows \(2\)/],
    ['1.5', 'JPY', /has more decimals than JPY allows \(0\)/],
    ['12.3456', 'BHD', /more decimals than BHD allows \(3\)/],
    ['abc', 'USD', /is not an amount/],
    ['', 'USD', /is not an amount/],
    ['12 dollars', 'USD', /is not an amount/],
    ['1.2.3,4,5', 'USD', /is not an amount/],
    ['12,34,5.00', 'USD', /is not an amount/], // thousands groups are three digits
    ['1e5', 'USD', /is not an amount/],
    ['--12', 'USD', /is not an amount/],
    ['-(12)', 'USD', /is not an amount/],
    ['(12', 'USD', /is not an amount/],
    ['1-2', 'USD', /is not an amount/],
    ['EUR 12.00', 'USD', /is in EUR, not USD/],
    ['99999999999999999', 'USD', /is too large/],
  ] as const)('refuses %j in %s', (raw, currency, why) => {
    expect(value(parseAmount(raw, currency, 'auto'))).toMatch(why);
  });

  it('refuses a damaged megabyte-long cell at once, quoting only its start', () => {
    const cell = `1${' '.repeat(1_000_000)}x1`;
    // A backtracking read of a megabyte would take minutes, past this test's timeout; its speed: `npm run bench -- csv`.
    const r = value(parseAmount(cell, 'USD', 'auto'));
    expect(r).toBe(`error: '1${' '.repeat(59)}…' is not an amount`);
    expect(value(parseDate(cell, 'auto'))).toMatch(/^error: '1 +…' is not a date/);
  });

  it('keeps trailing zeros beyond the currency exponent, which change nothing', () => {
    expect(value(parseAmount('12.500', 'USD', 'dot'))).toBe(1250);
    expect(value(parseAmount('7,000', 'JPY', 'comma'))).toBe(7);
  });
});

describe('countries', () => {
  it.each([
    ['FR', 'FR'], ['fr', 'FR'], ['FRA', 'FR'], ['deu', 'DE'], ['France', 'FR'], ['  germany ', 'DE'], ['United States', 'US'],
    ['United States of America', 'US'], ['USA', 'US'], ['UK', 'GB'], ['United Kingdom', 'GB'], ['Viet Nam', 'VN'], ['Vietnam', 'VN'],
    ["Côte d'Ivoire", 'CI'], ['Cote d’Ivoire', 'CI'], ['Ivory Coast', 'CI'], ['Korea, Republic of', 'KR'], ['South Korea', 'KR'],
    ['Republic of Korea', 'KR'], ['North Korea', 'KP'], ["Korea, Democratic People's Republic of", 'KP'], ['Myanmar', 'MM'], ['Burma', 'MM'],
    ['Türkiye', 'TR'], ['Turkey', 'TR'], ['Czech Republic', 'CZ'], ['Czechia', 'CZ'], ['Congo - Kinshasa', 'CD'],
    ['Democratic Republic of the Congo', 'CD'], ['Congo', 'CG'], ['Bosnia & Herzegovina', 'BA'], ['St. Kitts & Nevis', 'KN'],
    ['Saint Kitts and Nevis', 'KN'], ['Hong Kong', 'HK'], ['Iran', 'IR'], ['Iran, Islamic Republic of', 'IR'], ['The Netherlands', 'NL'],
    ['Netherlands', 'NL'], ['Kosovo', 'XK'], ['XK', 'XK'], ['Bolivia', 'BO'], ['Russia', 'RU'], ['Russian Federation', 'RU'], ['Syria', 'SY'],
  ])('%s is %s', (raw, code) => {
    expect(value(parseCountry(raw))).toBe(code);
  });

  it('knows every country ISO 3166-1 lists, by alpha-2, alpha-3 and English name', () => {
    const lines = ISO_3166.trim().split('\n');
    expect(lines).toHaveLength(249);
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const line of lines) {
      const [a2, a3, name] = line.split('|');
      expect(value(parseCountry(a2))).toBe(a2);
      expect(value(parseCountry(a3))).toBe(a2);
      expect(value(parseCountry(name))).toBe(a2);
      const cldr = names.of(a2);
      if (cldr && cldr !== a2) expect(value(parseCountry(cldr)), cldr).toBe(a2);
    }
  });

  it.each(['EU', 'ZZ', 'Atlantis', 'XYZ', 'Europe', ''])('refuses %j, which is no country', (raw) => {
    expect(value(parseCountry(raw))).toMatch(/is not a country \(use an ISO code such as FR or an English name such as France\)/);
  });
});

describe('other cells', () => {
  it.each([
    ['Prepaid card', 'prepaid_card'], ['PREPAID CARD', 'prepaid_card'], ['prepaid_card', 'prepaid_card'], ['Stored-value card', 'prepaid_card'],
    ['Gift card', 'prepaid_card'], ['Credit card', 'card'], ['credit-card', 'card'], ['Debit card', 'card'], ['Visa', 'card'], ['Card', 'card'],
    ['Bank transfer', 'bank_transfer'], ['Wire', 'bank_transfer'], ['Wire transfer', 'bank_transfer'], ['Direct debit', 'direct_debit'],
    ['SEPA', 'direct_debit'], ['SEPA Direct Debit', 'direct_debit'], ['ACH', 'direct_debit'], ['Invoice', 'invoice'], ['invoice', 'invoice'],
    ['Prélèvement', 'direct_debit'], ['Virement', 'bank_transfer'], ['Unknown', 'unknown'],
  ])('payment instrument %j is %s', (raw, want) => {
    expect(value(parseInstrument(raw))).toBe(want);
  });

  it('refuses a payment instrument it does not know, listing the ones it does', () => {
    expect(value(parseInstrument('Bitcoin'))).toBe("error: 'Bitcoin' is not a payment instrument (invoice, bank transfer, direct debit, card, prepaid card)");
  });

  it.each([['yes', true], ['Yes', true], ['TRUE', true], ['1', true], ['y', true], ['oui', true], ['no', false], ['False', false], ['0', false], ['N', false], ['non', false]] as const)(
    'pre-payment received %j is %s', (raw, want) => {
      expect(value(parseBool(raw))).toBe(want);
    });

  it('refuses a pre-payment value that is neither yes nor no', () => {
    expect(value(parseBool('maybe'))).toBe("error: 'maybe' is not yes or no");
  });

  it.each([['Full', 'full'], ['global admin', 'full'], ['Limited', 'limited'], ['GDAP', 'limited'], ['None', 'none']] as const)('admin access %j is %s', (raw, want) => {
    expect(value(parseAdminAccess(raw))).toBe(want);
  });

  it('stores GUIDs lower case, with or without braces, and names a bad one', () => {
    expect(value(parseGuid('3F2504E0-4F89-41D3-9A0C-0305E82C3301'))).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
    expect(value(parseGuid('{3F2504E0-4F89-41D3-9A0C-0305E82C3301}'))).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
    expect(value(parseGuid('not-a-guid'))).toBe("error: 'not-a-guid' is not a GUID");
  });

  it('upper-cases ISO 4217 codes and refuses codes that are none', () => {
    expect(value(parseCurrency(' usd '))).toBe('USD');
    expect(value(parseCurrency('JPY'))).toBe('JPY');
    expect(value(parseCurrency('ABC'))).toBe("error: 'ABC' is not an ISO 4217 currency code");
    expect(value(parseCurrency('$'))).toMatch(/not an ISO 4217 currency code/);
  });

  it('takes the delimiter from the header row, whatever commas the amounts hold', () => {
    expect(headerDelimiter('Customer ID;Amount;Currency\nx;1,50;EUR')).toBe(';');
    expect(headerDelimiter('Customer ID\tAmount\n')).toBe('\t');
    expect(headerDelimiter('"Company; name",Customer ID\n')).toBe(',');
    expect(headerDelimiter('Customer ID\n')).toBeUndefined();
  });
});
