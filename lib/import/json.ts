// JSON files partners save from Microsoft's APIs, and our own backup: detected by shape, read item by item.
// Shapes: Partner Center customer collection {items:[{id, companyProfile, billingProfile?}]} or one customer;
// subscription collection {items:[{id, offerName, status, creationDate, links.self.uri}]}; customer usage
// summary {resourceId, budget.amount, totalCost, currencyCode, lastModifiedDate} (or a collection of them);
// fraud events [ {eventId, customerTenantId, eventTime, eventStatus, …} ]; Graph partner security alerts
// {value:[{id, customerTenantId, detectedDateTime, status, …}]}; Partner Risk Lens backups.
import { BACKUP_FORMAT, checkBackup } from '../backup';
import { DB_VERSION } from '../db/open';
import { Alert, Customer, Spending, Subscription } from '../schema';
import { parseStatus } from './rows';
import type { FileKind, ParseContext, ParsedFile, RowError } from './types';
import { parseAmount, parseCountry, parseCurrency, parseGuid } from './values';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, k) => (isObj(v) ? v[k] : undefined), o);

/** A date-time in UTC: Microsoft's times without a zone are UTC; seven-digit fractions are accepted. */
export function utcDateTime(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(s) ? s : `${s}Z`;
  const trimmed = withZone.replace(/(\.\d{3})\d+/, '$1');
  const t = Date.parse(trimmed);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
const isNever = (v: unknown) => /^9999-/.test(str(v) ?? '');

type Item = { ok: true; record: unknown; customer?: { tenantId: string; name: string } } | { ok: false; problems: string[] };
type Reader = (item: unknown, ctx: ParseContext) => Item;

function detectJson(raw: unknown): { kind: FileKind; items: unknown[]; reader?: Reader } | undefined {
  if (isObj(raw) && raw.format === BACKUP_FORMAT) return { kind: 'backup', items: [] };
  if (Array.isArray(raw)) {
    if (raw.some((e) => isObj(e) && ('eventId' in e || 'eventTime' in e))) return { kind: 'alerts', items: raw, reader: fraudEvent };
    if (raw.some((e) => isObj(e) && 'detectedDateTime' in e)) return { kind: 'alerts', items: raw, reader: graphAlert };
    if (raw.some((e) => isObj(e) && 'companyProfile' in e)) return { kind: 'customers', items: raw, reader: restCustomer };
    if (raw.some((e) => isObj(e) && 'totalCost' in e)) return { kind: 'spending', items: raw, reader: usageSummary };
    return undefined;
  }
  if (!isObj(raw)) return undefined;
  if (Array.isArray(raw.value) && raw.value.some((e) => isObj(e) && ('detectedDateTime' in e || 'alertType' in e))) {
    return { kind: 'alerts', items: raw.value, reader: graphAlert };
  }
  if (Array.isArray(raw.items)) {
    const items = raw.items;
    if (items.some((e) => isObj(e) && 'companyProfile' in e)) return { kind: 'customers', items, reader: restCustomer };
    if (items.some((e) => isObj(e) && ('offerName' in e || 'offerId' in e))) return { kind: 'subscriptions', items, reader: restSubscription };
    if (items.some((e) => isObj(e) && 'totalCost' in e)) return { kind: 'spending', items, reader: usageSummary };
    if (items.length === 0) return undefined;
  }
  if ('companyProfile' in raw && 'id' in raw) return { kind: 'customers', items: [raw], reader: restCustomer };
  if ('resourceId' in raw && 'totalCost' in raw) return { kind: 'spending', items: [raw], reader: usageSummary };
  return undefined;
}

function finish<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, record: Obj, problems: string[], customer?: { tenantId: string; name: string }): Item {
  if (problems.length) return { ok: false, problems };
  for (const k of Object.keys(record)) if (record[k] === undefined) delete record[k];
  const r = schema.safeParse(record);
  if (!r.success) return { ok: false, problems: r.error.issues.map((i) => `${i.path.map(String).join('.')} ${i.message}`) };
  return customer ? { ok: true, record: r.data, customer } : { ok: true, record: r.data };
}

function guidOf(v: unknown, what: string, problems: string[]): string | undefined {
  const s = str(v);
  if (!s) { problems.push(`${what} is missing`); return undefined; }
  const g = parseGuid(s);
  if (!g.ok) { problems.push(`${what} ${g.error}`); return undefined; }
  return g.value;
}

