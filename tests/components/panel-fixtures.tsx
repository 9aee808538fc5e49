// Shared by the panel tests: PanelData computed by the real logic for a customer with several risk factors,
// a stand-in `t` that echoes keys and substitutions, and a person's clicks and typing.
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { it, vi } from 'vitest';
import { Panel, type PanelProps } from '../../components/panel/Panel';
import type { PanelActions } from '../../components/panel/actions';
import { budgetState } from '../../lib/budget';
import type { PanelData } from '../../lib/messages';
import { agingOf, dunningStage } from '../../lib/receivables';
import { score } from '../../lib/risk';
import { buildFacts, type CustomerRecords } from '../../lib/summary';
import { defaultSettings, type ChecklistEntry, type Customer } from '../../lib/schema';

export const t = (key: string, ...subs: Array<string | number>) => (subs.length ? `${key}(${subs.join('|')})` : key);
export const T = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
export const SUB = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const TODAY = '2026-11-25';
export const NOW = '2026-11-25T12:00:00.000Z';
export const NAME = '<img src=x onerror="window.__pwned=1">Contoso';

export const entry = (itemId: string, done: boolean, by: string, at = '2026-11-20T09:00:00.000Z', note?: string): ChecklistEntry =>
  ({ tenantId: T, itemId, done, by, at, ...(note ? { note } : {}) });

/** Pays by card, no pre-payment, a subscription before the first payment, an invoice 45 days overdue, three of
 * five identity checks not done, full admin access, one open abuse flag, spending at 85 % of its budget. */
export function customerRecords(): { customer: Customer; records: CustomerRecords } {
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
export function panelData(over: { customer?: Partial<Customer>; records?: Partial<CustomerRecords>; staffName?: string; known?: boolean } = {}): PanelData {
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

export function fakeActions(over: Partial<PanelActions> = {}): PanelActions {
  return {
    tick: vi.fn(async () => undefined), openOptions: vi.fn(async () => undefined), updateFacts: vi.fn(async () => undefined),
    addFlag: vi.fn(async () => undefined), resolveFlag: vi.fn(async () => undefined), triageAlert: vi.fn(async () => undefined),
    nameMissing: false, ...over,
  };
}

export function setup(data: PanelData | undefined, props: Partial<PanelProps> = {}) {
  const actions = props.actions ?? fakeActions();
  const onToggle = vi.fn();
  const all: PanelProps = { tenantId: T, data, t, locale: 'en', open: true, onToggle, actions, ...props };
  const view = render(<Panel {...all} />);
  const rerender = (next: Partial<PanelProps>) => view.rerender(<Panel {...all} {...next} />);
  return { actions, onToggle, rerender, view };
}

/** A person's click or change. happy-dom has no isTrusted: the event is marked as Chromium marks a person's. */
export const asPerson = <E extends Event>(e: E): E => Object.defineProperty(e, 'isTrusted', { value: true });
export const personClick = (el: Element) => el.dispatchEvent(asPerson(new MouseEvent('click', { bubbles: true, cancelable: true })));
export const personChange = (el: HTMLSelectElement, value: string) => {
  el.value = value;
  el.dispatchEvent(asPerson(new Event('change', { bubbles: true })));
};
/** A person typing in a field. */
export const personInput = (el: HTMLElement, value: string) => {
  (el as HTMLInputElement).value = value;
  fireEvent(el, asPerson(new Event('input', { bubbles: true })));
};
/** A page script's words: sets the field, fires its event, then puts the person's text back on screen. */
export const scriptPlants = (el: HTMLElement, value: string, type = 'input') => {
  const field = el as HTMLInputElement;
  const shown = field.value;
  field.value = value;
  fireEvent(field, new Event(type, { bubbles: true }));
  field.value = shown;
};

export const item = (id: string) => screen.getAllByTestId('checklist-item').find((i) => i.dataset.itemId === id)!;
export const box = (id: string) => within(item(id)).getByRole('checkbox') as HTMLInputElement;
