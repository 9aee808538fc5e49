// The backup file format: every record of every store, with the schema version, validated whole on restore.
import * as z from 'zod/mini';
import { Alert, ChecklistChange, ChecklistEntry, Customer, Flag, Invoice, Meta, Settings, Spending, Subscription, Triage } from './schema';

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

export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.int().check(z.gte(1)),
  exportedAt: z.iso.datetime({ offset: true }),
  settings: Settings,
  meta: Meta,
  stores: BackupStores,
});
export type Backup = z.infer<typeof Backup>;

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
  const parsed = Backup.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, error: `This backup is damaged (${where}). Nothing was changed.` };
  }
  const counts = Object.fromEntries(Object.entries(parsed.data.stores).map(([k, v]) => [k, v.length])) as Record<keyof BackupStores, number>;
  return { ok: true, backup: parsed.data, counts };
}
