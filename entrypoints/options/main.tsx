// Wiring only: the options page opens the store itself (same origin as the extension) for imports, backup,
// restore and reports, sends settings through the background, and tells everyone what changed.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BackupSection, type RestorePlan } from '@/components/options/BackupSection';
import { ImportSection } from '@/components/options/ImportSection';
import { formatDateTime } from '@/components/panel/format';
import { SettingsForm } from '@/components/options/SettingsForm';
import { TeamSection } from '@/components/options/TeamSection';
import { useTeam } from '@/utils/team';
import { BackupError, checkBackup } from '@/lib/backup';
import { localDate } from '@/lib/clock';
import { describeOpenError, errorText } from '@/lib/errors';
import {
  commitImport, countClosedBySnapshot, countRecords, DB_VERSION, DATA_STORES, exportBackup, mergeBatches, openStore, readAlerts, readAllSummaries, readAuditRecords,
  readCustomerDomains, readMeta, readSettings, readTriage, restoreBackup, type PrlDb,
} from '@/lib/db';
import type { Translate } from '@/lib/i18n';
import { parseImportFile, type ParsedFile } from '@/lib/import';
import { budgetCsv, overdueCsv, riskCsv } from '@/lib/reports';
import { auditCsv } from '@/lib/audit';
import type { Meta, Settings } from '@/lib/schema';
import { buildTriage } from '@/lib/triage';
import { send } from '@/utils/send';
import { importForTeam } from '@/utils/team';
import { loadStringsLocal } from '@/utils/strings';
import { say, WordedError, wording } from '@/lib/wording';
import './style.css';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

interface Strings { t: Translate; locale: string }

