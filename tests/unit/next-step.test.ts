// The panel's next step: the most urgent thing to do for a customer, as data.
import { describe, expect, it } from 'vitest';
import { nextStep } from '../../lib/next-step';
import type { PanelData } from '../../lib/messages';
import { agingOf, dunningStage } from '../../lib/receivables';
import { buildFacts, type CustomerRecords } from '../../lib/summary';
import { defaultSettings, type Alert } from '../../lib/schema';
import { IDENTITY_ITEMS, CHECKLIST } from '../../lib/checklist';

const T = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TODAY = '2026-11-25';
const NOW = '2026-11-25T12:00:00.000Z';

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: 'a1', tenantId: T, type: 'AzureFraud', name: 'Suspicious spending', status: 'active',
  detectedAt: '2026-11-25T06:00:00.000Z', ...over,
} as Alert);

function data(records: Partial<CustomerRecords> = {}, known = true) {
  const r: CustomerRecords = { invoices: [], checklist: [], flags: [], subscriptions: [], spending: [], alerts: [], ...records };
  const facts = buildFacts(r);
  const aging = agingOf(facts.openInvoices, TODAY);
  return { known, alerts: r.alerts, now: NOW, aging, dunning: dunningStage(aging.oldestDaysPastDue, defaultSettings().dunning), facts } as Pick<PanelData, 'known' | 'alerts' | 'now' | 'aging' | 'dunning' | 'facts'>;
}
const overdue = (days: number) => ({
  invoices: [{ tenantId: T, number: 'INV-1', issuedOn: '2026-01-01', dueOn: new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10), amount: 100_000, paid: 0, currency: 'USD' }],
});
const ticked = (ids: readonly string[]) => ids.map((itemId) => ({ tenantId: T, itemId, done: true, by: 'Ana', at: NOW }));

describe('the next step', () => {
  it('answers Microsoft\'s open alert first, with the time left of its 24 hours', () => {
    const s = nextStep(data({ alerts: [alert()], ...overdue(95) }), { verdictChanged: true });
    expect(s).toEqual({ action: 'answer-alert', values: { alertId: 'a1', name: 'Suspicious spending', msLeft: 18 * 3_600_000, overdue: false } });
  });

  it('says when the alert is past its 24 hours, and picks the one with least time left', () => {
    const s = nextStep(data({ alerts: [alert(), alert({ id: 'a2', detectedAt: '2026-11-24T10:00:00.000Z' })] }));
    expect(s.action).toBe('answer-alert');
    expect(s.values).toMatchObject({ alertId: 'a2', overdue: true, msLeft: -2 * 3_600_000 });
  });

  it('skips test alerts and alerts staff resolved', () => {
    const resolved = alert({ id: 'a3', staff: { status: 'resolved', reason: 'legitimate', by: 'Ana', at: NOW } } as Partial<Alert>);
    expect(nextStep(data({ alerts: [alert({ isTest: true }), resolved] })).action).not.toBe('answer-alert');
  });

  it('collects an overdue balance next, naming its days and dunning stage', () => {
    expect(nextStep(data({ ...overdue(95) }), { reviewDue: true })).toEqual({ action: 'collect', values: { days: 95, stage: 'suspension' } });
    expect(nextStep(data({ ...overdue(3) }))).toEqual({ action: 'collect', values: { days: 3, stage: 'first-reminder' } });
  });

  it('asks for a review when the decisions say the verdict changed or a review is due, before onboarding', () => {
    expect(nextStep(data(), { verdictChanged: true })).toEqual({ action: 'review', values: { reason: 'verdict-changed' } });
    expect(nextStep(data(), { reviewDue: true })).toEqual({ action: 'review', values: { reason: 'review-due' } });
    expect(nextStep(data(), { verdictChanged: false, reviewDue: false }).action).toBe('onboard');
  });

  it('finishes onboarding: the identity checks missing, then the other checks due before provisioning', () => {
    expect(nextStep(data())).toEqual({ action: 'onboard', values: { items: [...IDENTITY_ITEMS], kind: 'identity' } });
    expect(nextStep(data({ checklist: ticked(IDENTITY_ITEMS.slice(0, 3)) })).values).toEqual({ items: IDENTITY_ITEMS.slice(3), kind: 'identity' });
    expect(nextStep(data({ checklist: ticked(IDENTITY_ITEMS) }))).toEqual({
      action: 'onboard', values: { items: ['collections-policy', 'admin-access-controls', 'prepayment', 'payment-instrument'], kind: 'before-provisioning' },
    });
  });

  it('has nothing urgent once every check due before provisioning is done, and nothing to finish for an unknown customer', () => {
    expect(nextStep(data({ checklist: ticked(CHECKLIST.filter((i) => i.beforeProvisioning).map((i) => i.id)) }))).toEqual({ action: 'none', values: { known: true } });
    expect(nextStep(data({}, false))).toEqual({ action: 'none', values: { known: false } });
  });
});
