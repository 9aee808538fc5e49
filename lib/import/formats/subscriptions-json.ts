// Subscriptions as Partner Center's REST JSON: a subscription collection or one subscription.
import type { JsonFormat } from '../format';
import { detectItems, hasKey, isObj, restSubscription } from '../json-items';

/** Partner Center marks each object with its type: `attributes.objectType`. */
const isSubscription = (e: unknown) => isObj(e) && isObj(e.attributes) && e.attributes.objectType === 'Subscription';

export const subscriptionsJson: JsonFormat = {
  kind: 'subscriptions',
  detect: (raw) => detectItems(raw, (e) => hasKey(e, 'offerName', 'offerId') || isSubscription(e),
    (o) => (('offerName' in o || 'offerId' in o) && 'links' in o) || isSubscription(o)),
  parse: restSubscription,
  key: (r) => String(r.id),
};
