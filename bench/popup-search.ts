// `npm run bench -- popup-search`: the popup over 30,000 overdue customers, each keystroke in its search to the
// frame that shows the rows it leaves (median and worst of a query typed key by key), against a frame's budget.
import { loadavg } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../tests/e2e/harness';

interface Figure { id: string; what: string; value: number; unit: string; budget?: number; note?: string }

const N = 30_000;
const QUERY = 'Contoso Traders 2999';

export async function popupSearchFigures(record: (f: Figure) => void, tools: { guid(i: number): string; median(xs: number[]): number; runs: number }): Promise<void> {
  const now = Date.now();
  const day = (n: number) => new Date(now + n * 86_400_000).toLocaleDateString('en-CA');
  const c = ['Customer ID,Company name'];
  const inv = ['Customer ID,Invoice number,Invoice date,Due date,Amount,Currency'];
  for (let i = 0; i < N; i++) {
    c.push(`${tools.guid(i)},${i % 10 ? 'Northwind' : 'Contoso'} Traders ${i} with a rather long company name for the row`);
    inv.push(`${tools.guid(i)},INV-${i},${day(-40 - (i % 90))},${day(-10 - (i % 90))},${100 + i}.00,EUR`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'prl-bench-search-'));
  writeFileSync(join(dir, 'customers.csv'), c.join('\n'));
  writeFileSync(join(dir, 'invoices.csv'), inv.join('\n'));
  const h = await launch();
  try {
    const options = await h.openExtensionPage('options.html');
    await options.locator('[data-testid="import-file"]').setInputFiles([join(dir, 'customers.csv'), join(dir, 'invoices.csv')]);
    await options.waitForFunction(() => document.querySelectorAll('[data-testid="import-preview"]').length === 2, undefined, { timeout: 180_000 });
    await options.locator('[data-testid="import-confirm"]').click();
    await options.locator('[data-testid="import-result"]').waitFor({ timeout: 300_000 });
    await options.close();

    const times: number[] = [];
    for (let r = 0; r < tools.runs; r++) {
      const popup = await h.context.newPage();
      // From the keystroke's input event to the frame after it: the search, the render and the paint.
      await popup.addInitScript(() => {
        const w = window as unknown as { __search: number[] };
        w.__search = [];
        document.addEventListener('input', (e) => {
          if (!(e.target as Element).matches?.('[data-testid="popup-search"]')) return;
          const t0 = performance.now();
          requestAnimationFrame(() => setTimeout(() => w.__search.push(performance.now() - t0)));
        }, true);
      });
      await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
      await popup.setViewportSize({ width: 560, height: 600 });
      await popup.waitForFunction((n) => document.querySelector('#tab-overdue')?.textContent?.includes(`(${n})`), N, { timeout: 120_000 });
      await popup.locator('[data-testid="popup-search"]').focus();
      for (let k = 0; k < QUERY.length; k++) {
        await popup.keyboard.type(QUERY[k]);
        await popup.waitForFunction((n) => (window as unknown as { __search: number[] }).__search.length === n, k + 1, { timeout: 60_000 });
      }
      await popup.waitForFunction(() => document.querySelectorAll('[data-testid="overdue-row"]').length === 1, undefined, { timeout: 60_000 });
      times.push(...(await popup.evaluate(() => (window as unknown as { __search: number[] }).__search)));
      await popup.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    record({
      id: 'popup-search-30k', what: `popup: a keystroke in the search to the rows shown, ${N.toLocaleString('en')} overdue customers (median)`, value: tools.median(times), unit: 'ms', budget: 50,
      note: `"${QUERY}" typed key by key, ${tools.runs} runs; worst ${Math.round(sorted[sorted.length - 1])} ms, 90th percentile ${Math.round(sorted[Math.floor(sorted.length * 0.9)])} ms; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' / ')}`,
    });
  } finally {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
