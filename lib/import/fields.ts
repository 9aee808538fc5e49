// The columns each kind of file may carry, with the header synonyms partners' files use, and the kind a
// header row shows. Header matching ignores case, spaces, and _ - . / ( ) characters.
export type CsvKind = 'customers' | 'invoices' | 'spending' | 'subscriptions';

export const normHeader = (h: string) => h.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_\-./()#:]/g, '');

const TENANT = ['Customer ID', 'Microsoft ID', 'Tenant ID', 'CustomerId', 'Customer tenant ID', 'Customer Microsoft ID', 'Tenant'];

export const FIELDS: Record<CsvKind, Record<string, string[]>> = {
  customers: {
    tenantId: TENANT,
    name: ['Company name', 'Customer name', 'CustomerName', 'Name', 'Company', 'Customer'],
    domain: ['Domain', 'Primary domain', 'Primary domain name', 'CustomerDomainName', 'Domain name'],
    country: ['Country', 'Country/region', 'Country or region', 'CustomerCountry', 'Country code'],
    paymentInstrument: ['Payment instrument', 'Payment method', 'Payment type'],
    prepaid: ['Prepaid', 'Pre-payment received', 'Prepayment', 'Prepayment received'],
    adminAccess: ['Admin access', 'Administrative access', 'Admin rights'],
    createdOn: ['Created', 'Created on', 'Creation date', 'Customer since', 'Created date'],
    firstPaymentOn: ['First payment', 'First payment date', 'First payment on'],
    relationship: ['Relationship', 'Relationship to partner', 'relationshipToPartner'],
    tags: ['Tags'],
  },
  invoices: {
    tenantId: TENANT,
    domain: ['Domain', 'Primary domain', 'Primary domain name', 'CustomerDomainName', 'Customer domain'],
    number: ['Invoice number', 'Invoice', 'Invoice no', 'InvoiceNumber', 'Invoice ID', 'Document number'],
    issuedOn: ['Invoice date', 'Issued', 'Issue date', 'Issued on', 'Document date'],
    dueOn: ['Due date', 'Due', 'Due on', 'Payment due date'],
    amount: ['Amount', 'Invoice amount', 'Total', 'Total amount', 'Amount due'],
    paid: ['Paid', 'Amount paid', 'Paid amount', 'Paid to date'],
    currency: ['Currency', 'Currency code', 'CurrencyCode'],
    paidOn: ['Paid date', 'Payment date', 'Paid on', 'Date paid'],
    /** An open-items report's own date ("every open invoice as of"); today when absent. */
    asOf: ['As of', 'As of date', 'As at', 'Report date', 'Snapshot date'],
  },
  spending: {
    tenantId: TENANT,
    budget: ['Monthly budget', 'Budget', 'Spending budget', 'Budget amount'],
    spendToDate: ['Spend to date', 'Spend', 'Month to date', 'Total cost', 'Spent', 'Usage to date'],
    asOf: ['As of', 'As of date', 'Date', 'Snapshot date', 'Last modified'],
    currency: ['Currency', 'Currency code', 'CurrencyCode'],
  },
  subscriptions: {
    tenantId: TENANT,
    id: ['Subscription ID', 'SubscriptionId'],
    offerName: ['Offer', 'Offer name', 'Subscription', 'Subscription name', 'Product'],
    status: ['Status', 'Subscription status'],
    createdOn: ['Created', 'Creation date', 'Created on', 'Start date'],
  },
};

/** The amount columns of each kind: what they show of the decimal separator settles a file's ambiguous amounts. */
export const MONEY: Record<CsvKind, string[]> = { customers: [], invoices: ['amount', 'paid'], spending: ['budget', 'spendToDate'], subscriptions: [] };

export const REQUIRED: Record<CsvKind, string[]> = {
  customers: ['tenantId', 'name'],
  invoices: ['number', 'issuedOn', 'dueOn', 'amount', 'currency'],
  spending: ['tenantId', 'spendToDate', 'asOf', 'currency'],
  subscriptions: ['tenantId', 'id'],
};

/** Column index of each field of a kind found in a header row (first match wins). */
export function mapHeaders(kind: CsvKind, headers: string[]): Record<string, number> {
  const normalized = headers.map(normHeader);
  const out: Record<string, number> = {};
  const taken = new Set<number>();
  for (const [field, names] of Object.entries(FIELDS[kind])) {
    for (const n of names) {
      const i = normalized.indexOf(normHeader(n));
      if (i >= 0 && !taken.has(i)) { out[field] = i; taken.add(i); break; }
    }
  }
  return out;
}

const has = (map: Record<string, number>, fields: string[]) => fields.every((f) => f in map);

/** Columns of a charge-level file (new-commerce reconciliation): one row per charge, read for its customers. */
const CHARGE_COLUMNS = ['ChargeType', 'ChargeStartDate', 'UnitPrice', 'BillingPreTaxTotal', 'PricingPreTaxTotal', 'MeterId', 'SkuId'].map(normHeader);

/** The kind a header row shows; the most specific first (an invoices file also has a Customer ID). */
export function detectCsvKind(headers: string[]): CsvKind | 'unknown' {
  const inv = mapHeaders('invoices', headers);
  if (has(inv, ['number', 'dueOn']) && ('tenantId' in inv || 'domain' in inv)) return 'invoices';
  const sp = mapHeaders('spending', headers);
  if (has(sp, ['tenantId', 'spendToDate'])) return 'spending';
  const cu = mapHeaders('customers', headers);
  const charges = headers.some((h) => CHARGE_COLUMNS.includes(normHeader(h)));
  if (charges && has(cu, ['tenantId', 'name'])) return 'customers';
  const sub = mapHeaders('subscriptions', headers);
  if (has(sub, ['tenantId', 'id'])) return 'subscriptions';
  if (has(cu, ['tenantId', 'name'])) return 'customers';
  return 'unknown';
}

/** Why a header row shows no kind: what was found, what is expected, and a word on Partner Center's other exports. */
export function unknownKindMessage(headers: string[]): string {
  const found = headers.map((h) => h.trim()).filter(Boolean);
  const n = new Set(found.map(normHeader));
  const shown = found.length ? found.slice(0, 10).join(', ') + (found.length > 10 ? ', …' : '') : 'none';
  let hint = '';
  if (n.has('subscriptionid') && n.has('quantity') && !TENANT.some((t) => n.has(normHeader(t)))) {
    hint = " This looks like Partner Center's subscriptions export of one customer, which does not name the customer: add a 'Customer ID' column with the customer's Microsoft ID.";
  } else if (n.has('affectedcustomer') && n.has('action')) {
    hint = " This looks like Partner Center's activity log, which is not imported.";
  }
  return `The kind of this file is not recognised from its header row (found: ${shown}).${hint} Expected customers (Customer ID, Company name), invoices (Customer ID or Domain, Invoice number, Invoice date, Due date, Amount, Currency), spending (Customer ID, Monthly budget, Spend to date, As of, Currency) or subscriptions (Customer ID, Subscription ID, Offer, Status, Created).`;
}

/** The column name as the file writes it, for error messages. */
export function columnName(kind: CsvKind, field: string, headers: string[], map: Record<string, number>): string {
  return field in map ? headers[map[field]].replace(/^\uFEFF/, '').trim() : FIELDS[kind][field]?.[0] ?? field;
}
