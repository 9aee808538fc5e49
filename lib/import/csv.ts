// CSV files with papaparse, in chunks that yield to the page between them, so 100,000 rows never freeze it.
// Line numbers are as a spreadsheet shows them: the header is line 1 and each record is one line, even when
// a quoted field spans several physical lines (a spreadsheet shows that record as one row); blank lines are
// skipped but keep their line number, as they do in a spreadsheet.
import Papa from 'papaparse';
import type { Customer, Invoice, Spending, Subscription } from '../schema';
import { decimalEvidence } from './amounts';
import { DateColumns } from './date-columns';
import { mapHeaders, reconciliationKind, unknownKind } from './fields';
import type { CsvFormat } from './format';
import { csvFormatOf } from './registry';
import { convertRow } from './rows';
import type { ParseContext, ParsedFile, ReconciliationKind, RowError } from './types';
import { wording, type Wording } from '../wording';

// About 600 rows of a typical file: parsing and validating one chunk stays a task of some 30 ms.
const CHUNK_BYTES = 48 * 1024;
// No real record comes near this; a quote that is never closed makes one that swallows the rest of the file.
const MAX_RECORD = 1024 * 1024;
const yieldToPage = () => new Promise<void>((ok) => setTimeout(ok, 0));
type Rec = Customer | Invoice | Spending | Subscription;

/**
 * The delimiter of the header row: the most frequent of `,` `;` tab `|` outside quotes. The header decides
 * (not a guess over data rows), so `;` files whose amounts hold decimal commas are read right.
 */
