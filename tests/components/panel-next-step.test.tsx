// The panel staff-grade: the next step under the score, factors by points, urgent sections first, folding,
// the guidance links, the capped score in words, Escape, notes from the keyboard, the name set after a tick.
import { readFileSync } from 'node:fs';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Panel, type PanelProps } from '../../components/panel/Panel';
import type { PanelActions } from '../../components/panel/actions';
import { GuidancePage } from '../../components/GuidancePage';
import { budgetState } from '../../lib/budget';
import { makeTranslate } from '../../lib/i18n';
import type { PanelData } from '../../lib/messages';
import { agingOf, dunningStage } from '../../lib/receivables';
import { score } from '../../lib/risk';
import { buildFacts, type CustomerRecords } from '../../lib/summary';
import { defaultSettings, type Alert, type Customer } from '../../lib/schema';

const echo = (key: string, ...subs: Array<string | number>) => (subs.length ? `${key}(${subs.join('|')})` : key);
const en = makeTranslate(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')));
const fr = makeTranslate(JSON.parse(readFileSync('public/_locales/fr/messages.json', 'utf8')));
const T = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TODAY = '2026-11-25';
const NOW = '2026-11-25T12:00:00.000Z';

const customer: Customer = { tenantId: T, name: 'Contoso', paymentInstrument: 'prepaid_card', prepaid: false, updatedAt: NOW };
const overdue95 = [{ tenantId: T, number: 'INV-1', issuedOn: '2026-07-01', dueOn: '2026-08-22', amount: 250_000, paid: 0, currency: 'USD' }];
const openAlert = { id: 'al-1', tenantId: T, type: 'AzureFraud', name: 'Suspicious spending', status: 'active', detectedAt: '2026-11-24T18:00:00.000Z' } as Alert;

function panelData(records: Partial<CustomerRecords> = {}, over: Partial<PanelData> = {}): PanelData {
  const r: CustomerRecords = { invoices: [], checklist: [], flags: [], subscriptions: [], spending: [], alerts: [], ...records };
  const settings = defaultSettings();
  const facts = buildFacts(r);
  const aging = agingOf(facts.openInvoices, TODAY);
  return {
    tenantId: T, known: true, customer, facts, risk: score(customer, facts, settings, TODAY, NOW), aging,
    dunning: dunningStage(aging.oldestDaysPastDue, settings.dunning), budget: budgetState(facts.spending, settings, TODAY),
    checklist: r.checklist, history: [], flags: r.flags, alerts: r.alerts, subscriptions: r.subscriptions,
    staffName: 'Ana Silva', panelOpen: true, today: TODAY, now: NOW, ...over,
  };
}
const actions = (over: Partial<PanelActions> = {}): PanelActions => ({
  tick: vi.fn(async () => undefined), openOptions: vi.fn(async () => undefined), updateFacts: vi.fn(async () => undefined),
  addFlag: vi.fn(async () => undefined), resolveFlag: vi.fn(async () => undefined), triageAlert: vi.fn(async () => undefined),
  nameMissing: false, ...over,
});
function setup(data: PanelData, props: Partial<PanelProps> = {}) {
  const all: PanelProps = { tenantId: T, data, t: echo, locale: 'en', open: true, onToggle: vi.fn(), actions: actions(), ...props };
  const view = render(<Panel {...all} />);
  return { ...all, view, rerender: (next: Partial<PanelProps>) => view.rerender(<Panel {...all} {...next} />) };
}
const asPerson = <E extends Event>(e: E): E => Object.defineProperty(e, 'isTrusted', { value: true });
const personClick = (el: Element) => el.dispatchEvent(asPerson(new MouseEvent('click', { bubbles: true, cancelable: true })));
const personKey = (el: Element, key: string, init: KeyboardEventInit = {}) =>
  el.dispatchEvent(asPerson(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })));
const sectionOrder = () => [...document.querySelectorAll<HTMLElement>('.fold')].map((f) => f.dataset.section);