function App({ db }: { db: PrlDb }) {
  const [strings, setStrings] = useState<Strings>();
  const [settings, setSettings] = useState<Settings>();
  const [meta, setMeta] = useState<Meta>();
  const [error, setError] = useState<string>();
  const [pendingRestore, setPendingRestore] = useState<unknown>();
  const team = useTeam(true);

  const reload = async () => {
    const [s, m] = await Promise.all([readSettings(db), readMeta(db)]);
    const str = await loadStringsLocal(s);
    setSettings(s);
    setMeta(m);
    setStrings(str);
  };
  useEffect(() => {
    reload().catch(async (e) => setError(say((await loadStringsLocal({ language: 'auto' }).catch(() => undefined))?.t ?? ((k: string) => k), errorText(e))));
    const onMessage = (m: unknown) => { if ((m as { type?: string })?.type === 'changed') void reload().catch(() => undefined); };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  if (error) return <main><p class="error" role="alert">{error}</p></main>;
  if (!strings || !settings || !meta) return <main><p class="muted">…</p></main>;
  const { t, locale } = strings;
  const now = () => new Date().toISOString();

  const parse = async (files: File[], onProgress: (i: number, f: number) => void): Promise<ParsedFile[]> => {
    const current = await readSettings(db);
    const knownDomains = await readCustomerDomains(db);
    const ctx = () => ({ settings: current, now: now(), knownDomains });
    const parsed: ParsedFile[] = [];
    for (const [i, f] of files.entries()) parsed.push(await parseImportFile(f.name, f, ctx(), (x) => onProgress(i, x)));
    // Invoices may name customers by domain: customers files chosen together count as known.
    const added = parsed.flatMap((p) => p.batch.customers ?? []).filter((c) => c.domain && !knownDomains.has(c.domain.toLowerCase()));
    if (added.length && parsed.some((p) => p.kind === 'invoices')) {
      for (const c of added) knownDomains.set(c.domain!.toLowerCase(), c.tenantId);
      for (const [i, p] of parsed.entries()) {
        if (p.kind === 'invoices') parsed[i] = await parseImportFile(files[i].name, files[i], ctx(), (x) => onProgress(i, x));
      }
    }
    return parsed;
  };

  const usable = (files: ParsedFile[]) => files.filter((f) => !f.fatal && f.kind !== 'backup' && f.kind !== 'unknown');

  const commit = async (files: ParsedFile[], snapshot: boolean) => {
    const batch = mergeBatches(usable(files).map((f) => f.batch), snapshot);
    const at = now();
    // Connected to a team: the same batch goes to every member, who applies it with the same import code; it goes to
    // the team's server while this store writes it. A failure here that the team's copy outlives says so.
    const outcome = await importForTeam(batch, settings.staffName, at, () => commitImport(db, batch, at)).finally(() => void team.refresh());
    await send({ type: 'data.changed', what: ['import'] }).catch(() => undefined);
    await reload();
    return outcome;
  };

  const reports = async (kind: 'overdue' | 'budget' | 'risk' | 'audit') => {
    // Every verdict, tick, triage action, alert status change, promise and dunning action, with its member.
    if (kind === 'audit') return download(`audit-trail-${stamp()}.csv`, 'text/csv', auditCsv(await readAuditRecords(db)));
    const d = new Date();
    const today = localDate(d);
    const [summaries, alerts, triage, s] = await Promise.all([readAllSummaries(db), readAlerts(db), readTriage(db), readSettings(db)]);
    if (kind === 'risk') return download(`risk-scores-${stamp()}.csv`, 'text/csv', riskCsv(summaries, s, today, d.toISOString()));
    const lists = buildTriage(summaries, alerts, triage, s, today, d.toISOString());
    download(`${kind === 'overdue' ? 'overdue-accounts' : 'budget-states'}-${stamp()}.csv`, 'text/csv', kind === 'overdue' ? overdueCsv(lists) : budgetCsv(lists));
  };

  const checkRestore = async (file: File): Promise<RestorePlan> => {
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      throw new WordedError('This file is not valid JSON: it is not a Partner Risk Lens backup. Nothing was changed.', wording('restore_not_json'));
    }
    const check = checkBackup(raw, DB_VERSION);
    if (!check.ok) throw new BackupError(check.error, check.text);
    const current: Record<string, number> = await countRecords(db);
    setPendingRestore(raw);
    return { incoming: check.counts, current, exportedAt: formatDateTime(check.backup.exportedAt, locale) };
  };

  return (
    <main class="options">
      <h1>{t('extName')}</h1>
      <nav class="toc" aria-label={t('options_sections')}>
        <a href="#import-title">{t('import_title')}</a> · <a href="#settings-title">{t('settings_title')}</a> · <a href="#team-title">{t('sync_title')}</a> · <a href="#backup-title">{t('backup_title')}</a>
        {' · '}<a href="/privacy.html" data-testid="privacy-link">{t('privacy_link')}</a>
      </nav>
      <ImportSection t={t} locale={locale} lastImport={meta.lastImport} now={now()} onParse={parse}
        onSnapshotImpact={(files) => countClosedBySnapshot(db, files.flatMap((f) => f.batch.invoices ?? []))}
        onCommit={commit} />
      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t('settings_title')}</h2>
        <SettingsForm settings={settings} t={t} locale={locale} today={localDate(new Date())} onSave={async (s) => {
          await send({ type: 'settings.set', settings: s });
          await reload();
        }} />
      </section>
      {team.loaded && <TeamSection t={t} locale={locale} brief={team.brief} rejected={team.rejected}
        onConnect={async (config, origin) => {
          // Asked while handling the click: the browser shows its prompt only for a person's gesture.
          const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
          if (!granted) throw new Error(t('sync_problem_permission'));
          await team.connect(config);
        }}
        onDisconnect={team.disconnect} />}
      <BackupSection t={t}
        onBackup={async () => download(`partner-risk-lens-backup-${stamp()}.json`, 'application/json', JSON.stringify(await exportBackup(db, now()), null, 1))}
        onCheckRestore={checkRestore}
        onRestore={async () => {
          // A refused or failed restore throws a BackupError, which the section says in the user's language.
          await restoreBackup(db, pendingRestore);
          setPendingRestore(undefined);
          await send({ type: 'data.changed', what: ['restore', 'settings'] }).catch(() => undefined);
          await reload();
        }}
        onExportCsv={reports} />
    </main>
  );
}

openStore().then(
  (db) => render(<App db={db} />, document.getElementById('app')!),
  async (e) => {
    const show = (text: string) => render(<main><p class="error" role="alert" data-testid="store-error">{text}</p></main>, document.getElementById('app')!);
    try {
      show(describeOpenError(e, (await loadStringsLocal({ language: 'auto' })).t));
    } catch {
      show(describeOpenError(e, (k, ...subs) => [k, ...subs].join(' ')));
    }
  },
);
