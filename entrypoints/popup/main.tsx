// Wiring only: the first rows from the background's head of the overdue list, then the whole lists from the store.
// The first paint's modules are the view, the message call and the strings: the store, its zod schemas and the
// team line (later.tsx) are loaded once those rows are on screen, so that evaluating them does not delay them.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Popup, type PopupProps } from '@/components/popup/Popup';
import { indexTriage } from '@/lib/attention';
import { describeOpenError, errorText } from '@/lib/errors';
import { say } from '@/lib/wording';
import type { PopupHead } from '@/lib/messages';
import { buildTriage } from '@/lib/triage';
import { loadStringsLocal } from '@/utils/strings';
import { send } from '@/utils/send';
import type { Loaded } from './later';
import { createRefresher } from '@/utils/refresh';
import './style.css';

// The popup (at most 600 px high) shows about eight rows under its header: twelve fill it. The whole list follows.
const HEAD_ROWS = 12;

/** Below this many customers, everything loads at once; above, the overdue head first, then everything. */
const HEAD_FROM = 2000;

const later = () => import('./later');

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

function App({ first }: { first: Promise<Loaded | undefined> }) {
  const [state, setState] = useState<Loaded>();
  const [error, setError] = useState<string>();
  const [rest, setRest] = useState<Awaited<ReturnType<typeof later>>>();
  const fatal = (e: unknown) => void guess.then((s) => setError(describeOpenError(e, s.t)), () => setError(describeOpenError(e, (k, ...subs) => [k, ...subs].join(' '))));
  // One full read at a time; after a whole import (here or a colleague's), its head first, as when the popup opens.
  const [refresher] = useState(() => createRefresher<Loaded>(
    () => later().then((m) => {
      setRest(() => m);
      return m.loadAll();
    }, (e: unknown) => void fatal(e)),
    () => loadHead(askHead()), setState,
    (e) => setError(String(e instanceof Error ? e.message : e)),
  ));
  const reload = refresher.full;
  useEffect(() => {
    void first.then((s) => (s ? setState(s) : void reload()), () => void reload());
    const onMessage = (m: unknown) => {
      const c = m as { type?: string; what?: unknown };
      if (c?.type === 'changed') refresher.changed(Array.isArray(c.what) ? c.what.map(String) : []);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  // Effects run after the frame that paints: the head's rows are on screen when the whole lists are asked for.
  // (Not when a full read is under way: after an import, the refresher's own full read follows its head.)
  useEffect(() => { if (state?.pending && !reload.busy) void reload(); }, [state?.pending]);
  // An error is a message key with values (or a browser's own words): said in the popup's language once it has one.
  const fail = (e: unknown) => setError(say(state?.t ?? ((k, ...subs) => [k, ...subs].join(' ')), errorText(e)));
  const actions: PopupProps['actions'] = {
    open(tenantId, newTab) {
      void later().then((m) => {
        const url = m.customerUrl(tenantId, state?.meta?.portal ?? {});
        return newTab ? browser.tabs.create({ url }) : browser.tabs.update({ url });
      }).then(() => { if (!newTab) window.close(); }, fail);
    },
    acknowledge: (tenantId, reason, on) => void send({ type: 'triage.set', tenantId, reason, acknowledged: on }).then(reload, fail),
    snooze: (tenantId, reason, until) => void send({ type: 'triage.set', tenantId, reason, snoozedUntil: until }).then(reload, fail),
    triageAlert: (id, status, reason) => void send({ type: 'alert.triage', id, status, ...(reason ? { reason } : {}) }).then(reload, fail),
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
  if (!state) return <Popup customers={0} t={(k) => k} locale="en" today="" now="" error={error} actions={actions} />;
  return <><Popup {...state} error={error} actions={actions} />{rest && <rest.TeamLine t={state.t} />}</>;
}

// The head is asked for and the strings fetched at once, before the first render.
const guess = loadStringsLocal({ language: 'auto' });
guess.catch(() => undefined); // reported by the load that takes it
const askHead = () => send({ type: 'popup.head', limit: HEAD_ROWS, countUpTo: HEAD_FROM + 1 });
const first = loadHead(askHead());
render(<App first={first} />, document.getElementById('app')!);
