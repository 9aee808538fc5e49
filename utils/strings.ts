// The UI strings of the language in force (the setting, else the browser's), for extension pages.
import { makeTranslate, type MessageBundle, type Translate } from '@/lib/i18n';
import type { Settings } from '@/lib/schema';
import { languageOf } from '@/lib/service';
import { send } from './send';

export async function loadStrings(): Promise<{ t: Translate; locale: string; language: 'en' | 'fr' }> {
  const { language, messages } = await send({ type: 'i18n.get' });
  document.documentElement.lang = language;
  const locale = navigator.language.toLowerCase().startsWith(language) ? navigator.language : language;
  return { t: makeTranslate(messages), locale, language };
}

/**
 * The same strings read without the background (extension pages share its origin): the popup opens without
 * waiting for a stopped service worker to start.
 */
export async function loadStringsLocal(settings: Pick<Settings, 'language'>): Promise<{ t: Translate; locale: string; language: 'en' | 'fr' }> {
  const language = languageOf(settings, browser.i18n.getUILanguage());
  const res = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/popup.html'));
  const messages = (await res.json()) as MessageBundle;
  document.documentElement.lang = language;
  const locale = navigator.language.toLowerCase().startsWith(language) ? navigator.language : language;
  return { t: makeTranslate(messages), locale, language };
}
