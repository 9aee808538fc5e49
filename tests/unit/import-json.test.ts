// JSON imports: Partner Center REST shapes, Microsoft's security alerts (both APIs), our own backups.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTranslate, type MessageBundle } from '../../lib/i18n';
import { say } from '../../lib/wording';
import { BACKUP_FORMAT } from '../../lib/backup';
import { DB_VERSION } from '../../lib/db/open';
import { parseImportFile, type ParseContext } from '../../lib/import';
import { Alert, Customer, defaultSettings, Spending, Subscription } from '../../lib/schema';
import { english, englishErrors } from './english';

const A = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const B = '6b1d7c2a-8e4f-4c1b-b2d3-9f8e7a6b5c41';
const S1 = '0c4f5e2a-1b3d-4e5f-8a9b-0c1d2e3f4a51';
const S2 = '1d5a6f3b-2c4e-4f6a-9b0c-1d2e3f4a5b62';
const NOW = '2026-11-25T10:00:00.000Z';
const ctx: ParseContext = { settings: { dateOrder: 'auto', decimalSeparator: 'auto' }, now: NOW, knownDomains: new Map() };
const parse = (value: unknown, name = 'file.json') => parseImportFile(name, typeof value === 'string' ? value : JSON.stringify(value), ctx);

describe('Partner Center customers', () => {
  it('reads a customer collection: upper-case GUIDs, no billingProfile in a list, extra keys ignored', async () => {
    const f = await parse({
      totalCount: 2,
      items: [
        { id: A.toUpperCase(), commerceId: 'x', companyProfile: { tenantId: A, companyName: 'Contoso', domain: 'Contoso.onmicrosoft.com', links: {} }, relationshipToPartner: 'reseller', allowDelegatedAccess: true, links: { self: { uri: `/customers/${A}` } }, attributes: { objectType: 'Customer' } },
        { id: B, companyProfile: { companyName: 'Fabrikam', domain: 'fabrikam.onmicrosoft.com' } },
      ],
      links: {},
      attributes: { objectType: 'Collection' },
    }, 'customers.json');
    expect(f).toMatchObject({ name: 'customers.json', kind: 'customers', format: 'json', rowsRead: 2, valid: 2, errors: [] });
    expect(f.batch).toEqual({
      customers: [
        { tenantId: A, name: 'Contoso', domain: 'contoso.onmicrosoft.com', relationship: 'reseller', origin: 'import', updatedAt: NOW },
        { tenantId: B, name: 'Fabrikam', domain: 'fabrikam.onmicrosoft.com', origin: 'import', updatedAt: NOW },
      ],
    });
    for (const c of f.batch.customers!) expect(Customer.safeParse(c).success).toBe(true);
  });

  it('reads a single customer with its billing profile country', async () => {
    const f = await parse({ id: A, companyProfile: { companyName: 'Litware SARL', domain: 'litware.onmicrosoft.com' }, billingProfile: { defaultAddress: { country: 'fr', city: 'Lyon' } } });
    expect(f).toMatchObject({ kind: 'customers', rowsRead: 1, valid: 1 });
    expect(f.batch.customers![0]).toMatchObject({ tenantId: A, name: 'Litware SARL', country: 'FR' });
  });

  it('names each bad item counting from 1, with the key as the file writes it', async () => {
    const f = await parse({ items: [
      { id: A, companyProfile: { companyName: 'Contoso' } },
      { id: 'not-a-guid', companyProfile: { companyName: 'Broken' } },
      { id: B, companyProfile: {} },
      'text',
      { id: B, companyProfile: { companyName: 'Fabrikam' }, billingProfile: { defaultAddress: { country: 'Atlantis' } } },
    ] });
    expect(f).toMatchObject({ rowsRead: 5, valid: 1 });
    expect(englishErrors(f.errors)).toEqual([
      { line: 2, message: "item 2: id 'not-a-guid' is not a GUID" },
      { line: 3, message: 'item 3: companyProfile.companyName is missing' },
      { line: 4, message: 'item 4: is not an object' },
      { line: 5, message: "item 5: billingProfile.defaultAddress.country 'Atlantis' is not a country (use an ISO code such as FR or an English name such as France)" },
    ]);
  });
});

