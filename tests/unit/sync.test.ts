// The team exchange (lib/sync) against an in-memory stand-in for the replica and the server: what reaches the
// store, what is kept aside, and each failure as a state in words that loses nothing and backs off.
// @vitest-environment node -- (Node's own Blob: fake-indexeddb clones it, happy-dom's comes back as a plain object)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTranslate } from '../../lib/i18n';
import { say } from '../../lib/wording';
import { acceptRequest } from '../../lib/messages';
import { commitImport, countUnshared, openStore, recordSeen, openSyncState, readAllSummaries, readCustomerDetail, readMeta, setChecklistItem, stampMember, writeSyncValue, type PrlDb } from '../../lib/db';
import { backoffSeconds, serverOrigin, type SyncConfig } from '../../lib/sync/config';
import { classify, createSync } from '../../lib/sync/engine';
import { compressBatch, decompressBatch } from '../../lib/sync/imports';
import type { Pouch } from '../../lib/sync/pouch';
import type { Changed } from '../../lib/messages';
import { FakeReplica } from './fake-replica';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const NOW = new Date('2026-11-25T10:00:00.000Z');
const config: SyncConfig = { url: 'https://couch.example.com', database: 'team', user: 'alice', password: 's3cret-pass' };

async function setup(answer: () => Promise<Response> = async () => new Response('{}', { status: 200 }), replica = new FakeReplica()) {
  const db = await openStore(`s-${Math.random()}`);
  const state = await openSyncState(`t-${Math.random()}`);
  const told: Changed[] = [];
  let now = NOW;
  const sync = createSync({
    db, state, now: () => now, broadcast: (c) => told.push(c),
    localReplica: () => replica as unknown as Pouch, remoteDatabase: () => replica as unknown as Pouch,
    fetch: () => answer(), hasPermission: async () => true,
  });
  await writeSyncValue(state, 'config', config);
  return { db, state, replica, told, sync, later: (s: number) => { now = new Date(now.getTime() + s * 1000); } };
}

const tick = (id: string, over: Record<string, unknown> = {}) => ({
  _id: id, v: 1, kind: 'tick', member: 'bob', by: 'Bob', at: '2026-11-25T09:00:00.000Z', tenantId: A, itemId: 'phone-contact', done: true, ...over,
});
const ticked = async (db: PrlDb) => (await readCustomerDetail(db, A)).checklist.find((c) => c.itemId === 'phone-contact')?.done;

describe('the server address', () => {
  it('must be HTTPS, except on this machine', () => {
    expect(serverOrigin('https://couch.example.com/')).toMatchObject({ ok: true, base: 'https://couch.example.com' });
    expect(serverOrigin('http://127.0.0.1:5984')).toMatchObject({ ok: true, origin: 'http://127.0.0.1:5984' });
    expect(serverOrigin('http://localhost:5984')).toMatchObject({ ok: true });
    expect(serverOrigin('http://couch.example.com')).toEqual({ ok: false, reason: 'sync_url_https' });
    expect(serverOrigin('https://alice:pw@couch.example.com')).toEqual({ ok: false, reason: 'sync_url_invalid' });
    expect(serverOrigin('couch')).toEqual({ ok: false, reason: 'sync_url_invalid' });
  });
});

describe('failures', () => {
  it('are each a state in words', () => {
    expect(classify({ status: 401 })).toEqual({ state: 'error', problem: 'sync_problem_auth' });
    expect(classify({ status: 403 })).toEqual({ state: 'error', problem: 'sync_problem_forbidden' });
    expect(classify({ status: 404 })).toEqual({ state: 'error', problem: 'sync_problem_no_database' });
    expect(classify({ status: 500 })).toEqual({ state: 'error', problem: 'sync_problem_server' });
    expect(classify({})).toEqual({ state: 'offline', problem: 'sync_problem_unreachable' });
    expect(classify({ timeout: true })).toEqual({ state: 'offline', problem: 'sync_problem_timeout' });
  });
  it('back off, up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffSeconds)).toEqual([5, 10, 20, 40, 60, 60, 60]);
  });

  it('a wrong password is an error that keeps every local change for later, and no credential in the state', async () => {
    let status = 401;
    const s = await setup(async () => new Response('{"error":"unauthorized"}', { status }));
    await stampMember(s.db, 'alice');
    await setChecklistItem(s.db, { tenantId: A, itemId: 'phone-contact', done: true, by: 'Alice', at: NOW.toISOString() });
    await s.sync.run();
    const brief = await s.sync.brief();
    expect(brief).toMatchObject({ state: 'error', problem: 'sync_problem_auth', httpStatus: 401, pending: 1 });
    expect(JSON.stringify(brief)).not.toContain(config.password);
    expect(s.replica.docs).toHaveLength(0);
    // Backing off: an automatic exchange waits; once the wait is over and the password is right, the tick goes.
    status = 200;
    await s.sync.nudge();
    expect((await s.sync.brief()).state).toBe('error');
    s.later(6);
    await s.sync.nudge();
    expect(await s.sync.brief()).toMatchObject({ state: 'ok', pending: 0 });
    expect(s.replica.docs.map((d) => d.doc.member)).toEqual(['alice']);
  });

  it('a server that cannot be reached is offline', async () => {
    const s = await setup(async () => { throw new TypeError('Failed to fetch'); });
    await s.sync.run();
    expect(await s.sync.brief()).toMatchObject({ state: 'offline', problem: 'sync_problem_unreachable' });
  });
});

