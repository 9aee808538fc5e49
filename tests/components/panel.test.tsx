// The risk panel, rendered with PanelData computed by the real logic (buildFacts, score, agingOf, budgetState,
// dunningStage: what lib/service.ts `assess` and 'panel.get' do) for a customer with several risk factors.
// Strings come from a stand-in `t` that echoes keys and substitutions, so nothing depends on the catalogue.
import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { budgetState } from '../../lib/budget';
import { CHECKLIST } from '../../lib/checklist';
import type { PanelData } from '../../lib/messages';
import { agingOf, dunningStage } from '../../lib/receivables';
import { score } from '../../lib/risk';
import { buildFacts } from '../../lib/summary';
import { t, T, NAME, entry, customerRecords, panelData, fakeActions, setup, personClick, personInput, scriptPlants, item, box } from './panel-fixtures';

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

  it('lists one risk-factor per factor, the heaviest first, with its points, evidence and guidance', () => {
    setup(panelData());
    const factors = screen.getAllByTestId('risk-factor');
    // By points; equal points keep the score's order (the guidance's order).
    expect(factors.map((f) => [f.dataset.factorId, f.querySelector('.pts')!.textContent])).toEqual([
      ['overdue', '+20'],
      ['abuse-flag', '+20'],
      ['card-not-present', '+10'],
      ['no-prepayment', '+10'],
      ['provisioned-before-payment', '+10'],
      ['full-admin-unchecked', '+10'],
      ['unverified-identity', '+9'],
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
