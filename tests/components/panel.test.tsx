// The risk panel, rendered with PanelData computed by the real logic (buildFacts, score, agingOf, budgetState,
// dunningStage: what lib/service.ts `assess` and 'panel.get' do) for a customer with several risk factors.
// Strings come from a stand-in `t` that echoes keys and substitutions, so nothing depends on the catalogue.
import { readFileSync } from 'node:fs';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Panel, type PanelProps } from '../../components/panel/Panel';
import type { PanelActions } from '../../components/panel/actions';
import { budgetState } from '../../lib/budget';
import { makeTranslate } from '../../lib/i18n';
import { CHECKLIST } from '../../lib/checklist';
import type { PanelData } from '../../lib/messages';
import { agingOf, dunningStage } from '../../lib/receivables';
import { score } from '../../lib/risk';
import { buildFacts, type CustomerRecords } from '../../lib/summary';
import { defaultSettings, type Alert, type ChecklistEntry, type Customer } from '../../lib/schema';

const t = (key: string, ...subs: Array<string | number>) => (subs.length ? `${key}(${subs.join('|')})` : key);
const T = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SUB = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const TODAY = '2026-11-25';
const NOW = '2026-11-25T12:00:00.000Z';
const NAME = '<img src=x onerror="window.__pwned=1">Contoso';

const entry = (itemId: string, done: boolean, by: string, at = '2026-11-20T09:00:00.000Z', note?: string): ChecklistEntry =>
  ({ tenantId: T, itemId, done, by, at, ...(note ? { note } : {}) });

/** Pays by card, no pre-payment, a subscription before the first payment, an invoice 45 days overdue, three of
 * five identity checks not done, full admin access, one open abuse flag, spending at 85 % of its budget. */
function customerRecords(): { customer: Customer; records: CustomerRecords } {
  return {
    customer: {
      tenantId: T, name: NAME, paymentInstrument: 'card', prepaid: false, adminAccess: 'full',
      createdOn: '2026-01-10', firstPaymentOn: '2026-10-15', updatedAt: NOW,
    },
    records: {
      invoices: [
        { tenantId: T, number: 'INV-1', issuedOn: '2026-09-11', dueOn: '2026-10-11', amount: 250_000, paid: 0, currency: 'USD' },
        { tenantId: T, number: 'INV-2', issuedOn: '2026-11-10', dueOn: '2026-12-10', amount: 100_000, paid: 0, currency: 'USD' },
      ],
      checklist: [
        entry('phone-contact', true, 'Ana Silva'),
        entry('background-check', true, 'Ana Silva'),
        entry('activity-log-review', true, 'Ana Silva', '2026-11-20T09:00:00.000Z'),
      ],
      flags: [{ id: 'f1', tenantId: T, kind: 'spam', note: 'Reported by Microsoft', at: '2026-11-24T08:00:00.000Z', by: 'Ana Silva' }],
      subscriptions: [{ id: SUB, tenantId: T, offerName: 'Azure plan', status: 'active', createdOn: '2026-10-01', seenAt: NOW }],
      spending: [{ tenantId: T, budget: 100_000, spendToDate: 85_000, asOf: '2026-11-20', currency: 'USD' }],
      alerts: [],
    },
  };
}

/** PanelData as the background assembles it. */
function panelData(over: { customer?: Partial<Customer>; records?: Partial<CustomerRecords>; staffName?: string; known?: boolean } = {}): PanelData {
  const base = customerRecords();
  const customer = { ...base.customer, ...over.customer };
  const records = { ...base.records, ...over.records };
  const settings = defaultSettings();
  const facts = buildFacts(records);
  const aging = agingOf(facts.openInvoices, TODAY);
  return {
    tenantId: T, known: over.known ?? true, customer, facts,
    risk: score(customer, facts, settings, TODAY, NOW),
    aging, dunning: dunningStage(aging.oldestDaysPastDue, settings.dunning), budget: budgetState(facts.spending, settings, TODAY),
    checklist: records.checklist, history: [], flags: records.flags, alerts: records.alerts, subscriptions: records.subscriptions,
    staffName: over.staffName ?? 'Ana Silva', panelOpen: true, today: TODAY, now: NOW,
  };
}

