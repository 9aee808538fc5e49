// What an import format is: one module per format under formats/, each `{ kind, detect, parse }`, listed once in
// registry.ts. The CSV and JSON readers (csv.ts, json.ts) do the rest: lines, chunks, errors, the batch.
import type { DataKind } from './kinds';
import type { Parsed } from './values';
import type { Item, Obj } from './json-items';
import type { ParseContext, ParsedFile } from './types';
import type { Wording } from '../wording';

/** What a CSV format's `parse` reads one row with: its cells by field, each problem naming the file's column. */
export interface RowReader {
  ctx: ParseContext;
  /** The cell of a field, trimmed ('' when the file has no such column). */
  cell(field: string): string;
  /** The column as the file names it. */
  col(field: string): string;
  /** Whether the file has a column for the field. */
  has(field: string): boolean;
  /** An optional cell through a parser: empty is absent; a bad value is a problem naming the column. */
  opt<T>(field: string, parse: (s: string) => Parsed<T>): T | undefined;
  /** A required cell: empty is a problem. */
  req<T>(field: string, parse: (s: string) => Parsed<T>): T | undefined;
  /** A problem of the row, as a wording the preview says in the user's language. */
  problem(text: Wording): void;
  text(s: string): Parsed<string>;
  /** A date parser for a field, in the order the file settled for that column, else the setting's. */
  dateIn(field: string): (s: string) => Parsed<string>;
  /** An amount parser in a currency; without one an amount cannot be read. */
  moneyIn(currency: string | undefined): (s: string) => Parsed<number>;
}

type Schema = { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: Array<{ path: PropertyKey[]; code: string }> } } };

/** A CSV format: detected by its header row, read row by row into records of its kind. */
export interface CsvFormat {
  kind: DataKind;
  /** Whether a header row is this format's; 'unknown' stops detection there (a file no format reads). */
  detect(headers: string[]): boolean | 'unknown';
  /** One row into a record (validated against `schema` after), and an invoices row's report date. */
  parse(read: RowReader): { record: Record<string, unknown>; asOf?: string };
  schema: Schema;
  /** Each field with the header names it goes by (English, then French); the first is the one messages name. */
  fields: Record<string, string[]>;
  required: string[];
  /** Amount columns: what they show of the decimal separator settles a file's ambiguous amounts. */
  money: string[];
  /** Date columns: what they show settles each column's day/month order. */
  dates: string[];
  /** The key a record is stored under: a later row with the same key replaces an earlier one. */
  key(record: never): string;
  /** A record listed twice in one file: what is kept (the later row when absent). */
  merge?(earlier: never, later: never): unknown;
  /** Only these fields are read (a file read for part of what it holds). */
  only?(headers: string[]): string[] | undefined;
}

/** A JSON format: detected by its shape, read item by item ("item N: …"). */
export interface JsonFormat {
  kind: DataKind;
  /** The items this parsed JSON holds when it is this format's. */
  detect(raw: unknown): unknown[] | undefined;
  parse(item: Obj, ctx: ParseContext): Item;
  /** The key a record is stored under: the same key again in one file, the later item wins. */
  key(record: Obj): string;
  /** Amounts are read from their text, never rounded to binary first (usage summaries). */
  numbersAsText?: boolean;
  /** Items name their customer (`Item.customer`): those are added when unknown, so that no record is dropped. */
  namesCustomers?: boolean;
}

/** A JSON file read whole (a backup): what it holds, or why it cannot be read. */
export interface WholeJsonFormat {
  kind: 'backup';
  detect(raw: unknown): boolean;
  parse(raw: unknown): Pick<ParsedFile, 'rowsRead' | 'valid' | 'backup' | 'fatal'>;
}
