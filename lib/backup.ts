// The backup file format: every record of every store, with the schema version, validated whole on restore.
import * as z from 'zod/mini';
import { codeLine, WordedError, wording, type Wording } from './wording';
import { Alert, ChecklistChange, ChecklistEntry, Customer, Decision, Flag, Invoice, Meta, Settings, SettingsOverrides, Spending, Subscription, Triage, TriageV2 } from './schema';
import { overridesFromV3, overridesOf, settingsOf, SettingsV3 } from './settings';
import { StoredTeamRecord } from './team/record';

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
  teamRecords: z.array(StoredTeamRecord),
  /** Staff decisions (schema 6 on); a backup of an older schema has none. */
  decisions: z._default(z.array(Decision), () => []),
});
export type BackupStores = z.infer<typeof BackupStores>;

/** Schema versions before this one kept triage per customer only; their backups are still read. */
export const TRIAGE_PER_REASON_FROM = 3;
/** Schema versions before this one kept no team records: restoring their backups makes them from the staff changes. */
export const TEAM_RECORDS_FROM = 5;
/** Absent from backups of schema versions before TEAM_RECORDS_FROM. */
const NoTeamRecords = z._default(z.array(StoredTeamRecord), () => []);

/** Schema versions before this one wrote every setting, defaults included, weights under their old ids. */
export const SETTINGS_OVERRIDES_FROM = 4;

const CurrentBackup = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.int().check(z.gte(TEAM_RECORDS_FROM)),
  exportedAt: z.iso.datetime({ offset: true }),
  /** The settings in effect, every one (as every version wrote them). */
  settings: Settings,
  /** What the user changed of them (lib/settings.ts): what a restore keeps, so the rest follows the defaults. */
  overrides: z.optional(SettingsOverrides),
  meta: Meta,
  stores: BackupStores,
});
/** A backup written by schema version 4: the same, without team records. */
const V4Backup = z.object({
  ...CurrentBackup.def.shape,
  schemaVersion: z.int().check(z.gte(SETTINGS_OVERRIDES_FROM), z.lt(TEAM_RECORDS_FROM)),
  stores: z.object({ ...BackupStores.def.shape, teamRecords: NoTeamRecords }),
});
/** A backup written by schema version 3: as version 4's, but its settings as that version kept them (lib/settings.ts). */
const { overrides: _, ...v4Shape } = V4Backup.def.shape;
const V3Backup = z.object({
  ...v4Shape,
  schemaVersion: z.int().check(z.gte(TRIAGE_PER_REASON_FROM), z.lt(SETTINGS_OVERRIDES_FROM)),
  settings: SettingsV3,
});
/** A backup written by schema versions 1–2: as version 3's, but one triage record per customer (see lib/triage triageFromV2). */
const OldBackup = z.object({
  ...V3Backup.def.shape,
  schemaVersion: z.int().check(z.gte(1), z.lt(TRIAGE_PER_REASON_FROM)),
  stores: z.object({ ...BackupStores.def.shape, triage: z.array(TriageV2), teamRecords: NoTeamRecords }),
});
export type OldBackup = z.infer<typeof OldBackup>;
export const Backup = z.union([CurrentBackup, V4Backup, V3Backup, OldBackup]);
export type Backup = z.infer<typeof Backup>;
export const isOldBackup = (b: Backup): b is OldBackup => b.schemaVersion < TRIAGE_PER_REASON_FROM;
/**
 * The settings overrides a backup restores: what it says the user changed (else what of its settings differs from
 * the defaults); an older backup's settings mapped as the version 4 upgrade maps them.
 */
export const backupOverrides = (b: Backup): SettingsOverrides =>
  (b.schemaVersion >= SETTINGS_OVERRIDES_FROM ? overridesOf(settingsOf(('overrides' in b ? b.overrides : undefined) ?? b.settings)) : overridesFromV3(b.settings));

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
  teamRecords: (r) => r._id,
  decisions: (r) => r._id,
};
// Records that no view shows without their customer (imports refuse them, or add the customer): a backup holding
// one was not written by this extension from a consistent store. Ticks, flags and triage may name a customer seen
// in the portal but never recorded, and are shown on that customer's page.
const NEED_CUSTOMER = ['invoices', 'spending', 'subscriptions', 'alerts'] as const;

/** A problem as its wording, with the code line beside it for logs and tests. */
const coded = (text: Wording) => ({ error: codeLine(text), text });

/** Duplicate keys, or records of a customer the backup does not list: what is wrong, or undefined. */
function inconsistency(stores: CheckedStores): { error: string; text: Wording } | undefined {
  for (const store of Object.keys(KEYS) as Array<keyof CheckedStores>) {
    const keyOf = KEYS[store] as (r: unknown) => string | undefined;
    const seen = new Set<string>();
    for (const r of stores[store]) {
      const k = keyOf(r);
      if (k === undefined) continue;
      if (seen.has(k)) {
        return coded(wording('restore_duplicate', { key: `store_${store}` }, k));
      }
      seen.add(k);
    }
  }
  const customers = new Set(stores.customers.map((c) => c.tenantId));
  for (const store of NEED_CUSTOMER) {
    const orphan = (stores[store] as Array<{ tenantId: string }>).find((r) => !customers.has(r.tenantId));
    if (orphan) {
      return coded(wording('restore_orphan', { key: `store_${store}` }, orphan.tenantId));
    }
  }
  return undefined;
}

/** Validates a parsed backup file against the version this build reads; the first problems are named. */
export function checkBackup(raw: unknown, currentVersion: number): BackupCheck {
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, ...coded(wording('restore_not_backup')) };
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > currentVersion) {
    return { ok: false, ...coded(wording('restore_newer', version, currentVersion)) };
  }
  const schema = typeof version !== 'number' || version >= TEAM_RECORDS_FROM ? CurrentBackup
    : version >= SETTINGS_OVERRIDES_FROM ? V4Backup : version >= TRIAGE_PER_REASON_FROM ? V3Backup : OldBackup;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    // Staff are told which parts (the file's own keys); zod's words ("Invalid input") are English: the log line gets its codes.
    const parts = [...new Set(parsed.error.issues.slice(0, 5).map((i) => i.path.join('.') || '/'))].join(', ');
    return { ok: false, ...coded(wording('restore_damaged', parts)) };
  }
  const wrong = inconsistency(parsed.data.stores);
  if (wrong) return { ok: false, ...wrong };
  const counts = Object.fromEntries(Object.entries(parsed.data.stores).map(([k, v]) => [k, v.length])) as Record<keyof BackupStores, number>;
  return { ok: true, backup: parsed.data, counts };
}
