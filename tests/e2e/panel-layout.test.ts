// The panel at a laptop's size, in the real browser: the next step first, a docked column that never hides the
// portal's buttons, Escape and the keyboard command, notes from the keyboard, folding remembered, guidance links.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { SAMPLE_CUSTOMERS } from './portal-site/fixtures';

let h: Harness;
const T = { timeout: 15_000 };
const [contoso, fabrikam, northwind] = SAMPLE_CUSTOMERS;
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('en-CA');

beforeAll(async () => {
  h = await launch();
  // Contoso: an open Microsoft alert detected 18 hours ago (6 hours left). Fabrikam: an invoice 95 days past due.
  // Northwind: a typical customer, an invoice not yet due.
  const options = await h.openExtensionPage('options.html');
  await options.locator('[data-testid="import-file"]').setInputFiles([
    { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Company name\n${[contoso, fabrikam, northwind].map((c) => `${c.tenantId},${c.name}`).join('\n')}\n`) },
    { name: 'i.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Invoice number,Invoice date,Due date,Amount,Currency\n${fabrikam.tenantId},INV-1,${day(-125)},${day(-95)},1200.00,USD\n${northwind.tenantId},INV-2,${day(-5)},${day(25)},300.00,USD\n`) },
    { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{
      eventId: 'fe-4242', eventTime: new Date(Date.now() - 18 * 3_600_000).toISOString(), customerTenantId: contoso.tenantId, eventType: 'UsageAnomalyDetection',
      eventStatus: 'Active', severity: 'High', displayName: 'Usage anomaly', resolvedOn: '9999-12-31T23:59:59Z', IsTest: 'false',
    }])) },
  ]);
  await options.locator('[data-testid="import-preview"]').nth(2).waitFor(T);
  await options.locator('[data-testid="import-confirm"]').click();
  await options.locator('[data-testid="import-result"]').waitFor(T);
  await options.close();
});
afterAll(async () => { await h?.close(); });

const customerPage = async (tenantId: string, size?: { width: number; height: number }) => {
  const page = await h.context.newPage();
  if (size) await page.setViewportSize(size);
  await page.goto(`https://partner.microsoft.com/dashboard/commerce2/customers/${tenantId}/account`);
  await page.locator('[data-testid="risk-score"]').waitFor(T);
  return page;
};
const step = (p: Page) => p.locator('[data-testid="panel-next-step"]');
/** What the page's own document has the focus on (the panel's host, when the focus is inside the panel). */
const pageFocus = (p: Page) => p.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase());
/** The control focused inside the panel's shadow root. */
const panelFocus = (p: Page) => p.evaluate(() => {
  const el = document.querySelector('prl-risk-panel')?.shadowRoot?.activeElement;
  return el ? el.getAttribute('data-testid') ?? el.id : null;
});

