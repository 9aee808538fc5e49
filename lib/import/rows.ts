// One CSV row into one record of its format's kind, or the reasons it cannot be, naming the columns as the file does.
import { SubscriptionStatus, type Customer, type Invoice, type Spending, type Subscription } from '../schema';
import { columnName } from './fields';
import type { CsvFormat } from './format';
import { parseAmount, parseDate, type Parsed } from './values';
import type { ParseContext } from './types';
import { quoted } from './text';
import { issueWording, wording, type Wording } from '../wording';

export interface RowInput {
  format: CsvFormat;
  headers: string[];
  map: Record<string, number>;
  ctx: ParseContext;
  /** Date columns whose order the file itself settled (lib/import/date-columns.ts): they win over the setting. */
  dateOrders?: Record<string, 'mdy' | 'dmy'>;
}

type Record_ = Customer | Invoice | Spending | Subscription;
/** `asOf`: an invoices row's report date, when the file has that column. `texts`: the problems as wordings, in order. */
export type RowResult = { ok: true; record: Record_; asOf?: string } | { ok: false; texts: Wording[]; ambiguousAmount?: boolean };

export function convertRow(cells: string[], r: RowInput): RowResult {
  const texts: Wording[] = [];
  const problem = (text: Wording) => { texts.push(text); };
  let ambiguousAmount = false;
  const col = (f: string) => columnName(r.format.fields, f, r.headers, r.map);
  const cell = (f: string) => (f in r.map ? (cells[r.map[f]] ?? '').trim() : '');
  /** Reads an optional cell with a parser: empty is absent; a bad value is a problem naming the column. */
  const opt = <T>(f: string, parse: (s: string) => Parsed<T>): T | undefined => {
    const s = cell(f);
    if (!s) return undefined;
    const p = parse(s);
    if (p.ok) return p.value;
    if (p.ambiguous && r.format.money.includes(f)) ambiguousAmount = true;
    problem(wording('import_field_problem', col(f), p.text));
    return undefined;
  };
  const req = <T>(f: string, parse: (s: string) => Parsed<T>): T | undefined => {
    if (!cell(f)) {
      problem(wording('import_field_empty', col(f)));
      return undefined;
    }
    return opt(f, parse);
  };
  const text = (s: string): Parsed<string> => ({ ok: true, value: s });
  const { dateOrder, decimalSeparator } = r.ctx.settings;
  const dateIn = (f: string) => (s: string) => parseDate(s, r.dateOrders?.[f] ?? dateOrder);
  /** Amounts of a row are read in its currency; without one they cannot be read at all. */
  const moneyIn = (currency: string | undefined) => (s: string): Parsed<number> =>
    (currency ? parseAmount(s, currency, decimalSeparator) : { ok: false, text: wording('import_amount_no_currency') });

  const { record, asOf } = r.format.parse({ ctx: r.ctx, cell, col, has: (f) => f in r.map, opt, req, problem, text, dateIn, moneyIn });
  if (texts.length) return ambiguousAmount ? { ok: false, texts, ambiguousAmount } : { ok: false, texts };
  for (const k of Object.keys(record)) if (record[k] === undefined) delete record[k];
  const checked = r.format.schema.safeParse(record);
  if (!checked.success) {
    const { issues } = checked.error;
    return { ok: false, texts: issues.map((i) => wording('import_field_invalid', col(String(i.path[0] ?? '')), issueWording(i.code))) };
  }
  return asOf ? { ok: true, record: checked.data as Record_, asOf } : { ok: true, record: checked.data as Record_ };
}

/** A whole count of licences: `25`, `1 000`. */
export function parseCount(s: string): Parsed<number> {
  const digits = s.replace(/[\s\u00a0\u202f,.']/g, '');
  return /^\d{1,9}$/.test(digits) && !/[,.]\d{1,2}$/.test(s) ? { ok: true, value: Number(digits) } : { ok: false, text: wording('import_not_whole_number', quoted(s)) };
}

export function parseStatus(s: string): Parsed<Subscription['status'] & string> {
  const v = s.trim().toLowerCase();
  const options = SubscriptionStatus.options as readonly string[];
  return options.includes(v) ? { ok: true, value: v as never } : { ok: false, text: wording('import_not_status', quoted(s), options.join(', ')) };
}
