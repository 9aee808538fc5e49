import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '../../components/popup/Popup';
import { buildFacts, summaryOf } from '../../lib/summary';
import { alertResponseStats, buildTriage, reasonsOf } from '../../lib/triage';
import { attentionCount, attentionCountOf, indexTriage } from '../../lib/attention';
import { defaultSettings, type Alert, type Customer, type Invoice, type Spending, type Triage } from '../../lib/schema';

const t = (key: string, ...subs: Array<string | number>) => (subs.length ? `${key}(${subs.join('|')})` : key);
const TODAY = '2026-11-25';
const NOW = '2026-11-25T12:00:00.000Z';
const id = (n: number) => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;

interface Spec { n: number; name: string; domain?: string; invoices?: Array<[dueOn: string, amount: number, currency?: string]>; spending?: [budget: number | null, spend: number]; alerts?: Alert[] }
function setup(specs: Spec[], triage: Triage[] = [], props: Partial<PopupProps> = {}) {
  const summaries = specs.map((s) => {
    const c: Customer = { tenantId: id(s.n), name: s.name, domain: s.domain, updatedAt: NOW };
    const invoices: Invoice[] = (s.invoices ?? []).map(([dueOn, amount, currency = 'USD'], i) => ({ tenantId: c.tenantId, number: `I${i}`, issuedOn: '2026-01-01', dueOn, amount, paid: 0, currency }));
    const spending: Spending[] = s.spending ? [{ tenantId: c.tenantId, ...(s.spending[0] !== null ? { budget: s.spending[0] } : {}), spendToDate: s.spending[1], asOf: '2026-11-10', currency: 'USD' }] : [];
    return summaryOf(c, buildFacts({ invoices, checklist: [], flags: [], subscriptions: [], spending, alerts: s.alerts ?? [] }));
  });
  const alerts = specs.flatMap((s) => s.alerts ?? []);
  const actions = { open: vi.fn(), acknowledge: vi.fn(), snooze: vi.fn(), triageAlert: vi.fn(), openOptions: vi.fn() };
  const lists = buildTriage(summaries, alerts, indexTriage(triage), defaultSettings(), TODAY, NOW);
  render(<Popup lists={lists} stats={alertResponseStats(alerts, NOW)} customers={specs.length} t={t} locale="en" today={TODAY} now={NOW} actions={actions} {...props} />);
  return { actions, lists, summaries };
}
const rowIds = (testId: string) => screen.queryAllByTestId(testId).map((r) => r.dataset.tenantId);
const alert = (n: number, hoursAgo: number, over: Partial<Alert> = {}): Alert => ({
  id: `a${n}-${hoursAgo}`, source: 'graph', tenantId: id(n), type: 'CryptoMining', name: 'Mining', status: 'active',
  detectedAt: new Date(Date.parse(NOW) - hoursAgo * 3_600_000).toISOString(), isTest: false, ...over,
});

