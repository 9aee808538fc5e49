// The team workspace in two real browsers (two Chromium profiles, the same build) sharing through pouchdb-server
// on loopback, started here: ticks reach an open panel, an import reaches the other popup, offline edits converge,
// a wrong password is a state in words, and a hostile record written straight to the server is kept aside as text.
import type { Page, Response as PwResponse } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../../scripts/couch-setup';
import { launch, readStore, type Harness } from './harness';
import { SAMPLE_CUSTOMERS } from './portal-site/fixtures';
import { startRelay, type Relay } from './tcp-proxy';
import { allowServer, connectTeam } from './team-helpers';

const T = { timeout: 30_000, interval: 250 };
const alice = { name: 'alice', password: 'alice-pass' };
const bob = { name: 'bob', password: 'bob-pass' };
const [contoso, fabrikam] = SAMPLE_CUSTOMERS;

let server: TeamServer;
let relay: Relay;
let a: Harness;
let b: Harness;
beforeAll(async () => {
  server = await startTeamServer({ users: [alice, bob] });
  relay = await startRelay(server.port);
  [a, b] = await Promise.all([launch(), launch()]);
  await Promise.all([allowServer(a), allowServer(b)]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await relay?.close();
  await server?.stop();
});

const url = () => `http://127.0.0.1:${relay.port}`;
const status = (p: Page) => p.locator('[data-testid="sync-status"]');

/** Joins as `who` through the options page, with the server reached through the relay. */
const connect = (h: Harness, who: { name: string; password: string }, staffName: string) =>
  connectTeam(h, { url: url(), database: server.database }, who, staffName);

const item = (p: Page, id: string) => p.locator(`[data-testid="checklist-item"][data-item-id="${id}"]`);
const ticked = (p: Page, id: string) => item(p, id).locator('input[type="checkbox"]').isChecked();
const customerPage = (t: { tenantId: string }) => `/dashboard/commerce2/customers/${t.tenantId}/account`;

/** Imports a customers file and an invoices file of one overdue invoice through the options page, as staff do. */
async function importOverdue(h: Harness, customer: { tenantId: string; name: string }, invoice: string): Promise<void> {
  const options = await h.openExtensionPage('options.html');
  await options.locator('[data-testid="import-file"]').setInputFiles([
    { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Company name\n${customer.tenantId},${customer.name}\n`) },
    { name: 'i.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Invoice number,Invoice date,Due date,Amount,Currency\n${customer.tenantId},${invoice},2026-01-01,2026-02-01,10.00,USD\n`) },
  ]);
  await options.locator('[data-testid="import-confirm"]').click();
  await options.locator('[data-testid="import-result"]').waitFor(T);
  await options.close();
}
const overdueRow = (p: Page, t: { tenantId: string }) => p.locator(`[data-testid="overdue-row"][data-tenant-id="${t.tenantId}"]`);

