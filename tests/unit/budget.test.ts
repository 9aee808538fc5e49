// lib/budget.ts: utilization, approaching/breached, the linear month-end forecast, stale and missing budgets,
// and the run-rate spike, with worked numbers at their boundaries (DECISIONS "Receivables and budgets").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetState, isSpike, runRate, spendingFacts } from '../../lib/budget';
import { defaultSettings, type Settings, type Spending } from '../../lib/schema';

const TENANT = '11111111-1111-4111-8111-111111111111';
const settings = defaultSettings();
const snap = (spendToDate: number, asOf: string, budget?: number, currency = 'USD'): Spending =>
  ({ tenantId: TENANT, ...(budget !== undefined ? { budget } : {}), spendToDate, asOf, currency });
/** The state of one snapshot, as of its own date unless told. */
const stateOf = (s: Spending, today = s.asOf, st: Pick<Settings, 'budgetThreshold' | 'spikeFactor'> = settings) => budgetState(spendingFacts([s]), st, today);

describe('spendingFacts', () => {
  it('is undefined without snapshots', () => {
    expect(spendingFacts([])).toBeUndefined();
  });

  it('keeps the latest snapshot by date, whatever the input order, and no budget key when none is set', () => {
    const f = spendingFacts([snap(90_000, '2026-11-20', 100_000), snap(10_000, '2026-11-05', 100_000)])!;
    expect(f.latest).toEqual({ budget: 100_000, spendToDate: 90_000, asOf: '2026-11-20', currency: 'USD' });
    expect(f.priorRunRate).toBeUndefined(); // the same month is not history
    const none = spendingFacts([snap(5, '2026-11-05')])!;
    expect(none.latest).toEqual({ spendToDate: 5, asOf: '2026-11-05', currency: 'USD' });
    expect('budget' in none.latest).toBe(false);
  });
});

describe('utilization and thresholds', () => {
  it('is breached at exactly 100.0 %, and above', () => {
    expect(stateOf(snap(100_000, '2026-11-10', 100_000), '2026-11-25')).toMatchObject({ state: 'breached', utilization: 1 });
    expect(stateOf(snap(150_000, '2026-11-10', 100_000), '2026-11-25')).toMatchObject({ state: 'breached', utilization: 1.5 });
  });

  it('is approaching at exactly 80.0 % and up to just under 100 %', () => {
    expect(stateOf(snap(80_000, '2026-11-30', 100_000))).toMatchObject({ state: 'approaching', utilization: 0.8 });
    expect(stateOf(snap(99_999, '2026-11-30', 100_000))).toMatchObject({ state: 'approaching', utilization: 0.99999 });
    // Exactly 80 % where 0.8 * 35 is 28.000000000000004 in floating point: compared exactly, it is approaching.
    expect(stateOf(snap(28, '2026-11-30', 35)).state).toBe('approaching');
  });

  it('is not approaching at 79.99 %: ok on the last day of the month, forecast earlier in it', () => {
    expect(stateOf(snap(79_990, '2026-11-30', 100_000))).toMatchObject({ state: 'ok', utilization: 0.7999, projected: 79_990 });
    expect(stateOf(snap(79_990, '2026-11-25', 100_000))).toMatchObject({ state: 'ok', projected: 95_988 }); // 79,990 / 25 * 30
    expect(stateOf(snap(79_990, '2026-11-10', 100_000))).toMatchObject({ state: 'forecast', projected: 239_970 }); // / 10 * 30
  });

  it('follows the threshold in the settings', () => {
    const ninety = { budgetThreshold: 0.9, spikeFactor: 3 };
    expect(stateOf(snap(80_000, '2026-11-30', 100_000), '2026-11-30', ninety).state).toBe('ok');
    expect(stateOf(snap(89_999, '2026-11-30', 100_000), '2026-11-30', ninety).state).toBe('ok');
    expect(stateOf(snap(90_000, '2026-11-30', 100_000), '2026-11-30', ninety).state).toBe('approaching');
  });

  it('handles a budget of zero: nothing spent is ok, anything spent is a breach', () => {
    expect(stateOf(snap(0, '2026-11-10', 0), '2026-11-25')).toMatchObject({ state: 'ok', utilization: 0 });
    expect(stateOf(snap(1, '2026-11-10', 0), '2026-11-25')).toMatchObject({ state: 'breached', utilization: Infinity });
  });
});

