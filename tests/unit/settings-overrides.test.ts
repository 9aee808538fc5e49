// Settings keep what the user changed, not a copy of the defaults: a better default reaches everyone who left
// that setting alone, and what a user changed under version 3 is kept, weights under their factor's id.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, exportBackup, openStore, readSettings, restoreBackup, saveSettings, updateSettings } from '../../lib/db';
import { BACKUP_FORMAT } from '../../lib/backup';
import { FACTOR_IDS, score } from '../../lib/risk';
import { DEFAULT_WEIGHTS, emptyFacts, type Customer } from '../../lib/schema';
import { overridesFromV3 } from '../../lib/settings';
import { oldFixture, writeOld } from './old-store';

const NOW = '2026-11-25T12:00:00.000Z';
/** What version 3 wrote after a user changed a few settings: every setting, the defaults of the day frozen in. */
const V3_RECORD = {
  staffName: 'Ana', language: 'fr',
  weights: {
    'prepaid-card': 25, 'card-not-present': 10, 'no-prepayment': 10, 'provisioned-before-payment': 10,
    'overdue-1-30': 10, 'overdue-31-60': 20, 'overdue-61-90': 30, 'overdue-91+': 55, 'unverified-identity': 3,
    'high-risk-region-black': 25, 'high-risk-region-grey': 12, 'fast-purchasing': 15, 'abuse-flag': 20, 'abuse-flag-cap': 40,
    'microsoft-notice': 20, 'microsoft-notice-cap': 45, 'confirmed-fraud': 40, 'spend-spike': 0, 'full-admin-unchecked': 10,
    'no-budget': 5, 'activity-log-review': 5,
  },
  levels: { medium: 30, high: 50, critical: 75 }, budgetThreshold: 0.8, spikeFactor: 3,
  dunning: { first: 1, second: 15, final: 30, suspend: 45 }, activityReviewDays: 30,
  regions: {
    black: ['KP', 'IR', 'MM'],
    grey: ['DZ', 'AO', 'BO', 'BG', 'CM', 'CI', 'CD', 'HT', 'KE', 'KW', 'LA', 'LB', 'MC', 'NA', 'NP', 'PG', 'SS', 'SY', 'VE', 'VN', 'VG', 'YE'],
    source: 'FATF public statements, plenary of 11–13 February 2026', asOf: '2026-02-13',
  },
  dateOrder: 'dmy', decimalSeparator: 'auto',
};
/** Exactly what the user had changed, under today's ids (the notice's weight scored alerts too: both keep it). */
const V3_CHANGES = {
  staffName: 'Ana', language: 'fr', levels: { medium: 30, high: 50, critical: 75 }, dateOrder: 'dmy',
  weights: {
    overdue: { '91+': 55 }, 'high-risk-region': { grey: 12 }, 'microsoft-notice': { each: 20 }, 'microsoft-alert': { each: 20 }, 'spend-spike': 0,
  },
};

const rawSettings = async () => {
  const db = await openStore();
  const raw = await db.get('settings', 'settings');
  db.close();
  return raw;
};

/** Ships a different default for one weight while `fn` runs, as a later version of the extension would. */
async function withDefault(id: 'prepaid-card', value: number, fn: () => Promise<void>) {
  const defaults = DEFAULT_WEIGHTS as unknown as Record<string, number>;
  const was = defaults[id];
  defaults[id] = value;
  try { await fn(); } finally { defaults[id] = was; }
}

