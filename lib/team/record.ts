// Team records: every staff change as an add-only document, the unit that CouchDB replication carries between members.
import * as z from 'zod/mini';
import { AlertReason, BudgetThresholds, Customer, Decision, FlagKind, Guid, IsoDate, IsoDateTime, Settings, TriageReason } from '../schema';
import { codeLine, issuesWording, wording, type Wording } from '../wording';

/** The record format's version: a record with a higher `v` was written by a newer extension and is kept aside. */
export const TEAM_RECORD_VERSION = 1;

/** The customer facts staff type in the panel (lib/db CustomerFacts): one record per fact changed. */
export const FACT_FIELDS = ['paymentInstrument', 'prepaid', 'adminAccess', 'createdOn', 'firstPaymentOn', 'country', 'budgetThresholds'] as const;
/** Team-wide settings; language, staff name and the import reading options stay personal and are never shared. */
export const TEAM_SETTINGS = [
  'weights', 'levels', 'budgetThreshold', 'spikeFactor', 'dunning', 'activityReviewDays', 'regions', 'verdictChangePoints', 'reviewIntervalDays', 'budgetThresholds',
] as const;
export type TeamSetting = (typeof TEAM_SETTINGS)[number];

const Text = (max: number) => z.string().check(z.maxLength(max, `is longer than ${max} characters`));
// Notes and names as long as the local store takes them (checklist notes 500), with a ceiling against abuse.

/** What every record carries: who (CouchDB user `member`, display name `by`), when, and for which customer. */
const base = {
  _id: z.string().check(z.minLength(1, 'is empty'), z.maxLength(400, 'is longer than 400 characters')),
  v: z.literal(TEAM_RECORD_VERSION),
  /** The CouchDB user that wrote it; '' until this browser joins a team (stampMember fills it before the first push). */
  member: Text(200),
  /** The staff name shown in the history ('' when none was set). */
  by: Text(100),
  /** Kept in UTC (`…Z`), so that records order by their text the same way for every member. */
  at: IsoDateTime.check(z.overwrite((s) => { const d = new Date(s); return Number.isNaN(d.getTime()) ? s : d.toISOString(); })),
};

export const TickRecord = z.object({
  ...base, kind: z.literal('tick'), tenantId: Guid,
  itemId: z.string().check(z.minLength(1, 'is empty'), z.maxLength(100, 'is longer than 100 characters')),
  done: z.boolean({ error: 'is not true or false' }), note: z.optional(Text(500)), via: z.optional(Text(50)),
});

/** One fact set by staff; no `value` clears it back to unknown. */
export const FactRecord = z.object({
  ...base, kind: z.literal('fact'), tenantId: Guid, field: z.enum(FACT_FIELDS), value: z.optional(z.union([z.string(), z.boolean(), BudgetThresholds])),
}).check(z.refine((r) => r.value === undefined || Customer.def.shape[r.field].safeParse(r.value).success, { message: 'is not a valid value for this fact', path: ['value'] }));

export const FlagRecord = z.object({
  ...base, kind: z.literal('flag'), tenantId: Guid, flagId: z.string().check(z.minLength(1, 'is empty'), z.maxLength(200, 'is longer than 200 characters')),
  flagKind: FlagKind, note: Text(20_000),
});
export const FlagResolveRecord = z.object({
  ...base, kind: z.literal('flag-resolve'), tenantId: Guid, flagId: z.string().check(z.minLength(1, 'is empty'), z.maxLength(200, 'is longer than 200 characters')),
});

/** A change of one reason's triage: a field present is set (null clears it); an absent field is left as it was. */
export const TriageRecord = z.object({
  ...base, kind: z.literal('triage'), tenantId: Guid, reason: TriageReason,
  acknowledgedAt: z.optional(z.nullable(IsoDateTime)), snoozedUntil: z.optional(z.nullable(IsoDate)), note: z.optional(z.nullable(Text(20_000))),
});

/** The staff's status of a Microsoft alert (Alert.staff); `by` and `at` are the record's. */
export const AlertStatusRecord = z.object({
  ...base, kind: z.literal('alert-status'), tenantId: Guid, alertId: z.string().check(z.minLength(1, 'is empty'), z.maxLength(400, 'is longer than 400 characters')),
  status: z.enum(['investigating', 'resolved']), reason: z.optional(AlertReason), note: z.optional(Text(20_000)),
});

