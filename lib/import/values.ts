// Cell values as partners' files write them: dates, amounts, yes/no, countries, payment instruments.
// Each parser returns the value or a reason in words; the caller names the line and the column.
import { currencyExponent } from '../money';
import type { Settings } from '../schema';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * ISO dates (2026-03-04, or a date-time, whose date part is kept), and 03/04/2026 style dates: read as
 * month/day or day/month by the setting, or in 'auto' when only one reading is possible (a part over 12).
 */
export function parseDate(raw: string, order: Settings['dateOrder']): Parsed<string> {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? ok(`${m[1]}-${m[2]}-${m[3]}`) : fail(`'${s}' is not a real date`);
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return fail(`'${s}' is not a date (use YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY)`);
  const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let month: number;
  let day: number;
  if (order === 'mdy') [month, day] = [a, b];
  else if (order === 'dmy') [month, day] = [b, a];
  else if (a > 12 && b <= 12) [month, day] = [b, a];
  else if (b > 12 && a <= 12) [month, day] = [a, b];
  else if (a === b) [month, day] = [a, b];
  else return fail(`'${s}' could be month/day or day/month: set the date format in the settings`);
  return validDate(y, month, day) ? ok(`${y}-${pad(month)}-${pad(day)}`) : fail(`'${s}' is not a real date`);
}

/**
 * An amount in minor units of its currency, with exact decimal arithmetic: "1234.5", "1,234.50",
 * "1 234,50", "1.234,50", "$1,234.50", "(12.00)", "-12". In 'auto', when both separators appear the last one
 * is the decimal point; a lone separator followed by exactly three digits ("1,234") is ambiguous unless the
 * currency has no minor unit or the separator repeats ("1,234,567").
 */
export function parseAmount(raw: string, currency: string, sep: Settings['decimalSeparator']): Parsed<number> {
  let s = raw.trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1); }
  // Currency symbols and codes, spaces of every kind (thousands in fr-FR use U+202F).
  s = s.replace(/[A-Za-z]{3}/g, '').replace(/[$€£¥₹₩₽₺₫₪₦₱฿₴₭₡₲₵₸₼₾\u00a4]/g, '').replace(/[\s\u00a0\u202f\u2009']/g, '');
  if (s.startsWith('-')) { negative = !negative; s = s.slice(1); } else if (s.startsWith('+')) s = s.slice(1);
  if (s.endsWith('-')) { negative = !negative; s = s.slice(0, -1); }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return fail(`'${raw.trim()}' is not an amount`);
  const exponent = currencyExponent(currency);
  let decimal: '.' | ',' | undefined;
  if (sep === 'dot') decimal = '.';
  else if (sep === 'comma') decimal = ',';
  else {
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
    else if (lastDot >= 0 || lastComma >= 0) {
      const c = lastDot >= 0 ? '.' : ',';
      const count = s.split(c).length - 1;
      const after = s.length - s.lastIndexOf(c) - 1;
      if (count > 1) decimal = c === '.' ? ',' : '.'; // repeated: thousands separators
      else if (after !== 3) decimal = c;
      else if (exponent === 0) decimal = c === '.' ? ',' : '.';
      else return fail(`'${raw.trim()}' could be ${s.replace(c, '')} or ${s.replace(c, '.')}: set the number format in the settings`);
    }
  }
  const thousands = decimal === '.' ? ',' : '.';
  const [whole, fraction = '', extra] = s.split(thousands).join('').split(decimal ?? '\u0000');
  if (extra !== undefined || whole === '' && fraction === '') return fail(`'${raw.trim()}' is not an amount`);
  const frac = fraction.replace(/0+$/, '');
  if (frac.length > exponent) return fail(`'${raw.trim()}' has more decimals than ${currency} allows (${exponent})`);
  const digits = (whole || '0') + frac.padEnd(exponent, '0');
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) return fail(`'${raw.trim()}' is too large`);
  return ok(negative && minor !== 0 ? -minor : minor);
}

export function parseBool(raw: string): Parsed<boolean> {
  const s = raw.trim().toLowerCase();
  if (['yes', 'y', 'true', '1', 'oui', 'x'].includes(s)) return ok(true);
  if (['no', 'n', 'false', '0', 'non'].includes(s)) return ok(false);
  return fail(`'${raw.trim()}' is not yes or no`);
}

