// The content script's wiring on portal-shaped pages, with the real background service over an in-memory store:
// the name recorded for a customer after an in-app navigation, and the panel kept true to the store (a panel
// taken off by a portal re-render comes back; an answer from before a change never shows after it).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { commitImport, openStore } from '../../lib/db';
import type { Request } from '../../lib/messages';
import { createService } from '../../lib/service';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const NOW = '2026-11-25T10:00:00.000Z';
const url = (tenantId: string) => `https://partner.microsoft.com/dashboard/v2/customers/${tenantId}/account`;

let ctx: ContentScriptContext | undefined;
// happy-dom has no idle callbacks; the content script warms its formatters in one.
globalThis.requestIdleCallback ??= ((cb: IdleRequestCallback) => setTimeout(() => cb({ didTimeout: false, timeRemaining: () => 0 }), 0)) as never;
globalThis.cancelIdleCallback ??= ((id: number) => clearTimeout(id)) as never;
afterEach(() => {
  ctx?.notifyInvalidated();
  ctx = undefined;
  document.body.replaceChildren();
});

/** The background: the real service over a fresh store; every message it answers is kept. */
async function background() {
  const db = await openStore();
  const requests: Request[] = [];
  const service = createService({
    db, now: () => new Date(NOW), loadMessages: async () => ({}), browserLanguage: () => 'en',
    broadcast: (c) => void fakeBrowser.runtime.onMessage.trigger(c, {}),
  });
  // A hook to hold an answer back: the test releases it when it wants.
  let hold: ((req: Request) => Promise<void> | undefined) | undefined;
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    const req = msg as Request;
    if ((msg as { type?: string }).type === 'changed') return undefined;
    requests.push(req);
    const held = hold?.(req);
    return (held ?? Promise.resolve()).then(() => service.handle(req));
  });
  return { db, requests, holdWith: (h: typeof hold) => { hold = h; } };
}

/** The portal's page heading: an ARIA heading inside the app's open shadow root, as the portal renders it. */
function portalHeading(text: string): HTMLElement {
  const app = document.createElement('ms-app');
  const h = document.createElement('div');
  h.setAttribute('role', 'heading');
  h.setAttribute('aria-level', '1');
  h.textContent = text;
  app.attachShadow({ mode: 'open' }).append(h);
  document.body.append(app);
  return h;
}

async function startContent() {
  const script = (await import('../../entrypoints/content/index')).default;
  ctx = new ContentScriptContext('content');
  await script.main(ctx);
}
const panelHost = () => document.querySelector('prl-risk-panel');
const panelText = () => panelHost()?.shadowRoot?.querySelector('[data-testid="risk-panel"]')?.textContent ?? '';
const seenNames = (requests: Request[]) => requests.flatMap((r) => (r.type === 'customers.seen' ? r.customers : []));

describe('content script', () => {
  it('never records the customer left behind for the next: the old heading is read as the name is, ARIA and shadow roots too', async () => {
    const { requests } = await background();
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url(A));
    portalHeading('Contoso');
    await startContent();
    await vi.waitFor(() => expect(seenNames(requests)).toContainEqual({ tenantId: A, name: 'Contoso' }), { timeout: 5_000 });
    // An in-app navigation to B, whose page keeps showing A's heading: B's name is never taken from it, and after
    // its looks (15, 400 ms apart) B is recorded without a name.
    history.pushState({}, '', url(B));
    await vi.waitFor(() => expect(seenNames(requests).find((c) => c.tenantId === B)).toBeDefined(), { timeout: 15_000, interval: 100 });
    expect(seenNames(requests).filter((c) => c.tenantId === B)).toEqual([{ tenantId: B, name: '' }]);
  }, 30_000);
});