function fakeActions(over: Partial<PanelActions> = {}): PanelActions {
  return {
    tick: vi.fn(async () => undefined), openOptions: vi.fn(async () => undefined), updateFacts: vi.fn(async () => undefined),
    addFlag: vi.fn(async () => undefined), resolveFlag: vi.fn(async () => undefined), triageAlert: vi.fn(async () => undefined),
    nameMissing: false, ...over,
  };
}

function setup(data: PanelData | undefined, props: Partial<PanelProps> = {}) {
  const actions = props.actions ?? fakeActions();
  const onToggle = vi.fn();
  const all: PanelProps = { tenantId: T, data, t, locale: 'en', open: true, onToggle, actions, ...props };
  const view = render(<Panel {...all} />);
  const rerender = (next: Partial<PanelProps>) => view.rerender(<Panel {...all} {...next} />);
  return { actions, onToggle, rerender, view };
}

/** A person's click or change. happy-dom has no isTrusted: the event is marked as Chromium marks a person's. */
const asPerson = <E extends Event>(e: E): E => Object.defineProperty(e, 'isTrusted', { value: true });
const personClick = (el: Element) => el.dispatchEvent(asPerson(new MouseEvent('click', { bubbles: true, cancelable: true })));
const personChange = (el: HTMLSelectElement, value: string) => {
  el.value = value;
  el.dispatchEvent(asPerson(new Event('change', { bubbles: true })));
};
/** A person typing in a field. */
const personInput = (el: HTMLElement, value: string) => {
  (el as HTMLInputElement).value = value;
  fireEvent(el, asPerson(new Event('input', { bubbles: true })));
};
/** A page script's words: sets the field, fires its event, then puts the person's text back on screen. */
const scriptPlants = (el: HTMLElement, value: string, type = 'input') => {
  const field = el as HTMLInputElement;
  const shown = field.value;
  field.value = value;
  fireEvent(field, new Event(type, { bubbles: true }));
  field.value = shown;
};

const item = (id: string) => screen.getAllByTestId('checklist-item').find((i) => i.dataset.itemId === id)!;
const box = (id: string) => within(item(id)).getByRole('checkbox') as HTMLInputElement;

