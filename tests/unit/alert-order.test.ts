// "Most severe first" in the popup's alerts tab: least time left first (an alert past its 24 hours has none
// left), then severity (high, medium, low, informational), then the time it was observed.
import { describe, expect, it } from 'vitest';
import { compareAlertUrgency, severityRank } from '../../lib/alerts';
import { buildFacts, summaryOf } from '../../lib/summary';
import { buildTriage } from '../../lib/triage';
import { defaultSettings, type Alert, type Customer } from '../../lib/schema';

const NOW = '2026-11-25T12:00:00.000Z';
const id = (n: number) => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
const alert = (key: string, n: number, hoursAgo: number, severity?: string): Alert => ({
  id: key, source: 'graph', tenantId: id(n), type: 'CryptoMining', name: 'Mining', status: 'active', ...(severity ? { severity } : {}),
  detectedAt: new Date(Date.parse(NOW) - hoursAgo * 3_600_000).toISOString(), isTest: false,
});

function order(alerts: Alert[]): string[] {
  const tenants = [...new Set(alerts.map((a) => a.tenantId))];
  // Names in the reverse of the wanted order, so that a sort by name alone cannot pass.
  const summaries = tenants.map((t, i) => {
    const c: Customer = { tenantId: t, name: `Z${100 - i}`, origin: 'import', updatedAt: NOW };
    return summaryOf(c, buildFacts({ invoices: [], checklist: [], flags: [], subscriptions: [], spending: [], alerts: alerts.filter((a) => a.tenantId === t) }));
  });
  return buildTriage(summaries, alerts, new Map(), defaultSettings(), '2026-11-25', NOW).alerts.map((r) => r.alert.id);
}

describe('alert order', () => {
  it('puts alerts past their 24 hours first by severity then observation, then the due ones by time left', () => {
    const alerts = [
      alert('due-2h-left-low', 1, 22, 'low'),
      alert('past-30h-low', 2, 30, 'Low'),
      alert('past-25h-high', 3, 25, 'High'),
      alert('past-40h-informational', 4, 40, 'informational'),
      alert('past-26h-medium', 5, 26, 'medium'),
      alert('past-28h-high', 6, 28, 'high'),
      alert('due-10h-left-high', 7, 14, 'high'),
      alert('past-50h-none', 8, 50),
    ];
    expect(order(alerts)).toEqual([
      'past-28h-high', 'past-25h-high', 'past-26h-medium', 'past-30h-low', 'past-40h-informational', 'past-50h-none',
      'due-2h-left-low', 'due-10h-left-high',
    ]);
  });

  it('orders alerts with the same time left by severity, then by the time observed', () => {
    const alerts = [alert('a-info', 1, 3, 'informational'), alert('b-medium', 2, 3, 'medium'), alert('c-high', 3, 3, 'high'), alert('d-low', 4, 3, 'low')];
    expect(order(alerts)).toEqual(['c-high', 'b-medium', 'd-low', 'a-info']);
  });

  it('ranks severities high, medium, low, informational, then anything else', () => {
    expect(['informational', 'x', 'LOW', undefined, 'High', 'medium'].sort((a, b) => severityRank(a) - severityRank(b))).toEqual(['High', 'medium', 'LOW', 'informational', 'x', undefined]);
    const row = (msLeft: number, severity: string, detectedAt: string) => ({ msLeft, alert: { severity, detectedAt } });
    expect(compareAlertUrgency(row(-5, 'low', '2026-11-24T00:00:00Z'), row(-99, 'high', '2026-11-23T00:00:00Z'))).toBeGreaterThan(0);
    expect(compareAlertUrgency(row(-5, 'high', '2026-11-23T00:00:00Z'), row(-5, 'high', '2026-11-24T00:00:00Z'))).toBeLessThan(0);
  });
});
