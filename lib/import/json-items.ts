// Items of Partner Center REST API files: customers, subscriptions, usage summaries; and the helpers every
// JSON reader shares. Microsoft's objects carry extra keys and change: read what is needed, ignore the rest.
import { Customer, Spending, Subscription } from '../schema';
import { parseStatus } from './rows';
import type { ParseContext } from './types';
import { roundJsonAmount } from './amounts';
import { parseCountry, parseCurrency, parseGuid } from './values';
import { quoted } from './text';
import { issueWording, wording, type Wording } from '../wording';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
/** The list a JSON file holds: an array, or the `items` (Partner Center) or `value` (Graph) of an object. */
export const jsonList = (raw: unknown): unknown[] | undefined =>
  (Array.isArray(raw) ? raw : isObj(raw) && Array.isArray(raw.items) ? raw.items : isObj(raw) && Array.isArray(raw.value) ? raw.value : undefined);
export const hasKey = (e: unknown, ...keys: string[]) => isObj(e) && keys.some((k) => k in e);
/** A format's detection: a list whose items show it, or one object that does. */
export const detectItems = (raw: unknown, inList: (e: unknown) => boolean, alone: (o: Obj) => boolean): unknown[] | undefined => {
  const list = jsonList(raw);
  if (list) return list.some(inList) ? list : undefined;
  return isObj(raw) && alone(raw) ? [raw] : undefined;
};
export const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, k) => (isObj(v) ? v[k] : undefined), o);

/** A date-time in UTC: Microsoft's times without a zone are UTC; seven-digit fractions are accepted. */
export function utcDateTime(v: unknown): string | undefined {
  const s = str(v);
  if (!s || !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.test(s)) return undefined;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(s) || s.length === 10 ? s : `${s}Z`;
  const t = Date.parse(withZone.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
/** The calendar date of a date-time as written (`2026-11-24T23:10:00-05:00` is the 24th). */
export const dateOf = (v: unknown): string | undefined => (utcDateTime(v) ? str(v)!.slice(0, 10) : undefined);

export type Item = { ok: true; record: unknown; customer?: { tenantId: string; name: string } } | { ok: false; texts: Wording[] };

/** An item's problems as wordings, in order. */
export class Problems {
  readonly texts: Wording[] = [];
  add(text: Wording) { this.texts.push(text); }
  /** "KEY is missing". */
  missing(key: string) { this.add(wording('import_key_missing', key)); }
  /** "KEY <the value's problem>". */
  bad(key: string, p: { text: Wording }) { this.add(wording('import_field_problem', key, p.text)); }
  get length() { return this.texts.length; }
}
export type Reader = (item: Obj, ctx: ParseContext) => Item;
type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; code: string }> } } };

/**
 * Validates a record with its schema; problems name the file's own keys (`keys` maps a record field to the
 * JSON path it came from), so "item 3: customerTenantId is not a GUID", never the store's field names.
 */
export function finish<T>(schema: Schema<T>, record: Obj, problems: Problems, keys: Record<string, string>, customer?: { tenantId: string; name: string }): Item {
  if (problems.length) return { ok: false, texts: problems.texts };
  for (const k of Object.keys(record)) if (record[k] === undefined) delete record[k];
  const r = schema.safeParse(record);
  if (!r.success) {
    const key = (i: { path: PropertyKey[] }) => { const f = String(i.path[0] ?? ''); return keys[f] ?? f; };
    return { ok: false, texts: r.error.issues.map((i) => wording('import_field_invalid', key(i), issueWording(i.code))) };
  }
  return customer ? { ok: true, record: r.data, customer } : { ok: true, record: r.data };
}

export function guidOf(v: unknown, what: string, problems: Problems): string | undefined {
  const s = str(v);
  if (!s) { problems.missing(what); return undefined; }
  const g = parseGuid(s);
  if (!g.ok) { problems.bad(what, g); return undefined; }
  return g.value;
}

/**
 * `{ id, companyProfile: { companyName, domain, address?: { country } }, billingProfile?: { defaultAddress: { country } },
 * relationshipToPartner }`: a customer list carries no billingProfile, only the company profile's address.
 */
export const restCustomer: Reader = (item, ctx) => {
  const problems = new Problems();
  const tenantId = guidOf(get(item, 'id') ?? get(item, 'companyProfile', 'tenantId'), 'id', problems);
  const name = str(get(item, 'companyProfile', 'companyName'));
  if (!name) problems.missing('companyProfile.companyName');
  const billing = str(get(item, 'billingProfile', 'defaultAddress', 'country'));
  const countryKey = billing ? 'billingProfile.defaultAddress.country' : 'companyProfile.address.country';
  const countryRaw = billing ?? str(get(item, 'companyProfile', 'address', 'country'));
  let country: string | undefined;
  if (countryRaw) {
    const c = parseCountry(countryRaw);
    if (c.ok) country = c.value;
    else problems.bad(countryKey, c);
  }
  return finish(Customer, {
    tenantId, name, domain: str(get(item, 'companyProfile', 'domain'))?.toLowerCase(), country,
    relationship: str(get(item, 'relationshipToPartner')), origin: 'import', updatedAt: ctx.now,
  }, problems, {
    tenantId: 'id', name: 'companyProfile.companyName', domain: 'companyProfile.domain', country: countryKey,
    relationship: 'relationshipToPartner',
  });
};

