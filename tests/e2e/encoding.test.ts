// A French partner's Excel export ("CSV (séparateur : point-virgule)", Windows-1252) imported through the options
// page as a person does, and the accented name intact in the portal's panel; a file with bytes that are no text
// is refused with its line and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => { h = await launch(); });
afterAll(async () => { await h?.close(); });
const T = { timeout: 20_000 };
const TENANT = 'c0c0c0c0-1234-4abc-8def-0123456789ab';
const OTHER = 'd0d0d0d0-1234-4abc-8def-0123456789ab';
const NAME = 'Société Générale Équipements';

/** Windows-1252 bytes of Latin-1 text (what Excel writes on a French Windows for these characters). */
const latin = (s: string) => Buffer.from(s, 'latin1');

describe('a Windows-1252 semicolon file', () => {
  it('imports through the options page and shows the accented name intact in the panel', async () => {
    const options = await h.openExtensionPage('options.html');
    const file = latin(`ID Microsoft;Nom de la société;Nom de domaine principal;Pays\r\n${TENANT};${NAME};sge.onmicrosoft.com;FR\r\n`);
    // Undefined in Windows-1252 (0x81) on line 2, and not UTF-8 either: refused, with its line.
    const broken = Buffer.concat([latin(`ID Microsoft;Nom de la société\r\n${OTHER};Bad `), Buffer.from([0x81]), latin(' name\r\n')]);
    await options.locator('[data-testid="import-file"]').setInputFiles([
      { name: 'Clients.csv', mimeType: 'text/csv', buffer: file },
      { name: 'Broken.csv', mimeType: 'text/csv', buffer: broken },
    ]);
    const previews = options.locator('[data-testid="import-preview"]');
    await expect.poll(() => previews.count(), T).toBe(2);
    const good = previews.nth(0);
    expect(await good.getAttribute('data-kind')).toBe('customers');
    expect(await good.getAttribute('data-valid')).toBe('1');
    expect(await good.getAttribute('data-encoding')).toBe('windows-1252');
    expect(await good.locator('[data-testid="import-encoding"]').textContent()).toMatch(/Windows-1252/);
    const bad = previews.nth(1);
    expect(await bad.getAttribute('data-valid')).toBe('0');
    expect(await bad.locator('[data-testid="import-fatal"]').textContent()).toMatch(/line 2/);

    await options.locator('[data-testid="import-confirm"]').click();
    const result = options.locator('[data-testid="import-result"] li[data-kind="customers"]');
    await result.waitFor(T);
    // One customer added in all: nothing of the refused file was written.
    expect(await result.getAttribute('data-added')).toBe('1');
    expect(await options.locator('[data-testid="import-result"] li[data-kind]').count()).toBe(1);

    const page = await h.openPortal(`/dashboard/commerce2/customers/${TENANT}/account`);
    const heading = page.locator('[data-testid="risk-panel"] h2.customer');
    await expect.poll(() => heading.textContent(), T).toBe(NAME);
    await page.close();
    await options.close();
  });
});
