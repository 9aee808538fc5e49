// The fold of add-only team records: one total order, and the current state of each item with its history.
import type { AlertTriage, Decision, Flag, Triage } from '../schema';
import type * as z from 'zod/mini';
import type { TeamRecord, TeamRecordOf, TeamSetting } from './record';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The total order of records: time (ISO strings in UTC, as the schema normalises them), then member, then id.
 * Ids are unique, so two different records never compare equal: every browser sorts the same records the same way.
 */
export function compareRecords(a: TeamRecord, b: TeamRecord): number {
  return cmp(a.at, b.at) || cmp(a.member, b.member) || cmp(a._id, b._id);
}

/** The item a record changes: records of one item fold into one state, last writer wins. */
export function itemOf(r: TeamRecord): string {
  switch (r.kind) {
    case 'tick': return `tick ${r.tenantId} ${r.itemId}`;
    case 'fact': return `fact ${r.tenantId} ${r.field}`;
    case 'flag': case 'flag-resolve': return `flag ${r.flagId}`;
    case 'triage': return `triage ${r.tenantId} ${r.reason}`;
    case 'alert-status': return `alert ${r.alertId}`;
    case 'setting': return `setting ${r.key}`;
    case 'decision': return `decision ${r.decision._id}`;
  }
}

/** One change of a checklist item as the history shows it: `from` is the state before it in the total order. */
export interface TickChange { id: string; tenantId: string; itemId: string; from: boolean; to: boolean; by: string; at: string; via?: string; note?: string }

export type ItemState =
  | { kind: 'tick'; tenantId: string; itemId: string; done: boolean; by: string; at: string; note?: string; history: TickChange[] }
  | { kind: 'fact'; tenantId: string; field: TeamRecordOf<'fact'>['field']; value?: TeamRecordOf<'fact'>['value']; by: string; at: string }
  /** `flag` is absent while only its resolution is known (the flag's own record has not arrived yet). */
  | { kind: 'flag'; tenantId: string; flagId: string; flag?: Flag }
  | { kind: 'triage'; triage: Triage }
  | { kind: 'alert-status'; tenantId: string; alertId: string; staff: z.infer<typeof AlertTriage> }
  | { kind: 'setting'; key: TeamSetting; value: unknown }
  /** A decision is never changed: its records all carry the same one. */
  | { kind: 'decision'; decision: Decision };

/** Records sorted in the total order, each id once (a record seen twice is the same record). */
export function ordered(records: readonly TeamRecord[]): TeamRecord[] {
  const seen = new Set<string>();
  const out: TeamRecord[] = [];
  for (const r of [...records].sort(compareRecords)) {
    if (seen.has(r._id)) continue;
    seen.add(r._id);
    out.push(r);
  }
  return out;
}

/** The current state of one item from all its records, in any order, duplicates allowed. */
export function foldItem(records: readonly TeamRecord[]): ItemState {
  const rs = ordered(records);
  const last = rs[rs.length - 1];
  if (!last) throw new Error('an item has at least one record');
  switch (last.kind) {
    case 'tick': return foldTicks(rs as TeamRecordOf<'tick'>[]);
    case 'fact': {
      const { tenantId, field, value, by, at } = last;
      return { kind: 'fact', tenantId, field, ...(value === undefined ? {} : { value }), by, at };
    }
    case 'flag': case 'flag-resolve': return foldFlag(rs as Array<TeamRecordOf<'flag' | 'flag-resolve'>>);
    case 'triage': return foldTriage(rs as TeamRecordOf<'triage'>[]);
    case 'alert-status': {
      const { tenantId, alertId, status, reason, note, by, at } = last;
      return { kind: 'alert-status', tenantId, alertId, staff: { status, ...(reason ? { reason } : {}), ...(note ? { note } : {}), by, at } };
    }
    case 'setting': return { kind: 'setting', key: last.key, value: last.value };
    // The decision's member is its record's (the CouchDB user the server checked), whatever the sender's build wrote.
    case 'decision': return { kind: 'decision', decision: { ...last.decision, member: last.member } };
  }
}

/** The state of every item the records change, keyed by itemOf. */
export function foldRecords(records: readonly TeamRecord[]): Map<string, ItemState> {
  const groups = new Map<string, TeamRecord[]>();
  for (const r of records) {
    const k = itemOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return new Map([...groups].map(([k, g]) => [k, foldItem(g)]));
}

/** Done and who from the last tick; the note from the last tick that wrote one (a tick without a note keeps it). */
function foldTicks(rs: TeamRecordOf<'tick'>[]): ItemState {
  const history: TickChange[] = [];
  let done = false;
  let note: string | undefined;
  for (const r of rs) {
    history.push({ id: r._id, tenantId: r.tenantId, itemId: r.itemId, from: done, to: r.done, by: r.by, at: r.at, ...(r.via ? { via: r.via } : {}), ...(r.note ? { note: r.note } : {}) });
    done = r.done;
    if (r.note) note = r.note;
  }
  const last = rs[rs.length - 1];
  return { kind: 'tick', tenantId: last.tenantId, itemId: last.itemId, done, by: last.by, at: last.at, ...(note ? { note } : {}), history };
}

/** The flag as its last record says, resolved by its last resolution (whichever arrived first). */
function foldFlag(rs: Array<TeamRecordOf<'flag' | 'flag-resolve'>>): ItemState {
  let made: TeamRecordOf<'flag'> | undefined;
  let resolved: TeamRecordOf<'flag-resolve'> | undefined;
  for (const r of rs) {
    if (r.kind === 'flag') made = r;
    else resolved = r;
  }
  const { tenantId, flagId } = rs[rs.length - 1];
  if (!made) return { kind: 'flag', tenantId, flagId };
  const flag: Flag = { id: flagId, tenantId: made.tenantId, kind: made.flagKind, note: made.note, at: made.at, by: made.by };
  if (resolved) Object.assign(flag, { resolvedAt: resolved.at, resolvedBy: resolved.by });
  return { kind: 'flag', tenantId, flagId, flag };
}

/** Each field (acknowledged, snoozed, note) from the last record that set or cleared it: an acknowledgement and a snooze made apart both hold. */
function foldTriage(rs: TeamRecordOf<'triage'>[]): ItemState {
  const { tenantId, reason } = rs[0];
  const triage: Triage = { tenantId, reason };
  for (const r of rs) {
    for (const f of ['acknowledgedAt', 'snoozedUntil', 'note'] as const) {
      const v = r[f];
      if (v === undefined) continue;
      if (v === null) delete triage[f];
      else triage[f] = v;
    }
  }
  return { kind: 'triage', triage };
}
