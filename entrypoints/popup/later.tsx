// What the popup loads once its first rows are painted: the whole lists from the store (IndexedDB and its
// schemas), the team line and the portal's links. Kept out of the first paint's modules (see main.tsx).
import type { PopupProps } from '@/components/popup/Popup';
import { SyncIndicator } from '@/components/team/SyncIndicator';
import { localDate } from '@/lib/clock';
import { openStore, readAlerts, readAllSummaries, readMeta, readSettings, readTriage, type PrlDb } from '@/lib/db';
import type { Translate } from '@/lib/i18n';
import { isKnown } from '@/lib/summary';
import { alertResponseStats, buildTriage } from '@/lib/triage';
import { loadStringsLocal } from '@/utils/strings';
import { useTeam } from '@/utils/team';

export { customerUrl } from '@/lib/portal/page';

export type Loaded = Pick<PopupProps, 'lists' | 'stats' | 'meta' | 'customers' | 't' | 'locale' | 'today' | 'now' | 'pending'>;

let store: Promise<PrlDb> | undefined;

/** Everything from the store (same origin as the extension): the lists, the alert statistics, the last imports. */
export async function loadAll(): Promise<Loaded> {
  const db = await (store ??= openStore());
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

/** The team's state under the lists, asked of the background every few seconds while the popup is open. */
export function TeamLine({ t }: { t: Translate }) {
  const team = useTeam();
  return <p class="team small"><SyncIndicator brief={team.brief} t={t} /></p>;
}
