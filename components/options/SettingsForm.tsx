// Settings: staff name, language, weights, levels, budget threshold, spike factor, dunning, review interval,
// high-risk regions (with source and date), import formats. Validated on save; reset to defaults.
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { errorWording } from '@/lib/errors';
import { listIsStale } from '@/lib/regions';
import { say, wording } from '@/lib/wording';
import { formatDate } from '../panel/format';
import { ConfirmStep } from '../ConfirmStep';
import { Settings, type WeightId } from '@/lib/schema';
import { WEIGHT_FIELDS, weightOf, withWeight, type WeightField } from '@/lib/settings';

export interface SettingsFormProps {
  settings: Settings;
  t: Translate;
  /** For dates in the UI's language; English when unsaid. */
  locale?: string;
  today: string;
  onSave(s: Settings): Promise<void>;
}

/** The weights under the part of Microsoft's guidance they come from (the same parts as the panel's factors). */
const WEIGHT_GROUPS: Array<[string, WeightId[]]> = [
  ['theft-of-service', ['prepaid-card', 'card-not-present', 'no-prepayment', 'provisioned-before-payment', 'overdue', 'unverified-identity', 'broken-promise']],
  ['transaction-risk', ['high-risk-region', 'fast-purchasing']],
  ['abuse-of-service', ['abuse-flag', 'microsoft-notice', 'microsoft-alert', 'confirmed-fraud', 'spend-spike']],
  ['account-management', ['full-admin-unchecked', 'no-budget', 'activity-log-review']],
];

/** The field a refused value belongs to, and the sentence that says what it must be (message keys). */
export function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const { path } of issues) {
    const [top, sub] = path.map(String);
    const field = top === 'weights' || top === 'regions' ? `${top}.${sub}` : top;
    const key = top === 'weights' ? 'settings_error_points'
      : top === 'regions' ? (sub === 'asOf' ? 'settings_error_date' : sub === 'source' ? 'settings_error_value' : 'settings_error_countries')
      : ({ levels: 'settings_error_levels', budgetThreshold: 'settings_error_threshold', spikeFactor: 'settings_error_spike',
        activityReviewDays: 'settings_error_days', dunning: 'settings_error_dunning', staffName: 'settings_error_name' } as Record<string, string>)[top]
        ?? 'settings_error_value';
    if (!out.has(field)) out.set(field, key);
  }
  return out;
}

const codes = (s: string) => s.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);