describe('Partner Center subscriptions and usage', () => {
  const sub = (id: string, tenant: string, extra: object = {}) => ({
    id, offerId: 'DZH318Z0BCZC:0001', offerName: 'Azure plan', quantity: 1, status: 'active', creationDate: '2026-11-02T08:00:00.1234567Z',
    links: { self: { uri: `customers/${tenant}/subscriptions/${id}`, method: 'GET', headers: [] } }, attributes: { objectType: 'Subscription' }, ...extra,
  });

  it('reads the subscription collection with the tenant id from links.self.uri', async () => {
    const f = await parse({ totalCount: 2, items: [sub(S1, A.toUpperCase()), sub(S2, A, { status: 'Suspended', offerName: 'Microsoft 365 E3' })], links: {}, attributes: {} });
    expect(f).toMatchObject({ kind: 'subscriptions', rowsRead: 2, valid: 2, errors: [] });
    expect(f.batch).toEqual({
      subscriptions: [
        { id: S1, tenantId: A, offerName: 'Azure plan', status: 'active', createdOn: '2026-11-02', seenAt: NOW, quantity: 1 },
        { id: S2, tenantId: A, offerName: 'Microsoft 365 E3', status: 'suspended', createdOn: '2026-11-02', seenAt: NOW, quantity: 1 },
      ],
    });
    for (const s of f.batch.subscriptions!) expect(Subscription.safeParse(s).success).toBe(true);
  });

  it('reads one subscription object, and names items without a customer in their link', async () => {
    expect((await parse(sub(S1, A))).batch.subscriptions).toHaveLength(1);
    const f = await parse({ items: [sub(S1, A, { links: { self: { uri: `subscriptions/${S1}` } } }), sub(S2, A, { status: 'sleeping', creationDate: 'soon' })] });
    expect(englishErrors(f.errors)).toEqual([
      { line: 1, message: 'item 1: links.self.uri names no customer (…/customers/{id}/subscriptions/…)' },
      { line: 2, message: "item 2: status 'sleeping' is not a subscription status (none, active, pending, suspended, expired, disabled, deleted); creationDate 'soon' is not a date" },
    ]);
  });

  it('reads a usage summary as a spending snapshot as of the date of lastModifiedDate', async () => {
    const f = await parse({ resourceId: A.toUpperCase(), resourceName: 'Contoso', budget: { amount: 2000.0 }, totalCost: 1875.4, currencyLocale: 'en-US', currencyCode: 'usd', billingStartDate: '2026-11-01T00:00:00Z', lastModifiedDate: '2026-11-24T23:10:00-05:00', links: {} });
    expect(f).toMatchObject({ kind: 'spending', rowsRead: 1, valid: 1, errors: [] });
    expect(f.batch).toEqual({ spending: [{ tenantId: A, budget: 200000, spendToDate: 187540, asOf: '2026-11-24', currency: 'USD', billingStartDate: '2026-11-01' }] });
    expect(Spending.safeParse(f.batch.spending![0]).success).toBe(true);
  });

  it('leaves the budget absent when none is set, and names what a usage summary lacks', async () => {
    const f = await parse([
      { resourceId: A, budget: null, totalCost: 12, currencyCode: 'JPY', lastModifiedDate: '2026-11-24T10:00:00Z' },
      { resourceId: B, totalCost: 12.5, currencyCode: 'JPY', lastModifiedDate: '2026-11-24T10:00:00Z' },
      { resourceId: B, totalCost: 1 },
    ]);
    // Microsoft's estimates are rounded half-even to the currency's minor unit: 12.5 JPY is 12.
    expect(f.batch.spending).toEqual([{ tenantId: A, spendToDate: 12, asOf: '2026-11-24', currency: 'JPY' }, { tenantId: B, spendToDate: 12, asOf: '2026-11-24', currency: 'JPY' }]);
    expect(englishErrors(f.errors)).toEqual([
      { line: 3, message: 'item 3: currencyCode is missing: the amounts cannot be read without it; lastModifiedDate is missing or not a date' },
    ]);
  });
});

