// The triage lists as CSV for reporting: overdue accounts, budget states and risk scores.
import Papa from 'papaparse';
import { minorToDecimal } from './money';
import { score } from './risk';
import { isKnown } from './summary';
import type { AccountSummary, Settings } from './schema';
import type { TriageLists } from './triage';

export type ReportKind = 'overdue' | 'budget' | 'risk';

// A cell a spreadsheet would run as a formula starts with = + - @ tab or CR (OWASP, "CSV injection"; the
// full-width forms too, which some spreadsheets read as their ASCII twins). It gets a leading ' whatever follows:
// papaparse's own escapeFormulae tests /^[=+\-@\t\r].*$/, whose `.` stops at a line break, so a name such as
// "=HYPERLINK(…)\nContoso" (or with \r\n, U+2028) went out as a live formula.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const inertCell = (v: string | number) => (typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v);
const csv = (fields: string[], data: Array<Array<string | number>>) =>
  Papa.unparse({ fields, data: data.map((row) => row.map(inertCell)) }, { escapeFormulae: false, newline: '\r\n' });

/** One row per customer and currency: amounts of different currencies are never added. */
export function overdueCsv(lists: TriageLists): string {
  const rows: Array<Array<string | number>> = [];
  for (const r of lists.overdue) {
    for (const [currency, minor] of Object.entries(r.aging.overdueByCurrency)) {
      rows.push([r.name, r.tenantId, r.domain ?? '', r.aging.oldestDaysPastDue, r.aging.bucket, minorToDecimal(minor, currency), currency, r.dunning.stage, r.acknowledged ? 'yes' : 'no']);
    }
  }
  return csv(['Customer', 'Customer ID', 'Domain', 'Days past due', 'Aging bucket', 'Overdue amount', 'Currency', 'Dunning stage', 'Acknowledged'], rows);
}

export function budgetCsv(lists: TriageLists): string {
  const rows = lists.budget.map((r) => {
    const l = r.budget.latest!;
    return [
      r.name, r.tenantId, r.domain ?? '', r.budget.state, minorToDecimal(l.spendToDate, l.currency), l.budget !== undefined ? minorToDecimal(l.budget, l.currency) : '',
      l.currency, r.budget.utilization !== undefined ? (r.budget.utilization * 100).toFixed(1) : '', r.budget.projected !== undefined ? minorToDecimal(r.budget.projected, l.currency) : '',
      l.asOf, r.budget.spike ? 'yes' : 'no',
    ];
  });
  return csv(['Customer', 'Customer ID', 'Domain', 'Budget state', 'Spend to date', 'Monthly budget', 'Currency', 'Utilization %', 'Projected month end', 'As of', 'Spend spike'], rows);
}

/** Every customer's score, highest first, with the factors that make it; unknown customers last, with no score. */
export function riskCsv(summaries: AccountSummary[], settings: Settings, today: string, now: string): string {
  const scored = summaries.map((s) => ({ s, r: isKnown(s) ? score(s.customer, s.facts, settings, today, now) : undefined }));
  scored.sort((a, b) => (b.r?.score ?? -1) - (a.r?.score ?? -1) || a.s.customer.name.localeCompare(b.s.customer.name));
  const rows = scored.map(({ s, r }) => [s.customer.name, s.tenantId, s.customer.domain ?? '', r ? r.score : '', r ? r.level : 'unknown', r ? r.factors.map((f) => `${f.id} +${f.points}`).join('; ') : '']);
  return csv(['Customer', 'Customer ID', 'Domain', 'Risk score', 'Level', 'Factors'], rows);
}
