// Mounts the risk panel for the customer whose page is open, and turns its actions into messages.
// Pages: /dashboard/{v2,commerce2}/customers/{tenantId}/{tab} (any tab), with or without a locale prefix,
// and …/subscriptions/{subscriptionId}.
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Panel, PANEL_WIDTH, type Failure } from '@/components/panel/Panel';
import type { SectionId } from '@/components/panel/Fold';
import { PANEL_CSS } from '@/components/panel/styles';
import { markTheme } from './portal-theme';
import type { PanelActions, PendingTick } from '@/components/panel/actions';
import { evidenceCsv } from '@/lib/audit';
import type { Translate } from '@/lib/i18n';
import type { PanelData } from '@/lib/messages';
import { send } from '@/utils/send';
import { errorWording } from '@/lib/errors';
import { say, wording } from '@/lib/wording';
import type { SyncBrief } from '@/lib/sync/config';
import { downloadCsv, pageRoom } from './page-room';

/** How often an open panel asks for the team's state (and so for an exchange): a colleague's tick shows within it. */
const TEAM_PING_MS = 3000;

interface HostProps {
  tenantId: string;
  subscriptionId?: string;
  t: Translate;
  locale: string;
  /** Bumped by the content script when the store says this customer changed. */
  version: number;
  /** Bumped by the browser command (Alt+Shift+R): open the panel and focus it. */
  focusRequest?: number;
  /** The page's room for the docked panel: its width in px, 0 for none. */
  reserve(px: number): void;
  /** Escape: the focus goes back to where it was in the page. */
  returnFocus(): void;
  /** The answer asked for ahead by the content script (panel-prefetch.ts), once; undefined when there is none. */
  takePrefetched?(tenantId: string): Promise<PanelData> | undefined;
  /** Whether the portal shows its dark theme (portal-theme.ts, in the content script). */
  portalDark?(): boolean;
  /** The answer the content script already holds for this customer: the first render shows it (no first load). */
  initial?: PanelData;
}

/** Below this window width the panel docks as a column the page makes room for, instead of floating over it. */
export const DOCK_BELOW = 1400;
/** Below this window height (a laptop's 768 px) the quiet sections start folded, so the panel fits on one screen. */
export const COMPACT_BELOW = 900;
// The width staff dragged the panel to, for this page's life (every customer opened in it).
let panelWidth = 360;