describe('Microsoft security alerts', () => {
  const fraud = (over: object = {}) => ({
    partnerId: 'p', eventId: 'e1', eventTime: '2026-11-24T08:00:00', customerTenantId: A.toUpperCase(), customerFriendlyName: 'Contoso',
    subscriptionId: S1, subscriptionName: 'Azure plan', eventType: 'UsageAnomalyDetection', eventStatus: 'Active', severity: 'High', confidenceLevel: 'High',
    displayName: 'Usage anomaly', description: 'Usage far above history.', hitCount: '42', firstObserved: '2026-11-24T06:00:00', lastObserved: '2026-11-24T08:00:00',
    resolvedReason: '', resolvedOn: '9999-12-31T23:59:59', resolvedBy: '', affectedResources: [{ resourceName: 'vm1' }], additionalDetails: { a: 1 }, IsTest: 'false', ...over,
  });

  it('maps Partner Center fraud events to alerts: string counts and flags, year 9999 as unresolved, times in UTC', async () => {
    const f = await parse([fraud(), fraud({ eventId: 'e2', customerTenantId: B, customerFriendlyName: 'Fabrikam', eventStatus: 'Resolved', resolvedReason: 'Fraud', resolvedOn: '2026-11-25T01:00:00+01:00', hitCount: '7' })], 'fraudEvents.json');
    expect(f).toMatchObject({ kind: 'alerts', format: 'json', rowsRead: 2, valid: 2, errors: [] });
    expect(f.batch.alerts).toEqual([
      { id: 'e1', source: 'fraudEvents', tenantId: A, subscriptionId: S1, type: 'UsageAnomalyDetection', name: 'Usage anomaly', severity: 'High', status: 'active', detectedAt: '2026-11-24T08:00:00.000Z', isTest: false, description: 'Usage far above history.', hitCount: 42, confidenceLevel: 'High', lastObservedAt: '2026-11-24T08:00:00.000Z', affectedResources: ['vm1'] },
      { id: 'e2', source: 'fraudEvents', tenantId: B, subscriptionId: S1, type: 'UsageAnomalyDetection', name: 'Usage anomaly', severity: 'High', status: 'resolved', detectedAt: '2026-11-24T08:00:00.000Z', resolvedAt: '2026-11-25T00:00:00.000Z', resolvedReason: 'Fraud', isTest: false, description: 'Usage far above history.', hitCount: 7, confidenceLevel: 'High', lastObservedAt: '2026-11-24T08:00:00.000Z', affectedResources: ['vm1'] },
    ]);
    expect(f.batch.alertCustomers).toEqual([{ tenantId: A, name: 'Contoso' }, { tenantId: B, name: 'Fabrikam' }]);
    for (const a of f.batch.alerts!) expect(Alert.safeParse(a).success).toBe(true);
  });

  it('keeps test alerts, marked as tests, and reads older events without a type as crypto mining', async () => {
    const { eventType: _none, ...old } = fraud({ eventId: 'e3', IsTest: 'true', displayName: undefined });
    const f = await parse([old]);
    expect(f.batch.alerts![0]).toMatchObject({ id: 'e3', isTest: true, type: 'NetworkConnectionsToCryptoMiningPools', name: 'NetworkConnectionsToCryptoMiningPools' });
  });

  it('reads one fraud event object on its own', async () => {
    expect((await parse(fraud())).batch.alerts).toHaveLength(1);
  });

  it('maps Graph partner security alerts ({ value: [...] }) and keeps newer alert types as given', async () => {
    const f = await parse({
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#security/partner/securityAlerts',
      value: [
        { id: 'g1', displayName: 'Anomalous resource consumption', alertType: 'ARM_AnomalousResourceConsumption', status: 'investigating', severity: 'high', confidenceLevel: 'medium', customerTenantId: A, subscriptionId: S1, detectedDateTime: '2026-11-25T01:00:00Z', firstObservedDateTime: '2026-11-25T00:30:00Z', resolvedOnDateTime: null, isTest: false, additionalDataBag: {} },
        { id: 'g2', displayName: 'Test', alertType: 'SomethingMicrosoftAddsNextYear', status: 'resolved', severity: 'informational', customerTenantId: B, detectedDateTime: '2026-11-20T01:00:00Z', resolvedReason: 'legitimate', resolvedOnDateTime: '2026-11-21T09:00:00Z', isTest: true },
        { id: 'g3', alertType: 'CryptoMining', status: 'active', customerTenantId: B, detectedDateTime: '2026-11-20T01:00:00Z', resolvedOnDateTime: '9999-12-31T23:59:59Z', isTest: false },
      ],
    }, 'securityAlerts.json');
    expect(f).toMatchObject({ kind: 'alerts', rowsRead: 3, valid: 3, errors: [] });
    expect(f.batch.alerts).toEqual([
      { id: 'g1', source: 'graph', tenantId: A, subscriptionId: S1, type: 'ARM_AnomalousResourceConsumption', name: 'Anomalous resource consumption', severity: 'high', status: 'investigating', detectedAt: '2026-11-25T01:00:00.000Z', isTest: false, confidenceLevel: 'medium' },
      { id: 'g2', source: 'graph', tenantId: B, type: 'SomethingMicrosoftAddsNextYear', name: 'Test', severity: 'informational', status: 'resolved', detectedAt: '2026-11-20T01:00:00.000Z', resolvedAt: '2026-11-21T09:00:00.000Z', resolvedReason: 'legitimate', isTest: true },
      { id: 'g3', source: 'graph', tenantId: B, type: 'CryptoMining', name: 'CryptoMining', status: 'active', detectedAt: '2026-11-20T01:00:00.000Z', isTest: false },
    ]);
    // Graph names no customer: the commit adds unknown tenants with an empty name rather than drop an alert.
    expect(f.batch.alertCustomers).toEqual([{ tenantId: A, name: '' }, { tenantId: B, name: '' }]);
  });

  it('names the bad items of an alerts file, the others kept', async () => {
    const f = await parse([fraud(), fraud({ eventId: '', customerTenantId: 'nope', eventTime: 'yesterday', eventStatus: 'Open' })]);
    expect(f).toMatchObject({ rowsRead: 2, valid: 1 });
    expect(englishErrors(f.errors)).toEqual([{ line: 2, message: "item 2: customerTenantId 'nope' is not a GUID; eventId is missing; eventTime is missing or not a date-time; status 'open' (eventStatus) is not active, investigating or resolved" }]);
  });
});

