// Review verdicts: the latest one, what it saw, and whether the customer moved since (a "Changed" queue).
import { LEVELS, type RiskResult } from './risk';
import type { Decision, RiskFacts, Settings, VerdictRecord, VerdictSnapshot } from './schema';

/** Last writer by time; equal times by member, then id: every replica picks the same one. */
export function compareDecisions(a: Pick<Decision, 'at' | 'member' | '_id'>, b: Pick<Decision, 'at' | 'member' | '_id'>): number {
  return a.at.localeCompare(b.at) || a.member.localeCompare(b.member) || a._id.localeCompare(b._id);
}

/** The newest of some decisions (see compareDecisions), or undefined. */
export function latestOf<D extends Pick<Decision, 'at' | 'member' | '_id'>>(records: D[]): D | undefined {
  let best: D | undefined;
  for (const r of records) if (!best || compareDecisions(r, best) > 0) best = r;
  return best;
}

/** What a verdict keeps of the score and the facts, to compare with later. */
export function snapshotOf(risk: RiskResult, facts: Pick<RiskFacts, 'alerts' | 'openFlags'>): VerdictSnapshot {
  return {
    score: risk.score,
    level: risk.level,
    factors: risk.factors.map((f) => ({ id: f.id, points: f.points })),
    alertIds: facts.alerts.filter((a) => a.open).map((a) => a.id),
    flagIds: facts.openFlags.map((f) => f.id),
  };
}

export type ChangeReason = 'level' | 'score' | 'alert' | 'flag';
/** A factor added or grown since the verdict: its points then (0 when it was absent) and now. */
export interface MovedFactor { id: string; then: number; now: number }
export interface VerdictChange { changed: boolean; reasons: ChangeReason[]; rise: number; moved: MovedFactor[] }

function pointsById(factors: Array<{ id: string; points: number }>): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of factors) m.set(f.id, (m.get(f.id) ?? 0) + f.points);
  return m;
}

/**
 * Whether the customer moved since the verdict: a higher level, a score at least `verdictChangePoints` higher,
 * an unresolved alert or an open flag the verdict did not see. `moved` lists the factors added or grown.
 */
export function verdictChange(then: VerdictSnapshot, risk: RiskResult, facts: Pick<RiskFacts, 'alerts' | 'openFlags'>, settings: Pick<Settings, 'verdictChangePoints'>): VerdictChange {
  const reasons: ChangeReason[] = [];
  if (LEVELS.indexOf(risk.level) > LEVELS.indexOf(then.level)) reasons.push('level');
  const rise = risk.score - then.score;
  if (rise >= settings.verdictChangePoints) reasons.push('score');
  const seenAlerts = new Set(then.alertIds);
  if (facts.alerts.some((a) => a.open && !seenAlerts.has(a.id))) reasons.push('alert');
  const seenFlags = new Set(then.flagIds);
  if (facts.openFlags.some((f) => !seenFlags.has(f.id))) reasons.push('flag');
  const before = pointsById(then.factors);
  const moved: MovedFactor[] = [];
  for (const [id, now] of pointsById(risk.factors)) {
    const was = before.get(id) ?? 0;
    if (now > was) moved.push({ id, then: was, now });
  }
  return { changed: reasons.length > 0, reasons, rise, moved };
}

/** A verdict's review date has passed (the day after it). */
export function reviewDue(v: Pick<VerdictRecord, 'reviewOn'>, today: string): boolean {
  return !!v.reviewOn && today > v.reviewOn;
}

export type ReviewReason = 'no-verdict' | 'changed' | 'review-due';

/** Why a customer needs a decision now, or undefined: no verdict at medium or above, a changed verdict, a review due. */
export function reviewReasonOf(verdict: VerdictRecord | undefined, change: VerdictChange | undefined, risk: RiskResult, known: boolean, today: string): ReviewReason | undefined {
  if (!verdict) return known && risk.level !== 'low' ? 'no-verdict' : undefined;
  if (change?.changed) return 'changed';
  if (reviewDue(verdict, today)) return 'review-due';
  return undefined;
}