describe('popup', () => {
  it('lists only overdue customers, oldest days past due first, then the larger amount, then name; counts in tab names', () => {
    setup([
      { n: 1, name: 'Current', invoices: [['2026-12-01', 100]] },
      { n: 2, name: 'Bravo', invoices: [['2026-10-01', 100]] },
      { n: 3, name: 'Alpha', invoices: [['2026-10-01', 100]] },
      { n: 4, name: 'Oldest', invoices: [['2026-06-01', 5]] },
      { n: 5, name: 'Bigger', invoices: [['2026-10-01', 900, 'EUR']] },
    ]);
    expect(rowIds('overdue-row')).toEqual([id(4), id(5), id(3), id(2)]);
    expect(screen.getByRole('tab', { name: /tab_overdue \(4\)/ })).toBeTruthy();
    const first = screen.getAllByTestId('overdue-row')[0];
    expect(first.textContent).toContain('popup_days_past_due(177)');
    expect(first.textContent).toContain('0.05 USD');
  });

  it('shows budget rows breached, approaching, forecast with their state, and the coverage', () => {
    setup([
      { n: 1, name: 'Fine', spending: [100_000, 10_000] },
      { n: 2, name: 'Forecast', spending: [100_000, 79_000] },
      { n: 3, name: 'Breached', spending: [100_000, 120_000] },
      { n: 4, name: 'Approaching', spending: [100_000, 85_000] },
      { n: 5, name: 'NoBudget', spending: [null, 85_000] },
    ], undefined, { initialTab: 'budget' });
    const rows = screen.getAllByTestId('budget-row');
    expect(rows.map((r) => [r.dataset.tenantId, r.dataset.state])).toEqual([[id(3), 'breached'], [id(4), 'approaching'], [id(2), 'forecast']]);
    expect(screen.getByTestId('budget-coverage').textContent).toBe('popup_budget_coverage(4|5)');
  });

  it('searches by name, domain or tenant id', () => {
    setup([
      { n: 1, name: 'Contoso', domain: 'contoso.com', invoices: [['2026-10-01', 100]] },
      { n: 2, name: 'Fabrikam', domain: 'fab.example', invoices: [['2026-10-01', 100]] },
    ]);
    const search = screen.getByTestId('popup-search');
    fireEvent.input(search, { target: { value: 'FAB.EX' } });
    expect(rowIds('overdue-row')).toEqual([id(2)]);
    fireEvent.input(search, { target: { value: id(1).slice(0, 8) } });
    expect(rowIds('overdue-row')).toEqual([id(1)]);
    fireEvent.input(search, { target: { value: 'nobody' } });
    expect(screen.getByTestId('popup-list-empty').textContent).toBe('popup_no_match');
  });

  it('filters by state', () => {
    setup([{ n: 1, name: 'A', invoices: [['2026-11-20', 1]] }, { n: 2, name: 'B', invoices: [['2026-06-01', 1]] }]);
    fireEvent.change(screen.getByTestId('popup-filter'), { target: { value: '91+' } });
    expect(rowIds('overdue-row')).toEqual([id(2)]);
  });

  it('acknowledges and snoozes a row, opens the customer, and keeps snoozed rows in their own tab', () => {
    const triage: Triage[] = [{ tenantId: id(2), reason: 'overdue', snoozedUntil: '2026-12-01' }, { tenantId: id(3), reason: 'overdue', acknowledgedAt: NOW }];
    const { actions } = setup([
      { n: 1, name: 'One', invoices: [['2026-10-01', 1]] }, { n: 2, name: 'Two', invoices: [['2026-10-01', 1]] }, { n: 3, name: 'Three', invoices: [['2026-09-01', 1]] },
    ], triage);
    expect(rowIds('overdue-row')).toEqual([id(3), id(1)]);
    expect(screen.getAllByTestId('overdue-row')[0].dataset.acknowledged).toBe('true');
    const one = screen.getAllByTestId('overdue-row')[1];
    fireEvent.click(within(one).getByTestId('row-acknowledge'));
    expect(actions.acknowledge).toHaveBeenCalledWith(id(1), 'overdue', true);
    fireEvent.input(within(one).getByTestId('row-snooze-date'), { target: { value: '2026-12-24' } });
    fireEvent.click(within(one).getByTestId('row-snooze'));
    expect(actions.snooze).toHaveBeenCalledWith(id(1), 'overdue', '2026-12-24');
    fireEvent.click(within(one).getByText('One'));
    expect(actions.open).toHaveBeenCalledWith(id(1), false);
    fireEvent.click(within(one).getByText('One'), { ctrlKey: true });
    expect(actions.open).toHaveBeenLastCalledWith(id(1), true);
    fireEvent.click(screen.getByRole('tab', { name: /tab_snoozed \(1\)/ }));
    expect(rowIds('snoozed-row')).toEqual([id(2)]);
    fireEvent.click(screen.getByTestId('row-unsnooze'));
    expect(actions.snooze).toHaveBeenLastCalledWith(id(2), 'overdue', null);
  });

  it("snoozing a customer's overdue row leaves its budget and alert rows, and the badge count keeps it", () => {
    const spec: Spec[] = [
      { n: 1, name: 'Both', invoices: [['2026-10-01', 100]], spending: [100_000, 120_000], alerts: [alert(1, 3)] },
      { n: 2, name: 'Other', invoices: [['2026-10-01', 100]] },
    ];
    const { lists, actions } = setup(spec, [{ tenantId: id(1), reason: 'overdue', snoozedUntil: '2026-12-01' }]);
    expect(rowIds('overdue-row')).toEqual([id(2)]);
    expect(lists.budget.map((r) => r.tenantId)).toEqual([id(1)]);
    expect(lists.alerts.map((r) => r.tenantId)).toEqual([id(1)]);
    expect(lists.snoozed.map((r) => [r.tenantId, r.reason])).toEqual([[id(1), 'overdue']]);
    // Both customers still have a row that is neither snoozed nor acknowledged.
    expect(attentionCount(lists)).toBe(2);
    expect(screen.getByTestId('popup-attention').textContent).toBe('popup_attention(2)');
    // Each row's buttons act on its own reason.
    fireEvent.click(screen.getByRole('tab', { name: /tab_budget \(1\)/ }));
    fireEvent.click(within(screen.getByTestId('budget-row')).getByTestId('row-acknowledge'));
    expect(actions.acknowledge).toHaveBeenLastCalledWith(id(1), 'budget', true);
    fireEvent.click(screen.getByRole('tab', { name: /tab_alerts \(1\)/ }));
    fireEvent.click(within(screen.getByTestId('alert-row')).getByTestId('row-snooze'));
    expect(actions.snooze).toHaveBeenLastCalledWith(id(1), 'alert:a1-3', expect.any(String));
    fireEvent.click(screen.getByRole('tab', { name: /tab_snoozed \(1\)/ }));
    expect(screen.getByTestId('snoozed-row').dataset.reason).toBe('overdue');
    fireEvent.click(screen.getByTestId('row-unsnooze'));
    expect(actions.snooze).toHaveBeenLastCalledWith(id(1), 'overdue', null);
  });

  it('counts a customer on the badge while any of its rows is neither acknowledged nor snoozed, from the lists or its reasons alike', () => {
    const spec: Spec[] = [
      { n: 1, name: 'Both', invoices: [['2026-10-01', 100]], spending: [100_000, 120_000] },
      { n: 2, name: 'Alerted', alerts: [alert(2, 3), alert(2, 5, { status: 'resolved' }), alert(2, 6, { isTest: true })] },
      { n: 3, name: 'Quiet', spending: [100_000, 1_000] },
    ];
    const acked = (n: number, reason: string) => ({ tenantId: id(n), reason, acknowledgedAt: NOW });
    const cases: Array<[Triage[], number]> = [
      [[], 2],
      [[acked(1, 'overdue')], 2],
      [[acked(1, 'overdue'), { tenantId: id(1), reason: 'budget', snoozedUntil: '2026-12-01' }], 1],
      [[acked(1, 'overdue'), acked(1, 'budget'), acked(2, 'alert:a2-3')], 0],
      [[acked(1, 'overdue'), acked(1, 'budget'), { tenantId: id(2), reason: 'alert:a2-3', snoozedUntil: TODAY }], 1], // the snooze has ended
    ];
    for (const [triage, expected] of cases) {
      const { lists, summaries } = setup(spec, triage);
      expect(attentionCount(lists)).toBe(expected);
      const reasons = new Map(summaries.map((s) => [s.tenantId, reasonsOf(s, defaultSettings(), TODAY, NOW)]));
      expect(attentionCountOf(reasons, indexTriage(triage), TODAY)).toBe(expected);
      cleanup();
    }
  });

  it("says so when an alert's snooze date passes its 24-hour response time", () => {
    setup([{ n: 1, name: 'A', alerts: [alert(1, 3)] }], [], { initialTab: 'alerts' });
    const row = screen.getByTestId('alert-row');
    const date = within(row).getByTestId('row-snooze-date') as HTMLInputElement;
    // Detected 3 h before noon on the 25th: due on the 26th at 09:00; the row is back on the morning of the 26th.
    expect(date.value).toBe('2026-11-26');
    expect(within(row).queryByTestId('row-snooze-warning')).toBeNull();
    fireEvent.input(date, { target: { value: '2026-11-27' } });
    expect(within(row).getByTestId('row-snooze-warning').textContent).toMatch(/^popup_snooze_past_response\(/);
    cleanup();
    setup([{ n: 1, name: 'A', alerts: [alert(1, 3)] }], [{ tenantId: id(1), reason: 'alert:a1-3', snoozedUntil: '2026-12-01' }], { initialTab: 'snoozed' });
    expect(screen.getByTestId('snoozed-past-response').textContent).toMatch(/^popup_snoozed_past_response\(/);
  });

  it('orders security alerts by time left, marks overdue ones, hides test alerts, and records triage', () => {
    const { actions } = setup([
      { n: 1, name: 'A', alerts: [alert(1, 3), alert(1, 30), alert(1, 40, { isTest: true })] },
      { n: 2, name: 'B', alerts: [alert(2, 24), alert(2, 1, { status: 'resolved' })] },
    ], undefined, { initialTab: 'alerts' });
    const rows = screen.getAllByTestId('alert-row');
    expect(rows.map((r) => [r.dataset.alertId, r.dataset.response])).toEqual([['a1-30', 'overdue'], ['a2-24', 'due'], ['a1-3', 'due']]);
    // Resolving as fraud cannot be undone: the row asks first, in the page.
    fireEvent.click(within(rows[0]).getByTestId('alert-resolve-fraud'));
    expect(actions.triageAlert).not.toHaveBeenCalled();
    fireEvent.click(within(rows[0]).getByTestId('alert-fraud-confirm-no'));
    expect(within(rows[0]).queryByTestId('alert-fraud-confirm')).toBeNull();
    fireEvent.click(within(rows[0]).getByTestId('alert-resolve-fraud'));
    expect(within(rows[0]).getByTestId('alert-fraud-confirm').textContent).toContain('alert_fraud_confirm');
    fireEvent.click(within(rows[0]).getByTestId('alert-fraud-confirm-yes'));
    expect(actions.triageAlert).toHaveBeenCalledWith('a1-30', 'resolved', 'fraud');
    // So do "legitimate" and "ignore": each asks its own question, and "no" does nothing.
    for (const r of ['legitimate', 'ignore'] as const) {
      actions.triageAlert.mockClear();
      fireEvent.click(within(rows[1]).getByTestId(`alert-resolve-${r}`));
      expect(actions.triageAlert).not.toHaveBeenCalled();
      expect(within(rows[1]).getByTestId(`alert-${r}-confirm`).textContent).toContain(`alert_${r}_confirm`);
      fireEvent.click(within(rows[1]).getByTestId(`alert-${r}-confirm-no`));
      expect(within(rows[1]).queryByTestId(`alert-${r}-confirm`)).toBeNull();
      fireEvent.click(within(rows[1]).getByTestId(`alert-resolve-${r}`));
      fireEvent.click(within(rows[1]).getByTestId(`alert-${r}-confirm-yes`));
      expect(actions.triageAlert).toHaveBeenCalledWith('a2-24', 'resolved', r);
    }
    expect(screen.getByTestId('alert-response-stats').textContent).toBe('alerts_stats_none');
  });

  it('says what to do when there is no data, and per tab when a list is empty', () => {
    setup([], undefined, { customers: 0 });
    expect(screen.getByTestId('popup-empty').textContent).toContain('popup_empty_no_data');
    expect(screen.getByTestId('popup-list-empty').textContent).toBe('popup_empty_overdue');
  });

  it('shows names with markup as text and moves between tabs with the arrow keys', () => {
    setup([{ n: 1, name: '<img src=x onerror="window.__pwned=1">', invoices: [['2026-10-01', 1]] }]);
    const row = screen.getByTestId('overdue-row');
    expect(row.querySelector('img')).toBeNull();
    expect(row.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    const tab = screen.getByRole('tab', { name: /tab_overdue/ });
    fireEvent.keyDown(tab, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: /tab_budget/ }).getAttribute('aria-selected')).toBe('true');
  });

  it('renders 200 rows whole and windows a longer list', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ n: i + 1, name: `C${i}`, invoices: [['2026-10-01', 1]] as Array<[string, number]> }));
    setup(many(200));
    expect(screen.getAllByTestId('overdue-row')).toHaveLength(200);
  });

  it('windows a list longer than 200 rows', () => {
    setup(Array.from({ length: 1000 }, (_, i) => ({ n: i + 1, name: `C${i}`, invoices: [['2026-10-01', 1]] as Array<[string, number]> })));
    const shown = screen.getAllByTestId('overdue-row').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(100);
    expect(screen.getByRole('tab', { name: /tab_overdue \(1000\)/ })).toBeTruthy();
  });
});
