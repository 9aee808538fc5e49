// The audit trail holds every action, not the latest of each: each acknowledge, snooze and alert status change is
// a row (from its add-only team record, this browser's or a colleague's), with its time, member, from and to.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  addDecision, applyRemoteRecords, commitImport, openStore, readAuditRecords, readSettings, saveSettings, setChecklistItem, triageAlert, updateTriage,
} from '../../lib/db';
import { AUDIT_FIELDS, auditCsv, auditRows } from '../../lib/audit';
import type { Alert } from '../../lib/schema';
import { makeRecord } from '../../lib/team/record';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const T = (min: number) => new Date(Date.parse('2026-11-25T10:00:00.000Z') + min * 60_000).toISOString();
const alert: Alert = { id: 'fe-1', source: 'fraudEvents', tenantId: A, type: 'CryptoMining', name: 'Mining', status: 'active', detectedAt: T(0), isTest: false };

async function store(name: string) {
  const db = await openStore(name);
  await commitImport(db, { customers: [{ tenantId: A, name: 'Contoso', updatedAt: T(0) }], alerts: [alert], alertCustomers: [] }, T(0));
  await saveSettings(db, { ...(await readSettings(db)), staffName: 'Ana' });
  return db;
}
const cols = (rows: ReturnType<typeof auditRows>) => rows.map((r) => [r.time, r.member, r.action, r.from, r.to, r.reason]);

describe('audit trail', () => {
  it('has a row for every acknowledge, snooze and alert status change, in order, each with its from and to', async () => {
    const db = await store('audit-every');
    const key = { tenantId: A, reason: 'overdue' } as const;
    await updateTriage(db, key, (t) => ({ ...t, acknowledgedAt: T(1), note: 'called, paying Friday' }), T(1));
    await updateTriage(db, key, (t) => ({ ...t, snoozedUntil: '2026-12-01' }), T(2));
    await updateTriage(db, key, (t) => ({ ...t, snoozedUntil: '2026-12-08' }), T(3));
    await updateTriage(db, key, ({ snoozedUntil: _, acknowledgedAt: __, ...t }) => t, T(4));
    await updateTriage(db, key, (t) => ({ ...t, acknowledgedAt: T(5) }), T(5));
    await triageAlert(db, 'fe-1', { status: 'investigating', by: 'Ana', at: T(6) });
    await triageAlert(db, 'fe-1', { status: 'resolved', reason: 'fraud', note: 'card stolen', by: 'Ana', at: T(7) });
    const rows = auditRows(await readAuditRecords(db));
    expect(cols(rows)).toEqual([
      [T(1), 'Ana', 'acknowledge overdue', 'not acknowledged', 'acknowledged', 'called, paying Friday'],
      [T(2), 'Ana', 'snooze overdue', 'not snoozed', 'until 2026-12-01', 'called, paying Friday'],
      [T(3), 'Ana', 'snooze overdue', 'until 2026-12-01', 'until 2026-12-08', 'called, paying Friday'],
      [T(4), 'Ana', 'acknowledge overdue', 'acknowledged', 'not acknowledged', 'called, paying Friday'],
      [T(4), 'Ana', 'snooze overdue', 'until 2026-12-08', 'not snoozed', 'called, paying Friday'],
      [T(5), 'Ana', 'acknowledge overdue', 'not acknowledged', 'acknowledged', 'called, paying Friday'],
      [T(6), 'Ana', 'alert fe-1', 'active', 'investigating', ''],
      [T(7), 'Ana', 'alert fe-1', 'investigating', 'resolved', 'fraud: card stolen'],
    ]);
    expect(rows.every((r) => r.tenantId === A)).toBe(true);
  });

  it("holds a colleague's actions from the team's records, by their name, beside the verdicts and ticks", async () => {
    const db = await store('audit-team');
    await setChecklistItem(db, { tenantId: A, itemId: 'phone-contact', done: true, by: 'Ana', at: T(1) });
    await addDecision(db, {
      _id: 'd-1', v: 1, kind: 'verdict', member: '', by: 'Ana', at: T(2), tenantId: A, verdict: 'approved', reason: '=HYPERLINK("x")', reviewOn: '2027-02-23',
      snapshot: { score: 10, level: 'low', factors: [], alertIds: [], flagIds: [] },
    });
    await applyRemoteRecords(db, [
      makeRecord({ kind: 'triage', tenantId: A, reason: 'risk', acknowledgedAt: T(3), by: 'Bob', at: T(3) }, 'bob'),
      makeRecord({ kind: 'alert-status', tenantId: A, alertId: 'fe-1', status: 'investigating', by: '', at: T(4) }, 'bob'),
    ]);
    const rows = auditRows(await readAuditRecords(db));
    expect(rows.map((r) => [r.member, r.action, r.from, r.to])).toEqual([
      ['Ana', 'checklist phone-contact', 'not done', 'done'],
      ['Ana', 'verdict', '', 'approved'],
      ['Bob', 'acknowledge risk', 'not acknowledged', 'acknowledged'],
      // No display name: the member the server knows.
      ['bob', 'alert fe-1', 'active', 'investigating'],
    ]);
    const csv = Papa.parse<string[]>(auditCsv(await readAuditRecords(db))).data;
    expect(csv[0]).toEqual(AUDIT_FIELDS);
    expect(csv[2]).toEqual([T(2), 'Ana', 'Contoso', A, 'verdict', '', 'approved', `'=HYPERLINK("x") (review 2027-02-23)`]);
  });

  it('still shows triage and alert status kept before team records existed, once', async () => {
    const db = await store('audit-old');
    await db.put('triage', { tenantId: A, reason: 'budget', acknowledgedAt: T(1), by: 'Old' });
    await db.put('alerts', { ...alert, staff: { status: 'resolved', reason: 'legitimate', by: 'Old', at: T(2) } });
    const rows = auditRows(await readAuditRecords(db));
    expect(rows.map((r) => [r.member, r.action, r.from, r.to])).toEqual([
      ['Old', 'acknowledge budget', '', 'acknowledged'],
      ['Old', 'alert fe-1', 'active', 'resolved'],
    ]);
  });
});
