// The version 5 upgrade (and a restore of an older backup): staff changes already in the store become team records.
import { draftsFromReadModel } from '../team/legacy';
import { makeRecord } from '../team/record';
import type { Tx } from './open';
import { storedRecord } from './team';
import { settingsFrom } from './writes';

/** Adds a record of no member yet, not shared, for every staff change the read model holds. */
export async function recordsFromReadModel(tx: Tx): Promise<void> {
  const [checklist, checklistHistory, flags, triage, alerts, settings] = await Promise.all([
    tx.objectStore('checklist').getAll(), tx.objectStore('checklistHistory').getAll(), tx.objectStore('flags').getAll(),
    tx.objectStore('triage').getAll(), tx.objectStore('alerts').getAll(), tx.objectStore('settings').get('settings'),
  ]);
  const drafts = draftsFromReadModel({ checklist, checklistHistory, flags, triage, alerts, settings: settingsFrom(settings) }, new Date().toISOString());
  const store = tx.objectStore('teamRecords');
  await Promise.all(drafts.map((d) => store.add(storedRecord(makeRecord(d, ''), true))));
}
