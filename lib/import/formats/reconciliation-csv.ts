// Partner Center's reconciliation files (one row per charge: new-commerce invoice and daily rated usage files, the
// older license-based and usage-based ones), read for the customers they name and nothing else.
import type { CsvFormat } from '../format';
import { hasFields, RECONCILIATION_FIELDS, reconciliationKind } from '../fields';
import { CUSTOMER_FIELDS, customersCsv } from './customers-csv';

export const reconciliationCsv: CsvFormat = {
  ...customersCsv,
  // Before spending and subscriptions: a charge file is never one of those, whatever its columns are called.
  detect: (headers) => (reconciliationKind(headers) ? hasFields(CUSTOMER_FIELDS, headers, ['tenantId', 'name']) || 'unknown' : false),
  only: (headers) => (reconciliationKind(headers) ? RECONCILIATION_FIELDS : undefined),
};
