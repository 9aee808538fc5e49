// Two browsers' stores and a server between them (a Map): what the team-store tests share.
import { applyRemoteRecords, commitImport, markShared, openStore, readAllSummaries, unsharedRecords, type PrlDb } from '../../lib/db';
import type { Alert, Customer } from '../../lib/schema';
import type { TeamRecord } from '../../lib/team/record';

export const A = 'aaaaaaaa-0000-4000-8000-000000000001';
export const B = 'bbbbbbbb-0000-4000-8000-000000000002';
export const T = (min: number) => new Date(Date.parse('2026-11-25T10:00:00.000Z') + min * 60_000).toISOString();
export const customer = (tenantId: string, name: string): Customer => ({ tenantId, name, updatedAt: T(0), origin: 'import' });
export const alert: Alert = { id: 'e1', source: 'graph', tenantId: A, type: 'CryptoMining', name: 'Mining', status: 'active', detectedAt: T(0), isTest: false };

/** A browser with the same imported customers as its colleagues (imports are shared apart from records). */
export async function browser(name: string): Promise<PrlDb> {
  const db = await openStore(name);
  await commitImport(db, { customers: [customer(A, 'Contoso'), customer(B, 'Fabrikam')], alerts: [alert], alertCustomers: [] }, T(0));
  return db;
}

/** The server: every record ever pushed, by id (add-only, as CouchDB with the team's validate_doc_update). */
export class Server {
  docs = new Map<string, TeamRecord>();
  async push(db: PrlDb) {
    const rs = await unsharedRecords(db, 10_000);
    for (const r of rs) if (!this.docs.has(r._id)) this.docs.set(r._id, structuredClone(r));
    await markShared(db, rs.map((r) => r._id));
  }
  pull(db: PrlDb) { return applyRemoteRecords(db, [...this.docs.values()].map((r) => structuredClone(r))); }
}

/** What a person sees: the checklist, each item's history as who/when/to, summaries' facts, flags, triage, alert status. */
export async function readModel(db: PrlDb) {
  const sortBy = <R>(rs: R[], k: (r: R) => string) => [...rs].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
  const history = (await db.getAll('checklistHistory')).map(({ id: _, ...h }) => h);
  return {
    checklist: sortBy(await db.getAll('checklist'), (e) => `${e.tenantId} ${e.itemId}`),
    history: sortBy(history, (h) => `${h.tenantId} ${h.itemId} ${h.at} ${h.by}`),
    summaries: (await readAllSummaries(db)).map((s) => s.facts),
    flags: await db.getAll('flags'),
    triage: await db.getAll('triage'),
    alerts: (await db.getAll('alerts')).map((a) => a.staff),
    customers: (await db.getAll('customers')).map(({ updatedAt: _, ...c }) => c),
  };
}
