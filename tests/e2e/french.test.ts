// The French UI in the real browser: after failed imports and a refused restore, no English text on the page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishIn } from '../fixtures/english';
import { launch, type Harness } from './harness';

let h: Harness;
const T = { timeout: 20_000 };
beforeAll(async () => { h = await launch(); });
afterAll(async () => { await h?.close(); });

/** The column headers of the files below, as Partner Center writes them: a message that names one quotes the file. */
const HEADERS = ['Customer ID', 'Company name', 'Country', 'Prepaid', 'Payment instrument', 'Created', 'Invoice number', 'Invoice date', 'Due date', 'Amount', 'Currency'];

/**
 * English words in the page's visible text, each with the line it is on. What a message quotes from the file
 * (a column header, a value: « Customer ID », 'Atlantis') is the file's, not the UI's, and is left out.
 */
const english = (page: Page) => page.evaluate(() => document.body.innerText).then((text) =>
  text.split('\n').flatMap((line) => {
    let own = line.replace(/«[^»]*»|'[^']*'/g, '');
    for (const h of HEADERS) own = own.split(h).join('');
    return englishIn(own).map((w) => `${w} in "${line}"`);
  }));

describe('the French UI', () => {
  it('shows no English text after failed French imports and a refused restore', async () => {
    const page = await h.openExtensionPage('options.html');
    await page.locator('[data-testid="settings-language"]').selectOption('fr');
    await page.locator('[data-testid="settings-save"]').click();
    await expect.poll(() => page.locator('html').getAttribute('lang'), T).toBe('fr');
    await expect.poll(() => page.locator('[data-testid="settings-save"]').textContent(), T).toBe('Enregistrer');

    await page.locator('[data-testid="import-file"]').setInputFiles([
      { name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(
        'Customer ID,Company name,Country,Prepaid,Payment instrument,Created\n' +
        'pas-un-guid,Contoso,Atlantis,peut-être,chèque,31/02/2026\n' +
        '0f1e2d3c-4b5a-4697-8877-665544332211,,FR,oui,card,2026-01-05\n') },
      { name: 'factures.csv', mimeType: 'text/csv', buffer: Buffer.from(
        'Customer ID,Invoice number,Invoice date,Due date,Amount,Currency\n' +
        '0f1e2d3c-4b5a-4697-8877-665544332211,F-1,2026-01-05,hier,douze,EURO\n') },
      { name: 'inconnu.csv', mimeType: 'text/csv', buffer: Buffer.from('Colonne,Autre\n1,2\n') },
      { name: 'alertes.json', mimeType: 'application/json', buffer: Buffer.from('[{"eventId": "x", "eventStatus": "Perdu"}') },
      { name: 'forme.json', mimeType: 'application/json', buffer: Buffer.from('{"bonjour": 1}') },
    ]);
    await expect.poll(() => page.locator('[data-testid="import-preview"], .error, [role="alert"]').count(), T).toBeGreaterThan(2);
    await expect.poll(async () => (await english(page)).join("\n"), T).toBe("");

    await page.locator('[data-testid="restore-file"]').setInputFiles({ name: 'sauvegarde.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "partner-risk-lens-backup", "v": 99}') });
    await page.locator('[data-testid="backup-message"]').waitFor(T);
    expect(await english(page)).toEqual([]);
    await page.close();
  });
});
