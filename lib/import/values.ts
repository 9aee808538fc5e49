// Cell values as partners' files write them: dates, yes/no, payment instruments, admin access, GUIDs.
// Each parser returns the value or a reason as a wording; the caller names the line and the column.
import type { Settings } from '../schema';
import { quoted } from './text';
import { wording, type Wording } from '../wording';

export { parseAmount, parseCurrency } from './amounts';
export { parseCountry } from './countries';

/** `text`: why the value cannot be read, a wording the views say in the user's language. */
/** `ambiguous`: the value could be read two ways and a setting would decide ("1,234", "03/04/2026"). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; text: Wording; ambiguous?: true };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(text: Wording): Parsed<T> => ({ ok: false, text });

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A calendar date, `YYYY-MM-DD`:
 * - ISO dates, and ISO date-times whose date part is kept as written (`2026-03-04T22:10:00-05:00` is the 4th);
 * - `YYYY/MM/DD` and `YYYY.MM.DD`;
 * - `MM/DD/YYYY` or `DD/MM/YYYY` (also with `.` or `-`, one-digit parts, and a time after it): read by the
 *   setting 'mdy' or 'dmy'; in 'auto' only when one reading is possible (a part over 12, or both parts equal),
 *   otherwise the row says to set the date format in the settings.
 * A date that does not exist (2026-02-30, 2027-02-29) is an error whatever the format.
 */
export function parseDate(raw: string, order: Settings['dateOrder']): Parsed<string> {
  const s = raw.trim();
  const real = (y: number, mo: number, d: number) =>
    validDate(y, mo, d) ? ok(`${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}`) : fail<string>(wording('import_not_real_date', quoted(s)));
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(s)
    ?? /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return real(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$/i.exec(s);
  if (!m) return fail(wording('import_not_date', quoted(s)));
  const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if (order !== 'auto') {
    const [month, day] = order === 'mdy' ? [a, b] : [b, a];
    if (validDate(y, month, day)) return real(y, month, day);
    const other = validDate(y, day, month);
    return fail(other ? wording(order === 'mdy' ? 'import_not_real_date_mdy' : 'import_not_real_date_dmy', quoted(s)) : wording('import_not_real_date', quoted(s)));
  }
  if (a > 12 && b <= 12) return real(y, b, a);
  if ((b > 12 && a <= 12) || a === b) return real(y, a, b);
  if (a > 12 && b > 12) return fail(wording('import_not_real_date', quoted(s)));
  return { ok: false, text: wording('import_date_ambiguous', quoted(s)), ambiguous: true };
}

export function parseBool(raw: string): Parsed<boolean> {
  const s = words(raw);
  if (['yes', 'y', 'true', '1', 'oui', 'x'].includes(s)) return ok(true);
  if (['no', 'n', 'false', '0', 'non'].includes(s)) return ok(false);
  return fail(wording('import_not_yes_no', quoted(raw)));
}

/**
 * An invoice's status as billing systems export it: whether it says the invoice was written off as a bad debt
 * (Stripe's `uncollectible`, "written off", "bad debt", French "passée en perte", "irrécouvrable"). Any other
 * status (open, paid, overdue, void, …) is read as not written off: statuses vary too much to refuse them.
 */
export function parseInvoiceStatus(raw: string): Parsed<boolean> {
  return ok(WRITTEN_OFF.has(words(raw)));
}
const WRITTEN_OFF = new Set([
  'written off', 'write off', 'writeoff', 'writtenoff', 'written off bad debt', 'bad debt', 'uncollectible', 'irrecoverable', 'uncollectable',
  'passe en perte', 'passee en perte', 'passe en pertes', 'passee en pertes', 'en perte', 'irrecouvrable', 'creance irrecouvrable', 'creance douteuse irrecouvrable',
]);

const words = (s: string) => s.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s_\-/]+/g, ' ');

type Instrument = 'invoice' | 'bank_transfer' | 'direct_debit' | 'card' | 'prepaid_card' | 'unknown';
/** What billing systems call each instrument, matched without case, accents or `_ - /`. */
const INSTRUMENTS = new Map<string, Instrument>(
  Object.entries({
    prepaid_card: ['prepaid card', 'prepaid', 'prepaid credit card', 'prepaid debit card', 'stored value card', 'stored value', 'gift card', 'virtual prepaid card', 'carte prepayee'],
    card: ['card', 'credit card', 'debit card', 'cc', 'visa', 'mastercard', 'master card', 'amex', 'american express', 'carte', 'carte bancaire', 'carte de credit', 'cb'],
    bank_transfer: ['bank transfer', 'wire', 'wire transfer', 'bank wire', 'transfer', 'credit transfer', 'sepa credit transfer', 'sepa transfer', 'eft', 'virement', 'virement bancaire'],
    direct_debit: ['direct debit', 'sepa', 'sepa direct debit', 'sepa dd', 'dd', 'ach', 'ach debit', 'bacs', 'prelevement', 'prelevement sepa'],
    invoice: ['invoice', 'on invoice', 'pay by invoice', 'on account', 'facture'],
    unknown: ['unknown', 'n a', 'na', 'inconnu'],
  } satisfies Record<Instrument, string[]>).flatMap(([v, names]) => names.map((n) => [n, v as Instrument])),
);

/** A payment instrument; "Prepaid card" is a stored-value card (the risk), not a pre-payment received. */
export function parseInstrument(raw: string): Parsed<Instrument> {
  const v = INSTRUMENTS.get(words(raw));
  return v ? ok(v) : fail(wording('import_not_instrument', quoted(raw)));
}

export function parseAdminAccess(raw: string): Parsed<'none' | 'limited' | 'full'> {
  const s = words(raw);
  if (['none', 'no', 'aucun', 'aucune'].includes(s)) return ok('none');
  if (['limited', 'partial', 'granular', 'gdap', 'limite', 'limitee'].includes(s)) return ok('limited');
  if (['full', 'global admin', 'global administrator', 'admin', 'complet', 'complete', 'dap'].includes(s)) return ok('full');
  return fail(wording('import_not_admin_access', quoted(raw)));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function parseGuid(raw: string): Parsed<string> {
  const s = raw.trim().replace(/^\{(.*)\}$/, '$1');
  return GUID.test(s) ? ok(s.toLowerCase()) : fail(wording('import_not_guid', quoted(raw)));
}
