// The panel figure, measured one way for the bench with and without the team: staff click a customer's name in the
// grid (the portal's own pushState navigation), until the panel shows that customer's score.
import type { BrowserContext } from 'playwright-core';
import type { Harness } from '../tests/e2e/harness';
import type { PortalCustomer } from '../tests/e2e/portal-site/fixtures';

/** The portal site's customers for the store's first `n` customers (`?rows=N` of the list opens the first N). */
export const portalCustomers = (guid: (i: number) => string, n: number): PortalCustomer[] =>
  Array.from({ length: n }, (_, i) => ({ tenantId: guid(i), name: `Customer ${i}`, domain: `c${i}.example.com` }));

/** Stops the extension's service worker, for a cold run. */
export async function stopWorker(context: BrowserContext, extensionId: string) {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const t of targetInfos) if (t.type === 'service_worker' && t.url.includes(extensionId)) await cdp.send('Target.closeTarget', { targetId: t.targetId }).catch(() => undefined);
  await cdp.detach();
}

/** From the in-app click on the customer's name to the panel with its score (and to the background's answer), in ms. */
export async function panelRun(h: Harness, tenantId: string, cold = false): Promise<{ total: number; data: number }> {
  const p = await h.context.newPage();
  await p.addInitScript(() => {
    const w = window as unknown as { __panel: Array<[number, string]> };
    w.__panel = [];
    const x = window as unknown as { __data: Array<[number, string]> };
    x.__data = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        if (e.name === 'prl:panel-shown') w.__panel.push([e.startTime, (e as PerformanceMark).detail?.tenantId]);
        if (e.name === 'prl:panel-data') x.__data.push([e.startTime, (e as PerformanceMark).detail?.tenantId]);
      }
    }).observe({ type: 'mark', buffered: true });
  });
  await p.goto('https://partner.microsoft.com/dashboard/commerce2/customers/list?rows=2000');
  const button = p.locator(`tr[id="row-${tenantId}"] customersvcadmin_he-button`);
  await button.waitFor({ timeout: 30_000 });
  // Staff point at a name before they click it (a real mouse move: the formatters warm on it).
  await button.hover();
  await p.waitForTimeout(500);
  if (cold) await stopWorker(h.context, h.extensionId);
  // A click from the page itself: Playwright's own click runs its hit-testing script in the page around the
  // click (20–35 ms of main thread there), which would be timed as ours.
  await button.evaluate((el) => (el as HTMLElement).click());
  await p.waitForFunction((id) => (window as unknown as { __panel: Array<[number, string]> }).__panel.some((x) => x[1] === id), tenantId, { timeout: 30_000 });
  const ms = await p.evaluate((id) => {
    const w = window as unknown as { __panel: Array<[number, string]>; __data: Array<[number, string]>; __marks: { navigatedAt: number } };
    const shown = w.__panel.find((x) => x[1] === id)![0];
    const data = w.__data.find((x) => x[1] === id)?.[0] ?? shown;
    return { total: shown - w.__marks.navigatedAt, data: data - w.__marks.navigatedAt };
  }, tenantId);
  await p.close();
  return ms;
}
