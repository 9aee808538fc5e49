// Microsoft's security alerts for CSP customers, as partners save them: Partner Center fraud events
// (`GET /v1/fraudEvents`, a JSON array) and Graph partner security alerts (`{ value: [partnerSecurityAlert] }`).
// Unknown alert types are kept as given; test alerts are kept and marked (they are no risk).
import { Alert } from '../schema';
import { finish, get, guidOf, Problems, str, utcDateTime, type Obj, type Reader } from './json-items';
import { quoted } from './text';
import { wording } from '../wording';

/** Microsoft writes year 9999 (and .NET's 0001 default) for "not resolved yet". */
const isNever = (v: unknown) => /^(9999|0001)-/.test(str(v) ?? '');
const resolvedAt = (v: unknown) => (isNever(v) ? undefined : utcDateTime(v));

function alertStatus(v: unknown, key: string, problems: Problems): string | undefined {
  const s = str(v)?.toLowerCase();
  if (!s) { problems.missing(key); return undefined; }
  if (['active', 'investigating', 'resolved'].includes(s)) return s;
  problems.add(key === 'status' ? wording('import_alert_status', quoted(s)) : wording('import_alert_status_of', quoted(s), key));
  return undefined;
}
/** `IsTest` comes as "true"/"false" strings from Partner Center and as booleans from Graph. */
const bool = (v: unknown) => v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
/** `hitCount` is a number in a string. */
const count = (v: unknown) => {
  const s = str(v);
  const n = s === undefined ? NaN : Number(s);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
};
/** `affectedResources`: ids or names, as strings or as objects (`{ resourceId, resourceName, resourceType }`). */
function resources(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((r) => str(r) ?? str(get(r, 'resourceId')) ?? str(get(r, 'id')) ?? str(get(r, 'resourceName')) ?? str(get(r, 'name')) ?? JSON.stringify(r));
}
const KEYS = { id: 'id', tenantId: 'customerTenantId', subscriptionId: 'subscriptionId', name: 'displayName', severity: 'severity', description: 'description' };

export const fraudEvent: Reader = (item: Obj) => {
  const problems = new Problems();
  const tenantId = guidOf(get(item, 'customerTenantId'), 'customerTenantId', problems);
  const id = str(get(item, 'eventId'));
  if (!id) problems.missing('eventId');
  const detectedAt = utcDateTime(get(item, 'eventTime') ?? get(item, 'firstObserved'));
  if (!detectedAt) problems.add(wording('import_key_not_datetime', 'eventTime'));
  const status = alertStatus(get(item, 'eventStatus'), 'eventStatus', problems);
  const type = str(get(item, 'eventType')) ?? 'NetworkConnectionsToCryptoMiningPools'; // older events: crypto mining
  const name = str(get(item, 'customerFriendlyName'));
  return finish(Alert, {
    id, source: 'fraudEvents', tenantId, subscriptionId: str(get(item, 'subscriptionId')), type, name: str(get(item, 'displayName')) ?? type,
    severity: str(get(item, 'severity')), status, detectedAt, resolvedAt: resolvedAt(get(item, 'resolvedOn')),
    resolvedReason: str(get(item, 'resolvedReason')), isTest: bool(get(item, 'IsTest') ?? get(item, 'isTest')),
    description: str(get(item, 'description')), hitCount: count(get(item, 'hitCount')),
    confidenceLevel: str(get(item, 'confidenceLevel')), lastObservedAt: utcDateTime(get(item, 'lastObserved')), affectedResources: resources(get(item, 'affectedResources')),
  }, problems, {
    ...KEYS, id: 'eventId', type: 'eventType', status: 'eventStatus', detectedAt: 'eventTime', resolvedAt: 'resolvedOn', hitCount: 'hitCount',
    lastObservedAt: 'lastObserved', confidenceLevel: 'confidenceLevel', affectedResources: 'affectedResources',
  },
  tenantId ? { tenantId, name: name ?? '' } : undefined);
};

export const graphAlert: Reader = (item: Obj) => {
  const problems = new Problems();
  const tenantId = guidOf(get(item, 'customerTenantId'), 'customerTenantId', problems);
  const id = str(get(item, 'id'));
  if (!id) problems.missing('id');
  const detectedAt = utcDateTime(get(item, 'detectedDateTime') ?? get(item, 'firstObservedDateTime'));
  if (!detectedAt) problems.add(wording('import_key_not_datetime', 'detectedDateTime'));
  const status = alertStatus(get(item, 'status'), 'status', problems);
  const type = str(get(item, 'alertType')) ?? 'unknown';
  return finish(Alert, {
    id, source: 'graph', tenantId, subscriptionId: str(get(item, 'subscriptionId')), type, name: str(get(item, 'displayName')) ?? type,
    severity: str(get(item, 'severity')), status, detectedAt, resolvedAt: resolvedAt(get(item, 'resolvedOnDateTime')),
    resolvedReason: str(get(item, 'resolvedReason')), isTest: bool(get(item, 'isTest')), description: str(get(item, 'description')),
    confidenceLevel: str(get(item, 'confidenceLevel')), lastObservedAt: utcDateTime(get(item, 'lastObservedDateTime')), affectedResources: resources(get(item, 'affectedResources')),
  }, problems, {
    ...KEYS, type: 'alertType', status: 'status', detectedAt: 'detectedDateTime', resolvedAt: 'resolvedOnDateTime',
    lastObservedAt: 'lastObservedDateTime', confidenceLevel: 'confidenceLevel', affectedResources: 'affectedResources',
  },
  tenantId ? { tenantId, name: '' } : undefined);
};