/**
 * `{ id, offerName, offerId, status, creationDate, quantity, billingCycle, termDuration, commitmentEndDate, isTrial,
 * autoRenewEnabled, links: { self: { uri: "customers/{tenant}/subscriptions/{id}" } } }`
 */
export const restSubscription: Reader = (item, ctx) => {
  const problems = new Problems();
  const id = guidOf(get(item, 'id'), 'id', problems);
  const uri = str(get(item, 'links', 'self', 'uri')) ?? '';
  const m = /customers\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(uri);
  if (!m) problems.add(wording('import_uri_no_customer', 'links.self.uri'));
  const statusRaw = str(get(item, 'status'));
  let status: string | undefined;
  if (statusRaw) {
    const s = parseStatus(statusRaw);
    if (s.ok) status = s.value;
    else problems.bad('status', s);
  }
  const date = (key: string) => {
    const d = dateOf(get(item, key));
    const q = quoted(str(get(item, key)) ?? '');
    if (get(item, key) != null && !d) problems.add(wording('import_field_problem', key, wording('import_not_json_date', q)));
    return d;
  };
  const quantity = get(item, 'quantity');
  const flag = (key: string) => { const v = get(item, key); return typeof v === 'boolean' ? v : undefined; };
  return finish(Subscription, {
    id, tenantId: m?.[1].toLowerCase(), offerName: str(get(item, 'offerName')) ?? str(get(item, 'friendlyName')) ?? str(get(item, 'offerId')), status,
    createdOn: date('creationDate'), seenAt: ctx.now,
    quantity: typeof quantity === 'number' ? quantity : undefined, billingCycle: str(get(item, 'billingCycle')), termDuration: str(get(item, 'termDuration')),
    // .NET writes 0001-01-01 for "none" (a monthly subscription without a commitment).
    commitmentEndDate: /^0001-/.test(str(get(item, 'commitmentEndDate')) ?? '') ? undefined : date('commitmentEndDate'),
    isTrial: flag('isTrial'), autoRenewEnabled: flag('autoRenewEnabled'),
  }, problems, {
    id: 'id', tenantId: 'links.self.uri', offerName: 'offerName', status: 'status', createdOn: 'creationDate', quantity: 'quantity',
    billingCycle: 'billingCycle', termDuration: 'termDuration', commitmentEndDate: 'commitmentEndDate', isTrial: 'isTrial', autoRenewEnabled: 'autoRenewEnabled',
  });
};

/**
 * `GET /v1/customers/{id}/usagesummary`: `{ resourceId, budget: { amount }, totalCost, currencyCode, billingStartDate,
 * billingEndDate, lastModifiedDate }`. The snapshot is as of the date of lastModifiedDate; a missing or null budget is
 * "no budget set". Amounts are Microsoft's estimates, unrounded: rounded half-even to the currency's minor unit.
 * The JSON reader hands numbers over as their text (json.ts numbersAsText).
 */
export const usageSummary: Reader = (item) => {
  const problems = new Problems();
  const tenantId = guidOf(get(item, 'resourceId') ?? get(item, 'id'), 'resourceId', problems);
  const cur = parseCurrency(str(get(item, 'currencyCode')) ?? '');
  if (!cur.ok) {
    if (str(get(item, 'currencyCode'))) problems.bad('currencyCode', cur);
    else problems.add(wording('import_currency_missing', 'currencyCode'));
  }
  const money = (v: unknown, what: string): number | undefined => {
    if (v === undefined || v === null || v === '' || !cur.ok) return undefined;
    const p = roundJsonAmount(String(v), cur.value);
    if (p.ok) return p.value;
    problems.bad(what, p);
    return undefined;
  };
  const budget = money(get(item, 'budget', 'amount'), 'budget.amount');
  const spend = money(get(item, 'totalCost'), 'totalCost');
  if (get(item, 'totalCost') == null) problems.missing('totalCost');
  const asOf = dateOf(get(item, 'lastModifiedDate'));
  if (!asOf) problems.add(wording('import_key_not_date', 'lastModifiedDate'));
  return finish(Spending, {
    tenantId, budget, spendToDate: spend, asOf, currency: cur.ok ? cur.value : undefined,
    billingStartDate: dateOf(get(item, 'billingStartDate')), billingEndDate: dateOf(get(item, 'billingEndDate')),
  }, problems, {
    tenantId: 'resourceId', budget: 'budget.amount', spendToDate: 'totalCost', asOf: 'lastModifiedDate', currency: 'currencyCode',
    billingStartDate: 'billingStartDate', billingEndDate: 'billingEndDate',
  });
};
