// The background stopped mid-session (MV3 stops service workers at any time), and the extension reloaded
// under an open page: the user's next action still works, the orphaned overlay goes quietly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { SAMPLE_CUSTOMERS } from './portal-site/fixtures';

let h: Harness;
beforeAll(async () => { h = await launch(); });
afterAll(async () => { await h?.close(); });
const T = { timeout: 20_000 };
const [, , northwind] = SAMPLE_CUSTOMERS;

async function stopWorker() {
  const page = h.context.pages()[0] ?? (await h.context.newPage());
  const cdp = await h.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(h.extensionId));
  for (const t of sw) await cdp.send('Target.closeTarget', { targetId: t.targetId });
  await cdp.detach();
  return sw.length;
}

describe('resilience', () => {
  it('ticks after the background was stopped: the message wakes it, nothing is lost', async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${northwind.tenantId}/account`);
    const item = page.locator('[data-testid="checklist-item"][data-item-id="dunning"]');
    await item.waitFor(T);
    expect(await stopWorker()).toBe(1);
    await item.locator('input').click();
    await expect.poll(() => item.getAttribute('data-done'), T).toBe('true');
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="checklist-item"][data-item-id="dunning"]').getAttribute('data-done'), T).toBe('true');
    await page.close();
  });

  // (Chromium does not bring back an extension loaded with --load-extension after runtime.reload(), so the
  // next page load getting the new script cannot be shown here; the old script's clean exit can.)
  it('removes the orphaned overlay without an error when the extension reloads', async () => {
    const page = await h.openPortal('/dashboard/commerce2/customers/list');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await expect.poll(() => page.locator('[data-testid="risk-badge"]').count(), T).toBeGreaterThan(0);
    await h.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => page.locator('[data-testid="risk-badge"]').count(), T).toBe(0);
    expect(await page.locator('prl-badge, [data-prl]').count()).toBe(0);
    // The portal's own page still works: its app navigates as before.
    await page.locator('#recent a').first().click();
    await expect.poll(() => page.locator('#microsoft-id').count(), T).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
