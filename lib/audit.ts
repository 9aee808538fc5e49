// The audit trail as CSV (every verdict, tick, triage action, alert status change, promise and dunning action)
// and one customer's onboarding evidence. No papaparse here: the panel (a content script) builds the evidence.
import { CHECKLIST } from './checklist';
import { minorToDecimal } from './money';
import type { Alert, ChecklistChange, ChecklistEntry, Decision, Triage, VerdictRecord } from './schema';
import type { TeamRecordOf } from './team/record';

// The same rule as lib/reports.ts: a cell a spreadsheet would run as a formula gets a leading '.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
export function csvCell(v: string | number): string {
  const s = typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
export const csvOf = (fields: string[], rows: Array<Array<string | number>>) => [fields, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');

export const AUDIT_FIELDS = ['Time', 'Member', 'Customer', 'Customer ID', 'Action', 'From', 'To', 'Reason'];
export interface AuditRow { time: string; member: string; tenantId: string; action: string; from: string; to: string; reason: string }

/** The add-only records of triage and alert status changes (lib/team/record): one row each. */
export type AuditRecord = TeamRecordOf<'triage'> | TeamRecordOf<'alert-status'>;

export interface AuditInput {
  decisions: Decision[];
  history: ChecklistChange[];
  /** The latest triage of each customer and reason: a row only where no record of its changes exists (older data). */
  triage: Triage[];
  /** Alerts with a staff status, or with records of one (their Microsoft status is the first "from"). */
  alerts: Alert[];
  records?: AuditRecord[];
  names: Map<string, string>;
}

/** Every staff action, oldest first; a verdict's "from" is the verdict it replaced. */
export function auditRows(r: AuditInput): AuditRow[] {
  const rows: AuditRow[] = [];
  const last = new Map<string, VerdictRecord>();
  const decisions = [...r.decisions].sort((a, b) => a.at.localeCompare(b.at) || a.member.localeCompare(b.member) || a._id.localeCompare(b._id));
  for (const d of decisions) {
    // Who by their staff name, as every row; a decision made without one names its team member.
    const base = { time: d.at, member: d.by || d.member, tenantId: d.tenantId };
    if (d.kind === 'verdict') {
      rows.push({ ...base, action: 'verdict', from: last.get(d.tenantId)?.verdict ?? '', to: d.verdict, reason: d.reviewOn ? `${d.reason} (review ${d.reviewOn})` : d.reason });
      last.set(d.tenantId, d);
    } else if (d.kind === 'promise') {
      rows.push({ ...base, action: 'promise to pay', from: '', to: `${minorToDecimal(d.amount, d.currency)} ${d.currency} by ${d.date}`, reason: d.note ?? '' });
    } else {
      rows.push({ ...base, action: 'dunning action', from: '', to: `${d.action} on ${d.on}`, reason: d.note ?? '' });
    }
  }
  for (const h of r.history) {
    rows.push({ time: h.at, member: h.by, tenantId: h.tenantId, action: `checklist ${h.itemId}`, from: h.from ? 'done' : 'not done', to: h.to ? 'done' : 'not done', reason: h.note ?? '' });
  }
  const records = [...(r.records ?? [])].sort((a, b) => a.at.localeCompare(b.at) || a.member.localeCompare(b.member) || a._id.localeCompare(b._id));
  rows.push(...triageRows(records.filter((x): x is TeamRecordOf<'triage'> => x.kind === 'triage')));
  const statusOf = new Map(r.alerts.map((a) => [a.id, a.status as string]));
  for (const x of records) {
    if (x.kind !== 'alert-status') continue;
    rows.push({ time: x.at, member: x.by || x.member, tenantId: x.tenantId, action: `alert ${x.alertId}`, from: statusOf.get(x.alertId) ?? '', to: x.status, reason: [x.reason, x.note].filter(Boolean).join(': ') });
    statusOf.set(x.alertId, x.status);
  }
  // What no record tells (triage and alert status kept before team records existed): the latest state, as kept.
  const recorded = new Set(records.map((x) => (x.kind === 'triage' ? `${x.tenantId} ${x.reason}` : `alert ${x.alertId}`)));
  for (const t of r.triage) {
    if (recorded.has(`${t.tenantId} ${t.reason}`)) continue;
    if (t.acknowledgedAt) rows.push({ time: t.acknowledgedAt, member: t.by ?? '', tenantId: t.tenantId, action: `acknowledge ${t.reason}`, from: '', to: 'acknowledged', reason: t.note ?? '' });
    if (t.snoozedUntil) rows.push({ time: t.acknowledgedAt ?? '', member: t.by ?? '', tenantId: t.tenantId, action: `snooze ${t.reason}`, from: '', to: `until ${t.snoozedUntil}`, reason: t.note ?? '' });
  }
  for (const a of r.alerts) {
    if (!a.staff || recorded.has(`alert ${a.id}`)) continue;
    rows.push({ time: a.staff.at, member: a.staff.by, tenantId: a.tenantId, action: `alert ${a.id}`, from: a.status, to: a.staff.status, reason: [a.staff.reason, a.staff.note].filter(Boolean).join(': ') });
  }
  return rows.sort((a, b) => a.time.localeCompare(b.time));
}

/**
 * A row per change a triage record makes, oldest first: acknowledged or no longer, snoozed (until when) or no
 * longer, and a note changed alone. "From" is the state before it, per customer and reason.
 */
function triageRows(records: Array<TeamRecordOf<'triage'>>): AuditRow[] {
  const rows: AuditRow[] = [];
  const state = new Map<string, { ack: boolean; snooze?: string; note?: string }>();
  for (const x of records) {
    const key = `${x.tenantId} ${x.reason}`;
    const was = state.get(key) ?? { ack: false };
    const now = { ...was };
    if (x.note !== undefined) now.note = x.note ?? undefined;
    const row = (action: string, from: string, to: string) =>
      rows.push({ time: x.at, member: x.by || x.member, tenantId: x.tenantId, action: `${action} ${x.reason}`, from, to, reason: now.note ?? '' });
    const acked = (on: boolean) => (on ? 'acknowledged' : 'not acknowledged');
    const snoozed = (until?: string) => (until ? `until ${until}` : 'not snoozed');
    if (x.acknowledgedAt !== undefined) {
      now.ack = x.acknowledgedAt !== null;
      row('acknowledge', acked(was.ack), acked(now.ack));
    }
    if (x.snoozedUntil !== undefined) {
      now.snooze = x.snoozedUntil ?? undefined;
      row('snooze', snoozed(was.snooze), snoozed(now.snooze));
    }
    if (x.acknowledgedAt === undefined && x.snoozedUntil === undefined && x.note !== undefined) row('note', was.note ?? '', now.note ?? '');
    state.set(key, now);
  }
  return rows;
}

export function auditCsv(r: AuditInput): string {
  return csvOf(AUDIT_FIELDS, auditRows(r).map((x) => [x.time, x.member, r.names.get(x.tenantId) ?? '', x.tenantId, x.action, x.from, x.to, x.reason]));
}

/** One customer's onboarding evidence: each checklist item with who, when and note, its changes, and every verdict. */
export function evidenceCsv(name: string, tenantId: string, checklist: ChecklistEntry[], history: ChecklistChange[], decisions: Decision[]): string {
  const rows: Array<Array<string | number>> = [];
  const entries = new Map(checklist.map((c) => [c.itemId, c]));
  for (const item of CHECKLIST) {
    const e = entries.get(item.id);
    rows.push(['checklist', item.id, e?.done ? 'done' : 'not done', e?.by ?? '', e?.at ?? '', e?.note ?? '']);
  }
  for (const h of history) rows.push(['checklist change', h.itemId, `${h.from ? 'done' : 'not done'} -> ${h.to ? 'done' : 'not done'}`, h.by, h.at, h.note ?? '']);
  for (const d of decisions) {
    if (d.kind !== 'verdict') continue;
    rows.push(['verdict', d.verdict, `score ${d.snapshot.score} (${d.snapshot.level})${d.reviewOn ? `, review ${d.reviewOn}` : ''}`, d.by, d.at, d.reason]);
  }
  return `${csvOf(['Customer', 'Customer ID'], [[name, tenantId]])}\r\n\r\n${csvOf(['Section', 'Item', 'State', 'Member', 'Time', 'Note or reason'], rows)}`;
}
