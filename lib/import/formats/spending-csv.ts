// Spending snapshots as CSV: a customer's monthly budget and spend to date, as of a date.
import { Spending } from '../../schema';
import type { CsvFormat } from '../format';
import { CURRENCY, hasFields, TENANT } from '../fields';
import { parseCurrency, parseGuid } from '../values';

export const SPENDING_FIELDS: Record<string, string[]> = {
  tenantId: TENANT,
  budget: ['Monthly budget', 'Budget', 'Spending budget', 'Budget amount', 'Budget mensuel', 'Budget de dépenses', 'Montant du budget'],
  spendToDate: [
    'Spend to date', 'Spend', 'Month to date', 'Total cost', 'Spent', 'Usage to date',
    'Dépenses à ce jour', 'Dépenses', 'Dépensé', 'Coût total', 'Consommation', 'Consommation à ce jour',
  ],
  asOf: ['As of', 'As of date', 'Date', 'Snapshot date', 'Last modified', 'En date du', 'Date du relevé', 'Dernière modification'],
  currency: CURRENCY,
};

export const spendingCsv: CsvFormat = {
  kind: 'spending',
  detect: (headers) => hasFields(SPENDING_FIELDS, headers, ['tenantId', 'spendToDate']),
  parse: ({ req, opt, dateIn, moneyIn }) => {
    const currency = req('currency', parseCurrency);
    const money = moneyIn(currency);
    return { record: { tenantId: req('tenantId', parseGuid), budget: opt('budget', money), spendToDate: req('spendToDate', money), asOf: req('asOf', dateIn('asOf')), currency } };
  },
  schema: Spending,
  fields: SPENDING_FIELDS,
  required: ['tenantId', 'spendToDate', 'asOf', 'currency'],
  money: ['budget', 'spendToDate'],
  dates: ['asOf'],
  key: (s: Spending) => `${s.tenantId}\u0000${s.asOf}`,
};
