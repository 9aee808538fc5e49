// The UI strings of the language in force (the setting, else the browser's), for extension pages.
import { makeTranslate, type Translate } from '@/lib/i18n';
import { send } from './send';

export async function loadStrings(): Promise<{ t: Translate; locale: string; language: 'en' | 'fr' }> {
  const { language, messages } = await send({ type: 'i18n.get' });
  document.documentElement.lang = language;
  const locale = navigator.language.toLowerCase().startsWith(language) ? navigator.language : language;
  return { t: makeTranslate(messages), locale, language };
}
