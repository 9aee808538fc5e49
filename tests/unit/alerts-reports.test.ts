// The 24-hour response clock of Microsoft alerts, and the triage lists as CSV.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { responseClock } from '../../lib/alerts';
import { budgetCsv, overdueCsv, riskCsv } from '../../lib/reports';
import { buildFacts, summaryOf } from '../../lib/summary';
import { alertResponseStats, buildTriage } from '../../lib/triage';
import { defaultSettings, type Alert, type Customer } from '../../lib/schema';

const T = '11111111-1111-4111-8111-111111111111';
const alert = (detectedAt: string, over: Partial<Alert> = {}): Alert =>
  ({ id: 'a', source: 'graph', tenantId: T, type: 'CryptoMining', name: 'Mining', status: 'active', detectedAt, isTest: false, ...over });

describe('response clock', () => {
  it('is due up to exactly 24 hours after detection, overdue after, in UTC whatever the offset written', () => {
    expect(responseClock(alert('2026-11-24T12:00:00Z'), '2026-11-25T12:00:00.000Z')).toEqual({ open: true, response: 'due', msLeft: 0 });
    expect(responseClock(alert('2026-11-24T12:00:00Z'), '2026-11-25T12:00:00.001Z')).toMatchObject({ response: 'overdue', msLeft: -1 });
    // 14:00 at +02:00 is 12:00 UTC.
    expect(responseClock(alert('2026-11-24T14:00:00+02:00'), '2026-11-25T11:00:00Z')).toMatchObject({ response: 'due', msLeft: 3_600_000 });
  });

  it('closes when staff resolve it, whatever Microsoft says; investigating keeps it open', () => {
    const staff = (status: 'investigating' | 'resolved') => ({ status, reason: status === 'resolved' ? 'legitimate' as const : undefined, by: 'Ana', at: '2026-11-25T00:00:00Z' });
    expect(responseClock(alert('2026-11-24T12:00:00Z', { staff: staff('resolved') }), '2026-11-25T00:00:00Z').open).toBe(false);
    expect(responseClock(alert('2026-11-24T12:00:00Z', { staff: staff('investigating') }), '2026-11-25T00:00:00Z').open).toBe(true);
    expect(responseClock(alert('2026-11-24T12:00:00Z', { status: 'resolved' }), '2026-11-25T00:00:00Z').open).toBe(false);
  });

  it('counts alerts resolved in the last 30 days, their average time and those over 24 h; test alerts never count', () => {
    const now = '2026-11-25T12:00:00Z';
    const stats = alertResponseStats([
      alert('2026-11-20T00:00:00Z', { id: '1', status: 'resolved', resolvedAt: '2026-11-20T10:00:00Z' }),
      alert('2026-11-10T00:00:00Z', { id: '2', staff: { status: 'resolved', reason: 'fraud', by: 'Ana', at: '2026-11-12T00:00:00Z' } }),
      alert('2026-09-01T00:00:00Z', { id: '3', status: 'resolved', resolvedAt: '2026-09-02T00:00:00Z' }),
      alert('2026-11-20T00:00:00Z', { id: '4', status: 'resolved', resolvedAt: '2026-11-20T01:00:00Z', isTest: true }),
    ], now);
    expect(stats).toEqual({ resolved: 2, averageMs: (10 + 48) / 2 * 3_600_000, slow: 1 });
  });
});

