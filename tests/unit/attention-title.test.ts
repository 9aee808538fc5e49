// The toolbar button's tooltip explains its number: how many customers, and in which lists.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attentionBreakdown, attentionTitle, indexTriage } from '../../lib/attention';
import { makeTranslate, type MessageBundle } from '../../lib/i18n';
import type { TriageReason } from '../../lib/schema';

const t = (lang: string) => makeTranslate(JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as MessageBundle);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TODAY = '2026-11-20';

describe('the toolbar badge tooltip', () => {
  const reasons = new Map<string, TriageReason[]>([
    [id(1), ['overdue', 'alert:a1']],
    [id(2), ['overdue']],
    [id(3), ['overdue', 'budget']],
    [id(4), ['budget']],
    [id(5), ['risk']],
    [id(6), ['budget', 'alert:a6']],
  ]);

  it('names each list with the customers in it, not counting acknowledged or snoozed rows', () => {
    const triage = indexTriage([
      { tenantId: id(6), reason: 'alert:a6', acknowledgedAt: '2026-11-19T10:00:00Z' },
      { tenantId: id(5), reason: 'risk', snoozedUntil: '2026-12-01' },
    ]);
    const b = attentionBreakdown(reasons, triage, TODAY);
    expect(b).toEqual({ total: 5, overdue: 3, budget: 3, risk: 0, alerts: 1 });
    expect(attentionTitle(b, t('en'))).toBe(
      'Partner Risk Lens: 5 customers need attention: 3 overdue, 3 over or near budget, 1 with a security alert (acknowledged and snoozed rows are not counted)');
    expect(attentionTitle(b, t('fr'))).toBe(
      'Partner Risk Lens : 5 clients demandent votre attention : 3 en retard de paiement, 3 au-delà ou près du budget, 1 avec une alerte de sécurité (les lignes prises en compte ou mises en attente ne sont pas comptées)');
  });

  it('says one customer and no customer in words', () => {
    const one = attentionBreakdown(new Map([[id(1), ['risk'] as TriageReason[]]]), indexTriage([]), TODAY);
    expect(attentionTitle(one, t('en'))).toBe('Partner Risk Lens: 1 customer needs attention: 1 high risk (acknowledged and snoozed rows are not counted)');
    expect(attentionTitle(attentionBreakdown(new Map(), indexTriage([]), TODAY), t('fr'))).toMatch(/^Partner Risk Lens : aucun client/);
  });
});
