// The backup file format: every record of every store, with the schema version, validated whole on restore.
import * as z from 'zod/mini';
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

export type BackupCheck = { ok: true; backup: Backup; counts: Record<keyof BackupStores, number> } | { ok: false; error: string };

/** Validates a parsed backup file against the version this build reads; the first problems are named. */
export function checkBackup(raw: unknown, currentVersion: number): BackupCheck {
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: 'This file is not a Partner Risk Lens backup.' };
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > currentVersion) {
    return { ok: false, error: `This backup was written by a newer version (schema ${version}; this one reads up to ${currentVersion}). Update the extension first. Nothing was changed.` };
  }
  const parsed = (typeof version === 'number' && version < TRIAGE_PER_REASON_FROM ? OldBackup : CurrentBackup).safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, error: `This backup is damaged (${where}). Nothing was changed.` };
  }
  const counts = Object.fromEntries(Object.entries(parsed.data.stores).map(([k, v]) => [k, v.length])) as Record<keyof BackupStores, number>;
  return { ok: true, backup: parsed.data, counts };
}
