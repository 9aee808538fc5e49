// Backup to a file and restore it through the options page; a damaged file is refused and changes nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, sampleFiles } from '../../scripts/sample-data';
import { launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => { h = await launch({ portal: { customers: DEMO_CUSTOMERS } }); });
afterAll(async () => { await h?.close(); });
const T = { timeout: 20_000 };

describe('backup and restore', () => {
  it('downloads a backup, refuses a damaged file, and restores the backup after a confirmation that says what goes', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.locator('[data-testid="import-file"]').setInputFiles(sampleFiles());
    await options.locator('[data-testid="import-confirm"]').click();
    await options.locator('[data-testid="import-result"]').waitFor(T);

    const [download] = await Promise.all([options.waitForEvent('download', T), options.locator('[data-testid="backup-export"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^partner-risk-lens-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(backup.format).toBe('partner-risk-lens-backup');
    expect(backup.stores.customers).toHaveLength(8);
    expect(backup.stores.invoices).toHaveLength(6);

    // A damaged file: refused whole, with the reason.
    const damaged = { ...backup, stores: { ...backup.stores, invoices: [{ ...backup.stores.invoices[0], amount: 'lots' }] } };
    await options.locator('[data-testid="restore-file"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
    await expect.poll(() => options.locator('[data-testid="backup-message"]').textContent(), T).toMatch(/damaged.*invoices.*Nothing was changed/);
    expect(await options.locator('[data-testid="restore-confirmation"]').count()).toBe(0);

    // Change something, then restore the backup: the change is gone, everything else is back.
    await options.locator('[data-testid="settings-staff-name"]').fill('Someone Else');
    await options.locator('[data-testid="settings-save"]').click();
    await expect.poll(() => options.locator('[data-testid="settings-status"]').textContent(), T).toBe('Settings saved.');
    await options.locator('[data-testid="restore-file"]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: readFileSync(await download.path()) });
    const confirm = options.locator('[data-testid="restore-confirmation"]');
    await confirm.waitFor(T);
    expect(await confirm.textContent()).toMatch(/8 customers/);
    await options.locator('[data-testid="restore-confirm"]').click();
    await expect.poll(() => options.locator('[data-testid="backup-message"]').textContent(), T).toBe('Backup restored.');
    await expect.poll(() => options.locator('[data-testid="settings-staff-name"]').inputValue(), T).toBe(backup.settings.staffName);

    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('[data-testid="overdue-row"]').count(), T).toBe(4);
    expect(await popup.locator('[data-testid="popup-last-import"]').textContent()).toMatch(/Customers: imported 0 d ago/);
    await popup.close();
    await options.close();
  });
});
