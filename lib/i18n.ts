// UI strings from the bundled messages.json files, so the language setting can override the browser's.
import type { Settings } from './schema';
export type MessageBundle = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export type Translate = (key: string, ...subs: Array<string | number>) => string;

/**
 * Chrome's messages.json rules: `$NAME$` stands for a named placeholder whose content is `$1`…`$9`, `$1` may
 * also appear directly, `$$` is a dollar sign. A missing key shows the key, so a gap is visible, not blank.
 */
export function makeTranslate(bundle: MessageBundle): Translate {
  return (key, ...subs) => {
    const entry = bundle[key];
    if (!entry) return key;
    const arg = (d: string) => String(subs[Number(d) - 1] ?? '');
    // One pass, so that a substituted value (a customer's name with "$1" in it) is never read again.
    return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$(\$|\d)/g, (whole, name: string | undefined, pos: string | undefined) => {
      if (name !== undefined) {
        const p = entry.placeholders?.[name.toLowerCase()];
        return p ? p.content.replace(/\$(\d)/g, (_, d: string) => arg(d)) : whole;
      }
      return pos === '$' ? '$' : arg(pos!);
    });
  };
}

/** The language in force: the setting, else the browser's when it is French, else English. */
export function languageOf(settings: Pick<Settings, 'language'>, browserLanguage: string): 'en' | 'fr' {
  if (settings.language !== 'auto') return settings.language;
  return browserLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
