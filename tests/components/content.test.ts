// The content script's wiring on portal-shaped pages, with the real background service over an in-memory store:
// the name recorded for a customer after an in-app navigation, and the panel kept true to the store (a panel
// taken off by a portal re-render comes back; an answer from before a change never shows after it).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { commitImport, openStore } from '../../lib/db';
import type { Request } from '../../lib/messages';
import { createService } from '../../lib/service';
import { PANEL_GLOBAL, type PanelModule } from '../../entrypoints/content/panel-loader';

// The panel's own file (entrypoints/risk-panel.ts) is loaded by the content script with a dynamic import() of
// its extension URL, which only a browser serves (tests/e2e and tests/e2e-firefox load it so). Here the same
// file is run from source, and its functions taken where the built one leaves them.
vi.mock('../../entrypoints/content/panel-loader', async (original) => ({
  ...(await original<typeof import('../../entrypoints/content/panel-loader')>()),
  loadPanel: async (): Promise<PanelModule> => {
    (await import('../../entrypoints/risk-panel')).default.main();
    return (globalThis as Record<string, unknown>)[PANEL_GLOBAL] as PanelModule;
  },
}));

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const NOW = '2026-11-25T10:00:00.000Z';
const url = (tenantId: string) => `https://partner.microsoft.com/dashboard/v2/customers/${tenantId}/account`;

