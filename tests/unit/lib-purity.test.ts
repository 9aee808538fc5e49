// lib/ is pure TypeScript: no extension API, no page globals. Only lib/db/ names IndexedDB (through idb).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKLIST, checklistProgress, IDENTITY_ITEMS } from '../../lib/checklist';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));

describe('lib/', () => {
  it('uses no browser extension API and no page globals', () => {
    const offenders: string[] = [];
    for (const f of files('lib')) {
      const code = readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      if (/\b(browser|chrome)\.[a-z]/.test(code) || /wxt\/browser|webextension-polyfill|#imports/.test(code)) offenders.push(`${f}: extension API`);
      if (/\b(window|document|localStorage|sessionStorage)\./.test(code)) offenders.push(`${f}: page global`);
      if (!f.startsWith(join('lib', 'db')) && /from 'idb'|indexedDB/.test(code)) offenders.push(`${f}: IndexedDB outside lib/db`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('checklist', () => {
  it('has the 14 items of the guidance by phase, with unique ids and the identity checks among them', () => {
    expect(CHECKLIST).toHaveLength(14);
    expect(new Set(CHECKLIST.map((i) => i.id)).size).toBe(14);
    expect(CHECKLIST.filter((i) => i.phase === 'onboarding').map((i) => i.id)).toEqual(['phone-contact', 'background-check', 'sms-verification', 'digital-identity', 'card-fraud-check', 'collections-policy']);
    expect(CHECKLIST.filter((i) => i.phase === 'account').map((i) => i.id)).toEqual(['usage-thresholds', 'spending-budget', 'activity-log-review', 'admin-access-controls', 'microsoft-notices']);
    expect(CHECKLIST.filter((i) => i.phase === 'billing').map((i) => i.id)).toEqual(['prepayment', 'payment-instrument', 'dunning']);
    for (const id of IDENTITY_ITEMS) expect(CHECKLIST.some((i) => i.id === id)).toBe(true);
  });

  it('counts progress per phase and overall, and lists what is due before provisioning', () => {
    const at = '2026-11-25T10:00:00Z';
    const p = checklistProgress({ 'phone-contact': { done: true, by: 'A', at }, prepayment: { done: true, by: 'A', at }, dunning: { done: false, by: 'A', at } });
    expect(p.overall).toEqual({ done: 2, total: 14 });
    expect(p.byPhase).toEqual({ onboarding: { done: 1, total: 6 }, account: { done: 0, total: 5 }, billing: { done: 1, total: 3 } });
    expect(p.dueBeforeProvisioning).toEqual(['background-check', 'sms-verification', 'digital-identity', 'card-fraud-check', 'collections-policy', 'admin-access-controls', 'payment-instrument']);
    expect(p.complete).toBe(false);
    const all = Object.fromEntries(CHECKLIST.map((i) => [i.id, { done: true, by: 'A', at }]));
    expect(checklistProgress(all)).toMatchObject({ complete: true, dueBeforeProvisioning: [] });
  });
});
