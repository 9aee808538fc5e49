// An import made here goes to the team's server while this store writes it (lib/sync/share), and the worker's
// exchange (lib/sync/engine) never applies it here a second time, applies the team's copy when this store's own
// commit failed, and falls back to its outbox when the server could not take the upload.
// @vitest-environment node -- (Node's own Blob: fake-indexeddb clones it, happy-dom's comes back as a plain object)
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { commitImport, openStore, openSyncState, readAllSummaries, readOwnImport, readOwnImports, readPendingImports, writeOwnImport, writeSyncValue } from '../../lib/db';
import { makeTranslate } from '../../lib/i18n';
import type { Changed } from '../../lib/messages';
import type { SyncConfig } from '../../lib/sync/config';
import { createSync } from '../../lib/sync/engine';
import type { Pouch } from '../../lib/sync/pouch';
import { commitAndShare, OWN_COMMIT_STALE_MS } from '../../lib/sync/share';
import { say, WordedError } from '../../lib/wording';
import { FakeReplica } from './fake-replica';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const NOW = new Date('2026-11-25T10:00:00.000Z');
const AT = NOW.toISOString();
const config: SyncConfig = { url: 'https://couch.example.com', database: 'team', user: 'alice', password: 's3cret-pass' };
const batch = { customers: [{ tenantId: A, name: 'Contoso', updatedAt: AT, origin: 'import' as const }] };
const names = async (db: Awaited<ReturnType<typeof openStore>>) => (await readAllSummaries(db)).map((s) => s.customer?.name);
const quotaFull = () => Object.assign(new Error(''), { name: 'QuotaExceededError' });

/** This browser (its store, its team state, its worker's exchange) and the team's server, with the upload's answer. */
async function setup(upload?: (url: string, init: RequestInit) => Promise<Response>, connected = true) {
  const db = await openStore(`s-${Math.random()}`);
  const state = await openSyncState(`t-${Math.random()}`);
  const server = new FakeReplica();
  const told: Changed[] = [];
  let now = NOW;
  const sync = createSync({
    db, state, now: () => now, broadcast: (c) => told.push(c),
    localReplica: () => server as unknown as Pouch, remoteDatabase: () => server as unknown as Pouch,
    fetch: async () => new Response('{}', { status: 200 }), hasPermission: async () => true,
  });
  if (connected) await writeSyncValue(state, 'config', config);
  const fetch = vi.fn(upload ?? ((url: string, init: RequestInit) => server.http(url, init)));
  let n = 0;
  const deps = { state, fetch, now: () => now, newId: () => `0000000000-${++n}` };
  const importHere = (commit = () => commitImport(db, batch, AT)) => commitAndShare(deps, batch, 'Alice', AT, commit);
  return { db, state, server, told, sync, fetch, importHere, later: (ms: number) => { now = new Date(now.getTime() + ms); } };
}

