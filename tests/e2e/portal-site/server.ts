// A local stand-in for Partner Center over HTTPS on 127.0.0.1: every path serves the same single-page app,
// which renders after a delay, navigates with history.pushState and draws its customer grid inside nested
// open shadow roots with placeholder rows that become `row-{tenantId}` rows (see ../../../../shared/PORTAL.md).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_CUSTOMERS, type PortalCustomer } from './fixtures';

const here = dirname(fileURLToPath(import.meta.url));

export interface PortalOptions {
  customers?: PortalCustomer[];
  /** Delay before the app first renders, in ms (the real portal renders client-side, late). */
  renderDelayMs?: number;
  /** Delay before placeholder grid rows turn into customer rows, in ms. */
  rowSwapMs?: number;
}

export interface PortalSite {
  port: number;
  /** Every path requested, for tests that check what the page asked for. */
  requests: string[];
  close(): Promise<void>;
}

export async function startPortal(opts: PortalOptions = {}): Promise<PortalSite> {
  const config = {
    customers: opts.customers ?? SAMPLE_CUSTOMERS,
    renderDelayMs: opts.renderDelayMs ?? 150,
    rowSwapMs: opts.rowSwapMs ?? 700,
  };
  const app = readFileSync(join(here, 'app.js'), 'utf8');
  // JSON inside a <script>: '<' escaped so a customer name with markup cannot close the tag.
  const configJson = JSON.stringify(config).replace(/</g, '\\u003c');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner Center</title></head>
<body><header id="shell"><a href="/dashboard/commerce2/customers/list" data-spa>Customers</a></header><main id="app"></main>
<script>window.__PORTAL__ = ${configJson};</script><script src="/__site/app.js"></script></body></html>`;
  const requests: string[] = [];
  const server = createServer({ key: readFileSync(join(here, 'key.pem')), cert: readFileSync(join(here, 'cert.pem')) }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push(req.url ?? '/');
    if (path === '/__site/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(app);
    } else if (path === '/favicon.ico') {
      res.writeHead(404);
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
