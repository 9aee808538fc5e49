// The version 3 upgrade of the triage store: from one record per customer to one per customer and reason.
import type { IDBPDatabase } from 'idb';
import { localDate } from '../clock';
import { TriageV2 } from '../schema';
import { overridesFromV3, settingsOf } from '../settings';
import { triageFromV2 } from '../triage';
import { codedError, issuesWording } from '../wording';
import type { PrlSchema, Tx } from './open';

/** Old records parsed, or an error naming the first damaged one (the caller rolls the upgrade back). */
export function parseOldTriage(raw: unknown[]): TriageV2[] {
  return raw.map((r, i) => {
    const parsed = TriageV2.safeParse(r);
    if (parsed.success) return parsed.data;
    // zod's own words are English: each problem is its field and zod's code for it, said in the user's language.
    throw codedError('error_triage_damaged', i + 1, String((r as { tenantId?: unknown } | null)?.tenantId ?? '?'), issuesWording(parsed.error.issues, 3));
  });
}

/** Re-keys the store by customer and reason; each old record goes where `triageFromV2` says, none is dropped. */
export async function migrateTriageToV3(db: IDBPDatabase<PrlSchema>, tx: Tx): Promise<void> {
  const oldStore = tx.objectStore('triage') as unknown as { getAll(): Promise<unknown[]> };
  const [raw, summaries, alerts, storedSettings] = await Promise.all([
    oldStore.getAll(), tx.objectStore('summaries').getAll(), tx.objectStore('alerts').getAll(), tx.objectStore('settings').get('settings'),
  ]);
  const old = parseOldTriage(raw);
  // The settings are still as version 1–2 kept them here (the version 4 block maps them after this one).
  const settings = settingsOf(overridesFromV3(storedSettings));
  const now = new Date();
  const records = triageFromV2(old, summaries, alerts, settings, localDate(now), now.toISOString());
  db.deleteObjectStore('triage');
  const store = db.createObjectStore('triage', { keyPath: ['tenantId', 'reason'] });
  store.createIndex('by-tenant', 'tenantId');
  await Promise.all(records.map((r) => store.put(r)));
}
