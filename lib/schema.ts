// The data model: every record the store holds, as zod/mini schemas; every type is z.infer of one of them.
import * as z from 'zod/mini';
import type { FactorId } from './risk';
import { ImportKind } from './import/kinds';

/** The version of this data model: the store's (lib/db/open.ts DB_VERSION) and the backups' `schemaVersion`. */
export const SCHEMA_VERSION = 7;

/** A tenant id or other GUID, stored lower case whatever case it came in. */
export const Guid = z.guid({ error: 'is not a GUID' }).check(z.toLowerCase());
/** A calendar date, `YYYY-MM-DD` (real dates only: no 30 February). */
export const IsoDate = z.iso.date({ error: 'is not a date (YYYY-MM-DD)' });
/** A moment, ISO 8601 with a time zone (`2026-11-25T10:00:00.000Z`). */
export const IsoDateTime = z.iso.datetime({ offset: true, error: 'is not a date-time (ISO 8601)' });
/** ISO 4217 code, upper case. */
export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'is not an ISO 4217 currency code'));
/** ISO 3166-1 alpha-2 code, upper case. */
export const Country = z.string().check(z.regex(/^[A-Z]{2}$/, 'is not an ISO 3166-1 alpha-2 country code'));
/** Money in integer minor units (cents): sums never lose a cent. */
export const Minor = z.int({ error: 'is not a whole number of minor units' });

/** One budget threshold: a percentage of the budget, on the spend so far (actual) or the month-end forecast. */
export const BudgetThreshold = z.object({ percent: z.number().check(z.gt(0), z.lte(1000)), basis: z.enum(['actual', 'forecast']) });
export type BudgetThreshold = z.infer<typeof BudgetThreshold>;
export const BudgetThresholds = z.array(BudgetThreshold).check(z.minLength(1), z.maxLength(5, 'at most five thresholds'));
export const DEFAULT_BUDGET_THRESHOLDS: BudgetThreshold[] = [{ percent: 80, basis: 'actual' }, { percent: 100, basis: 'actual' }, { percent: 100, basis: 'forecast' }];

export const PaymentInstrument = z.enum(['invoice', 'bank_transfer', 'direct_debit', 'card', 'prepaid_card', 'unknown']);
export const AdminAccess = z.enum(['none', 'limited', 'full']);
/** Where a customer record came from: a file, a portal page seen by staff, an alert file, or typed by hand. */
export const CustomerOrigin = z.enum(['import', 'portal', 'alert', 'manual']);

export const Customer = z.object({
  tenantId: Guid,
  name: z.string(),
  domain: z.optional(z.string()),
  country: z.optional(Country),
  paymentInstrument: z.optional(PaymentInstrument),
  prepaid: z.optional(z.boolean()),
  adminAccess: z.optional(AdminAccess),
  createdOn: z.optional(IsoDate),
  firstPaymentOn: z.optional(IsoDate),
  relationship: z.optional(z.string()),
  tags: z.optional(z.string()),
  origin: z.optional(CustomerOrigin),
  /** The team's budget thresholds overridden for this customer. */
  budgetThresholds: z.optional(BudgetThresholds),
  updatedAt: IsoDateTime,
});
export type Customer = z.infer<typeof Customer>;

export const SubscriptionStatus = z.enum(['none', 'active', 'pending', 'suspended', 'expired', 'disabled', 'deleted']);
export const Subscription = z.object({
  id: Guid,
  tenantId: Guid,
  offerName: z.optional(z.string()),
  status: z.optional(SubscriptionStatus),
  createdOn: z.optional(IsoDate),
  seenAt: IsoDateTime,
  /** Licences or units, and the terms a risk review weighs (from the Partner Center API or a CSV column). */
  quantity: z.optional(z.int().check(z.gte(0))),
  billingCycle: z.optional(z.string()),
  /** ISO 8601 duration as the API writes it: `P1M`, `P1Y`, `P3Y`. */
  termDuration: z.optional(z.string()),
  commitmentEndDate: z.optional(IsoDate),
  isTrial: z.optional(z.boolean()),
  autoRenewEnabled: z.optional(z.boolean()),
});
export type Subscription = z.infer<typeof Subscription>;

