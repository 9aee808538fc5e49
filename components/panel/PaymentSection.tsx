// Money decisions on one customer: promise to pay, payer rating and expected dates, the dunning actions log.
import { useRef, useState } from 'preact/hooks';
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { formatMinor } from '@/lib/money';
import { DUNNING_ACTIONS, type DunningAction, type DunningActionRecord } from '@/lib/schema';
import type { PanelActions } from './actions';
import { formatDate, formatDateTime } from './format';
import { byPerson, byPersonInput } from './trusted';

const AMOUNT = /^\d{1,12}([.,]\d{1,4})?$/;

export function PaymentSection({ data, t, locale, actions }: { data: PanelData; t: Translate; locale: string; actions: PanelActions }) {
  const view = data.decision;
  const currencies = Object.keys(data.aging.overdueByCurrency).sort();
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const date = useRef<HTMLInputElement>(null);
  const currency = useRef<HTMLSelectElement>(null);
  const action = useRef<HTMLSelectElement>(null);
  const actionDate = useRef<HTMLInputElement>(null);
  const log = (data.decisions ?? []).filter((d): d is DunningActionRecord => d.kind === 'dunning-action');
  if (!view) return null;
  const promise = view.promise;
  const savePromise = (e: MouseEvent) => {
    e.preventDefault();
    if (!byPerson(e)) return;
    const on = date.current?.value ?? '';
    const cur = currency.current?.value ?? currencies[0];
    if (!on || on < data.today) return setProblem(t('promise_date_past'));
    if (!AMOUNT.test(amount.trim()) || Number(amount.trim().replace(',', '.')) <= 0) return setProblem(t('promise_amount_positive'));
    setProblem(undefined);
    void actions.addPromise?.(on, amount.trim(), cur, note.trim() || undefined).then(() => { setAmount(''); setNote(''); });
  };
  const saveAction = (e: MouseEvent) => {
    e.preventDefault();
    if (!byPerson(e)) return;
    const which = DUNNING_ACTIONS.find((a) => a === action.current?.value);
    const on = actionDate.current?.value ?? '';
    if (!which || !on || on > data.today) return setProblem(t('dunning_action_future'));
    setProblem(undefined);
    void actions.recordDunning?.(which as DunningAction, on);
  };
  return (
    <section class="section" aria-labelledby="prl-payment" data-testid="panel-payment">
      <h3 id="prl-payment">{t('payment_title')}</h3>
      <p data-testid="payer-rating" data-rating={view.rating}>
        {view.rating ? t('payer_rating', view.rating, Math.round(view.payer!.delayDays)) : t('payer_rating_none')}
      </p>
      {view.expected.length > 0 && (
        <ul class="small">
          {view.expected.map((x) => <li key={x.number} data-testid="expected-payment" data-invoice={x.number} data-date={x.expectedOn}>{t('payment_expected', x.number, formatDate(x.expectedOn, locale))}</li>)}
        </ul>
      )}
      {promise && (
        <p data-testid="promise" data-state={promise.status.state} class={promise.status.state === 'broken' || promise.status.state === 'partly-paid' ? 'warn' : ''}>
          {t(`promise_state_${promise.status.state.replace(/-/g, '_')}`, formatMinor(promise.record.amount, promise.record.currency, locale), formatDate(promise.record.date, locale))}
          <span class="small muted"> ({promise.record.by || t('name_not_set')}, {formatDateTime(promise.record.at, locale)}{promise.record.note ? `: ${promise.record.note}` : ''})</span>
        </p>
      )}
      {data.aging.overdue && (
        <>
          <p class="small" data-testid="panel-dunning-next">
            {view.dunning.paused ? t('dunning_paused') : view.dunning.resumed ? t('dunning_resumed') : null}
            {view.nextActionDue && <> {t('dunning_next_due', formatDate(view.nextActionDue, locale))}</>}
          </p>
          <form class="promise-form" onSubmit={(e) => e.preventDefault()}>
            <label class="small">{t('promise_date')} <input type="date" ref={date} min={data.today} defaultValue={data.today} data-testid="promise-date" /></label>
            <input aria-label={t('promise_amount')} placeholder={t('promise_amount')} inputMode="decimal" value={amount} onInput={(e) => byPersonInput(e, amount, setAmount)} data-testid="promise-amount" />
            {currencies.length > 1 ? (
              <select aria-label={t('promise_currency')} ref={currency} data-testid="promise-currency">{currencies.map((c) => <option key={c} value={c}>{c}</option>)}</select>
            ) : <span>{currencies[0]}</span>}
            <input aria-label={t('promise_note')} placeholder={t('promise_note')} maxLength={500} value={note} onInput={(e) => byPersonInput(e, note, setNote)} data-testid="promise-note" />
            <button type="submit" data-testid="promise-save" onClick={savePromise}>{t('promise_save')}</button>
          </form>
          <form class="dunning-form" onSubmit={(e) => e.preventDefault()}>
            <select aria-label={t('dunning_action')} ref={action} data-testid="dunning-action">
              {DUNNING_ACTIONS.map((a) => <option key={a} value={a}>{t(`dunning_action_${a.replace(/-/g, '_')}`)}</option>)}
            </select>
            <input type="date" aria-label={t('dunning_action_date')} ref={actionDate} max={data.today} defaultValue={data.today} data-testid="dunning-action-date" />
            <button type="submit" data-testid="dunning-action-save" onClick={saveAction}>{t('dunning_action_save')}</button>
          </form>
        </>
      )}
      {problem && <p class="error small" role="alert" data-testid="payment-error">{problem}</p>}
      {log.length > 0 && (
        <ul class="small">
          {[...log].reverse().map((a) => (
            <li key={a._id} data-testid="dunning-log-item" data-action={a.action}>{t(`dunning_action_${a.action.replace(/-/g, '_')}`)} — {formatDate(a.on, locale)} <span class="muted">({a.by || t('name_not_set')})</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}
