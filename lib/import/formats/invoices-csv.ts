// Invoices (receivables) as CSV, from the partner's own billing system: each names its customer by Customer ID
// or, where a billing system has no tenant id, by Domain (matched to a known customer's domain).
import { Invoice } from '../../schema';
import type { CsvFormat } from '../format';
import { CURRENCY, hasFields, mapHeaders, TENANT } from '../fields';
import { quoted } from '../text';
import { parseBool, parseCurrency, parseGuid, parseInvoiceStatus } from '../values';
import { wording } from '../../wording';

export const INVOICE_FIELDS: Record<string, string[]> = {
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
  /** The invoice's status: a bad debt given up ("written off", Stripe's "uncollectible") closes it and rates the payer D. */
  status: ['Status', 'Invoice status', 'Payment status', 'State', 'Statut', 'Statut de la facture', 'État', 'Etat', 'Statut du paiement'],
  /** Yes/no: written off as a bad debt. */
  writtenOff: ['Written off', 'Written-off', 'Write-off', 'Write off', 'Bad debt', 'Uncollectible', 'Passée en perte', 'Passé en perte', 'Irrécouvrable', 'Créance irrécouvrable'],
  /** An open-items report's own date ("every open invoice as of"); today when absent. */
  asOf: ['As of', 'As of date', 'As at', 'Report date', 'Snapshot date', 'En date du', 'Date du rapport', 'Situation au', "Date de l'état"],
};

export const invoicesCsv: CsvFormat = {
  kind: 'invoices',
  // The most specific first: an invoices file also has a Customer ID.
  detect: (headers) => {
    const map = mapHeaders(INVOICE_FIELDS, headers);
    return hasFields(INVOICE_FIELDS, headers, ['number', 'dueOn']) && ('tenantId' in map || 'domain' in map);
  },
  parse: ({ req, opt, cell, col, has, text, dateIn, moneyIn, problem, ctx }) => {
    let tenantId = opt('tenantId', parseGuid);
    if (!tenantId && !cell('tenantId')) {
      const domain = cell('domain').toLowerCase();
      if (!domain) {
        const empty = has('tenantId') ? col('tenantId') : col('domain');
        problem(wording('import_no_customer', empty));
      }
      else {
        tenantId = ctx.knownDomains.get(domain);
        if (!tenantId) problem(wording('import_domain_unknown', col('domain'), quoted(domain)));
      }
    }
    const currency = req('currency', parseCurrency);
    const money = moneyIn(currency);
    const record: Record<string, unknown> = {
      tenantId, number: req('number', text), issuedOn: req('issuedOn', dateIn('issuedOn')), dueOn: req('dueOn', dateIn('dueOn')),
      amount: req('amount', money), paid: opt('paid', money) ?? 0, currency, paidOn: opt('paidOn', dateIn('paidOn')),
    };
    // Either column may say it; a "no" in one does not undo a written-off status in the other.
    const writtenOff = [opt('writtenOff', parseBool), opt('status', parseInvoiceStatus)].some(Boolean);
    if (writtenOff) record.writtenOff = true;
    if (typeof record.issuedOn === 'string' && typeof record.dueOn === 'string' && record.dueOn < record.issuedOn) {
      problem(wording('import_due_before_issued', col('dueOn'), record.dueOn, col('issuedOn'), record.issuedOn));
    }
    return { record, asOf: opt('asOf', dateIn('asOf')) };
  },
  schema: Invoice,
  fields: INVOICE_FIELDS,
  required: ['number', 'issuedOn', 'dueOn', 'amount', 'currency'],
  money: ['amount', 'paid'],
  dates: ['issuedOn', 'dueOn', 'paidOn', 'asOf'],
  key: (i: Invoice) => `${i.tenantId}\u0000${i.number}`,
};
