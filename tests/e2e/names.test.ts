// A customer first seen in the portal is recorded with its own name, never with the name of the page left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { SAMPLE_CUSTOMERS } from './portal-site/fixtures';

let h: Harness;
beforeAll(async () => { h = await launch(); });
afterAll(async () => { await h?.close(); });
const T = { timeout: 20_000 };
const [contoso, fabrikam] = SAMPLE_CUSTOMERS;

describe('names seen in the portal', () => {
  it('records the next customer\'s own name after an in-app navigation, not the previous heading', async () => {
    const page = await h.openPortal(`/dashboard/commerce2/customers/${contoso.tenantId}/account`);
    const heading = page.locator('[data-testid="risk-panel"] h2.customer');
    await expect.poll(() => heading.textContent(), T).toBe(contoso.name);
    // The portal renders the next page 150 ms after the URL changes; the old heading is on screen meanwhile.
    await page.locator('#related').click();
    await expect.poll(() => page.locator('[data-testid="risk-panel"]').getAttribute('data-tenant-id'), T).toBe(fabrikam.tenantId);
    await expect.poll(() => heading.textContent(), T).toBe(fabrikam.name);
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="risk-panel"] h2.customer').textContent(), T).toBe(fabrikam.name);
    await page.close();
  });
});