let ctx: ContentScriptContext | undefined;
// happy-dom has no idle callbacks; the content script warms its formatters in one.
globalThis.requestIdleCallback ??= ((cb: IdleRequestCallback) => setTimeout(() => cb({ didTimeout: false, timeRemaining: () => 0 }), 0)) as never;
globalThis.cancelIdleCallback ??= ((id: number) => clearTimeout(id)) as never;
afterEach(() => {
  // The script stops only once the extension is gone (see onlyWhenGone in the content script): as after an update.
  const id = Object.getOwnPropertyDescriptor(fakeBrowser.runtime, 'id');
  Object.defineProperty(fakeBrowser.runtime, 'id', { value: undefined, configurable: true });
  ctx?.notifyInvalidated();
  if (id) Object.defineProperty(fakeBrowser.runtime, 'id', id);
  else delete (fakeBrowser.runtime as { id?: string }).id;
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
  // A hook to hold an answer back once worked out (as a slow message would): the test releases it when it wants.
  let hold: ((req: Request) => Promise<void> | undefined) | undefined;
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    const req = msg as Request;
    if ((msg as { type?: string }).type === 'changed') return undefined;
    requests.push(req);
    const held = hold?.(req);
    return service.handle(req).then(async (answer) => { await held; return answer; });
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
const customer = (tenantId: string, name: string) => ({ tenantId, name, origin: 'import' as const, updatedAt: NOW });
/** Turns of the event loop: for what follows an answer (a state update, a render) to have run. */
const turns = async (n: number) => { for (let i = 0; i < n; i++) await new Promise((ok) => setTimeout(ok, 0)); };
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

  it('mounts the panel with the answer asked for ahead when it comes soon: the first render is the score, no loading line', async () => {
    const { db } = await background();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url(A));
    portalHeading('Contoso');
    // What the panel holds when it first goes into the page (its first render runs as it is mounted).
    const first: string[] = [];
    const watch = new MutationObserver(() => {
      const p = panelHost()?.shadowRoot?.querySelector('[data-testid="risk-panel"]');
      if (p && !first.length) first.push(p.querySelector('[data-testid="risk-level"]') ? 'score' : p.textContent ?? '');
    });
    watch.observe(document.body, { childList: true });
    try {
      await startContent();
      await vi.waitFor(() => expect(panelText()).toContain('Contoso'));
    } finally {
      watch.disconnect();
    }
    expect(first).toEqual(['score']);
  });

  /** Starts the content script on `pageUrl` with its strings held back, and checks that it asks for `early` meanwhile. */
  async function asksBeforeStrings(pageUrl: string, early: string, page?: () => void) {
    const { db, requests, holdWith } = await background();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(pageUrl);
    page?.();
    let release!: () => void;
    const strings = new Promise<void>((ok) => { release = ok; });
    holdWith((req) => (req.type === 'i18n.get' ? strings : undefined));
    const started = startContent();
    try {
      await vi.waitFor(() => expect(requests.map((r) => r.type)).toContain(early));
      expect(requests.map((r) => r.type).sort()).toEqual(['i18n.get', early].sort()); // the strings are still held
    } finally {
      release();
    }
    await started;
    return requests;
  }

  it('asks for the customer\'s answer as it starts on a customer\'s page, before its strings are in', async () => {
    const requests = await asksBeforeStrings(url(A), 'panel.get', () => portalHeading('Contoso'));
    await vi.waitFor(() => expect(panelText()).toContain('Contoso'));
    expect(requests.filter((r) => r.type === 'panel.get')).toHaveLength(1);
  });

  it('asks for every customer\'s badge as it starts on a customers list, before its strings are in', async () => {
    const requests = await asksBeforeStrings('https://partner.microsoft.com/dashboard/commerce2/customers/list', 'badges.all');
    // The badge source takes that answer: the table is not asked for twice.
    await turns(5);
    expect(requests.filter((r) => r.type === 'badges.all')).toHaveLength(1);
  });

  it('asks for the table again when the store changes before the early one is taken: no row shows data from before', async () => {
    const { db, requests, holdWith } = await background();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://partner.microsoft.com/dashboard/commerce2/customers/list');
    let release!: () => void;
    const strings = new Promise<void>((ok) => { release = ok; });
    holdWith((req) => (req.type === 'i18n.get' ? strings : undefined));
    const started = startContent();
    await vi.waitFor(() => expect(requests.map((r) => r.type)).toContain('badges.all'));
    // An import lands while the strings are on their way: the table asked for before it is from before.
    await commitImport(db, { customers: [customer(B, 'Fabrikam')] }, NOW);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'changed', what: ['customers'] }, {});
    release();
    await started;
    await vi.waitFor(() => expect(requests.filter((r) => r.type === 'badges.all')).toHaveLength(2));
  });

  it('looks for the name a customer\'s page shows only in an idle moment, so the panel\'s first paint comes first', async () => {
    const { requests } = await background();
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url(A));
    portalHeading('Contoso');
    const idle: IdleRequestCallback[] = [];
    const real = globalThis.requestIdleCallback;
    globalThis.requestIdleCallback = ((cb: IdleRequestCallback) => idle.push(cb)) as never;
    try {
      await startContent();
      // The first look is due (100 ms after the route) and waits for the page to be idle: nothing is recorded yet.
      await vi.waitFor(() => expect(idle.length).toBeGreaterThan(1)); // the formatters' warm-up and the first look
      expect(seenNames(requests)).toEqual([]);
      for (const cb of idle.splice(0)) cb({ didTimeout: false, timeRemaining: () => 10 });
      await vi.waitFor(() => expect(seenNames(requests)).toContainEqual({ tenantId: A, name: 'Contoso' }));
    } finally {
      globalThis.requestIdleCallback = real;
    }
  });

  it('puts the panel back at once when a portal re-render takes it off the page', async () => {
    const { db } = await background();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url(A));
    portalHeading('Contoso');
    await startContent();
    await vi.waitFor(() => expect(panelText()).toContain('Contoso'));
    // The portal renders its page again: the body's children are replaced, ours with them.
    document.body.replaceChildren();
    portalHeading('Contoso');
    await vi.waitFor(() => expect(panelHost()?.isConnected).toBe(true));
    expect(panelText()).toContain('Contoso');
    // And again, the body itself replaced.
    document.documentElement.replaceChild(document.createElement('body'), document.body);
    await vi.waitFor(() => expect(panelHost()?.isConnected).toBe(true));
    expect(document.querySelectorAll('prl-risk-panel')).toHaveLength(1);
  });

  it.each([
    ['before the panel took it', 0],
    ['while the panel waits for it', 10],
  ])('never shows a panel answer worked out before a change once the change is in (change %s)', async (_, wait) => {
    const { db, holdWith } = await background();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url(A));
    portalHeading('Contoso');
    // The first panel answer (the one asked for ahead of the panel) is slow to arrive.
    let release!: () => void;
    let delivered!: Promise<void>;
    let first = true;
    holdWith((req) => {
      if (req.type !== 'panel.get' || !first) return undefined;
      first = false;
      delivered = new Promise<void>((ok) => { release = ok; });
      return delivered;
    });
    await startContent();
    await turns(wait);
    // Meanwhile an import renames the customer, and says so.
    await commitImport(db, { customers: [customer(A, 'Contoso Renamed')] }, NOW);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'changed', what: ['customers'], tenantIds: [A] }, {});
    await vi.waitFor(() => expect(panelText()).toContain('Contoso Renamed'));
    // The answer of before arrives last: it is not shown.
    release();
    await delivered;
    await turns(5);
    expect(panelText()).toContain('Contoso Renamed');
  });

  it('drops a panel answer fetched ahead of the panel when the store says the customer changed', async () => {
    const { db, requests } = await background();
    await commitImport(db, { customers: [customer(A, 'Contoso')] }, NOW);
    const { mountPanel } = await import('../../entrypoints/content/panel');
    const { dropPrefetched, prefetchPanel, takePrefetched } = await import('../../entrypoints/content/panel-prefetch');
    prefetchPanel(A);
    await vi.waitFor(() => expect(requests.filter((r) => r.type === 'panel.get')).toHaveLength(1));
    await commitImport(db, { customers: [customer(A, 'Contoso Renamed')] }, NOW);
    dropPrefetched([A]);
    ctx = new ContentScriptContext('content');
    const panel = await mountPanel(ctx, { tenantId: A, t: (k) => k, locale: 'en', takePrefetched });
    await vi.waitFor(() => expect(panelText()).toContain('Contoso Renamed'));
    expect(requests.filter((r) => r.type === 'panel.get')).toHaveLength(2);
    panel.remove();
  });
});
