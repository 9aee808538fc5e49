// Small writes from the panel and the popup: each one transaction that also rebuilds the customer's summary.
import { Customer, Decision, Settings, Meta, Triage, type AlertTriage, type ChecklistEntry, type Flag, type SettingsOverrides } from '../schema';
import { applyPatch, overridesOf, settingsOf, type SettingsPatch } from '../settings';
import type * as z from 'zod/mini';
import type { PrlDb, StoreName, Tx } from './open';
import { SEEN_CAPS } from '../seen-caps';
import { codedError } from '../wording';
import { SUMMARY_INPUTS, rebuildSummaries, type KnownInvoices } from './summaries';
import { addRecords, foldArrivals, isOvertaken, RECORD_STORES, storedRecord, teamMember } from './team';
import { settingDrafts } from '../team/legacy';
import { makeRecord, type TeamRecord, type TeamRecordDraft } from '../team/record';

/**
 * Runs `fn` in `tx` and waits for the commit. On any failure the transaction is aborted, so nothing is written, and
 * the original error goes on (aborting an already-finished transaction throws; that one is not what the caller needs).
 */
export async function committed<T>(tx: { abort(): void; done: Promise<void> }, fn: () => Promise<T>): Promise<T> {
  try {
    const result = await fn();
    await tx.done;
    return result;
  } catch (e) {
    try { tx.abort(); } catch { /* already finished */ }
    await tx.done.catch(() => undefined);
    throw e;
  }
}

/**
 * Runs `fn` in one readwrite transaction over `stores` plus the summary inputs, then rebuilds those tenants (`fn` may
 * hand over the invoices it knows to be all some customers have: those are not read back).
 */
export async function writeAndSummarize<T>(
  db: PrlDb,
  extra: StoreName[],
  fn: (tx: Tx) => Promise<{ result: T; tenants: Iterable<string>; invoices?: KnownInvoices }>,
): Promise<T> {
  const tx = db.transaction([...new Set<StoreName>([...SUMMARY_INPUTS, ...extra])], 'readwrite');
  return committed(tx, async () => {
    const { result, tenants, invoices } = await fn(tx);
    await rebuildSummaries(tx, tenants, invoices);
    return result;
  });
}

export interface Seen { tenantId: string; name: string }

/**
 * Customers seen in the portal but missing from the store are added; a nameless one gets the name shown. New ones
 * count against the caps: at most `perPage` from one call (one page's batch) and `perDay` a day; past them the
 * rest is not recorded (those rows keep an "unknown" badge). A customer already in the store, imported or not,
 * is never replaced.
 */
export async function recordSeen(db: PrlDb, seen: Seen[], now: string, day = now.slice(0, 10), caps: { perPage: number; perDay: number } = SEEN_CAPS): Promise<string[]> {
  // Most pages show customers already known by name: check with a read, and take the write lock only for
  // the rest (a readwrite transaction over the summaries would queue every panel and badge read behind it).
  const read = db.transaction('customers');
  const known = await Promise.all(seen.map((s) => read.store.get(s.tenantId)));
  const needed = seen.filter((_, i) => !known[i]?.name);
  if (!needed.length) return [];
  seen = needed;
  return writeAndSummarize(db, ['meta', 'teamRecords'], async (tx) => {
    const store = tx.objectStore('customers');
    const metaStore = tx.objectStore('meta');
    const meta = metaFrom(await metaStore.get('meta'));
    const before = meta.seenToday?.day === day ? meta.seenToday.count : 0;
    let allowed = Math.max(0, Math.min(caps.perPage, caps.perDay - before));
    let added = 0;
    const changed: string[] = [];
    await Promise.all(
      seen.map(async ({ tenantId, name }) => {
        const existing = await store.get(tenantId);
        if (existing && existing.name) return;
        if (!existing) {
          if (allowed <= 0) return;
          allowed--;
          added++;
        }
        const customer = existing
          ? { ...existing, name, updatedAt: now }
          : Customer.parse({ tenantId, name, origin: 'portal', updatedAt: now });
        await store.put(customer);
        changed.push(customer.tenantId);
      }),
    );
    if (added) await metaStore.put(Meta.parse({ ...meta, seenToday: { day, count: before + added } }), 'meta');
    // Facts the team typed for a customer this store first sees now.
    await foldArrivals(tx, { tenants: changed });
    return { result: changed, tenants: changed };
  });
}

export interface Tick { tenantId: string; itemId: string; done: boolean; by: string; at: string; note?: string; via?: string }

/**
 * Records a tick or untick. Every change goes to the history; the current state is last-writer-wins by time,
 * so a late-arriving older change from another tab never overwrites a newer one.
 */
export async function setChecklistItem(db: PrlDb, t: Tick): Promise<ChecklistEntry> {
  return (await setChecklistItems(db, [t]))[0];
}

