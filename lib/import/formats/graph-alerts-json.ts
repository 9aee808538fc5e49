// Security alerts as Microsoft Graph partner security alerts (`{ value: [partnerSecurityAlert] }`, or one).
import type { JsonFormat } from '../format';
import { graphAlert } from '../json-alerts';
import { detectItems, hasKey } from '../json-items';

export const graphAlertsJson: JsonFormat = {
  kind: 'alerts',
  detect: (raw) => detectItems(raw, (e) => hasKey(e, 'detectedDateTime', 'alertType'), (o) => 'detectedDateTime' in o && 'customerTenantId' in o),
  parse: graphAlert,
  key: (r) => String(r.id),
  namesCustomers: true,
};