describe('risk panel: score and factors', () => {
  it('carries the tenant id in lower case and the level', () => {
    const d = panelData();
    setup(d, { tenantId: T.toUpperCase() });
    const panel = screen.getByTestId('risk-panel');
    expect(panel.getAttribute('data-tenant-id')).toBe(T);
    expect(panel.getAttribute('data-level')).toBe('critical');
  });

  it('shows the score as the integer alone, with the level in words and in colour', () => {
    const d = panelData();
    // card 10 + no pre-payment 10 + provisioned before payment 10 + overdue 31–60 20 + 3 identity checks 9
    // + full admin access 10 + one abuse flag 20 = 89.
    expect(d.risk.score).toBe(89);
    setup(d);
    const scoreEl = screen.getByTestId('risk-score');
    expect(scoreEl.textContent).toBe('89');
    expect(screen.getByTestId('risk-level').textContent).toBe('level_critical');
    expect(scoreEl.parentElement!.classList.contains('critical')).toBe(true);
    // The collapsed header says it too, in words.
    expect(screen.getByTestId('panel-toggle').textContent).toContain('level_critical 89');
  });

  it('lists one risk-factor per factor, with its points, evidence and guidance', () => {
    setup(panelData());
    const factors = screen.getAllByTestId('risk-factor');
    expect(factors.map((f) => [f.dataset.factorId, f.querySelector('.pts')!.textContent])).toEqual([
      ['card-not-present', '+10'],
      ['no-prepayment', '+10'],
      ['provisioned-before-payment', '+10'],
      ['overdue', '+20'],
      ['unverified-identity', '+9'],
      ['abuse-flag', '+20'],
      ['full-admin-unchecked', '+10'],
    ]);
    const text = (id: string) => factors.find((f) => f.dataset.factorId === id)!.textContent;
    expect(text('overdue')).toContain('factor_overdue(45|2,500.00 USD|1)');
    expect(text('overdue')).toContain('guidance_theft_of_service');
    expect(text('unverified-identity')).toContain(
      'factor_unverified_identity(3|checklist_item_sms_verification, checklist_item_digital_identity, checklist_item_card_fraud_check)');
    expect(text('provisioned-before-payment')).toContain('factor_provisioned_before_payment_dated(Oct 1, 2026|Oct 15, 2026)');
    expect(text('abuse-flag')).toContain('factor_abuse_flag(1|flag_kind_spam)');
    expect(text('full-admin-unchecked')).toContain('factor_full_admin_unchecked(3|14)');
    expect(text('full-admin-unchecked')).toContain('guidance_account_management');
  });

  it('says so when nothing contributes, and when no subscription data is known', () => {
    setup(panelData({
      customer: { paymentInstrument: 'invoice', prepaid: true, adminAccess: 'limited' },
      records: {
        invoices: [], flags: [], subscriptions: [], spending: [],
        checklist: ['phone-contact', 'background-check', 'sms-verification', 'digital-identity', 'card-fraud-check', 'activity-log-review'].map((id) => entry(id, true, 'Ana')),
      },
    }));
    expect(screen.getByTestId('risk-score').textContent).toBe('0');
    expect(screen.getByTestId('risk-panel').dataset.level).toBe('low');
    expect(screen.queryAllByTestId('risk-factor')).toHaveLength(0);
    expect(screen.getByTestId('risk-no-factors')).toBeTruthy();
    expect(screen.getByTestId('no-subscription-data')).toBeTruthy();
  });

  it('shows the customer name as text, never as markup', () => {
    const { view } = setup(panelData());
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(NAME);
    expect(view.container.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('risk panel: checklist', () => {
  it('has the 14 items of the catalogue, each a wrapper with data-item-id holding one real checkbox', () => {
    setup(panelData());
    const items = screen.getAllByTestId('checklist-item');
    expect(items).toHaveLength(14);
    expect(items.map((i) => i.dataset.itemId)).toEqual(CHECKLIST.map((c) => c.id));
    for (const i of items) {
      const boxes = i.querySelectorAll('input');
      expect(boxes).toHaveLength(1);
      expect(boxes[0].type).toBe('checkbox');
      // Labelled, so a screen reader and a click on the text both reach it.
      expect(screen.getByLabelText(new RegExp(`^checklist_item_${i.dataset.itemId!.replace(/-/g, '_')}`))).toBe(boxes[0]);
    }
    expect(screen.getByTestId('checklist-progress').textContent).toBe('3/14');
  });

  it('shows done items checked with who ticked them and when; the activity-log review shows its last date', () => {
    setup(panelData());
    expect(box('phone-contact').checked).toBe(true);
    expect(item('phone-contact').dataset.done).toBe('true');
    expect(box('sms-verification').checked).toBe(false);
    expect(item('sms-verification').dataset.done).toBe('false');
    expect(within(item('phone-contact')).getByTestId('checklist-who').textContent).toMatch(/^checklist_ticked_by\(Ana Silva\|Nov 20, 2026/);
    expect(within(item('activity-log-review')).getByTestId('checklist-who').textContent).toMatch(/^checklist_last_review\(Nov 20, 2026/);
    expect(within(item('sms-verification')).queryByTestId('checklist-who')).toBeNull();
  });

  it('ticks an unticked item and unticks a ticked one through the actions', () => {
    const { actions } = setup(panelData());
    personClick(box('sms-verification'));
    expect(actions.tick).toHaveBeenCalledWith('sms-verification', true);
    personClick(box('phone-contact'));
    expect(actions.tick).toHaveBeenCalledWith('phone-contact', false);
    expect(actions.tick).toHaveBeenCalledTimes(2);
  });

  it('ignores a script\'s click on a checkbox or its label: nothing is ticked and the box flips back', () => {
    const { actions } = setup(panelData());
    box('sms-verification').click();
    fireEvent.click(box('phone-contact'));
    (item('dunning').querySelector('label') as HTMLLabelElement).click();
    expect(actions.tick).not.toHaveBeenCalled();
    expect(box('sms-verification').checked).toBe(false);
    expect(box('phone-contact').checked).toBe(true);
    expect(box('dunning').checked).toBe(false);
  });

  it('shows a tick as saving between the click and the commit, and a failed one as not saved, with the store\'s state', () => {
    const pending = new Map([['sms-verification', { done: true, state: 'saving' as const }], ['phone-contact', { done: false, state: 'error' as const }]]);
    setup(panelData(), { actions: fakeActions({ pending }) });
    expect(item('sms-verification').dataset.state).toBe('saving');
    expect(box('sms-verification').checked).toBe(true);
    expect(within(item('sms-verification')).getByTestId('checklist-item-state').textContent).toBe('checklist_saving');
    expect(item('phone-contact').dataset.state).toBe('error');
    // What the store holds: still ticked.
    expect(box('phone-contact').checked).toBe(true);
    expect(within(item('phone-contact')).getByTestId('checklist-item-state').textContent).toBe('checklist_not_saved');
    expect(item('dunning').hasAttribute('data-state')).toBe(false);
  });

  it('moves with j and k between checkboxes, and those keys do not leave the panel', () => {
    setup(panelData());
    const outside = vi.fn();
    document.addEventListener('keydown', outside);
    try {
      const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
      boxes[0].focus();
      const j = fireEvent.keyDown(boxes[0], { key: 'j' });
      expect(document.activeElement).toBe(boxes[1]);
      expect(j).toBe(false); // default prevented: the page does not scroll or type
      fireEvent.keyDown(boxes[1], { key: 'j' });
      expect(document.activeElement).toBe(boxes[2]);
      fireEvent.keyDown(boxes[2], { key: 'k' });
      expect(document.activeElement).toBe(boxes[1]);
      // Across phases, and not past either end.
      boxes[5].focus();
      fireEvent.keyDown(boxes[5], { key: 'j' });
      expect(document.activeElement).toBe(boxes[6]);
      fireEvent.keyDown(boxes[0], { key: 'k' });
      expect(document.activeElement).toBe(boxes[0]);
      fireEvent.keyDown(boxes[13], { key: 'j' });
      expect(document.activeElement).toBe(boxes[13]);
      expect(outside).not.toHaveBeenCalled();
      // Other keys are not ours to stop: the listener outside does hear them.
      fireEvent.keyDown(boxes[13], { key: 'x' });
      expect(outside).toHaveBeenCalledTimes(1);
    } finally {
      document.removeEventListener('keydown', outside);
    }
  });

  it('moves from an item\'s note button to the next or previous item, not back to the first', () => {
    setup(panelData());
    const noteButton = within(item('background-check')).getByRole('button');
    noteButton.focus();
    fireEvent.keyDown(noteButton, { key: 'j' });
    expect(document.activeElement).toBe(box('sms-verification'));
    noteButton.focus();
    fireEvent.keyDown(noteButton, { key: 'k' });
    expect(document.activeElement).toBe(box('phone-contact'));
  });

  it('leaves j and k alone while typing a note, and with Ctrl, Alt or Meta', () => {
    setup(panelData());
    const outside = vi.fn();
    document.addEventListener('keydown', outside);
    try {
      fireEvent.click(within(item('sms-verification')).getByRole('button'));
      const input = within(item('sms-verification')).getByRole('textbox');
      input.focus();
      expect(fireEvent.keyDown(input, { key: 'j' })).toBe(true);
      expect(document.activeElement).toBe(input);
      const first = box('phone-contact');
      first.focus();
      expect(fireEvent.keyDown(first, { key: 'j', ctrlKey: true })).toBe(true);
      expect(fireEvent.keyDown(first, { key: 'k', altKey: true })).toBe(true);
      expect(document.activeElement).toBe(first);
      expect(outside).toHaveBeenCalledTimes(3);
    } finally {
      document.removeEventListener('keydown', outside);
    }
  });

  it('adds a note to an item, starting from the note the store has now', () => {
    const d = panelData({ records: { ...customerRecords().records, checklist: [entry('phone-contact', true, 'Ana Silva', undefined, 'Called the CFO')] } });
    const { actions, rerender } = setup(d);
    expect(item('phone-contact').textContent).toContain('Called the CFO');
    // Another tab edits the note; this panel refreshes with it.
    const later = panelData({ records: { ...customerRecords().records, checklist: [entry('phone-contact', true, 'Ana Silva', undefined, 'Called the CEO')] } });
    rerender({ data: later });
    fireEvent.click(within(item('phone-contact')).getByRole('button', { name: /checklist_add_note_for/ }));
    const input = within(item('phone-contact')).getByRole('textbox') as HTMLInputElement;
    expect(input.value).toBe('Called the CEO');
    personInput(input, '  Called the CEO twice ');
    scriptPlants(input, 'Planted by the page');
    expect(input.value).toBe('  Called the CEO twice ');
    // A script submitting the form, or clicking its button, saves nothing.
    fireEvent.submit(input.form!);
    within(item('phone-contact')).getByRole('button', { name: 'save' }).click();
    expect(actions.tick).not.toHaveBeenCalled();
    personClick(within(item('phone-contact')).getByRole('button', { name: 'save' }));
    expect(actions.tick).toHaveBeenCalledWith('phone-contact', true, 'Called the CEO twice');
  });
});

describe('risk panel: staff name', () => {
  it('asks inline when a tick reported that no staff name is set, and points to the options page to set it', () => {
    const actions = fakeActions({ nameMissing: true });
    setup(panelData({ staffName: '' }), { actions });
    expect(screen.getByTestId('staff-name-prompt')).toBeTruthy();
    // Inline, not a dialog: the checklist stays usable.
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getAllByTestId('checklist-item')).toHaveLength(14);
    // No field here a page script could fill: the name is typed on the options page.
    expect(within(screen.getByTestId('staff-name-prompt')).queryByRole('textbox')).toBeNull();
    screen.getByTestId('staff-name-open-options').click();
    expect(actions.openOptions).not.toHaveBeenCalled();
    personClick(screen.getByTestId('staff-name-open-options'));
    expect(actions.openOptions).toHaveBeenCalledTimes(1);
  });

  it('asks when a done item was kept with by "" and no name is set, and shows it as "name not set"', () => {
    const records = { ...customerRecords().records, checklist: [entry('phone-contact', true, '')] };
    setup(panelData({ records, staffName: '' }));
    expect(screen.getByTestId('staff-name-prompt')).toBeTruthy();
    expect(within(item('phone-contact')).getByTestId('checklist-who').textContent).toMatch(/^checklist_ticked_by\(name_not_set\|/);
  });

  it('does not ask once a name is set, nor when every tick has a name', () => {
    const records = { ...customerRecords().records, checklist: [entry('phone-contact', true, '')] };
    const { rerender } = setup(panelData({ records, staffName: 'Ana Silva' }), { actions: fakeActions({ nameMissing: true }) });
    expect(screen.queryByTestId('staff-name-prompt')).toBeNull();
    rerender({ data: panelData({ staffName: '' }), actions: fakeActions() });
    expect(screen.queryByTestId('staff-name-prompt')).toBeNull();
    // An untick kept without a name is no reason to ask.
    rerender({ data: panelData({ staffName: '', records: { ...customerRecords().records, checklist: [entry('phone-contact', false, '')] } }), actions: fakeActions() });
    expect(screen.queryByTestId('staff-name-prompt')).toBeNull();
  });
});

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
  it('lists an open alert with its 24-hour clock, counts it in the score, and records the staff triage', () => {
    const alert: Alert = { id: 'g1', source: 'graph', tenantId: T, type: 'CryptoMining', name: 'Mining', status: 'active', detectedAt: '2026-11-24T06:00:00.000Z', isTest: false };
    const test: Alert = { ...alert, id: 'g2', name: 'Test alert', isTest: true };
    const { actions } = setup(panelData({ records: { ...customerRecords().records, alerts: [alert, test] } }));
    const rows = screen.getAllByTestId('panel-alert');
    expect(rows.map((r) => r.dataset.alertId)).toEqual(['g1']);
    expect(rows[0].dataset.response).toBe('overdue');
    expect(within(rows[0]).getByTestId('alert-clock').textContent).toMatch(/^alert_past_due\(duration_hours_minutes\(6\|0\)\)$/);
    expect(screen.getAllByTestId('risk-factor').filter((f) => f.dataset.factorId === 'microsoft-alert')).toHaveLength(1);
    personInput(within(rows[0]).getByRole('textbox'), 'Customer confirmed');
    scriptPlants(within(rows[0]).getByRole('textbox'), 'Planted by the page');
    fireEvent.click(within(rows[0]).getByTestId('alert-resolve-legitimate'));
    expect(actions.triageAlert).not.toHaveBeenCalled();
    personClick(within(rows[0]).getByTestId('alert-resolve-legitimate'));
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
