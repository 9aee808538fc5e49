// Subscriptions as CSV: Customer ID, Subscription ID, Offer, Status, Created, and the terms a risk review weighs.
import { Subscription } from '../../schema';
import type { CsvFormat } from '../format';
import { hasFields, TENANT } from '../fields';
import { parseCount, parseStatus } from '../rows';
import { parseBool, parseGuid } from '../values';

export const SUBSCRIPTION_FIELDS: Record<string, string[]> = {
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
};

export const subscriptionsCsv: CsvFormat = {
  kind: 'subscriptions',
  detect: (headers) => hasFields(SUBSCRIPTION_FIELDS, headers, ['tenantId', 'id']),
  parse: ({ req, opt, text, dateIn, ctx }) => ({
    record: {
      id: req('id', parseGuid), tenantId: req('tenantId', parseGuid), offerName: opt('offerName', text),
      status: opt('status', parseStatus), createdOn: opt('createdOn', dateIn('createdOn')), seenAt: ctx.now,
      quantity: opt('quantity', parseCount), billingCycle: opt('billingCycle', text), termDuration: opt('termDuration', text),
      commitmentEndDate: opt('commitmentEndDate', dateIn('commitmentEndDate')), isTrial: opt('isTrial', parseBool), autoRenewEnabled: opt('autoRenewEnabled', parseBool),
    },
  }),
  schema: Subscription,
  fields: SUBSCRIPTION_FIELDS,
  required: ['tenantId', 'id'],
  money: [],
  dates: ['createdOn', 'commitmentEndDate'],
  key: (s: Subscription) => s.id,
};
