// The columns each kind of file may carry, with the header synonyms partners' files use (in English and in
// French, the UI's second language), and the kind a header row shows. Header matching ignores case, accents,
// spaces, and _ - . / ( ) # : ' ° characters, so `Date d'échéance` and `Date d echeance` are one name.
import type { ReconciliationKind } from './types';
import { wording, type Wording } from '../wording';

export type CsvKind = 'customers' | 'invoices' | 'spending' | 'subscriptions';

export const normHeader = (h: string) =>
  h.replace(/^\uFEFF/, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s_\-./()#:'\u2019\u00b0]/g, '');

const TENANT = [
  'Customer ID', 'Microsoft ID', 'Tenant ID', 'CustomerId', 'Customer tenant ID', 'Customer Microsoft ID', 'Tenant',
  'ID client', 'ID Microsoft', 'Identifiant client', 'Identifiant Microsoft', 'ID du client', 'ID de locataire', 'ID du locataire', 'ID locataire client',
];
const CURRENCY = ['Currency', 'Currency code', 'CurrencyCode', 'Devise', 'Code devise', 'Monnaie'];

export const FIELDS: Record<CsvKind, Record<string, string[]>> = {
  customers: {
    tenantId: TENANT,
    // CustomerCompanyName: older reconciliation files.
    name: [
      'Company name', 'Customer name', 'CustomerName', 'CustomerCompanyName', 'Name', 'Company', 'Customer',
      'Nom de la société', "Nom de l'entreprise", 'Nom du client', 'Raison sociale', 'Société', 'Entreprise', 'Client', 'Nom',
    ],
    domain: ['Domain', 'Primary domain', 'Primary domain name', 'CustomerDomainName', 'Domain name', 'Domaine', 'Domaine principal', 'Nom de domaine', 'Nom de domaine principal'],
    country: ['Country', 'Country/region', 'Country or region', 'CustomerCountry', 'Country code', 'Pays', 'Pays/région', 'Pays ou région', 'Code pays'],
    paymentInstrument: ['Payment instrument', 'Payment method', 'Payment type', 'Moyen de paiement', 'Mode de paiement', 'Mode de règlement', 'Moyen de règlement'],
    prepaid: ['Prepaid', 'Pre-payment received', 'Prepayment', 'Prepayment received', 'Prépaiement', 'Prépaiement reçu', 'Paiement anticipé', 'Paiement anticipé reçu'],
    adminAccess: ['Admin access', 'Administrative access', 'Admin rights', 'Accès administrateur', 'Accès admin', "Droits d'administration"],
    createdOn: ['Created', 'Created on', 'Creation date', 'Customer since', 'Created date', 'Créé le', 'Date de création', 'Client depuis'],
    firstPaymentOn: ['First payment', 'First payment date', 'First payment on', 'Premier paiement', 'Date du premier paiement'],
    relationship: ['Relationship', 'Relationship to partner', 'relationshipToPartner', 'Relation', 'Relation avec le partenaire'],
    tags: ['Tags', 'Étiquettes', 'Balises'],
  },
  invoices: {
    tenantId: TENANT,
    domain: ['Domain', 'Primary domain', 'Primary domain name', 'CustomerDomainName', 'Customer domain', 'Domaine', 'Domaine principal', 'Nom de domaine', 'Domaine du client'],
    number: [
      'Invoice number', 'Invoice', 'Invoice no', 'InvoiceNumber', 'Invoice ID', 'Document number',
      'Numéro de facture', 'N° de facture', 'N° facture', 'Facture', 'Référence facture', 'Numéro de pièce',
    ],
    issuedOn: ['Invoice date', 'Issued', 'Issue date', 'Issued on', 'Document date', 'Date de facture', 'Date de facturation', "Date d'émission", 'Date facture', 'Date de pièce'],
    dueOn: ['Due date', 'Due', 'Due on', 'Payment due date', "Date d'échéance", 'Échéance', 'Date échéance', 'Date limite de paiement'],
    amount: ['Amount', 'Invoice amount', 'Total', 'Total amount', 'Amount due', 'Montant', 'Montant TTC', 'Montant de la facture', 'Total TTC', 'Montant dû'],
    paid: ['Paid', 'Amount paid', 'Paid amount', 'Paid to date', 'Montant payé', 'Payé', 'Déjà payé', 'Montant réglé', 'Réglé'],
    currency: CURRENCY,
    paidOn: ['Paid date', 'Payment date', 'Paid on', 'Date paid', 'Date de paiement', 'Payé le', 'Date de règlement', 'Réglé le'],
    /** An open-items report's own date ("every open invoice as of"); today when absent. */
    asOf: ['As of', 'As of date', 'As at', 'Report date', 'Snapshot date', 'En date du', 'Date du rapport', 'Situation au', "Date de l'état"],
  },
  spending: {
    tenantId: TENANT,
    budget: ['Monthly budget', 'Budget', 'Spending budget', 'Budget amount', 'Budget mensuel', 'Budget de dépenses', 'Montant du budget'],
    spendToDate: [
      'Spend to date', 'Spend', 'Month to date', 'Total cost', 'Spent', 'Usage to date',
      'Dépenses à ce jour', 'Dépenses', 'Dépensé', 'Coût total', 'Consommation', 'Consommation à ce jour',
    ],
    asOf: ['As of', 'As of date', 'Date', 'Snapshot date', 'Last modified', 'En date du', 'Date du relevé', 'Dernière modification'],
    currency: CURRENCY,
  },
  subscriptions: {
    tenantId: TENANT,
    id: ['Subscription ID', 'SubscriptionId', "ID d'abonnement", 'ID abonnement', "Identifiant d'abonnement", "ID de l'abonnement"],
    offerName: ['Offer', 'Offer name', 'Subscription', 'Subscription name', 'Product', 'Offre', "Nom de l'offre", 'Abonnement', "Nom de l'abonnement", 'Produit'],
    status: ['Status', 'Subscription status', 'Statut', 'État', "Statut de l'abonnement"],
    createdOn: ['Created', 'Creation date', 'Created on', 'Start date', 'Créé le', 'Date de création', 'Date de début'],
    quantity: ['Quantity', 'Seats', 'Licenses', 'Licences', 'Quantité', 'Nombre de licences', 'Nombre de postes'],
    billingCycle: ['Billing cycle', 'Billing frequency', 'Cycle de facturation', 'Fréquence de facturation'],
    termDuration: ['Term', 'Term duration', 'Term length', 'Commitment term', 'Durée', "Durée d'engagement", 'Durée du terme'],
    commitmentEndDate: ['Commitment end date', 'Commitment end', 'End date', 'Renewal date', "Date de fin d'engagement", "Fin d'engagement", 'Date de fin', 'Date de renouvellement'],
    isTrial: ['Trial', 'Is trial', 'Essai', "Version d'évaluation"],
    autoRenewEnabled: ['Auto-renew', 'Auto renewal', 'Auto-renew enabled', 'AutoRenewEnabled', 'Renouvellement automatique'],
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

/** The kind a header row shows; the most specific first (an invoices file also has a Customer ID). */
export function detectCsvKind(headers: string[]): CsvKind | 'unknown' {
  const inv = mapHeaders('invoices', headers);
  if (has(inv, ['number', 'dueOn']) && ('tenantId' in inv || 'domain' in inv)) return 'invoices';
  const cu = mapHeaders('customers', headers);
  // Before spending and subscriptions: a charge file is never one of those, whatever its columns are called.
  if (reconciliationKind(headers)) return has(cu, ['tenantId', 'name']) ? 'customers' : 'unknown';
  const sp = mapHeaders('spending', headers);
  if (has(sp, ['tenantId', 'spendToDate'])) return 'spending';
  const sub = mapHeaders('subscriptions', headers);
  if (has(sub, ['tenantId', 'id'])) return 'subscriptions';
  if (has(cu, ['tenantId', 'name'])) return 'customers';
  return 'unknown';
}

/**
 * Why a header row shows no kind: what was found, what is expected, and a word on Partner Center's other exports;
 * in English (`message`) and as a wording (`text`). The headers are quoted as the file writes them.
 */
export function unknownKind(headers: string[]): { message: string; text: Wording } {
  const found = headers.map((h) => h.trim()).filter(Boolean);
  const n = new Set(found.map(normHeader));
  const listed = found.slice(0, 10).join(', ') + (found.length > 10 ? ', …' : '');
  const shown = found.length ? listed : 'none';
  let hint = '';
  let hintText: Wording | '' = '';
  if (reconciliationKind(headers)) {
    hintText = wording('import_unknown_hint_reconciliation');
    hint = " This looks like a Partner Center reconciliation file (one row per charge), which is read only for its customers: it needs the customer's ID (CustomerId) and name (CustomerName or CustomerCompanyName) columns.";
  } else if (n.has('subscriptionid') && n.has('quantity') && !TENANT.some((t) => n.has(normHeader(t)))) {
    hintText = wording('import_unknown_hint_subscriptions');
    hint = " This looks like Partner Center's subscriptions export of one customer, which does not name the customer: add a 'Customer ID' column with the customer's Microsoft ID.";
  } else if (n.has('affectedcustomer') && n.has('action')) {
    hintText = wording('import_unknown_hint_activity_log');
    hint = " This looks like Partner Center's activity log, which is not imported.";
  }
  const message = `The kind of this file is not recognised from its header row (found: ${shown}).${hint} Expected customers (Customer ID, Company name), invoices (Customer ID or Domain, Invoice number, Invoice date, Due date, Amount, Currency), spending (Customer ID, Monthly budget, Spend to date, As of, Currency) or subscriptions (Customer ID, Subscription ID, Offer, Status, Created).`;
  const foundText = found.length ? listed : wording('import_no_columns');
  return { message, text: hintText ? wording('import_unknown_kind_hint', foundText, hintText) : wording('import_unknown_kind', foundText) };
}

/** The column name as the file writes it, for error messages. */
export function columnName(kind: CsvKind, field: string, headers: string[], map: Record<string, number>): string {
  return field in map ? headers[map[field]].replace(/^\uFEFF/, '').trim() : FIELDS[kind][field]?.[0] ?? field;
}
