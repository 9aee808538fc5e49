// Team records in the store: added with every staff change, exchanged with the team's server, folded into the read model.
import { Customer, Settings } from '../schema';
import { compareRecords, foldItem, itemOf, type ItemState } from '../team/fold';
import { makeRecord, type StoredTeamRecord, type TeamRecord, type TeamRecordDraft } from '../team/record';
import type { PrlDb, StoreName, Tx } from './open';
import { rebuildSummaries, SUMMARY_INPUTS } from './summaries';
import { committed, settingsFrom } from './writes';
import { overridesOf } from '../settings';

/** The meta key of the CouchDB user this browser writes as ('' or absent: no team joined). */
const MEMBER_KEY = 'teamMember';

/** What a write that adds records needs in its transaction. */
export const RECORD_STORES = ['teamRecords', 'meta'] as const satisfies StoreName[];
/** What folding records into the read model writes. */
const FOLD_STORES = [...new Set<StoreName>([...SUMMARY_INPUTS, 'teamRecords', 'meta', 'checklistHistory', 'triage', 'settings'])];

export function storedRecord(record: TeamRecord, pending: boolean): StoredTeamRecord {
  return { _id: record._id, item: itemOf(record), ...(pending ? { pending: `${record.at} ${record._id}` } : {}), record };
}

/** The CouchDB user this browser writes as ('' before joining a team), inside a transaction holding meta. */
export async function teamMember(tx: Tx): Promise<string> {
  const member = await tx.objectStore('meta').get(MEMBER_KEY);
  return typeof member === 'string' ? member : '';
}

/** Inside a write's transaction (holding RECORD_STORES): the drafts as this browser's records, not yet shared. */
export async function addRecords(tx: Tx, drafts: TeamRecordDraft[]): Promise<TeamRecord[]> {
  if (!drafts.length) return [];
  const member = await teamMember(tx);
  const records = drafts.map((d) => makeRecord(d, member));
  const store = tx.objectStore('teamRecords');
  // Which of them a colleague's record already comes after, asked before they are stored (they are not last of their item).
  const overtaken = await Promise.all(records.map((r) => (r.kind === 'tick' || r.kind === 'decision' ? false : isOvertaken(tx, r))));
  await Promise.all(records.map((r) => store.add(storedRecord(r, true))));
  // The writer has put its own state; where the total order gives the item to a colleague's record (a clock ahead
  // of ours, or a tie), the folded state goes back over it, as every other browser shows it.
  const items = new Set(records.filter((_, i) => overtaken[i]).map(itemOf));
  if (items.size) await foldItems(tx, items, new Set(), true);
  return records;
}

/**
 * Whether a stored record of the same item comes after `record` in the total order (a colleague's clock ahead of
 * ours, or the same time and a later member or id): then `record` is history, not the item's state.
 */
export async function isOvertaken(tx: Tx, record: TeamRecord): Promise<boolean> {
  const stored = await tx.objectStore('teamRecords').index('by-item').getAll(itemOf(record));
  return stored.some((s) => s._id !== record._id && compareRecords(s.record, record) > 0);
}

/** Local records the server does not have yet, oldest first. */
export async function unsharedRecords(db: PrlDb, limit: number): Promise<TeamRecord[]> {
  return (await db.getAllFromIndex('teamRecords', 'by-pending', undefined, limit)).map((s) => s.record);
}

export function countUnshared(db: PrlDb): Promise<number> {
  return db.countFromIndex('teamRecords', 'by-pending');
}

/** The server has these records: they leave the pending list (the records themselves never change). */
export async function markShared(db: PrlDb, ids: string[]): Promise<void> {
  const tx = db.transaction('teamRecords', 'readwrite');
  await Promise.all(ids.map(async (id) => {
    const s = await tx.store.get(id);
    if (s?.pending === undefined) return;
    const { pending: _, ...shared } = s;
    await tx.store.put(shared);
  }));
  await tx.done;
}

/**
 * Joining a team as `member`: records not yet shared that name no member get it (they have never left this
 * browser), and every later record is written as it. `''` leaves the team: later records name no member.
 * Returns how many records were stamped. The read model is left as it is: a browser that joins has no colleague's
 * record yet, so no tie between members can have been decided otherwise.
 */