describe('forecast: linear projection to month end (spendToDate / dayOfMonth * daysInMonth)', () => {
  it('reaches 100 % exactly in a 30-day month', () => {
    expect(stateOf(snap(50_000, '2026-11-15', 100_000), '2026-11-25')).toMatchObject({ state: 'forecast', projected: 100_000, utilization: 0.5 });
    expect(stateOf(snap(49_999, '2026-11-15', 100_000), '2026-11-25')).toMatchObject({ state: 'ok', projected: 99_998 });
  });

  it('uses 31 days in January and counts from day 1', () => {
    // 32,259 × 31 = 1,000,029 ≥ 100,000 × 10; 32,258 × 31 = 999,998 is not.
    expect(stateOf(snap(32_259, '2027-01-10', 100_000)).state).toBe('forecast');
    expect(stateOf(snap(32_258, '2027-01-10', 100_000)).state).toBe('ok');
    // Day 5 of a 30-day month, the first day a month forecasts on its own: 16,667 × 30 / 5 = 100,002 reaches.
    expect(stateOf(snap(16_667, '2026-11-05', 100_000))).toMatchObject({ state: 'forecast', projected: 100_002 });
    expect(stateOf(snap(16_600, '2026-11-05', 100_000))).toMatchObject({ state: 'ok', projected: 99_600 });
  });

  it('is too early to forecast before the 5th day without earlier months: one day times 31 is no forecast', () => {
    for (const asOf of ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04']) {
      const r = stateOf(snap(4_000, asOf, 100_000));
      expect(r).toMatchObject({ state: 'ok', tooEarly: true });
      expect(r.projected).toBeUndefined();
      // Still breached or approaching when the spend itself says so.
      expect(stateOf(snap(100_000, asOf, 100_000)).state).toBe('breached');
      expect(stateOf(snap(80_000, asOf, 100_000))).toMatchObject({ state: 'approaching', tooEarly: true });
    }
    expect(stateOf(snap(4_000, '2026-11-01'))).toMatchObject({ state: 'no-budget', tooEarly: true });
    expect(stateOf(snap(4_000, '2026-11-05', 100_000)).tooEarly).toBeUndefined();
  });

  it('forecasts before the 5th day from the earlier months\' run-rate blended with this month\'s', () => {
    // Earlier months: 1,000 a day. Day 2 of November (30 days), 6,000 spent: 3,000 a day so far.
    // Blend: 2/5 × 3,000 + 3/5 × 1,000 = 1,800 a day for the 28 days left: 6,000 + 50,400 = 56,400.
    const history = [snap(10_000, '2026-10-10', 100_000), snap(20_000, '2026-09-20', 100_000)];
    const facts = spendingFacts([...history, snap(6_000, '2026-11-02', 50_000)]);
    expect(facts!.priorRunRate).toBe(1_000);
    expect(budgetState(facts, settings, '2026-11-02')).toMatchObject({ state: 'forecast', projected: 56_400 });
    const calm = spendingFacts([...history, snap(6_000, '2026-11-02', 60_000)]);
    expect(budgetState(calm, settings, '2026-11-02')).toMatchObject({ state: 'ok', projected: 56_400 });
    expect(budgetState(calm, settings, '2026-11-02').tooEarly).toBeUndefined();
  });

  it('projects February over 29 days in 2028 and 28 in 2027', () => {
    // Day 14, 49,000 spent: 2028 projects 49,000 / 14 × 29 = 101,500 (forecast); 2027 projects 98,000 (ok).
    expect(stateOf(snap(49_000, '2028-02-14', 100_000))).toMatchObject({ state: 'forecast', projected: 101_500 });
    expect(stateOf(snap(49_000, '2027-02-14', 100_000))).toMatchObject({ state: 'ok', projected: 98_000 });
    // 28 February: the month's last day in 2027 (projection = spend), not in 2028 (one more day to go).
    expect(stateOf(snap(20_000, '2027-02-28', 30_000))).toMatchObject({ state: 'ok', projected: 20_000 });
    expect(stateOf(snap(20_000, '2028-02-28', 30_000))).toMatchObject({ state: 'ok', projected: 20_714 }); // 20,000 / 28 × 29 = 20,714.29
    // With a 99 % threshold, 28,000 of 28,900 (96.9 %) on 28 February: forecast in 2028 (29,000), ok in 2027.
    const high = { budgetThreshold: 0.99, spikeFactor: 3 };
    expect(stateOf(snap(28_000, '2028-02-28', 28_900), '2028-02-28', high)).toMatchObject({ state: 'forecast', projected: 29_000 });
    expect(stateOf(snap(28_000, '2027-02-28', 28_900), '2027-02-28', high)).toMatchObject({ state: 'ok', projected: 28_000 });
    // 29 February 2028 is the last day: the projection is the spend itself.
    expect(stateOf(snap(20_000, '2028-02-29', 30_000))).toMatchObject({ state: 'ok', projected: 20_000 });
  });

  it('projects the spend itself on 31 December and 30 April', () => {
    expect(stateOf(snap(79_000, '2026-12-31', 100_000))).toMatchObject({ state: 'ok', projected: 79_000 });
    expect(stateOf(snap(79_000, '2027-04-30', 100_000))).toMatchObject({ state: 'ok', projected: 79_000 });
  });

  it('ranks breached before approaching before forecast', () => {
    // 100 % on day 1 would also project far past 100 %: it is a breach, not a forecast.
    expect(stateOf(snap(100_000, '2026-11-01', 100_000)).state).toBe('breached');
    expect(stateOf(snap(80_000, '2026-11-01', 100_000)).state).toBe('approaching');
  });
});

