// Wiring only: reads the store (same origin as the extension), builds the triage lists, mounts the popup.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Popup, type PopupProps } from '@/components/popup/Popup';
import { indexTriage } from '@/lib/attention';
import { localDate } from '@/lib/clock';
import { describeOpenError, errorText } from '@/lib/errors';
import { say } from '@/lib/wording';
import { openStore, readAlerts, readAllSummaries, readMeta, readSettings, readTriage, type PrlDb } from '@/lib/db';
import type { PopupHead } from '@/lib/messages';
import { customerUrl } from '@/lib/portal/page';
import { isKnown } from '@/lib/summary';
import { alertResponseStats, buildTriage } from '@/lib/triage';
import { loadStringsLocal } from '@/utils/strings';
import { send } from '@/utils/send';
import { SyncIndicator } from '@/components/team/SyncIndicator';
import { createRefresher } from '@/utils/refresh';
import { useTeam } from '@/utils/team';
import './style.css';

type Loaded = Pick<PopupProps, 'lists' | 'stats' | 'meta' | 'customers' | 't' | 'locale' | 'today' | 'now' | 'pending'>;

// The popup shows about a dozen rows: 30 fill it and a first scroll, until the whole list is in.
const HEAD_ROWS = 30;

/** Below this many customers, everything loads at once; above, the overdue head first, then everything. */
const HEAD_FROM = 2000;

/**
 * First the head of the overdue list, asked of the background (its store is open already: the popup's own
 * open and first read of IndexedDB cost more than the whole answer), then everything from the store.
 * Small stores load everything at once; without an answer from the background, the head is not shown first.
 */
async function loadHead(head: Promise<PopupHead>): Promise<Loaded | undefined> {
  const h = await head;
  performance.mark('prl:popup-head-read');
  if (h.customers <= HEAD_FROM) return undefined;
  // The strings of the browser's language were fetched meanwhile (the setting rarely differs).
  const strings = h.settings.language === 'auto' ? await guess : await loadStringsLocal(h.settings);
  performance.mark('prl:popup-strings');
  const triage = indexTriage(h.triage);
  return {
    lists: buildTriage(h.head, [], triage, h.settings, h.today, h.now), pending: true,
    meta: h.meta, customers: h.customers, t: strings.t, locale: strings.locale, today: h.today, now: h.now,
  };
}

async function load(db: PrlDb): Promise<Loaded> {
  const now = new Date();
  const settings = await readSettings(db);
  const [summaries, alerts, triage, meta, strings] = await Promise.all([
    readAllSummaries(db), readAlerts(db), readTriage(db), readMeta(db), loadStringsLocal(settings),
  ]);
  // Names seen in the portal alone are no data: a store holding only those still says what to import.
  const customers = summaries.filter(isKnown).length;
  const today = localDate(now);
  const iso = now.toISOString();
  return {
    lists: buildTriage(summaries, alerts, triage, settings, today, iso),
    stats: alertResponseStats(alerts, iso),
    meta, customers, t: strings.t, locale: strings.locale, today, now: iso,
  };
}

function App({ store, first }: { store: Promise<PrlDb>; first: Promise<Loaded | undefined> }) {
  const [state, setState] = useState<Loaded>();
  const [error, setError] = useState<string>();
  const team = useTeam();
  const fatal = (e: unknown) => void guess.then((s) => setError(describeOpenError(e, s.t)), () => setError(describeOpenError(e, (k, ...subs) => [k, ...subs].join(' '))));
  // One full read at a time; after a whole import (here or a colleague's), its head first, as when the popup opens.
  const [refresher] = useState(() => createRefresher(
    () => store.then(load, (e: unknown) => void fatal(e)), () => loadHead(askHead()), setState,
    (e) => setError(String(e instanceof Error ? e.message : e)),
  ));
  const reload = refresher.full;
  useEffect(() => {
    // The head first (so nothing competes with it), then the whole lists.
    void first.then((s) => {
      if (s) setState(s);
      void reload();
    }, () => void reload());
    const onMessage = (m: unknown) => {
      const c = m as { type?: string; what?: unknown };
      if (c?.type === 'changed') refresher.changed(Array.isArray(c.what) ? c.what.map(String) : []);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  // An error is a message key with values (or a browser's own words): said in the popup's language once it has one.
  const fail = (e: unknown) => setError(say(state?.t ?? ((k, ...subs) => [k, ...subs].join(' ')), errorText(e)));
  const actions: PopupProps['actions'] = {
    open(tenantId, newTab) {
      const url = customerUrl(tenantId, state?.meta?.portal ?? {});
      const go = newTab ? browser.tabs.create({ url }) : browser.tabs.update({ url });
      void go.then(() => { if (!newTab) window.close(); }, fail);
    },
    acknowledge: (tenantId, reason, on) => void send({ type: 'triage.set', tenantId, reason, acknowledged: on }).then(reload, fail),
    snooze: (tenantId, reason, until) => void send({ type: 'triage.set', tenantId, reason, snoozedUntil: until }).then(reload, fail),
    triageAlert: (id, status, reason) => void send({ type: 'alert.triage', id, status, ...(reason ? { reason } : {}) }).then(reload, fail),
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
  if (!state) return <Popup customers={0} t={(k) => k} locale="en" today="" now="" error={error} actions={actions} />;
  return <><Popup {...state} error={error} actions={actions} /><p class="team small"><SyncIndicator brief={team.brief} t={state.t} /></p></>;
}

// The head is asked for and the store opened at once, before the first render.
const guess = loadStringsLocal({ language: 'auto' });
guess.catch(() => undefined); // reported by the load that takes it
const askHead = () => send({ type: 'popup.head', limit: HEAD_ROWS, countUpTo: HEAD_FROM + 1 });
const first = loadHead(askHead());
const store = openStore();
render(<App store={store} first={first} />, document.getElementById('app')!);