const restCustomer: Reader = (item, ctx) => {
  const problems: string[] = [];
  const tenantId = guidOf(get(item, 'id'), 'id', problems);
  const name = str(get(item, 'companyProfile', 'companyName'));
  if (!name) problems.push('companyProfile.companyName is missing');
  const countryRaw = str(get(item, 'billingProfile', 'defaultAddress', 'country'));
  let country: string | undefined;
  if (countryRaw) {
    const c = parseCountry(countryRaw);
    if (c.ok) country = c.value;
    else problems.push(`billingProfile.defaultAddress.country ${c.error}`);
  }
  return finish(Customer, {
    tenantId, name, domain: str(get(item, 'companyProfile', 'domain'))?.toLowerCase(), country,
    relationship: str(get(item, 'relationshipToPartner')), origin: 'import', updatedAt: ctx.now,
  }, problems);
};

const restSubscription: Reader = (item, ctx) => {
  const problems: string[] = [];
  const id = guidOf(get(item, 'id'), 'id', problems);
  const uri = str(get(item, 'links', 'self', 'uri')) ?? '';
  const m = /customers\/([0-9a-f-]{36})/i.exec(uri);
  if (!m) problems.push('links.self.uri names no customer (…/customers/{id}/subscriptions/…)');
  const statusRaw = str(get(item, 'status'));
  let status: string | undefined;
  if (statusRaw) {
    const s = parseStatus(statusRaw);
    if (s.ok) status = s.value;
    else problems.push(`status ${s.error}`);
  }
  const created = utcDateTime(get(item, 'creationDate'));
  if (get(item, 'creationDate') !== undefined && !created) problems.push(`creationDate '${str(get(item, 'creationDate'))}' is not a date`);
  return finish(Subscription, {
    id, tenantId: m?.[1].toLowerCase(), offerName: str(get(item, 'offerName')) ?? str(get(item, 'friendlyName')), status,
    createdOn: created?.slice(0, 10), seenAt: ctx.now,
  }, problems);
};

const usageSummary: Reader = (item) => {
  const problems: string[] = [];
  const tenantId = guidOf(get(item, 'resourceId') ?? get(item, 'id'), 'resourceId', problems);
  const cur = parseCurrency(str(get(item, 'currencyCode')) ?? '');
  if (!cur.ok) problems.push(`currencyCode ${cur.error}`);
  const money = (v: unknown, what: string): number | undefined => {
    if (v === undefined || v === null || v === '') return undefined;
    if (!cur.ok) return undefined;
    const p = parseAmount(String(v), cur.value, 'dot');
    if (p.ok) return p.value;
    problems.push(`${what} ${p.error}`);
    return undefined;
  };
  const budget = money(get(item, 'budget', 'amount'), 'budget.amount');
  const spend = money(get(item, 'totalCost'), 'totalCost');
  if (get(item, 'totalCost') === undefined) problems.push('totalCost is missing');
  const asOf = utcDateTime(get(item, 'lastModifiedDate'))?.slice(0, 10);
  if (!asOf) problems.push('lastModifiedDate is missing or not a date');
  return finish(Spending, { tenantId, budget, spendToDate: spend, asOf, currency: cur.ok ? cur.value : undefined }, problems);
};

function alertStatus(v: unknown, problems: string[]): string | undefined {
  const s = str(v)?.toLowerCase();
  if (!s) { problems.push('status is missing'); return undefined; }
  if (['active', 'investigating', 'resolved'].includes(s)) return s;
  problems.push(`status '${s}' is not active, investigating or resolved`);
  return undefined;
}
const bool = (v: unknown) => v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
const count = (v: unknown) => {
  const n = typeof v === 'number' ? v : Number(str(v));
  return Number.isInteger(n) ? n : undefined;
};

