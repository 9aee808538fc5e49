// The popup figure, measured one way for the bench and for bench/popup-trace.ts: a warm open of popup.html, from
// the navigation's start to its first overdue row, in the DOM and painted.
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Two clocks from the navigation's time origin: the first `overdue-row` in the DOM, and the frame that paints it
 * (the next animation frame, then the task after it). The end is awaited through a console message: Playwright's
 * waitForFunction would inject and run its own script in the page while the popup loads (25 ms measured).
 * `before` runs on the blank page before the navigation (a trace or a profile starts there).
 */
export async function popupRun(context: BrowserContext, extensionId: string, before?: (p: Page) => Promise<void>): Promise<{ dom: number; painted: number; page: Page }> {
  const p = await context.newPage();
  await p.addInitScript(() => {
    const w = window as unknown as { __first?: number; __painted?: number };
    // A named stretch after the paint, where a CPU profile is cut (bench/popup-trace.ts).
    const PRL_FIRST_ROW_MARKER = () => { const t = performance.now(); while (performance.now() - t < 2); };
    const obs = new MutationObserver(() => {
      if (w.__first || !document.querySelector('[data-testid="overdue-row"]')) return;
      w.__first = performance.now(); obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => { w.__painted = performance.now(); PRL_FIRST_ROW_MARKER(); console.debug('prl-first-row-painted'); }));
    });
    document.addEventListener('DOMContentLoaded', () => obs.observe(document.body, { childList: true, subtree: true }));
  });
  await before?.(p);
  const painted = p.waitForEvent('console', { predicate: (m) => m.text() === 'prl-first-row-painted', timeout: 60_000 });
  await p.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'commit' });
  await painted;
  const ms = await p.evaluate(() => { const w = window as unknown as { __first: number; __painted: number }; return { dom: w.__first, painted: w.__painted }; });
  return { ...ms, page: p };
}

/**
 * Extension pages share one renderer: the next run starts once this popup's full load is done (no "…" left in
 * the tab counts) and its heap (10,000 summaries) is collected, as long before staff open it again.
 */
export async function settlePopup(p: Page) {
  await p.waitForFunction(() => !document.querySelector('[role="tablist"]')?.textContent?.includes('…'), undefined, { timeout: 60_000 }).catch(() => undefined);
  await p.close();
  await new Promise((ok) => setTimeout(ok, 1500));
}
