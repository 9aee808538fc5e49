// The background's answers: each accepted request becomes store reads/writes plus the logic applied.
import { agingOf, dunningStage } from './receivables';
import { budgetState } from './budget';
import { score } from './risk';
import { localDate } from './clock';
import { isKnown } from './summary';
import { errorText } from './errors';
import { codedError, type Wording } from './wording';
import { languageOf } from './i18n';
import { decisionView } from './decisions';
import { parseAmount } from './import/amounts';
import { snapshotOf } from './verdicts';
import { codeLine, WordedError, wording } from './wording';
import {
  addDecision, countCustomersUpTo, putFlag, readAllSummaries, readCustomerDetail, readMeta, readOverdueHead, readTriage, readSettings, readSummaries, recordSeen, resolveFlag, saveSettings, setChecklistItem, setChecklistItems,
  triageAlert, updateCustomer, updateMeta, updateSettings, updateTriage, type PrlDb,
} from './db';
import type { Badge, ChangeKind, Changed, PanelData, Request, Responses } from './messages';
import { BADGE_TABLE_MAX, encodeBadgeTable, type BadgeTable } from './badge-table';
import type { SyncBrief, SyncConfig } from './sync/config';
import { emptyFacts, type AccountSummary, type Customer, type Settings } from './schema';

export interface ServiceDeps {
  db: PrlDb;
  now(): Date;
  /** Tells every open panel, the popup and the badge that something changed. */
  broadcast(c: Changed): void;
  /** The bundled UI strings of a language, for the language setting to override the browser's. */
  loadMessages(lang: 'en' | 'fr'): Promise<Responses['i18n.get']['messages']>;
  browserLanguage(): string;
  /** Opens the options page (where staff set their name); absent where there is none (tests). */
  openOptions?(): Promise<void>;
  /** Opens the guidance page at one of its parts. */
  openGuidance?(part: string): Promise<void>;
  /** The team connection (lib/sync); absent where there is none (tests): the state is then always off. */
  team?: {
    ping(): Promise<SyncBrief>;
    connect(config: SyncConfig): Promise<SyncBrief>;
    disconnect(): Promise<SyncBrief>;
  };
}

type Handler<T extends Request['type']> = (req: Extract<Request, { type: T }>) => Promise<Responses[T]>;

const stubCustomer = (tenantId: string, at: string): Customer => ({ tenantId, name: '', updatedAt: at });

/** Score, aging and budget of one summary: what badges and panels show. */
export function assess(s: AccountSummary | undefined, tenantId: string, settings: Settings, today: string, now: string) {
  const customer = s?.customer ?? stubCustomer(tenantId, now);
  const facts = s?.facts ?? emptyFacts();
  const risk = score(customer, facts, settings, today, now);
  const aging = agingOf(facts.openInvoices, today);
  const budget = budgetState(facts.spending, settings, today);
  const dunning = dunningStage(aging.oldestDaysPastDue, settings.dunning);
  const decision = decisionView(customer, facts, risk, aging, dunning, budget, settings, today, isKnown(s));
  return { customer, facts, risk, aging, budget, dunning, decision };
}

/** The badge of one customer (of a summary, or of a customer the store does not have). */
function badgeOf(s: AccountSummary | undefined, tenantId: string, settings: Settings, today: string, now: string): Badge {
  // No imported record and no staff change: "No data", never a score (a name seen in the portal is not data).
  if (!isKnown(s)) return { tenantId, level: 'unknown', overdue: false, ...(s ? {} : { known: false }) };
  const a = assess(s, tenantId, settings, today, now);
  const state = a.budget.state;
  const v = a.facts.verdict;
  return {
    tenantId, level: a.risk.level, score: a.risk.score, overdue: a.aging.overdue, ...(s ? {} : { known: false }),
    ...(v ? { verdict: v.verdict, ...(a.decision.change?.changed ? { changed: true } : {}) } : {}),
    ...(state === 'breached' || state === 'approaching' || state === 'forecast' ? { budget: state } : {}),
    ...(a.decision.threshold ? { threshold: a.decision.threshold } : {}),
  };
}

