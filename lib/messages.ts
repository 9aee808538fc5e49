// Every message between the extension's parts, as one table: for each type its request schema, its response
// schema and who may send it. The request union, the sender rules and the response types derive from it; the
// background's handler of each type is lib/service.ts's map over the same table.
import * as z from 'zod/mini';
import type { Factor, RiskResult, ShownLevel } from './risk';
import type { AgingResult, DunningInfo } from './receivables';
import type { BudgetResult } from './budget';
import type { CustomerDetail } from './db/reads';
import type { DecisionView } from './decisions';
import type { BadgeTable } from './badge-table';
import { isPortalHost } from './portal/hosts';
import { issuesWording, wording, type Wording } from './wording';
import { SyncConfig, type SyncBrief } from './sync/config';
import {
  AccountSummary, AdminAccess, AlertReason, BudgetThreshold, BudgetThresholds, ChecklistEntry, Country, Currency, Customer, DunningAction, DunningActionRecord, Flag, FlagKind, Guid, IsoDate,
  IsoDateTime, Meta, PaymentInstrument, PanelSection, PromiseRecord, Settings, Triage, TriageReason, Verdict, VerdictRecord, type RiskFacts,
} from './schema';

const Name = z.string().check(z.maxLength(300));
const Note = z.string().check(z.maxLength(500));
const ItemId = z.string().check(z.regex(/^[a-z][a-z-]{1,40}$/));
const Via = z.optional(z.enum(['panel', 'popup']));

export const CustomerPatch = z.object({
  paymentInstrument: z.optional(z.nullable(PaymentInstrument)),
  prepaid: z.optional(z.nullable(z.boolean())),
  adminAccess: z.optional(z.nullable(AdminAccess)),
  createdOn: z.optional(z.nullable(IsoDate)),
  firstPaymentOn: z.optional(z.nullable(IsoDate)),
  country: z.optional(z.nullable(Country)),
  budgetThresholds: z.optional(z.nullable(BudgetThresholds)),
});

/** What changed in the store: every writer's broadcast names it, so panels, the popup and the badge refresh. */
export const ChangeKind = z.enum(['customers', 'invoices', 'spending', 'subscriptions', 'alerts', 'checklist', 'flags', 'triage', 'settings', 'import', 'restore', 'team', 'decisions']);
export type ChangeKind = z.infer<typeof ChangeKind>;
export const Changed = z.object({ type: z.literal('changed'), what: z.array(ChangeKind).check(z.maxLength(20)), tenantIds: z.optional(z.array(Guid)) });
export type Changed = z.infer<typeof Changed>;

const Level = z.enum(['unknown', 'low', 'medium', 'high', 'critical']);
const BudgetMark = z.optional(z.enum(['breached', 'approaching', 'forecast']));
/** `unknown` (no imported record, no staff change: "No data") has no score. */
export const Badge = z.object({
  tenantId: z.string(), level: Level, score: z.optional(z.number()), overdue: z.boolean(), budget: BudgetMark,
  /** false when the store has no record of this customer at all: the page records it with the name it shows. */
  known: z.optional(z.boolean()),
  /** The customer's review verdict, and whether it changed since (see lib/verdicts). */
  verdict: z.optional(Verdict), changed: z.optional(z.boolean()),
  /** The highest budget threshold the customer's spend or forecast crossed (see lib/thresholds). */
  threshold: z.optional(BudgetThreshold),
});
export type Badge = z.infer<typeof Badge>;
// lib/badge-table.ts stays free of zod (the content script reads it): its interface is checked against this.
const BadgeTableSchema = z.object({ ids: z.string(), looks: z.string(), unknown: z.object({ level: Level, score: z.optional(z.number()), overdue: z.boolean(), budget: BudgetMark }) });
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const badgeTableMatches: Same<z.infer<typeof BadgeTableSchema>, BadgeTable> = true;
void badgeTableMatches;
const badgeLevelMatches: Same<Badge['level'], ShownLevel> = true;
void badgeLevelMatches;

const Bundle = z.record(z.string(), z.object({ message: z.string(), placeholders: z.optional(z.record(z.string(), z.object({ content: z.string() }))) }));
const Ok = z.object({ ok: z.literal(true) });

/** The head of the overdue list and what the popup needs to show it (see lib/db readOverdueHead). */
const PopupHeadSchema = z.object({
  head: z.array(AccountSummary), triage: z.array(Triage), meta: Meta,
  /** How many customers the store holds, counted up to the request's `countUpTo`. */
  customers: z.number(),
  settings: Settings, today: IsoDate, now: IsoDateTime,
});
export type PopupHead = z.infer<typeof PopupHeadSchema>;

