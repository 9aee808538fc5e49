import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { commitImport, DB_VERSION, openStore, readSettings } from '../../lib/db';
import { badgeInTable } from '../../lib/badge-table';
import { localDate } from '../../lib/clock';
import { makeTranslate, type MessageBundle } from '../../lib/i18n';
import { oldFixture, writeOld } from './old-store';
import { say, type Wording } from '../../lib/wording';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const ID = fakeBrowser.runtime.id;
const page = { id: ID, url: `chrome-extension://${ID}/options.html` };
const content = { id: ID, url: `https://partner.microsoft.com/dashboard/commerce2/customers/${A}/account`, tab: { id: 1 } };

/** Fires the real onMessage event with a given sender, as Chromium would, and returns the listener's answer. */
async function deliver(message: unknown, sender: object): Promise<any> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers.find((a: unknown) => a !== undefined);
}

const bundle = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as MessageBundle;
/** A reply's error as the views say it. */
const words = (w: Wording, lang: 'en' | 'fr' = 'en') => say(makeTranslate(bundle(lang)), w);

/** The browser's language and its bundled strings, which the fake browser does not have. */
function speak(lang: 'en' | 'fr') {
  const t = makeTranslate(bundle(lang));
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(lang);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) => t(key, ...(subs ?? []))) as never);
  vi.stubGlobal('fetch', async (url: string) => ({ json: async () => bundle(/\/_locales\/(\w+)\//.exec(String(url))![1]) }));
}

describe('the background', () => {
  beforeEach(() => {
    speak('en');
    background.main();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('refuses a web page or another extension, whatever they ask', async () => {
    const refused = await deliver({ type: 'panel.get', tenantId: A }, { url: 'https://evil.example/' });
    expect(refused).toEqual({ ok: false, error: { key: 'error_message_foreign', subs: [] } });
    expect(words(refused.error)).toBe('messages are accepted only from this extension');
    expect(await deliver({ type: 'panel.get', tenantId: A }, { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' }))
      .toMatchObject({ ok: false });
    // A page of another origin that somehow carries our id is still not a portal tab nor our page.
    expect(await deliver({ type: 'panel.get', tenantId: A }, { id: ID, url: 'https://evil.example/', tab: { id: 2 } })).toMatchObject({ ok: false });
  });

  it('answers a malformed message with a clear error', async () => {
    const r = await deliver({ type: 'checklist.set', tenantId: 'x', done: 'yes' }, content);
    expect(r.ok).toBe(false);
    expect(words(r.error)).toMatch(/^malformed 'checklist.set' message \(tenantId: not in the expected format; itemId: not of the expected kind; done: not of the expected kind\)$/);
    expect(words(r.error, 'fr')).toMatch(/^message « checklist.set » mal formé \(tenantId : n’est pas au format attendu ; itemId : n’est pas du type attendu/);
    const nope = await deliver({ type: 'nope' }, content);
    expect(nope).toMatchObject({ ok: false, error: { key: 'error_message_malformed' } });
    expect(words(nope.error)).toMatch(/^malformed 'nope' message/);
    expect(await deliver(null, content)).toMatchObject({ ok: false });
  });

  it('lets a content script read and tick, but not change settings', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [{ tenantId: A, name: 'Contoso', updatedAt: '2026-11-01T00:00:00.000Z' }] }, '2026-11-01T00:00:00.000Z');
    const tick = await deliver({ type: 'checklist.set', tenantId: A, itemId: 'phone-contact', done: true }, content);
    expect(tick).toMatchObject({ ok: true, data: { done: true, by: '', nameMissing: true } });
    const panel = await deliver({ type: 'panel.get', tenantId: A }, content);
    expect(panel.ok).toBe(true);
    expect(panel.data.customer.name).toBe('Contoso');
    expect(panel.data.checklist).toEqual([expect.objectContaining({ itemId: 'phone-contact', done: true })]);
    expect(await deliver({ type: 'settings.set', settings: { staffName: 'Mallory' } }, content))
      .toEqual({ ok: false, error: { key: 'error_message_page_only', subs: ['settings.set'] } });
    expect(words({ key: 'error_message_page_only', subs: ['settings.set'] })).toBe("'settings.set' is accepted only from the extension's own pages");
    expect(await deliver({ type: 'settings.set', settings: { staffName: 'Ana' } }, page)).toMatchObject({ ok: true, data: { staffName: 'Ana' } });
  });

  it('refuses the staff name from a content script: whatever the portal page can reach, it could sign with', async () => {
    expect(await deliver({ type: 'staff.setName', name: 'Mallory (page script)' }, content))
      .toEqual({ ok: false, error: { key: 'error_message_page_only', subs: ['staff.setName'] } });
    expect(await deliver({ type: 'staff.setName', name: 'Ana' }, page)).toMatchObject({ ok: true, data: { staffName: 'Ana' } });
  });

  it('writes a burst of ticks in one message, in order, each in the history', async () => {
    const db = await openStore();
    await commitImport(db, { customers: [{ tenantId: A, name: 'Contoso', updatedAt: '2026-11-01T00:00:00.000Z' }] }, '2026-11-01T00:00:00.000Z');
    const items = [{ itemId: 'phone-contact', done: true }, { itemId: 'dunning', done: true }, { itemId: 'phone-contact', done: false }];
    const r = await deliver({ type: 'checklist.setMany', tenantId: A, items, via: 'panel' }, content);
    expect(r).toMatchObject({ ok: true, data: { nameMissing: true } });
    expect(r.data.entries.map((e: { itemId: string; done: boolean }) => [e.itemId, e.done])).toEqual([['phone-contact', true], ['dunning', true], ['phone-contact', false]]);
    const panel = await deliver({ type: 'panel.get', tenantId: A }, content);
    expect(panel.data.history).toHaveLength(3);
    expect(Object.fromEntries(panel.data.checklist.map((e: { itemId: string; done: boolean }) => [e.itemId, e.done]))).toEqual({ 'phone-contact': false, dunning: true });
  });

  it("hands a customers list every customer's badge at once: the same badges as one by one, fresh after a write", async () => {
    const db = await openStore();
    const id = (n: number) => `cccccccc-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const customers = Array.from({ length: 3 }, (_, n) => ({ tenantId: id(n), name: `C${n}`, updatedAt: '2026-11-01T00:00:00.000Z' }));
    const invoices = [{ tenantId: id(1), number: 'I1', issuedOn: '2025-12-01', dueOn: '2026-01-05', amount: 100, paid: 0, currency: 'USD' }];
    await commitImport(db, { customers, invoices }, '2026-11-01T00:00:00.000Z');
    const all = await deliver({ type: 'badges.all' }, content);
    expect(all.ok).toBe(true);
    const one = await deliver({ type: 'badges.get', tenantIds: [0, 1, 2].map(id) }, content);
    expect(all.data.ids.length).toBe(3 * 36);
    for (const b of one.data) expect(badgeInTable(all.data, b.tenantId)).toEqual(b);
    expect(badgeInTable(all.data, id(1))!.overdue).toBe(true);
    expect(badgeInTable(all.data, id(9))).toBeUndefined();
    // A customer the store lacks: the table's `unknown`, as badges.get gives it.
    const [stranger] = (await deliver({ type: 'badges.get', tenantIds: [id(9)] }, content)).data;
    expect({ ...all.data.unknown, tenantId: id(9), known: false }).toEqual(stranger);
    // A write (a customer added through the portal) makes the next table include it.
    await deliver({ type: 'customers.seen', customers: [{ tenantId: id(9), name: 'Newcomer' }] }, content);
    const after = await deliver({ type: 'badges.all' }, content);
    expect(badgeInTable(after.data, id(9))).toMatchObject({ tenantId: id(9) });
    // So does an import by the options page, which writes the store itself and then says so.
    await commitImport(db, { customers: [{ tenantId: id(7), name: 'Imported', updatedAt: '2026-11-02T00:00:00.000Z' }] }, '2026-11-02T00:00:00.000Z');
    expect(badgeInTable((await deliver({ type: 'badges.all' }, content)).data, id(7))).toBeUndefined();
    await deliver({ type: 'data.changed', what: ['customers'] }, page);
    expect(badgeInTable((await deliver({ type: 'badges.all' }, content)).data, id(7))).toMatchObject({ tenantId: id(7) });
  });

  it('puts the highest budget threshold crossed on the badge, the customer\'s own thresholds overriding the team\'s', async () => {
    const db = await openStore();
    const id = (n: number) => `dddddddd-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const today = localDate(new Date());
    const at = `${today}T00:00:00.000Z`;
    const customers = [
      { tenantId: id(0), name: 'Under', updatedAt: at },
      { tenantId: id(1), name: 'Eighty', updatedAt: at },
      { tenantId: id(2), name: 'Over', updatedAt: at },
      { tenantId: id(3), name: 'Own', updatedAt: at, budgetThresholds: [{ percent: 50, basis: 'actual' as const }, { percent: 90, basis: 'actual' as const }] },
    ];
    const spending = [[0, 10], [1, 85], [2, 130], [3, 60]].map(([n, spent]) => ({ tenantId: id(n), budget: 1000_00, spendToDate: spent * 10_00, asOf: today, currency: 'USD' }));
    await commitImport(db, { customers, spending }, at);
    const one = (await deliver({ type: 'badges.get', tenantIds: [0, 1, 2, 3].map(id) }, content)).data;
    expect(one.map((b: { threshold?: unknown }) => b.threshold)).toEqual([undefined, { percent: 80, basis: 'actual' }, { percent: 100, basis: 'actual' }, { percent: 50, basis: 'actual' }]);
    const all = (await deliver({ type: 'badges.all' }, content)).data;
    for (const b of one) expect(badgeInTable(all, b.tenantId)).toEqual(b);
  });

  it("gives the popup's head: the oldest overdue first, at most `limit`, customers counted up to `countUpTo`; pages only", async () => {
    const db = await openStore();
    const id = (n: number) => `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const customers = Array.from({ length: 5 }, (_, n) => ({ tenantId: id(n), name: `C${n}`, updatedAt: '2026-11-01T00:00:00.000Z' }));
    // C0 due 2026-01-05, C1 2026-01-04, …; C4 is not yet due; C3 has two invoices, the oldest counts.
    const invoices = [0, 1, 2, 3].map((n) => ({ tenantId: id(n), number: `I${n}`, issuedOn: '2025-12-01', dueOn: `2026-01-0${5 - n}`, amount: 100, paid: 0, currency: 'USD' }));
    invoices.push({ tenantId: id(3), number: 'I3b', issuedOn: '2025-12-01', dueOn: '2026-03-01', amount: 100, paid: 0, currency: 'USD' });
    invoices.push({ tenantId: id(4), number: 'I4', issuedOn: '2025-12-01', dueOn: '2099-01-01', amount: 100, paid: 0, currency: 'USD' });
    await commitImport(db, { customers, invoices }, '2026-11-01T00:00:00.000Z');
    const r = await deliver({ type: 'popup.head', limit: 3, countUpTo: 4 }, page);
    expect(r.ok).toBe(true);
    expect(r.data.head.map((s: { tenantId: string }) => s.tenantId)).toEqual([id(3), id(2), id(1)]);
    expect(r.data.customers).toBe(4);
    expect(r.data.settings).toMatchObject({ language: expect.any(String) });
    const all = await deliver({ type: 'popup.head', limit: 10, countUpTo: 100 }, page);
    expect(all.data.head).toHaveLength(4);
    expect(all.data.customers).toBe(5);
    expect(await deliver({ type: 'popup.head', limit: 3, countUpTo: 4 }, content)).toMatchObject({ ok: false });
  });

  it('counts overdue customers on the toolbar badge after a change', async () => {
    const db = await openStore();
    await commitImport(db, {
      customers: [{ tenantId: A, name: 'Contoso', updatedAt: '2026-11-01T00:00:00.000Z' }],
      invoices: [{ tenantId: A, number: 'INV-1', issuedOn: '2020-01-01', dueOn: '2020-02-01', amount: 100, paid: 0, currency: 'USD' }],
    }, '2026-11-01T00:00:00.000Z');
    await deliver({ type: 'data.changed', what: ['invoices'] }, page);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it("counts on the badge what the popup's lists show, per reason, and says so in its tooltip", async () => {
    speak('fr');
    const db = await openStore();
    const B = 'bbbbbbbb-0000-4000-8000-000000000002';
    const today = localDate(new Date());
    await commitImport(db, {
      customers: [
        { tenantId: A, name: 'Contoso', updatedAt: '2026-11-01T00:00:00.000Z' },
        // High risk with nothing overdue nor over budget: in the high-risk tab, so on the badge.
        { tenantId: B, name: 'Risky', country: 'KP', paymentInstrument: 'prepaid_card', adminAccess: 'full', updatedAt: '2026-11-01T00:00:00.000Z' },
      ],
      invoices: [{ tenantId: A, number: 'INV-1', issuedOn: '2020-01-01', dueOn: '2020-02-01', amount: 100, paid: 0, currency: 'USD' }],
      spending: [{ tenantId: A, budget: 100, spendToDate: 200, asOf: today, currency: 'USD' }],
    }, '2026-11-01T00:00:00.000Z');
    await deliver({ type: 'data.changed', what: ['import'] }, page);
    const fr = makeTranslate(bundle('fr'));
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('2');
    // The tooltip explains the number: which lists the customers are in.
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^Partner Risk Lens : 2 clients demandent votre attention : 1 en retard de paiement, 1 au-delà ou près du budget, [12] à risque élevé \(/);
    // A's overdue row snoozed: its budget row still counts it.
    await deliver({ type: 'triage.set', tenantId: A, reason: 'overdue', snoozedUntil: '2999-01-01' }, page);
    await deliver({ type: 'triage.set', tenantId: B, reason: 'risk', acknowledged: true }, page);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^Partner Risk Lens : 1 client demande votre attention : 1 au-delà ou près du budget[ ,]/);
    // Every other row of A acknowledged: nobody left.
    await deliver({ type: 'triage.set', tenantId: A, reason: 'budget', acknowledged: true }, page);
    await deliver({ type: 'triage.set', tenantId: A, reason: 'risk', acknowledged: true }, page);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe(fr('action_title_none'));
    // A write that names its customer: that customer's rows are worked out again (an alert comes, then goes).
    await commitImport(db, { alerts: [{ id: 'al-1', source: 'graph', tenantId: B, type: 'Mining', name: 'Mining', status: 'active', detectedAt: new Date().toISOString(), isTest: false }] }, '2026-11-01T00:00:00.000Z');
    await deliver({ type: 'data.changed', what: ['alerts'], tenantIds: [B] }, page);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('1');
    await deliver({ type: 'alert.triage', id: 'al-1', status: 'resolved', reason: 'legitimate' }, content);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('never counts an unknown customer on the toolbar badge: names seen in the portal alone leave it empty', async () => {
    // Levels so low that a customer with no facts at all (five unverified checks, no activity-log review: 20)
    // would be high risk: only its being unknown keeps it off the badge.
    const settings = await deliver({ type: 'settings.set', settings: { ...(await readSettings(await openStore())), levels: { medium: 5, high: 10, critical: 90 } } }, page);
    expect(settings.ok).toBe(true);
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    /** The badge as painted by a pass that began after `change`, which worked out the customers it names. */
    const badgeAfter = async (change: () => Promise<unknown>) => {
      await change();
      const before = text.mock.calls.length;
      await deliver({ type: 'data.changed', what: ['customers'] }, page); // and every customer again
      await vi.waitFor(() => expect(text.mock.calls.length).toBeGreaterThan(before), { timeout: 10_000 });
      return fakeBrowser.action.getBadgeText({});
    };
    const ids = ['c1', 'c2', 'c3'].map((n, i) => `${n}c1c1c1-0000-4000-8000-00000000000${i}`);
    const seen = await badgeAfter(() => deliver({ type: 'customers.seen', customers: ids.map((tenantId, i) => ({ tenantId, name: `Seen ${i}` })) }, content));
    expect((await openStore().then((db) => db.getAll('customers'))).map((c) => c.origin)).toEqual(['portal', 'portal', 'portal']);
    expect(seen).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe(makeTranslate(bundle('en'))('action_title_none'));
    // The same customer with a customers file naming it is known, and then these levels put it on the badge.
    const known = await badgeAfter(async () => {
      const db = await openStore();
      await commitImport(db, { customers: [{ tenantId: ids[0], name: 'Seen 0', origin: 'import', updatedAt: '2026-11-01T00:00:00.000Z' }] }, '2026-11-01T00:00:00.000Z');
    });
    expect(known).toBe('1');
  });

  it('creates the hourly badge alarm only when there is none: a worker started again keeps its schedule', async () => {
    // beforeEach started the worker once: the alarm is there.
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('refresh-badge')).toMatchObject({ periodInMinutes: 60 }));
    // As if created 15 minutes ago: due in 45 minutes.
    fakeBrowser.alarms.create('refresh-badge', { when: Date.now() + 45 * 60_000, periodInMinutes: 60 });
    const due = (await fakeBrowser.alarms.get('refresh-badge'))!.scheduledTime;
    const get = vi.spyOn(fakeBrowser.alarms, 'get');
    background.main(); // the service worker starts again
    await vi.waitFor(() => expect(get).toHaveBeenCalledWith('refresh-badge'));
    await get.mock.results[0].value; // the worker's own look-up has been answered
    expect(await fakeBrowser.alarms.getAll()).toEqual([{ name: 'refresh-badge', scheduledTime: due, periodInMinutes: 60 }]);
  });

  it('keeps both an acknowledgement and a snooze of the same row sent together', async () => {
    const [ack, snooze] = await Promise.all([
      deliver({ type: 'triage.set', tenantId: A, reason: 'overdue', acknowledged: true }, page),
      deliver({ type: 'triage.set', tenantId: A, reason: 'overdue', snoozedUntil: '2999-01-01' }, page),
    ]);
    expect([ack.ok, snooze.ok]).toEqual([true, true]);
    const db = await openStore();
    expect(await db.getAll('triage')).toEqual([{ tenantId: A, reason: 'overdue', acknowledgedAt: expect.any(String), snoozedUntil: '2999-01-01' }]);
  });

  it('never undoes a settings save with a staff name set at the same moment', async () => {
    const [named, saved] = await Promise.all([
      deliver({ type: 'staff.setName', name: 'Ana' }, page),
      deliver({ type: 'settings.set', settings: { language: 'fr' } }, page),
    ]);
    expect([named.ok, saved.ok]).toEqual([true, true]);
    // The name came first, the save after it: the save stands whole.
    expect((await readSettings(await openStore())).language).toBe('fr');
  });

  it('answers with a clear error, in the browser language, when the stored data cannot be upgraded', async () => {
    const v2 = oldFixture(2);
    (v2.stores.triage.records[0] as { snoozedUntil: string }).snoozedUntil = 'soon';
    await writeOld(v2);
    const r = await deliver({ type: 'panel.get', tenantId: A }, content);
    expect(r).toMatchObject({ ok: false, error: { key: 'error_detail' } });
    expect(words(r.error)).toEqual(expect.stringMatching(new RegExp(`^Partner Risk Lens could not upgrade its data from version 2 to ${DB_VERSION}, so it changed nothing: every record is still there.*triage record 1 \\(aaaaaaaa-0000-4000-8000-000000000001\\) is damaged: snoozedUntil: not in the expected format`)));
  });
});

