// One customer's budget thresholds: the ones in force (its own, or the team's) and the highest crossed, and a
// form to give the customer its own (up to five, on actual or forecast spend) or to go back to the team's.
import { useState } from 'preact/hooks';
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import type { BudgetThreshold } from '@/lib/schema';
import { thresholdKey } from '@/lib/thresholds';
import type { PanelActions } from './actions';
import { byPerson, byPersonInput } from './trusted';

const MAX = 5;
// As typed: digits with at most two decimals, a comma or a point between them.
const PERCENT = /^\d{1,4}([.,]\d{1,2})?$/;
interface Row { percent: string; basis: BudgetThreshold['basis'] }

/**
 * The rows typed, as thresholds; undefined when one is not a percentage above 0 and at most 1000, or none is
 * given (the bounds of lib/schema BudgetThresholds, which the background checks again: no zod in the page).
 */
export function thresholdsOf(rows: Row[]): BudgetThreshold[] | undefined {
  const filled = rows.filter((r) => r.percent.trim() !== '');
  const list = filled.map((r) => ({ percent: PERCENT.test(r.percent.trim()) ? Number(r.percent.trim().replace(',', '.')) : NaN, basis: r.basis }));
  return list.length && list.length <= MAX && list.every((x) => x.percent > 0 && x.percent <= 1000) ? list : undefined;
}

export function ThresholdsEditor({ data, t, actions }: { data: PanelData; t: Translate; actions: PanelActions }) {
  const own = data.customer?.budgetThresholds;
  const [rows, setRows] = useState<Row[] | undefined>(undefined);
  const [problem, setProblem] = useState<string>();
  if (!data.customer) return null;
  const inForce = own?.length ? own : data.teamThresholds;
  const words = (ts: BudgetThreshold[]) => ts.map((x) => t(`threshold_${x.basis}`, x.percent)).join(', ');
  const crossed = data.decision?.threshold;
  const edit = (e: MouseEvent) => {
    if (!byPerson(e)) return;
    const start = (inForce ?? []).map((x) => ({ percent: String(x.percent), basis: x.basis }));
    setRows([...start, ...Array.from({ length: MAX - start.length }, () => ({ percent: '', basis: 'actual' as const }))]);
    setProblem(undefined);
  };
  const put = (i: number, row: Row) => setRows((now) => now?.map((r, j) => (j === i ? row : r)));
  const save = (e: MouseEvent) => {
    e.preventDefault();
    if (!byPerson(e) || !rows) return;
    const list = thresholdsOf(rows);
    if (!list) return setProblem(t('thresholds_error'));
    setProblem(undefined);
    void actions.updateFacts({ budgetThresholds: list }).then(() => setRows(undefined));
  };
  const clear = (e: MouseEvent) => {
    if (!byPerson(e)) return;
    setProblem(undefined);
    void actions.updateFacts({ budgetThresholds: null }).then(() => setRows(undefined));
  };
  return (
    <div data-testid="panel-thresholds" data-own={own?.length ? 'true' : 'false'} data-thresholds={inForce?.map(thresholdKey).join(',')}>
      <p class="small">
        <strong>{t('thresholds_title')}: </strong>
        {inForce ? t(own?.length ? 'thresholds_own' : 'thresholds_team', words(inForce)) : null}
      </p>
      <p class="small" data-testid="threshold-crossed" data-threshold={crossed ? thresholdKey(crossed) : 'none'}>
        {crossed ? t('thresholds_crossed', t(`threshold_${crossed.basis}`, crossed.percent)) : t('thresholds_none_crossed')}
      </p>
      {!rows && <button type="button" class="small" data-testid="thresholds-edit" onClick={edit}>{t('thresholds_edit')}</button>}
      {!rows && !!own?.length && <button type="button" class="small" data-testid="thresholds-clear" onClick={clear}>{t('thresholds_clear')}</button>}
      {rows && (
        <form class="thresholds-form" onSubmit={(e) => e.preventDefault()}>
          {rows.map((r, i) => (
            <span key={i} class="threshold">
              <input aria-label={t('settings_threshold_percent', i + 1)} inputMode="decimal" size={5} value={r.percent} data-testid={`threshold-percent-${i}`}
                onInput={(e) => byPersonInput(e, r.percent, (v) => put(i, { ...r, percent: v }))} /> %
              <select aria-label={t('settings_threshold_basis', i + 1)} value={r.basis} data-testid={`threshold-basis-${i}`}
                onChange={(e) => byPersonInput(e, r.basis, (v) => put(i, { ...r, basis: v === 'forecast' ? 'forecast' : 'actual' }))}>
                <option value="actual">{t('settings_threshold_actual')}</option>
                <option value="forecast">{t('settings_threshold_forecast')}</option>
              </select>
            </span>
          ))}
          <button type="submit" data-testid="thresholds-save" onClick={save}>{t('thresholds_save')}</button>
          <button type="button" data-testid="thresholds-cancel" onClick={(e) => { if (byPerson(e)) { setRows(undefined); setProblem(undefined); } }}>{t('cancel')}</button>
        </form>
      )}
      {problem && <p class="error small" role="alert" data-testid="thresholds-error">{problem}</p>}
    </div>
  );
}
