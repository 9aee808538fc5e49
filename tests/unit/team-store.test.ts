// Two browsers' stores exchanging team records through a server (a Map here): none lost, the same read model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecision, applyRemoteRecords, commitImport, readAuditRecords, countUnshared, markShared, openStore, putFlag, readAllSummaries, readCustomerDetail,
  readSettings, recordSeen, resolveFlag, saveSettings, setChecklistItem, stampMember, triageAlert, unsharedRecords, updateCustomer, updateTriage,
} from '../../lib/db';
import type { PromiseRecord, VerdictRecord } from '../../lib/schema';
import { auditRows } from '../../lib/audit';
import { foldRecords } from '../../lib/team/fold';
import { parseTeamRecord } from '../../lib/team/record';
import { A, B, T, alert, browser, customer, readModel, Server } from './team-browsers';

describe('team records between two browsers', () => {
  it('converges after both ticked offline, the same item and different items, and the history holds every tick', async () => {
    const [ana, bob] = [await browser('ana'), await browser('bob')];
    const server = new Server();
    await setChecklistItem(ana, { tenantId: A, itemId: 'phone-contact', done: true, by: 'Ana', at: T(1), via: 'panel' });
    await setChecklistItem(bob, { tenantId: A, itemId: 'phone-contact', done: false, by: 'Bob', at: T(3), note: 'no answer' });
    await setChecklistItem(ana, { tenantId: A, itemId: 'background-check', done: true, by: 'Ana', at: T(2) });
    await setChecklistItem(bob, { tenantId: B, itemId: 'sms-verification', done: true, by: 'Bob', at: T(1) });
    // Both join and reconnect; each sends, then each receives (Ana first gets only her own records back).
    expect(await stampMember(ana, 'ana')).toBe(2);
    expect(await stampMember(bob, 'bob')).toBe(2);
    await server.push(ana);
    await server.pull(ana);
    await server.push(bob);
    expect(await server.pull(bob)).toEqual({ tenants: [A], settings: false });
    await server.pull(ana);
    const [a, b] = [await readModel(ana), await readModel(bob)];
    expect(a).toEqual(b);
    expect(a.checklist.map((e) => [e.tenantId, e.itemId, e.done, e.by])).toEqual([
      [A, 'background-check', true, 'Ana'], [A, 'phone-contact', false, 'Bob'], [B, 'sms-verification', true, 'Bob'],
    ]);
    expect(a.history.map((h) => [h.itemId, h.by, h.from, h.to])).toEqual([
      ['background-check', 'Ana', false, true], ['phone-contact', 'Ana', false, true], ['phone-contact', 'Bob', true, false], ['sms-verification', 'Bob', false, true],
    ]);
    expect(a.summaries.find((f) => f.checklist['phone-contact'])!.checklist['phone-contact']).toEqual({ done: false, by: 'Bob', at: T(3) });
    expect(await countUnshared(ana)).toBe(0);
    expect(await countUnshared(bob)).toBe(0);
  });

  it('converges whatever the ticks, their times (ties included) and the order the two browsers exchange in', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ who: fc.constantFrom(0, 1), item: fc.constantFrom('phone-contact', 'dunning', 'sms-verification'), done: fc.boolean(), ms: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 12 }),
      fc.array(fc.constantFrom('push0', 'push1', 'pull0', 'pull1'), { maxLength: 6 }),
      async (ticks, early) => {
        run++;
        const dbs = [await browser(`p${run}a`), await browser(`p${run}b`)];
        await stampMember(dbs[0], 'ana');
        await stampMember(dbs[1], 'bob');
        const server = new Server();
        for (const [i, t] of ticks.entries()) {
          await setChecklistItem(dbs[t.who], { tenantId: A, itemId: t.item, done: t.done, by: t.who ? 'Bob' : 'Ana', at: new Date(Date.parse(T(0)) + t.ms).toISOString() });
          // Some exchanges happen while others still tick.
          const step = early[i];
          if (step) await (step.startsWith('push') ? server.push(dbs[+step.slice(4)]) : server.pull(dbs[+step.slice(4)]));
        }
        for (const db of dbs) await server.push(db);
        for (const db of dbs) await server.pull(db);
        // The same state and the same changes in both histories. (A tick that reached its own store after a newer
        // one keeps the place and `from` it got there, as the store always did; the other browser orders it by time.)
        const [a, b] = [await readModel(dbs[0]), await readModel(dbs[1])];
        const changes = (m: typeof a) => m.history.map(({ from: _, ...h }) => h);
        expect(changes(a)).toEqual(changes(b));
        expect({ ...a, history: [] }).toEqual({ ...b, history: [] });
        expect(a.history).toHaveLength(ticks.length);
        const folded = foldRecords([...server.docs.values()]);
        for (const e of a.checklist) expect(folded.get(`tick ${A} ${e.itemId}`)).toMatchObject({ done: e.done, by: e.by, at: e.at });
        for (const db of dbs) db.close();
      },
    ), { numRuns: 60 });
  });

  it('never lets an older record overwrite a newer state, yet keeps it in the history; a record seen twice counts once', async () => {
    const [ana, bob] = [await browser('ana'), await browser('bob')];
    const server = new Server();
    await setChecklistItem(bob, { tenantId: A, itemId: 'dunning', done: true, by: 'Bob', at: T(1) });
    await setChecklistItem(ana, { tenantId: A, itemId: 'dunning', done: false, by: 'Ana', at: T(9) });
    await server.push(bob);
    const before = await readAllSummaries(ana);
    expect(await server.pull(ana)).toEqual({ tenants: [A], settings: false });
    expect(await ana.get('checklist', [A, 'dunning'])).toMatchObject({ done: false, by: 'Ana', at: T(9) });
    expect(await readAllSummaries(ana)).toEqual(before);
    expect((await readCustomerDetail(ana, A)).history.map((h) => [h.by, h.to])).toEqual([['Bob', true], ['Ana', false]]);
    // The same records again (a replication that restarted): nothing changes, nothing is added.
    expect(await server.pull(ana)).toEqual({ tenants: [], settings: false });
    expect(await ana.count('checklistHistory')).toBe(2);
    expect(await ana.count('teamRecords')).toBe(2);
  });

  it('carries facts, flags and their resolution, triage, alert status and team-wide settings; language and staff name stay personal', async () => {
    const [ana, bob] = [await browser('ana'), await browser('bob')];
    const server = new Server();
    await saveSettings(bob, { ...(await readSettings(bob)), staffName: 'Bob', language: 'en' });
    await saveSettings(ana, { ...(await readSettings(ana)), staffName: 'Ana', language: 'fr', spikeFactor: 4, levels: { medium: 20, high: 40, critical: 70 } });
    await updateCustomer(ana, A, { prepaid: false, country: 'FR' }, T(1), 'Ana');
    await putFlag(ana, { id: 'f1', tenantId: A, kind: 'spam', note: '<script>alert(1)</script>', at: T(2), by: 'Ana' });
    await resolveFlag(ana, 'f1', 'Ana', T(3));
    await updateTriage(ana, { tenantId: A, reason: 'overdue' }, (t) => ({ ...t, acknowledgedAt: T(4) }), T(4));
    await updateTriage(bob, { tenantId: A, reason: 'overdue' }, (t) => ({ ...t, snoozedUntil: '2026-12-01' }), T(5));
    await triageAlert(ana, 'e1', { status: 'resolved', reason: 'fraud', by: 'Ana', at: T(6) });
    await server.push(ana);
    await server.push(bob);
    expect(await server.pull(bob)).toEqual({ tenants: [A], settings: true });
    await server.pull(ana);
    const [a, b] = [await readModel(ana), await readModel(bob)];
    expect(b).toEqual(a);
    expect(b.flags).toEqual([{ id: 'f1', tenantId: A, kind: 'spam', note: '<script>alert(1)</script>', at: T(2), by: 'Ana', resolvedAt: T(3), resolvedBy: 'Ana' }]);
    expect(b.triage).toEqual([{ tenantId: A, reason: 'overdue', acknowledgedAt: T(4), snoozedUntil: '2026-12-01' }]);
    expect(b.alerts).toEqual([{ status: 'resolved', reason: 'fraud', by: 'Ana', at: T(6) }]);
    expect(b.customers.find((c) => c.tenantId === A)).toMatchObject({ prepaid: false, country: 'FR' });
    const settings = await readSettings(bob);
    expect(settings).toMatchObject({ staffName: 'Bob', language: 'en', spikeFactor: 4, levels: { medium: 20, high: 40, critical: 70 } });
    expect((await readSettings(ana)).language).toBe('fr');
  });

  it("carries a customer's own budget thresholds as a staff change, and their clearing back to the team's", async () => {
    const [ana, bob] = [await browser('ana'), await browser('bob')];
    const server = new Server();
    const own = [{ percent: 50, basis: 'actual' as const }, { percent: 90, basis: 'forecast' as const }];
    await updateCustomer(ana, A, { budgetThresholds: own }, T(1), 'Ana');
    expect((await unsharedRecords(ana, 10)).map((r) => [r.kind, r.by, 'field' in r && r.field, 'value' in r && r.value])).toEqual([['fact', 'Ana', 'budgetThresholds', own]]);
    await server.push(ana);
    await server.pull(bob);
    expect((await bob.get('customers', A))?.budgetThresholds).toEqual(own);
    await updateCustomer(ana, A, { budgetThresholds: undefined }, T(2), 'Ana');
    await server.push(ana);
    await server.pull(bob);
    expect((await bob.get('customers', A))?.budgetThresholds).toBeUndefined();
  });

  it('applies a fact or alert status kept for a customer or alert not known here once it arrives, by an import or in the portal', async () => {
    const ana = await browser('ana-known');
    const bob = await openStore('bob-empty');
    const server = new Server();
    await updateCustomer(ana, A, { paymentInstrument: 'prepaid_card' }, T(1), 'Ana');
    await updateCustomer(ana, B, { country: 'IR' }, T(1), 'Ana');
    await triageAlert(ana, 'e1', { status: 'investigating', by: 'Ana', at: T(2) });
    await server.push(ana);
    await server.pull(bob); // Bob knows none of them yet: the records are kept, nothing is applied
    expect(await bob.getAll('customers')).toEqual([]);
    await commitImport(bob, { customers: [customer(A, 'Contoso')], alerts: [alert] }, T(5));
    expect((await bob.get('customers', A))?.paymentInstrument).toBe('prepaid_card');
    expect((await bob.get('alerts', 'e1'))?.staff).toMatchObject({ status: 'investigating', by: 'Ana' });
    expect((await readAllSummaries(bob)).find((x) => x.tenantId === A)?.customer?.paymentInstrument).toBe('prepaid_card');
    await recordSeen(bob, [{ tenantId: B, name: 'Fabrikam' }], T(6));
    expect(await bob.get('customers', B)).toMatchObject({ country: 'IR', origin: 'manual' });
  });

  it('stamps the joining member on records made alone, sends oldest first, and counts what is not shared yet', async () => {
    const db = await browser('ana');
    await setChecklistItem(db, { tenantId: A, itemId: 'dunning', done: true, by: 'Ana', at: T(5) });
    await setChecklistItem(db, { tenantId: A, itemId: 'phone-contact', done: true, by: 'Ana', at: T(2) });
    expect(await countUnshared(db)).toBe(2);
    expect((await unsharedRecords(db, 10)).map((r) => [r.member, r.at])).toEqual([['', T(2)], ['', T(5)]]);
    expect(await stampMember(db, 'ana')).toBe(2);
    await setChecklistItem(db, { tenantId: A, itemId: 'sms-verification', done: true, by: 'Ana', at: T(7) });
    const pending = await unsharedRecords(db, 2);
    expect(pending.map((r) => [r.member, r.at])).toEqual([['ana', T(2)], ['ana', T(5)]]);
    await markShared(db, pending.map((r) => r._id));
    expect(await countUnshared(db)).toBe(1);
    expect((await unsharedRecords(db, 10)).map((r) => r.member)).toEqual(['ana']);
    // Leaving the team: later records name no member until the next join stamps them.
    await stampMember(db, '');
    await setChecklistItem(db, { tenantId: A, itemId: 'dunning', done: false, by: 'Ana', at: T(8) });
    expect((await unsharedRecords(db, 10)).map((r) => r.member)).toEqual(['ana', '']);
  });

  it('writes no record when the change fails, and no change when its record fails', async () => {
    const db = await browser('ana');
    const proto = Object.getPrototypeOf(db.transaction('teamRecords', 'readwrite').objectStore('teamRecords'));
    const add = proto.add;
    proto.add = function (this: { name: string }, ...args: unknown[]) {
      if (this.name === 'teamRecords') return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return add.apply(this, args);
    };
    try {
      await expect(setChecklistItem(db, { tenantId: A, itemId: 'dunning', done: true, by: 'Ana', at: T(1) })).rejects.toThrow(/quota/);
      await expect(updateTriage(db, { tenantId: A, reason: 'overdue' }, (t) => ({ ...t, acknowledgedAt: T(1) }), T(1))).rejects.toThrow(/quota/);
      await expect(saveSettings(db, { ...(await readSettings(db)), spikeFactor: 5 })).rejects.toThrow(/quota/);
    } finally {
      proto.add = add;
    }
    expect(await db.count('checklist')).toBe(0);
    expect(await db.count('checklistHistory')).toBe(0);
    expect(await db.count('triage')).toBe(0);
    expect((await readSettings(db)).spikeFactor).toBe(3);
    await expect(updateCustomer(db, A, { country: 'France' as never }, T(2), 'Ana')).rejects.toThrow();
    expect(await db.count('teamRecords')).toBe(0);
  });
});

