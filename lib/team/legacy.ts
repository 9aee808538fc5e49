// Staff changes made before team records existed (schema 4 and older, backups before 5), as records to share.
import { defaultSettings, type Alert, type ChecklistChange, type ChecklistEntry, type Flag, type Settings, type Triage } from '../schema';
import { TEAM_SETTINGS, type TeamRecordDraft } from './record';

export interface ReadModel {
  checklist: ChecklistEntry[];
  checklistHistory: ChecklistChange[];
  flags: Flag[];
  triage: Triage[];
  alerts: Alert[];
  settings: Settings;
}

/**
 * Drafts that fold back to the same state: every history entry is a tick, and an entry whose own change is not in
 * the history is one too; each flag, resolution, triage, alert status and team-wide setting that differs from the
 * default. Triage and settings carry no time of their own: they get `now` (or the acknowledgement's time).
 */
export function draftsFromReadModel(m: ReadModel, now: string): TeamRecordDraft[] {
  const drafts: TeamRecordDraft[] = [];
  const key = (tenantId: string, itemId: string, at: string, done: boolean) => `${tenantId} ${itemId} ${at} ${done}`;
  const inHistory = new Set(m.checklistHistory.map((h) => key(h.tenantId, h.itemId, h.at, h.to)));
  // The current note lives on the entry (a tick without one kept the earlier): its own change carries it.
  const notes = new Map(m.checklist.filter((e) => e.note).map((e) => [key(e.tenantId, e.itemId, e.at, e.done), e.note]));
  for (const h of m.checklistHistory) {
    const note = h.note || notes.get(key(h.tenantId, h.itemId, h.at, h.to));
    drafts.push({ kind: 'tick', tenantId: h.tenantId, itemId: h.itemId, done: h.to, by: h.by, at: h.at, ...(note ? { note } : {}), ...(h.via ? { via: h.via } : {}) });
  }
  for (const e of m.checklist) {
    if (inHistory.has(key(e.tenantId, e.itemId, e.at, e.done))) continue;
    drafts.push({ kind: 'tick', tenantId: e.tenantId, itemId: e.itemId, done: e.done, by: e.by, at: e.at, ...(e.note ? { note: e.note } : {}) });
  }
  for (const f of m.flags) {
    drafts.push({ kind: 'flag', tenantId: f.tenantId, flagId: f.id, flagKind: f.kind, note: f.note, by: f.by, at: f.at });
    if (f.resolvedAt) drafts.push({ kind: 'flag-resolve', tenantId: f.tenantId, flagId: f.id, by: f.resolvedBy ?? '', at: f.resolvedAt });
  }
  for (const t of m.triage) {
    if (t.acknowledgedAt === undefined && t.snoozedUntil === undefined && t.note === undefined) continue;
    drafts.push({
      kind: 'triage', tenantId: t.tenantId, reason: t.reason, by: m.settings.staffName, at: t.acknowledgedAt ?? now,
      ...(t.acknowledgedAt ? { acknowledgedAt: t.acknowledgedAt } : {}), ...(t.snoozedUntil ? { snoozedUntil: t.snoozedUntil } : {}),
      ...(t.note !== undefined ? { note: t.note } : {}),
    });
  }
  for (const a of m.alerts) {
    if (!a.staff) continue;
    const { status, reason, note, by, at } = a.staff;
    drafts.push({ kind: 'alert-status', tenantId: a.tenantId, alertId: a.id, status, ...(reason ? { reason } : {}), ...(note ? { note } : {}), by, at });
  }
  drafts.push(...settingDrafts(defaultSettings(), m.settings, now));
  return drafts;
}

/** One record per team-wide setting whose value changed from `before` to `after`. */
export function settingDrafts(before: Settings, after: Settings, at: string): TeamRecordDraft[] {
  return TEAM_SETTINGS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((key) => ({ kind: 'setting', key, value: after[key], by: after.staffName, at }));
}
