// Wiring only: opens the store, checks and routes messages, broadcasts changes, keeps the toolbar badge.
import { attentionBreakdown, attentionTitle } from '@/lib/attention';
import { localDate } from '@/lib/clock';
import { openStore, readAllSummaries, readSettings, readSummaries, readTriage, type PrlDb } from '@/lib/db';
import { describeOpenError } from '@/lib/errors';
import { languageOf, makeTranslate, type MessageBundle } from '@/lib/i18n';
import { acceptRequest, senderKind, type Changed } from '@/lib/messages';
import { PORTAL_MATCHES } from '@/lib/portal/hosts';
import { createService, type Service } from '@/lib/service';
import type { AccountSummary, TriageReason } from '@/lib/schema';
import { reasonsOf } from '@/lib/triage';

const BADGE_ALARM = 'refresh-badge';

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
  const boot = () =>
    (ready ??= openStore().then((db) => ({
      db,
      service: createService({
        db,
        now: () => new Date(),
        broadcast,
        browserLanguage: () => browser.i18n.getUILanguage(),
        // A tab of its own (options_ui would open as a dialog over chrome://extensions); tabs.create needs no permission.
        openOptions: async () => { await browser.tabs.create({ url: browser.runtime.getURL('/options.html') }); },
        loadMessages,
      }),
    })).catch((e) => {
      ready = undefined;
      throw e;
    }));

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
  let painting: Promise<void> | undefined;
  let again = false;
  function refreshBadge(): Promise<void> {
    if (painting) {
      again = true;
      return painting;
    }
    painting = (async () => {
      try {
        do {
          again = false;
          await paintBadge();
        } while (again);
      } finally {
        painting = undefined;
      }
    })();
    return painting;
  }

  function broadcast(c: Changed): void {
    browser.runtime.sendMessage(c).catch(() => undefined); // no extension page open: nobody to tell
    browser.tabs.query({ url: PORTAL_MATCHES }).then((tabs) => {
      for (const t of tabs) if (t.id !== undefined) browser.tabs.sendMessage(t.id, c).catch(() => undefined);
    }, () => undefined);
    touch(c.tenantIds);
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

  browser.runtime.onMessage.addListener(async (raw: unknown, sender) => {
    if ((raw as { type?: unknown } | null)?.type === 'changed') return undefined; // our own broadcast echoing
    const kind = senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
    const accepted = acceptRequest(raw, kind);
    if (!accepted.ok) return { ok: false, error: accepted.error };
    let service: Service;
    try {
      ({ service } = await boot());
    } catch (e) {
      return { ok: false, error: openFailure(e) };
    }
    return service.handle(accepted.request);
  });

  // The worker starts many times an hour: an alarm created at each start would never come due. Only a
  // missing alarm (first run, or cleared by the browser) is created.
  void browser.alarms.get(BADGE_ALARM).then((a) => {
    if (!a) return browser.alarms.create(BADGE_ALARM, { periodInMinutes: 60 });
  }).catch((e) => console.error('badge alarm not set', e));
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name !== BADGE_ALARM) return;
    touch(); // the hour may have changed what is due (alerts' clocks, snoozes ending, the day)
    refreshBadge().catch((e) => console.error('badge refresh failed', e));
  });
  browser.runtime.onStartup.addListener(() => void refreshBadge().catch(() => undefined));
  browser.runtime.onInstalled.addListener(() => void refreshBadge().catch(() => undefined));
});
