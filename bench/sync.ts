// `npm run bench -- sync`: two browsers (two Chromium profiles, the same build) connected to pouchdb-server on
// loopback: a 100,000-row receivables import made in A until B's open popup shows it, 1,000 ticks made in A until
// B has them all, and B's panel (click in the grid to score shown) while connected, against the panel's budget.
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { startTeamServer } from '../scripts/couch-setup';
import { countStore, launch } from '../tests/e2e/harness';
import { allowServer, connectTeam } from '../tests/e2e/team-helpers';
import { panelRun, portalCustomers } from './panel-run';

interface Figure { id: string; what: string; value: number; unit: string; budget?: number; note?: string }

const waitState = async (p: Page, state: string) =>
  p.waitForFunction((s) => document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-state') === s, state, { timeout: 60_000, polling: 200 });

export async function syncFigures(
  record: (f: Figure) => void,
  tools: { bigFiles(c: number, i: number): { customers: string; invoices: string }; guid(i: number): string; median(xs: number[]): number; runs: number },
): Promise<void> {
  const alice = { name: 'alice', password: 'alice-pass' };
  const bob = { name: 'bob', password: 'bob-pass' };
  const server = await startTeamServer({ users: [alice, bob] });
  // B's portal lists the store's first 2,000 customers, for the panel opened from the grid.
  const [a, b] = await Promise.all([launch(), launch({ portal: { customers: portalCustomers(tools.guid, 2000), rowSwapMs: 700 } })]);
  try {
    for (const h of [a, b]) await h.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await Promise.all([allowServer(a), allowServer(b)]);
    const optA = await connectTeam(a, server, alice, 'Alice');
    const optB = await connectTeam(b, server, bob, 'Bob');
    await Promise.all([waitState(optA, 'ok'), waitState(optB, 'ok')]);
    await optB.close();

    // 1. 10,000 customers, then 100,000 receivables imported in A; B's popup is open and waits for its first overdue row.
    const files = tools.bigFiles(10_000, 100_000);
    const popupB = await b.openExtensionPage('popup.html');
    const importIn = async (file: string) => {
      await optA.reload();
      await optA.locator('[data-testid="import-file"]').setInputFiles([file]);
      await optA.locator('[data-testid="import-confirm"]').click({ timeout: 120_000 });
      const t0 = Date.now();
      await optA.locator('[data-testid="import-result"]').waitFor({ timeout: 180_000 });
      return { t0, local: Date.now() - t0 };
    };
    const c = await importIn(files.customers);
    await b.openExtensionPage('options.html').then(async (p) => {
      await p.waitForFunction(async () => {
        const db = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('partner-risk-lens'); r.onsuccess = () => ok(r.result); });
        const n = await new Promise<number>((ok) => { const q = db.transaction('customers').objectStore('customers').count(); q.onsuccess = () => ok(q.result); });
        db.close();
        return n >= 10_000;
      }, undefined, { timeout: 120_000, polling: 500 });
      await p.close();
    });
    const customersMs = Date.now() - c.t0;
    const inv = await importIn(files.invoices);
    await popupB.locator('[data-testid="overdue-row"]').first().waitFor({ timeout: 180_000 });
    const importMs = Date.now() - inv.t0;
    record({ id: 'sync-import-100k', what: 'team: 100,000-row receivables import in A until B\'s open popup shows it', value: importMs, unit: 'ms', budget: 60_000,
      note: `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores at the end (other work shares the machine); of which A's own import (click to result) ${inv.local} ms; the 10,000-customer file before it reached B's store in ${customersMs} ms; B's popup exchanges every 3 s` });

    // 2. 1,000 ticks made in A (10 messages of 100, as the panel sends a burst), until B's store has every record.
    const before = await countStore(popupB, 'teamRecords');
    const items = ['phone-contact', 'background-check', 'sms-verification', 'digital-identity', 'card-fraud-check'];
    const t1 = Date.now();
    for (let m = 0; m < 10; m++) {
      await optA.evaluate(async ({ tenantId, items }) => {
        const r = await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage({ type: 'checklist.setMany', tenantId, via: 'panel', items: Array.from({ length: 100 }, (_, k) => ({ itemId: items[k % items.length], done: k % 2 === 0 })) });
        if (!r?.ok) throw new Error(r?.error ?? 'no answer');
      }, { tenantId: tools.guid(m), items });
    }
    const written = Date.now() - t1;
    let arrived = 0;
    for (;;) {
      arrived = (await countStore(popupB, 'teamRecords')) - before;
      if (arrived >= 1000 || Date.now() - t1 > 180_000) break;
      await popupB.waitForTimeout(250);
    }
    record({ id: 'sync-ticks-1000', what: 'team: 1,000 ticks made in A until all are in B\'s store (B\'s popup open)', value: Date.now() - t1, unit: 'ms',
      note: `${arrived} of 1,000 arrived; writing them in A took ${written} ms` });
    await popupB.close();

    // 3. B's panel with the team connected (10,000 customers, 100,000 invoices), measured as the panel figure without
    // the team is: from the in-app click on the customer's name in the grid to the panel with its score, warm.
    await panelRun(b, tools.guid(100));
    const panels: Array<{ total: number; data: number }> = [];
    for (let r = 0; r < tools.runs; r++) panels.push(await panelRun(b, tools.guid(200 + r)));
    record({ id: 'sync-panel', what: 'team connected: customer panel, click in the grid to score shown (10,000 customers, warm)', value: tools.median(panels.map((x) => x.total)), unit: 'ms', budget: 100,
      note: `measured as the panel figure (in-app navigation from the customers grid); of which the background's answer ${Math.round(tools.median(panels.map((x) => x.data)))} ms; runs ${panels.map((x) => Math.round(x.total)).join(', ')} ms; the list page and the panel ask for the team's state every 3 s` });
  } finally {
    await Promise.all([a.close(), b.close()]).catch(() => undefined);
    await server.stop();
  }
}
