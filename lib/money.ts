// Money as integer minor units with its ISO 4217 currency: exponents from Intl, formatting for the UI.
const exponents = new Map<string, number>();

/** Digits after the decimal point of a currency (USD 2, JPY 0, BHD 3); 2 for codes Intl does not know. */
export function currencyExponent(currency: string): number {
  let e = exponents.get(currency);
  if (e === undefined) {
    try {
      e = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      e = 2;
    }
    exponents.set(currency, e);
  }
  return e;
}

/** Minor units as a plain decimal string ("1234.50"), exact for any safe integer. */
export function minorToDecimal(minor: number, currency: string): string {
  const e = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(e + 1, '0');
  return e ? `${sign}${digits.slice(0, -e)}.${digits.slice(-e)}` : `${sign}${digits}`;
}

/** The amount in major units as a number: for tie-breaking and ratios only, never for sums. */
export function minorToNumber(minor: number, currency: string): number {
  return minor / 10 ** currencyExponent(currency);
}

// Building an Intl.NumberFormat costs far more than formatting with one: one per locale and exponent.
const formatters = new Map<string, Intl.NumberFormat>();
function formatterOf(locale: string, e: number): Intl.NumberFormat {
  const key = `${locale}|${e}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: e, maximumFractionDigits: e });
    formatters.set(key, f);
  }
  return f;
}

/** "12,000.00 USD" style text in the UI's locale; the code, not a symbol, so currencies never blur. */
export function formatMinor(minor: number, currency: string, locale: string): string {
  const e = currencyExponent(currency);
  let text: string;
  try {
    // The exact decimal string, not minor / 10 ** e: a double loses the last cent above about 2^51 minor units.
    text = formatterOf(locale, e).format(minorToDecimal(minor, currency) as `${number}`);
  } catch {
    text = minorToDecimal(minor, currency);
  }
  return `${text} ${currency}`;
}

/** Adds amounts per currency: a map from currency to minor units, never mixing currencies. */
export function addTo(totals: Record<string, number>, currency: string, minor: number): void {
  totals[currency] = (totals[currency] ?? 0) + minor;
}

/** Amounts per currency, each in its own currency, side by side: never one sum across currencies. */
export function formatAmounts(byCurrency: Record<string, number>, locale: string): string {
  return Object.entries(byCurrency).map(([c, v]) => formatMinor(v, c, locale)).join(' · ');
}
