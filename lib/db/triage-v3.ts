// The version 3 upgrade of the triage store: from one record per customer to one per customer and reason.
import type { IDBPDatabase } from 'idb';
import { localDate } from '../clock';
import { Settings, TriageV2, type Triage, type TriageReason } from '../schema';
import { buildTriage } from '../triage';
import type { PrlSchema, Tx } from './open';

/** The lists whose rows had acknowledge and snooze buttons before version 3 (alert rows had none). */
const OLD_TAB_REASONS: TriageReason[] = ['overdue', 'budget', 'risk'];

/**
 * A record of versions 1–2 belongs to the tab it was made in (DECISIONS), but it never said which. It is
 * kept for every reason the customer is listed for today among the tabs that had the buttons, which is
 * where staff saw it take effect; for a customer listed nowhere today, for each of those tabs, so nothing
 * a person decided is dropped. Alerts are left out: their rows had no such buttons, so no old record was
 * made for one. Damaged records abort the upgrade (the caller rolls it back) instead of being dropped.
 */
export async function migrateTriageToV3(db: IDBPDatabase<PrlSchema>, tx: Tx): Promise<void> {
  const oldStore = tx.objectStore('triage') as unknown as { getAll(): Promise<unknown[]> };
  const [raw, summaries, alerts, storedSettings] = await Promise.all([
    oldStore.getAll(), tx.objectStore('summaries').getAll(), tx.objectStore('alerts').getAll(), tx.objectStore('settings').get('settings'),
  ]);
  const old = raw.map((r, i) => {
    const parsed = TriageV2.safeParse(r);
    if (parsed.success) return parsed.data;
    const where = parsed.error.issues.slice(0, 3).map((x) => `${x.path.join('.')}: ${x.message}`).join('; ');
    throw new Error(`triage record ${i + 1} (${String((r as { tenantId?: unknown } | null)?.tenantId ?? 'no tenant id')}) is damaged: ${where}`);
  });
  const settings = Settings.safeParse(storedSettings ?? {});
  const now = new Date();
  const lists = buildTriage(summaries, alerts, new Map(), settings.success ? settings.data : Settings.parse({}), localDate(now), now.toISOString());
  const listed = new Map<string, TriageReason[]>();
  for (const reason of OLD_TAB_REASONS) {
    for (const row of lists[reason as 'overdue' | 'budget' | 'risk']) listed.set(row.tenantId, [...(listed.get(row.tenantId) ?? []), reason]);
  }
  db.deleteObjectStore('triage');
  const store = db.createObjectStore('triage', { keyPath: ['tenantId', 'reason'] });
  store.createIndex('by-tenant', 'tenantId');
  const records: Triage[] = old.flatMap((t) => (listed.get(t.tenantId) ?? OLD_TAB_REASONS).map((reason) => ({ ...t, reason })));
  await Promise.all(records.map((r) => store.put(r)));
}
