// Shared by the risk tests: one customer, its facts with the checklist complete, invoices and alerts by age.
import { CHECKLIST } from '../../lib/checklist';
import { addDays } from '../../lib/dates';
import { type Factor, type Level } from '../../lib/risk';
import { defaultSettings, emptyFacts, type Customer, type RiskFacts } from '../../lib/schema';

export const TENANT = '11111111-1111-4111-8111-111111111111';
export const TODAY = '2026-11-25';
export const NOW = '2026-11-25T12:00:00.000Z';
export const settings = defaultSettings();
export const base = (over: Partial<Customer> = {}): Customer => ({ tenantId: TENANT, name: 'Contoso', updatedAt: NOW, ...over });
export const tick = (at = NOW, done = true) => ({ done, by: 'Ana', at });
/** Every item ticked, the activity logs reviewed today. */
export const complete = (): RiskFacts['checklist'] => Object.fromEntries(CHECKLIST.map((i) => [i.id, tick()]));
export const without = (...ids: string[]): RiskFacts['checklist'] => {
  const c = complete();
  for (const id of ids) delete c[id];
  return c;
};
export const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({ ...emptyFacts(), checklist: complete(), ...over });
export const due = (daysAgo: number, balance = 1_200_000, currency = 'USD', number = `INV-${daysAgo}`) => ({ number, dueOn: addDays(TODAY, -daysAgo), balance, currency });
export const alert = (id: string, type = 'CryptoMining', over: Partial<RiskFacts['alerts'][number]> = {}): RiskFacts['alerts'][number] =>
  ({ id, type, name: `alert ${id}`, detectedAt: '2026-11-24T06:00:00.000Z', open: true, fraud: false, ...over });
export const pick = (fs: Factor[], id: string) => fs.filter((f) => f.id === id);
export const pointsOf = (fs: Factor[]) => fs.map((f) => [f.id, f.points]);
export const LEVEL_RANK: Record<Level, number> = { low: 0, medium: 1, high: 2, critical: 3 };
