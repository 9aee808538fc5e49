// Every import format, once: adding a format is one module under formats/ and one line here. The order is the
// order of detection, the most specific first.
import type { CsvFormat, JsonFormat, WholeJsonFormat } from './format';
import { backupJson } from './formats/backup-json';
import { customersCsv } from './formats/customers-csv';
import { customersJson } from './formats/customers-json';
import { fraudEventsJson } from './formats/fraud-events-json';
import { graphAlertsJson } from './formats/graph-alerts-json';
import { invoicesCsv } from './formats/invoices-csv';
import { reconciliationCsv } from './formats/reconciliation-csv';
import { spendingCsv } from './formats/spending-csv';
import { subscriptionsCsv } from './formats/subscriptions-csv';
import { subscriptionsJson } from './formats/subscriptions-json';
import { usageSummaryJson } from './formats/usage-summary-json';

export const CSV_FORMATS: readonly CsvFormat[] = [invoicesCsv, reconciliationCsv, spendingCsv, subscriptionsCsv, customersCsv];
export const JSON_FORMATS: readonly JsonFormat[] = [fraudEventsJson, graphAlertsJson, customersJson, subscriptionsJson, usageSummaryJson];
export const WHOLE_JSON_FORMATS: readonly WholeJsonFormat[] = [backupJson];

/** The format a CSV header row shows, or undefined when none reads it. */
export function csvFormatOf(headers: string[]): CsvFormat | undefined {
  for (const f of CSV_FORMATS) {
    const d = f.detect(headers);
    if (d === 'unknown') return undefined;
    if (d) return f;
  }
  return undefined;
}

/** The format a parsed JSON file shows, with its items, or undefined when none reads it. */
export function jsonFormatOf(raw: unknown): { whole: WholeJsonFormat } | { format: JsonFormat; items: unknown[] } | undefined {
  const whole = WHOLE_JSON_FORMATS.find((f) => f.detect(raw));
  if (whole) return { whole };
  for (const format of JSON_FORMATS) {
    const items = format.detect(raw);
    if (items) return { format, items };
  }
  return undefined;
}