describe('the next step', () => {
  it('sits under the score and names the alert to answer, with the time left, and its control goes to the alert', () => {
    setup(panelData({ alerts: [openAlert], invoices: overdue95 }), { t: en });
    const step = screen.getByTestId('panel-next-step');
    expect(step.dataset.action).toBe('answer-alert');
    expect(step.textContent).toContain("Answer Microsoft's alert: 6 h left");
    // Right under the score, before the factors.
    const score = screen.getByTestId('risk-score').closest('.score')!;
    expect(score.nextElementSibling).toBe(step);
    personClick(within(step).getByTestId('panel-next-step-go'));
    const row = screen.getAllByTestId('panel-alert').find((r) => r.dataset.alertId === 'al-1')!;
    expect(row.contains(document.activeElement)).toBe(true);
  });

  it('says an overdue balance\'s days and dunning stage in plain words', () => {
    setup(panelData({ invoices: overdue95 }), { t: en });
    const step = screen.getByTestId('panel-next-step');
    expect(step.dataset.action).toBe('collect');
    expect(step.textContent).toContain('95 days overdue: suspension recommended');
    cleanupFr(() => setup(panelData({ invoices: overdue95 }), { t: fr }), '95 jours de retard\u00a0: suspension recommandée');
  });

  it('asks to finish onboarding, and its control goes to the first identity check', () => {
    setup(panelData(), { t: en });
    const step = screen.getByTestId('panel-next-step');
    expect(step.dataset.action).toBe('onboard');
    expect(step.textContent).toContain('Finish onboarding: 5 identity checks');
    personClick(within(step).getByTestId('panel-next-step-go'));
    expect((document.activeElement as HTMLElement).id).toBe('prl-item-phone-contact');
  });

  it('asks for a review when the decisions say so (the review slot), and unfolds a folded section to reach it', () => {
    const onSection = vi.fn();
    setup(panelData(), { t: en, review: { verdictChanged: true }, reviewSection: <p data-testid="panel-review" tabIndex={-1}>review</p>, sections: { review: true }, onSection });
    const step = screen.getByTestId('panel-next-step');
    expect(step.dataset.action).toBe('review');
    expect(step.textContent).toContain('Review: risk rose since approval');
    // Urgent: the review comes before the checklist.
    expect(sectionOrder().indexOf('review')).toBeLessThan(sectionOrder().indexOf('checklist'));
    personClick(within(step).getByTestId('panel-next-step-go'));
    expect(onSection).toHaveBeenCalledWith('review', false);
  });
});

/** Renders in French in a fresh container and checks a text, leaving the English one as it was. */
function cleanupFr(make: () => { view: { container: Element; unmount(): void } }, text: string) {
  const { view } = make();
  expect(view.container.querySelector('[data-testid="panel-next-step"]')!.textContent).toContain(text);
  view.unmount();
}

describe('the order of the panel', () => {
  it('lists factors by points, the heaviest first', () => {
    setup(panelData({ invoices: overdue95 }));
    const points = screen.getAllByTestId('risk-factor').map((f) => Number(f.querySelector('.pts')!.textContent));
    expect(points).toEqual([...points].sort((a, b) => b - a));
    expect(screen.getAllByTestId('risk-factor')[0]!.dataset.factorId).toBe('overdue'); // 40 points, scored after the card's 25
  });

  it('puts sections with something urgent (alerts, an overdue balance) before the checklist, and the rest after', () => {
    const { view } = setup(panelData({ alerts: [openAlert], invoices: overdue95 }));
    // The review section (the verdict) is always there; it comes first only when a review is asked for.
    expect(sectionOrder()).toEqual(['alerts', 'account', 'checklist', 'review', 'facts', 'flags']);
    view.unmount();
    setup(panelData());
    expect(sectionOrder()).toEqual(['checklist', 'account', 'review', 'facts', 'flags']);
  });
});

describe('folding sections', () => {
  it('folds a section to its title from its button and remembers it through the stored state', () => {
    const onSection = vi.fn();
    const { rerender } = setup(panelData(), { onSection });
    const toggle = screen.getAllByTestId('section-toggle').find((b) => b.dataset.section === 'checklist')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('section_collapse(checklist_title)');
    personClick(toggle);
    expect(onSection).toHaveBeenCalledWith('checklist', true);
    // Folded as staff left it (the state comes back with the panel's data).
    rerender({ data: panelData({}, { panelSections: { checklist: true } }) });
    expect(screen.queryAllByTestId('checklist-item')).toHaveLength(0);
    const folded = screen.getAllByTestId('section-toggle').find((b) => b.dataset.section === 'checklist')!;
    expect(folded.getAttribute('aria-expanded')).toBe('false');
    expect(folded.textContent).toContain('checklist_title');
    personClick(folded);
    expect(onSection).toHaveBeenLastCalledWith('checklist', false);
    // What staff just chose wins over the stored state until it comes back.
    rerender({ data: panelData({}, { panelSections: { checklist: true } }), sections: { checklist: false } });
    expect(screen.getAllByTestId('checklist-item')).toHaveLength(14);
  });
});