/** A burst of ticks in one transaction, in their order: all are written, or none (each a team record too). */
export function setChecklistItems(db: PrlDb, ticks: Tick[]): Promise<ChecklistEntry[]> {
  return writeAndSummarize(db, ['checklistHistory', ...RECORD_STORES], async (tx) => {
    const entries: ChecklistEntry[] = [];
    const member = await teamMember(tx);
    for (const t of ticks) {
      const record = makeRecord({
        kind: 'tick', tenantId: t.tenantId, itemId: t.itemId, done: t.done, by: t.by, at: t.at, ...(t.note ? { note: t.note } : {}), ...(t.via ? { via: t.via } : {}),
      }, member);
      entries.push(await putTick(tx, t, record));
      await tx.objectStore('teamRecords').add(storedRecord(record, true));
    }
    return { result: entries, tenants: new Set(ticks.map((t) => t.tenantId)) };
  });
}

/**
 * The tick in the history; in the checklist unless it is older than the item's state in the team's total order
 * (time, then member, then id: a colleague's tick at the same moment, or from a clock ahead of ours, stays the
 * state, as every browser's fold has it). `record` is the tick's team record, not stored yet.
 */
async function putTick(tx: Tx, t: Tick, record: TeamRecord): Promise<ChecklistEntry> {
  const store = tx.objectStore('checklist');
  const existing = await store.get([t.tenantId, t.itemId]);
  const from = existing?.done ?? false;
  const entry: ChecklistEntry = { tenantId: t.tenantId, itemId: t.itemId, done: t.done, by: t.by, at: t.at };
  const note = t.note ?? existing?.note;
  if (note) entry.note = note;
  const newer = !existing || (existing.at <= t.at && !(await isOvertaken(tx, record)));
  await tx.objectStore('checklistHistory').add({
    tenantId: t.tenantId, itemId: t.itemId, from, to: t.done, by: t.by, at: t.at,
    ...(t.via ? { via: t.via } : {}), ...(t.note ? { note: t.note } : {}),
  });
  if (newer) await store.put(entry);
  return newer ? entry : existing!;
}

/**
 * Adds one staff decision (verdict, promise to pay, dunning action) and rebuilds the customer's summary in the
 * same transaction. Add-only: a record with an id already stored is refused, never overwritten. The decision is a
 * team record too (shared with the team once joined).
 */
export function addDecision(db: PrlDb, record: Decision): Promise<Decision> {
  const parsed = Decision.parse(record);
  return writeAndSummarize(db, [...RECORD_STORES], async (tx) => {
    // Its member is the team member its record is written as ('' alone; joining stamps both), never the staff name.
    const valid = { ...parsed, member: await teamMember(tx) };
    await tx.objectStore('decisions').add(valid);
    await addRecords(tx, [{ kind: 'decision', tenantId: valid.tenantId, decision: valid, by: valid.by, at: valid.at }]);
    return { result: valid, tenants: [valid.tenantId] };
  });
}

export const CustomerFacts = ['paymentInstrument', 'prepaid', 'adminAccess', 'createdOn', 'firstPaymentOn', 'country', 'budgetThresholds'] as const;
export type CustomerPatch = Partial<Pick<Customer, (typeof CustomerFacts)[number]>>;

/** Sets facts staff know that no export carries; `undefined` clears a fact back to unknown. Each fact changed is a team record by `by`. */
export function updateCustomer(db: PrlDb, tenantId: string, patch: CustomerPatch, now: string, by = ''): Promise<Customer> {
  return writeAndSummarize(db, [...RECORD_STORES], async (tx) => {
    const store = tx.objectStore('customers');
    const existing = await store.get(tenantId);
    if (!existing) throw codedError('error_unknown_customer', tenantId);
    // A fact typed by staff makes a customer only seen in the portal a known one.
    const next: Record<string, unknown> = { ...existing, updatedAt: now, ...(existing.origin === 'portal' ? { origin: 'manual' } : {}) };
    for (const k of CustomerFacts) if (k in patch) next[k] = patch[k];
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    const customer = Customer.parse(next);
    await store.put(customer);
    await addRecords(tx, CustomerFacts.filter((k) => k in patch && existing[k] !== customer[k]).map((field) => ({
      kind: 'fact', tenantId: customer.tenantId, field, ...(customer[field] === undefined ? {} : { value: customer[field] }), by, at: now,
    })));
    return { result: customer, tenants: [tenantId] };
  });
}

export function putFlag(db: PrlDb, flag: Flag): Promise<Flag> {
  return writeAndSummarize(db, [...RECORD_STORES], async (tx) => {
    await tx.objectStore('flags').put(flag);
    const drafts: TeamRecordDraft[] = [{ kind: 'flag', tenantId: flag.tenantId, flagId: flag.id, flagKind: flag.kind, note: flag.note, by: flag.by, at: flag.at }];
    if (flag.resolvedAt) drafts.push({ kind: 'flag-resolve', tenantId: flag.tenantId, flagId: flag.id, by: flag.resolvedBy ?? '', at: flag.resolvedAt });
    await addRecords(tx, drafts);
    return { result: flag, tenants: [flag.tenantId] };
  });
}

