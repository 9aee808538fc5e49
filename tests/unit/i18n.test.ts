import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTranslate, type MessageBundle } from '../../lib/i18n';

const load = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as MessageBundle;

describe('translations', () => {
  it('fills named and positional placeholders the way Chrome does', () => {
    const t = makeTranslate({
      days: { message: '$COUNT$ days past due, $AMOUNT$', placeholders: { count: { content: '$1' }, amount: { content: '$2' } } },
      raw: { message: 'costs $$5 for $1' },
    });
    expect(t('days', 95, '12,000.00 USD')).toBe('95 days past due, 12,000.00 USD');
    expect(t('raw', 'you')).toBe('costs $5 for you');
    expect(t('missing')).toBe('missing');
  });

  it('has every English string in French too, with the same placeholders', () => {
    const en = load('en');
    const fr = load('fr');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(Object.keys(fr[key].placeholders ?? {}).sort(), key).toEqual(Object.keys(en[key].placeholders ?? {}).sort());
    }
  });
});

describe('substitution', () => {
  it('never reads a substituted value as a placeholder', () => {
    const t = makeTranslate({ hi: { message: 'Hello $NAME$, $2', placeholders: { name: { content: '$1' } } } });
    expect(t('hi', 'A$2 $$', 'x')).toBe('Hello A$2 $$, x');
  });
});