describe('stale, missing budget, no data', () => {
  it('calls a snapshot from an earlier month stale, not a breach', () => {
    const r = budgetState(spendingFacts([snap(150_000, '2026-10-31', 100_000)]), settings, '2026-11-01');
    expect(r).toEqual({ state: 'stale', spike: false, latest: { budget: 100_000, spendToDate: 150_000, asOf: '2026-10-31', currency: 'USD' } });
    expect(r.utilization).toBeUndefined();
    // The same month a year earlier is just as stale.
    expect(budgetState(spendingFacts([snap(150_000, '2025-11-20', 100_000)]), settings, '2026-11-25').state).toBe('stale');
  });

  it('reads the latest snapshot of the current month, not an older breach', () => {
    const r = budgetState(spendingFacts([snap(150_000, '2026-10-31', 100_000), snap(10_000, '2026-11-05', 100_000)]), settings, '2026-11-25');
    expect(r).toMatchObject({ state: 'ok', utilization: 0.1, projected: 60_000 });
  });

  it('says no-budget when the latest snapshot has none, still with its run-rate and projection', () => {
    const r = stateOf(snap(10_000, '2026-11-10'), '2026-11-25');
    expect(r).toMatchObject({ state: 'no-budget', runRate: 1_000, projected: 30_000, spike: false });
    expect(r.utilization).toBeUndefined();
  });

  it('says no-data without any snapshot', () => {
    expect(budgetState(undefined, settings, '2026-11-25')).toEqual({ state: 'no-data', spike: false });
  });
});