export function createService(deps: ServiceDeps) {
  const { db } = deps;
  const clock = () => {
    const d = deps.now();
    return { now: d.toISOString(), today: localDate(d) };
  };
  // Badges asked for again and again (every list page) are kept until the next write or the next day.
  const badgeCache = new Map<string, Badge>();
  let badgeTable: BadgeTable | null | undefined;
  let badgeDay = '';
  let writes = 0; // a table read while a write lands is handed out but not kept
  const badgesOfToday = (today: string) => {
    if (today !== badgeDay) { badgeCache.clear(); badgeTable = undefined; badgeDay = today; }
  };
  // Every write, ours or an extension page's (imports, restores), drops the badges worked out before it.
  const changed = (what: ChangeKind[], tenantIds?: string[]) => {
    badgeCache.clear();
    badgeTable = undefined;
    writes++;
    deps.broadcast({ type: 'changed', what, tenantIds });
  };

  const handlers: { [T in Request['type']]: Handler<T> } = {
    async 'panel.get'({ tenantId }) {
      const { now, today } = clock();
      const [detail, settings, meta] = await Promise.all([readCustomerDetail(db, tenantId), readSettings(db), readMeta(db)]);
      const a = assess(detail.summary, tenantId, settings, today, now);
      const data: PanelData = {
        tenantId, known: isKnown(detail.summary), customer: detail.summary?.customer, risk: a.risk, facts: a.facts, aging: a.aging,
        dunning: a.dunning, budget: a.budget, decision: a.decision, teamThresholds: settings.budgetThresholds,
        checklist: detail.checklist, history: detail.history, flags: detail.flags, alerts: detail.alerts,
        subscriptions: detail.subscriptions, triage: detail.triage, decisions: detail.decisions, staffName: settings.staffName, panelOpen: meta.panelOpen,
        panelSections: meta.panelSections ?? {}, today, now,
      };
      return data;
    },
    async 'badges.get'({ tenantIds }) {
      const { now, today } = clock();
      badgesOfToday(today);
      const ids = [...new Set(tenantIds)];
      const missing = ids.filter((id) => !badgeCache.has(id));
      if (missing.length) {
        const [found, settings] = await Promise.all([readSummaries(db, missing), readSettings(db)]);
        for (const id of missing) badgeCache.set(id, badgeOf(found.get(id), id, settings, today, now));
      }
      return ids.map((id) => badgeCache.get(id)!);
    },
    async 'badges.all'() {
      const { now, today } = clock();
      badgesOfToday(today);
      if (badgeTable !== undefined) return badgeTable;
      const before = writes;
      let table: BadgeTable | null = null;
      if ((await countCustomersUpTo(db, BADGE_TABLE_MAX + 1)) <= BADGE_TABLE_MAX) {
        const [summaries, settings] = await Promise.all([readAllSummaries(db), readSettings(db)]);
        const { tenantId: _, known: __, ...unknown } = badgeOf(undefined, '00000000-0000-0000-0000-000000000000', settings, today, now);
        table = encodeBadgeTable(summaries.map((s) => badgeOf(s, s.tenantId, settings, today, now)), unknown);
      }
      if (writes === before) badgeTable = table;
      return table;
    },
    async 'customers.seen'({ customers, portal }) {
      const { now, today } = clock();
      if (portal) await updateMeta(db, { portal });
      const added = customers.length ? await recordSeen(db, customers, now, today) : [];
      if (added.length) changed(['customers'], added);
      return { added: added.length };
    },
    async 'checklist.set'({ tenantId, itemId, done, note, via }) {
      const { now } = clock();
      const { staffName } = await readSettings(db);
      // Ticking never blocks the call: with no staff name yet the tick is kept with by "" and the panel asks.
      const entry = await setChecklistItem(db, { tenantId, itemId, done, by: staffName, at: now, note, via: via ?? 'panel' });
      changed(['checklist'], [tenantId]);
      return { ...entry, nameMissing: !staffName };
    },
    async 'checklist.setMany'({ tenantId, items, via }) {
      const { now } = clock();
      const { staffName } = await readSettings(db);
      const entries = await setChecklistItems(db, items.map((i) => ({ tenantId, itemId: i.itemId, done: i.done, by: staffName, at: now, note: i.note, via: via ?? 'panel' })));
      changed(['checklist'], [tenantId]);
      return { entries, nameMissing: !staffName };
    },
    async 'options.open'() {
      await deps.openOptions?.();
      return { ok: true };
    },
    async 'customer.update'({ tenantId, patch }) {
      const { now } = clock();
      const { staffName } = await readSettings(db);
      const clean = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v ?? undefined]));
      const customer = await updateCustomer(db, tenantId, clean, now, staffName);
      changed(['customers'], [tenantId]);
      return customer;
    },
    async 'flag.add'({ tenantId, kind, note }) {
      const { now } = clock();
      const { staffName } = await readSettings(db);
      const flag = await putFlag(db, { id: crypto.randomUUID(), tenantId, kind, note, at: now, by: staffName });
      changed(['flags'], [tenantId]);
      return flag;
    },
    async 'flag.resolve'({ id }) {
      const { now } = clock();
      const { staffName } = await readSettings(db);
      const flag = await resolveFlag(db, id, staffName, now);
      changed(['flags'], [flag.tenantId]);
      return flag;
    },
    async 'alert.triage'({ id, status, reason, note }) {
      const { now } = clock();
      const { staffName } = await readSettings(db);
      if (status === 'resolved' && !reason) throw codedError('error_alert_needs_reason');
      const tenantId = await triageAlert(db, id, { status, ...(reason ? { reason } : {}), ...(note ? { note } : {}), by: staffName, at: now });
      changed(['alerts'], [tenantId]);
      return { ok: true };
    },
    async 'verdict.set'({ tenantId, verdict, reason, reviewOn }) {
      const { now, today } = clock();
      const [settings, found] = await Promise.all([readSettings(db), readSummaries(db, [tenantId])]);
      if (verdict === 'approved' && !reviewOn) throw codedError('verdict_review_needed');
      if (reviewOn && reviewOn <= today) throw codedError('verdict_review_past');
      // What the verdict saw: the score and facts now, to tell later what moved.
      const a = assess(found.get(tenantId), tenantId, settings, today, now);
      const record = await addDecision(db, {
        _id: crypto.randomUUID(), v: 1, kind: 'verdict', member: '', by: settings.staffName, at: now, tenantId,
        verdict, reason, ...(reviewOn ? { reviewOn } : {}), snapshot: snapshotOf(a.risk, a.facts),
      });
      changed(['decisions'], [tenantId]);
      return record as Responses['verdict.set'];
    },
    async 'promise.add'({ tenantId, date, amount, currency, note }) {
      const { now, today } = clock();
      if (date < today) throw codedError('promise_date_past');
      const parsed = parseAmount(amount, currency, 'auto');
      if (!parsed.ok) throw new WordedError(codeLine(parsed.text), parsed.text);
      if (parsed.value <= 0) throw codedError('promise_amount_positive');
      const [settings, found] = await Promise.all([readSettings(db), readSummaries(db, [tenantId])]);
      // The open invoices of that currency the promise covers, with their balances now: what is paid later counts.
      const invoices = (found.get(tenantId)?.facts.openInvoices ?? []).filter((i) => i.currency === currency).map((i) => ({ number: i.number, balance: i.balance }));
      if (!invoices.length) throw codedError('promise_no_invoice', currency);
      const record = await addDecision(db, {
        _id: crypto.randomUUID(), v: 1, kind: 'promise', member: '', by: settings.staffName, at: now, tenantId,
        date, amount: parsed.value, currency, ...(note ? { note } : {}), invoices,
      });
      changed(['decisions'], [tenantId]);
      return record as Responses['promise.add'];
    },
    async 'dunning.record'({ tenantId, action, on, note }) {
      const { now, today } = clock();
      if (on > today) throw codedError('dunning_action_future');
      const settings = await readSettings(db);
      const record = await addDecision(db, {
        _id: crypto.randomUUID(), v: 1, kind: 'dunning-action', member: '', by: settings.staffName, at: now, tenantId,
        action, on, ...(note ? { note } : {}),
      });
      changed(['decisions'], [tenantId]);
      return record as Responses['dunning.record'];
    },
    async 'triage.set'({ tenantId, reason, acknowledged, snoozedUntil }) {
      const { now } = clock();
      const { staffName } = await readSettings(db);
      const next = await updateTriage(db, { tenantId, reason }, (t) => {
        const n = { ...t };
        // Who acknowledged or snoozed last, for the audit trail (none while no staff name is set).
        if (staffName) n.by = staffName;
        else delete n.by;
        if (acknowledged !== undefined) {
          if (acknowledged) n.acknowledgedAt = now;
          else delete n.acknowledgedAt;
        }
        if (snoozedUntil !== undefined) {
          if (snoozedUntil) n.snoozedUntil = snoozedUntil;
          else delete n.snoozedUntil;
        }
        return n;
      }, now);
      changed(['triage'], [tenantId]);
      return next;
    },
    async 'staff.setName'({ name }) {
      const saved = await updateSettings(db, { staffName: name.trim() });
      changed(['settings']);
      return { staffName: saved.staffName };
    },
    async 'panel.setOpen'({ open }) {
      await updateMeta(db, { panelOpen: open });
      return { open };
    },
    async 'panel.setSection'({ section, collapsed }) {
      await updateMeta(db, (meta) => ({ panelSections: { ...meta.panelSections, [section]: collapsed } }));
      return { ok: true };
    },
    async 'guidance.open'({ part }) {
      await deps.openGuidance?.(part);
      return { ok: true };
    },
    async 'i18n.get'() {
      const language = languageOf(await readSettings(db), deps.browserLanguage());
      return { language, messages: await deps.loadMessages(language) };
    },
    async 'settings.set'({ settings }) {
      const saved = await saveSettings(db, settings as Settings);
      changed(['settings']);
      return saved;
    },
    async 'popup.head'({ limit, countUpTo }) {
      const { now, today } = clock();
      const [head, triage, meta, customers, settings] = await Promise.all([
        readOverdueHead(db, today, limit), readTriage(db), readMeta(db), countCustomersUpTo(db, countUpTo), readSettings(db),
      ]);
      return { head, triage: [...triage.values()], meta, customers, settings, today, now };
    },
    async 'data.changed'({ what, tenantIds }) {
      changed(what, tenantIds);
      return { ok: true };
    },
    async 'sync.ping'() {
      return deps.team ? deps.team.ping() : { state: 'off', pending: 0 };
    },
    async 'sync.connect'({ config }) {
      if (!deps.team) throw codedError('sync_unavailable');
      return deps.team.connect(config);
    },
    async 'sync.disconnect'() {
      return deps.team ? deps.team.disconnect() : { state: 'off', pending: 0 };
    },
  };

  return {
    /** A change written outside the service (the team's exchange): kept badges dropped, broadcast as its own. */
    announce: (c: { what: ChangeKind[]; tenantIds?: string[] }): void => changed(c.what, c.tenantIds),
    /** The types this service answers: every type of the messages table (a test holds them equal). */
    handles: Object.keys(handlers) as Request['type'][],
    /** Answers one already-validated request; errors become `{ ok: false, error }`, never a throw. */
    async handle(req: Request): Promise<{ ok: true; data: unknown } | { ok: false; error: Wording }> {
      try {
        const handler = handlers[req.type] as Handler<typeof req.type>;
        return { ok: true, data: await handler(req as never) };
      } catch (e) {
        return { ok: false, error: errorText(e) };
      }
    },
  };
}
export type Service = ReturnType<typeof createService>;