/** A receivable: what the partner billed the customer, from the partner's own billing system. */
export const Invoice = z.object({
  tenantId: Guid,
  number: z.string().check(z.minLength(1, 'is empty')),
  issuedOn: IsoDate,
  dueOn: IsoDate,
  amount: Minor,
  paid: Minor,
  currency: Currency,
  paidOn: z.optional(IsoDate),
  /** Given up as a bad debt (the billing system's status or write-off column): closed, and the payer rated D. */
  writtenOff: z.optional(z.boolean()),
});
export type Invoice = z.infer<typeof Invoice>;

/** A month-to-date spending snapshot against the customer's monthly Azure budget (absent: none set). */
export const Spending = z.object({
  tenantId: Guid,
  budget: z.optional(Minor),
  spendToDate: Minor,
  asOf: IsoDate,
  currency: Currency,
  /** The billing period the figure covers (usage summaries say it). */
  billingStartDate: z.optional(IsoDate),
  billingEndDate: z.optional(IsoDate),
});
export type Spending = z.infer<typeof Spending>;

export const ChecklistEntry = z.object({
  tenantId: Guid,
  itemId: z.string().check(z.minLength(1)),
  done: z.boolean(),
  /** Staff name from the settings; "" when none was set yet (shown as "name not set"). */
  by: z.string(),
  at: IsoDateTime,
  note: z.optional(z.string().check(z.maxLength(500))),
});
export type ChecklistEntry = z.infer<typeof ChecklistEntry>;

/** One change of a checklist item, appended on every tick or untick. */
export const ChecklistChange = z.object({
  id: z.optional(z.int()),
  tenantId: Guid,
  itemId: z.string(),
  from: z.boolean(),
  to: z.boolean(),
  by: z.string(),
  at: IsoDateTime,
  /** The page or view the change came from (`panel`, `popup`, …). */
  via: z.optional(z.string()),
  note: z.optional(z.string()),
});
export type ChecklistChange = z.infer<typeof ChecklistChange>;

export const FlagKind = z.enum(['spam', 'hacking', 'ddos', 'crypto_mining', 'malware', 'pirated_resale', 'microsoft_notice', 'other']);
export const Flag = z.object({
  id: z.string().check(z.minLength(1)),
  tenantId: Guid,
  kind: FlagKind,
  note: z.string(),
  at: IsoDateTime,
  by: z.string(),
  resolvedAt: z.optional(IsoDateTime),
  resolvedBy: z.optional(z.string()),
});
export type Flag = z.infer<typeof Flag>;

/** What a customer's triage record is for: one of the popup's lists, or one Microsoft alert (`alert:` + its id). */
export const TRIAGE_LISTS = ['overdue', 'budget', 'risk', 'review'] as const;
export const TriageReason = z.union([
  z.enum(TRIAGE_LISTS),
  z.string().check(z.regex(/^alert:.{1,200}$/, 'is not a triage reason (overdue, budget, risk, review or alert:<id>)')),
]);
export type TriageReason = z.infer<typeof TriageReason>;

/** The staff's acknowledgement or snooze of one reason of one customer: the others stay as they are. */
export const Triage = z.object({
  tenantId: Guid,
  reason: TriageReason,
  acknowledgedAt: z.optional(IsoDateTime),
  snoozedUntil: z.optional(IsoDate),
  note: z.optional(z.string()),
  /** Who acknowledged or snoozed last (staff name; absent in records made before it was kept). */
  by: z.optional(z.string()),
});
export type Triage = z.infer<typeof Triage>;
/** A triage record as schema versions 1 and 2 kept it: one per customer, for whatever tab it was made in. */
export const TriageV2 = z.object({
  tenantId: Guid,
  acknowledgedAt: z.optional(IsoDateTime),
  snoozedUntil: z.optional(IsoDate),
  note: z.optional(z.string()),
});
export type TriageV2 = z.infer<typeof TriageV2>;

