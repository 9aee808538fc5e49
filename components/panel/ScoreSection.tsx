// The score, its level in colour and words, and every factor with its points, evidence and guidance.
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { describeFactor } from './factorText';

export function ScoreSection({ data, t, locale }: { data: PanelData; t: Translate; locale: string }) {
  const { risk } = data;
  if (!data.known) {
    // No data, no score: the panel's notice says which files to import.
    return (
      <section class="section" aria-labelledby="prl-score">
        <h3 id="prl-score" class="visually-hidden">{t('score_title')}</h3>
        <div class="score unknown">
          <span class="lvl" data-testid="risk-level">{t('level_unknown')}</span>
        </div>
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
      {risk.rawTotal > 100 && <p class="muted small">{t('score_capped', risk.rawTotal)}</p>}
      {risk.factors.length === 0 ? (
        <p class="muted" data-testid="risk-no-factors">{t('score_no_factors')}</p>
      ) : (
        <ul class="factors">
          {risk.factors.map((f, i) => (
            <li key={`${f.id}-${i}`} data-testid="risk-factor" data-factor-id={f.id}>
              <span class="pts">+{f.points}</span>
              <span class="why">{describeFactor(f, t, locale, data.now)}</span>
              <span class="guide small muted">{t(`guidance_${f.guidance.replace(/-/g, '_')}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {!data.facts.subscriptions && <p class="muted small" data-testid="no-subscription-data">{t('score_no_subscription_data')}</p>}
    </section>
  );
}
