// The team's total order holds in a browser's own writes: a colleague's record at the same moment, or from a clock
// ahead of ours, stays the state here as in every other browser's fold.
import { describe, expect, it, vi } from 'vitest';
import { readAllSummaries, readSettings, saveSettings, setChecklistItem, stampMember, triageAlert, updateCustomer } from '../../lib/db';
import { A, T, browser, readModel, Server } from './team-browsers';

describe("a browser's own write after a colleague's", () => {
  it('a tick made here at the same moment as a colleague\'s it already has follows the total order, as the colleague\'s fold does', async () => {
    // Found in CI by team-store.test.ts's convergence property: Bob ticks at .003, Ana receives it, then ticks the same item at .003 herself.
    const [ana, bob] = [await browser('tie-ana'), await browser('tie-bob')];
    await stampMember(ana, 'ana');
    await stampMember(bob, 'bob');
    const server = new Server();
    const at = new Date(Date.parse(T(0)) + 3).toISOString();
    await setChecklistItem(bob, { tenantId: A, itemId: 'phone-contact', done: true, by: 'Bob', at });
    await server.push(bob);
    await server.pull(ana);
    // 'ana' sorts before 'bob': at the same time Bob's tick stays the state, in Ana's store as in Bob's.
    expect(await setChecklistItem(ana, { tenantId: A, itemId: 'phone-contact', done: false, by: 'Ana', at })).toMatchObject({ done: true, by: 'Bob' });
    expect(await ana.get('checklist', [A, 'phone-contact'])).toMatchObject({ done: true, by: 'Bob' });
    // A later moment is hers.
    await setChecklistItem(ana, { tenantId: A, itemId: 'phone-contact', done: false, by: 'Ana', at: T(1) });
    await server.push(ana);
    await server.pull(bob);
    const [a, b] = [await readModel(ana), await readModel(bob)];
    expect({ ...a, history: [] }).toEqual({ ...b, history: [] });
    expect(a.checklist).toEqual([expect.objectContaining({ itemId: 'phone-contact', done: false, by: 'Ana', at: T(1) })]);
    expect(a.history).toHaveLength(3);
  });

  it("a colleague's fact, alert status or setting from a clock ahead of ours stays the state when we change it later by our clock", async () => {
    const [ana, bob] = [await browser('skew-ana'), await browser('skew-bob')];
    await stampMember(ana, 'ana');
    await stampMember(bob, 'bob');
    const server = new Server();
    // Ana's clock is 10 minutes ahead: her changes carry T(10); Bob's, made after he received hers, carry T(2).
    await updateCustomer(ana, A, { country: 'FR' }, T(10), 'Ana');
    await triageAlert(ana, 'e1', { status: 'resolved', reason: 'fraud', by: 'Ana', at: T(10) });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(T(10)));
      await saveSettings(ana, { ...(await readSettings(ana)), spikeFactor: 4 });
      await server.push(ana);
      await server.pull(bob);
      vi.setSystemTime(new Date(T(2)));
      await saveSettings(bob, { ...(await readSettings(bob)), spikeFactor: 6, activityReviewDays: 45 });
    } finally {
      vi.useRealTimers();
    }
    await updateCustomer(bob, A, { country: 'DE', prepaid: true }, T(2), 'Bob');
    await triageAlert(bob, 'e1', { status: 'investigating', by: 'Bob', at: T(2) });
    expect(await readSettings(bob)).toMatchObject({ spikeFactor: 4, activityReviewDays: 45 });
    // Bob's store shows what the team's order says (Ana's later record), and the fact nobody else set (prepaid) is his.
    expect(await bob.get('customers', A)).toMatchObject({ country: 'FR', prepaid: true });
    expect((await bob.get('alerts', 'e1'))?.staff).toMatchObject({ status: 'resolved', by: 'Ana' });
    await server.push(bob);
    await server.pull(ana);
    const [a, b] = [await readModel(ana), await readModel(bob)];
    expect(b).toEqual(a);
    expect((await readAllSummaries(bob)).map((x) => x.facts)).toEqual((await readAllSummaries(ana)).map((x) => x.facts));
    // Every change is still a record, his included.
    expect([...server.docs.values()].filter((r) => r.member === 'bob').map((r) => r.kind).sort()).toEqual(['alert-status', 'fact', 'fact', 'setting', 'setting']);
  });
});
