// Accessibility and dark mode in the real browser: axe-core finds no serious or critical violation on the panel,
// each popup tab and the options page, in the light and the dark scheme; the dark scheme has dark backgrounds.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { SAMPLE_CUSTOMERS } from './portal-site/fixtures';

let h: Harness;
const T = { timeout: 20_000 };
/** Each axe-core scan takes seconds on a loaded machine; the popup's test runs five. */
const SLOW = 240_000;
const [contoso, fabrikam] = SAMPLE_CUSTOMERS;

beforeAll(async () => {
  h = await launch();
  const now = Date.now();
  const day = (n: number) => new Date(now + n * 86_400_000).toLocaleDateString('en-CA');
  const options = await h.openExtensionPage('options.html');
  await options.locator('[data-testid="import-file"]').setInputFiles([
    { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Company name,Country,Payment instrument\n${contoso.tenantId},${contoso.name},IR,prepaid_card\n${fabrikam.tenantId},${fabrikam.name},FR,card\n`) },
    { name: 'i.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Invoice number,Invoice date,Due date,Amount,Currency\n${contoso.tenantId},INV-1,${day(-90)},${day(-60)},1200.00,EUR\n`) },
    { name: 's.csv', mimeType: 'text/csv', buffer: Buffer.from(`Customer ID,Monthly budget,Spend to date,As of,Currency\n${contoso.tenantId},100.00,250.00,${day(0)},EUR\n${fabrikam.tenantId},100.00,85.00,${day(0)},EUR\n`) },
    { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([{
      eventId: 'fe-1', eventTime: new Date(now - 3 * 3_600_000).toISOString(), customerTenantId: contoso.tenantId, eventType: 'UsageAnomalyDetection',
      eventStatus: 'Active', severity: 'High', displayName: 'Usage anomaly', resolvedOn: '9999-12-31T23:59:59Z', IsTest: 'false',
    }])) },
  ]);
  await options.waitForFunction(() => document.querySelectorAll('[data-testid="import-preview"]').length === 4, undefined, T);
  await options.locator('[data-testid="import-confirm"]').click();
  await options.locator('[data-testid="import-result"]').waitFor(T);
  await options.close();
}, 120_000);
afterAll(async () => { await h?.close(); });

/** axe-core's serious and critical violations, as "rule: element" lines. */
async function serious(page: Page, include?: string): Promise<string[]> {
  let axe = new AxeBuilder({ page: page as never });
  if (include) axe = axe.include(include);
  const { violations, passes } = await axe.analyze();
  // The contrast rule looked at something: the scan reached the text (in the panel's shadow root too).
  expect([...violations, ...passes].filter((r) => r.id === 'color-contrast').flatMap((r) => r.nodes).length).toBeGreaterThan(0);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`));
}

/** The relative luminance of an element's background colour (0 black … 1 white). */
function luminance(page: Page, pierce: string): Promise<number> {
  return page.evaluate((sel) => {
    const find = (root: Document | ShadowRoot): Element | null => {
      const hit = root.querySelector(sel);
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; }
      return null;
    };
    const el = find(document);
    if (!el) return -1;
    const parts = getComputedStyle(el).backgroundColor.match(/[\d.]+/g)!.map(Number);
    if (parts[3] === 0) return 1; // transparent: the light canvas (a dark scheme here sets its own background)
    const [r, g, b] = parts.slice(0, 3).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }, pierce);
}

describe.each(['light', 'dark'] as const)('%s scheme', (scheme) => {
  const bright = (l: number) => (scheme === 'dark' ? l < 0.05 : l > 0.8);

  it('the panel: no serious or critical violation, and a background of the scheme', async () => {
    const page = await h.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`https://partner.microsoft.com/dashboard/commerce2/customers/${contoso.tenantId}/account`);
    await page.locator('[data-testid="panel-alert"]').waitFor(T);
    await expect.poll(() => luminance(page, '[data-testid="risk-panel"]'), T).toSatisfy(bright);
    expect(await serious(page, 'prl-risk-panel')).toEqual([]);
    // The in-page question before an irreversible action is accessible too.
    await page.locator('[data-testid="alert-resolve-fraud"]').click();
    await page.locator('[data-testid="alert-fraud-confirm"]').waitFor(T);
    expect(await serious(page, 'prl-risk-panel')).toEqual([]);
    await page.close();
  }, SLOW);

  it('the popup, each tab: no serious or critical violation, and a background of the scheme', async () => {
    const page = await h.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await expect.poll(() => luminance(page, 'body'), T).toSatisfy(bright);
    for (const tab of ['overdue', 'budget', 'risk', 'alerts', 'snoozed']) {
      await page.locator(`#tab-${tab}`).click();
      await expect.poll(() => page.locator(`#panel-${tab}`).count(), T).toBe(1);
      if (tab !== 'snoozed') await page.locator(`#panel-${tab} li.row`).first().waitFor(T);
      expect(await serious(page), tab).toEqual([]);
    }
    await page.close();
  }, SLOW);

  it('the options page: no serious or critical violation, and a background of the scheme', async () => {
    const page = await h.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.locator('[data-testid="settings-form"]').waitFor(T);
    await expect.poll(() => luminance(page, 'body'), T).toSatisfy(bright);
    expect(await serious(page)).toEqual([]);
    await page.close();
  }, SLOW);
});

describe('the portal’s own theme', () => {
  it('the portal’s own dark theme: the panel and the list’s badges turn dark (and back), axe finds nothing', async () => {
    const page = await h.context.newPage();
    // The system's scheme is the other one: the portal's theme (a dark page, then a light one) is what counts.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`https://partner.microsoft.com/dashboard/commerce2/customers/${contoso.tenantId}/account?theme=dark`);
    await page.locator('[data-testid="panel-alert"]').waitFor(T);
    await expect.poll(() => luminance(page, '[data-testid="risk-panel"]'), T).toBeLessThan(0.05);
    expect(await serious(page, 'prl-risk-panel')).toEqual([]);
    await page.locator('#breadcrumb a').click();
    const badge = `[data-testid="risk-badge"][data-tenant-id="${fabrikam.tenantId}"]`;
    await expect.poll(() => luminance(page, badge), T).toBeGreaterThanOrEqual(0);
    await expect.poll(() => luminance(page, badge), T).toBeLessThan(0.05);
    // The portal back to its light theme: the badges follow.
    await page.evaluate(() => document.body.classList.remove('theme-dark'));
    await expect.poll(() => luminance(page, badge), T).toBeGreaterThan(0.8);
    await page.close();
  }, SLOW);
});
