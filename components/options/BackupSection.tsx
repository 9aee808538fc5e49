// Backup to one JSON file, restore from one (after a confirmation that says what will be lost), triage CSV exports.
import { useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { errorWording } from '@/lib/errors';
import { sayAny } from '@/lib/wording';

export interface RestorePlan {
  /** What the file holds, per store, and what the store holds now (all of which will be replaced). */
  incoming: Record<string, number>;
  current: Record<string, number>;
  exportedAt: string;
}

export interface BackupProps {
  t: Translate;
  onBackup(): Promise<void>;
  /** Reads and checks a backup file; a damaged or newer file rejects with the reason. */
  onCheckRestore(file: File): Promise<RestorePlan>;
  onRestore(): Promise<void>;
  onExportCsv(kind: 'overdue' | 'budget' | 'risk' | 'audit'): Promise<void>;
}

export function BackupSection({ t, onBackup, onCheckRestore, onRestore, onExportCsv }: BackupProps) {
  const [plan, setPlan] = useState<RestorePlan>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const run = async (fn: () => Promise<unknown>, ok?: string) => {
    try {
      await fn();
      if (ok) setMessage({ ok: true, text: ok });
    } catch (e) {
      // A refused restore says why in the user's language; an error without a message still says something.
      setMessage({ ok: false, text: String(sayAny(t, errorWording(e))) });
    }
  };
  const list = (counts: Record<string, number>) => Object.entries(counts).filter(([, n]) => n).map(([k, n]) => `${n} ${t(`store_${k}`)}`).join(', ') || t('backup_nothing');
  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup_title')}</h2>
      <p>
        <button type="button" data-testid="backup-export" onClick={() => void run(onBackup)}>{t('backup_export')}</button>
      </p>
      <p class="muted small">{t('backup_warning')}</p>
      <label>{t('backup_restore_choose')}
        <input type="file" accept=".json,application/json" data-testid="restore-file" onChange={(e) => {
          const f = (e.target as HTMLInputElement).files?.[0];
          setPlan(undefined); setMessage(undefined);
          if (f) void run(async () => setPlan(await onCheckRestore(f)));
        }} />
      </label>
      {plan && (
        <div class="confirm" role="alertdialog" aria-labelledby="restore-warning" data-testid="restore-confirmation">
          <p id="restore-warning" class="warn">{t('restore_will_replace', list(plan.current))}</p>
          <p>{t('restore_brings', list(plan.incoming), plan.exportedAt)}</p>
          <button type="button" data-testid="restore-confirm" onClick={() => void run(async () => { await onRestore(); setPlan(undefined); }, t('restore_done'))}>{t('restore_confirm')}</button>
          <button type="button" onClick={() => setPlan(undefined)}>{t('cancel')}</button>
        </div>
      )}
      {message && <p role="status" class={message.ok ? 'ok' : 'error'} data-testid="backup-message">{message.text}</p>}
      <h3>{t('export_csv_title')}</h3>
      <p class="buttons">
        {(['overdue', 'budget', 'risk', 'audit'] as const).map((k) => (
          <button key={k} type="button" data-testid={`export-${k}`} onClick={() => void run(() => onExportCsv(k))}>{t(`export_csv_${k}`)}</button>
        ))}
      </p>
    </section>
  );
}
