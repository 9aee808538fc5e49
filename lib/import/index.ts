// Reading partners' files for import: kind detection, row-by-row validation with line numbers, the records.
// CSV (customers, invoices, spending, subscriptions) and JSON (Partner Center and Graph shapes, backups).
// Pure: no extension API; the options page and the tests call it alike.
import { parseCsv } from './csv';
import { detectCsvKind } from './fields';
import { parseJson } from './json';
import type { FileKind, ParseContext, ParsedFile } from './types';

export type { FileKind, ParseContext, ParsedFile, RowError } from './types';

/** The kind a CSV header row shows (headers matched without case, spaces or `_ - . / ( ) # :`, with synonyms). */
export function detectKind(headers: string[]): FileKind | 'unknown' {
  return detectCsvKind(headers);
}

/**
 * Reads one file. JSON when the name ends in `.json` or the text starts with `{` or `[`, CSV otherwise.
 * Never throws for what a file holds: a file that cannot be read at all comes back with `fatal`.
 * `onProgress` gets 0 first, fractions while a large file is read, and 1 at the end.
 */
export async function parseImportFile(name: string, input: string | Blob, ctx: ParseContext, onProgress?: (fraction: number) => void): Promise<ParsedFile> {
  onProgress?.(0);
  const text = typeof input === 'string' ? input : await input.text();
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const looksJson = /\.json$/i.test(name) || trimmed.startsWith('{') || trimmed.startsWith('[');
  if (looksJson) {
    const parsed = await parseJson(name, text, ctx, onProgress);
    onProgress?.(1);
    return parsed;
  }
  return parseCsv(name, text, ctx, onProgress);
}
