import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFactor } from '../../components/panel/factorText';
import { makeTranslate } from '../../lib/i18n';

const en = makeTranslate(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')));

describe('factor text', () => {
  it('gives the spike ratio, or says spending started from none when there is no earlier spend', () => {
    expect(describeFactor({ id: 'spend-spike', points: 15, guidance: 'abuse-of-service', data: { ratio: 4.5, factor: 3 } }, en, 'en')).toContain('4.5');
    const fromZero = describeFactor({ id: 'spend-spike', points: 15, guidance: 'abuse-of-service', data: { ratio: 0, factor: 3 } }, en, 'en');
    expect(fromZero).not.toMatch(/\b0×/);
    expect(fromZero).toMatch(/none/);
  });

  it('puts the days and the amounts per currency in the overdue factor', () => {
    const text = describeFactor({ id: 'overdue', points: 40, guidance: 'theft-of-service', data: { days: 95, bucket: '91+', amounts: { USD: 1_200_000, EUR: 5 }, invoices: 2 } }, en, 'en-US');
    expect(text).toContain('95');
    expect(text).toContain('12,000.00 USD');
    expect(text).toContain('0.05 EUR');
  });
});
