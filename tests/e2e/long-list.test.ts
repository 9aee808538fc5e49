// A customers list of 10,000 rows in the grid's nested shadow roots: badges follow the view. Far rows have none
// at first; scrolling the whole list, every row that entered the view has its badge (one), within two screens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { manyCustomers } from './portal-site/fixtures';

const N = 10_000;
const customers = manyCustomers(N);
let h: Harness;
beforeAll(async () => { h = await launch({ portal: { customers } }); });
afterAll(async () => { await h?.close(); });

describe('a 10,000-row customers list', () => {
  it('puts badges on the rows near the view only, and on every row that enters the view as the list scrolls', async () => {
    const page = await h.openPortal('/dashboard/commerce2/customers/list');
    const T = { timeout: 60_000 };
    await page.locator(`tr[id="row-${customers[N - 1].tenantId}"]`).waitFor({ state: 'attached', timeout: 30_000 });
    // The rows of the grid (inside two open shadow roots), and which of them entered the view.
    await page.evaluate(() => {
      const w = window as unknown as { __rows: HTMLTableRowElement[]; __entered: Set<string> };
      const body = document.querySelector('customersvcadmin_he-data-grid')!.shadowRoot!.querySelector('he-grid-body')!.shadowRoot!;
      w.__rows = [...body.querySelectorAll<HTMLTableRowElement>('tr[id^="row-"]')].filter((r) => r.id.length > 10);
      w.__entered = new Set();
      const io = new IntersectionObserver((es) => { for (const e of es) if (e.isIntersecting) w.__entered.add(e.target.id); });
      for (const r of w.__rows) io.observe(r);
    });
    // Rows in the view without exactly one badge (with its hooks), and rows far below without one at all.
    const inViewWithout = () => page.evaluate(() => {
      const w = window as unknown as { __rows: HTMLTableRowElement[] };
      const badges = (r: Element) => [...r.querySelectorAll('prl-badge')].filter((b) => b.shadowRoot?.querySelector('[data-testid="risk-badge"][data-tenant-id][data-level]')).length;
      return w.__rows.filter((r) => { const b = r.getBoundingClientRect(); return b.bottom > 0 && b.top < innerHeight && badges(r) !== 1; }).length;
    });
    await expect.poll(inViewWithout, T).toBe(0);
    // Once the scan after the rows has handed the others to the view watcher (its mark says how many wait) and two
    // frames have delivered the watcher's first answer: no badge far below. The rows that went in with badges reach
    // about four screens (three at the smallest row height); with the near region of two screens grown by the
    // browser (rootMargin and a percentage scrollMargin added up) 600 rows had badges here, sixteen screens.
    await page.waitForFunction(() => performance.getEntriesByName('prl:badges-painted').some((m) => ((m as PerformanceMark).detail?.waiting ?? 0) > 0), undefined, T);
    await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)))));
    const farWith = await page.evaluate(() => {
      const w = window as unknown as { __rows: HTMLTableRowElement[] };
      return w.__rows.filter((r) => r.getBoundingClientRect().top > 8 * innerHeight && r.querySelector('prl-badge')).length;
    });
    expect(farWith).toBe(0);
    // A badge never makes its line taller: a row with one is as tall as a far row without, a link's line as tall
    // as a line of plain text beside it (else placing one moves everything below it, and the whole page repaints).
    const heights = await page.evaluate(() => {
      const w = window as unknown as { __rows: HTMLTableRowElement[] };
      const plain = document.createElement('li');
      plain.textContent = 'Customer';
      const recent = document.getElementById('recent')!;
      recent.append(plain);
      const h = (e: Element) => e.getBoundingClientRect().height;
      return { withBadge: h(w.__rows[0]), without: h(w.__rows[w.__rows.length - 1]), link: h(recent.querySelector('li:has(prl-badge)')!), text: h(plain) };
    });
    expect(heights.withBadge).toBe(heights.without);
    expect(heights.link).toBe(heights.text);

    // Scroll the whole list a screen at a time: each time, every row in the view has its badge.
    const screen = await page.evaluate(() => innerHeight);
    const atEnd = () => page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
    await page.mouse.move(700, 450);
    let steps = 0;
    while (!(await atEnd())) {
      await page.mouse.wheel(0, screen);
      await expect.poll(inViewWithout, T).toBe(0);
      steps++;
    }
    expect(steps).toBeGreaterThan(20);
    const result = await page.evaluate(() => {
      const w = window as unknown as { __rows: HTMLTableRowElement[]; __entered: Set<string> };
      const withBadge = w.__rows.filter((r) => w.__entered.has(r.id) && r.querySelectorAll('prl-badge').length === 1).length;
      return { entered: w.__entered.size, withBadge };
    });
    expect(result.entered).toBe(N);
    expect(result.withBadge).toBe(N);
    await page.close();
  }, 300_000);
});
