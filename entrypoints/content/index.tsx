// Wiring only: the page kind from the URL, the panel on customer pages, badges everywhere, clean-up on leave.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { makeTranslate, type Translate } from '@/lib/i18n';
import type { Changed } from '@/lib/messages';
import { PORTAL_MATCHES } from '@/lib/portal/hosts';
import { pageHeading, pageOf, visibleCustomerName, type PortalPage } from '@/lib/portal/page';
import { send } from '@/utils/send';
import { startBadges, type BadgeManager } from './badges';
import type { MountedPanel } from './panel';
import { loadPanel } from './panel-loader';
import { dropPrefetched, prefetchPanel, prefetchedWithin, takePrefetched } from './panel-prefetch';
import { watchPortalTheme } from './portal-theme';
import { dropTable, prefetchTable, takeTable } from './table-prefetch';

/** How long a customer's page waits for the answer asked for ahead before it mounts the panel (loading) without it. */
const ANSWER_WAIT_MS = 150;

export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    onlyWhenGone(ctx); // first, before anything of the page's can run
    try {
      await run(ctx);
    } catch (e) {
      // Never break the portal: our failure stays ours.
      console.warn('[Partner Risk Lens]', e);
    }
  },
});

/**
 * The overlay stops only when the extension is gone (updated, reloaded, removed: `browser.runtime.id` is then
 * undefined, which the watchdog in run() reads every second). WXT's context also stops when the document gets a
 * "content script started" event naming this script, meant for a newer copy of it; but WXT posts that event's
 * name, with our extension id, to the page (window.postMessage) as each script starts, and anything in the page
 * can dispatch it: a page replaying it removed the panel and badges for good. So an invalidation that comes while
 * the extension is still there is ignored; the newer copy's arrival is caught by the runtime-id check instead.
 */
function onlyWhenGone(ctx: ContentScriptContext) {
  const invalidate = ctx.notifyInvalidated.bind(ctx);
  ctx.notifyInvalidated = () => {
    let gone = true;
    try { gone = browser.runtime?.id == null; } catch { /* the runtime itself is gone */ }
    if (gone) invalidate();
  };
}

