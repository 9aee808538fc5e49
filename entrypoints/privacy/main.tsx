// The privacy policy inside the extension (PRIVACY.md says the same), in the language in force, linked from the
// options page. It reads the settings only for the language: with no store, it follows the browser.
import { render } from 'preact';
import { PrivacyPolicy } from '@/components/PrivacyPolicy';
import { openStore, readSettings } from '@/lib/db';
import { loadStringsLocal } from '@/utils/strings';
import '../options/style.css';

async function main() {
  const settings = await openStore().then((db) => readSettings(db)).catch(() => ({ language: 'auto' as const }));
  const { t } = await loadStringsLocal(settings);
  document.title = `${t('extName')}: ${t('privacy_title')}`;
  render(<PrivacyPolicy t={t} />, document.getElementById('app')!);
}

void main();
