// The review verdict: set one (with a reason and, for an approval, a review date), what moved since, and history.
import { useRef, useState } from 'preact/hooks';
import { addDays } from '@/lib/dates';
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { VERDICTS, type Verdict, type VerdictRecord } from '@/lib/schema';
import type { PanelActions } from './actions';
import { formatDate, formatDateTime } from './format';
import { byPerson, byPersonInput } from './trusted';

const factorName = (id: string, t: Translate) => t(`factor_name_${id.replace(/-/g, '_')}`);

export function VerdictSection({ data, t, locale, actions }: { data: PanelData; t: Translate; locale: string; actions: PanelActions }) {
  const view = data.decision;
  const verdicts = (data.decisions ?? []).filter((d): d is VerdictRecord => d.kind === 'verdict');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const select = useRef<HTMLSelectElement>(null);
  const review = useRef<HTMLInputElement>(null);
  const [choice, setChoice] = useState<Verdict>(view?.verdict?.verdict ?? 'approved');
  const defaultReview = addDays(data.today, view?.reviewDays ?? 90);
  const save = (e: MouseEvent) => {
    e.preventDefault();
    if (!byPerson(e)) return;
    const verdict = VERDICTS.find((v) => v === select.current?.value) ?? choice;
    const reviewOn = review.current?.value || undefined;
    if (!reason.trim()) return setProblem(t('verdict_reason_needed'));
    if (verdict === 'approved' && !reviewOn) return setProblem(t('verdict_review_needed'));
    if (reviewOn && reviewOn <= data.today) return setProblem(t('verdict_review_past'));
    setProblem(undefined);
    void actions.setVerdict?.(verdict, reason.trim(), reviewOn).then(() => setReason(''));
  };
  const current = view?.verdict;
  return (
    <section class="section" aria-labelledby="prl-verdict" data-testid="panel-verdict">
      <h3 id="prl-verdict">{t('verdict_title')}</h3>
      {current ? (
        <p>
          <strong>{t(`verdict_${current.verdict}`)}</strong>
          <span class="small muted"> — {t('verdict_by', current.by || t('name_not_set'), formatDateTime(current.at, locale))}</span>
          {current.reviewOn && <span class={`small ${view?.reviewDue ? 'warn' : 'muted'}`} data-testid="verdict-review-due" data-due={view?.reviewDue ? 'true' : undefined}>
            {' '}· {view?.reviewDue ? t('verdict_review_overdue', formatDate(current.reviewOn, locale)) : t('verdict_review_on', formatDate(current.reviewOn, locale))}</span>}
        </p>
      ) : <p class="muted small">{t('verdict_none')}</p>}
      {view?.change?.changed && (
        <div class="warn" data-testid="verdict-changed" role="status">
          <p>{t('verdict_changed', view.change.reasons.map((r) => t(`verdict_change_${r}`)).join(', '))}</p>
          <ul>
            {view.change.moved.map((m) => (
              <li key={m.id} data-testid="verdict-change" data-factor-id={m.id}>{t('verdict_change_factor', factorName(m.id, t), m.then, m.now)}</li>
            ))}
          </ul>
        </div>
      )}
      <form class="verdict-form" onSubmit={(e) => e.preventDefault()}>
        <select aria-label={t('verdict_choose')} data-testid="verdict-set" ref={select} value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value as Verdict)}>
          {VERDICTS.map((v) => <option key={v} value={v} data-verdict={v}>{t(`verdict_${v}`)}</option>)}
        </select>
        <input aria-label={t('verdict_reason')} placeholder={t('verdict_reason')} maxLength={500} value={reason} onInput={(e) => byPersonInput(e, reason, setReason)} data-testid="verdict-reason" />
        <label class="small">{t('verdict_review_date')}{' '}
          <input type="date" ref={review} min={addDays(data.today, 1)} defaultValue={defaultReview} data-testid="verdict-review-date" />
        </label>
        <button type="submit" data-testid="verdict-save" onClick={save}>{t('verdict_save')}</button>
      </form>
      {problem && <p class="error small" role="alert" data-testid="verdict-error">{problem}</p>}
      {verdicts.length > 0 && (
        <details open={verdicts.length <= 3}>
          <summary>{t('verdict_history', verdicts.length)}</summary>
          <ul>
            {[...verdicts].reverse().map((v) => (
              <li key={v._id} data-testid="verdict-history-item" data-verdict={v.verdict}>
                <strong>{t(`verdict_${v.verdict}`)}</strong> — {v.reason}
                <span class="small muted"> ({v.by || t('name_not_set')}, {formatDateTime(v.at, locale)}; {t('verdict_history_score', v.snapshot.score, t(`level_${v.snapshot.level}`))}
                  {v.snapshot.factors.length > 0 && <>: {v.snapshot.factors.map((f) => `${factorName(f.id, t)} +${f.points}`).join(', ')}</>})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {actions.exportEvidence && (
        <button type="button" class="link small" data-testid="evidence-export" onClick={(e) => { if (byPerson(e)) actions.exportEvidence!(); }}>{t('evidence_export')}</button>
      )}
    </section>
  );
}
