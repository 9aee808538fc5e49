// Mounts the risk panel for the customer whose page is open, and turns its actions into messages.
// Pages: /dashboard/{v2,commerce2}/customers/{tenantId}/{tab} (any tab), with or without a locale prefix,
// and …/subscriptions/{subscriptionId}.
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Panel } from '@/components/panel/Panel';
import { PANEL_CSS } from '@/components/panel/styles';
import type { PanelActions } from '@/components/panel/actions';
import type { Translate } from '@/lib/i18n';
import type { PanelData } from '@/lib/messages';
import { send } from '@/utils/send';

interface HostProps {
  tenantId: string;
  subscriptionId?: string;
  t: Translate;
  locale: string;
  /** Bumped by the content script when the store says this customer changed. */
  version: number;
}

// The panel's data is asked for as soon as the URL names the customer, while the UI is being mounted; the
// first load takes that answer instead of waiting for the first render's effect.
const prefetched = new Map<string, Promise<PanelData>>();
export function prefetchPanel(tenantId: string): void {
  if (prefetched.has(tenantId)) return;
  const answer = send({ type: 'panel.get', tenantId });
  answer.catch(() => undefined); // a failure is reported by the load that takes it
  prefetched.set(tenantId, answer);
}
/** The store changed (for these customers, or all): an answer asked for before is out of date. */
export function dropPrefetched(tenantIds?: string[]): void {
  if (!tenantIds) prefetched.clear();
  else for (const id of tenantIds) prefetched.delete(id.toLowerCase());
}

function PanelHost({ tenantId, subscriptionId, t, locale, version }: HostProps) {
  const [data, setData] = useState<PanelData>();
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState(true);
  const [nameMissing, setNameMissing] = useState(false);

  // Only the latest load's answer is shown: one asked for before a change never lands after the change's.
  const latest = useRef(0);
  const load = useCallback(async () => {
    const mine = ++latest.current;
    try {
      const early = prefetched.get(tenantId);
      prefetched.delete(tenantId);
      const d = await (early ?? send({ type: 'panel.get', tenantId }));
      if (mine !== latest.current) return;
      performance.mark('prl:panel-data', { detail: { tenantId } });
      setData(d);
      setOpen(d.panelOpen);
      setError(undefined);
    } catch (e) {
      if (mine === latest.current) setError(t('panel_error', e instanceof Error ? e.message : String(e)));
    }
  }, [tenantId, t]);

  useEffect(() => { void load(); }, [load, version]);
  // For the benchmarks: when the panel first shows this customer's score.
  useEffect(() => { if (data) performance.mark('prl:panel-shown', { detail: { tenantId } }); }, [data?.tenantId]);

  // Every action reports its failure in the panel and reloads the truth from the store.
  const act = <A extends unknown[]>(fn: (...a: A) => Promise<unknown>) => async (...a: A) => {
    try {
      await fn(...a);
    } catch (e) {
      setError(t('panel_error', e instanceof Error ? e.message : String(e)));
    }
    await load();
  };

  const actions: PanelActions = {
    nameMissing,
    tick: act(async (itemId: string, done: boolean, note?: string) => {
      const r = await send({ type: 'checklist.set', tenantId, itemId, done, ...(note !== undefined ? { note } : {}), via: 'panel' });
      if (r.nameMissing) setNameMissing(true);
    }),
    setStaffName: act(async (name: string) => {
      await send({ type: 'staff.setName', name });
      setNameMissing(false);
    }),
    updateFacts: act((patch) => send({ type: 'customer.update', tenantId, patch })),
    addFlag: act((kind, note) => send({ type: 'flag.add', tenantId, kind, note })),
    resolveFlag: act((id: string) => send({ type: 'flag.resolve', id })),
    triageAlert: act((id, status, reason, note) => send({ type: 'alert.triage', id, status, ...(reason ? { reason } : {}), ...(note ? { note } : {}) })),
  };

  const toggle = () => {
    setOpen(!open);
    send({ type: 'panel.setOpen', open: !open }).catch(() => undefined);
  };

  return <Panel tenantId={tenantId} data={data} t={t} locale={locale} open={open} onToggle={toggle} subscriptionId={subscriptionId} error={error} actions={actions} />;
}

export async function mountPanel(ctx: ContentScriptContext, props: Omit<HostProps, 'version'>) {
  let current = { ...props, version: 0 };
  let container: HTMLElement | undefined;
  const ui = await createShadowRootUi(ctx, {
    name: 'prl-risk-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: PANEL_CSS,
    // Keys typed in the panel (j/k/space, notes) never reach the portal's own shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(uiContainer, _shadow, host) {
      host.setAttribute('data-prl', '');
      container = uiContainer;
      render(<PanelHost key={current.tenantId} {...current} />, uiContainer);
    },
    onRemove() {
      if (container) render(null, container);
    },
  });
  ui.mount();
  // A portal re-render that replaces the body's children (or the body) takes the panel with it: it goes back in
  // at once, as it was. Only the body's own children and the body itself are watched, not the whole page.
  let removed = false;
  const watcher = new MutationObserver(() => {
    if (removed || ctx.isInvalid) return;
    if (document.body && watched !== document.body) watchBody();
    if (!ui.shadowHost.isConnected && document.body) ui.mount();
  });
  let watched: HTMLElement | undefined;
  const watchBody = () => {
    watcher.disconnect();
    watcher.observe(document.documentElement, { childList: true });
    watched = document.body ?? undefined;
    if (watched) watcher.observe(watched, { childList: true });
  };
  watchBody();
  const stop = () => { removed = true; watcher.disconnect(); };
  ctx.onInvalidated(stop);
  return {
    update(next: Partial<HostProps>) {
      current = { ...current, ...next, version: current.version + 1 };
      if (container) render(<PanelHost key={current.tenantId} {...current} />, container);
    },
    /** Still in the page? Some portal re-renders replace the body's children. */
    get attached() { return ui.shadowHost.isConnected; },
    remount() { ui.remove(); ui.mount(); },
    remove() { stop(); ui.remove(); },
  };
}
export type MountedPanel = Awaited<ReturnType<typeof mountPanel>>;
