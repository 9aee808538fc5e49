// Wiring only: reads the store (same origin as the extension), builds the triage lists, mounts the popup.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Popup, type PopupProps } from '@/components/popup/Popup';
import { localDate } from '@/lib/clock';
import { countCustomers, openStore, readAlerts, readAllSummaries, readMeta, readOverdueHead, readSettings, readTriage, type PrlDb } from '@/lib/db';
import { customerUrl } from '@/lib/portal/page';
import { alertResponseStats, buildTriage } from '@/lib/triage';
import { loadStringsLocal } from '@/utils/strings';
import { send } from '@/utils/send';
import './style.css';

type Loaded = Pick<PopupProps, 'lists' | 'stats' | 'meta' | 'customers' | 't' | 'locale' | 'today' | 'now' | 'pending' | 'overdueTotal'>;

const HEAD_ROWS = 60;

/** Below this many customers, everything loads at once; above, the overdue head first, then everything. */
const HEAD_FROM = 2000;

/** First the head of the overdue list through its index (what the popup opens on), then everything. */
async function loadHead(db: PrlDb): Promise<Loaded> {
  if ((await countCustomers(db)) <= HEAD_FROM) return load(db);
  const now = new Date();
  const today = localDate(now);
  const iso = now.toISOString();
  // Everything at once; the strings of the browser's language are fetched meanwhile (the setting rarely differs).
  const settingsP = readSettings(db);
  const guess = loadStringsLocal({ language: 'auto' });
  const [{ head, total }, triage, meta, customers, settings] = await Promise.all([
    readOverdueHead(db, today, HEAD_ROWS), readTriage(db), readMeta(db), countCustomers(db), settingsP,
  ]);
  performance.mark('prl:popup-head-read');
  const strings = settings.language === 'auto' ? await guess : await loadStringsLocal(settings);
  performance.mark('prl:popup-strings');
  return {
    lists: buildTriage(head, [], triage, settings, today, iso), pending: true, overdueTotal: total,
    meta, customers, t: strings.t, locale: strings.locale, today, now: iso,
  };
}

async function load(db: PrlDb): Promise<Loaded> {
  const now = new Date();
  const settings = await readSettings(db);
  const [summaries, alerts, triage, meta, customers, strings] = await Promise.all([
    readAllSummaries(db), readAlerts(db), readTriage(db), readMeta(db), countCustomers(db), loadStringsLocal(settings),
  ]);
  const today = localDate(now);
  const iso = now.toISOString();
  return {
    lists: buildTriage(summaries, alerts, triage, settings, today, iso),
    stats: alertResponseStats(alerts, iso),
    meta, customers, t: strings.t, locale: strings.locale, today, now: iso,
  };
}

function App({ db, first }: { db: PrlDb; first: Promise<Loaded> }) {
  const [state, setState] = useState<Loaded>();
  const [error, setError] = useState<string>();
  const reload = () => load(db).then(setState, (e) => setError(String(e instanceof Error ? e.message : e)));
  useEffect(() => {
    // The head first, alone (so nothing competes with it), then the whole lists.
    void first.then((s) => {
      setState(s);
      if (s.pending) void reload();
    }, () => void reload());
    const onMessage = (m: unknown) => { if ((m as { type?: string })?.type === 'changed') void reload(); };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const actions: PopupProps['actions'] = {
    open(tenantId, newTab) {
      const url = customerUrl(tenantId, state?.meta?.portal ?? {});
      const go = newTab ? browser.tabs.create({ url }) : browser.tabs.update({ url });
      void go.then(() => { if (!newTab) window.close(); }, fail);
    },
    acknowledge: (tenantId, on) => void send({ type: 'triage.set', tenantId, acknowledged: on }).then(reload, fail),
    snooze: (tenantId, until) => void send({ type: 'triage.set', tenantId, snoozedUntil: until }).then(reload, fail),
    triageAlert: (id, status, reason) => void send({ type: 'alert.triage', id, status, ...(reason ? { reason } : {}) }).then(reload, fail),
    openOptions: () => void browser.runtime.openOptionsPage(),
  };
  if (!state) return <Popup customers={0} t={(k) => k} locale="en" today="" now="" error={error} actions={actions} />;
  return <Popup {...state} error={error} actions={actions} />;
}

// The head's reads start as soon as the store is open, before the first render.
openStore().then(
  (db) => {
    performance.mark('prl:popup-store-open');
    render(<App db={db} first={loadHead(db)} />, document.getElementById('app')!);
  },
  (e) => { document.getElementById('app')!.textContent = `Partner Risk Lens could not open its data: ${e instanceof Error ? e.message : String(e)}`; },
);