const fraudEvent: Reader = (item) => {
  const problems: string[] = [];
  const tenantId = guidOf(get(item, 'customerTenantId'), 'customerTenantId', problems);
  const id = str(get(item, 'eventId'));
  if (!id) problems.push('eventId is missing');
  const detectedAt = utcDateTime(get(item, 'eventTime'));
  if (!detectedAt) problems.push('eventTime is missing or not a date-time');
  const status = alertStatus(get(item, 'eventStatus'), problems);
  const type = str(get(item, 'eventType')) ?? 'NetworkConnectionsToCryptoMiningPools'; // older events: crypto mining
  const resolvedOn = get(item, 'resolvedOn');
  const name = str(get(item, 'customerFriendlyName'));
  return finish(Alert, {
    id, source: 'fraudEvents', tenantId, subscriptionId: str(get(item, 'subscriptionId')), type, name: str(get(item, 'displayName')) ?? type,
    severity: str(get(item, 'severity')), status, detectedAt, resolvedAt: isNever(resolvedOn) ? undefined : utcDateTime(resolvedOn),
    resolvedReason: str(get(item, 'resolvedReason')), isTest: bool(get(item, 'IsTest') ?? get(item, 'isTest')),
    description: str(get(item, 'description')), hitCount: count(get(item, 'hitCount')),
  }, problems, tenantId ? { tenantId, name: name ?? '' } : undefined);
};

const graphAlert: Reader = (item) => {
  const problems: string[] = [];
  const tenantId = guidOf(get(item, 'customerTenantId'), 'customerTenantId', problems);
  const id = str(get(item, 'id'));
  if (!id) problems.push('id is missing');
  const detectedAt = utcDateTime(get(item, 'detectedDateTime') ?? get(item, 'firstObservedDateTime'));
  if (!detectedAt) problems.push('detectedDateTime is missing or not a date-time');
  const status = alertStatus(get(item, 'status'), problems);
  const type = str(get(item, 'alertType')) ?? 'unknown';
  const resolvedOn = get(item, 'resolvedOnDateTime');
  return finish(Alert, {
    id, source: 'graph', tenantId, subscriptionId: str(get(item, 'subscriptionId')), type, name: str(get(item, 'displayName')) ?? type,
    severity: str(get(item, 'severity')), status, detectedAt, resolvedAt: isNever(resolvedOn) ? undefined : utcDateTime(resolvedOn),
    resolvedReason: str(get(item, 'resolvedReason')), isTest: bool(get(item, 'isTest')), description: str(get(item, 'description')),
  }, problems, tenantId ? { tenantId, name: '' } : undefined);
};

export function parseJson(name: string, text: string, ctx: ParseContext): ParsedFile {
  const base = { name, format: 'json' as const, rowsRead: 0, valid: 0, errors: [] as RowError[], batch: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ...base, kind: 'unknown', fatal: `This file is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  const shape = detectJson(raw);
  if (!shape) {
    return { ...base, kind: 'unknown', fatal: 'This JSON file is not a shape Partner Risk Lens reads: a Partner Center customer, subscription or usage-summary collection, fraud events, Microsoft Graph security alerts, or a Partner Risk Lens backup.' };
  }
  if (shape.kind === 'backup') {
    const check = checkBackup(raw, DB_VERSION);
    if (!check.ok) return { ...base, kind: 'backup', fatal: check.error };
    const rows = Object.values(check.counts).reduce((a, b) => a + b, 0);
    return { ...base, kind: 'backup', rowsRead: rows, valid: rows, backup: check.backup };
  }
  const byKey = new Map<string, unknown>();
  const customers = new Map<string, { tenantId: string; name: string }>();
  const errors: RowError[] = [];
  let valid = 0;
  shape.items.forEach((item, i) => {
    const r = isObj(item) ? shape.reader!(item, ctx) : ({ ok: false, problems: ['is not an object'] } as Item);
    if (!r.ok) { errors.push({ line: i + 1, message: `item ${i + 1}: ${r.problems.join('; ')}` }); return; }
    valid++;
    const rec = r.record as Obj;
    const key = shape.kind === 'spending' ? `${rec.tenantId}\u0000${rec.asOf}` : String(rec.id ?? rec.tenantId);
    byKey.set(key, rec);
    if (r.customer && (!customers.get(r.customer.tenantId)?.name)) customers.set(r.customer.tenantId, r.customer);
  });
  const records = [...byKey.values()];
  const batch =
    shape.kind === 'alerts' ? { alerts: records as Alert[], alertCustomers: [...customers.values()] }
    : shape.kind === 'customers' ? { customers: records as Customer[] }
    : shape.kind === 'subscriptions' ? { subscriptions: records as Subscription[] }
    : { spending: records as Spending[] };
  return { ...base, kind: shape.kind, rowsRead: shape.items.length, valid, errors, batch };
}
