// Imports reach the team as one record each: the batch of checked rows, gzip-compressed, as the record's attachment.
// Every browser applies it with the same import code (commitImport), so the team's stores end alike.
import * as z from 'zod/mini';
import { Alert, Customer, Invoice, IsoDateTime, Spending, Subscription } from '../schema';
import { DATA_KINDS } from '../import/kinds';
import { commitImport, ImportCommitError, type ImportBatch, type PrlDb } from '../db';

export const IMPORT_ATTACHMENT = 'batch.json.gz';

export const ImportBatchSchema = z.object({
  customers: z.optional(z.array(Customer)),
  invoices: z.optional(z.array(Invoice)),
  invoicesAreSnapshot: z.optional(z.boolean()),
  spending: z.optional(z.array(Spending)),
  subscriptions: z.optional(z.array(Subscription)),
  alerts: z.optional(z.array(Alert)),
  alertCustomers: z.optional(z.array(z.object({ tenantId: z.string(), name: z.string() }))),
  importedAt: z.optional(z.partialRecord(z.enum(DATA_KINDS), IsoDateTime)),
});

/** The import record's own fields (the batch is its attachment). */
export const ImportRecord = z.object({
  _id: z.string().check(z.regex(/^import:[A-Za-z0-9-]{8,80}$/)),
  v: z.literal(1),
  kind: z.literal('import'),
  member: z.string().check(z.minLength(1), z.maxLength(200)),
  by: z.string().check(z.maxLength(100)),
  at: z.string().check(z.maxLength(40)),
  rows: z.number(),
  kinds: z.array(z.string().check(z.maxLength(20))).check(z.maxLength(10)),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

export function rowsOf(b: ImportBatch): number {
  return (b.customers?.length ?? 0) + (b.invoices?.length ?? 0) + (b.spending?.length ?? 0) + (b.subscriptions?.length ?? 0) + (b.alerts?.length ?? 0);
}
export function kindsOf(b: ImportBatch): string[] {
  return (['customers', 'invoices', 'spending', 'subscriptions', 'alerts'] as const).filter((k) => b[k]?.length);
}

/**
 * The batch as its importer made it: each kind it holds was imported when the import record says (`at`), not when
 * this browser applies it, so every member's "last imported" is the importer's time, and an import this store made
 * since keeps its records (commitImport's rule for older data). A time that is no date-time, or that lies after
 * `appliedAt` (the importer's clock ahead), counts as `appliedAt`. Times the batch carries itself (a join's batch
 * says when each kind was last imported) are kept.
 */
export function asImportedAt(batch: ImportBatch, at: string, appliedAt: string): ImportBatch {
  const when = IsoDateTime.safeParse(at).success && Date.parse(at) < Date.parse(appliedAt) ? new Date(at).toISOString() : appliedAt;
  const importedAt = Object.fromEntries(DATA_KINDS.filter((k) => batch[k]?.length).map((k) => [k, batch.importedAt?.[k] ?? when]));
  return { ...batch, importedAt };
}

export async function compressBatch(b: ImportBatch): Promise<Blob> {
  const stream = new Blob([JSON.stringify(b)]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).blob();
}

/** The batch of an import record's attachment, checked with the import schemas; a reason key when it is not one. */
export async function decompressBatch(gz: Blob): Promise<{ ok: true; batch: ImportBatch } | { ok: false; reason: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await new Response(gz.stream().pipeThrough(new DecompressionStream('gzip'))).text());
  } catch {
    return { ok: false, reason: 'sync_rejected_import_unreadable' };
  }
  const parsed = ImportBatchSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'sync_rejected_import_invalid' };
  return { ok: true, batch: parsed.data as ImportBatch };
}

/**
 * Applies an import record's batch (its attachment, gz) with the import code, stamped with the importer's time `at`
 * (see asImportedAt). Why not, as a message key and values, when this store cannot take it: unreadable, not a batch,
 * or naming a customer this store does not know (kept aside: retried at every exchange, it would hold the team's
 * records behind it for ever). Other failures (storage) are thrown, and the exchange tries again later.
 */
export async function applyImport(db: PrlDb, gz: Blob | undefined, at: string, appliedAt: string): Promise<{ key: string; subs: Array<string | number> } | undefined> {
  const batch = gz ? await decompressBatch(gz) : { ok: false as const, reason: 'sync_rejected_import_unreadable' };
  if (!batch.ok) return { key: batch.reason, subs: [] };
  try {
    await commitImport(db, asImportedAt(batch.batch, at, appliedAt), appliedAt);
    return undefined;
  } catch (e) {
    if (!(e instanceof ImportCommitError)) throw e;
    return { key: e.text.key, subs: e.text.subs.map((x) => (typeof x === 'object' ? JSON.stringify(x) : x)) };
  }
}
