import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Panel } from '../../components/panel/Panel';
import type { PanelActions } from '../../components/panel/actions';
import { clearBadge, renderBadge } from '../../components/RiskBadge';
import type { PanelData } from '../../lib/messages';
import { assess } from '../../lib/service';
import { dunningStage } from '../../lib/receivables';
import { buildFacts, summaryOf } from '../../lib/summary';
import { defaultSettings, type Alert, type ChecklistEntry, type Customer } from '../../lib/schema';

const t = (key: string, ...subs: Array<string | number>) => (subs.length ? `${key}(${subs.join('|')})` : key);
const T = '11111111-1111-4111-8111-111111111111';
const SUB = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const TODAY = '2026-11-25';
const NOW = '2026-11-25T12:00:00.000Z';

function data(over: { checklist?: ChecklistEntry[]; staffName?: string; alerts?: Alert[] } = {}): PanelData {
  const customer: Customer = { tenantId: T, name: '<b>Contoso</b>', paymentInstrument: 'prepaid_card', prepaid: false, adminAccess: 'full', firstPaymentOn: '2026-11-10', updatedAt: NOW };
  const checklist = over.checklist ?? [];
  const alerts = over.alerts ?? [];
  const subscriptions = [{ id: SUB, tenantId: T, offerName: 'Azure plan', createdOn: '2026-11-01', seenAt: NOW }];
  const facts = buildFacts({
    invoices: [{ tenantId: T, number: 'I1', issuedOn: '2026-08-01', dueOn: '2026-08-26', amount: 1_200_000, paid: 0, currency: 'USD' }],
    checklist, flags: [], subscriptions, alerts,
    spending: [{ tenantId: T, budget: 100_000, spendToDate: 120_000, asOf: '2026-11-20', currency: 'USD' }],
  });
  const settings = defaultSettings();
  const a = assess(summaryOf(customer, facts), T, settings, TODAY, NOW);
  return {
    tenantId: T, known: true, customer, risk: a.risk, facts: a.facts, aging: a.aging, dunning: dunningStage(a.aging.oldestDaysPastDue, settings.dunning),
    budget: a.budget, checklist, history: [], flags: [], alerts, subscriptions, staffName: over.staffName ?? '', panelOpen: true, today: TODAY, now: NOW,
  };
}

function setup(d: PanelData, extra: Partial<PanelActions> = {}, subscriptionId?: string) {
  const actions: PanelActions = {
    tick: vi.fn(async () => undefined), setStaffName: vi.fn(async () => undefined), updateFacts: vi.fn(async () => undefined),
    addFlag: vi.fn(async () => undefined), resolveFlag: vi.fn(async () => undefined), triageAlert: vi.fn(async () => undefined), nameMissing: false, ...extra,
  };
  const onKey = vi.fn();
  const { container } = render(<div onKeyDown={onKey}><Panel tenantId={T} data={d} t={t} locale="en" open onToggle={vi.fn()} actions={actions} subscriptionId={subscriptionId} /></div>);
  return { actions, onKey, container };
}