describe('the next step first', () => {
  it('names the alert to answer, with its time left, for a customer with an open alert, and goes to it', async () => {
    const page = await customerPage(contoso.tenantId);
    await expect.poll(() => step(page).getAttribute('data-action'), T).toBe('answer-alert');
    expect(await step(page).textContent()).toMatch(/Answer Microsoft's alert: (5 h \d+ min|6 h 0 min) left/);
    await page.locator('[data-testid="panel-next-step-go"]').click();
    await expect.poll(() => page.evaluate(() => !!document.querySelector('prl-risk-panel')?.shadowRoot?.activeElement?.closest('[data-alert-id="fe-4242"]')), T).toBe(true);
    await page.close();
  });

  it('names the overdue stage for an overdue customer', async () => {
    const page = await customerPage(fabrikam.tenantId);
    await expect.poll(() => step(page).getAttribute('data-action'), T).toBe('collect');
    expect(await step(page).textContent()).toContain('95 days overdue: suspension recommended');
    await page.close();
  });
});

describe('it never hides the portal', () => {
  for (const width of [1024, 1280]) {
    it(`docks as a column at ${width} px: the button at the page's right edge stays clickable with the panel open`, async () => {
      const page = await customerPage(northwind.tenantId, { width, height: 768 });
      const panel = page.locator('[data-testid="risk-panel"]');
      await expect.poll(() => panel.getAttribute('data-docked'), T).toBe('true');
      expect(await page.locator('[data-testid="panel-toggle"]').getAttribute('aria-expanded')).toBe('true');
      const edge = page.locator('#edge-button');
      await edge.waitFor(T);
      const hit = () => page.evaluate(() => {
        const b = document.getElementById('edge-button')!.getBoundingClientRect();
        return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.id ?? null;
      });
      await expect.poll(hit, T).toBe('edge-button');
      const [button, column] = await Promise.all([edge.boundingBox(), panel.boundingBox()]);
      expect(button!.x + button!.width).toBeLessThanOrEqual(column!.x + 1);
      // A person's click lands on it (Playwright refuses to click an element something else covers).
      await page.evaluate(() => document.getElementById('edge-button')!.addEventListener('click', () => { (window as unknown as { clicked: number }).clicked = 1; }));
      await edge.click({ timeout: 5_000 });
      expect(await page.evaluate(() => (window as unknown as { clicked?: number }).clicked)).toBe(1);

      // Folded, it is a strip the page still makes room for; leaving the customer's pages gives the page its width back.
      await page.locator('[data-testid="panel-toggle"]').click();
      await expect.poll(hit, T).toBe('edge-button');
      await page.locator('[data-testid="panel-toggle"]').click();
      await page.locator('#breadcrumb a').click();
      await expect.poll(() => panel.count(), T).toBe(0);
      expect(await page.evaluate(() => document.documentElement.style.paddingRight)).toBe('');
      await page.close();
    });
  }

  it('floats as before on a wide screen (no room taken from the page)', async () => {
    const page = await customerPage(northwind.tenantId, { width: 1600, height: 900 });
    expect(await page.locator('[data-testid="risk-panel"]').getAttribute('data-docked')).toBeNull();
    expect(await page.evaluate(() => document.documentElement.style.paddingRight)).toBe('');
    await page.close();
  });

  it('resizes from its edge, and the page follows', async () => {
    const page = await customerPage(northwind.tenantId, { width: 1280, height: 768 });
    const panel = page.locator('[data-testid="risk-panel"]');
    await expect.poll(() => panel.getAttribute('data-docked'), T).toBe('true');
    const before = (await panel.boundingBox())!.width;
    await page.locator('[data-testid="panel-resize"]').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await panel.boundingBox())!.width, T).toBe(before + 40);
    await expect.poll(() => page.evaluate(() => parseFloat(document.documentElement.style.paddingRight)), T).toBe(before + 40);
    await page.close();
  });
});

describe('the keyboard', () => {
  it('focuses the panel on the browser command, and Escape folds it and gives the focus back to the page', async () => {
    const page = await customerPage(northwind.tenantId, { width: 1280, height: 768 });
    await page.locator('#edge-button').focus();
    await page.bringToFront();
    // What the browser does on Alt+Shift+R: the background passes the command on to the tab's content script.
    await h.worker.evaluate(async (url) => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      if (!tab) throw new Error(`no active tab for ${url}`);
      await c.tabs.sendMessage(tab.id, { type: 'panel.focus' });
    }, page.url());
    await expect.poll(() => panelFocus(page), T).toBe('panel-toggle');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid="panel-toggle"]').getAttribute('aria-expanded'), T).toBe('false');
    expect(await pageFocus(page)).toBe('edge-button');
    // The command opens it again, focused.
    await h.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      await c.tabs.sendMessage(tab.id, { type: 'panel.focus' });
    });
    await expect.poll(() => page.locator('[data-testid="panel-toggle"]').getAttribute('aria-expanded'), T).toBe('true');
    await expect.poll(() => panelFocus(page), T).toBe('panel-toggle');
    await page.close();
  });

  it('opens a note, saves it with Ctrl+Enter and cancels one with Escape, from the keyboard, the focus kept', async () => {
    const page = await customerPage(northwind.tenantId);
    const item = page.locator('[data-testid="checklist-item"][data-item-id="background-check"]');
    await item.locator('[data-testid="checklist-note-open"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panelFocus(page), T).toBe('checklist-note');
    await page.keyboard.type('Dun & Bradstreet report on file');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => item.locator('.note').textContent(), T).toBe('Dun & Bradstreet report on file');
    await expect.poll(() => panelFocus(page), T).toBe('checklist-note-open');
    await page.keyboard.press('Enter');
    await expect.poll(() => panelFocus(page), T).toBe('checklist-note');
    await page.keyboard.type(' (draft)');
    await page.keyboard.press('Escape');
    await expect.poll(() => panelFocus(page), T).toBe('checklist-note-open');
    expect(await item.locator('.note').textContent()).toBe('Dun & Bradstreet report on file');
    // The note's Escape stayed with the note: the panel is still open.
    expect(await page.locator('[data-testid="panel-toggle"]').getAttribute('aria-expanded')).toBe('true');
    await page.close();
  });
});

