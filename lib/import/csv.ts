// CSV files with papaparse, in chunks that yield to the page between them, so 100,000 rows never freeze it.
// Line numbers are as a spreadsheet shows them: the header is line 1 and each record one line, even when a
// quoted field spans several physical lines.
import Papa from 'papaparse';
import type { Customer, Invoice, Spending, Subscription } from '../schema';
import { detectCsvKind, FIELDS, mapHeaders, REQUIRED, type CsvKind } from './fields';
import { convertRow, keyOf } from './rows';
import type { ParseContext, ParsedFile, RowError } from './types';

const CHUNK_BYTES = 128 * 1024;
const yieldToPage = () => new Promise<void>((ok) => setTimeout(ok, 0));

export async function parseCsv(name: string, text: string, ctx: ParseContext, onProgress?: (f: number) => void): Promise<ParsedFile> {
  const base = { name, format: 'csv' as const, rowsRead: 0, valid: 0, errors: [] as RowError[], batch: {} };
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ...base, kind: 'unknown', fatal: 'This file is empty.' };

  let headers: string[] | undefined;
  let kind = 'unknown' as CsvKind | 'unknown';
  let map: Record<string, number> = {};
  let line = 1;
  let rowsRead = 0;
  let valid = 0;
  const errors: RowError[] = [];
  const records = new Map<string, Customer | Invoice | Spending | Subscription>();
  let fatal: string | undefined;
  let position = 0;

  const handle = (rows: string[][]) => {
    for (const cells of rows) {
      if (!headers) {
        headers = cells.map((h) => h.trim());
        kind = detectCsvKind(headers);
        if (kind === 'unknown') {
          fatal = `The kind of this file is not recognised from its header row (${headers.filter(Boolean).slice(0, 8).join(', ')}). Expected customers (Customer ID, Company name), invoices (Customer ID or Domain, Invoice number, Invoice date, Due date, Amount, Currency), spending (Customer ID, Monthly budget, Spend to date, As of, Currency) or subscriptions (Customer ID, Subscription ID).`;
          return false;
        }
        map = mapHeaders(kind as CsvKind, headers);
        const missing = REQUIRED[kind as CsvKind].filter((f) => !(f in map));
        if (missing.length) {
          fatal = `This ${kind} file lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((f) => `'${FIELDS[kind as CsvKind][f][0]}'`).join(', ')}.`;
          return false;
        }
        continue;
      }
      line++;
      if (cells.every((c) => !c.trim())) continue; // a blank line: not a row, but it keeps its line number
      rowsRead++;
      const r = convertRow(cells, { kind: kind as CsvKind, headers, map, ctx });
      if (!r.ok) {
        errors.push({ line, message: `line ${line}: ${r.problems.join('; ')}` });
        continue;
      }
      valid++;
      records.set(keyOf(kind as CsvKind, r.record), r.record); // the same key again: the later row wins
    }
    return true;
  };

  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(body, {
      header: false,
      skipEmptyLines: false,
      chunkSize: CHUNK_BYTES,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        const rows = results.data;
        // papaparse gives a trailing empty row for a final newline; it is not a record.
        if (!handle(rows)) { parser.abort(); return; }
        position = results.meta.cursor;
        onProgress?.(Math.min(1, position / body.length));
        parser.pause();
        yieldToPage().then(() => parser.resume(), reject);
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  onProgress?.(1);

  const k = kind as CsvKind | 'unknown';
  if (fatal) return { ...base, kind: k, fatal };
  if (!headers) return { ...base, kind: 'unknown', fatal: 'This file has no header row.' };
  const list = [...records.values()];
  const batch = k === 'customers' ? { customers: list as Customer[] }
    : k === 'invoices' ? { invoices: list as Invoice[] }
    : k === 'spending' ? { spending: list as Spending[] }
    : { subscriptions: list as Subscription[] };
  const out: ParsedFile = { ...base, kind: k, rowsRead, valid, errors, batch };
  if (k === 'invoices') out.asOf = ctx.now.slice(0, 10);
  return out;
}

/** The kind a header row shows (exported for the tests and the preview). */
export { detectCsvKind };