export function SettingsForm({ settings, t, locale = 'en', today, onSave }: SettingsFormProps) {
  const [draft, setDraft] = useState<Settings>(settings);
  const [black, setBlack] = useState(settings.regions.black.join(', '));
  const [grey, setGrey] = useState(settings.regions.grey.join(', '));
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    setDraft(settings);
    setBlack(settings.regions.black.join(', '));
    setGrey(settings.regions.grey.join(', '));
  }, [settings]);

  const set = <K extends keyof Settings>(k: K, v: Settings[K]) => setDraft({ ...draft, [k]: v });
  const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

  const save = async (next: Settings) => {
    const parsed = Settings.safeParse(next);
    if (!parsed.success) {
      const found = fieldErrors(parsed.error.issues);
      setErrors(found);
      setStatus({ ok: false, text: found.size === 1 ? t('settings_invalid_field') : t('settings_invalid_fields', found.size) });
      return;
    }
    setErrors(new Map());
    try {
      await onSave(parsed.data);
      setStatus({ ok: true, text: t('settings_saved') });
    } catch (e) {
      setStatus({ ok: false, text: say(t, wording('settings_invalid', errorWording(e))) });
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    void save({ ...draft, regions: { ...draft.regions, black: codes(black), grey: codes(grey) } });
  };
  const [resetting, setResetting] = useState(false);
  const reset = () => {
    setResetting(false);
    void save({ ...Settings.parse({}), staffName: draft.staffName });
  };

  /** A refused field: marked, and the sentence under it. */
  const invalid = (field: string) => (errors.has(field) ? { 'aria-invalid': true, 'aria-describedby': `err-${field}` } : {});
  const error = (field: string) => errors.has(field) && (
    <span class="field-error" id={`err-${field}`} data-testid={`settings-error-${field}`}>{t(errors.get(field)!)}</span>
  );

  return (
    <form class="settings" onSubmit={submit} data-testid="settings-form" noValidate>
      <fieldset>
        <legend>{t('settings_general')}</legend>
        <label>{t('settings_staff_name')}
          <input data-testid="settings-staff-name" value={draft.staffName} maxLength={100} {...invalid('staffName')} onInput={(e) => set('staffName', (e.target as HTMLInputElement).value)} />
        </label>
        <label>{t('settings_language')}
          <select data-testid="settings-language" value={draft.language} onChange={(e) => set('language', (e.target as HTMLSelectElement).value as Settings['language'])}>
            <option value="auto">{t('settings_language_auto')}</option>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settings_weights')}</legend>
        {WEIGHT_GROUPS.map(([guidance, factors]) => (
          <div class="weights" key={guidance} data-guidance={guidance}>
            <h3>{t(`guidance_${guidance.replace(/-/g, '_')}`)}</h3>
            {WEIGHT_FIELDS.filter((f) => factors.includes(f.factor)).map((f: WeightField) => (
              <div class="weight" key={f.path}>
                <label>{t(f.label)}{' '}
                  <input type="number" min={0} max={100} step={1} data-weight={f.path} value={weightOf(draft.weights, f)} {...invalid(`weights.${f.factor}`)}
                    onInput={(e) => set('weights', withWeight(draft.weights, f, num((e.target as HTMLInputElement).value)))} />
                </label>
                <span class="small muted meaning">{t(f.label.replace(/^weight_/, 'weight_meaning_'))}</span>
                {error(`weights.${f.factor}`)}
              </div>
            ))}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings_levels')}</legend>
        {error('levels')}
        {(['medium', 'high', 'critical'] as const).map((l) => (
          <label key={l}>{t(`level_${l}`)} ≥
            <input type="number" min={1} max={100} value={draft.levels[l]} data-testid={`settings-level-${l}`} {...invalid('levels')}
              onInput={(e) => set('levels', { ...draft.levels, [l]: num((e.target as HTMLInputElement).value) })} />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings_budgets')}</legend>
        <label>{t('settings_budget_threshold')}
          <input type="number" min={1} max={100} value={Math.round(draft.budgetThreshold * 100)} data-testid="settings-budget-threshold" {...invalid('budgetThreshold')}
            onInput={(e) => set('budgetThreshold', num((e.target as HTMLInputElement).value) / 100)} /> %
        </label>
        {error('budgetThreshold')}
        <label>{t('settings_spike_factor')}
          <input type="number" min={1.1} step={0.1} value={draft.spikeFactor} {...invalid('spikeFactor')} onInput={(e) => set('spikeFactor', num((e.target as HTMLInputElement).value))} />
        </label>
        {error('spikeFactor')}
        <label>{t('settings_review_days')}
          <input type="number" min={1} value={draft.activityReviewDays} {...invalid('activityReviewDays')} onInput={(e) => set('activityReviewDays', num((e.target as HTMLInputElement).value))} />
        </label>
        {error('activityReviewDays')}
        {/* Up to five team thresholds; an emptied percentage drops its row. */}
        <div data-testid="settings-thresholds">{t('settings_thresholds')}
          {[0, 1, 2, 3, 4].map((i) => {
            const th = draft.budgetThresholds[i];
            const put = (next: { percent: number; basis: 'actual' | 'forecast' } | undefined) => {
              const list = [...draft.budgetThresholds];
              if (next && !Number.isNaN(next.percent)) list[i] = next; else list.splice(i, 1);
              set('budgetThresholds', list.filter(Boolean));
            };
            if (!th && i > draft.budgetThresholds.length) return null;
            return (
              <span key={i} class="threshold">
                <input type="number" min={1} max={1000} aria-label={t('settings_threshold_percent', i + 1)} data-testid={`settings-threshold-${i}`} value={th ? th.percent : ''}
                  onInput={(e) => put({ percent: num((e.target as HTMLInputElement).value), basis: th?.basis ?? 'actual' })} /> %
                <select aria-label={t('settings_threshold_basis', i + 1)} value={th?.basis ?? 'actual'} disabled={!th}
                  onChange={(e) => th && put({ percent: th.percent, basis: (e.target as HTMLSelectElement).value as 'actual' | 'forecast' })}>
                  <option value="actual">{t('settings_threshold_actual')}</option>
                  <option value="forecast">{t('settings_threshold_forecast')}</option>
                </select>
              </span>
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settings_decisions')}</legend>
        <label>{t('settings_verdict_change_points')}
          <input type="number" min={1} max={100} value={draft.verdictChangePoints} data-testid="settings-verdict-change-points"
            onInput={(e) => set('verdictChangePoints', num((e.target as HTMLInputElement).value))} />
        </label>
        <label>{t('settings_review_interval')}
          <input type="number" min={1} max={3650} value={draft.reviewIntervalDays} data-testid="settings-review-interval"
            onInput={(e) => set('reviewIntervalDays', num((e.target as HTMLInputElement).value))} />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settings_dunning')}</legend>
        {error('dunning')}
        {(['first', 'second', 'final', 'suspend'] as const).map((k) => (
          <label key={k}>{t(`settings_dunning_${k}`)}
            <input type="number" min={1} value={draft.dunning[k]} {...invalid('dunning')} onInput={(e) => set('dunning', { ...draft.dunning, [k]: num((e.target as HTMLInputElement).value) })} />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings_regions')}</legend>
        {/* A dated list is expected to age: a calm note of what to do, not an alarm (there may be no customer yet). */}
        {listIsStale(draft.regions.asOf, today) && <p class="note" data-testid="regions-stale">{t('settings_regions_stale', formatDate(draft.regions.asOf, locale))}</p>}
        <label>{t('settings_regions_black')}<textarea rows={2} value={black} {...invalid('regions.black')} onInput={(e) => setBlack((e.target as HTMLTextAreaElement).value)} /></label>
        {error('regions.black')}
        <label>{t('settings_regions_grey')}<textarea rows={3} value={grey} {...invalid('regions.grey')} onInput={(e) => setGrey((e.target as HTMLTextAreaElement).value)} /></label>
        {error('regions.grey')}
        <label>{t('settings_regions_source')}
          <input value={draft.regions.source} {...invalid('regions.source')} onInput={(e) => set('regions', { ...draft.regions, source: (e.target as HTMLInputElement).value })} />
        </label>
        {error('regions.source')}
        <label>{t('settings_regions_as_of')}
          <input type="date" value={draft.regions.asOf} {...invalid('regions.asOf')} onInput={(e) => set('regions', { ...draft.regions, asOf: (e.target as HTMLInputElement).value })} />
        </label>
        {error('regions.asOf')}
      </fieldset>
      <fieldset>
        <legend>{t('settings_formats')}</legend>
        <label>{t('settings_date_order')}
          <select value={draft.dateOrder} onChange={(e) => set('dateOrder', (e.target as HTMLSelectElement).value as Settings['dateOrder'])}>
            <option value="auto">{t('settings_date_auto')}</option>
            <option value="mdy">MM/DD/YYYY</option>
            <option value="dmy">DD/MM/YYYY</option>
          </select>
        </label>
        <label>{t('settings_decimal')}
          <select value={draft.decimalSeparator} onChange={(e) => set('decimalSeparator', (e.target as HTMLSelectElement).value as Settings['decimalSeparator'])}>
            <option value="auto">{t('settings_decimal_auto')}</option>
            <option value="dot">1,234.50</option>
            <option value="comma">1 234,50</option>
          </select>
        </label>
      </fieldset>
      <div class="buttons">
        <button type="submit" data-testid="settings-save">{t('save')}</button>
        <button type="button" onClick={() => setResetting(true)} aria-expanded={resetting} data-testid="settings-reset">{t('settings_reset')}</button>
        {resetting && (
          <ConfirmStep testid="settings-reset-confirm" question={t('settings_reset_confirm')} yes={t('settings_reset')} no={t('cancel')}
            onYes={reset} onNo={() => setResetting(false)} />
        )}
        {status && <span role="status" class={status.ok ? 'ok' : 'error'} data-testid="settings-status">{status.text}</span>}
      </div>
    </form>
  );
}