describe('CSV reports', () => {
  const settings = defaultSettings();
  const c = (n: number, name: string): Customer => ({ tenantId: `${n}1111111-1111-4111-8111-111111111111`, name, domain: `d${n}.com`, updatedAt: '2026-11-25T00:00:00Z' });
  const summaries = [
    summaryOf(c(1, '=HYPERLINK("http://evil")'), buildFacts({ invoices: [
      { tenantId: c(1, '').tenantId, number: 'A', issuedOn: '2026-09-01', dueOn: '2026-10-01', amount: 123456, paid: 0, currency: 'USD' },
      { tenantId: c(1, '').tenantId, number: 'B', issuedOn: '2026-09-01', dueOn: '2026-10-01', amount: 500, paid: 0, currency: 'JPY' },
    ], checklist: [], flags: [], subscriptions: [], alerts: [], spending: [{ tenantId: c(1, '').tenantId, budget: 1000, spendToDate: 2000, asOf: '2026-11-20', currency: 'USD' }] })),
    summaryOf(c(2, 'Fabrikam'), buildFacts({ invoices: [], checklist: [], flags: [], subscriptions: [], alerts: [], spending: [] })),
  ];
  const lists = buildTriage(summaries, [], new Map(), settings, '2026-11-25', '2026-11-25T12:00:00Z');

  it('writes one overdue row per customer and currency, exact decimals, formulas neutralised', () => {
    const rows = Papa.parse<string[]>(overdueCsv(lists).trim()).data;
    expect(rows[0]).toEqual(['Customer', 'Customer ID', 'Domain', 'Days past due', 'Aging bucket', 'Overdue amount', 'Currency', 'Dunning stage', 'Acknowledged']);
    expect(rows.slice(1).map((r) => [r[0], r[5], r[6], r[3]])).toEqual([
      ["'=HYPERLINK(\"http://evil\")", '1234.56', 'USD', '55'], ["'=HYPERLINK(\"http://evil\")", '500', 'JPY', '55'],
    ]);
  });

  it('writes budget states and every customer\'s score, highest first', () => {
    const budget = Papa.parse<string[]>(budgetCsv(lists).trim()).data;
    expect(budget[1].slice(3, 8)).toEqual(['breached', '20.00', '10.00', 'USD', '200.0']);
    const risk = Papa.parse<string[]>(riskCsv(summaries, settings, '2026-11-25', '2026-11-25T12:00:00Z').trim()).data;
    expect(risk.slice(1).map((r) => r[1])).toEqual([c(1, '').tenantId, c(2, '').tenantId]);
    expect(Number(risk[1][3])).toBeGreaterThan(Number(risk[2][3]));
    expect(risk[1][5]).toContain('overdue +');
  });
});

describe('CSV reports with multi-line formula payloads', () => {
  const settings = defaultSettings();
  // Each starts with a formula character and holds a line break: papaparse's own pattern missed all of them.
  const payloads = [
    '=HYPERLINK("http://evil.example/?x","Click")\nContoso', '+cmd|\' /C calc\'!A0\r\nFabrikam', '-2+3\u2028Tailspin',
    '@SUM(1+1)\rNorthwind', '\t=1+1\nAdatum', '\uFF1DHYPERLINK("http://evil.example")\nWoodgrove',
  ];
  const tenant = (i: number) => `${i}2222222-2222-4222-8222-222222222222`;
  const summaries = payloads.map((name, i) => summaryOf({ tenantId: tenant(i), name, domain: `=d${i}.com\nx`, updatedAt: '2026-11-25T00:00:00Z' }, buildFacts({
    invoices: [{ tenantId: tenant(i), number: `N${i}`, issuedOn: '2026-09-01', dueOn: '2026-10-01', amount: 1000, paid: 0, currency: 'USD' }],
    checklist: [], flags: [], subscriptions: [], alerts: [],
    spending: [{ tenantId: tenant(i), budget: 1000, spendToDate: 2000, asOf: '2026-11-20', currency: 'USD' }],
  })));
  const lists = buildTriage(summaries, [], new Map(), settings, '2026-11-25', '2026-11-25T12:00:00Z');
  const exports = {
    overdue: overdueCsv(lists), budget: budgetCsv(lists), risk: riskCsv(summaries, settings, '2026-11-25', '2026-11-25T12:00:00Z'),
  };
  for (const [kind, text] of Object.entries(exports)) {
    it(`${kind}: every name and domain comes back whole, starting with ', so no cell is a formula`, () => {
      const rows = Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data.slice(1);
      expect(rows.map((r) => r[0]).sort()).toEqual(payloads.map((p) => `'${p}`).sort());
      for (const r of rows) {
        expect(r[2]).toMatch(/^'=d\d\.com\nx$/);
        for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r\uFF1D]/);
      }
    });
  }
});

describe('freshness of imports', () => {
  it('calls receivables stale after more than seven days, and counts whole days', async () => {
    const { daysSince, staleReceivablesDays } = await import('../../lib/freshness');
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(staleReceivablesDays({ invoices: '2026-11-18T12:00:00Z' }, now)).toBeUndefined();
    expect(staleReceivablesDays({ invoices: '2026-11-18T11:59:59Z' }, now)).toBe(7);
    expect(staleReceivablesDays({ invoices: '2026-11-01T00:00:00Z' }, now)).toBe(24);
    expect(staleReceivablesDays({}, now)).toBeUndefined();
    expect(daysSince('2026-11-26T00:00:00Z', now)).toBe(0);
  });
});