describe('spike: run-rate at least 3x the average run-rate of the three months before', () => {
  // Run-rates: August 31,000 / 31 = 1,000; September 60,000 / 30 = 2,000; October 30,000 / 10 = 3,000: average 2,000.
  const history = [
    snap(31_000, '2026-08-31', 100_000), snap(60_000, '2026-09-30', 100_000), snap(30_000, '2026-10-10', 100_000),
    snap(9_999_999, '2026-07-31', 100_000), // four months before: not counted
    snap(9_999_999, '2026-10-20', 100_000, 'EUR'), // another currency: not counted
  ];

  it('averages the run-rates of the three months before the latest month only', () => {
    expect(runRate({ spendToDate: 31_000, asOf: '2026-08-31' })).toBe(1_000);
    expect(runRate({ spendToDate: 29_000, asOf: '2028-02-29' })).toBe(1_000);
    expect(spendingFacts([...history, snap(1, '2026-11-10', 100_000)])!.priorRunRate).toBe(2_000);
    // Snapshots earlier in the latest's own month are not history.
    expect(spendingFacts([...history, snap(200_000, '2026-11-02', 900_000), snap(1, '2026-11-10', 100_000)])!.priorRunRate).toBe(2_000);
  });

  it('marks a spike at exactly 3x and not just under', () => {
    const at = (spend: number) => spendingFacts([...history, snap(spend, '2026-11-10', 10_000_000)])!;
    expect(isSpike(at(60_000), 3)).toBe(true); // 6,000 a day = 3 × 2,000
    expect(isSpike(at(59_999), 3)).toBe(false);
    expect(budgetState(at(60_000), settings, '2026-11-25')).toMatchObject({ spike: true, runRate: 6_000, state: 'ok' });
    expect(budgetState(at(59_999), settings, '2026-11-25').spike).toBe(false);
  });

  it('follows the spike factor in the settings', () => {
    const f = spendingFacts([...history, snap(40_000, '2026-11-10', 10_000_000)])!;
    expect(isSpike(f, 2)).toBe(true);
    expect(isSpike(f, 3)).toBe(false);
    expect(budgetState(f, { budgetThreshold: 0.8, spikeFactor: 2 }, '2026-11-25').spike).toBe(true);
    expect(isSpike(spendingFacts([...history, snap(39_999, '2026-11-10', 10_000_000)])!, 2)).toBe(false);
  });

  it('marks no spike without history', () => {
    const f = spendingFacts([snap(9_000_000, '2026-11-10', 100_000)])!;
    expect(f.priorRunRate).toBeUndefined();
    expect(isSpike(f, 3)).toBe(false);
    expect(budgetState(f, settings, '2026-11-25').spike).toBe(false);
    // History older than three months is no history either.
    expect(spendingFacts([snap(1_000, '2026-07-31'), snap(9_000_000, '2026-11-10')])!.priorRunRate).toBeUndefined();
  });

  it('reaches back across a year end: January looks at October, November and December', () => {
    const f = spendingFacts([snap(31_000, '2026-10-31'), snap(30_000, '2026-11-30'), snap(31_000, '2026-12-31'), snap(900_000, '2026-09-30'), snap(30_000, '2027-01-10')])!;
    expect(f.priorRunRate).toBe(1_000);
    expect(isSpike(f, 3)).toBe(true); // 3,000 a day
  });

  it('after a month of no spend, any spend is a spike; none is not', () => {
    expect(isSpike(spendingFacts([snap(0, '2026-10-31'), snap(1, '2026-11-10')])!, 3)).toBe(true);
    expect(isSpike(spendingFacts([snap(0, '2026-10-31'), snap(0, '2026-11-10')])!, 3)).toBe(false);
  });

  it('marks no spike on a stale snapshot', () => {
    const f = spendingFacts([snap(1_000, '2026-09-30'), snap(900_000, '2026-10-31')])!;
    expect(isSpike(f, 3)).toBe(true);
    expect(budgetState(f, settings, '2026-11-25')).toMatchObject({ state: 'stale', spike: false });
  });
});

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 365 * 3 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const snapshot = fc.record({ spend: fc.integer({ min: 0, max: 5_000_000 }), budget: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }), asOf: day });

  it('the state agrees with utilization and projection worked in BigInt', () => {
    fc.assert(fc.property(snapshot, ({ spend, budget, asOf }) => {
      const r = stateOf(snap(spend, asOf, budget));
      if (budget === undefined) {
        expect(r.state).toBe('no-budget');
        return;
      }
      const s = BigInt(spend), b = BigInt(budget);
      const d = BigInt(Number(asOf.slice(8, 10)));
      const month = BigInt(new Date(Date.UTC(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), 0)).getUTCDate());
      const expected = b === 0n ? (s > 0n ? 'breached' : 'ok')
        : s >= b ? 'breached' : s * 10n >= b * 8n ? 'approaching' : d >= 5n && s * month >= b * d ? 'forecast' : 'ok';
      expect(r.state).toBe(expected);
    }), { numRuns: 200 });
  });

  it('a snapshot from another month than today is always stale', () => {
    fc.assert(fc.property(snapshot, day, ({ spend, budget, asOf }, today) => {
      fc.pre(asOf.slice(0, 7) !== today.slice(0, 7));
      expect(stateOf(snap(spend, asOf, budget), today)).toMatchObject({ state: 'stale', spike: false });
    }), { numRuns: 200 });
  });
});
