// Wiring only: opens the store, checks and routes messages, broadcasts changes, keeps the toolbar badge.
import { coalesce } from '@/lib/coalesce';
import { attentionBreakdown, attentionTitle } from '@/lib/attention';
import { localDate } from '@/lib/clock';
import { openStore, readAllSummaries, readSettings, readSummaries, readTriage, type PrlDb } from '@/lib/db';
import { describeOpenError } from '@/lib/errors';
import { languageOf, makeTranslate, type MessageBundle } from '@/lib/i18n';
import { acceptRequest, senderKind, type Changed } from '@/lib/messages';
import { PORTAL_MATCHES } from '@/lib/portal/hosts';
import { createService, type Service } from '@/lib/service';
import { wording } from '@/lib/wording';
import type { AccountSummary, TriageReason } from '@/lib/schema';
import { reasonsOf } from '@/lib/triage';
import { openSyncState, stampMember } from '@/lib/db';
import { serverOrigin, type SyncBrief, type SyncConfig } from '@/lib/sync/config';
import { createSync, type Sync } from '@/lib/sync/engine';
import { localReplica, remoteDatabase, timedFetch } from '@/lib/sync/pouch';
import { shareImportFirst as shareImportFirstThenBadge } from '@/utils/share-first';

const BADGE_ALARM = 'refresh-badge';
/** The manifest's command (wxt.config.ts) that focuses the panel. */
export const FOCUS_PANEL_COMMAND = 'focus-panel';
/** The team's one-shot exchange when nothing of ours is open (Chrome's shortest alarm period is 30 s). */
const SYNC_ALARM = 'team-sync';
/** How long the badge waits after an import made here for the exchange that shares it. */
const IMPORT_SHARE_FIRST_MS = 10_000;