function PanelHost({ tenantId, subscriptionId, t, locale, version, focusRequest, reserve, returnFocus, takePrefetched, initial }: HostProps) {
  const given = initial?.tenantId === tenantId ? initial : undefined;
  const [data, setData] = useState<PanelData | undefined>(given);
  const [sections, setSections] = useState<Partial<Record<SectionId, boolean>>>({});
  const [docked, setDocked] = useState(() => innerWidth < DOCK_BELOW);
  const [compact, setCompact] = useState(() => innerHeight < COMPACT_BELOW);
  const [width, setWidth] = useState(panelWidth);
  const wrap = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState(given?.panelOpen ?? true);
  const [nameMissing, setNameMissing] = useState(false);
  // An action's failure stays until staff retry or dismiss it: a reload of the data does not clear it.
  const [failure, setFailure] = useState<Failure>();
  const [pending, setPending] = useState<ReadonlyMap<string, PendingTick>>(new Map());
  const [sync, setSync] = useState<SyncBrief>();
  // Asked once the score is shown: the read and the exchange a ping may start never hold up the first paint.
  const answered = data !== undefined || error !== undefined;
  useEffect(() => {
    if (!answered) return;
    const ping = () => { performance.mark('prl:team-ping'); void send({ type: 'sync.ping' }).then(setSync, () => undefined); };
    ping();
    const timer = setInterval(ping, TEAM_PING_MS);
    return () => clearInterval(timer);
  }, [answered]);

  // Only the latest load's answer is shown: one asked for before a change never lands after the change's.
  const latest = useRef(0);
  const load = useCallback(async (): Promise<PanelData | undefined> => {
    const mine = ++latest.current;
    try {
      const early = takePrefetched?.(tenantId);
      const d = await (early ?? send({ type: 'panel.get', tenantId }));
      if (mine !== latest.current) return;
      performance.mark('prl:panel-data', { detail: { tenantId } });
      setData(d);
      setOpen(d.panelOpen);
      setError(undefined);
      return d;
    } catch (e) {
      if (mine === latest.current) setError(say(t, wording('panel_error', errorWording(e))));
      return undefined;
    }
  }, [tenantId, t]);

  // Mounted with its answer: the first load is that answer (a change since makes the content script update).
  const loaded = useRef(given !== undefined);
  useEffect(() => { if (loaded.current) loaded.current = false; else void load(); }, [load, version]);
  // The customer's first answer paints the score alone; once it is on screen (marked for the benchmarks), the rest.
  const [scoreShown, setScoreShown] = useState(false);
  useEffect(() => { if (data) { performance.mark('prl:panel-shown', { detail: { tenantId } }); setScoreShown(true); } }, [data?.tenantId]);

  const fail = (e: unknown, retry?: () => void) => setFailure({
    message: say(t, wording('panel_error', errorWording(e))),
    ...(retry ? { onRetry: () => { setFailure(undefined); retry(); } } : {}),
    onDismiss: () => { setFailure(undefined); setPending((now) => new Map([...now].filter(([, p]) => p.state !== 'error'))); },
  });

  // Every action reports its failure in the panel and reloads the truth from the store.
  const act = <A extends unknown[]>(fn: (...a: A) => Promise<unknown>) => {
    const run = async (...a: A): Promise<void> => {
      try {
        await fn(...a);
      } catch (e) {
        fail(e, () => void run(...a));
      }
      await load();
    };
    return run;
  };

  // Ticks: the first goes at once; those made while it is on its way wait and go together, in one message and one
  // transaction, when it is back. A burst of 50 ticks is then a few writes, not 50.
  const queue = useRef<Array<{ itemId: string; done: boolean; note?: string }>>([]);
  const writing = useRef(false);
  const markTicks = (items: Array<{ itemId: string; done: boolean }>, state: PendingTick['state'] | undefined) => setPending((now) => {
    const next = new Map(now);
    for (const i of items) {
      if (!state) { if (next.get(i.itemId)?.done === i.done) next.delete(i.itemId); } else next.set(i.itemId, { done: i.done, state });
    }
    return next;
  });
  const flush = async (): Promise<void> => {
    if (writing.current || !queue.current.length) return;
    writing.current = true;
    const batch = queue.current.splice(0, 100); // a message holds up to 100; the rest go next
    const started = new Date().toISOString();
    try {
      const r = await send({ type: 'checklist.setMany', tenantId, items: batch, via: 'panel' });
      if (r.nameMissing) setNameMissing(true);
      writing.current = false;
      void flush();
      await load();
      markTicks(batch, undefined);
    } catch (e) {
      writing.current = false;
      void flush();
      // What the store holds decides: a tick the worker wrote before it stopped is saved, whatever the reply.
      const stored = await load();
      const lost = batch.filter((i) => {
        const entry = stored?.checklist.find((c) => c.itemId === i.itemId);
        return !(entry && entry.done === i.done && entry.at >= started.slice(0, 19));
      });
      markTicks(batch.filter((i) => !lost.includes(i)), undefined);
      if (lost.length) {
        markTicks(lost, 'error');
        fail(e, () => { for (const i of lost) enqueue(i); });
      }
    }
  };
  const enqueue = (i: { itemId: string; done: boolean; note?: string }) => {
    queue.current.push(i);
    markTicks([i], 'saving');
    void flush();
  };

  const actions: PanelActions = {
    nameMissing,
    pending,
    tick: async (itemId: string, done: boolean, note?: string) => enqueue({ itemId, done, ...(note !== undefined ? { note } : {}) }),
    openOptions: act(() => send({ type: 'options.open' })),
    updateFacts: act((patch) => send({ type: 'customer.update', tenantId, patch })),
    addFlag: act((kind, note) => send({ type: 'flag.add', tenantId, kind, note })),
    resolveFlag: act((id: string) => send({ type: 'flag.resolve', id })),
    triageAlert: act((id, status, reason, note) => send({ type: 'alert.triage', id, status, ...(reason ? { reason } : {}), ...(note ? { note } : {}) })),
    setVerdict: act((verdict, reason, reviewOn) => send({ type: 'verdict.set', tenantId, verdict, reason, ...(reviewOn ? { reviewOn } : {}) })),
    addPromise: act((date, amount, currency, note) => send({ type: 'promise.add', tenantId, date, amount, currency, ...(note ? { note } : {}) })),
    recordDunning: act((action, on) => send({ type: 'dunning.record', tenantId, action, on })),
    exportEvidence: () => {
      if (!data) return;
      const text = evidenceCsv(data.customer?.name ?? '', tenantId, data.checklist, data.history, data.decisions ?? []);
      downloadCsv(`evidence-${tenantId}-${data.today}.csv`, text);
    },
  };

  const setOpenStored = (next: boolean) => {
    setOpen(next);
    send({ type: 'panel.setOpen', open: next }).catch(() => undefined);
  };
  const toggle = () => setOpenStored(!open);
  const onSection = (id: SectionId, collapsed: boolean) => {
    setSections((now) => ({ ...now, [id]: collapsed }));
    send({ type: 'panel.setSection', section: id, collapsed }).catch(() => undefined);
  };
  const onResize = (w: number) => {
    panelWidth = Math.round(Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, w, 0)));
    setWidth(panelWidth);
  };
  const onEscape = () => {
    setOpenStored(false);
    returnFocus();
  };

  useEffect(() => {
    const onWindow = () => { setDocked(innerWidth < DOCK_BELOW); setCompact(innerHeight < COMPACT_BELOW); };
    addEventListener('resize', onWindow);
    return () => removeEventListener('resize', onWindow);
  }, []);
  // Docked, the page keeps a column as wide as the panel is (open or folded to a strip); floating, none.
  useEffect(() => {
    const aside = wrap.current?.querySelector('aside');
    if (!aside || !docked) { reserve(0); return; }
    const measure = () => reserve(aside.getBoundingClientRect().width);
    const watch = new ResizeObserver(measure);
    watch.observe(aside);
    measure();
    return () => watch.disconnect();
  }, [docked, !data]);
  // The browser command: the panel opens (if folded) and takes the focus once it is on screen.
  useEffect(() => {
    if (!focusRequest) return;
    wantFocus.current = true;
    if (!open) setOpenStored(true);
    else wrap.current?.querySelector<HTMLElement>('[data-testid="panel-toggle"]')?.focus();
  }, [focusRequest]);
  useEffect(() => {
    if (!wantFocus.current || !open) return;
    wantFocus.current = false;
    wrap.current?.querySelector<HTMLElement>('[data-testid="panel-toggle"]')?.focus();
  });

  return (
    <div ref={wrap}>
      <Panel tenantId={tenantId} data={data} t={t} locale={locale} open={open} onToggle={toggle} subscriptionId={subscriptionId} error={error}
        failure={failure} actions={actions} sections={sections} onSection={onSection} docked={docked} width={width} onResize={onResize} compact={compact}
        onEscape={onEscape} onGuidance={(part) => void send({ type: 'guidance.open', part: part as never }).catch(() => undefined)} sync={sync}
        scoreOnly={!scoreShown} />
    </div>
  );
}


