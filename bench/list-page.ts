// The customers list page in the benchmarks: its long tasks, the same page in plain Chromium (no extension),
// and the whole list scrolled with a probe of the page's own (rows entering the view against their badges).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startPortal } from '../tests/e2e/portal-site/server';
import type { PortalCustomer } from '../tests/e2e/portal-site/fixtures';
/** After the rows (and, with the extension, its scan), how long a list page is left before its time is read. */
export const SETTLE_MS = 1000;

/**
 * Scrolls a list page whole, a screen per wheel turn every 100 ms, and reads what the probe saw: each row's
 * entry in the view (an IntersectionObserver of the page's own, no margin) against its badge's arrival (a
 * MutationObserver on the grid), the frames (requestAnimationFrame intervals) and the long tasks meanwhile. The
 * same probe runs without the extension, so its own cost is on both sides.
 */
export async function scrollWhole(p: Page) {
  await p.evaluate(SCROLL_PROBE);
  const { screen, t0 } = await p.evaluate(() => ({ screen: innerHeight, t0: performance.now() }));
  await p.mouse.move(700, 450);
  // To the end of the list, however long the page has grown (a step may scroll less than asked).
  const atEnd = () => p.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
  for (let steps = 0; steps < 5000 && !(await atEnd()); steps++) {
    await p.mouse.wheel(0, screen);
    await p.waitForTimeout(100);
  }
  await p.waitForTimeout(500);
  return p.evaluate((t) => {
    const w = window as unknown as { __probe: { result(): { entered: number; missing: number; late: number; worst: number; longestFrame: number; over16: number; frames: number } }; __long: Array<[number, number]> };
    return { ...w.__probe.result(), longestTask: Math.max(0, ...w.__long.filter(([s]) => s >= t).map(([, d]) => d)) };
  }, t0);
}
const SCROLL_PROBE = `(() => {
  const body = document.querySelector('customersvcadmin_he-data-grid').shadowRoot.querySelector('he-grid-body').shadowRoot;
  const rows = [...body.querySelectorAll('tr[id^="row-"]')];
  const P = window.__probe = { entered: new Map(), badged: new Map(), frames: [], on: true };
  for (const r of rows) if (r.querySelector('prl-badge')) P.badged.set(r, 0);
  new MutationObserver((recs) => {
    const t = performance.now();
    for (const rec of recs) for (const n of rec.addedNodes) {
      if (n.localName !== 'prl-badge') continue;
      const row = n.closest('tr');
      if (row && !P.badged.has(row)) P.badged.set(row, t);
    }
  }).observe(body, { childList: true, subtree: true });
  const io = new IntersectionObserver((es) => { for (const e of es) if (e.isIntersecting && !P.entered.has(e.target)) P.entered.set(e.target, e.time); });
  for (const r of rows) io.observe(r);
  let last = performance.now();
  const loop = (t) => { P.frames.push(t - last); last = t; if (P.on) requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  P.result = () => {
    P.on = false;
    let late = 0, worst = 0, missing = 0;
    for (const [row, at] of P.entered) {
      const b = P.badged.get(row);
      if (b === undefined) { missing++; continue; }
      const d = Math.max(0, b - at);
      worst = Math.max(worst, d);
      if (d > 100) late++;
    }
    const frames = P.frames.slice(2);
    return { entered: P.entered.size, missing, late, worst, longestFrame: Math.max(0, ...frames), over16: frames.filter((f) => f > 17).length, frames: frames.length };
  };
})()`;


/** Long tasks of a list page (an observer from LONG_TASKS): the one holding the portal's row insertion, the
 * one after it up to the rows' first frame (their layout), and the longest after that; 0 for none over 50 ms.
 * `gap`: from the rows inserted to the rows shown (the end of the insert task, the frame that lays them out),
 * measured whatever their length. */
export const PORTAL_TASKS = () => {
  const w = window as unknown as { __long: Array<[number, number]>; __marks: { rowsAt: number; rowsShownAt: number } };
  const { rowsAt, rowsShownAt } = w.__marks;
  const insert = w.__long.find(([s, d]) => s <= rowsAt && rowsAt <= s + d)?.[1] ?? 0;
  const frame = w.__long.find(([s]) => s > rowsAt && s < rowsShownAt)?.[1] ?? 0;
  const after = Math.max(0, ...w.__long.filter(([s]) => s >= rowsShownAt).map(([, d]) => d));
  return { insert, frame, after, gap: rowsShownAt - rowsAt, long: w.__long.filter(([s]) => s > rowsAt - 2000).map(([s, d]) => `${Math.round(s - rowsAt)}+${Math.round(d)}`).join(' ') };
};
export const LONG_TASKS = `window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`;

/** The same list page in plain Chromium (no extension), one page load per run. */
export async function startPlain(customers: PortalCustomer[]) {
  const portal = await startPortal({ customers, rowSwapMs: 700 });
  const profile = mkdtempSync(join(tmpdir(), 'prl-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 }, // as the harness
    args: [`--host-resolver-rules=MAP partner.microsoft.com 127.0.0.1:${portal.port}`, '--ignore-certificate-errors', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await context.addInitScript({ content: LONG_TASKS });
  return {
    async run(n: number, scroll: boolean) {
      const p = await context.newPage();
      const cdp = await context.newCDPSession(p);
      await cdp.send('Performance.enable');
      await p.goto(`https://partner.microsoft.com/dashboard/commerce2/customers/list?rows=${n}`);
      await p.waitForFunction(() => (window as unknown as { __marks?: { rowsShownAt?: number } }).__marks?.rowsShownAt, undefined, { timeout: 60_000 });
      await p.waitForTimeout(SETTLE_MS);
      const { metrics } = await cdp.send('Performance.getMetrics');
      await cdp.detach();
      const task = (metrics.find((x) => x.name === 'TaskDuration')?.value ?? 0) * 1000;
      const tasks = await p.evaluate(PORTAL_TASKS);
      const scrolled = scroll ? await scrollWhole(p) : undefined;
      await p.close();
      return { task, tasks, scrolled };
    },
    async close() {
      await context.close();
      await portal.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
