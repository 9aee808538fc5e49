import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SettingsForm } from '../../components/options/SettingsForm';
import { defaultSettings, type Settings } from '../../lib/schema';

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

  it('refuses levels that do not rise and says why, saving nothing', async () => {
    const onSave = setup();
    fireEvent.input(screen.getByTestId('settings-level-high'), { target: { value: '20' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.getByTestId('settings-status').textContent).toMatch(/^settings_invalid\(levels.*must rise/));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says when the high-risk regions list is older than a plenary cycle', () => {
    setup();
    expect(screen.getByTestId('regions-stale').textContent).toBe('settings_regions_stale(Feb 13, 2026)');
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
    vi.unstubAllGlobals();
  });
});
