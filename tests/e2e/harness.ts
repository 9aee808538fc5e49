// Launches Debian's Chromium with the built extension, the portal's host name mapped to the local test site.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page, type Worker } from 'playwright-core';
import { expect } from 'vitest';
import { startPortal } from './portal-site/server';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const PORTAL = 'https://partner.microsoft.com';

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  portal: Awaited<ReturnType<typeof startPortal>>;
  /** Opens an extension page (`popup.html`, `options.html`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens a portal page (path under https://partner.microsoft.com) in a new tab. */
  openPortal(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** `profile`: a browser profile to use and keep (a bench's prepared store); by default a new one, removed on close. */
export async function launch(opts: { portal?: Parameters<typeof startPortal>[0]; headless?: boolean; profile?: string } = {}): Promise<Harness> {
  const portal = await startPortal(opts.portal);
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'prl-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: opts.headless ?? true,
    viewport: { width: 1400, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=MAP partner.microsoft.com 127.0.0.1:${portal.port}`,
      '--ignore-certificate-errors',
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const open = async (url: string) => {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${url}: ${e.message}`));
    await page.goto(url);
    return page;
  };
  return {
    context, extensionId, worker, portal,
    openExtensionPage: (path) => open(`chrome-extension://${extensionId}/${path}`),
    openPortal: (path) => open(`${PORTAL}${path}`),
    async close() {
      await context.close();
      await portal.close();
      if (!opts.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Every record of a store, read in the extension's origin through one of its pages (popup, options). */
export function readStore<R = Record<string, unknown>>(page: Page, store: string): Promise<R[]> {
  return page.evaluate((name) => new Promise<R[]>((resolve, reject) => {
    const open = indexedDB.open('partner-risk-lens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => { resolve(req.result as R[]); open.result.close(); };
      req.onerror = () => reject(req.error);
    };
  }), store);
}

/** How many records a store holds, read the same way. */
export function countStore(page: Page, store: string): Promise<number> {
  return page.evaluate((name) => new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('partner-risk-lens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(name).objectStore(name).count();
      req.onsuccess = () => { resolve(req.result); open.result.close(); };
      req.onerror = () => reject(req.error);
    };
  }), store);
}

/** Imports files through the options page as staff do: chosen, previewed (`previews` files), confirmed, and the
 * result shown. Returns the result. */
export async function importFiles(options: Page, files: Parameters<Locator['setInputFiles']>[0], previews: number, poll: { timeout: number }) {
  await options.locator('[data-testid="import-file"]').setInputFiles(files);
  await expect.poll(() => options.locator('[data-testid="import-preview"]').count(), poll).toBe(previews);
  await options.locator('[data-testid="import-confirm"]').click();
  const result = options.locator('[data-testid="import-result"]');
  await result.waitFor(poll);
  return result;
}