export const AlertStatus = z.enum(['active', 'investigating', 'resolved']);
export const AlertReason = z.enum(['legitimate', 'ignore', 'fraud']);
/** The partner's own triage of an alert: never erased by a later import. */
export const AlertTriage = z.object({
  status: z.enum(['investigating', 'resolved']),
  reason: z.optional(AlertReason),
  note: z.optional(z.string()),
  by: z.string(),
  at: IsoDateTime,
});
/** A Microsoft security alert (Partner Center fraud event or Graph partnerSecurityAlert), kept by its own id. */
export const Alert = z.object({
  id: z.string().check(z.minLength(1)),
  source: z.enum(['fraudEvents', 'graph']),
  tenantId: Guid,
  subscriptionId: z.optional(z.string()),
  type: z.string(),
  name: z.string(),
  severity: z.optional(z.string()),
  status: AlertStatus,
  detectedAt: IsoDateTime,
  resolvedAt: z.optional(IsoDateTime),
  resolvedReason: z.optional(z.string()),
  isTest: z.boolean(),
  description: z.optional(z.string()),
  hitCount: z.optional(z.int()),
  confidenceLevel: z.optional(z.string()),
  lastObservedAt: z.optional(IsoDateTime),
  /** The resources Microsoft names as affected (their ids or names). */
  affectedResources: z.optional(z.array(z.string())),
  staff: z.optional(AlertTriage),
});
export type Alert = z.infer<typeof Alert>;

