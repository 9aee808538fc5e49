// The French UI is entirely French: every message, French numbers and punctuation, Microsoft's raw values translated.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTranslate, type MessageBundle } from '../../lib/i18n';
import { formatPercent, microsoftValue } from '../../components/panel/format';
import { englishIn } from '../fixtures/english';

const load = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as MessageBundle;
const fr = load('fr');

describe('the French UI', () => {
  it('renders every message key with no English word in it', () => {
    const t = makeTranslate(fr);
    const found: string[] = [];
    for (const key of Object.keys(fr)) {
      // Placeholders filled with French values, so that only the message's own words are judged.
      const text = t(key, 'dix', 'douze', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf');
      const words = englishIn(text);
      if (words.length) found.push(`${key}: ${words.join(', ')} in "${text}"`);
    }
    expect(found).toEqual([]);
  });

  it('catches English when it is there (the heuristic works)', () => {
    expect(englishIn('The file is missing a required column')).toEqual(['The', 'file', 'is', 'missing', 'required']);
    expect(englishIn('Le budget de dépenses est dépassé à la date du relevé')).toEqual([]);
  });

  it('spaces French punctuation: a space before : ; ? ! and inside « »', () => {
    const bad = Object.entries(fr)
      .filter(([, v]) => /[\p{L}\d)»$][:;?!](\s|$)|«[^\s\u00a0\u202f]|[^\s\u00a0\u202f]»/u.test(v.message.replace(/https?:\/\/\S+/g, '')))
      .map(([k, v]) => `${k}: ${v.message}`);
    expect(bad).toEqual([]);
  });

  it('writes percentages the French way and translates Microsoft’s severity and confidence values', () => {
    expect(formatPercent(0.8134, 'fr')).toMatch(/^81,3[\u00a0\u202f]%$/); // a no-break space, as Intl writes it
    expect(formatPercent(0.8134, 'en')).toBe('81.3%');
    const t = makeTranslate(fr);
    expect(microsoftValue('severity', 'High', t)).toBe('élevée');
    expect(microsoftValue('severity', 'informational', t)).toBe('informative');
    expect(microsoftValue('confidence', 'Medium', t)).toBe('moyenne');
    expect(microsoftValue('severity', 'Catastrophic', t)).toBe('Catastrophic'); // a value Microsoft adds later stays as given
    expect(t('budget_utilization', formatPercent(0.813, 'fr'))).toMatch(/^81,3[\u00a0\u202f]% utilisé$/);
  });
});