/** Who may send a message: `content` (content scripts and extension pages) or `page` (extension pages only). */
type From = 'content' | 'page';
const message = <F extends From, S extends z.core.$ZodLooseShape, R extends z.ZodMiniType>(from: F, request: S, response: R) => ({ from, request, response });

/**
 * The table. A content script may read, tick, and edit the facts and flags of the customer on screen;
 * settings, the staff name and the notice that an extension page wrote to the store come from our pages only.
 */
export const MESSAGES = {
  'panel.get': message('content', { tenantId: Guid }, z.custom<PanelData>()),
  'badges.get': message('content', { tenantIds: z.array(Guid).check(z.maxLength(5000)) }, z.array(Badge)),
  // Every customer's badge at once, for a customers list (see BadgeTable).
  'badges.all': message('content', {}, z.nullable(BadgeTableSchema)),
  'customers.seen': message('content', {
    customers: z.array(z.object({ tenantId: Guid, name: Name })).check(z.maxLength(5000)),
    portal: z.optional(z.object({ family: z.enum(['v2', 'commerce2']), locale: z.optional(z.string().check(z.regex(/^[a-z]{2}-[a-z]{2}$/))) })),
  }, z.object({ added: z.number() })),
  'checklist.set': message('content', { tenantId: Guid, itemId: ItemId, done: z.boolean(), note: z.optional(Note), via: Via }, z.extend(ChecklistEntry, { nameMissing: z.boolean() })),
  // The ticks of a burst (made while the previous write was on its way), written in one transaction, in order.
  'checklist.setMany': message('content', {
    tenantId: Guid, via: Via,
    items: z.array(z.object({ itemId: ItemId, done: z.boolean(), note: z.optional(Note) })).check(z.minLength(1), z.maxLength(100)),
  }, z.object({ entries: z.array(ChecklistEntry), nameMissing: z.boolean() })),
  'customer.update': message('content', { tenantId: Guid, patch: CustomerPatch }, Customer),
  'flag.add': message('content', { tenantId: Guid, kind: FlagKind, note: Note }, Flag),
  'flag.resolve': message('content', { id: z.string().check(z.maxLength(100)) }, Flag),
  'alert.triage': message('content', { id: z.string().check(z.maxLength(200)), status: z.enum(['investigating', 'resolved']), reason: z.optional(AlertReason), note: z.optional(Note) }, Ok),
  // Staff decisions, signed with the staff name from the settings (as flags are).
  'verdict.set': message('content', { tenantId: Guid, verdict: Verdict, reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)), reviewOn: z.optional(IsoDate) }, VerdictRecord),
  // The amount as typed (a decimal in the currency's unit): the background turns it into minor units.
  'promise.add': message('content', { tenantId: Guid, date: IsoDate, amount: z.string().check(z.maxLength(30)), currency: Currency, note: z.optional(Note) }, PromiseRecord),
  'dunning.record': message('content', { tenantId: Guid, action: DunningAction, on: IsoDate, note: z.optional(Note) }, DunningActionRecord),
  'triage.set': message('content', { tenantId: Guid, reason: TriageReason, acknowledged: z.optional(z.boolean()), snoozedUntil: z.optional(z.nullable(IsoDate)) }, Triage),
  // The panel points staff to the options page to set their name (a page script must not be able to type it).
  'options.open': message('content', {}, Ok),
  'i18n.get': message('content', {}, z.object({ language: z.enum(['en', 'fr']), messages: Bundle })),
  'panel.setOpen': message('content', { open: z.boolean() }, z.object({ open: z.boolean() })),
  // A panel section folded or unfolded by staff: remembered in this browser, per section.
  'panel.setSection': message('content', { section: PanelSection, collapsed: z.boolean() }, Ok),
  // "Guidance: theft of service" and the like open the extension's guidance page at that part.
  'guidance.open': message('content', { part: z.enum(['theft-of-service', 'transaction-risk', 'abuse-of-service', 'account-management']) }, Ok),
  // An open panel or popup asks every few seconds: the team's state for its indicator, and an exchange if one is due.
  'sync.ping': message('content', {}, z.custom<SyncBrief>()),
  'settings.set': message('page', { settings: z.unknown() }, Settings),
  // The staff name alone. Not from content scripts: whatever the portal page can click or type there, it could
  // sign as staff with (see SECURITY.md).
  'staff.setName': message('page', { name: z.string().check(z.minLength(1), z.maxLength(100)) }, z.object({ staffName: z.string() })),
  // The popup's first rows: the head of the overdue list, read by the background whose store is already open.
  'popup.head': message('page', {
    limit: z.number().check(z.int(), z.minimum(1), z.maximum(500)), countUpTo: z.number().check(z.int(), z.minimum(1), z.maximum(100_000)),
  }, PopupHeadSchema),
  'data.changed': message('page', { what: z.array(ChangeKind).check(z.maxLength(20)), tenantIds: z.optional(z.array(Guid)) }, Ok),
  // The team's server and the member's credentials: only from the options page (a portal page must never set them).
  'sync.connect': message('page', { config: SyncConfig }, z.custom<SyncBrief>()),
  'sync.disconnect': message('page', {}, z.custom<SyncBrief>()),
};

