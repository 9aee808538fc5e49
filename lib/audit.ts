// The audit trail as CSV (every verdict, tick, triage action, alert status change, promise and dunning action)
// and one customer's onboarding evidence. No papaparse here: the panel (a content script) builds the evidence.
import { CHECKLIST } from './checklist';
import { minorToDecimal } from './money';
import type { Alert, ChecklistChange, ChecklistEntry, Decision, Triage, VerdictRecord } from './schema';

// The same rule as lib/reports.ts: a cell a spreadsheet would run as a formula gets a leading '.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
export function csvCell(v: string | number): string {
  const s = typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
export const csvOf = (fields: string[], rows: Array<Array<string | number>>) => [fields, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');

export const AUDIT_FIELDS = ['Time', 'Member', 'Customer', 'Customer ID', 'Action', 'From', 'To', 'Reason'];
export interface AuditRow { time: string; member: string; tenantId: string; action: string; from: string; to: string; reason: string }

export interface AuditInput {
  decisions: Decision[];
  history: ChecklistChange[];
  triage: Triage[];
  alerts: Alert[];
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
  for (const t of r.triage) {
    if (t.acknowledgedAt) rows.push({ time: t.acknowledgedAt, member: t.by ?? '', tenantId: t.tenantId, action: `acknowledge ${t.reason}`, from: '', to: 'acknowledged', reason: t.note ?? '' });
    if (t.snoozedUntil) rows.push({ time: t.acknowledgedAt ?? '', member: t.by ?? '', tenantId: t.tenantId, action: `snooze ${t.reason}`, from: '', to: `until ${t.snoozedUntil}`, reason: t.note ?? '' });
  }
  for (const a of r.alerts) {
    if (!a.staff) continue;
    rows.push({ time: a.staff.at, member: a.staff.by, tenantId: a.tenantId, action: `alert ${a.id}`, from: a.status, to: a.staff.status, reason: [a.staff.reason, a.staff.note].filter(Boolean).join(': ') });
  }
  return rows.sort((a, b) => a.time.localeCompare(b.time));
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
