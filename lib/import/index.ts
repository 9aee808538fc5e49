// Reading partners' files for import: kind detection, row-by-row validation with line numbers, the records.
// CSV (customers, invoices, spending, subscriptions) and JSON (Partner Center and Graph shapes, backups).
import { parseCsv } from './csv';
import { detectCsvKind } from './fields';
import { parseJson } from './json';
import type { FileKind, ParseContext, ParsedFile } from './types';

export type { FileKind, ParseContext, ParsedFile, RowError } from './types';

/** The kind a CSV header row shows. */
export function detectKind(headers: string[]): FileKind | 'unknown' {
  return detectCsvKind(headers);
}

export async function parseImportFile(name: string, input: string | Blob, ctx: ParseContext, onProgress?: (fraction: number) => void): Promise<ParsedFile> {
  onProgress?.(0);
  const text = typeof input === 'string' ? input : await input.text();
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const looksJson = /\.json$/i.test(name) || trimmed.startsWith('{') || trimmed.startsWith('[');
  if (looksJson) {
    const parsed = parseJson(name, text, ctx);
    onProgress?.(1);
    return parsed;
  }
  return parseCsv(name, text, ctx, onProgress);
}