let countryNames: Map<string, string> | undefined;
/** English country names to ISO 3166-1 alpha-2, built from Intl (every region code AA..ZZ it knows). */
function countries(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map();
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const A = 65;
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      const name = names.of(code);
      if (name && name !== code && !countryNames.has(norm(name))) countryNames.set(norm(name), code);
    }
  }
  for (const [alias, code] of Object.entries({ usa: 'US', unitedstatesofamerica: 'US', uk: 'GB', greatbritain: 'GB', england: 'GB', southkorea: 'KR', northkorea: 'KP', russia: 'RU', vietnam: 'VN', ivorycoast: 'CI', czechia: 'CZ', turkey: 'TR', burma: 'MM' })) {
    countryNames.set(alias, code);
  }
  return countryNames;
}
const norm = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '');

export function parseCountry(raw: string): Parsed<string> {
  const s = raw.trim();
  if (/^[A-Za-z]{2}$/.test(s)) {
    const code = s.toUpperCase();
    const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
    return name && name !== code ? ok(code) : fail(`'${s}' is not a country code`);
  }
  const code = countries().get(norm(s));
  return code ? ok(code) : fail(`'${s}' is not a country (use an ISO code such as FR or an English name)`);
}

const INSTRUMENTS: Array<[RegExp, 'invoice' | 'bank_transfer' | 'direct_debit' | 'card' | 'prepaid_card' | 'unknown']> = [
  [/^(prepaid|prepaid[ _-]?card|stored[ -]?value([ _-]?card)?|gift[ _-]?card|carte prépayée)$/i, 'prepaid_card'],
  [/^(card|credit[ _-]?card|debit[ _-]?card|cc|visa|mastercard|amex|carte( bancaire)?|carte de crédit)$/i, 'card'],
  [/^(bank[ _-]?transfer|wire( transfer)?|transfer|virement( bancaire)?)$/i, 'bank_transfer'],
  [/^(direct[ _-]?debit|sepa( direct debit)?|ach|prélèvement)$/i, 'direct_debit'],
  [/^(invoice|on[ _-]?invoice|facture)$/i, 'invoice'],
  [/^(unknown|n\/a|inconnu)$/i, 'unknown'],
];

export function parseInstrument(raw: string): Parsed<(typeof INSTRUMENTS)[number][1]> {
  const s = raw.trim();
  for (const [re, v] of INSTRUMENTS) if (re.test(s)) return ok(v);
  return fail(`'${s}' is not a payment instrument (invoice, bank transfer, direct debit, card, prepaid card)`);
}

export function parseAdminAccess(raw: string): Parsed<'none' | 'limited' | 'full'> {
  const s = raw.trim().toLowerCase();
  if (['none', 'no', 'aucun', 'aucune'].includes(s)) return ok('none');
  if (['limited', 'partial', 'granular', 'gdap', 'limité', 'limitée'].includes(s)) return ok('limited');
  if (['full', 'global admin', 'global administrator', 'admin', 'complet', 'complète', 'dap'].includes(s)) return ok('full');
  return fail(`'${raw.trim()}' is not an admin access (none, limited, full)`);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function parseGuid(raw: string): Parsed<string> {
  const s = raw.trim().replace(/^\{(.*)\}$/, '$1');
  return GUID.test(s) ? ok(s.toLowerCase()) : fail(`'${raw.trim()}' is not a GUID`);
}

const currencies = new Map<string, boolean>();
export function parseCurrency(raw: string): Parsed<string> {
  const s = raw.trim().toUpperCase();
  let valid = currencies.get(s);
  if (valid === undefined) {
    // Building an Intl formatter is slow: each code is checked once.
    valid = /^[A-Z]{3}$/.test(s);
    if (valid) {
      try { new Intl.NumberFormat('en', { style: 'currency', currency: s }); } catch { valid = false; }
    }
    currencies.set(s, valid);
  }
  return valid ? ok(s) : fail(`'${raw.trim()}' is not an ISO 4217 currency code`);
}
