// The overlay in the real browser: the panel on every customer page shape, ticking across reloads and tabs,
// SPA navigation, late and changing grid rows inside nested shadow roots, names with markup kept as text.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStore, launch, type Harness } from './harness';
import { SAMPLE_CUSTOMERS } from './portal-site/fixtures';

let h: Harness;
beforeAll(async () => { h = await launch(); });
afterAll(async () => { await h?.close(); });

const [contoso, fabrikam, , tailspin] = SAMPLE_CUSTOMERS;
const SUB = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const T = { timeout: 15_000 };

const panel = (p: Page) => p.locator('[data-testid="risk-panel"]');
const panelTenant = (p: Page) => panel(p).first().getAttribute('data-tenant-id');
const score = async (p: Page) => Number(await p.locator('[data-testid="risk-score"]').textContent());
/** The score shown now, without waiting for one: undefined while the panel has none (an unknown customer). */
const scoreNow = async (p: Page) => {
  const el = p.locator('[data-testid="risk-score"]');
  return (await el.count()) ? Number(await el.textContent()) : undefined;
};
/** A customer known from a file or a staff change, with nothing against it but the five identity checks (3 each)
 * and the activity-log review (5) it has not had: what an untouched known customer scores. */
const KNOWN_BASE = 20;

describe('an empty store', () => {
  it('shows "No data" badges and, on a customer\'s page, an unknown panel that keeps its notice', async () => {
    const list = await h.openPortal('/dashboard/commerce2/customers/list');
    const rowBadges = list.locator('tr[id^="row-"] [data-testid="risk-badge"]');
    await expect.poll(() => rowBadges.count(), T).toBe(SAMPLE_CUSTOMERS.length);
    const looks = () => rowBadges.evaluateAll((els) => els.map((e) => [e.getAttribute('data-level'), e.textContent, getComputedStyle(e).backgroundColor]));
    // Polled: a badge repainted between finding it and reading it is detached then, and has no computed style.
    await expect.poll(looks, T).toEqual(SAMPLE_CUSTOMERS.map(() => ['unknown', 'No data', 'rgb(243, 242, 241)']));

    // A customer's page: the visit records the name the portal shows, and the customer stays unknown.
    const page = await h.openPortal(`/dashboard/commerce2/customers/${contoso.tenantId}/account`);
    await expect.poll(() => panel(page).getAttribute('data-level'), T).toBe('unknown');
    await expect.poll(() => page.locator('[data-testid="risk-panel"] h2.customer').textContent(), T).toBe(contoso.name);
    const notice = page.locator('[data-testid="panel-unknown"]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('Customers.csv');
    expect(await page.locator('[data-testid="risk-level"]').textContent()).toBe('No data');
    expect(await scoreNow(page)).toBeUndefined();
    // Still so once the page has had time to record the customer and the panel to refresh: seen in the portal is not data.
    await list.reload();
    await expect.poll(() => list.locator(`tr[id="row-${contoso.tenantId}"] [data-testid="risk-badge"]`).getAttribute('data-level'), T).toBe('unknown');
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="risk-panel"] h2.customer').textContent(), T).toBe(contoso.name);
    expect(await panel(page).getAttribute('data-level')).toBe('unknown');
    expect(await notice.isVisible()).toBe(true);

    // The popup: the store now holds the names the portal showed, and still no data: it says what to import.
    const popup = await h.openExtensionPage('popup.html');
    const stored = () => countStore(popup, 'customers');
    await expect.poll(stored, T).toBeGreaterThanOrEqual(SAMPLE_CUSTOMERS.length);
    await popup.reload();
    await popup.locator('[data-testid="popup-empty"]').waitFor(T);
    expect(await popup.locator('[data-testid="risk-row"]').count()).toBe(0);
    await popup.close();
    await page.close();
    await list.close();
  });
});
/** Chooses in a select as a person does from the keyboard (Playwright's selectOption fires untrusted events). */
const choose = async (p: Page, testId: string, keys: string) => {
  await p.locator(`[data-testid="${testId}"]`).focus();
  await p.keyboard.press(keys);
};

describe('panel on customer pages', () => {
  const shapes = [
    `/dashboard/commerce2/customers/${contoso.tenantId}/account`,
    `/dashboard/v2/customers/${contoso.tenantId}/servicemanagementpage`,
    `/en-us/dashboard/commerce2/customers/${contoso.tenantId.toUpperCase()}/subscriptions`,
    `/fr-fr/dashboard/v2/customers/${contoso.tenantId}/subscriptions/${SUB}`,
    `/dashboard/v2/customers/${contoso.tenantId}/users`,
  ];
  for (const path of shapes) {
    it(`shows one panel for the customer on ${path}`, async () => {
      const page = await h.openPortal(path);
      await expect.poll(() => panel(page).count(), T).toBe(1);
      expect(await panelTenant(page)).toBe(contoso.tenantId);
      // An empty store: the customer is unknown ("No data"), whatever the page shape.
      await expect.poll(() => panel(page).getAttribute('data-level'), T).toBe('unknown');
      expect(await page.locator('[data-testid="panel-unknown"]').count()).toBe(1);
      await expect.poll(() => page.locator('[data-testid="checklist-item"]').count(), T).toBe(14);
      await page.close();
    });
  }

  it('shows no panel on the customers list', async () => {
    const page = await h.openPortal('/dashboard/v2/customers/list');
    await expect.poll(() => page.locator('[data-testid="risk-badge"]').count(), T).toBeGreaterThan(0);
    expect(await panel(page).count()).toBe(0);
    await page.close();
  });
});