/** One team-wide setting, its whole value (checked as the settings are). */
export const SettingRecord = z.object({
  ...base, kind: z.literal('setting'), key: z.enum(TEAM_SETTINGS), value: z.unknown(),
}).check(z.refine((r) => r.value !== undefined && Settings.def.shape[r.key].safeParse(r.value).success, { message: 'is not a valid value for this setting', path: ['value'] }));

/**
 * A staff decision (verdict, promise to pay, dunning action) as recorded: the decision itself, checked by the same
 * schema as the decisions store, for the customer the record names. Add-only like the decisions: one record each.
 */
export const DecisionRecord = z.object({
  ...base, kind: z.literal('decision'), tenantId: Guid, decision: Decision,
}).check(z.refine((r) => r.decision.tenantId === r.tenantId, { message: 'is for another customer than the record', path: ['decision', 'tenantId'] }));

/** Adding a kind: one schema in this union, one case in lib/team/fold.ts, one in lib/db/team.ts's apply. */
export const TeamRecord = z.discriminatedUnion('kind', [TickRecord, FactRecord, FlagRecord, FlagResolveRecord, TriageRecord, AlertStatusRecord, SettingRecord, DecisionRecord]);
export type TeamRecord = z.infer<typeof TeamRecord>;
export type TeamRecordOf<K extends TeamRecord['kind']> = Extract<TeamRecord, { kind: K }>;
export type TeamRecordKind = TeamRecord['kind'];
export const TEAM_RECORD_KINDS: TeamRecordKind[] = ['tick', 'fact', 'flag', 'flag-resolve', 'triage', 'alert-status', 'setting', 'decision'];

/** A record as a write makes it, before the id, version and member are added. */
export type TeamRecordDraft = TeamRecord extends infer R ? (R extends TeamRecord ? Omit<R, '_id' | 'v' | 'member'> : never) : never;

// Ids made later in this worker sort later: two changes of one item in the same millisecond then end as the
// local store already has them (the later write wins); the random part keeps ids of different browsers apart.
let made = 0;

/** A fresh unique id: kind, customer and time make it readable in the server's listing; the random part unique. */
export function newRecordId(kind: TeamRecordKind, tenantId: string | undefined, at: string): string {
  const random = globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12);
  return `${kind}:${tenantId ?? '-'}:${at}:${(++made).toString(36).padStart(6, '0')}${random}`;
}

/** A draft as a complete record with a new id. */
export function makeRecord(draft: TeamRecordDraft, member: string): TeamRecord {
  const tenantId = 'tenantId' in draft ? draft.tenantId : undefined;
  return TeamRecord.parse({ ...draft, _id: newRecordId(draft.kind, tenantId, draft.at), v: TEAM_RECORD_VERSION, member });
}

export type TeamRecordCheck = { ok: true; record: TeamRecord } | { ok: false; reason: string; text: Wording };
/** A refused record: `reason` is the wording as a code line (for logs), `text` what the views say. */
const refused = (text: Wording): TeamRecordCheck => ({ ok: false, reason: codeLine(text), text });

/**
 * A record that came from the server, checked as imports are: `reason` says in English what is wrong (field by
 * field, for logs and tests), `text` says it in the user's language (message keys team_record_*).
 */
export function parseTeamRecord(raw: unknown): TeamRecordCheck {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return refused(wording('team_record_not_object'));
  }
  const { v, kind } = raw as { v?: unknown; kind?: unknown };
  if (typeof v === 'number' && v > TEAM_RECORD_VERSION) {
    return refused(wording('team_record_newer', v, TEAM_RECORD_VERSION));
  }
  if (typeof kind !== 'string' || !(TEAM_RECORD_KINDS as string[]).includes(kind)) {
    const shown = typeof kind === 'string' ? kind.slice(0, 50) : String(kind);
    return refused(wording('team_record_unknown_kind', shown));
  }
  const parsed = TeamRecord.safeParse(raw);
  if (parsed.success) return { ok: true, record: parsed.data };
  // The log line keeps the schema's own (English) words for each field; the user reads zod's codes in words.
  const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
  return { ok: false, reason: codeLine(wording('team_record_damaged', where)), text: wording('team_record_damaged', issuesWording(parsed.error.issues, 5)) };
}


/**
 * A record as this browser keeps it (lib/db's teamRecords store): the record as shared, the item it changes, and
 * `pending` (its time and id, the order it is sent in) until the server has it.
 */
export const StoredTeamRecord = z.object({
  _id: z.string(),
  item: z.string(),
  pending: z.optional(z.string()),
  record: TeamRecord,
});
export type StoredTeamRecord = z.infer<typeof StoredTeamRecord>;
