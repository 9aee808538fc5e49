// Reading header rows: the names shared by several formats (each format's own columns are in formats/), with the
// header synonyms partners' files use (in English and in French, the UI's second language). Header matching ignores case, accents,
// spaces, and _ - . / ( ) # : ' ° characters, so `Date d'échéance` and `Date d echeance` are one name.
import type { ReconciliationKind } from './types';
import { wording, type Wording } from '../wording';

export const normHeader = (h: string) =>
  h.replace(/^\uFEFF/, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s_\-./()#:'\u2019\u00b0]/g, '');

export const TENANT = [
  'Customer ID', 'Microsoft ID', 'Tenant ID', 'CustomerId', 'Customer tenant ID', 'Customer Microsoft ID', 'Tenant',
  'ID client', 'ID Microsoft', 'Identifiant client', 'Identifiant Microsoft', 'ID du client', 'ID de locataire', 'ID du locataire', 'ID locataire client',
];
export const CURRENCY = ['Currency', 'Currency code', 'CurrencyCode', 'Devise', 'Code devise', 'Monnaie'];

/** Column index of each field of a format found in a header row (first match wins). */
export function mapHeaders(fields: Record<string, string[]>, headers: string[]): Record<string, number> {
  const normalized = headers.map(normHeader);
  const out: Record<string, number> = {};
  const taken = new Set<number>();
  for (const [field, names] of Object.entries(fields)) {
    for (const n of names) {
      const i = normalized.indexOf(normHeader(n));
      if (i >= 0 && !taken.has(i)) { out[field] = i; taken.add(i); break; }
    }
  }
  return out;
}

/** Whether a header row has a column for each of `wanted` among a format's fields. */
export const hasFields = (fields: Record<string, string[]>, headers: string[], wanted: string[]) => {
  const map = mapHeaders(fields, headers);
  return wanted.every((f) => f in map);
};

/**
 * Partner Center's reconciliation files, one row per charge, by the columns only each has: new-commerce invoice
 * and daily rated usage files, and the older license-based and usage-based files (whose `SubscriptionId` is a
 * billing-platform id, not a subscription GUID). Any charge column makes a file a reconciliation file.
 */
const RECONCILIATION: Array<[ReconciliationKind, string[]]> = [
  ['usage', ['CustomerCompanyName', 'PartnerBillableAccountId', 'ConsumedQuantity', 'PretaxCharges', 'ResourceGuid']],
  ['license', ['SyndicationPartnerSubscriptionNumber', 'DurableOfferId', 'TotalForCustomer']],
  ['nce-daily-usage', ['UsageDate', 'MeterId', 'MeterCategory', 'BillingPreTaxTotal', 'PricingPreTaxTotal']],
  ['nce-invoice', ['ChargeType', 'ChargeStartDate', 'ChargeEndDate', 'UnitPrice', 'SkuId', 'AvailabilityId', 'EffectiveUnitPrice']],
];

export function reconciliationKind(headers: string[]): ReconciliationKind | undefined {
  const n = new Set(headers.map(normHeader));
  return RECONCILIATION.find(([, cols]) => cols.some((c) => n.has(normHeader(c))))?.[0];
}

/** What a reconciliation file is read for: the customers it names, one record per customer. */
export const RECONCILIATION_FIELDS = ['tenantId', 'name', 'domain', 'country'];

/**
 * Why a header row shows no kind, as a wording: what was found, what is expected, and a word on Partner Center's
 * other exports. The headers are quoted as the file writes them.
 */
export function unknownKind(headers: string[]): Wording {
  const found = headers.map((h) => h.trim()).filter(Boolean);
  const n = new Set(found.map(normHeader));
  const listed = found.slice(0, 10).join(', ') + (found.length > 10 ? ', …' : '');
  let hint: Wording | undefined;
  if (reconciliationKind(headers)) hint = wording('import_unknown_hint_reconciliation');
  else if (n.has('subscriptionid') && n.has('quantity') && !TENANT.some((t) => n.has(normHeader(t)))) hint = wording('import_unknown_hint_subscriptions');
  else if (n.has('affectedcustomer') && n.has('action')) hint = wording('import_unknown_hint_activity_log');
  const foundText = found.length ? listed : wording('import_no_columns');
  return hint ? wording('import_unknown_kind_hint', foundText, hint) : wording('import_unknown_kind', foundText);
}

/** The column name as the file writes it, for error messages. */
export function columnName(fields: Record<string, string[]>, field: string, headers: string[], map: Record<string, number>): string {
  return field in map ? headers[map[field]].replace(/^\uFEFF/, '').trim() : fields[field]?.[0] ?? field;
}
