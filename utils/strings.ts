// The UI strings of the language in force (the setting, else the browser's), for extension pages.
import { languageOf, makeTranslate, type MessageBundle, type Translate } from '@/lib/i18n';
import type { Settings } from '@/lib/schema';

/**
 * Read from the bundled catalogues without the background (extension pages share its origin): the popup opens
 * without waiting for a stopped service worker to start.
 */
export async function loadStringsLocal(settings: Pick<Settings, 'language'>): Promise<{ t: Translate; locale: string; language: 'en' | 'fr' }> {
  const language = languageOf(settings, browser.i18n.getUILanguage());
  const res = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/popup.html'));
  const messages = (await res.json()) as MessageBundle;
  document.documentElement.lang = language;
  const locale = navigator.language.toLowerCase().startsWith(language) ? navigator.language : language;
  return { t: makeTranslate(messages), locale, language };
}
