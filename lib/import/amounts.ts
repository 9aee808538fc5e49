// Amounts as billing systems and spreadsheets write them, into integer minor units with exact string
// arithmetic (the digits are moved, never multiplied as floats: 0.1 + 0.2 style errors cannot appear).
import { currencyExponent } from '../money';
import type { Settings } from '../schema';
import { quoted } from './text';
import type { Parsed } from './values';
import { wording, type Wording } from '../wording';

/** Spaces, no-break and narrow no-break spaces (fr-FR), thin spaces and apostrophes (de-CH) group thousands. */
const GROUPING = /[\s\u00a0\u202f\u2009'\u2019]/g;
const MINUS = /[\u2212\u2012\u2013\u2014\ufe63\uff0d]/g;

const AMOUNT = /^([^\d.,]*)([.,]?\d[\d.,\s\u00a0\u202f\u2009'\u2019]*?)([^\d]*)$/u;

/** The digits and separators of an amount, without grouping spaces; whether spaces grouped its digits. */
function numberPart(number: string) {
  return { s: number.replace(GROUPING, ''), spaceGrouped: /\d[\s\u00a0\u202f\u2009'\u2019]\d/.test(number) };
}

/**
 * What the separators alone say the decimal separator is, without any setting:
 * - both '.' and ',' appear: the last one;
 * - one of them appears several times ("1,234,567"): it groups thousands, so the other one;
 * - it appears once and spaces also group the digits ("1 234,5"): that one;
 * - it appears once followed by anything but exactly three digits ("12,5", "1234.50"): that one;
 * - it appears once followed by exactly three digits ("1,234", "1.234"): 'ambiguous';
 * - none appears: 'none'.
 */
function separatorsSay(s: string, spaceGrouped: boolean): '.' | ',' | 'none' | 'ambiguous' {
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  if (lastDot < 0 && lastComma < 0) return 'none';
  const c = lastDot >= 0 ? '.' : ',';
  if (s.indexOf(c) !== s.lastIndexOf(c)) return c === '.' ? ',' : '.';
  if (spaceGrouped || s.length - s.lastIndexOf(c) - 1 !== 3) return c;
  return 'ambiguous';
}

/**
 * The decimal separator one amount shows beyond doubt ("1,234.50", "12,5", "1.234.567"), or undefined: what a
 * file's other rows say settles its ambiguous ones ("10,000" beside "812.34").
 */
export function decimalEvidence(raw: string): '.' | ',' | undefined {
  const m = raw.length <= 64 ? AMOUNT.exec(raw.trim()) : null;
  if (!m) return undefined;
  const { s, spaceGrouped } = numberPart(m[2]);
  const say = separatorsSay(s, spaceGrouped);
  return say === '.' || say === ',' ? say : undefined;
}

/**
 * "1234.5", "1,234.50", "1 234,50", "1.234,50", "$1,234.50", "1 234,50 €", "EUR 12", "(12.00)", "-12", "12-".
 * The decimal separator is the setting's ('dot' or 'comma'); in 'auto' it is what the separators say (see
 * separatorsSay); a lone separator before exactly three digits ("1,234") groups thousands for a currency
 * without minor units (JPY), and is otherwise ambiguous: the row says to set the number format in the settings
 * (the CSV reader first tries what the file's other amounts show).
 * Thousands groups must be of three digits. More decimals than the currency has (other than trailing
 * zeros) are an error, never rounded. A currency code written beside the amount must be the row's currency.
 */
export function parseAmount(raw: string, currency: string, setting: Settings['decimalSeparator']): Parsed<number> {
  const shown = raw.trim();
  const q = quoted(shown);
  const notAmount = wording('import_not_amount', q);
  const fail = (text: Wording = notAmount, ambiguous?: true): Parsed<number> => ({ ok: false, text, ...(ambiguous && { ambiguous }) });
  if (shown.length > 64) return fail(); // no amount is that long; and the pattern below would take long on it
  const m = AMOUNT.exec(shown.replace(MINUS, '-'));
  if (!m) return fail();
  const [, prefix, number, suffix] = m;
  const affixes = prefix + suffix;
  if (!/^[\s\u00a0\u202f\u2009\-+()\p{Sc}\p{L}.]*$/u.test(affixes)) return fail();
  for (const word of affixes.match(/\p{L}+/gu) ?? []) {
    if (word.length > 3) return fail();
    const code = word.toUpperCase();
    if (code.length === 3 && code !== currency && isCurrencyCode(code)) return fail(wording('import_amount_other_currency', q, code, currency));
  }
  const minus = (affixes.match(/-/g) ?? []).length;
  const parens = prefix.includes('(') && suffix.includes(')');
  if (minus > 1 || (minus && parens) || (!parens && /[()]/.test(affixes))) return fail();
  const negative = minus === 1 || parens;

  const { s, spaceGrouped } = numberPart(number);
  if (!/^[\d.,]+$/.test(s)) return fail();
  const exponent = currencyExponent(currency);
  let decimal: '.' | ',' | undefined;
  if (setting === 'dot') decimal = '.';
  else if (setting === 'comma') decimal = ',';
  else {
    const say = separatorsSay(s, spaceGrouped);
    if (say === 'ambiguous') {
      const c = s.includes('.') ? '.' : ',';
      if (exponent !== 0) return fail(wording('import_amount_ambiguous', q, s.replace(c, ''), s.replace(c, '.')), true);
      decimal = c === '.' ? ',' : '.';
    } else decimal = say === 'none' ? undefined : say;
  }
  const thousands = decimal === ',' ? '.' : ',';
  const parts = decimal ? s.split(decimal) : [s];
  if (parts.length > 2) return fail();
  const [whole, fraction = ''] = parts;
  if (!/^\d*$/.test(fraction)) return fail(wording('import_amount_separator', q, `'${decimal}'`));
  if (whole.includes(thousands) && !new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+$`).test(whole)) {
    return decimal && setting !== 'auto'
      ? fail(wording('import_amount_separator', q, `'${decimal}'`))
      : fail();
  }
  const digitsWhole = whole.split(thousands).join('');
  if (!digitsWhole && !fraction) return fail();
  const frac = fraction.replace(/0+$/, '');
  if (frac.length > exponent) return fail(wording('import_amount_decimals', q, currency, exponent));
  const digits = ((digitsWhole || '0') + frac.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  if (BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER)) return fail(wording('import_too_large', q));
  const minor = Number(digits);
  return { ok: true, value: negative && minor !== 0 ? -minor : minor };
}

/** Codes Intl formats (every current ISO 4217 currency) and the fund codes it leaves out. */
let known: Set<string> | null | undefined; // null: this engine cannot list them, any well-formed code passes
export function isCurrencyCode(code: string): boolean {
  if (known === undefined) {
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
    known = supported ? new Set([...supported('currency'), 'BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW', 'VED']) : null;
  }
  return known ? known.has(code) : /^[A-Z]{3}$/.test(code);
}

/** An ISO 4217 code, upper-cased ("usd" -> "USD"); an unknown code ("ABC") is refused. */
export function parseCurrency(raw: string): Parsed<string> {
  const s = raw.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(s) && isCurrencyCode(s) ? { ok: true, value: s } : { ok: false, text: wording('import_not_currency', quoted(raw)) };
}

const JSON_NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * An amount from Microsoft's JSON (usage summaries, budgets): an estimate, often unrounded
 * (`28.82860766744404945074`), rounded half-even to the currency's minor unit. Worked out on the number's
 * text as the file writes it (exponents too: `1e-7`, `2.5E+3`), never through binary floating point.
 */
export function roundJsonAmount(raw: string, currency: string): Parsed<number> {
  const m = JSON_NUMBER.exec(raw.trim());
  if (!m) return { ok: false, text: wording('import_not_number', quoted(raw)) };
  const [, sign, whole, fraction = '', exp = '0'] = m;
  const e = Number(exp);
  const digits = BigInt(whole + fraction);
  // value = digits × 10^(e − fraction.length); in minor units, × 10^exponent as well.
  const shift = e - fraction.length + currencyExponent(currency);
  let minor: bigint;
  if (digits === 0n) minor = 0n;
  else if (shift >= 0) {
    if (shift > 20) return { ok: false, text: wording('import_too_large', quoted(raw)) };
    minor = digits * 10n ** BigInt(shift);
  } else if (-shift > whole.length + fraction.length + 1) minor = 0n; // under half a minor unit
  else {
    const d = 10n ** BigInt(-shift);
    const [q, r] = [digits / d, digits % d];
    minor = 2n * r > d || (2n * r === d && q % 2n === 1n) ? q + 1n : q;
  }
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, text: wording('import_too_large', quoted(raw)) };
  const n = Number(minor);
  return { ok: true, value: sign && n !== 0 ? -n : n };
}
