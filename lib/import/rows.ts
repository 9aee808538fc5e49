// One CSV row into one record of its kind, or the reasons it cannot be, naming the columns as the file does.
import { Customer, Invoice, Spending, Subscription, SubscriptionStatus } from '../schema';
import { columnName, MONEY, type CsvKind } from './fields';
import { parseAdminAccess, parseAmount, parseBool, parseCountry, parseCurrency, parseDate, parseGuid, parseInstrument, type Parsed } from './values';
import type { ParseContext } from './types';
import { quoted } from './text';
import { wording, type Wording } from '../wording';

export interface RowInput {
  kind: CsvKind;
  headers: string[];
  map: Record<string, number>;
  ctx: ParseContext;
  /** Date columns whose order the file itself settled (lib/import/date-columns.ts): they win over the setting. */
  dateOrders?: Record<string, 'mdy' | 'dmy'>;
}

type Record_ = Customer | Invoice | Spending | Subscription;
/** `asOf`: an invoices row's report date, when the file has that column. `texts`: the problems as wordings, in order. */
export type RowResult = { ok: true; record: Record_; asOf?: string } | { ok: false; problems: string[]; texts: Wording[]; ambiguousAmount?: boolean };

export function convertRow(cells: string[], r: RowInput): RowResult {
  const problems: string[] = [];
  const texts: Wording[] = [];
  const problem = (message: string, text: Wording) => { problems.push(message); texts.push(text); };
  let ambiguousAmount = false;
  const col = (f: string) => columnName(r.kind, f, r.headers, r.map);
  const cell = (f: string) => (f in r.map ? (cells[r.map[f]] ?? '').trim() : '');
  /** Reads an optional cell with a parser: empty is absent; a bad value is a problem naming the column. */
  const opt = <T>(f: string, parse: (s: string) => Parsed<T>): T | undefined => {
    const s = cell(f);
    if (!s) return undefined;
    const p = parse(s);
    if (p.ok) return p.value;
    if (p.ambiguous && MONEY[r.kind].includes(f)) ambiguousAmount = true;
    problem(`${col(f)} ${p.error}`, wording('import_field_problem', col(f), p.text));
    return undefined;
  };
  const req = <T>(f: string, parse: (s: string) => Parsed<T>): T | undefined => {
    if (!cell(f)) {
      problem(`${col(f)} is empty`, wording('import_field_empty', col(f)));
      return undefined;
    }
    return opt(f, parse);
  };
  const text = (s: string): Parsed<string> => ({ ok: true, value: s });
  const { dateOrder, decimalSeparator } = r.ctx.settings;
  const dateIn = (f: string) => (s: string) => parseDate(s, r.dateOrders?.[f] ?? dateOrder);
  /** Amounts of a row are read in its currency; without one they cannot be read at all. */
  const moneyIn = (currency: string | undefined) => (s: string): Parsed<number> =>
    (currency ? parseAmount(s, currency, decimalSeparator) : { ok: false, error: 'cannot be read without a currency', text: wording('import_amount_no_currency') });

  let record: Record<string, unknown>;
  let asOf: string | undefined;
  switch (r.kind) {
    case 'customers':
      record = {
        tenantId: req('tenantId', parseGuid), name: req('name', text), domain: opt('domain', (s) => text(s.toLowerCase())),
        country: opt('country', parseCountry), paymentInstrument: opt('paymentInstrument', parseInstrument), prepaid: opt('prepaid', parseBool),
        adminAccess: opt('adminAccess', parseAdminAccess), createdOn: opt('createdOn', dateIn('createdOn')), firstPaymentOn: opt('firstPaymentOn', dateIn('firstPaymentOn')),
        relationship: opt('relationship', text), tags: opt('tags', text), origin: 'import', updatedAt: r.ctx.now,
      };
      break;
    case 'invoices': {
      let tenantId = opt('tenantId', parseGuid);
      if (!tenantId && !cell('tenantId')) {
        const domain = cell('domain').toLowerCase();
        if (!domain) {
          const empty = 'tenantId' in r.map ? col('tenantId') : col('domain');
          problem(`names no customer: ${empty} is empty`, wording('import_no_customer', empty));
        }
        else {
          tenantId = r.ctx.knownDomains.get(domain);
          if (!tenantId) problem(`${col('domain')} ${quoted(domain)} matches no known customer: import the customers first`, wording('import_domain_unknown', col('domain'), quoted(domain)));
        }
      }
      const currency = req('currency', parseCurrency);
      const money = moneyIn(currency);
      record = {
        tenantId, number: req('number', text), issuedOn: req('issuedOn', dateIn('issuedOn')), dueOn: req('dueOn', dateIn('dueOn')),
        amount: req('amount', money), paid: opt('paid', money) ?? 0, currency, paidOn: opt('paidOn', dateIn('paidOn')),
      };
      if (typeof record.issuedOn === 'string' && typeof record.dueOn === 'string' && record.dueOn < record.issuedOn) {
        problem(`${col('dueOn')} ${record.dueOn} is before ${col('issuedOn')} ${record.issuedOn}`, wording('import_due_before_issued', col('dueOn'), record.dueOn, col('issuedOn'), record.issuedOn));
      }
      asOf = opt('asOf', dateIn('asOf'));
      break;
    }
    case 'spending': {
      const currency = req('currency', parseCurrency);
      const money = moneyIn(currency);
      record = { tenantId: req('tenantId', parseGuid), budget: opt('budget', money), spendToDate: req('spendToDate', money), asOf: req('asOf', dateIn('asOf')), currency };
      break;
    }
    case 'subscriptions':
      record = {
        id: req('id', parseGuid), tenantId: req('tenantId', parseGuid), offerName: opt('offerName', text),
        status: opt('status', parseStatus), createdOn: opt('createdOn', dateIn('createdOn')), seenAt: r.ctx.now,
        quantity: opt('quantity', parseCount), billingCycle: opt('billingCycle', text), termDuration: opt('termDuration', text),
        commitmentEndDate: opt('commitmentEndDate', dateIn('commitmentEndDate')), isTrial: opt('isTrial', parseBool), autoRenewEnabled: opt('autoRenewEnabled', parseBool),
      };
      break;
  }
  if (problems.length) return ambiguousAmount ? { ok: false, problems, texts, ambiguousAmount } : { ok: false, problems, texts };
  for (const k of Object.keys(record)) if (record[k] === undefined) delete record[k];
  const schema = { customers: Customer, invoices: Invoice, spending: Spending, subscriptions: Subscription }[r.kind];
  const checked = schema.safeParse(record);
  if (!checked.success) {
    const { issues } = checked.error;
    return {
      ok: false, problems: issues.map((i) => `${col(String(i.path[0] ?? ''))} ${i.message}`),
      texts: issues.map((i) => wording('import_field_invalid', col(String(i.path[0] ?? '')), i.message)),
    };
  }
  return asOf ? { ok: true, record: checked.data as Record_, asOf } : { ok: true, record: checked.data as Record_ };
}

