// The backup file format: every record of every store, with the schema version, validated whole on restore.
import * as z from 'zod/mini';
import { WordedError, wording, type Wording } from './wording';
import { Alert, ChecklistChange, ChecklistEntry, Customer, Flag, Invoice, Meta, Settings, Spending, Subscription, Triage, TriageV2 } from './schema';

export const BACKUP_FORMAT = 'partner-risk-lens-backup';

export const BackupStores = z.object({
  customers: z.array(Customer),
  subscriptions: z.array(Subscription),
  invoices: z.array(Invoice),
  spending: z.array(Spending),
  checklist: z.array(ChecklistEntry),
  checklistHistory: z.array(ChecklistChange),
  flags: z.array(Flag),
  alerts: z.array(Alert),
  triage: z.array(Triage),
});
export type BackupStores = z.infer<typeof BackupStores>;

/** Schema versions before this one kept triage per customer only; their backups are still read. */
export const TRIAGE_PER_REASON_FROM = 3;

const CurrentBackup = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.int().check(z.gte(TRIAGE_PER_REASON_FROM)),
  exportedAt: z.iso.datetime({ offset: true }),
  settings: Settings,
  meta: Meta,
  stores: BackupStores,
});
/** A backup written by schema versions 1–2: the same, but one triage record per customer (see lib/triage triageFromV2). */
const OldBackup = z.object({
  ...CurrentBackup.def.shape,
  schemaVersion: z.int().check(z.gte(1), z.lt(TRIAGE_PER_REASON_FROM)),
  stores: z.object({ ...BackupStores.def.shape, triage: z.array(TriageV2) }),
});
export type OldBackup = z.infer<typeof OldBackup>;
export const Backup = z.union([CurrentBackup, OldBackup]);
export type Backup = z.infer<typeof Backup>;
export const isOldBackup = (b: Backup): b is OldBackup => b.schemaVersion < TRIAGE_PER_REASON_FROM;

export { say, type Wording } from './wording';

/** A refused or failed restore: `message` in English for logs and tests, `text` for the user. */
export class BackupError extends WordedError {}

export type BackupCheck = { ok: true; backup: Backup; counts: Record<keyof BackupStores, number> } | { ok: false; error: string; text: Wording };

// The key of each store's records, as IndexedDB keeps them (lib/db/open.ts): a key listed twice would be stored
// once, so the store would hold fewer records than the confirmation announced. Triage is per customer and reason
// (schema 3); a backup of schema 1–2 held one triage record per customer.
type CheckedStores = Omit<BackupStores, 'triage'> & { triage: Array<{ tenantId: string; reason?: string }> };
const KEYS: { [S in keyof CheckedStores]: (r: CheckedStores[S][number]) => string | undefined } = {
  customers: (r) => r.tenantId,
  subscriptions: (r) => r.id,
  invoices: (r) => `${r.tenantId} ${r.number}`,
  spending: (r) => `${r.tenantId} ${r.asOf}`,
  checklist: (r) => `${r.tenantId} ${r.itemId}`,
  checklistHistory: (r) => (r.id === undefined ? undefined : String(r.id)),
  flags: (r) => r.id,
  alerts: (r) => r.id,
  triage: (r) => (r.reason === undefined ? r.tenantId : `${r.tenantId} ${r.reason}`),
};
// Records that no view shows without their customer (imports refuse them, or add the customer): a backup holding
// one was not written by this extension from a consistent store. Ticks, flags and triage may name a customer seen
// in the portal but never recorded, and are shown on that customer's page.
const NEED_CUSTOMER = ['invoices', 'spending', 'subscriptions', 'alerts'] as const;

/** Duplicate keys, or records of a customer the backup does not list: what is wrong, or undefined. */
function inconsistency(stores: CheckedStores): { error: string; text: Wording } | undefined {
  for (const store of Object.keys(KEYS) as Array<keyof CheckedStores>) {
    const keyOf = KEYS[store] as (r: unknown) => string | undefined;
    const seen = new Set<string>();
    for (const r of stores[store]) {
      const k = keyOf(r);
      if (k === undefined) continue;
      if (seen.has(k)) {
        return {
          error: `This backup is inconsistent: it lists ${store} '${k}' twice, so fewer records would be stored than it holds. Nothing was changed.`,
          text: { key: 'restore_duplicate', subs: [{ key: `store_${store}` }, k] },
        };
      }
      seen.add(k);
    }
  }
  const customers = new Set(stores.customers.map((c) => c.tenantId));
  for (const store of NEED_CUSTOMER) {
    const orphan = (stores[store] as Array<{ tenantId: string }>).find((r) => !customers.has(r.tenantId));
    if (orphan) {
      return {
        error: `This backup is inconsistent: it holds ${store} of customer ${orphan.tenantId}, which it does not list. Nothing was changed.`,
        text: { key: 'restore_orphan', subs: [{ key: `store_${store}` }, orphan.tenantId] },
      };
    }
  }
  return undefined;
}

/** Validates a parsed backup file against the version this build reads; the first problems are named. */
export function checkBackup(raw: unknown, currentVersion: number): BackupCheck {
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: 'This file is not a Partner Risk Lens backup.', text: wording('restore_not_backup') };
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > currentVersion) {
    return { ok: false, error: `This backup was written by a newer version (schema ${version}; this one reads up to ${currentVersion}). Update the extension first. Nothing was changed.`, text: wording('restore_newer', version, currentVersion) };
  }
  const parsed = (typeof version === 'number' && version < TRIAGE_PER_REASON_FROM ? OldBackup : CurrentBackup).safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    // Staff are told which parts (the file's own keys); zod's words ("Invalid input") are English and stay in `error`.
    const parts = [...new Set(parsed.error.issues.slice(0, 5).map((i) => i.path.join('.') || '/'))].join(', ');
    return { ok: false, error: `This backup is damaged (${where}). Nothing was changed.`, text: wording('restore_damaged', parts) };
  }
  const wrong = inconsistency(parsed.data.stores);
  if (wrong) return { ok: false, ...wrong };
  const counts = Object.fromEntries(Object.entries(parsed.data.stores).map(([k, v]) => [k, v.length])) as Record<keyof BackupStores, number>;
  return { ok: true, backup: parsed.data, counts };
}