describe('team workspace', () => {
  it('refuses a wrong password with a state in words, and loses nothing', async () => {
    // An import and a tick made before joining stay, and are shared once the member connects with the right password.
    await importOverdue(a, fabrikam, 'INV-JOIN-1');
    const panel = await a.openPortal(customerPage(fabrikam));
    await item(panel, 'phone-contact').locator('input').click();
    await expect.poll(() => ticked(panel, 'phone-contact'), T).toBe(true);

    const options = await connect(a, { name: alice.name, password: 'wrong' }, 'Alice');
    await expect.poll(() => status(options).getAttribute('data-state'), T).toBe('error');
    expect(await options.locator('[data-testid="sync-problem"]').textContent()).toContain('password');
    expect(Number(await status(options).getAttribute('data-pending'))).toBeGreaterThan(0);
    // The password is nowhere in the page (the field is emptied after connecting) nor in the worker's replies.
    expect(await options.content()).not.toContain('wrong"');
    await panel.reload();
    await expect.poll(() => ticked(panel, 'phone-contact'), T).toBe(true);

    await options.locator('[data-testid="sync-password"]').fill(alice.password);
    await options.locator('[data-testid="sync-connect"]').click();
    await expect.poll(() => status(options).getAttribute('data-state'), T).toBe('ok');
    await expect.poll(() => status(options).getAttribute('data-pending'), T).toBe('0');
    await panel.close();
  });

  it('shows a tick made in A in B\'s already-open panel within 10 s', async () => {
    const optionsB = await connect(b, bob, 'Bob');
    await expect.poll(() => status(optionsB).getAttribute('data-state'), T).toBe('ok');
    const pa = await a.openPortal(customerPage(contoso));
    const pb = await b.openPortal(customerPage(contoso));
    await item(pb, 'background-check').waitFor(T);
    await expect.poll(() => pb.locator('[data-testid="sync-indicator"]').getAttribute('data-state'), T).toBe('ok');
    // The panel asks for the team's state only once its data is in: nothing of the team holds up its first paint.
    const marks = await pb.evaluate(() => ['prl:panel-data', 'prl:team-ping'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1));
    expect(marks[0]).toBeGreaterThan(0);
    expect(marks[1]).toBeGreaterThanOrEqual(marks[0]);
    // What A did before joining (fabrikam's phone contact) is already in B.
    await expect.poll(async () => (await readStore<{ tenantId: string; itemId: string; done: boolean }>(optionsB, 'checklist'))
      .some((c) => c.tenantId === fabrikam.tenantId && c.itemId === 'phone-contact' && c.done), T).toBe(true);
    // And so is the import A made before joining: B's popup lists fabrikam's overdue invoice.
    const popupB = await b.openExtensionPage('popup.html');
    await expect.poll(() => overdueRow(popupB, fabrikam).count(), T).toBe(1);
    await popupB.close();

    await item(pa, 'background-check').locator('input').click();
    const started = Date.now();
    await expect.poll(() => ticked(pb, 'background-check'), { timeout: 10_000, interval: 200 }).toBe(true);
    console.log(`tick A → B's open panel: ${Date.now() - started} ms`);
    await expect.poll(() => item(pb, 'background-check').locator('[data-testid="checklist-who"]').textContent(), T).toContain('Alice');
    await pa.close();
    await pb.close();
  });

  it('brings an import made in A to B\'s popup, and to the badge of B\'s open customers list', async () => {
    // B's list shows contoso's badge (worked out, and kept by B's worker) before the import.
    const list = await b.openPortal('/dashboard/commerce2/customers/list');
    const badge = list.locator(`tr[id="row-${contoso.tenantId}"] [data-testid="risk-badge"]`);
    await badge.waitFor(T);
    expect(await badge.getAttribute('data-overdue')).toBeNull();
    // The import goes to the server from A's import page itself while A writes it, not later through A's worker.
    const puts: number[] = [];
    const onResponse = (r: PwResponse) => { if (r.request().method() === 'PUT' && r.url().includes('/import%3A')) puts.push(r.status()); };
    a.context.on('response', onResponse);
    await importOverdue(a, contoso, 'INV-TEAM-1');
    a.context.off('response', onResponse);
    expect(puts).toEqual([201]);
    const popup = await b.openExtensionPage('popup.html');
    await expect.poll(() => overdueRow(popup, contoso).count(), T).toBe(1);
    expect(await popup.locator('[data-testid="sync-indicator"]').getAttribute('data-state')).toMatch(/ok|syncing/);
    // The colleague's import drops the badges B's worker kept: the open list repaints contoso as overdue.
    await expect.poll(() => badge.getAttribute('data-overdue'), T).toBe('true');
    await popup.close();
    await list.close();
  });

  it('converges after both tick offline (same item and different items), and the history keeps every tick', { timeout: 120_000 }, async () => {
    const pa = await a.openPortal(customerPage(fabrikam));
    const pb = await b.openPortal(customerPage(fabrikam));
    for (const p of [pa, pb]) await item(p, 'sms-verification').waitFor(T);
    await relay.down();
    await expect.poll(() => pa.locator('[data-testid="sync-indicator"]').getAttribute('data-state'), T).toBe('offline');
    // Same item: A ticks, then B unticks after it (later by time: B's wins); different items: one each.
    await item(pa, 'sms-verification').locator('input').click();
    await expect.poll(() => ticked(pa, 'sms-verification'), T).toBe(true);
    await item(pb, 'sms-verification').locator('input').click();
    await expect.poll(() => ticked(pb, 'sms-verification'), T).toBe(true);
    await item(pb, 'sms-verification').locator('input').click();
    await expect.poll(() => ticked(pb, 'sms-verification'), T).toBe(false);
    await item(pa, 'digital-identity').locator('input').click();
    await item(pb, 'card-fraud-check').locator('input').click();
    await expect.poll(async () => Number(await pa.locator('[data-testid="sync-indicator"]').getAttribute('data-pending')), T).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => Number(await pb.locator('[data-testid="sync-indicator"]').getAttribute('data-pending')), T).toBeGreaterThanOrEqual(3);

    await relay.up();
    const state = async (p: Page) => Promise.all(['sms-verification', 'digital-identity', 'card-fraud-check'].map((i) => ticked(p, i)));
    await expect.poll(() => state(pa), { timeout: 90_000, interval: 500 }).toEqual([false, true, true]);
    await expect.poll(() => state(pb), { timeout: 90_000, interval: 500 }).toEqual([false, true, true]);
    for (const h of [a, b]) {
      const popup = await h.openExtensionPage('popup.html');
      const history = (await readStore<{ tenantId: string; itemId: string; to: boolean }>(popup, 'checklistHistory'))
        .filter((c) => c.tenantId === fabrikam.tenantId && c.itemId === 'sms-verification');
      expect(history.map((c) => c.to).sort()).toEqual([false, true, true]);
      await popup.close();
    }
    await pa.close();
    await pb.close();
  });

  it('keeps a hostile record written straight to the server aside, as text, while good records still arrive', async () => {
    const hostileId = 'tick:<img src=x onerror="window.__prlPwned=1">';
    const put = async (doc: Record<string, unknown>) => {
      const r = await server.request(`/${server.database}/${encodeURIComponent(doc._id as string)}`, { method: 'PUT', body: doc, as: alice });
      expect(r.status).toBe(201);
    };
    // Wrong shape (an item id that is a number, no tenant) with markup in its id and name.
    await put({ _id: hostileId, v: 1, kind: 'tick', member: alice.name, by: '<b onmouseover=alert(1)>Mallory</b>', at: new Date().toISOString(), itemId: 7, done: 'yes' });
    // A good record after it, with markup in the staff name: applied, and shown as text.
    await put({ _id: `tick:${contoso.tenantId}:hostile-test`, v: 1, kind: 'tick', member: alice.name, by: '<i>Eve</i>', at: new Date().toISOString(),
      tenantId: contoso.tenantId, itemId: 'digital-identity', done: true });

    const options = await b.openExtensionPage('options.html');
    const rejected = options.locator('[data-testid="sync-rejected"]');
    await expect.poll(() => rejected.count(), T).toBeGreaterThanOrEqual(1);
    const row = options.locator(`[data-testid="sync-rejected"][data-doc-id="${hostileId.replace(/"/g, '\\"')}"]`);
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('<img src=x');
    expect(await options.locator('[data-testid="sync-rejected"] img').count()).toBe(0);
    expect(await options.evaluate(() => (window as { __prlPwned?: number }).__prlPwned)).toBeUndefined();

    const pb = await b.openPortal(customerPage(contoso));
    await expect.poll(() => ticked(pb, 'digital-identity'), T).toBe(true);
    await expect.poll(() => item(pb, 'digital-identity').locator('[data-testid="checklist-who"]').textContent(), T).toContain('<i>Eve</i>');
    expect(await item(pb, 'digital-identity').locator('i').count()).toBe(0);
    await pb.close();
    await options.close();
  });

  it('keeps the local data when disconnecting', async () => {
    const options = await b.openExtensionPage('options.html');
    const before = (await readStore(options, 'checklist')).length;
    await options.locator('[data-testid="sync-disconnect"]').click();
    await expect.poll(() => status(options).getAttribute('data-state'), T).toBe('off');
    expect((await readStore(options, 'checklist')).length).toBe(before);
    await options.close();
  });
});