type MountProps = Omit<HostProps, 'version' | 'reserve' | 'returnFocus' | 'focusRequest'>;

export async function mountPanel(ctx: ContentScriptContext, props: MountProps) {
  const reserve = pageRoom();
  // Where the focus was in the page before it came into the panel: Escape gives it back there.
  let before: HTMLElement | undefined;
  let shadowRoot: ShadowRoot | undefined;
  const returnFocus = () => {
    if (before?.isConnected) before.focus();
    else (shadowRoot?.activeElement as HTMLElement | null)?.blur();
  };
  let current: HostProps = { ...props, version: 0, focusRequest: 0, reserve, returnFocus };
  let container: HTMLElement | undefined;
  const ui = await createShadowRootUi(ctx, {
    name: 'prl-risk-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: PANEL_CSS,
    // Keys typed in the panel (j/k/space, notes) never reach the portal's own shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(uiContainer, shadow, host) {
      host.setAttribute('data-prl', '');
      markTheme(host, props.portalDark?.() ?? false);
      shadowRoot = shadow;
      host.addEventListener('focusin', (e) => {
        const from = e.relatedTarget;
        if (from instanceof HTMLElement && from !== host && !host.contains(from)) before = from;
      });
      container = uiContainer;
      render(<PanelHost key={current.tenantId} {...current} />, uiContainer);
    },
    onRemove() {
      if (container) render(null, container);
      reserve(0);
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
  const stop = () => { removed = true; watcher.disconnect(); reserve(0); };
  ctx.onInvalidated(stop);
  return {
    update(next: Partial<MountProps>) {
      // An answer handed at mount is of that moment: a later customer (or this one again) loads its own.
      current = { ...current, initial: undefined, ...next, version: current.version + 1 };
      if (container) render(<PanelHost key={current.tenantId} {...current} />, container);
    },
    /** The browser command asks for the panel: open it and give it the focus. */
    focus() {
      current = { ...current, focusRequest: (current.focusRequest ?? 0) + 1 };
      if (container) render(<PanelHost key={current.tenantId} {...current} />, container);
    },
    /** Still in the page? Some portal re-renders replace the body's children. */
    get attached() { return ui.shadowHost.isConnected; },
    retheme() { markTheme(ui.shadowHost, props.portalDark?.() ?? false); },
    remount() { ui.remove(); ui.mount(); },
    remove() { stop(); ui.remove(); },
  };
}
export type MountedPanel = Awaited<ReturnType<typeof mountPanel>>;