describe('guidance and the capped score', () => {
  it('links each factor\'s guidance to that part of the guidance', () => {
    const onGuidance = vi.fn();
    setup(panelData(), { t: en, onGuidance });
    const link = screen.getAllByTestId('factor-guidance').find((l) => l.dataset.part === 'theft-of-service')!;
    expect(link.textContent).toBe('Guidance: theft of service');
    personClick(link);
    expect(onGuidance).toHaveBeenCalledWith('theft-of-service');
  });

  it('says in plain words that the score is capped at 100', () => {
    const flags = ['spam', 'hacking', 'ddos'].map((kind, i) => ({ id: `f${i}`, tenantId: T, kind, at: NOW, by: 'Ana' })) as CustomerRecords['flags'];
    setup(panelData({ invoices: overdue95, flags }), { t: en });
    expect(screen.getByTestId('risk-score').textContent).toBe('100');
    expect(screen.getByTestId('score-capped').textContent).toMatch(/^The score is capped at 100: its factors add up to \d+ points\.$/);
  });

  it('has a guidance page holding each part in French and English', () => {
    const { unmount } = render(<GuidancePage t={en} language="en" onLanguage={() => undefined} target="theft-of-service" />);
    expect(document.getElementById('theft-of-service')!.textContent).toMatch(/^Theft of service/);
    expect(document.getElementById('theft-of-service')!.classList.contains('target')).toBe(true);
    for (const part of ['transaction-risk', 'abuse-of-service', 'account-management']) expect(document.getElementById(part)).not.toBeNull();
    unmount();
    render(<GuidancePage t={fr} language="fr" onLanguage={() => undefined} />);
    expect(document.getElementById('theft-of-service')!.textContent).toMatch(/^Vol de service/);
  });
});

describe('the keyboard', () => {
  it('folds the panel on Escape', () => {
    const onEscape = vi.fn();
    setup(panelData(), { onEscape });
    personKey(screen.getAllByTestId('checklist-item')[0]!.querySelector('input')!, 'Escape');
    expect(onEscape).toHaveBeenCalledTimes(1);
  });

  it('opens a note, saves it with Ctrl+Enter and cancels another with Escape, the focus back on its button each time', async () => {
    const onEscape = vi.fn();
    const a = actions();
    setup(panelData(), { onEscape, actions: a });
    const row = () => screen.getAllByTestId('checklist-item').find((i) => i.dataset.itemId === 'phone-contact')!;
    personClick(within(row()).getByTestId('checklist-note-open'));
    const field = await vi.waitFor(() => {
      const f = within(row()).getByTestId('checklist-note');
      expect(document.activeElement).toBe(f);
      return f as HTMLInputElement;
    });
    field.value = 'Called the CFO';
    fireEvent(field, asPerson(new Event('input', { bubbles: true })));
    personKey(field, 'Enter', { ctrlKey: true });
    expect(a.tick).toHaveBeenCalledWith('phone-contact', false, 'Called the CFO');
    await vi.waitFor(() => expect(document.activeElement).toBe(within(row()).getByTestId('checklist-note-open')));

    personClick(within(row()).getByTestId('checklist-note-open'));
    const again = await vi.waitFor(() => { const f = within(row()).getByTestId('checklist-note'); expect(document.activeElement).toBe(f); return f; });
    personKey(again, 'Escape');
    await vi.waitFor(() => expect(document.activeElement).toBe(within(row()).getByTestId('checklist-note-open')));
    expect(within(row()).queryByTestId('checklist-note')).toBeNull();
    // The note's Escape stops at the note: the panel stays open.
    expect(onEscape).not.toHaveBeenCalled();
    expect(a.tick).toHaveBeenCalledTimes(1);
  });

  it('resizes the docked panel from its edge with the arrow keys', () => {
    const onResize = vi.fn();
    setup(panelData(), { docked: true, width: 360, onResize });
    const edge = screen.getByTestId('panel-resize');
    personKey(edge, 'ArrowLeft');
    expect(onResize).toHaveBeenLastCalledWith(380);
    personKey(edge, 'ArrowRight');
    expect(onResize).toHaveBeenLastCalledWith(340);
    expect(screen.getByTestId('risk-panel').style.width).toBe('360px');
  });
});

describe('ticks made before the staff name was set', () => {
  const unnamed = [{ tenantId: T, itemId: 'phone-contact', done: true, by: '', at: '2026-11-20T09:00:00.000Z' }];
  it('show the name set since, marked as set later (the stored tick keeps by "")', () => {
    setup(panelData({ checklist: unnamed }), { t: en });
    const who = within(screen.getAllByTestId('checklist-item')[0]!).getByTestId('checklist-who');
    expect(who.textContent).toContain('Ticked by Ana Silva (name set later)');
  });
  it('show "name not set" while there is no name', () => {
    setup(panelData({ checklist: unnamed }, { staffName: '' }), { t: en });
    const who = within(screen.getAllByTestId('checklist-item')[0]!).getByTestId('checklist-who');
    expect(who.textContent).toContain('Ticked by name not set');
  });
});
