// What the views show of a customer's decisions: the verdict and what moved since, the promise, the payer.
import type { BudgetResult } from './budget';
import { expectedPaymentDate, payerRating, type PayerHistory, type PayerRating } from './payer';
import { dunningWithPromise, nextActionDue, promiseStatus, type DunningShown, type PromiseStatus } from './promises';
import type { AgingResult, DunningInfo } from './receivables';
import type { RiskResult } from './risk';
import type { BudgetThreshold, Customer, PromiseRecord, RiskFacts, Settings, VerdictRecord } from './schema';
import { highestThreshold, thresholdsFor } from './thresholds';
import { reviewDue, reviewReasonOf, verdictChange, type ReviewReason, type VerdictChange } from './verdicts';

export interface DecisionView {
  verdict?: VerdictRecord;
  change?: VerdictChange;
  reviewDue: boolean;
  /** Why the customer is in the Review tab, if it is. */
  review?: ReviewReason;
  promise?: { record: PromiseRecord; status: PromiseStatus };
  dunning: DunningShown;
  nextActionDue?: string;
  payer?: PayerHistory;
  rating?: PayerRating;
  /** Expected payment date of each open invoice (none without paid history). */
  expected: Array<{ number: string; dueOn: string; expectedOn: string }>;
  threshold?: BudgetThreshold;
  /** The default review interval of an approval (a setting), for the panel's form. */
  reviewDays: number;
}

export function decisionView(
  customer: Pick<Customer, 'budgetThresholds'> | undefined, facts: RiskFacts, risk: RiskResult, aging: AgingResult, dunning: DunningInfo,
  budget: BudgetResult, settings: Settings, today: string, known: boolean,
): DecisionView {
  const verdict = facts.verdict;
  const change = verdict ? verdictChange(verdict.snapshot, risk, facts, settings) : undefined;
  const promise = facts.promise ? { record: facts.promise, status: promiseStatus(facts.promise, facts.openInvoices, today) } : undefined;
  const rating = payerRating(facts.payer);
  const expected = facts.payer?.paidCount
    ? facts.openInvoices.map((i) => ({ number: i.number, dueOn: i.dueOn, expectedOn: expectedPaymentDate(i.dueOn, facts.payer)! }))
    : [];
  const next = nextActionDue(aging.oldestDueOn, facts.lastDunning, settings.dunning, promise?.status.state);
  const threshold = highestThreshold(thresholdsFor(customer, settings), budget);
  const review = reviewReasonOf(verdict, change, risk, known, today);
  return {
    ...(verdict ? { verdict, change } : {}),
    reviewDue: !!verdict && reviewDue(verdict, today),
    ...(review ? { review } : {}),
    ...(promise ? { promise } : {}),
    dunning: dunningWithPromise(dunning, promise?.status.state),
    ...(next ? { nextActionDue: next } : {}),
    ...(facts.payer ? { payer: facts.payer } : {}),
    ...(rating ? { rating } : {}),
    expected,
    ...(threshold ? { threshold } : {}),
    reviewDays: settings.reviewIntervalDays,
  };
}
