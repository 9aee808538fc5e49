// Backup (every store to one JSON object) and restore (replace the whole store, in one transaction).
import { BACKUP_FORMAT, BackupError, BackupStores, backupOverrides, checkBackup, isOldBackup, TEAM_RECORDS_FROM, type Backup } from '../backup';
import { localDate } from '../clock';
import { errorWording } from '../errors';
import { codeLine, wording } from '../wording';
import { triageFromV2 } from '../triage';
import { DATA_STORES, DB_VERSION, type PrlDb } from './open';
import { rebuildSummaries } from './summaries';
import { booksFrom, flatten } from './books';
import { settingsOf } from '../settings';
import { recordsFromReadModel } from './team-v5';
import { metaFrom, readSettings, readSettingsOverrides } from './writes';

const RECORD_STORES = Object.keys(BackupStores.def.shape) as Array<keyof BackupStores>;
/** The store that holds each list of a backup: invoices are kept in customers' books (lib/db/books.ts). */
const storeOf = (s: keyof BackupStores) => (s === 'invoices' ? 'invoiceBooks' : s);
const STORES_READ = RECORD_STORES.map(storeOf);

export async function exportBackup(db: PrlDb, now: string): Promise<Backup> {
  const tx = db.transaction(DATA_STORES);
  const lists = await Promise.all(RECORD_STORES.map((s) => (s === 'invoices' ? tx.objectStore('invoiceBooks').getAll().then(flatten) : tx.objectStore(s).getAll())));
  const meta = metaFrom(await tx.objectStore('meta').get('meta'));
  const [settings, overrides] = [await readSettings(db), await readSettingsOverrides(db)];
  // Parsing normalises key order, so the same store always gives the same bytes.
  const stores = BackupStores.parse(Object.fromEntries(RECORD_STORES.map((s, i) => [s, lists[i]])));
  return { format: BACKUP_FORMAT, schemaVersion: DB_VERSION, exportedAt: now, settings, overrides, meta, stores };
}

/** How many records each store holds that a restore would replace, read in one transaction. */
export async function countRecords(db: PrlDb): Promise<Record<keyof BackupStores, number>> {
  const tx = db.transaction(STORES_READ);
  const counts = await Promise.all(RECORD_STORES.map((s) => (s === 'invoices' ? tx.objectStore('invoiceBooks').getAll().then((b) => flatten(b).length) : tx.objectStore(s).count())));
  return Object.fromEntries(RECORD_STORES.map((s, i) => [s, counts[i]])) as Record<keyof BackupStores, number>;
}

/** Replaces everything with the backup's content; a damaged or newer file is refused before anything changes. */
export async function restoreBackup(db: PrlDb, raw: unknown): Promise<Record<keyof BackupStores, number>> {
  const check = checkBackup(raw, DB_VERSION);
  if (!check.ok) throw new BackupError(check.error, check.text);
  const { backup } = check;
  const tx = db.transaction([...DATA_STORES, 'summaries'], 'readwrite');
  try {
    await Promise.all([...DATA_STORES, 'summaries' as const].map((s) => tx.objectStore(s).clear()));
    const puts: Promise<unknown>[] = [];
    // An older backup's triage (one record per customer) goes in once the summaries say who is listed for what.
    const oldTriage = isOldBackup(backup) ? backup.stores.triage : undefined;
    for (const s of RECORD_STORES) {
      if (s === 'triage' && oldTriage) continue;
      if (s === 'invoices') {
        for (const b of booksFrom(backup.stores.invoices)) puts.push(tx.objectStore('invoiceBooks').put(b));
        continue;
      }
      const os = tx.objectStore(s) as unknown as { put(v: unknown): Promise<unknown> };
      for (const r of backup.stores[s]) puts.push(os.put(r));
    }
    const overrides = backupOverrides(backup);
    puts.push(tx.objectStore('settings').put(overrides, 'settings'));
    puts.push(tx.objectStore('meta').put(backup.meta, 'meta'));
    await Promise.all(puts);
    await rebuildSummaries(tx, backup.stores.customers.map((c) => c.tenantId));
    if (oldTriage) {
      const [summaries, alerts] = await Promise.all([tx.objectStore('summaries').getAll(), tx.objectStore('alerts').getAll()]);
      const now = new Date();
      const triage = triageFromV2(oldTriage, summaries, alerts, settingsOf(overrides), localDate(now), now.toISOString());
      await Promise.all(triage.map((t) => tx.objectStore('triage').put(t)));
    }
    // A backup from before team records: its staff changes become records to share, as the upgrade makes them.
    if (backup.schemaVersion < TEAM_RECORDS_FROM) await recordsFromReadModel(tx);
    await tx.done;
  } catch (e) {
    try { tx.abort(); } catch { /* already finished */ }
    await tx.done.catch(() => undefined);
    // A full disk aborts the transaction with a DOMException whose message may be empty: say it in words.
    const quota = (e as { name?: string } | null)?.name === 'QuotaExceededError' || /quota/i.test(e instanceof Error ? e.message : '');
    const text = quota ? wording('restore_no_storage') : wording('restore_failed', errorWording(e));
    throw new BackupError(codeLine(text), text);
  }
  return check.counts;
}