export async function stampMember(db: PrlDb, member: string): Promise<number> {
  const tx = db.transaction([...new Set<StoreName>([...SUMMARY_INPUTS, ...RECORD_STORES])], 'readwrite') as unknown as Tx;
  await tx.objectStore('meta').put(member, MEMBER_KEY);
  const tenants = new Set<string>();
  let stamped: StoredTeamRecord[] = [];
  if (member) {
    const store = tx.objectStore('teamRecords');
    const pending = await store.index('by-pending').getAll();
    // A decision names its member too (the audit's and the verdicts' order use it): it gets the same one.
    const stamp = (r: TeamRecord): TeamRecord => (r.kind === 'decision' && r.decision.member === '' ? { ...r, member, decision: { ...r.decision, member } } : { ...r, member });
    stamped = pending.filter((s) => s.record.member === '').map((s) => storedRecord(stamp(s.record), true));
    const decisions = tx.objectStore('decisions');
    await Promise.all(stamped.map(async (s) => {
      await store.put(s);
      if (s.record.kind !== 'decision') return;
      const d = await decisions.get(s.record.decision._id);
      if (d && d.member === '') { await decisions.put({ ...d, member }); tenants.add(d.tenantId); }
    }));
    await rebuildSummaries(tx, tenants); // summaries carry the decisions
  }
  await tx.done;
  return stamped.length;
}

/**
 * Records from the server into the read model, in one transaction: a record already known is skipped (a known one
 * still waiting to be sent is marked shared), the others are kept as shared and each item they change is folded
 * again from all its records. An older record never overwrites a newer state; every tick enters the history.
 */
export async function applyRemoteRecords(db: PrlDb, records: TeamRecord[]): Promise<{ tenants: string[]; settings: boolean }> {
  if (!records.length) return { tenants: [], settings: false };
  return inFoldTransaction(db, async (tx) => {
    const store = tx.objectStore('teamRecords');
    const known = await Promise.all(records.map((r) => store.get(r._id)));
    const fresh = new Map<string, TeamRecord>();
    const writes: Promise<unknown>[] = [];
    records.forEach((r, i) => {
      const k = known[i];
      if (k) {
        if (k.pending !== undefined) { const { pending: _, ...shared } = k; writes.push(store.put(shared)); }
        return;
      }
      if (fresh.has(r._id)) return;
      fresh.set(r._id, r);
      writes.push(store.put(storedRecord(r, false)));
    });
    await Promise.all(writes);
    const result = await foldItems(tx, new Set([...fresh.values()].map(itemOf)), new Set(fresh.keys()));
    return { result: { tenants: [...result.tenants].sort(), settings: result.settings }, tenants: result.tenants };
  });
}

/**
 * Customers and alerts that have just arrived (an import, a customer first seen in the portal): the team's facts
 * and alert statuses kept for them while this store did not know them are folded in now, in the writer's
 * transaction (holding the summary inputs and teamRecords). Returns the customers that changed.
 */
export async function foldArrivals(tx: Tx, arrived: { tenants?: Iterable<string>; alerts?: Iterable<string> }): Promise<Set<string>> {
  const tenants = new Set(arrived.tenants ?? []);
  const alerts = new Set(arrived.alerts ?? []);
  if (!tenants.size && !alerts.size) return new Set();
  // Staff type few facts and alert statuses: every record of those kinds is read, not one lookup per arrival.
  const index = tx.objectStore('teamRecords').index('by-item');
  const [facts, statuses] = await Promise.all([
    tenants.size ? index.getAll(IDBKeyRange.bound('fact ', 'fact \uffff')) : [],
    alerts.size ? index.getAll(IDBKeyRange.bound('alert ', 'alert \uffff')) : [],
  ]);
  const held = [...facts, ...statuses].map((s) => s.record)
    .filter((r) => (r.kind === 'fact' && tenants.has(r.tenantId)) || (r.kind === 'alert-status' && alerts.has(r.alertId)));
  if (!held.length) return new Set();
  return (await foldItems(tx, new Set(held.map(itemOf)), new Set(held.map((r) => r._id)))).tenants;
}

async function inFoldTransaction<T>(db: PrlDb, fn: (tx: Tx) => Promise<{ result: T; tenants: Iterable<string> }>): Promise<T> {
  const tx = db.transaction(FOLD_STORES, 'readwrite') as unknown as Tx;
  return committed(tx, async () => {
    const { result, tenants } = await fn(tx);
    await rebuildSummaries(tx, tenants);
    return result;
  });
}

/**
 * Writes the folded state of each item. `fresh` are the records new to the fold: a state whose last record is not
 * one of them is what the read model already shows (or newer: an import since), so it is left alone; ticks add
 * their fresh changes to the history. `rewrite`: every folded state is written (a local write went over it).
 */