describe('ticking', () => {
  it('keeps a tick without a staff name, asks for the name, and shows the tick after reload and in another tab', async () => {
    const path = `/dashboard/commerce2/customers/${fabrikam.tenantId}/account`;
    const page = await h.openPortal(path);
    const other = await h.openPortal(path);
    const item = page.locator('[data-testid="checklist-item"][data-item-id="phone-contact"]');
    await expect.poll(() => item.count(), T).toBe(1);
    // Unknown before (an empty store): no score.
    await expect.poll(() => panel(page).getAttribute('data-level'), T).toBe('unknown');
    expect(await scoreNow(page)).toBeUndefined();
    await item.locator('input[type="checkbox"]').click();
    await expect.poll(() => item.getAttribute('data-done'), T).toBe('true');
    // A tick is a staff change: the customer is known now, and scores as one, the tick counted.
    await expect.poll(() => scoreNow(page), T).toBe(KNOWN_BASE - 3);
    expect(await panel(page).getAttribute('data-level')).toBe('low');
    expect(await page.locator('[data-testid="panel-unknown"]').count()).toBe(0);
    // No staff name yet: the tick stays and the panel asks inline, pointing to the options page, where it is typed
    // out of the portal page's reach.
    const prompt = page.locator('[data-testid="staff-name-prompt"]');
    await expect.poll(() => prompt.count(), T).toBe(1);
    const opened = h.context.waitForEvent('page', { predicate: (p) => p.url().includes('options.html'), timeout: 15_000 });
    await page.locator('[data-testid="staff-name-open-options"]').click();
    const options = await opened;
    await options.locator('[data-testid="settings-staff-name"]').waitFor(T);
    await options.locator('[data-testid="settings-staff-name"]').fill('Ana Silva');
    await options.locator('[data-testid="settings-save"]').click();
    await expect.poll(() => prompt.count(), T).toBe(0);
    await options.close();

    // The other tab follows without a reload.
    const otherItem = other.locator('[data-testid="checklist-item"][data-item-id="phone-contact"]');
    await expect.poll(() => otherItem.getAttribute('data-done'), T).toBe('true');

    await page.reload();
    await expect.poll(() => item.getAttribute('data-done'), T).toBe('true');
    await page.locator('[data-testid="checklist-item"][data-item-id="background-check"] input').click();
    await expect.poll(() => page.locator('[data-testid="checklist-item"][data-item-id="background-check"] [data-testid="checklist-who"]').textContent(), T)
      .toContain('Ana Silva');
    await page.close();
    await other.close();
  });

  it('moves with j/k inside the panel and ticks with space, and the keys do not reach the portal', async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${tailspin.tenantId}/account`);
    await page.evaluate(() => {
      (window as unknown as { keys: string[] }).keys = [];
      document.addEventListener('keydown', (e) => (window as unknown as { keys: string[] }).keys.push(e.key));
    });
    const first = page.locator('[data-testid="checklist-item"] input[type="checkbox"]').first();
    await expect.poll(() => first.count(), T).toBe(1);
    await first.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('Space');
    const second = page.locator('[data-testid="checklist-item"]').nth(1);
    await expect.poll(() => second.getAttribute('data-done'), T).toBe('true');
    await page.keyboard.press('k');
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual([]);
    await page.close();
  });
});

describe('navigation and the grid', () => {
  it('follows pushState from a grid name button and from a link, with one panel at a time', async () => {
    const page = await h.openPortal('/dashboard/commerce2/customers/list');
    const button = page.locator(`tr[id="row-${fabrikam.tenantId}"] customersvcadmin_he-button`);
    await expect.poll(() => button.count(), T).toBe(1);
    await button.click();
    await expect.poll(() => page.url(), T).toContain(`/customers/${fabrikam.tenantId}/account`);
    await expect.poll(() => panelTenant(page), T).toBe(fabrikam.tenantId);
    await page.locator('#related').click();
    await expect.poll(() => panelTenant(page), T).not.toBe(fabrikam.tenantId);
    expect(await panel(page).count()).toBe(1);
    await page.goBack();
    await expect.poll(() => panelTenant(page), T).toBe(fabrikam.tenantId);
    expect(await panel(page).count()).toBe(1);
    // Back on the list: the panel goes, the badges come.
    await page.locator('#breadcrumb a').click();
    await expect.poll(() => panel(page).count(), T).toBe(0);
    await page.close();
  });

  it('on a customers list, rows go in with their badges: the frame that first shows the rows shows them', async () => {
    const page = await h.openPortal('/dashboard/commerce2/customers/list');
    const rowBadges = page.locator('tr[id^="row-"] [data-testid="risk-badge"]');
    await expect.poll(() => rowBadges.count(), T).toBe(SAMPLE_CUSTOMERS.length);
    // Opened again: the list asks for every badge as it opens, and places the rows' badges as they go in.
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __marks: { rowsShownAt?: number } }).__marks.rowsShownAt, undefined, T);
    expect(await page.evaluate(() => (window as unknown as { __marks: { badgesInFirstFrame: number } }).__marks.badgesInFirstFrame)).toBe(SAMPLE_CUSTOMERS.length);
    await expect.poll(() => rowBadges.count(), T).toBe(SAMPLE_CUSTOMERS.length);
    await page.close();
  });

  it('badges real rows only, and a row changed in place gets its new customer', async () => {
    const page = await h.openPortal('/dashboard/commerce2/customers/list');
    const rowBadges = page.locator('tr[id^="row-"] [data-testid="risk-badge"]');
    await expect.poll(() => rowBadges.count(), T).toBe(SAMPLE_CUSTOMERS.length);
    const ids = () => rowBadges.evaluateAll((els) => els.map((e) => e.getAttribute('data-tenant-id')));
    // The links above the grid get theirs too: one each.
    expect(await page.locator('#recent [data-testid="risk-badge"]').count()).toBe(2);
    await page.locator('#swap-rows').click();
    const last = SAMPLE_CUSTOMERS[SAMPLE_CUSTOMERS.length - 1].tenantId;
    await expect.poll(async () => (await ids()).filter((id) => id === last).length, T).toBe(2);
    expect((await ids()).includes(contoso.tenantId)).toBe(false);
    expect(await rowBadges.count()).toBe(SAMPLE_CUSTOMERS.length);
    await page.close();
  });

  it('puts no badge on the customer\'s own tab links, but one on a link to another customer', async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${contoso.tenantId}/account`);
    await expect.poll(() => page.locator('#related-line [data-testid="risk-badge"]').count(), T).toBe(1);
    expect(await page.locator('#tabs [data-testid="risk-badge"]').count()).toBe(0);
    await page.close();
  });

  it('shows a customer name holding markup as text', async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${tailspin.tenantId}/account`);
    const heading = page.locator('[data-testid="risk-panel"] h2.customer');
    await expect.poll(() => heading.textContent(), T).toBe(tailspin.name);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('[data-testid="risk-panel"] img').count()).toBe(0);
    await page.close();
  });
});

describe('facts and flags from the panel', () => {
  it('sets a payment instrument and pre-payment by hand, adds and resolves a flag, and the score follows each', async () => {
    const northwind = SAMPLE_CUSTOMERS[2];
    const page = await h.openPortal(`/dashboard/v2/customers/${northwind.tenantId}/account`);
    const facts = page.locator('[data-testid="panel-facts"]');
    await facts.waitFor(T);
    const factor = (id: string) => page.locator(`[data-testid="risk-factor"][data-factor-id="${id}"]`);
    // Unknown until staff change something; then it scores as any known customer.
    expect(await scoreNow(page)).toBeUndefined();
    const base = KNOWN_BASE;

    await choose(page, 'fact-payment-instrument', 'P'); // "Prepaid card"
    await expect.poll(() => factor('prepaid-card').count(), T).toBe(1);
    await expect.poll(() => score(page), T).toBe(base + 25);
    await choose(page, 'fact-prepaid', 'N'); // "No"
    await expect.poll(() => score(page), T).toBe(base + 35);

    await page.locator('[data-testid="flag-kind"]').selectOption('crypto_mining');
    await page.locator('[data-testid="flag-note"]').fill('Mining pool traffic reported by the customer\'s ISP');
    await page.locator('[data-testid="flag-add"]').click();
    await expect.poll(() => page.locator('[data-testid="flag"][data-kind="crypto_mining"]').count(), T).toBe(1);
    await expect.poll(() => factor('abuse-flag').count(), T).toBe(1);
    await expect.poll(() => score(page), T).toBe(base + 55);
    await page.locator('[data-testid="flag-resolve"]').click();
    await expect.poll(() => factor('abuse-flag').count(), T).toBe(0);
    await expect.poll(() => score(page), T).toBe(base + 35);

    // Back to unknown: a missing fact scores nothing.
    await choose(page, 'fact-payment-instrument', 'Home'); // "Unknown", the first
    await expect.poll(() => factor('prepaid-card').count(), T).toBe(0);
    await choose(page, 'fact-prepaid', 'Home');
    await expect.poll(() => score(page), T).toBe(base);
    await page.close();
  });
});