describe('an import made while connected', () => {
  it('is marked as this browser\'s own before its commit starts, goes to the server as an import record, and is not applied again when it comes back', async () => {
    const s = await setup();
    let markedFirst: unknown;
    await s.importHere(async () => {
      markedFirst = await readOwnImport(s.state, 'import:0000000000-1');
      return commitImport(s.db, batch, AT);
    });
    expect(markedFirst).toMatchObject({ state: 'committing' });
    // One PUT, with the member's credentials, of the record the worker would have replicated.
    expect(s.fetch).toHaveBeenCalledTimes(1);
    expect(s.server.requests[0]).toMatchObject({ method: 'PUT', url: 'https://couch.example.com/team/import%3A0000000000-1' });
    expect(s.server.requests[0].headers.authorization).toMatch(/^Basic /);
    expect(s.server.docs.map((d) => d.doc)).toEqual([{ _id: 'import:0000000000-1', v: 1, kind: 'import', member: 'alice', by: 'Alice', at: AT, rows: 1, kinds: ['customers'] }]);
    expect(await readPendingImports(s.state)).toEqual([]);
    expect(await readOwnImport(s.state, 'import:0000000000-1')).toMatchObject({ state: 'applied' });
    // The worker pulls it back: nothing applied, nothing announced, nothing kept aside, and its mark is settled.
    await s.sync.run();
    expect(s.told.filter((c) => c.what.includes('import'))).toEqual([]);
    expect(await s.sync.readRejected()).toEqual([]);
    expect(await readOwnImports(s.state)).toEqual([]);
    expect(await s.sync.brief()).toMatchObject({ state: 'ok', pending: 0 });
    await s.sync.run();
    expect(s.told.filter((c) => c.what.includes('import'))).toEqual([]);
  });

  it('is not applied by an exchange that pulls it while this store is still writing it', async () => {
    const s = await setup();
    await s.importHere(async () => {
      // The worker's exchange runs while the import page writes: the record is on the server already.
      await vi.waitFor(() => expect(s.server.docs).toHaveLength(1));
      await s.sync.run();
      return commitImport(s.db, batch, AT);
    });
    expect(s.told.filter((c) => c.what.includes('import'))).toEqual([]);
    await s.sync.run();
    expect(s.told.filter((c) => c.what.includes('import'))).toEqual([]);
    expect(await readOwnImports(s.state)).toEqual([]);
  });

  it('whose commit fails here stays with the team, says so in both languages, and is applied here at a later exchange', async () => {
    const s = await setup();
    const failed = await s.importHere(async () => { throw quotaFull(); }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WordedError);
    expect((failed as WordedError).text).toMatchObject({ key: 'import_failed_shared', subs: [{ key: 'error_no_storage' }] });
    for (const lang of ['en', 'fr']) {
      const t = makeTranslate(JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')));
      const words = say(t, (failed as WordedError).text);
      expect(words).toContain(t('error_no_storage'));
      expect(words).toContain(t('sync_title'));
    }
    expect(await names(s.db)).toEqual([]);
    expect(s.server.docs).toHaveLength(1);
    expect(await readOwnImport(s.state, 'import:0000000000-1')).toMatchObject({ state: 'failed' });
    // The worker's next exchange applies the team's copy: nothing is lost, and it is announced as an import.
    await s.sync.run();
    expect(await names(s.db)).toEqual(['Contoso']);
    expect(s.told.filter((c) => c.what.includes('import'))).toHaveLength(1);
    expect(await readOwnImports(s.state)).toEqual([]);
    await s.sync.run();
    expect(s.told.filter((c) => c.what.includes('import'))).toHaveLength(1);
  });

  it('left "being written" by a page closed mid-write is applied from the team\'s copy once that is clearly over', async () => {
    const s = await setup();
    await s.server.http('https://couch.example.com/team/import%3Aclosed-page-1', { method: 'PUT', body: JSON.stringify({
      _id: 'import:closed-page-1', v: 1, kind: 'import', member: 'alice', by: 'Alice', at: AT, rows: 1, kinds: ['customers'],
      _attachments: { 'batch.json.gz': { content_type: 'application/gzip', data: Buffer.from(await (await (await import('../../lib/sync/imports')).compressBatch(batch)).arrayBuffer()).toString('base64') } },
    }) });
    await writeOwnImport(s.state, 'import:closed-page-1', { state: 'committing', since: AT });
    await s.sync.run();
    expect(await names(s.db)).toEqual([]);
    s.later(OWN_COMMIT_STALE_MS + 1000);
    await s.sync.run();
    expect(await names(s.db)).toEqual(['Contoso']);
    expect(await readOwnImports(s.state)).toEqual([]);
  });
});

describe('when the server cannot take the upload', () => {
  for (const [what, answer] of [
    ['refuses the password (401)', async () => new Response('{"error":"unauthorized"}', { status: 401 })],
    ['refuses the member (403)', async () => new Response('{"error":"forbidden"}', { status: 403 })],
    ['cannot be reached', async () => { throw new TypeError('Failed to fetch'); }],
  ] as const) {
    it(`(it ${what}) the import waits in the outbox and the worker shares it, once`, async () => {
      const s = await setup(answer);
      await s.importHere();
      expect(await names(s.db)).toEqual(['Contoso']);
      expect((await readPendingImports(s.state)).map((p) => p._id)).toEqual(['import:0000000000-1']);
      expect((await s.sync.brief()).pending).toBe(1);
      await s.sync.run();
      expect(s.server.docs.map((d) => d.id)).toEqual(['import:0000000000-1']);
      expect(await s.sync.brief()).toMatchObject({ state: 'ok', pending: 0 });
      expect(s.told.filter((c) => c.what.includes('import'))).toEqual([]);
    });
  }

  it('and the commit fails too, nothing is kept for the team and the error is the commit\'s', async () => {
    const s = await setup(async () => new Response('{}', { status: 503 }));
    const cause = quotaFull();
    await expect(s.importHere(async () => { throw cause; })).rejects.toBe(cause);
    expect(await readPendingImports(s.state)).toEqual([]);
    expect(await readOwnImports(s.state)).toEqual([]);
  });

  it('but took it without its answer reaching the page, the worker does not push the same record a second time', async () => {
    const s = await setup();
    s.fetch.mockImplementationOnce(async (url, init) => { await s.server.http(url, init); throw new TypeError('network changed'); });
    await s.importHere();
    expect(await readPendingImports(s.state)).toHaveLength(1);
    const put = vi.spyOn(s.server, 'put');
    await s.sync.run();
    expect(put).not.toHaveBeenCalled();
    expect(s.server.docs).toHaveLength(1);
    expect(await s.sync.brief()).toMatchObject({ state: 'ok', pending: 0 });
  });
});

describe('an import made while not connected', () => {
  it('is this store\'s commit alone: nothing is sent, marked or kept', async () => {
    const s = await setup(undefined, false);
    await s.importHere();
    expect(await names(s.db)).toEqual(['Contoso']);
    expect(s.fetch).not.toHaveBeenCalled();
    expect(await readOwnImports(s.state)).toEqual([]);
    expect(await readPendingImports(s.state)).toEqual([]);
  });
});
