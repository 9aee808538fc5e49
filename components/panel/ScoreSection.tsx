// The score, its level in colour and words, and every factor with its points, evidence and guidance.
import type { ComponentChildren } from 'preact';
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { describeFactor } from './factorText';
import { byPerson } from './trusted';

export function ScoreSection({ data, t, locale, nextStep, onGuidance }: {
  data: PanelData; t: Translate; locale: string;
  /** The one most urgent thing to do, shown under the score. */
  nextStep?: ComponentChildren;
  /** Opens the guidance at a factor's part of it; without it the guidance is named, not linked. */
  onGuidance?(part: string): void;
}) {
  const { risk } = data;
  // The factors that weigh most first (a stable sort: equal points keep the score's order).
  const factors = [...risk.factors].sort((a, b) => b.points - a.points);
  if (!data.known) {
    // No data, no score: the panel's notice says which files to import.
    return (
      <section class="section" aria-labelledby="prl-score">
        <h3 id="prl-score" class="visually-hidden">{t('score_title')}</h3>
        <div class="score unknown">
          <span class="lvl" data-testid="risk-level">{t('level_unknown')}</span>
        </div>
        {nextStep}
      </section>
    );
  }
  return (
    <section class="section" aria-labelledby="prl-score">
      <h3 id="prl-score" class="visually-hidden">{t('score_title')}</h3>
      <div class={`score ${risk.level}`}>
        <span class="num" data-testid="risk-score">{risk.score}</span>
        <span class="of">/100</span>
        <span class="lvl" data-testid="risk-level">{t(`level_${risk.level}`)}</span>
      </div>
      {nextStep}
      {risk.rawTotal > 100 && <p class="muted small" data-testid="score-capped">{t('score_capped', risk.rawTotal)}</p>}
      {risk.factors.length === 0 ? (
        <p class="muted" data-testid="risk-no-factors">{t('score_no_factors')}</p>
      ) : (
        <ul class="factors">
          {factors.map((f, i) => (
            <li key={`${f.id}-${i}`} data-testid="risk-factor" data-factor-id={f.id}>
              <span class="pts">+{f.points}</span>
              <span class="why">{describeFactor(f, t, locale, data.now)}</span>
              {onGuidance ? (
                <button type="button" class="guide link small" data-testid="factor-guidance" data-part={f.guidance}
                  onClick={(e) => { if (byPerson(e)) onGuidance(f.guidance); }}>{t(`guidance_${f.guidance.replace(/-/g, '_')}`)}</button>
              ) : <span class="guide small muted">{t(`guidance_${f.guidance.replace(/-/g, '_')}`)}</span>}
            </li>
          ))}
        </ul>
      )}
      {!data.facts.subscriptions && (
        // On a short screen, the short words; the whole sentence is read out and shown on hover.
        <p class="muted small" data-testid="no-subscription-data" title={t('score_no_subscription_data')}>
          <span class="long">{t('score_no_subscription_data')}</span><span class="short" aria-hidden="true">{t('score_no_subscription_data_short')}</span>
        </p>
      )}
    </section>
  );
}
