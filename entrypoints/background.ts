// Wiring only: opens the store, checks and routes messages, broadcasts changes, keeps the toolbar badge.
import { badgeCount } from '@/lib/attention';
import { localDate } from '@/lib/clock';
import { openStore, readAttentionSummaries, readSettings, readTriage, type PrlDb } from '@/lib/db';
import { acceptRequest, senderKind, type Changed } from '@/lib/messages';
import { PORTAL_MATCHES } from '@/lib/portal/hosts';
import { createService, type Service } from '@/lib/service';

const BADGE_ALARM = 'refresh-badge';

export default defineBackground(() => {
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
        loadMessages: async (lang) => (await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/popup.html'))).json(),
      }),
    })).catch((e) => {
      ready = undefined;
      throw e;
    }));

  async function refreshBadge(): Promise<void> {
    const { db } = await boot();
    const [summaries, triage, settings] = await Promise.all([readAttentionSummaries(db), readTriage(db), readSettings(db)]);
    const n = badgeCount(summaries, triage, settings, localDate(new Date()));
    await browser.action.setBadgeBackgroundColor({ color: '#c50f1f' });
    await browser.action.setBadgeText({ text: n ? String(n) : '' });
  }

  function broadcast(c: Changed): void {
    browser.runtime.sendMessage(c).catch(() => undefined); // no extension page open: nobody to tell
    browser.tabs.query({ url: PORTAL_MATCHES }).then((tabs) => {
      for (const t of tabs) if (t.id !== undefined) browser.tabs.sendMessage(t.id, c).catch(() => undefined);
    }, () => undefined);
    refreshBadge().catch((e) => console.error('badge refresh failed', e));
  }

  browser.runtime.onMessage.addListener(async (raw: unknown, sender) => {
    if ((raw as { type?: unknown } | null)?.type === 'changed') return undefined; // our own broadcast echoing
    const kind = senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
    const accepted = acceptRequest(raw, kind);
    if (!accepted.ok) return { ok: false, error: accepted.error };
    try {
      const { service } = await boot();
      return await service.handle(accepted.request);
    } catch (e) {
      return { ok: false, error: `the extension's store could not be opened: ${e instanceof Error ? e.message : String(e)}` };
    }
  });

  browser.alarms.create(BADGE_ALARM, { periodInMinutes: 60 });
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === BADGE_ALARM) refreshBadge().catch((e) => console.error('badge refresh failed', e));
  });
  browser.runtime.onStartup.addListener(() => void refreshBadge().catch(() => undefined));
  browser.runtime.onInstalled.addListener(() => void refreshBadge().catch(() => undefined));
});
