import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { WEIGHT_FIELDS } from '../../lib/settings';
import { SettingsForm } from '../../components/options/SettingsForm';
import { DEFAULT_WEIGHTS, defaultSettings, type Settings } from '../../lib/schema';

const t = (key: string, ...subs: Array<string | number>) => (subs.length ? `${key}(${subs.join('|')})` : key);

function setup(settings = defaultSettings(), onSave = vi.fn(async (_s: Settings) => undefined)) {
  render(<SettingsForm settings={settings} t={t} today="2026-11-25" onSave={onSave} />);
  return onSave;
}

describe('settings form', () => {
  it('saves a valid change: staff name, a weight, the budget threshold in percent, region codes', async () => {
    const onSave = setup();
    fireEvent.input(screen.getByTestId('settings-staff-name'), { target: { value: 'Ana Silva' } });
    fireEvent.input(document.querySelector('[data-weight="prepaid-card"]')!, { target: { value: '30' } });
    fireEvent.input(screen.getByTestId('settings-budget-threshold'), { target: { value: '90' } });
    fireEvent.input(screen.getByLabelText('settings_regions_black'), { target: { value: 'kp, ir;mm  ru' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const saved = onSave.mock.calls[0][0];
    expect(saved.staffName).toBe('Ana Silva');
    expect(saved.weights['prepaid-card']).toBe(30);
    expect(saved.budgetThreshold).toBe(0.9);
    expect(saved.regions.black).toEqual(['KP', 'IR', 'MM', 'RU']);
    expect(screen.getByTestId('settings-status').textContent).toBe('settings_saved');
  });

  it("has a weight input per factor and grade, under the factor's id, the alerts' own included", async () => {
    const onSave = setup();
    fireEvent.input(document.querySelector('[data-weight="overdue.91+"]')!, { target: { value: '55' } });
    fireEvent.input(document.querySelector('[data-weight="microsoft-alert.each"]')!, { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const saved = onSave.mock.calls[0][0];
    expect(saved.weights.overdue).toEqual({ '1-30': 10, '31-60': 20, '61-90': 30, '91+': 55 });
    expect(saved.weights['microsoft-alert']).toEqual({ each: 5, cap: 45 });
    expect(saved.weights['microsoft-notice']).toEqual({ each: 15, cap: 45 });
    expect(screen.getByText('weight_microsoft_alert')).toBeTruthy();
  });

  it('refuses levels that do not rise and says why at the levels, saving nothing', async () => {
    const onSave = setup();
    fireEvent.input(screen.getByTestId('settings-level-high'), { target: { value: '20' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.getByTestId('settings-status').textContent).toBe('settings_invalid_field'));
    expect(screen.getByTestId('settings-error-levels').textContent).toBe('settings_error_levels');
    expect(screen.getByTestId('settings-level-high').getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('marks a bad weight at its field with a sentence, never the schema path or "Invalid input"', async () => {
    const onSave = setup();
    const field = document.querySelector<HTMLInputElement>('[data-weight="prepaid-card"]')!;
    fireEvent.input(field, { target: { value: '-5' } });
    fireEvent.input(document.querySelector('[data-weight="no-budget"]')!, { target: { value: '' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.getByTestId('settings-status').textContent).toBe('settings_invalid_fields(2)'));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(field.getAttribute('aria-describedby')!)!;
    expect(error.textContent).toBe('settings_error_points');
    expect(screen.getByTestId('settings-error-weights.no-budget').textContent).toBe('settings_error_points');
    expect(document.body.textContent).not.toMatch(/Invalid input|weights\./);
    expect(onSave).not.toHaveBeenCalled();
    // Corrected, it saves and the marks go.
    fireEvent.input(field, { target: { value: '5' } });
    fireEvent.input(document.querySelector('[data-weight="no-budget"]')!, { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('groups every weight once under the guidance it comes from, each with its meaning', () => {
    setup();
    const groups = [...document.querySelectorAll<HTMLElement>('.weights[data-guidance]')];
    expect(groups.map((g) => g.dataset.guidance)).toEqual(['theft-of-service', 'transaction-risk', 'abuse-of-service', 'account-management']);
    const ids = groups.flatMap((g) => [...g.querySelectorAll<HTMLInputElement>('[data-weight]')].map((i) => i.dataset.weight));
    // Every weight and grade once: graded factors by `factor.grade` (overdue.91+), the others by their factor id.
    expect(ids.sort()).toEqual(WEIGHT_FIELDS.map((f) => f.path).sort());
    expect(new Set(WEIGHT_FIELDS.map((f) => f.factor))).toEqual(new Set(Object.keys(DEFAULT_WEIGHTS)));
    expect(groups[0].querySelector('h3')!.textContent).toBe('guidance_theft_of_service');
    expect(groups[0].querySelector('.meaning')!.textContent).toBe('weight_meaning_prepaid_card');
  });

  it('says when the high-risk regions list is older than a plenary cycle', () => {
    setup();
    const note = screen.getByTestId('regions-stale');
    expect(note.textContent).toBe('settings_regions_stale(Feb 13, 2026)');
    expect(note.className).not.toContain('warn'); // what to do, not an alarm
  });

  it('resets to the defaults after an in-page confirmation (never confirm()), keeping the staff name', async () => {
    const custom = defaultSettings();
    custom.staffName = 'Ana';
    custom.weights['no-budget'] = 50;
    const onSave = setup(custom);
    vi.stubGlobal('confirm', () => { throw new Error('confirm() blocks the page: ask in the page'); });
    fireEvent.click(screen.getByTestId('settings-reset'));
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('settings-reset-confirm-no'));
    expect(screen.queryByTestId('settings-reset-confirm')).toBeNull();
    fireEvent.click(screen.getByTestId('settings-reset'));
    expect(screen.getByTestId('settings-reset-confirm').textContent).toContain('settings_reset_confirm');
    fireEvent.click(screen.getByTestId('settings-reset-confirm-yes'));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0][0]).toEqual({ ...defaultSettings(), staffName: 'Ana' });
  });
});
