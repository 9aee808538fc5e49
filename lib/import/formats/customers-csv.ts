// Customers as CSV: Partner Center's Customers.csv export, or any list with a customer ID and a company name.
import { Customer } from '../../schema';
import type { CsvFormat } from '../format';
import { hasFields, TENANT } from '../fields';
import { parseAdminAccess, parseBool, parseCountry, parseGuid, parseInstrument } from '../values';


/** The columns a customers file may carry. */
export const CUSTOMER_FIELDS: Record<string, string[]> = {
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
};

export const customersCsv: CsvFormat = {
  kind: 'customers',
  detect: (headers) => hasFields(CUSTOMER_FIELDS, headers, ['tenantId', 'name']),
  parse: ({ req, opt, text, dateIn, ctx }) => ({
    record: {
      tenantId: req('tenantId', parseGuid), name: req('name', text), domain: opt('domain', (s) => text(s.toLowerCase())),
      country: opt('country', parseCountry), paymentInstrument: opt('paymentInstrument', parseInstrument), prepaid: opt('prepaid', parseBool),
      adminAccess: opt('adminAccess', parseAdminAccess), createdOn: opt('createdOn', dateIn('createdOn')), firstPaymentOn: opt('firstPaymentOn', dateIn('firstPaymentOn')),
      relationship: opt('relationship', text), tags: opt('tags', text), origin: 'import', updatedAt: ctx.now,
    },
  }),
  schema: Customer,
  fields: CUSTOMER_FIELDS,
  required: ['tenantId', 'name'],
  money: [],
  dates: ['createdOn', 'firstPaymentOn'],
  key: (c: Customer) => c.tenantId,
  // A customer listed twice (direct and indirect relationship) keeps the fields the later row leaves empty and both relationships.
  merge: (a: Customer, b: Customer) => {
    const merged: Customer = { ...a, ...b };
    if (a.relationship && b.relationship && !a.relationship.split(', ').includes(b.relationship)) merged.relationship = `${a.relationship}, ${b.relationship}`;
    return merged;
  },
};