async function foldItems(tx: Tx, items: Set<string>, fresh: Set<string>, rewrite = false): Promise<{ tenants: Set<string>; settings: boolean }> {
  const index = tx.objectStore('teamRecords').index('by-item');
  const lists = await Promise.all([...items].map((item) => index.getAll(item)));
  const tenants = new Set<string>();
  const settings: Partial<Settings> = {};
  let settingsChanged = false;
  // Facts of one customer are written one after the other (each reads the customer the last one wrote).
  const facts: Array<Extract<ItemState, { kind: 'fact' }>> = [];
  const writes: Promise<unknown>[] = [];
  for (const list of lists) {
    const records = list.map((s) => s.record);
    const state = foldItem(records);
    const lastIsFresh = rewrite || fresh.has(records.reduce((a, b) => (compareLast(a, b) ? a : b))._id);
    switch (state.kind) {
      case 'tick': {
        tenants.add(state.tenantId);
        if (lastIsFresh) {
          const { tenantId, itemId, done, by, at, note } = state;
          writes.push(tx.objectStore('checklist').put({ tenantId, itemId, done, by, at, ...(note ? { note } : {}) }));
        }
        writes.push(writeHistory(tx, state, fresh));
        break;
      }
      case 'fact':
        if (lastIsFresh) facts.push(state);
        break;
      case 'flag':
        if (state.flag) { tenants.add(state.tenantId); writes.push(tx.objectStore('flags').put(state.flag)); }
        break;
      case 'triage':
        tenants.add(state.triage.tenantId);
        writes.push(tx.objectStore('triage').put(state.triage));
        break;
      case 'alert-status':
        if (lastIsFresh) {
          tenants.add(state.tenantId);
          writes.push(tx.objectStore('alerts').get(state.alertId).then((a) => (a ? tx.objectStore('alerts').put({ ...a, staff: state.staff }) : undefined)));
        }
        break;
      case 'setting':
        if (lastIsFresh) { Object.assign(settings, { [state.key]: state.value }); settingsChanged = true; }
        break;
      case 'decision': {
        // Add-only: a decision this browser has (its own, or one restored) is never written over.
        const store = tx.objectStore('decisions');
        const { decision } = state;
        writes.push(store.get(decision._id).then(async (known) => {
          if (known) return;
          await store.add(decision);
          tenants.add(decision.tenantId);
        }));
        break;
      }
    }
  }
  await Promise.all(writes);
  for (const f of facts) {
    const store = tx.objectStore('customers');
    const customer = await store.get(f.tenantId);
    if (!customer) continue; // kept as a record: not a customer this browser knows
    const next: Record<string, unknown> = { ...customer, ...(customer.origin === 'portal' ? { origin: 'manual' } : {}) };
    if (f.value === undefined) delete next[f.field];
    else next[f.field] = f.value;
    if (f.at > customer.updatedAt) next.updatedAt = f.at;
    const parsed = Customer.safeParse(next);
    if (!parsed.success) continue;
    await store.put(parsed.data);
    tenants.add(f.tenantId);
  }
  if (settingsChanged) {
    const store = tx.objectStore('settings');
    const parsed = Settings.safeParse({ ...settingsFrom(await store.get('settings')), ...settings });
    if (parsed.success) await store.put(overridesOf(parsed.data), 'settings');
    else settingsChanged = false;
  }
  return { tenants, settings: settingsChanged };
}

/**
 * The item's history as the fold orders it: fresh changes that all come after the known ones are appended; one
 * that comes between them (an older change from a colleague) has the item's history written again in order, so
 * every browser shows the same changes, each from the state before it.
 */
async function writeHistory(tx: Tx, state: Extract<ItemState, { kind: 'tick' }>, fresh: Set<string>): Promise<void> {
  const store = tx.objectStore('checklistHistory');
  const firstFresh = state.history.findIndex((h) => fresh.has(h.id));
  if (firstFresh < 0) return;
  const appendOnly = state.history.slice(firstFresh).every((h) => fresh.has(h.id));
  if (!appendOnly) return rewriteHistory(tx, state);
  for (const { id: _, ...change } of state.history.slice(firstFresh)) await store.add(change);
}

async function rewriteHistory(tx: Tx, state: Extract<ItemState, { kind: 'tick' }>): Promise<void> {
  const store = tx.objectStore('checklistHistory');
  const rows = await store.index('by-tenant').getAll(state.tenantId);
  await Promise.all(rows.filter((r) => r.itemId === state.itemId && r.id !== undefined).map((r) => store.delete(r.id!)));
  for (const { id: _, ...change } of state.history) await store.add(change);
}

/** Whether `a` comes after `b` in the total order. */
function compareLast(a: TeamRecord, b: TeamRecord): boolean {
  return compareRecords(a, b) > 0;
}
