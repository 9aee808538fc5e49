// Microsoft's guidance "Non-payment, fraud, or misuse" in the UI's language (French or English, the other one a
// click away), each part a target the panel's "Guidance: …" links open at.
import type { Translate } from '@/lib/i18n';
import { GUIDANCE } from '@/lib/guidance-text';

export function GuidancePage({ t, language, onLanguage, target }: {
  t: Translate; language: 'en' | 'fr'; onLanguage(l: 'en' | 'fr'): void; target?: string;
}) {
  const other = language === 'en' ? 'fr' : 'en';
  return (
    <main class="options" data-testid="guidance-page" lang={language}>
      <h1>{t('extName')}: {t('guidance_page_title')}</h1>
      <p class="muted">{t('guidance_page_intro')}</p>
      <button type="button" data-testid="guidance-language" lang={other} onClick={() => onLanguage(other)}>
        {t(other === 'fr' ? 'guidance_page_in_french' : 'guidance_page_in_english')}
      </button>
      {GUIDANCE.map((b, i) => {
        const text = b[language];
        const id = b.part ?? b.id;
        const props = { key: i, id, 'data-part': b.part, class: b.part && b.part === target ? 'target' : undefined };
        if (b.kind === 'li') return <ul {...props}><li>{text}</li></ul>;
        if (b.kind === 'note') return <p {...props} class={`note ${props.class ?? ''}`}>{text}</p>;
        if (b.kind === 'p') return <p {...props}>{text}</p>;
        const H = b.kind;
        return <H {...props}>{text}</H>;
      })}
    </main>
  );
}