export function headerDelimiter(text: string): string | undefined {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (const ch of text.slice(0, 64 * 1024)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : undefined;
}

/** The same key twice in one file: the later row wins (as a re-import would), unless the format merges them. */
function mergeDuplicate(format: CsvFormat, earlier: Rec, later: Rec): Rec {
  return format.merge ? (format.merge(earlier as never, later as never) as Rec) : later;
}

export async function parseCsv(name: string, text: string, ctx: ParseContext, onProgress?: (f: number) => void): Promise<ParsedFile> {
  const base = { name, format: 'csv' as const, rowsRead: 0, valid: 0, errors: [] as RowError[], batch: {} };
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ...base, kind: 'unknown', fatal: wording('import_file_empty') };

  let headers: string[] | undefined;
  let format = undefined as CsvFormat | undefined;
  let map: Record<string, number> = {};
  let line = 1;
  let rowsRead = 0;
  let valid = 0;
  let asOf: string | undefined;
  const errors: RowError[] = [];
  /** Records by key, with the line each came from (the later line wins). */
  const records = new Map<string, { record: Rec; line: number }>();
  let fatal: Wording | undefined;
  // Number format 'auto': rows with an amount like "10,000" (ten thousand, or ten with three decimals?) wait
  // for what the file's other amounts show of the decimal separator ("812.34"); if they all agree, those rows
  // are read that way at the end; if they disagree or show nothing, the rows say to set the number format.
  const inferAmounts = ctx.settings.decimalSeparator === 'auto';
  const evidence = { '.': 0, ',': 0 };
  // Rows with a DD/MM or MM/DD date wait too, for what the file's other rows show of each date column's order.
  const waiting: Array<{ line: number; cells: string[] }> = [];
  let dates: DateColumns | undefined;
  let reconciliation: ReconciliationKind | undefined;

  const keep = (k: CsvFormat, { record, asOf: rowAsOf }: { record: Rec; asOf?: string }, at: number) => {
    if (rowAsOf && (!asOf || rowAsOf > asOf)) asOf = rowAsOf;
    const key = k.key(record as never);
    const earlier = records.get(key);
    if (!earlier) records.set(key, { record, line: at });
    else if (earlier.line < at) records.set(key, { record: mergeDuplicate(k, earlier.record, record), line: at });
    else records.set(key, { record: mergeDuplicate(k, record, earlier.record), line: earlier.line });
    valid++;
  };

  /** Rows of one chunk; `unclosed` holds the indexes of rows where papaparse found a quote never closed. */
  const handle = (rows: string[][], unclosed: Set<number>) => {
    for (const [i, cells] of rows.entries()) {
      if (!headers) {
        headers = cells.map((h) => h.trim());
        format = csvFormatOf(headers);
        if (!format) {
          fatal = unknownKind(headers);
          return false;
        }
        const f = format;
        map = mapHeaders(f.fields, headers);
        // A reconciliation file (one row per charge) is read for the customers it names, and for nothing else.
        const only = f.only?.(headers);
        if (only) {
          reconciliation = reconciliationKind(headers);
          map = Object.fromEntries(Object.entries(map).filter(([field]) => only.includes(field)));
        }
        dates = new DateColumns(f, headers, map);
        const missing = f.required.filter((field) => !(field in map));
        if (missing.length) {
          const columns = missing.map((field) => `'${f.fields[field][0]}'`).join(', ');
          fatal = wording(missing.length > 1 ? 'import_missing_columns' : 'import_missing_column', wording(`import_kind_${f.kind}`), columns);
          return false;
        }
        continue;
      }
      const k = format!; // set with the header row
      line++;
      if (cells.every((c) => !c.trim())) continue; // a blank line: not a row, but it keeps its line number
      rowsRead++;
      if (unclosed.has(i)) {
        errors.push({ line, message: wording('import_row_unclosed_quote', line) });
        continue;
      }
      if (inferAmounts) {
        for (const f of k.money) {
          const sep = f in map ? decimalEvidence(cells[map[f]] ?? '') : undefined;
          if (sep) evidence[sep]++;
        }
      }
      if (dates!.see(cells, line)) { waiting.push({ line, cells }); continue; }
      const r = convertRow(cells, { format: k, headers, map, ctx });
      if (!r.ok) {
        if (inferAmounts && r.ambiguousAmount) waiting.push({ line, cells });
        else errors.push({ line, message: wording('import_row_problems', line, { list: r.texts }) });
        continue;
      }
      keep(k, r, line);
    }
    return true;
  };

  // Papaparse parses an unfinished record again with every chunk it reads, so one huge record costs the square
  // of its length (16 MB: half a minute). What is fed and not yet parsed is that record: past MAX_RECORD (give
  // or take a chunk) the file is refused, naming the record's line.
  let fed = 0;
  let overlong: number | undefined;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(body, {
      header: false,
      delimiter: headerDelimiter(body) ?? '',
      // Not 'greedy': blank lines must still count for the line numbers; handle() skips them.
      skipEmptyLines: false,
      chunkSize: CHUNK_BYTES,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        const unclosed = new Set(results.errors.filter((e) => e.code === 'MissingQuotes' && e.row !== undefined).map((e) => e.row as number));
        if (!handle(results.data, unclosed)) { parser.abort(); return; }
        fed = Math.min(body.length, fed + CHUNK_BYTES);
        if (fed - results.meta.cursor > MAX_RECORD) { overlong = headers ? line + 1 : 1; parser.abort(); return; }
        onProgress?.(Math.min(1, results.meta.cursor / body.length));
        parser.pause();
        yieldToPage().then(() => parser.resume(), reject);
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  onProgress?.(1);

  if (overlong !== undefined) {
    return { ...base, kind: format?.kind ?? 'unknown', fatal: wording('import_line_over_1mb', overlong) };
  }
  if (fatal) return { ...base, kind: format?.kind ?? 'unknown', fatal };
  if (!headers || !format) return { ...base, kind: 'unknown', fatal: wording('import_no_header') };
  const shown = evidence['.'] && !evidence[','] ? 'dot' : evidence[','] && !evidence['.'] ? 'comma' : undefined;
  const settled: ParseContext = { ...ctx, settings: shown ? { ...ctx.settings, decimalSeparator: shown } : ctx.settings };
  const dateOrders = dates?.orders();
  for (const [i, w] of waiting.entries()) {
    if (i > 0 && i % 5000 === 0) await yieldToPage();
    const clashes = dates?.clashes(w.cells) ?? [];
    const r = clashes.length ? { ok: false as const, texts: clashes } : convertRow(w.cells, { format, headers, map, ctx: settled, dateOrders });
    if (r.ok) keep(format, r, w.line);
    else errors.push({ line: w.line, message: wording('import_row_problems', w.line, { list: r.texts }) });
  }
  const kept = [...records.values()];
  if (waiting.length) { // back in file order
    errors.sort((a, b) => a.line - b.line);
    kept.sort((a, b) => a.line - b.line);
  }
  const list = kept.map((r) => r.record);
  const { kind } = format;
  const batch = { [kind]: list };
  const out: ParsedFile = { ...base, kind, rowsRead, valid, errors, batch };
  // One customer record per customer, however many charges name it; the charges themselves are not imported.
  if (reconciliation) Object.assign(out, { valid: list.length, reconciliation: { kind: reconciliation, charges: rowsRead } });
  if (kind === 'invoices') out.asOf = asOf ?? ctx.now.slice(0, 10);
  return out;
}