export function resolveFlag(db: PrlDb, id: string, by: string, at: string): Promise<Flag> {
  return writeAndSummarize(db, [...RECORD_STORES], async (tx) => {
    const flag = await tx.objectStore('flags').get(id);
    if (!flag) throw codedError('error_unknown_flag', id);
    const next = { ...flag, resolvedAt: at, resolvedBy: by };
    await tx.objectStore('flags').put(next);
    await addRecords(tx, [{ kind: 'flag-resolve', tenantId: flag.tenantId, flagId: id, by, at }]);
    return { result: next, tenants: [flag.tenantId] };
  });
}

/** The staff's own triage of a Microsoft alert: kept apart from Microsoft's fields, never erased by imports. */
export function triageAlert(db: PrlDb, id: string, staff: z.infer<typeof AlertTriage>): Promise<string> {
  return writeAndSummarize(db, [...RECORD_STORES], async (tx) => {
    const alert = await tx.objectStore('alerts').get(id);
    if (!alert) throw codedError('error_unknown_alert', id);
    await tx.objectStore('alerts').put({ ...alert, staff });
    const { status, reason, note, by, at } = staff;
    await addRecords(tx, [{ kind: 'alert-status', tenantId: alert.tenantId, alertId: id, status, ...(reason ? { reason } : {}), ...(note ? { note } : {}), by, at }]);
    return { result: alert.tenantId, tenants: [alert.tenantId] };
  });
}

/**
 * Changes one reason's triage record with `change`, read and written in one readwrite transaction, so an
 * acknowledge and a snooze sent together both land (the second sees what the first wrote). The fields it changed
 * are a team record, by the staff name set, at `at`.
 */
export async function updateTriage(db: PrlDb, key: Pick<Triage, 'tenantId' | 'reason'>, change: (t: Triage) => Triage, at = new Date().toISOString()): Promise<Triage> {
  const tx = db.transaction(['triage', 'settings', ...RECORD_STORES], 'readwrite');
  return committed(tx, async () => {
    const triage = tx.objectStore('triage');
    const existing = await triage.get([key.tenantId, key.reason]);
    const next = Triage.parse(change(existing ?? { tenantId: key.tenantId, reason: key.reason }));
    await triage.put(next);
    const fields: Record<string, string | null> = {};
    for (const f of ['acknowledgedAt', 'snoozedUntil', 'note'] as const) if (existing?.[f] !== next[f]) fields[f] = next[f] ?? null;
    if (Object.keys(fields).length) {
      const { staffName } = settingsFrom(await tx.objectStore('settings').get('settings'));
      await addRecords(tx as unknown as Tx, [{ kind: 'triage', tenantId: next.tenantId, reason: next.reason, ...fields, by: staffName, at }]);
    }
    return next;
  });
}

/** The effective settings: the defaults with what the user changed on top (lib/settings.ts). */
export const settingsFrom = (raw: unknown): Settings => settingsOf(raw);

export async function readSettings(db: PrlDb): Promise<Settings> {
  return settingsOf(await db.get('settings', 'settings'));
}

/** What the user changed of the settings, as the store keeps it (a backup carries this). */
export async function readSettingsOverrides(db: PrlDb): Promise<SettingsOverrides> {
  return overridesOf(settingsOf(await db.get('settings', 'settings')));
}

/** Saves every setting: what equals its default is not stored, so it follows the defaults. */
export function saveSettings(db: PrlDb, s: Settings): Promise<Settings> {
  return updateSettings(db, s);
}

/**
 * The one write of settings: changes some, read and written in one readwrite transaction (a write in between is
 * never undone). The store keeps only what differs from the defaults; a patch that does not validate writes nothing.
 */
export function updateSettings(db: PrlDb, patch: SettingsPatch): Promise<Settings> {
  return writeSettings(db, (old) => Settings.parse(applyPatch(old, patch)));
}

/** Writes the settings `change` makes of the stored ones; each team-wide setting it changes is a team record. */
async function writeSettings(db: PrlDb, change: (old: Settings) => Settings): Promise<Settings> {
  const tx = db.transaction(['settings', ...RECORD_STORES], 'readwrite');
  return committed(tx, async () => {
    const store = tx.objectStore('settings');
    const old = settingsOf(await store.get('settings'));
    const next = change(old);
    await store.put(overridesOf(next), 'settings');
    await addRecords(tx as unknown as Tx, settingDrafts(old, next, new Date().toISOString()));
    return next;
  });
}

export function metaFrom(raw: unknown): Meta {
  const parsed = Meta.safeParse(raw ?? {});
  return parsed.success ? parsed.data : Meta.parse({});
}

export async function readMeta(db: PrlDb): Promise<Meta> {
  return metaFrom(await db.get('meta', 'meta'));
}

/** A patch, or a function of the stored record giving one (read and written in one transaction). */
export async function updateMeta(db: PrlDb, patch: Partial<Meta> | ((meta: Meta) => Partial<Meta>)): Promise<Meta> {
  const tx = db.transaction('meta', 'readwrite');
  const before = metaFrom(await tx.store.get('meta'));
  const next = Meta.parse({ ...before, ...(typeof patch === 'function' ? patch(before) : patch) });
  await tx.store.put(next, 'meta');
  await tx.done;
  return next;
}