describe('records from the server', () => {
  it('are applied when they pass the schemas; the others are kept aside with their id and reason, never blocking the rest', async () => {
    const s = await setup();
    s.replica.add({ _id: '_design/team', validate_doc_update: 'function(){}' });
    s.replica.add(tick('tick:<img src=x onerror=alert(1)>', { itemId: 7, done: 'yes' }));
    s.replica.add({ _id: 'weird', v: 1 });
    s.replica.add(tick('tick:good-1'));
    await s.sync.run();
    expect(await ticked(s.db)).toBe(true);
    const aside = await s.sync.readRejected();
    expect(aside.map((r) => r.id).sort()).toEqual(['tick:<img src=x onerror=alert(1)>', 'weird']);
    // In words: the record schemas' reason, which names the field at fault.
    const words = makeTranslate(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')));
    expect(say(words, aside.find((r) => r.id === 'weird')!.reason)).toMatch(/kind/);
    expect(say(words, aside.find((r) => r.id !== 'weird')!.reason)).toMatch(/itemId/);
    expect(s.told.some((c) => c.tenantIds?.includes(A) && c.what.includes('team'))).toBe(true);
    // The next exchange starts after them: nothing is applied twice, nothing new is kept aside.
    s.told.length = 0;
    await s.sync.run();
    expect(s.told).toEqual([]);
  });

  it('an import record is applied with the import code; a damaged one is kept aside', async () => {
    const s = await setup();
    const batch = { customers: [{ tenantId: A, name: 'Contoso', updatedAt: NOW.toISOString(), origin: 'import' as const }] };
    s.replica.add({ _id: 'import:0000000000-good', v: 1, kind: 'import', member: 'bob', by: 'Bob', at: NOW.toISOString(), rows: 1, kinds: ['customers'] }, await compressBatch(batch));
    s.replica.add({ _id: 'import:0000000000-bad', v: 1, kind: 'import', member: 'bob', by: 'Bob', at: NOW.toISOString(), rows: 1, kinds: ['customers'] }, new Blob(['not gzip']));
    await s.sync.run();
    expect((await readAllSummaries(s.db)).map((x) => x.customer?.name)).toEqual(['Contoso']);
    expect(await s.sync.readRejected()).toMatchObject([{ id: 'import:0000000000-bad', reason: { key: 'sync_rejected_import_unreadable' } }]);
  });

  it('a colleague\'s import was last imported when the colleague imported it, not when it arrived here', async () => {
    const s = await setup();
    const A2 = 'aaaaaaaa-0000-4000-8000-000000000002';
    const customers = { customers: [{ tenantId: A, name: 'Contoso', updatedAt: NOW.toISOString(), origin: 'import' as const }] };
    const invoices = { invoices: [{ tenantId: A, number: 'I1', issuedOn: '2026-09-01', dueOn: '2026-10-01', amount: 1000, paid: 0, currency: 'USD' }] };
    // Bob imported customers at 08:15 and invoices at 09:40; this browser applies both at 10:00.
    s.replica.add({ _id: 'import:0000000000-custs', v: 1, kind: 'import', member: 'bob', by: 'Bob', at: '2026-11-25T08:15:00.000Z', rows: 1, kinds: ['customers'] }, await compressBatch(customers));
    s.replica.add({ _id: 'import:0000000000-invs', v: 1, kind: 'import', member: 'bob', by: 'Bob', at: '2026-11-25T09:40:00.000Z', rows: 1, kinds: ['invoices'] }, await compressBatch(invoices));
    await s.sync.run();
    expect((await readMeta(s.db)).lastImport).toEqual({ customers: '2026-11-25T08:15:00.000Z', invoices: '2026-11-25T09:40:00.000Z' });
    expect((await readAllSummaries(s.db))[0].facts.openInvoices.map((i) => i.number)).toEqual(['I1']);
    // A colleague's clock ahead of this one: the import cannot have been made after it arrived here.
    s.replica.add({ _id: 'import:0000000000-ahead', v: 1, kind: 'import', member: 'bob', by: 'Bob', at: '2026-11-25T13:00:00.000Z', rows: 1, kinds: ['customers'] },
      await compressBatch({ customers: [{ tenantId: A2, name: 'Fabrikam', updatedAt: NOW.toISOString(), origin: 'import' as const }] }));
    await s.sync.run();
    expect((await readMeta(s.db)).lastImport.customers).toBe(NOW.toISOString());
  });

  it('an import kept while an exchange sends the records goes with that exchange, not the next', async () => {
    const s = await setup();
    await commitImport(s.db, { customers: [{ tenantId: A, name: 'Contoso', updatedAt: NOW.toISOString(), origin: 'import' }] }, NOW.toISOString());
    await stampMember(s.db, 'alice');
    await setChecklistItem(s.db, { tenantId: A, itemId: 'phone-contact', done: true, by: 'Alice', at: NOW.toISOString(), via: 'panel' });
    const { putPendingImport } = await import('../../lib/db');
    const batch = { invoices: [{ tenantId: A, number: 'I1', issuedOn: '2026-09-01', dueOn: '2026-10-01', amount: 1000, paid: 0, currency: 'USD' }] };
    const gz = await compressBatch(batch);
    // The import page hands its import over while the exchange is putting the tick into the replica.
    const bulkDocs = s.replica.bulkDocs.bind(s.replica);
    s.replica.bulkDocs = async (docs) => {
      await putPendingImport(s.state, { _id: 'import:0000000000-during', at: NOW.toISOString(), by: 'Alice', rows: 1, kinds: ['invoices'], gz });
      return bulkDocs(docs);
    };
    await s.sync.run();
    expect(s.replica.docs.map((d) => d.doc.kind)).toEqual(['tick', 'import']);
    expect((await s.sync.brief()).pending).toBe(0);
  });

  it('a colleague\'s import naming a customer this store does not know is kept aside, and the records after it still arrive', async () => {
    const s = await setup();
    const stranger = 'cccccccc-0000-4000-8000-000000000003';
    s.replica.add({ _id: 'import:0000000000-stranger', v: 1, kind: 'import', member: 'bob', by: 'Bob', at: NOW.toISOString(), rows: 1, kinds: ['invoices'] },
      await compressBatch({ invoices: [{ tenantId: stranger, number: 'I1', issuedOn: '2026-09-01', dueOn: '2026-10-01', amount: 1000, paid: 0, currency: 'USD' }] }));
    s.replica.add(tick('tick:after-the-import'));
    await s.sync.run();
    expect((await s.sync.brief()).state).toBe('ok');
    expect(await ticked(s.db)).toBe(true);
    expect(await s.sync.readRejected()).toMatchObject([{ id: 'import:0000000000-stranger', reason: { key: 'import_tenant_unknown', subs: [stranger] } }]);
  });

  it('an import made here is shared once and not applied again when it comes back', async () => {
    const s = await setup();
    const batch = { customers: [{ tenantId: A, name: 'Contoso', updatedAt: NOW.toISOString(), origin: 'import' as const }] };
    await commitImport(s.db, batch, NOW.toISOString());
    const { putPendingImport } = await import('../../lib/db');
    await putPendingImport(s.state, { _id: 'import:0000000000-mine', at: NOW.toISOString(), by: 'Alice', rows: 1, kinds: ['customers'], gz: await compressBatch(batch) });
    expect((await s.sync.brief()).pending).toBe(1);
    await s.sync.run();
    expect(s.replica.docs.map((d) => d.id)).toEqual(['import:0000000000-mine']);
    expect(s.told.filter((c) => c.what.includes('import'))).toEqual([]);
    expect((await s.sync.brief()).pending).toBe(0);
  });
});

describe('a member with local data who joins', () => {
  const B = 'bbbbbbbb-0000-4000-8000-000000000002';
  const customer = (tenantId: string, name: string) => ({ tenantId, name, updatedAt: NOW.toISOString(), origin: 'import' as const });
  const invoice = (tenantId: string, number: string, paid: number) => ({ tenantId, number, issuedOn: '2026-09-01', dueOn: '2026-10-01', amount: 1000, paid, currency: 'USD' });
  const invoices = async (db: PrlDb) => (await readAllSummaries(db)).flatMap((x) => x.facts.openInvoices.map((i) => `${x.tenantId.slice(0, 1)} ${i.number} ${i.balance}`)).sort();

  it('loses nothing and shares the imports made before joining, once; what the team imported since is kept', async () => {
    const server = new FakeReplica();
    // Bob's browser is in the team and imported invoices after Alice's import: his newer invoice state stays.
    const bob = await setup(undefined, server);
    await commitImport(bob.db, { customers: [customer(A, 'Contoso')], invoices: [invoice(A, 'I1', 1000)] }, '2026-11-25T09:30:00.000Z');
    await recordSeen(bob.db, [{ tenantId: B, name: 'Fabrikam' }], NOW.toISOString()); // only seen in the portal
    // Alice imported alone at 09:00 (Contoso's I1 still unpaid, and Fabrikam with I2), then joins.
    const alice = await setup(undefined, server);
    await commitImport(alice.db, { customers: [customer(A, 'Contoso'), customer(B, 'Fabrikam')], invoices: [invoice(A, 'I1', 0), invoice(B, 'I2', 0)] }, '2026-11-25T09:00:00.000Z');
    await alice.sync.connect(config);
    expect(await invoices(alice.db)).toEqual(['a I1 1000', 'b I2 1000']);
    expect(server.docs.filter((d) => d.doc.kind === 'import')).toHaveLength(1);
    expect((await alice.sync.brief()).pending).toBe(0);
    // Her import arrives in Bob's store as any import does; his later invoices import wins for I1.
    await bob.sync.run();
    expect(await bob.sync.readRejected()).toEqual([]);
    expect(await invoices(bob.db)).toEqual(['b I2 1000']);
    expect((await readAllSummaries(bob.db)).map((x) => `${x.customer?.name} ${x.customer?.origin}`).sort()).toEqual(['Contoso import', 'Fabrikam import']);
    expect(bob.told.some((c) => c.what.includes('import'))).toBe(true);
    // Typing the password again is not a new join: nothing is sent twice.
    await alice.sync.connect(config);
    expect(server.docs.filter((d) => d.doc.kind === 'import')).toHaveLength(1);
  });

  it('with nothing imported sends no import record', async () => {
    const s = await setup();
    await s.sync.connect(config);
    expect(s.replica.docs).toEqual([]);
  });
});

describe('a receivables import while connected', () => {
  it('does not hold the team records: what is not yet shared is counted while it is written', async () => {
    const s = await setup();
    await commitImport(s.db, { customers: [{ tenantId: A, name: 'Contoso', updatedAt: NOW.toISOString(), origin: 'import' }] }, NOW.toISOString());
    const invoices = Array.from({ length: 3000 }, (_, i) => ({ tenantId: A, number: `I${i}`, issuedOn: '2026-09-01', dueOn: '2026-10-01', amount: 1000, paid: 0, currency: 'USD' }));
    const order: string[] = [];
    const written = commitImport(s.db, { invoices }, NOW.toISOString()).then(() => order.push('import'));
    await countUnshared(s.db).then(() => order.push('count'));
    await written;
    expect(order).toEqual(['count', 'import']);
  });
});

describe('the connect and disconnect messages', () => {
  it('are accepted only from the extension\'s pages, and checked', () => {
    expect(acceptRequest({ type: 'sync.connect', config }, 'extension-page').ok).toBe(true);
    expect(acceptRequest({ type: 'sync.connect', config }, 'content-script')).toMatchObject({ ok: false });
    expect(acceptRequest({ type: 'sync.disconnect' }, 'content-script')).toMatchObject({ ok: false });
    expect(acceptRequest({ type: 'sync.connect', config: { ...config, database: 'Not A Name' } }, 'extension-page')).toMatchObject({ ok: false });
    expect(acceptRequest({ type: 'sync.ping' }, 'content-script').ok).toBe(true);
  });
});

describe('import batches', () => {
  it('round-trip compressed, and a batch that fails the import schemas is refused', async () => {
    const batch = { invoices: [{ tenantId: A, number: 'I1', issuedOn: '2026-10-01', dueOn: '2026-10-31', amount: 1025, paid: 0, currency: 'USD' }] };
    expect(await decompressBatch(await compressBatch(batch as never))).toEqual({ ok: true, batch });
    const bad = await compressBatch({ invoices: [{ tenantId: 'x', amount: 'lots' }] } as never);
    expect(await decompressBatch(bad)).toEqual({ ok: false, reason: 'sync_rejected_import_invalid' });
  });
});
