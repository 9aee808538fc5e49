// Every message between the extension's parts: request schemas, who may send which, and the response types.
import * as z from 'zod/mini';
import type { Factor, RiskResult, ShownLevel } from './risk';
import type { AgingResult, DunningInfo } from './receivables';
import type { BudgetResult } from './budget';
import type { CustomerDetail } from './db/reads';
import type { DecisionView } from './decisions';
import type { BadgeTable } from './badge-table';
import { isPortalHost } from './portal/hosts';
import { AdminAccess, AlertReason, BudgetThresholds, Country, Currency, DunningAction, FlagKind, Guid, IsoDate, PaymentInstrument, TriageReason, Verdict, type AccountSummary, type DunningActionRecord, type PromiseRecord, type VerdictRecord, type ChecklistEntry, type Customer, type Flag, type Meta, type RiskFacts, type Settings, type Triage } from './schema';

const Name = z.string().check(z.maxLength(300));
const Note = z.string().check(z.maxLength(500));
const ItemId = z.string().check(z.regex(/^[a-z][a-z-]{1,40}$/, 'is not a checklist item id'));

export const CustomerPatch = z.object({
  paymentInstrument: z.optional(z.nullable(PaymentInstrument)),
  prepaid: z.optional(z.nullable(z.boolean())),
  adminAccess: z.optional(z.nullable(AdminAccess)),
  createdOn: z.optional(z.nullable(IsoDate)),
  firstPaymentOn: z.optional(z.nullable(IsoDate)),
  country: z.optional(z.nullable(Country)),
  budgetThresholds: z.optional(z.nullable(BudgetThresholds)),
});

/** What a content script may ask: read, tick, and edit the facts and flags of the customer on screen. */
const contentRequests = [
  z.object({ type: z.literal('panel.get'), tenantId: Guid }),
  z.object({ type: z.literal('badges.get'), tenantIds: z.array(Guid).check(z.maxLength(5000)) }),
  // Every customer's badge at once, for a customers list (see BadgeTable).
  z.object({ type: z.literal('badges.all') }),
  z.object({
    type: z.literal('customers.seen'),
    customers: z.array(z.object({ tenantId: Guid, name: Name })).check(z.maxLength(5000)),
    portal: z.optional(z.object({ family: z.enum(['v2', 'commerce2']), locale: z.optional(z.string().check(z.regex(/^[a-z]{2}-[a-z]{2}$/))) })),
  }),
  z.object({ type: z.literal('checklist.set'), tenantId: Guid, itemId: ItemId, done: z.boolean(), note: z.optional(Note), via: z.optional(z.enum(['panel', 'popup'])) }),
  // The ticks of a burst (made while the previous write was on its way), written in one transaction, in order.
  z.object({
    type: z.literal('checklist.setMany'), tenantId: Guid, via: z.optional(z.enum(['panel', 'popup'])),
    items: z.array(z.object({ itemId: ItemId, done: z.boolean(), note: z.optional(Note) })).check(z.minLength(1), z.maxLength(100)),
  }),
  z.object({ type: z.literal('customer.update'), tenantId: Guid, patch: CustomerPatch }),
  z.object({ type: z.literal('flag.add'), tenantId: Guid, kind: FlagKind, note: Note }),
  z.object({ type: z.literal('flag.resolve'), id: z.string().check(z.maxLength(100)) }),
  z.object({ type: z.literal('alert.triage'), id: z.string().check(z.maxLength(200)), status: z.enum(['investigating', 'resolved']), reason: z.optional(AlertReason), note: z.optional(Note) }),
  // Staff decisions, signed with the staff name from the settings (as flags are).
  z.object({ type: z.literal('verdict.set'), tenantId: Guid, verdict: Verdict, reason: z.string().check(z.trim(), z.minLength(1, 'a verdict needs a reason'), z.maxLength(500)), reviewOn: z.optional(IsoDate) }),
  // The amount as typed (a decimal in the currency's unit): the background turns it into minor units.
  z.object({ type: z.literal('promise.add'), tenantId: Guid, date: IsoDate, amount: z.string().check(z.maxLength(30)), currency: Currency, note: z.optional(Note) }),
  z.object({ type: z.literal('dunning.record'), tenantId: Guid, action: DunningAction, on: IsoDate, note: z.optional(Note) }),
  z.object({ type: z.literal('triage.set'), tenantId: Guid, reason: TriageReason, acknowledged: z.optional(z.boolean()), snoozedUntil: z.optional(z.nullable(IsoDate)) }),
  // The panel points staff to the options page to set their name (a page script must not be able to type it).
  z.object({ type: z.literal('options.open') }),
  z.object({ type: z.literal('i18n.get') }),
  z.object({ type: z.literal('panel.setOpen'), open: z.boolean() }),
] as const;