/** A customer's review verdict: OK to provision and sell, watch, no new subscriptions, suspend and leave. */
export const VERDICTS = ['approved', 'watch', 'hold', 'offboard'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;
/** What staff record of their dunning, in the policy's order. */
export const DUNNING_ACTIONS = ['reminder-sent', 'called', 'final-notice', 'suspended'] as const;
export const DunningAction = z.enum(DUNNING_ACTIONS);
export type DunningAction = z.infer<typeof DunningAction>;

/**
 * The envelope of a staff decision: add-only, versioned, with who (`by`, the staff name; `member`, the team
 * member who recorded it) and when. A later decision of the same kind supersedes an earlier one; none is erased.
 */
const DecisionEnvelope = {
  _id: z.string().check(z.minLength(1), z.maxLength(100)),
  v: z.literal(1),
  member: z.string().check(z.maxLength(100)),
  by: z.string().check(z.maxLength(100)),
  at: IsoDateTime,
  tenantId: Guid,
};
/** What the score was when a verdict was set: what "changed since the verdict" compares with. */
export const VerdictSnapshot = z.object({
  score: z.number(),
  level: z.enum(['low', 'medium', 'high', 'critical']),
  factors: z.array(z.object({ id: z.string(), points: z.number() })),
  alertIds: z.array(z.string()),
  flagIds: z.array(z.string()),
});
export type VerdictSnapshot = z.infer<typeof VerdictSnapshot>;
export const VerdictRecord = z.object({
  ...DecisionEnvelope,
  kind: z.literal('verdict'),
  verdict: Verdict,
  reason: z.string().check(z.trim(), z.minLength(1, 'a verdict needs a reason'), z.maxLength(500)),
  reviewOn: z.optional(IsoDate),
  snapshot: VerdictSnapshot,
});
export type VerdictRecord = z.infer<typeof VerdictRecord>;
/** A promise to pay `amount` by `date`, with the open invoices (and balances) it covers when it was made. */
export const PromiseRecord = z.object({
  ...DecisionEnvelope,
  kind: z.literal('promise'),
  date: IsoDate,
  amount: Minor.check(z.gt(0, 'must be more than zero')),
  currency: Currency,
  note: z.optional(z.string().check(z.maxLength(500))),
  invoices: z.array(z.object({ number: z.string(), balance: Minor })),
});
export type PromiseRecord = z.infer<typeof PromiseRecord>;
export const DunningActionRecord = z.object({
  ...DecisionEnvelope,
  kind: z.literal('dunning-action'),
  action: DunningAction,
  on: IsoDate,
  note: z.optional(z.string().check(z.maxLength(500))),
});
export type DunningActionRecord = z.infer<typeof DunningActionRecord>;
export const Decision = z.discriminatedUnion('kind', [VerdictRecord, PromiseRecord, DunningActionRecord]);
export type Decision = z.infer<typeof Decision>;

export const LanguageSetting = z.enum(['auto', 'en', 'fr']);

/** Default FATF lists, as of the plenary of 11–13 February 2026. */
export const FATF_DEFAULT = {
  black: ['KP', 'IR', 'MM'],
  grey: ['DZ', 'AO', 'BO', 'BG', 'CM', 'CI', 'CD', 'HT', 'KE', 'KW', 'LA', 'LB', 'MC', 'NA', 'NP', 'PG', 'SS', 'SY', 'VE', 'VN', 'VG', 'YE'],
  source: 'FATF public statements, plenary of 11–13 February 2026',
  asOf: '2026-02-13',
} as const;

/**
 * Default weights, one per factor of lib/risk.ts, under the factor's own id (DECISIONS.md "Risk defaults"). A factor
 * graded by bucket or list, or counted up to a cap, holds its grades. Settings keep only what the user changed
 * (lib/settings.ts), so a better default here reaches everyone who left that weight alone.
 */
export const DEFAULT_WEIGHTS = {
  'prepaid-card': 25,
  'card-not-present': 10,
  'no-prepayment': 10,
  'provisioned-before-payment': 10,
  overdue: { '1-30': 10, '31-60': 20, '61-90': 30, '91+': 40 },
  'unverified-identity': 3,
  'high-risk-region': { black: 25, grey: 10 },
  'fast-purchasing': 15,
  'abuse-flag': { each: 20, cap: 40 },
  'microsoft-notice': { each: 15, cap: 45 },
  /** `cap`: notices and alerts together. */
  'microsoft-alert': { each: 15, cap: 45 },
  'confirmed-fraud': 40,
  'spend-spike': 15,
  'full-admin-unchecked': 10,
  'no-budget': 5,
  'activity-log-review': 5,
  'broken-promise': 10,
} as const satisfies Record<FactorId, number | Readonly<Record<string, number>>>;
export type WeightId = keyof typeof DEFAULT_WEIGHTS;
type DefaultWeights = typeof DEFAULT_WEIGHTS;
export type Weights = { [K in WeightId]: DefaultWeights[K] extends number ? number : { -readonly [G in keyof DefaultWeights[K]]: number } };
export type WeightOverrides = { [K in WeightId]?: DefaultWeights[K] extends number ? number : { -readonly [G in keyof DefaultWeights[K]]?: number } };

const Weight = z.number().check(z.gte(0), z.lte(100));
const mapObject = <T, U>(o: Readonly<Record<string, T>>, f: (v: T) => U) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
/**
 * Every weight and grade with its default: a stored override of one grade keeps the others' defaults. Defaults
 * are read from DEFAULT_WEIGHTS at each parse, never copied.
 */
const Weights = z.object(Object.fromEntries(Object.entries(DEFAULT_WEIGHTS).map(([id, d]) => {
  const now = () => (DEFAULT_WEIGHTS as Record<string, number | Record<string, number>>)[id];
  return [id, typeof d === 'number'
    ? z._default(Weight, () => now() as number)
    : z._default(
      z.object(Object.fromEntries(Object.keys(d).map((g) => [g, z._default(Weight, () => (now() as Record<string, number>)[g])]))),
      () => ({ ...(now() as Record<string, number>) }),
    )];
}))) as unknown as z.ZodMiniType<Weights, WeightOverrides>;
/** What the user changed of the weights: any factor, any grade of it. */
export const WeightOverrides = z.object(mapObject<number | Readonly<Record<string, number>>, z.ZodMiniType>(DEFAULT_WEIGHTS, (d) => (typeof d === 'number'
  ? z.optional(Weight)
  : z.optional(z.partial(z.object(mapObject(d, () => Weight))))))) as unknown as z.ZodMiniType<WeightOverrides>;

export const Settings = z.object({
  staffName: z._default(z.string().check(z.maxLength(100)), ''),
  language: z._default(LanguageSetting, 'auto'),
  weights: z._default(Weights, () => structuredClone(DEFAULT_WEIGHTS) as Weights),
  /** Lower bounds of the levels; low starts at 0. */
  levels: z._default(
    z.object({ medium: z.number(), high: z.number(), critical: z.number() }).check(
      z.refine((l) => 0 < l.medium && l.medium < l.high && l.high < l.critical && l.critical <= 100, 'levels must rise: 0 < medium < high < critical <= 100'),
    ),
    () => ({ medium: 25, high: 50, critical: 75 }),
  ),
  budgetThreshold: z._default(z.number().check(z.gt(0), z.lte(1)), 0.8),
  spikeFactor: z._default(z.number().check(z.gt(1)), 3),
  dunning: z._default(
    z.object({ first: z.int(), second: z.int(), final: z.int(), suspend: z.int() }).check(
      z.refine((d) => 0 < d.first && d.first < d.second && d.second < d.final && d.final < d.suspend, 'dunning days must rise: first < second < final < suspension'),
    ),
    () => ({ first: 1, second: 15, final: 30, suspend: 45 }),
  ),
  activityReviewDays: z._default(z.int().check(z.gte(1)), 30),
  /** A verdict is marked changed when the score rose at least this many points since it was set. */
  verdictChangePoints: z._default(z.int().check(z.gte(1), z.lte(100)), 15),
  /** Default review date of an approval, in days from the verdict. */
  reviewIntervalDays: z._default(z.int().check(z.gte(1), z.lte(3650)), 90),
  budgetThresholds: z._default(BudgetThresholds, () => DEFAULT_BUDGET_THRESHOLDS.map((t) => ({ ...t }))),
  regions: z._default(
    z.object({ black: z.array(Country), grey: z.array(Country), source: z.string(), asOf: IsoDate }),
    () => ({ black: [...FATF_DEFAULT.black], grey: [...FATF_DEFAULT.grey], source: FATF_DEFAULT.source, asOf: FATF_DEFAULT.asOf }),
  ),
  /** How imports read ambiguous dates (03/04/2026) and numbers (1.234 / 1,234). */
  dateOrder: z._default(z.enum(['auto', 'mdy', 'dmy']), 'auto'),
  decimalSeparator: z._default(z.enum(['auto', 'dot', 'comma']), 'auto'),
});
export type Settings = z.infer<typeof Settings>;
export const defaultSettings = (): Settings => Settings.parse({});

/**
 * What the settings store keeps: only what the user changed (lib/settings.ts). Each setting whole, but weights
 * by factor and grade; the effective settings are the defaults with these on top (`Settings.parse(overrides)`).
 */
export const SettingsOverrides = z.object({
  ...mapObject(Settings.def.shape, (field) => z.optional((field as unknown as z.ZodMiniDefault<z.ZodMiniType>).def.innerType)),
  weights: z.optional(WeightOverrides),
}) as unknown as z.ZodMiniType<SettingsOverrides>;
export type SettingsOverrides = Omit<Partial<Settings>, 'weights'> & { weights?: WeightOverrides };

/** The kinds of data an import can bring: lib/import owns the list. */
export { ImportKind } from './import/kinds';

/**
 * What the risk score, the triage lists and the badges need to know of one customer besides the customer
 * record itself: kept per customer in the account-summary store and rebuilt in the same transaction as every
 * write that changes it, so that readers never scan invoices.
 */
export const RiskFacts = z.object({
  /** Invoices with a balance left (amount - paid > 0), whatever their due date. */
  openInvoices: z.array(z.object({ number: z.string(), dueOn: IsoDate, balance: Minor, currency: Currency })),
  /** The latest state of each checklist item that was ever ticked or unticked. */
  checklist: z.record(z.string(), z.object({ done: z.boolean(), by: z.string(), at: IsoDateTime })),
  /** Abuse flags and Microsoft notices entered by staff and not resolved. */
  openFlags: z.array(z.object({ id: z.string(), kind: FlagKind })),
  /** Absent when no subscription of this customer is known: the signals that need it score nothing. */
  subscriptions: z.optional(z.object({ count: z.int(), created: z.array(IsoDate) })),
  /** Absent when no spending snapshot is known. */
  spending: z.optional(
    z.object({
      latest: z.object({
        budget: z.optional(Minor), spendToDate: Minor, asOf: IsoDate, currency: Currency,
        /** The billing period the latest figure covers, when its file said (usage summaries do). */
        billingStartDate: z.optional(IsoDate), billingEndDate: z.optional(IsoDate),
      }),
      /** Average daily run-rate of the snapshots of the three months before the latest's month; absent: no history. */
      priorRunRate: z.optional(z.number()),
    }),
  ),
  /** Non-test Microsoft alerts that still count: unresolved ones, and ones resolved as fraud. */
  alerts: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      name: z.string(),
      severity: z.optional(z.string()),
      detectedAt: IsoDateTime,
      /** true while unresolved (staff record wins over Microsoft's status); false once resolved as fraud. */
      open: z.boolean(),
      fraud: z.boolean(),
    }),
  ),
  /** The latest review verdict (absent: none yet). */
  verdict: z.optional(VerdictRecord),
  /** The latest promise to pay (absent: none). */
  promise: z.optional(PromiseRecord),
  /** The latest dunning action staff recorded. */
  lastDunning: z.optional(z.object({ action: DunningAction, on: IsoDate })),
  /** Paid history for the payer rating (absent: no invoice paid in full with a date). */
  payer: z.optional(z.object({ delayDays: z.number(), paidCount: z.int(), writtenOff: z.boolean() })),
});
export type RiskFacts = z.infer<typeof RiskFacts>;
export const emptyFacts = (): RiskFacts => ({ openInvoices: [], checklist: {}, openFlags: [], alerts: [] });

