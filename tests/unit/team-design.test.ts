// The team database's validate_doc_update, run as CouchDB runs it: a function of the new doc, the old one and the user.
import { describe, expect, it } from 'vitest';
import { SECURITY_EXAMPLE, TEAM_DESIGN_DOC, VALIDATE_DOC_UPDATE } from '../../lib/team/design';

type Validate = (newDoc: object, oldDoc: object | null, userCtx: { name: string | null; roles: string[] }, secObj: object) => void;
const validate = new Function(`return (${VALIDATE_DOC_UPDATE});`)() as Validate;
const ana = { name: 'ana', roles: ['prl-team'] };
const record = { _id: 'tick:a:2026-11-25T10:00:00.000Z:1', v: 1, kind: 'tick', member: 'ana', by: 'Ana', at: '2026-11-25T10:00:00.000Z' };
const refusal = (f: () => void) => { try { f(); return undefined; } catch (e) { return (e as { forbidden?: string }).forbidden; } };

describe('the team database', () => {
  it("takes a member's own new record", () => {
    expect(refusal(() => validate(record, null, ana, SECURITY_EXAMPLE))).toBeUndefined();
  });

  it('refuses a record naming another member, a document that is not a record, a change or a deletion', () => {
    expect(refusal(() => validate({ ...record, member: 'bob' }, null, ana, SECURITY_EXAMPLE))).toMatch(/name the member who writes it/);
    expect(refusal(() => validate({ _id: 'x', member: 'ana' }, null, ana, SECURITY_EXAMPLE))).toMatch(/v and kind are required/);
    expect(refusal(() => validate({ ...record, v: '1' }, null, ana, SECURITY_EXAMPLE))).toMatch(/v and kind are required/);
    expect(refusal(() => validate({ ...record, by: 'Mallory' }, record, ana, SECURITY_EXAMPLE))).toMatch(/add-only/);
    expect(refusal(() => validate({ _id: record._id, _deleted: true }, record, ana, SECURITY_EXAMPLE))).toMatch(/never deleted/);
    expect(refusal(() => validate({ ...TEAM_DESIGN_DOC, v: 1, kind: 'x', member: 'ana' }, null, ana, SECURITY_EXAMPLE))).toMatch(/admin/);
  });

  it('lets a server admin repair the database', () => {
    expect(refusal(() => validate({ _id: 'x' }, record, { name: 'root', roles: ['_admin'] }, SECURITY_EXAMPLE))).toBeUndefined();
  });
});