/** What only the extension's own pages may send: settings, and the notice that they wrote to the store. */
const pageRequests = [
  z.object({ type: z.literal('settings.set'), settings: z.unknown() }),
  // The staff name alone. Not from content scripts: whatever the portal page can click or type there, it could
  // sign as staff with (see SECURITY.md).
  z.object({ type: z.literal('staff.setName'), name: z.string().check(z.minLength(1), z.maxLength(100)) }),
  // The popup's first rows: the head of the overdue list, read by the background whose store is already open.
  z.object({ type: z.literal('popup.head'), limit: z.number().check(z.int(), z.minimum(1), z.maximum(500)), countUpTo: z.number().check(z.int(), z.minimum(1), z.maximum(100_000)) }),
  z.object({ type: z.literal('data.changed'), what: z.array(z.string().check(z.maxLength(40))), tenantIds: z.optional(z.array(Guid)) }),
] as const;

export const Request = z.discriminatedUnion('type', [...contentRequests, ...pageRequests]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];
export const PAGE_ONLY: ReadonlySet<string> = new Set(pageRequests.map((s) => s.shape.type.def.values[0]));

/** The broadcast every writer sends after a write, so panels, the popup and the badge refresh. */
export interface Changed { type: 'changed'; what: string[]; tenantIds?: string[] }

export type Badge = {
  /** `unknown` (no imported record, no staff change: "No data") has no score. */
  tenantId: string; level: ShownLevel; score?: number; overdue: boolean; budget?: 'breached' | 'approaching' | 'forecast';
  /** The customer's review verdict, and whether it changed since (see lib/verdicts). */
  verdict?: Verdict; changed?: boolean;
  /** false when the store has no record of this customer at all: the page records it with the name it shows. */
  known?: boolean;
};

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
  staffName: string;
  panelOpen: boolean;
  today: string;
  now: string;
}

export interface Responses {
  'panel.get': PanelData;
  'badges.get': Badge[];
  'badges.all': BadgeTable | null;
  'customers.seen': { added: number };
  'checklist.set': ChecklistEntry & { nameMissing: boolean };
  'checklist.setMany': { entries: ChecklistEntry[]; nameMissing: boolean };
  'options.open': { ok: true };
  'customer.update': Customer;
  'flag.add': Flag;
  'flag.resolve': Flag;
  'alert.triage': { ok: true };
  'triage.set': Triage;
  'verdict.set': VerdictRecord;
  'promise.add': PromiseRecord;
  'dunning.record': DunningActionRecord;
  'staff.setName': { staffName: string };
  'panel.setOpen': { open: boolean };
  'i18n.get': { language: 'en' | 'fr'; messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> };
  'settings.set': unknown;
  'data.changed': { ok: true };
  'popup.head': PopupHead;
}

/** The head of the overdue list and what the popup needs to show it (see lib/db readOverdueHead). */
export interface PopupHead {
  head: AccountSummary[];
  triage: Triage[];
  meta: Meta;
  /** How many customers the store holds, counted up to the request's `countUpTo`. */
  customers: number;
  settings: Settings;
  today: string;
  now: string;
}

export type Reply<T extends RequestType> = { ok: true; data: Responses[T] } | { ok: false; error: string };
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

/** Validates a raw message and checks the sender may send it; the error says what is wrong. */
export function acceptRequest(raw: unknown, kind: SenderKind): { ok: true; request: Request } | { ok: false; error: string } {
  if (kind === 'foreign') return { ok: false, error: 'messages are accepted only from this extension' };
  const parsed = Request.safeParse(raw);
  if (!parsed.success) {
    const type = (raw as { type?: unknown } | null)?.type;
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
    return { ok: false, error: `malformed ${typeof type === 'string' ? `'${type.slice(0, 40)}' ` : ''}message (${where})` };
  }
  if (PAGE_ONLY.has(parsed.data.type) && kind !== 'extension-page') {
    return { ok: false, error: `'${parsed.data.type}' is accepted only from the extension's own pages` };
  }
  return { ok: true, request: parsed.data };
}