/** One row of the account-summary store: the customer and its facts, rebuilt with every write. */
export const AccountSummary = z.object({
  tenantId: Guid,
  customer: Customer,
  facts: RiskFacts,
  /** Due date of the oldest open invoice (absent: none open): the popup's index for its overdue list. */
  oldestDue: z.optional(IsoDate),
  /** 1 when the customer has open invoices, a spending snapshot or counting alerts: the popup's index. */
  attention: z.union([z.literal(0), z.literal(1)]),
  /** false while only the portal has shown this customer: no imported record and no staff change (see isKnown). */
  known: z.optional(z.boolean()),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

/** The panel's sections that fold. */
export const PanelSection = z.enum(['checklist', 'account', 'alerts', 'facts', 'flags', 'review']);

/** Small facts the store keeps beside the data: when each kind was last imported, where the portal was seen. */
export const Meta = z.object({
  lastImport: z._default(z.partialRecord(ImportKind, IsoDateTime), () => ({})),
  portal: z.optional(z.object({ family: z.enum(['v2', 'commerce2']), locale: z.optional(z.string()) })),
  /** The panel is remembered open or closed across pages; it starts open. */
  panelOpen: z._default(z.boolean(), true),
  /** The panel's sections folded (true) or unfolded (false) by staff, per section. */
  panelSections: z.optional(z.partialRecord(PanelSection, z.boolean())),
  /** Customers recorded from portal pages on `day` (the store's local date), against the daily cap. */
  seenToday: z.optional(z.object({ day: IsoDate, count: z.int().check(z.gte(0)) })),
});
export type Meta = z.infer<typeof Meta>;
