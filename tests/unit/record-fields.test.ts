// The facts a risk review wants (subscription terms, the period a spending figure covers, an alert's confidence,
// last sighting and affected resources) are kept: records written before them still read, and a backup keeps them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitImport, DB_NAME, exportBackup, openStore, readCustomerDetail, restoreBackup } from '../../lib/db';
import { Alert, Spending, Subscription, type Customer } from '../../lib/schema';

const NOW = '2026-11-25T10:00:00.000Z';
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const S = '11111111-0000-4000-8000-000000000009';

const subscription: Subscription = {
  id: S, tenantId: A, offerName: 'Microsoft 365 E3', status: 'active', createdOn: '2026-10-02', seenAt: NOW,
  quantity: 250, billingCycle: 'monthly', termDuration: 'P1Y', commitmentEndDate: '2027-10-01', isTrial: false, autoRenewEnabled: true,
};
const spending: Spending = { tenantId: A, budget: 100000, spendToDate: 2883, asOf: '2026-11-24', currency: 'GBP', billingStartDate: '2026-11-01', billingEndDate: '2026-11-30' };
const alert: Alert = {
  id: 'e9', source: 'fraudEvents', tenantId: A, type: 'UsageAnomalyDetection', name: 'Usage anomaly', status: 'active', detectedAt: '2026-11-24T08:00:00.000Z', isTest: false,
  confidenceLevel: 'High', lastObservedAt: '2026-11-24T09:00:00.000Z', affectedResources: ['vm1', 'vm2', 'vm3'],
};
const customer: Customer = { tenantId: A, name: 'Contoso', origin: 'import', updatedAt: NOW };

describe('new record fields', () => {
  it('reads records written before these fields existed (the v2 fixture), as they are', async () => {
    const fixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/db/v2.json'), 'utf8')) as { version: number; stores: Record<string, { keyPath?: string | string[]; indexes: Record<string, string>; records: unknown[] }> };
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, fixture.version);
      req.onupgradeneeded = () => {
        for (const [name, s] of Object.entries(fixture.stores)) {
          const os = req.result.createObjectStore(name, s.keyPath ? { keyPath: s.keyPath } : undefined);
          for (const [idx, path] of Object.entries(s.indexes)) os.createIndex(idx, path);
          for (const r of s.records) if (s.keyPath) os.put(r); else os.put((r as { value: unknown }).value, (r as { key: string }).key);
        }
      };
      req.onsuccess = () => { req.result.close(); resolve(); };
      req.onerror = () => reject(req.error);
    });
    const db = await openStore();
    const detail = await readCustomerDetail(db, A);
    expect(detail.subscriptions).toEqual(fixture.stores.subscriptions.records);
    for (const s of await db.getAll('subscriptions')) expect(Subscription.safeParse(s).success).toBe(true);
    for (const s of await db.getAll('spending')) expect(Spending.safeParse(s).success).toBe(true);
    for (const a of await db.getAll('alerts')) expect(Alert.safeParse(a).success).toBe(true);
    db.close();
  });

  it('stores them on import and a backup restores them whole', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [customer], subscriptions: [subscription], spending: [spending], alerts: [alert] }, NOW);
    // The panel's budget row reads the account summary: it carries the period the latest figure covers.
    const period = { billingStartDate: '2026-11-01', billingEndDate: '2026-11-30' };
    expect((await db.get('summaries', A))!.facts.spending!.latest).toMatchObject(period);
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, NOW)));
    expect(backup.stores.subscriptions).toEqual([subscription]);
    expect(backup.stores.spending).toEqual([spending]);
    expect(backup.stores.alerts).toEqual([alert]);
    db.close();
    globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
    const other = await openStore();
    await restoreBackup(other, backup);
    expect(await other.getAll('subscriptions')).toEqual([subscription]);
    expect(await other.getAll('spending')).toEqual([spending]);
    expect(await other.getAll('alerts')).toEqual([alert]);
    expect((await other.get('summaries', A))!.facts.spending!.latest).toMatchObject(period);
    other.close();
  });
});
