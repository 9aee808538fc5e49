// The risk panel, continued: receivables and budget, the subscription page, facts and flags, Microsoft alerts,
// and its states (see panel-fixtures.tsx for the data and the stand-in `t`).
import { readFileSync } from 'node:fs';
import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { makeTranslate } from '../../lib/i18n';
import { score } from '../../lib/risk';
import { type Alert, type Customer } from '../../lib/schema';
import { t, T, SUB, NOW, customerRecords, panelData, setup, personClick, personChange, personInput, scriptPlants, item } from './panel-fixtures';

describe('risk panel: receivables and budget', () => {
  it('shows the overdue balance with its aging and the dunning stage', () => {
    setup(panelData());
    expect(screen.getByTestId('panel-overdue').textContent).toBe('receivables_overdue(2,500.00 USD|45)');
    const rows = [...screen.getByTestId('panel-receivables').querySelectorAll('tr')].map((r) => r.textContent);
    expect(rows).toEqual(['bucket_current1,000.00 USD', 'bucket_31_602,500.00 USD']);
    expect(screen.getByTestId('panel-dunning').textContent).toBe('dunning_suspension');
  });

  it('shows the next dunning stage while there is one', () => {
    // 20 days past due: second reminder (day 15), final notice in 10 days (day 30).
    const records = { ...customerRecords().records, invoices: [{ tenantId: T, number: 'INV-3', issuedOn: '2026-10-05', dueOn: '2026-11-05', amount: 50_000, paid: 10_000, currency: 'EUR' }] };
    setup(panelData({ records }));
    expect(screen.getByTestId('panel-overdue').textContent).toBe('receivables_overdue(400.00 EUR|20)');
    expect(screen.getByTestId('panel-dunning').textContent).toBe('dunning_second_reminder — dunning_next(dunning_final_notice|10)');
  });

  it('says when invoices are open but none is overdue, and when there are none', () => {
    const open = { ...customerRecords().records, invoices: [{ tenantId: T, number: 'INV-2', issuedOn: '2026-11-10', dueOn: '2026-12-10', amount: 100_000, paid: 0, currency: 'USD' }] };
    const { rerender } = setup(panelData({ records: open }));
    expect(screen.queryByTestId('panel-overdue')).toBeNull();
    expect(screen.queryByTestId('panel-dunning')).toBeNull();
    expect(screen.getByTestId('panel-receivables').textContent).toBe('receivables_open_not_due(1,000.00 USD)');
    rerender({ data: panelData({ records: { ...open, invoices: [] } }) });
    expect(screen.getByTestId('panel-receivables').textContent).toBe('receivables_none');
  });

  it('shows the budget state with its utilization and figures', () => {
    setup(panelData());
    const budget = screen.getByTestId('panel-budget');
    expect(budget.dataset.state).toBe('approaching');
    expect(budget.textContent).toContain('budget_state_approaching');
    expect(budget.textContent).toContain('budget_utilization(85%)');
    expect(budget.textContent).toContain('budget_detail(850.00 USD|1,000.00 USD|Nov 20, 2026)');
  });

  it.each([
    ['breached', [{ tenantId: T, budget: 100_000, spendToDate: 120_000, asOf: '2026-11-20', currency: 'USD' }]],
    ['stale', [{ tenantId: T, budget: 100_000, spendToDate: 120_000, asOf: '2026-10-31', currency: 'USD' }]],
    ['no-budget', [{ tenantId: T, spendToDate: 120_000, asOf: '2026-11-20', currency: 'USD' }]],
    ['no-data', []],
  ])('budget state %s', (state, spending) => {
    setup(panelData({ records: { ...customerRecords().records, spending } }));
    const budget = screen.getByTestId('panel-budget');
    expect(budget.dataset.state).toBe(state);
    expect(budget.textContent).toContain(`budget_state_${state.replace(/-/g, '_')}`);
  });

  it('says "too early to forecast" before the 5th day of the month with no earlier months, and projects nothing', () => {
    const spending = [{ tenantId: T, budget: 100_000, spendToDate: 5_000, asOf: '2026-11-02', currency: 'USD' }];
    setup(panelData({ records: { ...customerRecords().records, spending } }));
    const budget = screen.getByTestId('panel-budget');
    expect(budget.dataset.state).toBe('ok');
    expect(screen.getByTestId('budget-too-early').textContent).toBe('budget_too_early');
    expect(budget.textContent).not.toContain('budget_projected');
  });

  it('shows the billing period the figure covers, in the panel\'s language and locale', () => {
    const spending = [{ tenantId: T, budget: 100_000, spendToDate: 85_000, asOf: '2026-11-20', currency: 'USD', billingStartDate: '2026-11-01', billingEndDate: '2026-11-30' }];
    const data = panelData({ records: { ...customerRecords().records, spending } });
    const bundle = (lang: string) => makeTranslate(JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')));
    const { rerender } = setup(data, { t: bundle('en'), locale: 'en' });
    expect(within(screen.getByTestId('panel-budget')).getByTestId('budget-period').textContent).toBe('billing period Nov 1, 2026 to Nov 30, 2026');
    const fr = { t: bundle('fr'), locale: 'fr' };
    rerender(fr);
    expect(screen.getByTestId('budget-period').textContent).toBe('période de facturation du 1 nov. 2026 au 30 nov. 2026');
    // A file that gives one end of the period only, and one that gives none (CSV snapshots).
    rerender({ data: panelData({ records: { ...customerRecords().records, spending: [{ ...spending[0], billingEndDate: undefined }] } }), ...fr });
    expect(screen.getByTestId('budget-period').textContent).toBe('période de facturation à partir du 1 nov. 2026');
    rerender({ data: panelData(), ...fr });
    expect(screen.getByTestId('panel-budget').textContent).toContain('850,00');
    expect(screen.queryByTestId('budget-period')).toBeNull();
  });

  it('marks a spending spike', () => {
    const spending = [
      { tenantId: T, budget: 1_000_000, spendToDate: 10_000, asOf: '2026-10-10', currency: 'USD' },
      { tenantId: T, budget: 1_000_000, spendToDate: 100_000, asOf: '2026-11-10', currency: 'USD' },
    ];
    setup(panelData({ records: { ...customerRecords().records, spending } }));
    expect(screen.getByTestId('budget-spike')).toBeTruthy();
    expect(screen.getAllByTestId('risk-factor').map((f) => f.dataset.factorId)).toContain('spend-spike');
  });
});

describe('risk panel: subscription page', () => {
  it('warns that the subscription was provisioned before the first payment and the customer is past suspension', () => {
    setup(panelData(), { subscriptionId: SUB.toUpperCase() });
    const section = screen.getByTestId('subscription-warnings');
    expect(section.textContent).toContain('Azure plan');
    expect(screen.getAllByTestId('subscription-warning').map((w) => w.textContent)).toEqual([
      'sub_provisioned_before_payment', 'sub_overdue_past_suspension(45)',
    ]);
    expect(section.textContent).toContain('sub_suspend_hint');
  });

  it('shows no subscription section on the customer\'s other pages', () => {
    setup(panelData());
    expect(screen.queryByTestId('subscription-warnings')).toBeNull();
  });

  it('does not warn of provisioning before payment when a pre-payment was received (as the score)', () => {
    const d = panelData({ customer: { prepaid: true } });
    expect(d.risk.factors.map((f) => f.id)).not.toContain('provisioned-before-payment');
    setup(d, { subscriptionId: SUB });
    expect(screen.getAllByTestId('subscription-warning').map((w) => w.textContent)).toEqual(['sub_overdue_past_suspension(45)']);
  });

  it('has no warning for a subscription created after the first payment of a customer who pays on time', () => {
    const records = { ...customerRecords().records, invoices: [], subscriptions: [{ id: SUB, tenantId: T, createdOn: '2026-10-20', seenAt: NOW }] };
    setup(panelData({ records }), { subscriptionId: SUB });
    expect(screen.queryAllByTestId('subscription-warning')).toHaveLength(0);
    expect(screen.getByTestId('subscription-warnings').textContent).toContain('sub_no_warnings');
    expect(screen.getByTestId('subscription-warnings').textContent).not.toContain('sub_suspend_hint');
  });

  it('says when the subscription is not known', () => {
    setup(panelData(), { subscriptionId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' });
    expect(screen.getByTestId('subscription-warnings').textContent).toContain('sub_unknown');
    // The customer is still past suspension, whichever subscription this is.
    expect(screen.getAllByTestId('subscription-warning').map((w) => w.textContent)).toEqual(['sub_overdue_past_suspension(45)']);
  });
});

describe('risk panel: facts and flags', () => {
  it('edits the customer facts', () => {
    const { actions } = setup(panelData());
    const instrument = screen.getByTestId('fact-payment-instrument') as HTMLSelectElement;
    expect(instrument.value).toBe('card');
    // A script setting the value and firing change edits nothing, and the select shows the store's value again.
    fireEvent.change(instrument, { target: { value: 'invoice' } });
    expect(actions.updateFacts).not.toHaveBeenCalled();
    expect(instrument.value).toBe('card');
    personChange(instrument, 'prepaid_card');
    expect(actions.updateFacts).toHaveBeenLastCalledWith({ paymentInstrument: 'prepaid_card' });
    personChange(instrument, '');
    expect(actions.updateFacts).toHaveBeenLastCalledWith({ paymentInstrument: null });
    const prepaid = screen.getByTestId('fact-prepaid') as HTMLSelectElement;
    expect(prepaid.value).toBe('no');
    personChange(prepaid, 'yes');
    expect(actions.updateFacts).toHaveBeenLastCalledWith({ prepaid: true });
    personChange(screen.getByTestId('fact-admin-access') as HTMLSelectElement, 'limited');
    expect(actions.updateFacts).toHaveBeenLastCalledWith({ adminAccess: 'limited' });
    expect(actions.updateFacts).toHaveBeenCalledTimes(4);
  });

  it('lists open flags, resolves one and adds one', () => {
    const { actions } = setup(panelData());
    const flags = screen.getAllByTestId('flag');
    expect(flags.map((f) => f.dataset.kind)).toEqual(['spam']);
    fireEvent.click(within(flags[0]).getByTestId('flag-resolve'));
    expect(actions.resolveFlag).not.toHaveBeenCalled();
    personClick(within(flags[0]).getByTestId('flag-resolve'));
    expect(actions.resolveFlag).toHaveBeenCalledWith('f1');
    personChange(screen.getByTestId('flag-kind') as HTMLSelectElement, 'crypto_mining');
    personInput(screen.getByTestId('flag-note'), ' Mining pool traffic ');
    // The page's words and kind, fired as events then hidden again, are not what a person's click sends.
    scriptPlants(screen.getByTestId('flag-kind'), 'other', 'change');
    scriptPlants(screen.getByTestId('flag-note'), 'Planted by the page');
    expect((screen.getByTestId('flag-note') as HTMLInputElement).value).toBe(' Mining pool traffic ');
    fireEvent.click(screen.getByTestId('flag-add'));
    fireEvent.submit(screen.getByTestId('flag-add').closest('form')!);
    expect(actions.addFlag).not.toHaveBeenCalled();
    personClick(screen.getByTestId('flag-add'));
    expect(actions.addFlag).toHaveBeenCalledWith('crypto_mining', 'Mining pool traffic');
  });
});

describe('risk panel: Microsoft alerts', () => {
  it('lists an open alert with its 24-hour clock, counts it in the score, and records the staff triage', async () => {
    const alert: Alert = { id: 'g1', source: 'graph', tenantId: T, type: 'CryptoMining', name: 'Mining', status: 'active', detectedAt: '2026-11-24T06:00:00.000Z', isTest: false };
    const test: Alert = { ...alert, id: 'g2', name: 'Test alert', isTest: true };
    const { actions } = setup(panelData({ records: { ...customerRecords().records, alerts: [alert, test] } }));
    const rows = screen.getAllByTestId('panel-alert');
    expect(rows.map((r) => r.dataset.alertId)).toEqual(['g1']);
    expect(rows[0].dataset.response).toBe('overdue');
    expect(within(rows[0]).getByTestId('alert-clock').textContent).toMatch(/^alert_past_due\(duration_hours\(6\)\)$/);
    expect(screen.getAllByTestId('risk-factor').filter((f) => f.dataset.factorId === 'microsoft-alert')).toHaveLength(1);
    personInput(within(rows[0]).getByRole('textbox'), 'Customer confirmed');
    scriptPlants(within(rows[0]).getByRole('textbox'), 'Planted by the page');
    fireEvent.click(within(rows[0]).getByTestId('alert-resolve-legitimate'));
    expect(within(rows[0]).queryByTestId('alert-legitimate-confirm')).toBeNull();
    // Resolving cannot be undone: a person's click asks first, and only the yes resolves.
    personClick(within(rows[0]).getByTestId('alert-resolve-legitimate'));
    expect(actions.triageAlert).not.toHaveBeenCalled();
    expect((await within(rows[0]).findByTestId('alert-legitimate-confirm')).textContent).toContain('alert_legitimate_confirm');
    personClick(within(rows[0]).getByTestId('alert-legitimate-confirm-yes'));
    expect(actions.triageAlert).toHaveBeenCalledWith('g1', 'resolved', 'legitimate', 'Customer confirmed');
  });

  it('asks in the panel before resolving an alert as fraud, and a script cannot answer for a person', async () => {
    const alert: Alert = { id: 'g1', source: 'graph', tenantId: T, type: 'CryptoMining', name: 'Mining', status: 'active', detectedAt: '2026-11-24T06:00:00.000Z', isTest: false };
    const { actions } = setup(panelData({ records: { ...customerRecords().records, alerts: [alert] } }));
    const row = screen.getByTestId('panel-alert');
    personClick(within(row).getByTestId('alert-resolve-fraud'));
    expect(actions.triageAlert).not.toHaveBeenCalled();
    fireEvent.click(await within(row).findByTestId('alert-fraud-confirm-yes'));
    expect(actions.triageAlert).not.toHaveBeenCalled();
    personClick(within(row).getByTestId('alert-fraud-confirm-yes'));
    expect(actions.triageAlert).toHaveBeenCalledWith('g1', 'resolved', 'fraud', undefined);
  });

  it('lists alerts most severe first, as the popup does: least time left, then severity, then time observed; closed ones last', () => {
    const at = (hoursAgo: number) => new Date(Date.parse(NOW) - hoursAgo * 3_600_000).toISOString();
    const a = (id: string, hoursAgo: number, severity: string, over: Partial<Alert> = {}): Alert =>
      ({ id, source: 'graph', tenantId: T, type: 'CryptoMining', name: id, status: 'active', severity, detectedAt: at(hoursAgo), isTest: false, ...over });
    const alerts = [
      a('closed-1h', 1, 'high', { status: 'resolved' }),
      a('due-22h-left-high', 2, 'high'),
      a('closed-by-staff-3h', 3, 'high', { staff: { status: 'resolved', reason: 'legitimate', by: 'Ana Silva', at: at(1) } }),
      a('due-4h-left-medium', 20, 'Medium'),
      a('due-4h-left-high', 20, 'high'),
      a('past-26h-high', 26, 'high'),
      a('past-27h-high', 27, 'high'),
      a('past-30h-low', 30, 'low'),
      a('past-40h-informational', 40, 'informational'),
    ];
    setup(panelData({ records: { ...customerRecords().records, alerts } }));
    expect(screen.getAllByTestId('panel-alert').map((r) => r.dataset.alertId)).toEqual([
      'past-27h-high', 'past-26h-high', 'past-30h-low', 'past-40h-informational',
      'due-4h-left-high', 'due-4h-left-medium', 'due-22h-left-high',
      'closed-1h', 'closed-by-staff-3h',
    ]);
  });

  it('has no alerts section without alerts', () => {
    setup(panelData());
    expect(screen.queryByTestId('panel-alerts')).toBeNull();
  });
});

describe('risk panel: states', () => {
  it('collapses to its header, still saying the level in words, and toggles from the keyboard-reachable button', () => {
    const { onToggle } = setup(panelData(), { open: false });
    const toggle = screen.getByTestId('panel-toggle');
    expect(toggle.tagName).toBe('BUTTON');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toContain('level_critical 89');
    expect(screen.queryByTestId('risk-score')).toBeNull();
    expect(screen.queryAllByTestId('checklist-item')).toHaveLength(0);
    fireEvent.click(toggle);
    expect(onToggle).not.toHaveBeenCalled();
    personClick(toggle);
    expect(onToggle).toHaveBeenCalledTimes(1);
  });

  it('shows loading without a level, then an error when the background fails', () => {
    const { rerender } = setup(undefined);
    const panel = screen.getByTestId('risk-panel');
    expect(panel.hasAttribute('data-level')).toBe(false);
    expect(panel.dataset.tenantId).toBe(T);
    expect(panel.textContent).toContain('loading');
    rerender({ error: 'panel_error(timeout)' });
    expect(screen.getByTestId('panel-error').textContent).toBe('panel_error(timeout)');
    expect(screen.getByTestId('risk-panel').textContent).not.toContain('loading');
  });

  it('keeps a failed action\'s error, with retry and dismiss, whatever data arrives meanwhile', () => {
    const failure = { message: 'panel_error(no storage left)', onRetry: vi.fn(), onDismiss: vi.fn() };
    const { rerender } = setup(panelData(), { failure });
    rerender({ data: panelData({ staffName: 'Ben' }), failure });
    expect(screen.getByTestId('panel-error').textContent).toContain('panel_error(no storage left)');
    screen.getByTestId('panel-error-dismiss').click();
    expect(failure.onDismiss).not.toHaveBeenCalled();
    personClick(screen.getByTestId('panel-error-retry'));
    expect(failure.onRetry).toHaveBeenCalledTimes(1);
    personClick(screen.getByTestId('panel-error-dismiss'));
    expect(failure.onDismiss).toHaveBeenCalledTimes(1);
  });

  it('says when the customer is not in the store yet', () => {
    setup({ ...panelData(), known: false, customer: undefined });
    expect(screen.getByTestId('panel-unknown').textContent).toBe('panel_unknown_customer');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('customer_unnamed');
    // Without a customer record there are no facts to edit.
    expect(screen.queryByTestId('panel-facts')).toBeNull();
  });

  it('shows an unknown customer (a name seen in the portal only) as "No data": neutral, no score, no factors', () => {
    setup({ ...panelData({ customer: { origin: 'portal' } }), known: false });
    const panel = screen.getByTestId('risk-panel');
    expect(panel.dataset.level).toBe('unknown');
    expect(screen.getByTestId('panel-unknown')).toBeTruthy();
    expect(screen.getByTestId('risk-level').textContent).toBe('level_unknown');
    expect(screen.queryByTestId('risk-score')).toBeNull();
    expect(screen.queryAllByTestId('risk-factor')).toHaveLength(0);
    expect(screen.getByTestId('panel-toggle').textContent).toContain('level_unknown');
    expect(screen.getByTestId('panel-toggle').textContent).not.toMatch(/\d/);
    expect(panel.querySelector('.low, .medium, .high, .critical')).toBeNull();
  });
});