describe('backups and unreadable files', () => {
  const backup = (over: object = {}) => ({
    format: BACKUP_FORMAT, schemaVersion: DB_VERSION, exportedAt: NOW, settings: defaultSettings(), meta: { lastImport: {}, panelOpen: true },
    stores: { customers: [{ tenantId: A, name: 'Contoso', updatedAt: NOW }], subscriptions: [], invoices: [], spending: [], checklist: [], checklistHistory: [], flags: [], alerts: [], triage: [], teamRecords: [] },
    ...over,
  });

  it('checks a backup whole and hands it over for restore, writing nothing into the batch', async () => {
    const f = await parse(backup(), 'partner-risk-lens-backup.json');
    expect(f).toMatchObject({ kind: 'backup', format: 'json', rowsRead: 1, valid: 1, errors: [], batch: {} });
    expect(f.fatal).toBeUndefined();
    expect(f.backup?.stores.customers).toEqual([{ tenantId: A, name: 'Contoso', updatedAt: NOW }]);
  });

  it('refuses a newer or damaged backup as a whole file', async () => {
    const newer = await parse(backup({ schemaVersion: DB_VERSION + 1 }));
    expect(newer).toMatchObject({ kind: 'backup', rowsRead: 0 });
    expect(newer.fatal).toMatchObject({ key: 'restore_newer' });
    expect(newer.backup).toBeUndefined();
    const damaged = await parse(backup({ stores: { customers: [{ tenantId: 'x' }] } }));
    expect(damaged.fatal).toMatchObject({ key: 'restore_damaged', subs: [expect.stringMatching(/^stores\.customers\.0\.tenantId, /)] });
  });

  it('refuses text that is not JSON, shapes it does not read, and empty collections, saying which', async () => {
    expect(english((await parse('{"items": [', 'a.json')).fatal)).toBe('This file is not valid JSON: it breaks at line 1, column 12.');
    // In the UI's language: where the file breaks, never the engine's English words.
    const broken = (await parse('{"items": [', 'a.json')).fatal!;
    const fr = makeTranslate(JSON.parse(readFileSync('public/_locales/fr/messages.json', 'utf8')) as MessageBundle);
    expect(say(fr, broken)).toMatch(/^Ce fichier n’est pas du JSON valide : il s’interrompt à la ligne 1, colonne \d+\.$/);
    expect(english((await parse({ hello: 1 })).fatal)).toBe('This JSON file is not a shape Partner Risk Lens reads: a Partner Center customer, subscription or usage-summary collection, fraud events, Microsoft Graph security alerts, or a Partner Risk Lens backup.');
    expect(english((await parse({ totalCount: 0, items: [] })).fatal)).toBe('This JSON file lists no items: there is nothing to import.');
    expect(english((await parse([])).fatal)).toMatch(/lists no items/);
    for (const f of [await parse('42'), await parse('null')]) expect(f).toMatchObject({ kind: 'unknown', format: 'json', batch: {} });
  });

  it('reads JSON by its content whatever the file is called, BOM included', async () => {
    const event = { eventId: 'e0', eventTime: '2026-11-24T08:00:00Z', customerTenantId: A, eventStatus: 'Active', IsTest: 'false' };
    const f = await parseImportFile('export.txt', `\uFEFF ${JSON.stringify([event])}`, ctx);
    expect(f).toMatchObject({ kind: 'alerts', format: 'json', valid: 1 });
  });

  it('reports progress from 0 to 1 and yields while reading a large collection', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: `${String(i).padStart(8, '0')}-1111-4111-8111-111111111111`, companyProfile: { companyName: `Customer ${i}` } }));
    const progress: number[] = [];
    const f = await parseImportFile('big.json', JSON.stringify({ items }), ctx, (x) => progress.push(x));
    expect(f.valid).toBe(20_000);
    expect(progress[0]).toBe(0);
    expect(progress.filter((x) => x > 0 && x < 1).length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
  });
});