export type RequestType = keyof typeof MESSAGES;
type Table = typeof MESSAGES;
type Fields<S extends z.core.$ZodLooseShape> = [keyof S] extends [never] ? unknown : z.infer<z.ZodMiniObject<S>>;
type RequestOf<T extends RequestType> = { type: T } & Fields<Table[T]['request']>;
export type Request = { [T in RequestType]: RequestOf<T> }[RequestType];
export type Responses = { [T in RequestType]: z.infer<Table[T]['response']> };

const TYPES = Object.keys(MESSAGES) as RequestType[];
/** Each type's request schema, its `type` included. */
export const REQUEST_SCHEMAS = Object.fromEntries(TYPES.map((t) => [t, z.object({ type: z.literal(t), ...MESSAGES[t].request })])) as unknown as { [T in RequestType]: z.ZodMiniType<RequestOf<T>> };
export const PAGE_ONLY: ReadonlySet<string> = new Set(TYPES.filter((t) => MESSAGES[t].from === 'page'));
const RequestSchema = z.discriminatedUnion('type', Object.values(REQUEST_SCHEMAS) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]]);

export type { BadgeTable } from './badge-table';

/** One customer's records as the store reads them (checklist, history, flags, alerts, subscriptions, triage), plus what the logic makes of them. */
export interface PanelData extends Omit<CustomerDetail, 'summary'> {
  tenantId: string;
  /** false for a customer with no imported record and no staff change: shown as "No data", without a score. */
  known: boolean;
  customer?: Customer;
  risk: RiskResult;
  facts: RiskFacts;
  aging: AgingResult;
  dunning: DunningInfo;
  budget: BudgetResult;
  /** Verdict, promise, payer rating, thresholds: see lib/decisions. */
  decision?: DecisionView;
  /** The team's budget thresholds, in force for a customer without its own. */
  teamThresholds?: BudgetThreshold[];
  staffName: string;
  panelOpen: boolean;
  /** The panel's sections staff folded (true) or unfolded (false); a section not named has its default. */
  panelSections?: Partial<Record<z.infer<typeof PanelSection>, boolean>>;
  today: string;
  now: string;
}

/** An answer; a refusal or failure is a message key with values (lib/wording), said by the view in the user's language. */
export type Reply<T extends RequestType> = { ok: true; data: Responses[T] } | { ok: false; error: Wording };
export type { AccountSummary, Factor };

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/**
 * Who sent a message. Only this extension's id counts; an extension page has a URL under our own origin,
 * a content script runs in a tab on a portal host. Anything else (other extensions, web pages) is foreign.
 */
export function senderKind(sender: { id?: string; url?: string; tab?: unknown }, ownId: string, ownOrigin: string): SenderKind {
  if (sender.id !== ownId) return 'foreign';
  if (sender.url && sender.url.startsWith(ownOrigin)) return 'extension-page';
  if (sender.tab && sender.url) {
    try {
      const u = new URL(sender.url);
      if (u.protocol === 'https:' && isPortalHost(u.hostname)) return 'content-script';
    } catch { /* not a URL */ }
  }
  return 'foreign';
}

/** Validates a raw message and checks the sender may send it; the error says what is wrong, as a code with values. */
export function acceptRequest(raw: unknown, kind: SenderKind): { ok: true; request: Request } | { ok: false; error: Wording } {
  if (kind === 'foreign') return { ok: false, error: wording('error_message_foreign') };
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) {
    const type = (raw as { type?: unknown } | null)?.type;
    // zod's own words are English: each problem goes out as its field and zod's code for it, said in words.
    return { ok: false, error: wording('error_message_malformed', typeof type === 'string' ? type.slice(0, 40) : '', issuesWording(parsed.error.issues, 3)) };
  }
  const request = parsed.data as Request;
  if (PAGE_ONLY.has(request.type) && kind !== 'extension-page') {
    return { ok: false, error: wording('error_message_page_only', request.type) };
  }
  return { ok: true, request };
}
