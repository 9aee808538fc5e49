// The panel's budget thresholds: the ones in force (the team's, or the customer's own) with the highest crossed,
// and a person giving the customer its own, or going back to the team's; bad input is refused with words.
import { readFileSync } from 'node:fs';
import { screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { decisionView } from '../../lib/decisions';
import { makeTranslate, type MessageBundle } from '../../lib/i18n';
import type { PanelData } from '../../lib/messages';
import { defaultSettings, type BudgetThreshold } from '../../lib/schema';
import { fakeActions, panelData, personClick, personChange, personInput, scriptPlants, setup, TODAY } from './panel-fixtures';

/** The fixture (spend at 85 % of its budget) as the background sends it: with its decisions and the team's thresholds. */
function withDecision(own?: BudgetThreshold[]): PanelData {
  const d = panelData(own ? { customer: { budgetThresholds: own } } : {});
  const settings = defaultSettings();
  return { ...d, decision: decisionView(d.customer, d.facts, d.risk, d.aging, d.dunning, d.budget, settings, TODAY, true), teamThresholds: settings.budgetThresholds };
}
const part = () => screen.getByTestId('panel-thresholds');
/** A person opens the form (Preact paints it on its next tick). */
const edit = async () => {
  personClick(screen.getByTestId('thresholds-edit'));
  await vi.waitFor(() => screen.getByTestId('threshold-percent-0'));
};
const crossed = () => screen.getByTestId('threshold-crossed').getAttribute('data-threshold');

describe("risk panel: a customer's budget thresholds", () => {
  it("shows the team's thresholds in force and the highest crossed", () => {
    // 850 of 1,000 spent on the 20th: 80 % actual and a month-end forecast past 100 %.
    setup(withDecision());
    expect(part().dataset.own).toBe('false');
    expect(part().dataset.thresholds).toBe('80-actual,100-actual,100-forecast');
    expect(part().textContent).toContain('thresholds_team(threshold_actual(80), threshold_actual(100), threshold_forecast(100))');
    expect(crossed()).toBe('100-forecast');
    expect(screen.getByTestId('threshold-crossed').textContent).toBe('thresholds_crossed(threshold_forecast(100))');
    expect(screen.queryByTestId('thresholds-clear')).toBeNull();
  });

  it("lets a person give the customer its own thresholds, then go back to the team's", async () => {
    const updateFacts = vi.fn(async () => undefined);
    const { rerender } = setup(withDecision(), { actions: fakeActions({ updateFacts }) });
    await edit();
    // The form starts from the thresholds in force; emptied rows drop out.
    expect((screen.getByTestId('threshold-percent-2') as HTMLInputElement).value).toBe('100');
    personInput(screen.getByTestId('threshold-percent-0'), '50');
    personInput(screen.getByTestId('threshold-percent-1'), '90,5');
    personChange(screen.getByTestId('threshold-basis-1') as HTMLSelectElement, 'forecast');
    personInput(screen.getByTestId('threshold-percent-2'), '');
    personClick(screen.getByTestId('thresholds-save'));
    expect(updateFacts).toHaveBeenCalledWith({ budgetThresholds: [{ percent: 50, basis: 'actual' }, { percent: 90.5, basis: 'forecast' }] });
    await vi.waitFor(() => expect(screen.queryByTestId('thresholds-save')).toBeNull());
    rerender({ data: withDecision([{ percent: 50, basis: 'actual' }, { percent: 90.5, basis: 'forecast' }]) });
    expect(part().dataset.own).toBe('true');
    expect(part().dataset.thresholds).toBe('50-actual,90.5-forecast');
    expect(part().textContent).toContain('thresholds_own(threshold_actual(50), threshold_forecast(90.5))');
    expect(crossed()).toBe('90.5-forecast');
    personClick(screen.getByTestId('thresholds-clear'));
    expect(updateFacts).toHaveBeenLastCalledWith({ budgetThresholds: null });
  });

  it.each([['abc'], ['0'], ['1001'], ['-5'], ['80%']])('refuses %s with words and saves nothing', async (typed) => {
    const updateFacts = vi.fn(async () => undefined);
    setup(withDecision(), { actions: fakeActions({ updateFacts }) });
    await edit();
    personInput(screen.getByTestId('threshold-percent-0'), typed);
    personClick(screen.getByTestId('thresholds-save'));
    await vi.waitFor(() => expect(screen.getByTestId('thresholds-error').textContent).toBe('thresholds_error'));
    expect(updateFacts).not.toHaveBeenCalled();
  });

  it('refuses a form with every threshold emptied, in English and in French', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const t = makeTranslate(JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as MessageBundle);
      const updateFacts = vi.fn(async () => undefined);
      const { view } = setup(withDecision(), { t, actions: fakeActions({ updateFacts }) });
      await edit();
      for (const i of [0, 1, 2]) personInput(screen.getByTestId(`threshold-percent-${i}`), ' ');
      personClick(screen.getByTestId('thresholds-save'));
      await vi.waitFor(() => expect(screen.getByTestId('thresholds-error').textContent).toMatch(lang === 'en' ? /^Give from one to five thresholds/ : /^Indiquez de un à cinq seuils/));
      expect(updateFacts).not.toHaveBeenCalled();
      view.unmount();
    }
  });

  it('sends what the person typed, not what a page script planted', async () => {
    const updateFacts = vi.fn(async () => undefined);
    setup(withDecision(), { actions: fakeActions({ updateFacts }) });
    await edit();
    scriptPlants(screen.getByTestId('threshold-percent-0'), '999');
    personClick(screen.getByTestId('thresholds-save'));
    expect(updateFacts).toHaveBeenCalledWith({ budgetThresholds: [{ percent: 80, basis: 'actual' }, { percent: 100, basis: 'actual' }, { percent: 100, basis: 'forecast' }] });
  });
});