/** A whole count of licences: `25`, `1 000`. */
function parseCount(s: string): Parsed<number> {
  const digits = s.replace(/[\s\u00a0\u202f,.']/g, '');
  return /^\d{1,9}$/.test(digits) && !/[,.]\d{1,2}$/.test(s) ? { ok: true, value: Number(digits) } : { ok: false, error: `${quoted(s)} is not a whole number`, text: wording('import_not_whole_number', quoted(s)) };
}

export function parseStatus(s: string): Parsed<Subscription['status'] & string> {
  const v = s.trim().toLowerCase();
  const options = SubscriptionStatus.options as readonly string[];
  return options.includes(v) ? { ok: true, value: v as never } : { ok: false, error: `${quoted(s)} is not a subscription status (${options.join(', ')})`, text: wording('import_not_status', quoted(s), options.join(', ')) };
}

/** The key a record is stored under: a later row with the same key replaces an earlier one. */
export function keyOf(kind: CsvKind, rec: Record_): string {
  switch (kind) {
    case 'customers': return (rec as Customer).tenantId;
    case 'invoices': return `${(rec as Invoice).tenantId}\u0000${(rec as Invoice).number}`;
    case 'spending': return `${(rec as Spending).tenantId}\u0000${(rec as Spending).asOf}`;
    case 'subscriptions': return (rec as Subscription).id;
  }
}
