// The guidance page: opened by the panel's "Guidance: …" links at the part they name (#theft-of-service, …).
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { GuidancePage } from '@/components/GuidancePage';
import type { Translate } from '@/lib/i18n';
import { openStore, readSettings } from '@/lib/db';
import { loadStringsLocal } from '@/utils/strings';
import '../options/style.css';
import './style.css';

function App({ t, first }: { t: Translate; first: 'en' | 'fr' }) {
  const [language, setLanguage] = useState(first);
  return <GuidancePage t={t} language={language} onLanguage={(l) => { setLanguage(l); document.documentElement.lang = l; }} target={location.hash.slice(1)} />;
}

async function main() {
  const settings = await openStore().then((db) => readSettings(db)).catch(() => ({ language: 'auto' as const }));
  const { t, language } = await loadStringsLocal(settings);
  document.title = `${t('extName')}: ${t('guidance_page_title')}`;
  render(<App t={t} first={language} />, document.getElementById('app')!);
  // The part asked for is rendered now: bring it into view (the browser's own jump ran before it existed).
  document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

void main();
