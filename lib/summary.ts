// Builds one customer's RiskFacts from its raw records: what the account-summary store keeps up to date.
import { spendingFacts } from './budget';
import { payerHistory } from './payer';
import { openInvoiceFacts } from './receivables';
import { latestOf } from './verdicts';
import type { AccountSummary, Alert, ChecklistEntry, Customer, Decision, DunningActionRecord, Flag, Invoice, PromiseRecord, RiskFacts, Spending, Subscription, VerdictRecord } from './schema';

export interface CustomerRecords {
  invoices: Invoice[];
  checklist: ChecklistEntry[];
  flags: Flag[];
  subscriptions: Subscription[];
  spending: Spending[];
  alerts: Alert[];
  /** Staff decisions (verdicts, promises, dunning actions): add-only, the latest of each kind counts. */
  decisions?: Decision[];
}

/** Where the staff's own triage of an alert disagrees with Microsoft's status, the staff's record wins. */
export function alertStanding(a: Alert): { open: boolean; fraud: boolean } {
  const status = a.staff?.status ?? a.status;
  const reason = a.staff?.status === 'resolved' ? a.staff.reason : a.staff ? undefined : a.resolvedReason;
  const open = status !== 'resolved';
  return { open, fraud: !open && reason?.toLowerCase() === 'fraud' };
}

export function buildFacts(r: CustomerRecords): RiskFacts {
  const checklist: RiskFacts['checklist'] = {};
  for (const e of r.checklist) checklist[e.itemId] = { done: e.done, by: e.by, at: e.at };
  const alerts: RiskFacts['alerts'] = [];
  for (const a of r.alerts) {
    if (a.isTest) continue;
    const { open, fraud } = alertStanding(a);
    if (!open && !fraud) continue;
    alerts.push({ id: a.id, type: a.type, name: a.name, severity: a.severity, detectedAt: a.detectedAt, open, fraud });
  }
  const facts: RiskFacts = {
    openInvoices: openInvoiceFacts(r.invoices),
    checklist,
    openFlags: r.flags.filter((f) => !f.resolvedAt).map((f) => ({ id: f.id, kind: f.kind })),
    alerts,
  };
  if (r.subscriptions.length) {
    facts.subscriptions = {
      count: r.subscriptions.length,
      created: r.subscriptions.flatMap((s) => (s.createdOn ? [s.createdOn] : [])).sort(),
    };
  }
  const spending = spendingFacts(r.spending);
  if (spending) facts.spending = spending;
  const decisions = r.decisions ?? [];
  const verdict = latestOf(decisions.filter((d): d is VerdictRecord => d.kind === 'verdict'));
  if (verdict) facts.verdict = verdict;
  const promise = latestOf(decisions.filter((d): d is PromiseRecord => d.kind === 'promise'));
  if (promise) facts.promise = promise;
  const action = latestOf(decisions.filter((d): d is DunningActionRecord => d.kind === 'dunning-action').map((d) => ({ ...d, at: `${d.on}|${d.at}` })));
  if (action) facts.lastDunning = { action: action.action, on: action.on };
  const payer = payerHistory(r.invoices);
  if (payer) facts.payer = payer;
  return facts;
}

/**
 * A customer is known once any imported record or staff-made change exists for it: a customer record from a
 * file (or typed by staff), or any invoice, spending snapshot, subscription, alert, checklist tick or flag. A
 * name seen in the portal alone (origin `portal`) does not make it known.
 */
export function knownFrom(customer: Customer, r: CustomerRecords): boolean {
  return customer.origin !== 'portal' || r.invoices.length > 0 || r.checklist.length > 0 || r.flags.length > 0 ||
    r.subscriptions.length > 0 || r.spending.length > 0 || r.alerts.length > 0 || (r.decisions?.length ?? 0) > 0;
}

/**
 * Whether a summary's customer is known (see knownFrom); none: unknown. A summary written before `known` was
 * kept judges by what it holds: a customer record not from the portal, or any fact.
 */
export function isKnown(s: AccountSummary | undefined): boolean {
  if (!s) return false;
  if (s.known !== undefined) return s.known;
  const f = s.facts;
  return s.customer.origin !== 'portal' || f.openInvoices.length > 0 || Object.keys(f.checklist).length > 0 || f.openFlags.length > 0 ||
    !!f.subscriptions || !!f.spending || f.alerts.length > 0;
}

export function summaryOf(customer: Customer, facts: RiskFacts, known?: boolean): AccountSummary {
  const attention = facts.openInvoices.length || facts.spending || facts.alerts.some((a) => a.open) ? 1 : 0;
  let oldestDue: string | undefined;
  for (const i of facts.openInvoices) if (!oldestDue || i.dueOn < oldestDue) oldestDue = i.dueOn;
  return { tenantId: customer.tenantId, customer, facts, ...(oldestDue ? { oldestDue } : {}), attention, ...(known !== undefined ? { known } : {}) };
}