describe('staff decisions between two browsers', () => {
  const verdict = (over: Partial<VerdictRecord> = {}): VerdictRecord => ({
    _id: 'd-1', v: 1, kind: 'verdict', member: 'Ana', by: 'Ana', at: T(4), tenantId: A, verdict: 'hold', reason: 'paid late <b>twice</b>',
    snapshot: { score: 30, level: 'medium', factors: [{ id: 'overdue', points: 20 }], alertIds: [], flagIds: [] }, ...over,
  });

  it('a verdict set in one browser reaches the colleague: the decisions, the customer view and the summary', async () => {
    const [ana, bob] = [await browser('ana'), await browser('bob')];
    const server = new Server();
    const promise = { _id: 'd-2', v: 1, kind: 'promise', member: 'Ana', by: 'Ana', at: T(5), tenantId: A, date: '2026-12-01', amount: 100_00, currency: 'USD', invoices: [{ number: 'I-1', balance: 100_00 }] } satisfies PromiseRecord;
    await addDecision(ana, verdict());
    await addDecision(ana, promise);
    // Made before joining: no member yet; the join stamps it like every other record.
    expect((await unsharedRecords(ana, 10)).map((r) => [r.kind, r.member, r.by, r.at])).toEqual([['decision', '', 'Ana', T(4)], ['decision', '', 'Ana', T(5)]]);
    expect(await stampMember(ana, 'ana')).toBe(2);
    await server.push(ana);
    expect(await countUnshared(ana)).toBe(0);
    // The decision names the member its record names (not the staff name), here and in the colleague's store.
    const mine = [verdict({ member: 'ana' }), { ...promise, member: 'ana' }];
    expect([...server.docs.values()].map((r) => r.kind === 'decision' && [r.member, r.decision.member])).toEqual([['ana', 'ana'], ['ana', 'ana']]);
    expect(await ana.getAll('decisions')).toEqual(mine);
    expect(await server.pull(bob)).toEqual({ tenants: [A], settings: false });
    expect(await bob.getAll('decisions')).toEqual(mine);
    expect((await readCustomerDetail(bob, A)).decisions).toEqual(mine);
    // The audit's member column: the staff name, in both browsers.
    for (const db of [ana, bob]) expect(auditRows(await readAuditRecords(db)).map((r) => [r.action, r.member])).toEqual([['verdict', 'Ana'], ['promise to pay', 'Ana']]);
    const summary = (await readAllSummaries(bob)).find((s) => s.tenantId === A)!;
    expect(summary.facts.verdict).toEqual(mine[0]);
    expect(summary).toEqual((await readAllSummaries(ana)).find((s) => s.tenantId === A));
    // Bob's own record of the decisions is shared already: nothing goes back.
    expect(await countUnshared(bob)).toBe(0);
  });

  it('applying the same decisions again, or Ana receiving her own, changes nothing', async () => {
    const [ana, bob] = [await browser('ana'), await browser('bob')];
    const server = new Server();
    await addDecision(ana, verdict());
    await stampMember(ana, 'ana');
    await server.push(ana);
    // A decision written by a build that put the staff name in it takes its record's member.
    for (const [id, r] of server.docs) if (r.kind === 'decision') server.docs.set(id, { ...r, decision: { ...r.decision, member: 'Ana' } });
    await server.pull(bob);
    expect((await bob.getAll('decisions')).map((d) => d.member)).toEqual(['ana']);
    const before = { decisions: await bob.getAll('decisions'), records: await bob.getAll('teamRecords'), summaries: await readAllSummaries(bob) };
    expect(await server.pull(bob)).toEqual({ tenants: [], settings: false });
    expect({ decisions: await bob.getAll('decisions'), records: await bob.getAll('teamRecords'), summaries: await readAllSummaries(bob) }).toEqual(before);
    // The same decision under another record id (as a restored backup may send it) is not added twice.
    const [record] = server.docs.values();
    expect(await applyRemoteRecords(bob, [{ ...record, _id: `${record._id}-again` }])).toEqual({ tenants: [], settings: false });
    expect(await bob.getAll('decisions')).toEqual([verdict({ member: 'ana' })]);
    expect(await server.pull(ana)).toEqual({ tenants: [], settings: false });
    expect(await ana.getAll('decisions')).toEqual([verdict({ member: 'ana' })]);
  });

  it('a decision from the server is checked by the decisions schema: a wrong shape is refused with a reason, markup stays text', () => {
    const good = { _id: 'decision:x', v: 1, kind: 'decision', member: 'ana', by: 'Ana', at: T(4), tenantId: A, decision: verdict() };
    expect(parseTeamRecord(good)).toEqual({ ok: true, record: good });
    const hostile = { ...good, decision: { ...verdict(), verdict: 'delete-everything', reason: '<img src=x onerror=alert(1)>', snapshot: 'none' } };
    const bad = parseTeamRecord(hostile);
    expect(bad).toMatchObject({ ok: false, text: { key: 'team_record_damaged' } });
    expect(!bad.ok && bad.reason).toMatch(/^team_record_damaged \["decision\.verdict: .*; decision\.snapshot: .*"\]$/);
    expect(parseTeamRecord({ ...good, decision: { ...verdict(), reason: '   ' } })).toMatchObject({ ok: false, reason: expect.stringMatching(/decision\.reason: a verdict needs a reason/) });
    expect(parseTeamRecord({ ...good, decision: { ...verdict(), reason: 'x'.repeat(501) } }).ok).toBe(false);
    expect(parseTeamRecord({ ...good, decision: verdict({ tenantId: B }) })).toMatchObject({ ok: false, reason: expect.stringMatching(/decision\.tenantId: is for another customer than the record/) });
    expect(parseTeamRecord({ ...good, decision: undefined })).toMatchObject({ ok: false, reason: expect.stringMatching(/^team_record_damaged \["decision: /) });
  });
});
