// lib/checklist.ts: the fixed onboarding catalogue of the guidance "Non-payment, fraud, or misuse" (issue 3 §1),
// its en/fr labels, and progress per phase, overall and before provisioning.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKLIST, CHECKLIST_IDS, checklistProgress, IDENTITY_ITEMS, PHASES, type Phase } from '../../lib/checklist';
import type { RiskFacts } from '../../lib/schema';

const AT = '2026-11-25T10:00:00.000Z';
const tick = (done = true) => ({ done, by: 'Ana', at: AT });
const state = (ids: string[], done = true): RiskFacts['checklist'] => Object.fromEntries(ids.map((id) => [id, tick(done)]));
const locale = (lang: string): Record<string, { message: string }> => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));

/** The catalogue as issue 3 lists it, phase by phase. */
const ISSUE: Record<Phase, string[]> = {
  onboarding: ['phone-contact', 'background-check', 'sms-verification', 'digital-identity', 'card-fraud-check', 'collections-policy'],
  account: ['usage-thresholds', 'spending-budget', 'activity-log-review', 'admin-access-controls', 'microsoft-notices'],
  billing: ['prepayment', 'payment-instrument', 'dunning'],
};
/** Ongoing work rather than a gate: everything else is due before the first service is provisioned. */
const ONGOING = ['usage-thresholds', 'spending-budget', 'activity-log-review', 'microsoft-notices', 'dunning'];
const BEFORE = CHECKLIST.map((i) => i.id).filter((id) => !ONGOING.includes(id));

describe('catalogue', () => {
  it('holds the 14 items of the issue, in their phases, with unique stable ids', () => {
    expect(PHASES).toEqual(['onboarding', 'account', 'billing']);
    for (const phase of PHASES) expect(CHECKLIST.filter((i) => i.phase === phase).map((i) => i.id)).toEqual(ISSUE[phase]);
    expect(CHECKLIST).toHaveLength(14);
    expect(CHECKLIST_IDS.size).toBe(14);
    expect([...CHECKLIST_IDS].sort()).toEqual(Object.values(ISSUE).flat().sort());
    for (const i of CHECKLIST) expect(i.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('names the five identity, credential and card checks that the risk score counts', () => {
    expect([...IDENTITY_ITEMS]).toEqual(['phone-contact', 'background-check', 'sms-verification', 'digital-identity', 'card-fraud-check']);
    for (const id of IDENTITY_ITEMS) expect(CHECKLIST_IDS.has(id)).toBe(true);
  });

  it('makes the activity-log review the one recurring item', () => {
    expect(CHECKLIST.filter((i) => i.recurring).map((i) => i.id)).toEqual(['activity-log-review']);
  });

  it('gates provisioning on the onboarding checks, admin-access controls, pre-payment and the payment instrument', () => {
    expect(CHECKLIST.filter((i) => i.beforeProvisioning).map((i) => i.id)).toEqual(BEFORE);
    for (const id of [...ISSUE.onboarding, 'admin-access-controls', 'prepayment', 'payment-instrument']) expect(BEFORE).toContain(id);
  });

  it('has an en and a fr label and guidance text for every item and phase', () => {
    const en = locale('en');
    const fr = locale('fr');
    for (const i of CHECKLIST) {
      expect(i.labelKey).toBe(`checklist_item_${i.id.replace(/-/g, '_')}`);
      expect(i.guidanceKey).toBe(`checklist_guidance_${i.id.replace(/-/g, '_')}`);
      for (const key of [i.labelKey, i.guidanceKey]) {
        expect(en[key]?.message, `en ${key}`).toBeTruthy();
        expect(fr[key]?.message, `fr ${key}`).toBeTruthy();
      }
      expect(fr[i.labelKey].message).not.toBe(en[i.labelKey].message); // translated, not copied
    }
    for (const p of PHASES) {
      expect(en[`phase_${p}`]?.message).toBeTruthy();
      expect(fr[`phase_${p}`]?.message).toBeTruthy();
    }
  });
});

describe('progress', () => {
  it('starts at 0 of 14 with every gate due, in catalogue order', () => {
    const p = checklistProgress({});
    expect(p).toEqual({
      overall: { done: 0, total: 14 },
      byPhase: { onboarding: { done: 0, total: 6 }, account: { done: 0, total: 5 }, billing: { done: 0, total: 3 } },
      dueBeforeProvisioning: BEFORE,
      complete: false,
    });
  });

  it('counts per phase and overall, and only ticked items as done', () => {
    const p = checklistProgress({
      ...state(['phone-contact', 'sms-verification', 'activity-log-review', 'dunning']),
      ...state(['background-check', 'prepayment'], false), // unticked again: not done
    });
    expect(p.overall).toEqual({ done: 4, total: 14 });
    expect(p.byPhase).toEqual({ onboarding: { done: 2, total: 6 }, account: { done: 1, total: 5 }, billing: { done: 1, total: 3 } });
    expect(p.dueBeforeProvisioning).toEqual(['background-check', 'digital-identity', 'card-fraud-check', 'collections-policy', 'admin-access-controls', 'prepayment', 'payment-instrument']);
    expect(p.complete).toBe(false);
  });

  it('lists nothing due once the gates are ticked, though ongoing items may still be open', () => {
    const p = checklistProgress(state(BEFORE));
    expect(p.dueBeforeProvisioning).toEqual([]);
    expect(p.overall).toEqual({ done: 9, total: 14 });
    expect(p.complete).toBe(false);
  });

  it('is complete only when all 14 are ticked', () => {
    const all = state([...CHECKLIST_IDS]);
    expect(checklistProgress(all)).toMatchObject({ complete: true, overall: { done: 14, total: 14 }, dueBeforeProvisioning: [] });
    for (const id of CHECKLIST_IDS) {
      expect(checklistProgress({ ...all, [id]: tick(false) }).complete).toBe(false);
      const { [id]: _gone, ...rest } = all;
      expect(checklistProgress(rest)).toMatchObject({ complete: false, overall: { done: 13, total: 14 } });
    }
  });

  it('ignores ticks of ids outside the catalogue (old or foreign items)', () => {
    const p = checklistProgress({ ...state([...CHECKLIST_IDS]), 'legacy-item': tick(), 'another': tick() });
    expect(p.overall).toEqual({ done: 14, total: 14 });
    expect(checklistProgress(state(['legacy-item'])).overall).toEqual({ done: 0, total: 14 });
  });

  it('property: counts agree with the ticks, phases add up, and the due list is the unticked gates in order', () => {
    const ids = [...CHECKLIST_IDS];
    const entries = fc.dictionary(fc.constantFrom(...ids, 'unknown-item'), fc.boolean());
    fc.assert(fc.property(entries, (m) => {
      const checklist = Object.fromEntries(Object.entries(m).map(([id, done]) => [id, tick(done)]));
      const p = checklistProgress(checklist);
      const ticked = ids.filter((id) => m[id] === true);
      expect(p.overall).toEqual({ done: ticked.length, total: 14 });
      expect(PHASES.reduce((s, ph) => s + p.byPhase[ph].done, 0)).toBe(p.overall.done);
      expect(PHASES.reduce((s, ph) => s + p.byPhase[ph].total, 0)).toBe(14);
      for (const ph of PHASES) expect(p.byPhase[ph].done).toBe(ISSUE[ph].filter((id) => m[id] === true).length);
      expect(p.dueBeforeProvisioning).toEqual(BEFORE.filter((id) => m[id] !== true));
      expect(p.complete).toBe(ticked.length === 14);
    }), { numRuns: 200 });
  });
});