describe('panel', () => {
  it('shows the score as the integer alone, the level, and one factor per contributing signal', () => {
    const d = data();
    setup(d);
    const panel = screen.getByTestId('risk-panel');
    expect(panel.dataset.tenantId).toBe(T);
    expect(panel.dataset.level).toBe(d.risk.level);
    expect(screen.getByTestId('risk-score').textContent).toBe(String(d.risk.score));
    expect(d.risk.score).toBe(100);
    const ids = screen.getAllByTestId('risk-factor').map((f) => f.dataset.factorId);
    expect(ids).toEqual(d.risk.factors.map((f) => f.id));
    expect(ids).toEqual(expect.arrayContaining(['prepaid-card', 'no-prepayment', 'overdue', 'provisioned-before-payment', 'full-admin-unchecked', 'unverified-identity']));
    const overdue = screen.getAllByTestId('risk-factor').find((f) => f.dataset.factorId === 'overdue')!;
    expect(overdue.textContent).toContain('factor_overdue(91|12,000.00 USD|1)');
    expect(overdue.textContent).toContain('+40');
  });

  it('shows the customer name as text, the overdue balance with its dunning stage and the budget state', () => {
    setup(data());
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('<b>Contoso</b>');
    expect(screen.getByTestId('panel-overdue').textContent).toContain('receivables_overdue(12,000.00 USD|91)');
    expect(screen.getByTestId('panel-dunning').textContent).toContain('dunning_suspension');
    expect(screen.getByTestId('panel-budget').dataset.state).toBe('breached');
  });

  it('has the 14 checklist items, each a wrapper with a real checkbox; ticking asks the background', () => {
    const { actions } = setup(data());
    const items = screen.getAllByTestId('checklist-item');
    expect(items).toHaveLength(14);
    const phone = items.find((i) => i.dataset.itemId === 'phone-contact')!;
    const box = within(phone).getByRole('checkbox') as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(actions.tick).toHaveBeenCalledWith('phone-contact', true);
  });

  it('moves with j and k between checkboxes and keeps those keys inside the panel', () => {
    const { onKey } = setup(data());
    const boxes = screen.getAllByRole('checkbox');
    boxes[0].focus();
    fireEvent.keyDown(boxes[0], { key: 'j' });
    expect(document.activeElement).toBe(boxes[1]);
    fireEvent.keyDown(boxes[1], { key: 'k' });
    expect(document.activeElement).toBe(boxes[0]);
    expect(onKey).not.toHaveBeenCalled();
  });

  it('asks for the staff name inline when a tick was kept without one, and saves it', () => {
    const checklist: ChecklistEntry[] = [{ tenantId: T, itemId: 'phone-contact', done: true, by: '', at: NOW }];
    const { actions } = setup(data({ checklist }));
    const phone = screen.getAllByTestId('checklist-item').find((i) => i.dataset.itemId === 'phone-contact')!;
    expect(phone.dataset.done).toBe('true');
    expect(within(phone).getByTestId('checklist-who').textContent).toContain('checklist_ticked_by(name_not_set|');
    fireEvent.input(screen.getByTestId('staff-name-input'), { target: { value: 'Ana Silva' } });
    fireEvent.click(screen.getByTestId('staff-name-save'));
    expect(actions.setStaffName).toHaveBeenCalledWith('Ana Silva');
  });

  it('does not ask for a name once one is set', () => {
    setup(data({ checklist: [{ tenantId: T, itemId: 'phone-contact', done: true, by: 'Ana', at: NOW }], staffName: 'Ana' }));
    expect(screen.queryByTestId('staff-name-prompt')).toBeNull();
  });

  it('warns on a subscription page: provisioned before the first payment, overdue past suspension', () => {
    setup(data(), {}, SUB);
    const warnings = screen.getAllByTestId('subscription-warning').map((w) => w.textContent);
    expect(warnings).toEqual(['sub_provisioned_before_payment', 'sub_overdue_past_suspension(91)']);
  });

  it('lists an alert with its 24-hour clock and records the staff triage', () => {
    const alert: Alert = { id: 'g1', source: 'graph', tenantId: T, type: 'CryptoMining', name: 'Mining', status: 'active', detectedAt: '2026-11-24T06:00:00.000Z', isTest: false };
    const { actions } = setup(data({ alerts: [alert] }));
    const row = screen.getByTestId('panel-alert');
    expect(row.dataset.response).toBe('overdue');
    expect(screen.getAllByTestId('risk-factor').some((f) => f.dataset.factorId === 'microsoft-alert')).toBe(true);
    fireEvent.click(within(row).getByTestId('alert-resolve-legitimate'));
    expect(actions.triageAlert).toHaveBeenCalledWith('g1', 'resolved', 'legitimate', undefined);
  });
});

describe('badge', () => {
  it('carries the tenant, the level in words, and marks only for overdue and budget states', () => {
    const b = document.createElement('span');
    renderBadge(b, { tenantId: T, level: 'high', score: 60, overdue: true, budget: 'breached' }, t);
    expect([b.dataset.testid, b.dataset.tenantId, b.dataset.level, b.dataset.overdue, b.dataset.budget]).toEqual(['risk-badge', T, 'high', 'true', 'breached']);
    expect(b.textContent).toContain('level_high 60');
    expect(b.getAttribute('aria-label')).toContain('badge_overdue');
    // Repainted with a calmer state: the marks go.
    renderBadge(b, { tenantId: T, level: 'low', score: 5, overdue: false }, t);
    expect(b.hasAttribute('data-overdue')).toBe(false);
    expect(b.hasAttribute('data-budget')).toBe(false);
    expect(b.textContent).toBe('level_low 5');
    clearBadge(b);
    expect(b.hasAttribute('data-testid')).toBe(false);
  });

  it('shows text as text', () => {
    const b = document.createElement('span');
    renderBadge(b, { tenantId: T, level: 'low', score: 1, overdue: false }, () => '<img src=x onerror=alert(1)>');
    expect(b.querySelector('img')).toBeNull();
    expect(b.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
