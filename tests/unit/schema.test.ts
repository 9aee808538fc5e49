import { describe, expect, it } from 'vitest';
import { Customer, Invoice, Settings, Spending, defaultSettings } from '../../lib/schema';

const now = '2026-11-25T10:00:00.000Z';

describe('schema', () => {
  it('stores a tenant id lower case', () => {
    const c = Customer.parse({ tenantId: 'ABCDEF01-2345-4789-8BCD-EF0123456789', name: 'Contoso', updatedAt: now });
    expect(c.tenantId).toBe('abcdef01-2345-4789-8bcd-ef0123456789');
  });
  it('refuses a tenant id that is not a GUID, naming the field', () => {
    const r = Customer.safeParse({ tenantId: 'not-a-guid', name: 'x', updatedAt: now });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['tenantId']);
    expect(r.error!.issues[0].message).toBe('is not a GUID');
  });
  it('refuses money that is not whole minor units and impossible dates', () => {
    const base = { tenantId: 'abcdef01-2345-4789-8bcd-ef0123456789', number: 'INV-1', issuedOn: '2026-01-01', dueOn: '2026-01-31', amount: 1000, paid: 0, currency: 'USD' };
    expect(Invoice.safeParse(base).success).toBe(true);
    expect(Invoice.safeParse({ ...base, amount: 10.5 }).success).toBe(false);
    expect(Invoice.safeParse({ ...base, dueOn: '2026-02-30' }).success).toBe(false);
    expect(Invoice.safeParse({ ...base, currency: 'usd' }).success).toBe(false);
  });
  it('lets a spending snapshot have no budget', () => {
    expect(Spending.safeParse({ tenantId: 'abcdef01-2345-4789-8bcd-ef0123456789', spendToDate: 5, asOf: '2026-11-01', currency: 'EUR' }).success).toBe(true);
  });
  it('fills settings defaults from the guidance and refuses levels that do not rise', () => {
    const s = defaultSettings();
    expect(s.weights['prepaid-card']).toBe(25);
    expect(s.levels).toEqual({ medium: 25, high: 50, critical: 75 });
    expect(s.dunning).toEqual({ first: 1, second: 15, final: 30, suspend: 45 });
    expect(s.regions.black).toEqual(['KP', 'IR', 'MM']);
    expect(Settings.safeParse({ levels: { medium: 60, high: 50, critical: 75 } }).success).toBe(false);
  });
});
