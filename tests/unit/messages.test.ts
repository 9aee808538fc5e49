// The messages table: every type has its request schema, response schema, senders and handler, and the answers
// the background gives match the response schemas.
import { describe, expect, it } from 'vitest';
import { acceptRequest, Changed, MESSAGES, PAGE_ONLY, REQUEST_SCHEMAS, type Request, type RequestType } from '../../lib/messages';
import { createService } from '../../lib/service';
import { commitImport, openStore } from '../../lib/db';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const service = async () => createService({
  db: await openStore(), now: () => new Date('2026-11-20T10:00:00Z'), broadcast: () => undefined, browserLanguage: () => 'en',
  loadMessages: async () => ({ extName: { message: 'Partner Risk Lens' } }),
});

describe('the messages table', () => {
  it('gives every type a request schema, a response schema, its senders and a handler', async () => {
    const types = Object.keys(MESSAGES).sort();
    for (const t of types as RequestType[]) {
      expect(MESSAGES[t].request, t).toBeTypeOf('object');
      expect(MESSAGES[t].response.safeParse, t).toBeTypeOf('function');
      expect(['content', 'page'], t).toContain(MESSAGES[t].from);
      expect(REQUEST_SCHEMAS[t].safeParse({ type: 'other' }).success, t).toBe(false);
    }
    expect([...(await service()).handles].sort()).toEqual(types);
  });

  it('keeps settings, the staff name, the popup head, the change notice and the team connection to extension pages', () => {
    expect([...PAGE_ONLY].sort()).toEqual(['data.changed', 'popup.head', 'settings.set', 'staff.setName', 'sync.connect', 'sync.disconnect']);
    for (const type of PAGE_ONLY) expect(acceptRequest({ type }, 'content-script').ok).toBe(false);
  });

  it('names what changed from a list: a change notice of anything else is refused', () => {
    expect(Changed.safeParse({ type: 'changed', what: ['checklist'], tenantIds: [A] }).success).toBe(true);
    expect(Changed.safeParse({ type: 'changed', what: ['everything'] }).success).toBe(false);
    expect(acceptRequest({ type: 'data.changed', what: ['import'] }, 'extension-page').ok).toBe(true);
    expect(acceptRequest({ type: 'data.changed', what: ['<img src=x>'] }, 'extension-page').ok).toBe(false);
  });

  it("answers each request with data its response schema accepts", async () => {
    const s = await service();
    const db = await openStore();
    await commitImport(db, { customers: [{ tenantId: A, name: 'Contoso', updatedAt: '2026-11-01T00:00:00.000Z' }] }, '2026-11-01T00:00:00.000Z');
    const flag = await s.handle({ type: 'flag.add', tenantId: A, kind: 'spam', note: 'x' });
    const samples: Request[] = [
      { type: 'panel.get', tenantId: A }, { type: 'badges.get', tenantIds: [A] }, { type: 'badges.all' },
      { type: 'customers.seen', customers: [{ tenantId: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Fabrikam' }] },
      { type: 'checklist.set', tenantId: A, itemId: 'phone-contact', done: true },
      { type: 'checklist.setMany', tenantId: A, items: [{ itemId: 'dunning', done: true }] },
      { type: 'customer.update', tenantId: A, patch: { prepaid: true } },
      { type: 'flag.resolve', id: (flag as { data: { id: string } }).data.id },
      { type: 'triage.set', tenantId: A, reason: 'overdue', acknowledged: true },
      { type: 'options.open' }, { type: 'i18n.get' }, { type: 'panel.setOpen', open: false },
      { type: 'settings.set', settings: { staffName: 'Ana' } }, { type: 'staff.setName', name: 'Ana' },
      { type: 'popup.head', limit: 10, countUpTo: 10 }, { type: 'data.changed', what: ['import'] },
    ];
    for (const req of samples) {
      const reply = await s.handle(req);
      expect(reply, req.type).toMatchObject({ ok: true });
      const check = MESSAGES[req.type].response.safeParse((reply as { data: unknown }).data);
      expect(check.success ? [] : check.error.issues, req.type).toEqual([]);
    }
  });
});
