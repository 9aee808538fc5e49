// A change written outside the service (the team's exchange applies colleagues' records straight to the store)
// must drop the badges the service keeps between writes, as its own writes do.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { commitImport, openStore } from '../../lib/db';
import type { Badge, Changed } from '../../lib/messages';
import { createService } from '../../lib/service';

const A = '33333333-3333-4333-8333-333333333333';
const NOW = '2026-11-25T10:00:00.000Z';

describe('the service and changes written outside it', () => {
  it('drops its kept badges when told of a change written outside it, and broadcasts that change', async () => {
    const db = await openStore(`announce-${Math.random()}`);
    const told: Changed[] = [];
    const service = createService({ db, now: () => new Date(NOW), broadcast: (c) => told.push(c), loadMessages: async () => ({}), browserLanguage: () => 'en' });
    const badge = async () => {
      const r = await service.handle({ type: 'badges.get', tenantIds: [A] });
      if (!r.ok) throw new Error(r.error.key);
      return (r.data as Badge[])[0];
    };
    await commitImport(db, { customers: [{ tenantId: A, name: 'Contoso', updatedAt: NOW }] }, NOW);
    expect((await badge()).overdue).toBe(false);
    // A colleague's import lands in the store without the service writing it: the kept badge is still served.
    await commitImport(db, { invoices: [{ tenantId: A, number: 'I1', issuedOn: '2026-01-01', dueOn: '2026-02-01', amount: 1000, paid: 0, currency: 'USD' }] }, NOW);
    expect((await badge()).overdue).toBe(false);
    service.announce({ what: ['team', 'import'] });
    expect((await badge()).overdue).toBe(true);
    expect(told).toEqual([{ type: 'changed', what: ['team', 'import'], tenantIds: undefined }]);
  });
});
