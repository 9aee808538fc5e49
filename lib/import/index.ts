// Reading partners' files for import: kind detection, row-by-row validation with line numbers, the records.
// CSV (customers, invoices, spending, subscriptions) and JSON (Partner Center and Graph shapes, backups).
// Pure: no extension API; the options page and the tests call it alike.
import { parseCsv } from './csv';
import { decodeBytes, lineAt, type Encoding } from './decode';
import { csvFormatOf } from './registry';
import { parseJson } from './json';
import type { FileKind, ParseContext, ParsedFile } from './types';
import { wording } from '../wording';

export type { FileKind, ImportBatch, ParseContext, ParsedFile, ReconciliationKind, RowError } from './types';
export { DATA_KINDS, IMPORT_KINDS, ImportKind, type DataKind } from './kinds';
export type { Encoding } from './decode';

/** The kind a CSV header row shows (headers matched without case, spaces or `_ - . / ( ) # :`, with synonyms). */
export function detectKind(headers: string[]): FileKind | 'unknown' {
  return csvFormatOf(headers)?.kind ?? 'unknown';
}

/**
 * Reads one file. JSON when the name ends in `.json` or the text starts with `{` or `[`, CSV otherwise.
 * Bytes (a File, a Blob) are decoded by what they are (see decode.ts) and the preview names the encoding;
 * a text that holds U+FFFD was damaged before it came here and is refused with its line, never stored.
 * Never throws for what a file holds: a file that cannot be read at all comes back with `fatal`.
 * `onProgress` gets 0 first, fractions while a large file is read, and 1 at the end.
 */
export async function parseImportFile(name: string, input: string | Blob | Uint8Array, ctx: ParseContext, onProgress?: (fraction: number) => void): Promise<ParsedFile> {
  onProgress?.(0);
  let text: string;
  let encoding: Encoding | undefined;
  if (typeof input === 'string') {
    text = input;
    const bad = text.indexOf('\uFFFD');
    if (bad >= 0) return undecodable(name, text, lineAt(text, bad, !isJson(name, text)));
  } else {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer());
    const d = decodeBytes(name, bytes);
    if (!d.ok) return undecodable(name, '', d.line, d.encoding);
    ({ text, encoding } = d);
  }
  let parsed: ParsedFile;
  if (isJson(name, text)) {
    parsed = await parseJson(name, text, ctx, onProgress);
    onProgress?.(1);
  } else parsed = await parseCsv(name, text, ctx, onProgress);
  return encoding ? { ...parsed, encoding } : parsed;
}

const isJson = (name: string, text: string) => {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  return /\.json$/i.test(name) || trimmed.startsWith('{') || trimmed.startsWith('[');
};

function undecodable(name: string, text: string, line: number, encoding?: Encoding): ParsedFile {
  return {
    name, kind: 'unknown', format: isJson(name, text) ? 'json' : 'csv', rowsRead: 0, valid: 0, errors: [], batch: {}, undecodable: { line, encoding },
    fatal: wording('import_undecodable', line, encoding ? wording(`import_encoding_${encoding.replace(/-/g, '_')}`) : 'UTF-8'),
  };
}
