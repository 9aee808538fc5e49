// Security alerts as Partner Center fraud events (`GET /v1/fraudEvents`, a JSON array, or one event).
import type { JsonFormat } from '../format';
import { fraudEvent } from '../json-alerts';
import { detectItems, hasKey } from '../json-items';

export const fraudEventsJson: JsonFormat = {
  kind: 'alerts',
  detect: (raw) => detectItems(raw, (e) => hasKey(e, 'eventId', 'eventTime'), (o) => 'eventId' in o),
  parse: fraudEvent,
  key: (r) => String(r.id),
  namesCustomers: true,
};