async function run(ctx: ContentScriptContext) {
  let t: Translate = (k) => k;
  let locale = navigator.language;
  const loadStrings = async () => {
    try {
      const { language, messages } = await send({ type: 'i18n.get' });
      t = makeTranslate(messages);
      locale = navigator.language.toLowerCase().startsWith(language) ? navigator.language : language;
    } catch { /* keep the keys: better than nothing while the background restarts */ }
  };
  // A customer's page asks for the customer's answer and fetches the panel's code at once, while the strings load;
  // a customers list asks for every customer's badge. A change meanwhile drops that answer (the route asks again).
  const opening = pageOf(location.href);
  const dropOnChange = (m: unknown) => {
    if ((m as Changed)?.type !== 'changed') return;
    dropPrefetched((m as Changed).tenantIds);
    dropTable();
  };
  browser.runtime.onMessage.addListener(dropOnChange);
  if (opening.kind === 'customer') {
    prefetchPanel(opening.tenantId);
    loadPanel().catch(() => undefined); // a failure is reported by the route's load
  } else if (opening.kind === 'customers-list') prefetchTable();
  await loadStrings();

  let panel: MountedPanel | undefined;
  let page: PortalPage = { kind: 'other' };
  const badges: BadgeManager = startBadges(ctx, {
    fetchBadges: (tenantIds) => send({ type: 'badges.get', tenantIds }),
    fetchAll: () => takeTable() ?? send({ type: 'badges.all' }),
    recordSeen: (customers) => void send({ type: 'customers.seen', customers }).catch(() => undefined),
    t: () => t,
  });
  const theme = watchPortalTheme(ctx, () => { badges.retheme(); panel?.retheme(); });

  // WXT's location event comes from the Navigation API's `navigate`, before location.href changes: route by
  // the event's new URL, never by location.href at that moment.
  let routed = '';
  // A change for this page's customer while the panel's code loads or mounts (the name this page records, say):
  // the panel reads again once mounted. Messages are listened to before the first route for that reason.
  let changedWhileLoading = false;
  let portalSeen = '';
  const route = async (href: string) => {
    if (ctx.isInvalid || href === routed) return;
    const navigated = routed !== ''; // not the page's first load: the old page may still be on screen
    routed = href;
    page = pageOf(href);
    // Where the portal was seen (for the popup's links), told once per family and locale, not on every page:
    // a write here would queue the panel's read behind it.
    if (page.kind !== 'other' && `${page.family}|${page.locale ?? ''}` !== portalSeen) {
      portalSeen = `${page.family}|${page.locale ?? ''}`;
      send({ type: 'customers.seen', customers: [], portal: { family: page.family, ...(page.locale ? { locale: page.locale } : {}) } }).catch(() => undefined);
    }
    if (page.kind === 'customer') {
      prefetchPanel(page.tenantId);
      badges.setExcluded(page.tenantId);
      recordCustomerOnPage(ctx, page.tenantId, navigated);
      if (panel && panel.attached) panel.update({ tenantId: page.tenantId, subscriptionId: page.subscriptionId });
      else {
        panel?.remove();
        panel = undefined;
        const here = page;
        // The panel's code is loaded now if it was not yet (its data was asked for above, meanwhile).
        const { mountPanel } = await loadPanel();
        const left = () => {
          if (!ctx.isInvalid && routed === href) return false;
          // Left for another page while it loaded: the answer asked for ahead is not kept for a later visit
          // (another page of the same customer takes it).
          const now = pageOf(routed);
          if (now.kind !== 'customer' || now.tenantId !== here.tenantId) dropPrefetched([here.tenantId]);
          return true;
        };
        if (left()) return;
        changedWhileLoading = false;
        // The customer's answer, if the background gives it soon: the panel's first render is then the score.
        const initial = await prefetchedWithin(here.tenantId, ANSWER_WAIT_MS);
        if (left()) return;
        if (initial) performance.mark('prl:panel-data', { detail: { tenantId: here.tenantId } });
        panel = await mountPanel(ctx, { tenantId: here.tenantId, subscriptionId: here.subscriptionId, t, locale, takePrefetched, portalDark: () => theme.dark, initial });
        if (changedWhileLoading) { changedWhileLoading = false; panel.update({}); }
      }
    } else {
      if (page.kind === 'customers-list') badges.prefetch();
      badges.setExcluded(undefined);
      panel?.remove();
      panel = undefined;
    }
    theme.recheck();
  };

  // While the page is idle, the panel's code and the number and date formatters it needs (their data loads slowly
  // once, 20–50 ms). A customers list opens with none of that: there they come once staff point at or tab into
  // the page, on the way to opening a customer.
  let warmed = false;
  const warm = () => {
    if (warmed) return;
    warmed = true;
    // The panel's file is asked for at once, so that it is in by the time staff click (waiting for an idle
    // moment first made the panel measurably later); the formatters wait for one.
    const loaded = loadPanel();
    loaded.catch((e) => console.warn('[Partner Risk Lens]', e));
    ctx.requestIdleCallback(() => {
      loaded.then((p) => { if (!ctx.isInvalid) p.warmFormatting(locale); }, () => undefined);
    }, { timeout: 2000 });
  };
  if (pageOf(location.href).kind === 'customers-list') {
    for (const type of ['pointerover', 'focusin'] as const) ctx.addEventListener(document, type, warm, { capture: true, once: true, passive: true });
  } else warm();

  // In-app navigation from the browser's own `navigate` events, not WXT's 'wxt:locationchange': that one is a
  // plain event on the window under a name the page can learn (see onlyWhenGone), so a page could dispatch it,
  // and a look-alike without a URL threw. A `navigate` event the page dispatches itself is untrusted: ignored.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  const onNavigate = (e: Event) => {
    const url = e.isTrusted ? (e as Event & { destination?: { url?: unknown } }).destination?.url : undefined;
    if (typeof url === 'string') void route(url).catch((err) => console.warn('[Partner Risk Lens]', err));
  };
  if (navigation) navigation.addEventListener('navigate', onNavigate, { signal: ctx.signal });
  else ctx.setInterval(() => void route(location.href).catch((e) => console.warn('[Partner Risk Lens]', e)), 1000);
  // Back and forward: popstate fires after the URL changed.
  ctx.addEventListener(window, 'popstate', () => void route(location.href).catch((e) => console.warn('[Partner Risk Lens]', e)));
  const onChanged = (msg: unknown) => {
    // The browser command (Alt+Shift+R by default), passed on by the background: the panel takes the focus.
    if ((msg as { type?: unknown })?.type === 'panel.focus' && !ctx.isInvalid) { panel?.focus(); return; }
    const c = msg as Changed;
    if (c?.type !== 'changed' || ctx.isInvalid) return;
    if (c.what.includes('settings')) {
      void loadStrings().then(() => {
        panel?.update({ t, locale });
        badges.rerender();
      });
    }
    // A panel answer or badge table fetched ahead is from before this change: it is asked for again.
    dropPrefetched(c.tenantIds);
    dropTable();
    if (page.kind === 'customer' && (!c.tenantIds || c.tenantIds.includes(page.tenantId))) {
      if (panel) panel.update({});
      else changedWhileLoading = true; // the panel's code is still loading: it reads again once mounted
    }
    badges.refresh(c.tenantIds);
  };
  browser.runtime.onMessage.addListener(onChanged);
  browser.runtime.onMessage.removeListener(dropOnChange);

  await route(location.href);


  // The extension was updated or reloaded: this script is orphaned. WXT notices when `ctx.isInvalid` is read
  // (runtime.id gone); this watchdog reads it every second, so the UI goes even on a page left idle.
  ctx.setInterval(() => undefined, 1000);
  // Any portal page open asks every few seconds whether the team has news (a customer's panel asks for itself).
  ctx.setInterval(() => { if (page.kind !== 'customer') send({ type: 'sync.ping' }).catch(() => undefined); }, 3000);
  // Remove everything, throw nothing.
  ctx.onInvalidated(() => {
    badges.stop();
    panel?.remove();
    dropPrefetched();
    try { browser.runtime.onMessage.removeListener(onChanged); } catch { /* runtime already gone */ }
  });
}

