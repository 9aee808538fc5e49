// The fold of add-only team records: any order, any duplication, one state; ties and clock skew decided alike everywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRecords, foldRecords, type ItemState } from '../../lib/team/fold';
import { parseTeamRecord, TeamRecord } from '../../lib/team/record';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const T0 = Date.parse('2026-11-25T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

type Made = { n: number; member: string; by: string; ms: number };
let serial = 0;
const id = (kind: string, tenant: string, when: string) => `${kind}:${tenant}:${when}:${String(++serial).padStart(6, '0')}`;

/** Records of a few members, on a few items of every kind, in a narrow time window so that ties happen. */
const records = fc.array(
  fc.record({
    member: fc.constantFrom('', 'ana', 'bob', 'chloé'),
    ms: fc.integer({ min: 0, max: 5 }),
    tenant: fc.constantFrom(A, B),
    which: fc.integer({ min: 0, max: 7 }),
    flip: fc.boolean(),
    note: fc.option(fc.constantFrom('called back', '<img src=x onerror=alert(1)>'), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 40 },
).map((list) => list.map(({ member, ms, tenant, which, flip, note }): TeamRecord => {
  const when = at(ms);
  const base = { v: 1 as const, member, by: member.toUpperCase(), at: when };
  switch (which) {
    case 0: case 1: return { ...base, _id: id('tick', tenant, when), kind: 'tick', tenantId: tenant, itemId: which ? 'phone-contact' : 'dunning', done: flip, ...(note ? { note } : {}) };
    case 2: return { ...base, _id: id('fact', tenant, when), kind: 'fact', tenantId: tenant, field: 'prepaid', ...(note ? {} : { value: flip }) };
    case 3: return { ...base, _id: id('flag', tenant, when), kind: flip ? 'flag' : 'flag-resolve', tenantId: tenant, flagId: `f-${tenant}`, ...(flip ? { flagKind: 'spam', note: note ?? '' } : {}) } as TeamRecord;
    case 4: return { ...base, _id: id('triage', tenant, when), kind: 'triage', tenantId: tenant, reason: 'overdue', ...(flip ? { acknowledgedAt: flip ? when : null } : { snoozedUntil: note ? '2026-12-01' : null }) };
    case 5: return { ...base, _id: id('alert-status', tenant, when), kind: 'alert-status', tenantId: tenant, alertId: `e-${tenant}`, status: flip ? 'resolved' : 'investigating', ...(flip ? { reason: 'fraud' } : {}) };
    case 6: return { ...base, _id: id('setting', '-', when), kind: 'setting', key: 'spikeFactor', value: flip ? 2 : 4 };
    default: return { ...base, _id: id('setting', '-', when), kind: 'setting', key: 'weights', value: { 'prepaid-card': flip ? 30 : 20 } };
  }
}));

/** A fold as plain data, items in key order, to compare folds with each other. */
const plain = (m: Map<string, ItemState>) => JSON.stringify([...m].sort(([a], [b]) => (a < b ? -1 : 1)));

describe('the fold of team records', () => {
  it('gives the same state and history whatever the order, and however often a record arrives', () => {
    fc.assert(fc.property(
      records,
      fc.func(fc.integer()),
      fc.array(fc.nat(), { maxLength: 20 }),
      (rs, key, dups) => {
        const shuffled = [...rs].map((r, i) => ({ r, k: key(i) })).sort((a, b) => a.k - b.k).map((x) => x.r);
        const doubled = [...shuffled, ...dups.map((d) => rs[d % rs.length])];
        expect(plain(foldRecords(doubled))).toBe(plain(foldRecords(rs)));
      },
    ));
  });

  it('is a total order: antisymmetric, transitive, zero only for the same record', () => {
    fc.assert(fc.property(records, (rs) => {
      const sorted = [...rs].sort(compareRecords);
      for (let i = 1; i < sorted.length; i++) expect(compareRecords(sorted[i - 1], sorted[i])).toBeLessThan(0);
      for (const a of rs) for (const b of rs) expect(Math.sign(compareRecords(a, b)) + Math.sign(compareRecords(b, a))).toBe(0);
    }));
  });

  it('keeps every tick in the history, in the total order, each one saying what it changed from', () => {
    fc.assert(fc.property(records, (rs) => {
      const state = foldRecords(rs);
      const ticks = rs.filter((r) => r.kind === 'tick');
      const histories = [...state.values()].flatMap((s) => (s.kind === 'tick' ? s.history : []));
      expect(histories.map((h) => h.id).sort()).toEqual(ticks.map((t) => t._id).sort());
      for (const s of state.values()) {
        if (s.kind !== 'tick') continue;
        s.history.forEach((h, i) => expect(h.from).toBe(i ? s.history[i - 1].to : false));
        expect(s.done).toBe(s.history[s.history.length - 1].to);
      }
    }));
  });

  const tick = (member: string, ms: number, done: boolean, _id: string): TeamRecord =>
    ({ _id, v: 1, kind: 'tick', member, by: member, at: at(ms), tenantId: A, itemId: 'phone-contact', done });
  const state = (rs: TeamRecord[]) => foldRecords(rs).get(`tick ${A} phone-contact`) as Extract<ItemState, { kind: 'tick' }>;

  it('breaks a tie in time by member, then by id', () => {
    // Same millisecond: bob sorts after ana, so bob's untick wins, in either order of arrival.
    expect(state([tick('bob', 0, false, 'x1'), tick('ana', 0, true, 'x2')]).done).toBe(false);
    expect(state([tick('ana', 0, true, 'x2'), tick('bob', 0, false, 'x1')]).done).toBe(false);
    // Same millisecond and member (two tabs of one browser): the larger id wins.
    expect(state([tick('ana', 0, true, 'x9'), tick('ana', 0, false, 'x1')]).done).toBe(true);
    expect(state([tick('ana', 0, false, 'x1'), tick('ana', 0, true, 'x9')]).by).toBe('ana');
  });

  it('lets the member whose clock is ahead win by its time, and keeps the other change in the history', () => {
    // Bob's clock runs 10 minutes ahead: he ticked before Ana in real time, yet his record says later, and wins.
    const ana = tick('ana', 60_000, false, 'a');
    const bob = tick('bob', 600_000, true, 'b');
    for (const rs of [[ana, bob], [bob, ana]]) {
      const s = state(rs);
      expect(s).toMatchObject({ done: true, by: 'bob', at: at(600_000) });
      expect(s.history.map((h) => [h.by, h.from, h.to])).toEqual([['ana', false, false], ['bob', false, true]]);
    }
  });

  it("keeps a note until a later tick writes another, and a flag's resolution even when it arrives before the flag", () => {
    const noted = { ...tick('ana', 0, true, 'n1'), note: 'called' } as TeamRecord;
    expect(state([noted, tick('bob', 5, false, 'n2')])).toMatchObject({ done: false, note: 'called' });
    const resolve: TeamRecord = { _id: 'r', v: 1, kind: 'flag-resolve', member: 'bob', by: 'Bob', at: at(10), tenantId: A, flagId: 'f1' };
    const flag: TeamRecord = { _id: 'f', v: 1, kind: 'flag', member: 'ana', by: 'Ana', at: at(0), tenantId: A, flagId: 'f1', flagKind: 'spam', note: '' };
    expect(foldRecords([resolve]).get('flag f1')).toEqual({ kind: 'flag', tenantId: A, flagId: 'f1' });
    expect(foldRecords([resolve, flag]).get('flag f1')).toMatchObject({ flag: { id: 'f1', by: 'Ana', resolvedBy: 'Bob', resolvedAt: at(10) } });
  });

  it('keeps an acknowledgement and a snooze made apart: each field from the last record that set it', () => {
    const t = (ms: number, fields: object, _id: string) => ({ _id, v: 1, kind: 'triage', member: 'ana', by: 'Ana', at: at(ms), tenantId: A, reason: 'overdue', ...fields }) as TeamRecord;
    const s = foldRecords([t(0, { acknowledgedAt: at(0) }, '1'), t(5, { snoozedUntil: '2026-12-01' }, '2')]).get(`triage ${A} overdue`);
    expect(s).toEqual({ kind: 'triage', triage: { tenantId: A, reason: 'overdue', acknowledgedAt: at(0), snoozedUntil: '2026-12-01' } });
    const cleared = foldRecords([t(0, { acknowledgedAt: at(0) }, '1'), t(9, { acknowledgedAt: null }, '3')]).get(`triage ${A} overdue`);
    expect(cleared).toEqual({ kind: 'triage', triage: { tenantId: A, reason: 'overdue' } });
  });
});

describe('records from the server', () => {
  const good = { _id: 'tick:x', _rev: '1-abc', v: 1, kind: 'tick', member: 'ana', by: '<b>Ana</b>', at: '2026-11-25T11:00:00+01:00', tenantId: A.toUpperCase(), itemId: 'dunning', done: true };

  it('are read as the records they are: the revision dropped, the id lower case, the time in UTC, markup kept as text', () => {
    const r = parseTeamRecord(good);
    expect(r).toEqual({ ok: true, record: { _id: 'tick:x', v: 1, kind: 'tick', member: 'ana', by: '<b>Ana</b>', at: '2026-11-25T10:00:00.000Z', tenantId: A, itemId: 'dunning', done: true } });
  });

  it('are refused with a reason naming the field, or the version, or the kind', () => {
    expect(parseTeamRecord('nope')).toMatchObject({ ok: false, text: { key: 'team_record_not_object' } });
    expect(parseTeamRecord({ ...good, v: 2 })).toMatchObject({ ok: false, text: { key: 'team_record_newer', subs: [2, 1] } });
    expect(parseTeamRecord({ ...good, kind: 'delete-all' })).toMatchObject({ ok: false, reason: 'team_record_unknown_kind ["delete-all"]', text: { key: 'team_record_unknown_kind', subs: ['delete-all'] } });
    const bad = parseTeamRecord({ ...good, done: 'yes', at: 'yesterday' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toBe('team_record_damaged ["at: is not a date-time (ISO 8601); done: is not true or false"]');
    // Said to the user as each field and zod's code for it, in words of the user's language (not zod's English).
    expect(!bad.ok && bad.text).toMatchObject({ key: 'team_record_damaged', subs: [{ list: [{ key: 'error_message_field', subs: ['at', { key: expect.stringMatching(/^zod_issue_/) }] }, { key: 'error_message_field', subs: ['done', { key: expect.stringMatching(/^zod_issue_/) }] }] }] });
    expect(!bad.ok && bad.text.key).toBe('team_record_damaged');
    expect(parseTeamRecord({ ...good, kind: 'fact', field: 'country', value: 'France' })).toMatchObject({ ok: false, reason: expect.stringMatching(/value: is not a valid value for this fact/) });
    expect(parseTeamRecord({ _id: 's', v: 1, kind: 'setting', member: 'ana', by: '', at: good.at, key: 'staffName', value: 'Mallory' }).ok).toBe(false);
    expect(parseTeamRecord({ _id: 's', v: 1, kind: 'setting', member: 'ana', by: '', at: good.at, key: 'spikeFactor', value: 0.5 }).ok).toBe(false);
    expect(parseTeamRecord({ _id: 's', v: 1, kind: 'setting', member: 'ana', by: '', at: good.at, key: 'spikeFactor', value: 4 }).ok).toBe(true);
  });
});
