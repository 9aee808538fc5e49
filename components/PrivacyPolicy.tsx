// The privacy policy's sections, from the message catalogues (en, fr); PRIVACY.md is its long form.
import type { Translate } from '@/lib/i18n';

const SECTIONS = ['stored', 'where', 'sent', 'portal', 'permissions', 'delete'] as const;

export function PrivacyPolicy({ t }: { t: Translate }) {
  return (
    <main class="options" data-testid="privacy-policy">
      <h1>{t('extName')}: {t('privacy_title')}</h1>
      <p>{t('privacy_intro')}</p>
      {SECTIONS.map((id) => (
        <section key={id} data-section={id} aria-labelledby={`privacy-${id}`}>
          <h2 id={`privacy-${id}`}>{t(`privacy_${id}_title`)}</h2>
          <p>{t(`privacy_${id}`)}</p>
        </section>
      ))}
    </main>
  );
}