/**
 * A customer seen in the portal but not in the store is recorded with the name the page shows. The portal
 * renders late, so the name is looked for a few times; it is recorded as soon as it shows (as text).
 */
function recordCustomerOnPage(ctx: ContentScriptContext, tenantId: string, navigated: boolean) {
  // After an in-app navigation, the heading still shown belongs to the page being left (the portal renders the
  // new one late): a name equal to it is not taken for this customer's.
  // Read as the name is (lib/portal: ARIA headings and shadow roots too), or an old heading goes unnoticed.
  const before = navigated ? pageHeading(document) ?? '' : '';
  let tries = 0;
  const attempt = () => {
    if (ctx.isInvalid) return;
    const page = pageOf(location.href);
    if (page.kind !== 'customer' || page.tenantId !== tenantId) return; // navigated away meanwhile
    const name = visibleCustomerName(document, tenantId);
    if (name && name !== before) {
      send({ type: 'customers.seen', customers: [{ tenantId, name }] }).catch(() => undefined);
      return;
    }
    if (++tries < 15) look(400);
    else send({ type: 'customers.seen', customers: [{ tenantId, name: '' }] }).catch(() => undefined);
  };
  // Each look (a scan of the page's shadow roots) waits for an idle moment: the panel's first paint comes first.
  const look = (ms: number) => ctx.setTimeout(() => ctx.requestIdleCallback(attempt, { timeout: 500 }), ms);
  look(100);
}
