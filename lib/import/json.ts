// JSON files partners save from Microsoft's APIs, and our own backup: detected by shape, read item by item.
// Shapes: Partner Center customer collection {items:[{id, companyProfile, billingProfile?}]} or one customer;
// subscription collection {items:[{id, offerName, status, creationDate, links.self.uri}]} or one subscription;
// customer usage summary {resourceId, budget.amount, totalCost, currencyCode, lastModifiedDate} (or a
// collection of them); fraud events [{eventId, customerTenantId, eventTime, eventStatus, …}]; Graph partner
// security alerts {value:[{id, customerTenantId, detectedDateTime, status, …}]}; Partner Risk Lens backups.
// Each shape is a format module under formats/ (see registry.ts). Errors name the item counting from 1 ("item 3: …").
import { isObj, type Item, type Obj } from './json-items';
import { jsonFormatOf } from './registry';
import type { ParseContext, ParsedFile, RowError } from './types';
import { wording } from '../wording';

const ITEMS_PER_SLICE = 5000;
const yieldToPage = () => new Promise<void>((ok) => setTimeout(ok, 0));

/**
 * The JSON text with every number written as a string of its own digits, so that amounts reach their reader
 * as written (`28.82860766744404945074`, `1e-7`): JSON.parse would first round them to binary floating point.
 * Strings are matched whole first, so digits inside them are left alone.
 */
export function numbersAsText(json: string): string {
  return json.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (m) => (m[0] === '"' ? m : `"${m}"`));
}

/** Where JSON.parse stopped, as line and column (from 1), read from the engine's message; undefined when it does not say. */
function jsonBreak(text: string, why: string): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(why);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(why)?.[1] ?? (/end of JSON input/.test(why) ? String(text.length) : undefined);
  if (pos === undefined) return undefined;
  const before = text.slice(0, Number(pos));
  return { line: before.split('\n').length, column: Number(pos) - before.lastIndexOf('\n') };
}

export async function parseJson(name: string, text: string, ctx: ParseContext, onProgress?: (f: number) => void): Promise<ParsedFile> {
  const base = { name, format: 'json' as const, rowsRead: 0, valid: 0, errors: [] as RowError[], batch: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    // The engine's own words are English: staff are told where the file breaks, in their language.
    const at = jsonBreak(text, why);
    return { ...base, kind: 'unknown', fatal: at ? wording('import_json_invalid_at', at.line, at.column) : wording('import_json_invalid_here') };
  }
  const shape = jsonFormatOf(raw);
  if (!shape) {
    const empty = (Array.isArray(raw) && !raw.length) || (isObj(raw) && ((Array.isArray(raw.items) && !raw.items.length) || (Array.isArray(raw.value) && !raw.value.length)));
    return { ...base, kind: 'unknown', fatal: wording(empty ? 'import_json_empty' : 'import_json_unknown') };
  }
  if ('whole' in shape) return { ...base, kind: shape.whole.kind, ...shape.whole.parse(raw) };
  const { format } = shape;
  // Microsoft's unrounded amounts: read again with every number as its text.
  const items = (format.numbersAsText ? format.detect(JSON.parse(numbersAsText(text.replace(/^\uFEFF/, '')))) : undefined) ?? shape.items;
  const byKey = new Map<string, Obj>();
  const customers = new Map<string, { tenantId: string; name: string }>();
  const errors: RowError[] = [];
  let valid = 0;
  for (const [i, item] of items.entries()) {
    if (i > 0 && i % ITEMS_PER_SLICE === 0) {
      onProgress?.(i / items.length);
      await yieldToPage();
    }
    const r: Item = isObj(item) ? format.parse(item, ctx) : { ok: false, texts: [wording('import_item_not_object')] };
    if (!r.ok) { errors.push({ line: i + 1, message: wording('import_item_problems', i + 1, { list: r.texts }) }); continue; }
    valid++;
    const rec = r.record as Obj;
    byKey.set(format.key(rec), rec);
    // Graph alerts name no customer: a fraud event's friendly name wins over an empty one.
    if (r.customer && !customers.get(r.customer.tenantId)?.name) customers.set(r.customer.tenantId, r.customer);
  }
  const records = [...byKey.values()];
  const batch = { [format.kind]: records, ...(format.namesCustomers ? { alertCustomers: [...customers.values()] } : {}) };
  return { ...base, kind: format.kind, rowsRead: shape.items.length, valid, errors, batch };
}