describe('settings store what the user changed', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('has one weight per factor of the score, under the factor id', () => {
    expect(Object.keys(DEFAULT_WEIGHTS).sort()).toEqual([...FACTOR_IDS].sort());
  });

  it('scores a Microsoft alert with its own weight, not the notice weight', async () => {
    const db = await openStore();
    const s = await updateSettings(db, { weights: { 'microsoft-alert': { each: 7 } } });
    const facts = { ...emptyFacts(), alerts: [{ id: 'a1', type: 'x', name: 'x', detectedAt: NOW, open: true, fraud: false }] };
    const customer: Customer = { tenantId: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'A', updatedAt: NOW };
    const alert = score(customer, facts, s, '2026-11-25').factors.find((f) => f.id === 'microsoft-alert');
    expect(alert?.points).toBe(7);
    expect(s.weights['microsoft-notice']).toEqual({ each: 15, cap: 45 });
    db.close();
  });

  it('changing a default weight reaches a user who had saved only the staff name', async () => {
    const db = await openStore();
    await updateSettings(db, { staffName: 'Ana' });
    // The whole form saved, unchanged but for the name: the same.
    await saveSettings(db, { ...(await readSettings(db)), staffName: 'Ana' });
    db.close();
    expect(await rawSettings()).toEqual({ staffName: 'Ana' });
    await withDefault('prepaid-card', 30, async () => {
      const again = await openStore();
      const s = await readSettings(again);
      expect(s.weights['prepaid-card']).toBe(30);
      expect(s.staffName).toBe('Ana');
      again.close();
    });
  });

  it('keeps a weight the user changed, by factor and grade, and forgets it once set back to the default', async () => {
    const db = await openStore();
    await updateSettings(db, { weights: { overdue: { '91+': 55 } } });
    expect((await readSettings(db)).weights.overdue).toEqual({ '1-30': 10, '31-60': 20, '61-90': 30, '91+': 55 });
    expect(await db.get('settings', 'settings')).toEqual({ weights: { overdue: { '91+': 55 } } });
    await updateSettings(db, { weights: { overdue: { '91+': 40 } }, staffName: 'Bo' });
    expect(await db.get('settings', 'settings')).toEqual({ staffName: 'Bo' });
    // A patch that does not validate writes nothing.
    await expect(updateSettings(db, { weights: { 'no-budget': 500 } })).rejects.toThrow();
    expect(await db.get('settings', 'settings')).toEqual({ staffName: 'Bo' });
    db.close();
  });

  it('upgrades a version 3 store: every setting the user had really changed is kept, weights under their new ids', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW));
    const v3 = oldFixture(3);
    v3.stores.settings.records = [{ key: 'settings', value: V3_RECORD }];
    await writeOld(v3);
    const db = await openStore();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('settings', 'settings')).toEqual(V3_CHANGES);
    const s = await readSettings(db);
    expect(s).toMatchObject({ staffName: 'Ana', language: 'fr', levels: { medium: 30, high: 50, critical: 75 }, dateOrder: 'dmy' });
    expect(s.weights.overdue['91+']).toBe(55);
    expect(s.weights['high-risk-region']).toEqual({ black: 25, grey: 12 });
    expect(s.weights['microsoft-alert']).toEqual({ each: 20, cap: 45 });
    expect(s.weights['spend-spike']).toBe(0);
    db.close();
    // What the user left at the old default follows today's.
    await withDefault('prepaid-card', 30, async () => {
      const again = await openStore();
      expect((await readSettings(again)).weights['prepaid-card']).toBe(30);
      again.close();
    });
  });

  it('restores a backup of version 3 with its settings mapped as the upgrade maps them', async () => {
    const db = await openStore();
    const empty = await exportBackup(db, NOW);
    await restoreBackup(db, { ...empty, format: BACKUP_FORMAT, schemaVersion: 3, settings: V3_RECORD });
    expect(await db.get('settings', 'settings')).toEqual(V3_CHANGES);
    expect((await readSettings(db)).weights.overdue['91+']).toBe(55);
    // And today's backup carries the settings in effect and what of them was changed, which restores as it is.
    const backup = await exportBackup(db, NOW);
    expect(backup.settings).toEqual(await readSettings(db));
    expect('overrides' in backup && backup.overrides).toEqual(V3_CHANGES);
    await updateSettings(db, { staffName: 'Someone else' });
    await restoreBackup(db, JSON.parse(JSON.stringify(backup)));
    expect(await db.get('settings', 'settings')).toEqual(V3_CHANGES);
    db.close();
    // The backup's settings in effect froze no default: a better one still reaches the restored store.
    await withDefault('prepaid-card', 30, async () => {
      const again = await openStore();
      expect((await readSettings(again)).weights['prepaid-card']).toBe(30);
      again.close();
    });
  });

  it('drops alone an old value that does not validate', () => {
    expect(overridesFromV3({ ...V3_RECORD, budgetThreshold: 7, weights: { ...V3_RECORD.weights, 'no-budget': -1 } })).toEqual(V3_CHANGES);
  });
});