describe('sections and guidance', () => {
  it('folds a section and remembers it on the next page', async () => {
    const page = await customerPage(northwind.tenantId);
    const toggle = page.locator('[data-testid="section-toggle"][data-section="flags"]');
    await toggle.click();
    await expect.poll(() => page.locator('[data-testid="panel-flags"]').count(), T).toBe(0);
    await page.reload();
    await page.locator('[data-testid="risk-score"]').waitFor(T);
    await expect.poll(() => toggle.getAttribute('aria-expanded'), T).toBe('false');
    expect(await page.locator('[data-testid="panel-flags"]').count()).toBe(0);
    await toggle.click();
    await page.locator('[data-testid="panel-flags"]').waitFor(T);
    // Folded again, as a laptop's screen starts it: the fit below measures the panel staff get by default.
    await toggle.click();
    await expect.poll(() => page.locator('[data-testid="panel-flags"]').count(), T).toBe(0);
    await page.close();
  });

  it('opens "Guidance: theft of service" at that part of the guidance', async () => {
    const page = await customerPage(northwind.tenantId);
    const link = page.locator('[data-testid="factor-guidance"][data-part="theft-of-service"]').first();
    expect(await link.textContent()).toBe('Guidance: theft of service');
    const [guidance] = await Promise.all([h.context.waitForEvent('page', T), link.click()]);
    await guidance.waitForLoadState();
    expect(guidance.url()).toBe(`chrome-extension://${h.extensionId}/guidance.html#theft-of-service`);
    const part = guidance.locator('#theft-of-service');
    await part.waitFor(T);
    expect(await part.textContent()).toMatch(/^Theft of service/);
    await expect.poll(() => part.evaluate((el) => el.classList.contains('target')), T).toBe(true);
    await guidance.close();
    await page.close();
  });

  it('fits a typical customer\'s panel on one 768 px screen (1366 × 768)', async () => {
    // A typical customer: onboarded (the checks of onboarding and billing ticked, by a named person), nothing urgent.
    const options = await h.openExtensionPage('options.html');
    await options.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.runtime.sendMessage({ type: 'staff.setName', name: 'Ana Silva' }));
    await options.close();
    const wide = await customerPage(northwind.tenantId);
    const ids = ['phone-contact', 'background-check', 'sms-verification', 'digital-identity', 'card-fraud-check', 'collections-policy', 'prepayment', 'payment-instrument', 'dunning'];
    for (const id of ids) {
      const item = wide.locator(`[data-testid="checklist-item"][data-item-id="${id}"]`);
      await item.locator('input[type="checkbox"]').click();
      await expect.poll(() => item.getAttribute('data-done'), T).toBe('true');
    }
    await wide.close();

    const page = await customerPage(northwind.tenantId, { width: 1366, height: 768 });
    expect(await step(page).getAttribute('data-action')).toBe('onboard'); // the two other checks due before provisioning
    const sizes = await page.evaluate(() => {
      const panel = document.querySelector('prl-risk-panel')!.shadowRoot!.querySelector<HTMLElement>('[data-testid="risk-panel"]')!;
      const body = panel.querySelector<HTMLElement>('.body')!;
      return { bottom: panel.getBoundingClientRect().bottom, scroll: body.scrollHeight, client: body.clientHeight, viewport: innerHeight };
    });
    expect(sizes.bottom).toBeLessThanOrEqual(sizes.viewport);
    expect(sizes.scroll, JSON.stringify(sizes)).toBeLessThanOrEqual(sizes.client);
    // Every section is still one click away.
    expect(await page.locator('[data-testid="section-toggle"]').count()).toBe(5); // account, review (the verdict), facts, flags folded; the checklist open
    await page.close();
  });
});
