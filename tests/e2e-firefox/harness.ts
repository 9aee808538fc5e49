// Launches Debian's Firefox ESR over WebDriver BiDi (puppeteer-core, no driver binary) with the Firefox build
// installed as a temporary add-on, and https://partner.microsoft.com served by the local test portal.
//
// Everything the Firefox harness does differently from the Chromium one (../e2e/harness.ts), and why:
// - The host: Firefox has no `--host-resolver-rules`, and `network.dns.localDomains` maps a name but not a port,
//   while the test portal listens on a random port. So Firefox is given an HTTPS proxy of our own that tunnels
//   CONNECT partner.microsoft.com:443 to the portal and refuses everything else (Firefox's own background
//   traffic included): pages keep the real origin, no port in it.
// - The certificate: the session's `acceptInsecureCerts` capability, instead of `--ignore-certificate-errors`.
// - The add-on: installed over BiDi `webExtension.install` as a temporary add-on; its internal uuid (the host of
//   moz-extension:// URLs, random per profile) is fixed before launch through `extensions.webextensions.uuids`,
//   and WebDriver may open such URLs in a tab only with `--remote-allow-system-access`.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startPortal } from '../e2e/portal-site/server';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_DIR = resolve('.output/firefox-mv3');
export const PORTAL = 'https://partner.microsoft.com';
const PORTAL_AUTHORITY = 'partner.microsoft.com:443';

export interface FirefoxHarness {
  browser: Browser;
  extensionUrl: string;
  portal: Awaited<ReturnType<typeof startPortal>>;
  /** Opens an extension page (`popup.html`, `options.html`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens a portal page (path under https://partner.microsoft.com) in a new tab. */
  openPortal(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Polls until `check` holds (every 100 ms, up to `timeout` ms): an extension page is loaded, a reload is done. */
export async function waitUntil(check: () => Promise<boolean>, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not true after ${timeout} ms: ${check.toString()}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** An HTTP proxy that only tunnels the portal's authority to the local portal. */
async function startPortalProxy(portalPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => { res.writeHead(403); res.end(); });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (req.url?.toLowerCase() !== PORTAL_AUTHORITY) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(portalPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => { sockets.delete(upstream); client.destroy(); });
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((ok) => { for (const s of sockets) s.destroy(); server.close(() => ok()); }),
  };
}

export async function launchFirefox(opts: { portal?: Parameters<typeof startPortal>[0] } = {}): Promise<FirefoxHarness> {
  const geckoId: string = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8')).browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const portal = await startPortal(opts.portal);
  const proxy = await startPortalProxy(portal.port);
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true,
      defaultViewport: { width: 1400, height: 900 },
      // WebDriver may only navigate to web URLs unless system access is allowed; moz-extension:// needs it.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      },
    });
    const installed = await browser.installExtension(EXTENSION_DIR);
    if (installed !== geckoId) throw new Error(`Firefox installed ${installed}, expected ${geckoId}`);
  } catch (e) {
    await browser?.close();
    await proxy.close();
    await portal.close();
    throw e;
  }
  const b = browser;
  const extensionUrl = `moz-extension://${uuid}`;
  const newPage = async (url: string) => {
    const page = await b.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${url}: ${e instanceof Error ? e.message : String(e)}`));
    return page;
  };
  const open = async (url: string) => {
    const page = await newPage(url);
    await page.goto(url);
    return page;
  };
  // Firefox's BiDi reports no navigation events for a moz-extension:// document (the tab moves to the
  // extension's process), so puppeteer's goto would never settle: start the load, then wait for the document.
  const openExtension = async (url: string) => {
    const page = await newPage(url);
    page.goto(url, { timeout: 0 }).catch(() => {});
    await waitUntil(() => page.evaluate(() => document.readyState === 'complete' && location.href).then((href) => href === url, () => false));
    return page;
  };
  return {
    browser: b, extensionUrl, portal,
    openExtensionPage: (path) => openExtension(`${extensionUrl}/${path}`),
    openPortal: (path) => open(`${PORTAL}${path}`),
    async close() {
      await b.close();
      await proxy.close();
      await portal.close();
    },
  };
}
