// Wiring only: opens the store, checks and routes messages, broadcasts changes, keeps the toolbar badge.
import { attentionCount } from '@/lib/attention';
import { localDate } from '@/lib/clock';
import { openStore, readAlerts, readAllSummaries, readSettings, readTriage, type PrlDb } from '@/lib/db';
import { describeOpenError } from '@/lib/errors';
import { languageOf, makeTranslate, type MessageBundle } from '@/lib/i18n';
import { acceptRequest, senderKind, type Changed } from '@/lib/messages';
import { PORTAL_MATCHES } from '@/lib/portal/hosts';
import { createService, type Service } from '@/lib/service';
import { buildTriage } from '@/lib/triage';

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
        loadMessages,
      }),
    })).catch((e) => {
      ready = undefined;
      throw e;
    }));

  /** The badge counts what the popup's lists show (lib/attention), and its tooltip says so. */
  async function paintBadge(): Promise<void> {
    const { db } = await boot();
    const [summaries, alerts, triage, settings] = await Promise.all([readAllSummaries(db), readAlerts(db), readTriage(db), readSettings(db)]);
    const now = new Date();
    const n = attentionCount(buildTriage(summaries, alerts, triage, settings, localDate(now), now.toISOString()));
    await browser.action.setBadgeBackgroundColor({ color: '#c50f1f' });
    await browser.action.setBadgeText({ text: n ? String(n) : '' });
    const t = makeTranslate(await loadMessages(languageOf(settings, browser.i18n.getUILanguage())));
    await browser.action.setTitle({ title: n === 0 ? t('action_title_none') : n === 1 ? t('action_title_one') : t('action_title', n) });
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
    if (a.name === BADGE_ALARM) refreshBadge().catch((e) => console.error('badge refresh failed', e));
  });
  browser.runtime.onStartup.addListener(() => void refreshBadge().catch(() => undefined));
  browser.runtime.onInstalled.addListener(() => void refreshBadge().catch(() => undefined));
});
