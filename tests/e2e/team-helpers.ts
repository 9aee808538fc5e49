// Joining a team in a real browser, as staff do: the server's site access, then the options page's Team section.
import type { Page } from 'playwright-core';
import type { Harness } from './harness';

/**
 * Allows the extension to reach the server, as a person does on its details page (chrome://extensions, "Site
 * access"): a headless browser shows no prompt for permissions.request to answer. Connecting then finds it granted.
 */
export async function allowServer(h: Harness, origin = 'http://127.0.0.1/*'): Promise<void> {
  const page = await h.context.newPage();
  await page.goto(`chrome://extensions/?id=${h.extensionId}`);
  await page.evaluate(([id, host]) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(i: string, h: string): Promise<void> } } })
    .chrome.developerPrivate.addHostPermission(id, host), [h.extensionId, origin]);
  await page.close();
}

/** Types the staff name, then the team's server and credentials in the options page, and connects. */
export async function connectTeam(h: Harness, server: { url: string; database: string }, who: { name: string; password: string }, staffName: string): Promise<Page> {
  const options = await h.openExtensionPage('options.html');
  await options.locator('[data-testid="settings-staff-name"]').fill(staffName);
  await options.locator('[data-testid="settings-save"]').click();
  await options.locator('[data-testid="sync-url"]').fill(server.url);
  await options.locator('[data-testid="sync-database"]').fill(server.database);
  await options.locator('[data-testid="sync-user"]').fill(who.name);
  await options.locator('[data-testid="sync-password"]').fill(who.password);
  await options.locator('[data-testid="sync-connect"]').click();
  return options;
}