export default defineBackground(() => {
  const bundles = new Map<'en' | 'fr', Promise<MessageBundle>>();
  const loadMessages = (lang: 'en' | 'fr') => {
    let bundle = bundles.get(lang);
    if (!bundle) {
      bundle = fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/popup.html')).then((r) => r.json() as Promise<MessageBundle>);
      bundle.catch(() => bundles.delete(lang));
      bundles.set(lang, bundle);
    }
    return bundle;
  };
  // The service worker may be stopped and restarted at any time: open lazily, once per worker life.
  let ready: Promise<{ db: PrlDb; service: Service }> | undefined;
  const boot = (): Promise<{ db: PrlDb; service: Service }> =>
    (ready ??= openStore().then((db) => ({
      db,
      service: createService({
        db,
        now: () => new Date(),
        broadcast,
        browserLanguage: () => browser.i18n.getUILanguage(),
        // A tab of its own (options_ui would open as a dialog over chrome://extensions); tabs.create needs no permission.
        openOptions: async () => { await browser.tabs.create({ url: browser.runtime.getURL('/options.html') }); },
        openGuidance: async (part) => { await browser.tabs.create({ url: `${browser.runtime.getURL('/guidance.html')}#${part}` }); },
        loadMessages,
        team: { ping: pingTeam, connect: connectTeam, disconnect: disconnectTeam },
      }),
    })).catch((e) => {
      ready = undefined;
      throw e;
    }));

  // The team connection, opened on first use (most worker starts are a panel or the popup asking for data).
  let team: Promise<Sync> | undefined;
  const teamSync = (): Promise<Sync> =>
    (team ??= Promise.all([boot(), openSyncState()]).then(([{ db, service }, state]) => createSync({
      // Through the service, so that its cached badges are dropped as for a change of its own.
      db, state, now: () => new Date(), broadcast: (c) => service.announce(c), localReplica, remoteDatabase, fetch: timedFetch,
      hasPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
    })).catch((e) => {
      team = undefined;
      throw e;
    }));
  const syncFailed = () => console.error('team exchange failed'); // never the error itself: it may name the server
  // A write is shared at once; a burst of writes (ticks, an import) makes one exchange, and one after it.
  let soon: ReturnType<typeof setTimeout> | undefined;
  const shareSoon = () => {
    clearTimeout(soon);
    soon = setTimeout(() => void teamSync().then((s) => s.nudge()).catch(syncFailed), 200);
  };
  /** An import made here goes to the team before the badge counts again (utils/share-first.ts). */
  const shareImportFirst = () => void shareImportFirstThenBadge({ sync: teamSync, refreshBadge: () => refreshBadge(), limitMs: IMPORT_SHARE_FIRST_MS, failed: syncFailed })
    .catch((e) => console.error('badge refresh failed', e));
  async function pingTeam(): Promise<SyncBrief> {
    const s = await teamSync();
    void s.nudge(2500).catch(syncFailed); // the answer does not wait for the exchange
    return s.brief();
  }
  async function connectTeam(config: SyncConfig): Promise<SyncBrief> {
    const origin = serverOrigin(config.url);
    if (!origin.ok) throw new Error(origin.reason === 'sync_url_https' ? 'the server address must start with https://' : 'the server address is not a URL');
    const s = await teamSync();
    const { db } = await boot();
    // What this member did before joining is signed with their name and shared like any later change.
    await stampMember(db, config.user);
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 0.5 });
    await s.connect(config);
    return s.brief();
  }
  async function disconnectTeam(): Promise<SyncBrief> {
    const s = await teamSync();
    await browser.alarms.clear(SYNC_ALARM);
    await s.disconnect();
    return s.brief();
  }

  // Each customer's reasons for a row in the popup (lib/triage reasonsOf), worked out again only for the
  // customers a write names: scoring every customer at every tick would hold the worker for as long as it takes.
  // A write that names none (imports, restores, settings), a new day or the hourly alarm works out everyone's.
  let reasons: Map<string, TriageReason[]> | undefined;
  let reasonsDay = '';
  let stale: Set<string> | 'all' = 'all';
  const touch = (tenantIds?: string[]) => {
    if (stale === 'all') return;
    if (!tenantIds) stale = 'all';
    else for (const id of tenantIds) stale.add(id);
  };

  /** The badge counts what the popup's lists show (lib/attention), and its tooltip says so. */
  async function paintBadge(): Promise<void> {
    const { db } = await boot();
    const todo = stale;
    stale = new Set();
    try {
      const now = new Date();
      const today = localDate(now);
      const settings = await readSettings(db);
      const redo = (s: AccountSummary) => {
        const r = reasonsOf(s, settings, today, now.toISOString());
        if (r.length) reasons!.set(s.tenantId, r);
        else reasons!.delete(s.tenantId);
      };
      if (!reasons || todo === 'all' || today !== reasonsDay) {
        const all = await readAllSummaries(db);
        reasons = new Map();
        reasonsDay = today;
        // Scoring every customer takes a while (10,000: ~0.3 s): a popup's or a panel's request that comes
        // meanwhile (the worker has just started for it) is answered between slices, not after the whole count.
        for (let i = 0; i < all.length; i++) {
          redo(all[i]);
          if (i % 500 === 499) await new Promise((ok) => setTimeout(ok, 0));
        }
      } else if (todo.size) {
        const found = await readSummaries(db, [...todo]);
        for (const id of todo) {
          const s = found.get(id);
          if (s) redo(s);
          else reasons.delete(id);
        }
      }
      const counts = attentionBreakdown(reasons, await readTriage(db), today);
      const n = counts.total;
      await browser.action.setBadgeBackgroundColor({ color: '#c50f1f' });
      await browser.action.setBadgeText({ text: n ? String(n) : '' });
      const t = makeTranslate(await loadMessages(languageOf(settings, browser.i18n.getUILanguage())));
      await browser.action.setTitle({ title: attentionTitle(counts, t) });
    } catch (e) {
      stale = 'all'; // what this pass was to work out is not known to be done
      throw e;
    }
  }

  // Writes come in bursts (ticks, imports): one count at a time, and one more after it if any came meanwhile.
  const refreshBadge = coalesce(paintBadge);

  function broadcast(c: Changed): void {
    browser.runtime.sendMessage(c).catch(() => undefined); // no extension page open: nobody to tell
    browser.tabs.query({ url: PORTAL_MATCHES }).then((tabs) => {
      for (const t of tabs) if (t.id !== undefined) browser.tabs.sendMessage(t.id, c).catch(() => undefined);
    }, () => undefined);
    touch(c.tenantIds);
    if (c.what.includes('import') && !c.what.includes('team')) return shareImportFirst();
    if (!c.what.includes('team')) shareSoon(); // what came from the team is not sent back to it
    refreshBadge().catch((e) => console.error('badge refresh failed', e));
  }

  /** A store that does not open (a failed upgrade above all) is told in the browser's language. */
  function openFailure(e: unknown): string {
    try {
      return describeOpenError(e, (key, ...subs) => browser.i18n.getMessage(key as 'extName', subs.map(String)) || key);
    } catch {
      return `the extension's store could not be opened: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  // The keyboard command (manifest `commands`, Alt+Shift+R by default) focuses the panel of the tab it was pressed
  // in; the tab's content script does it. A tab with no panel (another site, a list page) ignores the message.
  try {
    browser.commands.onCommand.addListener((command, tab) => {
      if (command !== FOCUS_PANEL_COMMAND) return;
      void (async () => {
        const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
        if (id !== undefined) await browser.tabs.sendMessage(id, { type: 'panel.focus' });
      })().catch(() => undefined); // no content script in that tab: nothing to focus
    });
  } catch { /* a browser without keyboard commands (Firefox for Android): the panel is reached by Tab */ }

  browser.runtime.onMessage.addListener(async (raw: unknown, sender) => {
    if ((raw as { type?: unknown } | null)?.type === 'changed') return undefined; // our own broadcast echoing
    const kind = senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
    const accepted = acceptRequest(raw, kind);
    if (!accepted.ok) return { ok: false, error: accepted.error };
    let service: Service;
    try {
      ({ service } = await boot());
    } catch (e) {
      return { ok: false, error: wording('error_detail', openFailure(e)) }; // already in the browser's language
    }
    return service.handle(accepted.request);
  });

  // The worker starts many times an hour: an alarm created at each start would never come due. Only a
  // missing alarm (first run, or cleared by the browser) is created.
  void browser.alarms.get(BADGE_ALARM).then((a) => {
    if (!a) return browser.alarms.create(BADGE_ALARM, { periodInMinutes: 60 });
  }).catch((e) => console.error('badge alarm not set', e));
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === SYNC_ALARM) {
      void teamSync().then(async (s) => {
        if (await s.readConfig()) await s.nudge();
        else await browser.alarms.clear(SYNC_ALARM);
      }).catch(syncFailed);
      return;
    }
    if (a.name !== BADGE_ALARM) return;
    touch(); // the hour may have changed what is due (alerts' clocks, snoozes ending, the day)
    refreshBadge().catch((e) => console.error('badge refresh failed', e));
  });
  // An update clears alarms, and a browser restart may: a member still connected gets the team's back.
  const keepTeamAlarm = () => void teamSync().then(async (s) => {
    if ((await s.readConfig()) && !(await browser.alarms.get(SYNC_ALARM))) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 0.5 });
  }).catch(syncFailed);
  browser.runtime.onStartup.addListener(() => { void refreshBadge().catch(() => undefined); keepTeamAlarm(); });
  browser.runtime.onInstalled.addListener(() => { void refreshBadge().catch(() => undefined); keepTeamAlarm(); });
});
