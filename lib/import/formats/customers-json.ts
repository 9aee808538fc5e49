// Customers as Partner Center's REST JSON: a customer collection `{ items: [...] }` or one customer.
import type { JsonFormat } from '../format';
import { detectItems, hasKey, restCustomer } from '../json-items';

export const customersJson: JsonFormat = {
  kind: 'customers',
  detect: (raw) => detectItems(raw, (e) => hasKey(e, 'companyProfile'), (o) => 'companyProfile' in o),
  parse: restCustomer,
  key: (r) => String(r.tenantId),
};
