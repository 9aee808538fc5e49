// Spending as Partner Center's customer usage summary JSON (one, by `resourceId` or `id`, or a collection).
import type { JsonFormat } from '../format';
import { detectItems, hasKey, usageSummary } from '../json-items';

export const usageSummaryJson: JsonFormat = {
  kind: 'spending',
  detect: (raw) => detectItems(raw, (e) => hasKey(e, 'totalCost'), (o) => 'totalCost' in o && ('resourceId' in o || 'id' in o)),
  parse: usageSummary,
  key: (r) => `${r.tenantId}\u0000${r.asOf}`,
  // Usage summaries carry Microsoft's unrounded amounts: read with every number as its text.
  numbersAsText: true,
};
