// Import: choose files, see a preview per file (kind, rows read and valid, one entry per bad row with its line),
// decide, then commit the valid rows of every file in one transaction and read what was added and updated.
import { useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { errorWording } from '@/lib/errors';
import type { ImportOutcome } from '@/lib/db/import';
import { staleReceivablesDays } from '@/lib/freshness';
import type { ParsedFile } from '@/lib/import';
import { DATA_KINDS } from '@/lib/import/kinds';
import type { Meta } from '@/lib/schema';
import { say, wording } from '@/lib/wording';
import { formatDate, formatDateTime, formatPercent } from '../panel/format';

export interface ImportSectionProps {
  t: Translate;
  locale: string;
  lastImport: Meta['lastImport'];
  /** The time of this render (ISO 8601), from the page: a component reads no clock. */
  now: string;
  /** Reads and checks the files; progress per file from 0 to 1. */
  onParse(files: File[], onProgress: (file: number, fraction: number) => void): Promise<ParsedFile[]>;
  /** How many open invoices in the store the invoices files, taken as a full list, would close. */
  onSnapshotImpact(files: ParsedFile[]): Promise<number>;
  onCommit(files: ParsedFile[], snapshot: boolean): Promise<ImportOutcome>;
}

const ERRORS_SHOWN = 200;

/**
 * A file once written: what its preview says, without its records. The options page shares its renderer (and its
 * JavaScript heap) with the popup: after a 100,000-row import the page held 97 MB with the records, 62 MB without.
 */
const written = (f: ParsedFile): ParsedFile => ({ ...f, batch: {}, backup: undefined });

type Stage =
  | { at: 'idle' }
  | { at: 'reading'; names: string[]; progress: number[] }
  | { at: 'preview'; files: ParsedFile[] }
  | { at: 'writing'; files: ParsedFile[] }
  | { at: 'done'; files: ParsedFile[]; outcome: ImportOutcome };

export function ImportSection({ t, locale, lastImport, now, onParse, onSnapshotImpact, onCommit }: ImportSectionProps) {
  const [stage, setStage] = useState<Stage>({ at: 'idle' });
  const [snapshot, setSnapshot] = useState(false);
  const [closing, setClosing] = useState<number>();
  const [failure, setFailure] = useState<string>();

  const choose = async (list: FileList | null) => {
    const files = [...(list ?? [])];
    setFailure(undefined);
    setSnapshot(false);
    setClosing(undefined);
    if (!files.length) return setStage({ at: 'idle' });
    const progress = files.map(() => 0);
    setStage({ at: 'reading', names: files.map((f) => f.name), progress: [...progress] });
    try {
      const parsed = await onParse(files, (i, fraction) => {
        progress[i] = fraction;
        setStage({ at: 'reading', names: files.map((f) => f.name), progress: [...progress] });
      });
      setStage({ at: 'preview', files: parsed });
    } catch (e) {
      setFailure(say(t, wording('import_read_failed', errorWording(e))));
      setStage({ at: 'idle' });
    }
  };

  const toggleSnapshot = async (on: boolean, files: ParsedFile[]) => {
    setSnapshot(on);
    setClosing(on ? await onSnapshotImpact(files).catch(() => undefined) : undefined);
  };

  const confirm = async (files: ParsedFile[]) => {
    setFailure(undefined);
    setStage({ at: 'writing', files });
    try {
      const outcome = await onCommit(files, snapshot);
      setStage({ at: 'done', files: files.map(written), outcome });
    } catch (e) {
      // An import the team already holds failed only here: its own wording says so (lib/sync/share).
      const why = errorWording(e);
      setFailure(say(t, typeof why === 'object' && why.key === 'import_failed_shared' ? why : wording('import_failed', why)));
      setStage({ at: 'preview', files });
    }
  };

  const files = stage.at === 'preview' || stage.at === 'writing' || stage.at === 'done' ? stage.files : [];
  const importable = files.filter((f) => !f.fatal && f.kind !== 'backup' && f.kind !== 'unknown' && f.valid > 0);
  const invoiceFiles = importable.filter((f) => f.kind === 'invoices');
  const validRows = importable.reduce((n, f) => n + f.valid, 0);
  const skipped = importable.reduce((n, f) => n + f.errors.length, 0);

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('import_title')}</h2>
      <p class="muted">{t('import_hint')}</p>
      <LastImports t={t} locale={locale} lastImport={lastImport} now={now} />
      <label class="file">
        {t('import_choose')}{' '}
        <input type="file" multiple accept=".csv,.json,text/csv,application/json" data-testid="import-file"
          disabled={stage.at === 'reading' || stage.at === 'writing'}
          onChange={(e) => void choose((e.target as HTMLInputElement).files)} />
      </label>

      {stage.at === 'reading' && (
        <div data-testid="import-progress" role="status">
          {stage.names.map((name, i) => (
            <p key={name + i}>
              <label>{t('import_reading', name)}{' '}
                <progress max={1} value={stage.progress[i]} aria-valuetext={formatPercent(stage.progress[i], locale)} />
              </label>
            </p>
          ))}
        </div>
      )}

      {files.map((f, i) => <Preview key={`${f.name}-${i}`} file={f} t={t} />)}

      {invoiceFiles.length > 0 && stage.at !== 'done' && (
        <p class="snapshot">
          <label>
            <input type="checkbox" data-testid="import-snapshot" checked={snapshot} disabled={stage.at === 'writing'}
              onChange={(e) => void toggleSnapshot((e.target as HTMLInputElement).checked, invoiceFiles)} />{' '}
            {t('import_snapshot', formatDate(invoiceFiles[0].asOf ?? now.slice(0, 10), locale))}
          </label>
          {snapshot && closing !== undefined && <span class="warn small" data-testid="import-snapshot-impact"> {t('import_snapshot_closes', closing)}</span>}
        </p>
      )}

      {(stage.at === 'preview' || stage.at === 'writing') && (
        <p class="buttons">
          <button type="button" data-testid="import-confirm" disabled={!validRows || stage.at === 'writing'} onClick={() => void confirm(files)}>
            {skipped ? t('import_confirm_valid', validRows, skipped) : t('import_confirm', validRows)}
          </button>{' '}
          <button type="button" disabled={stage.at === 'writing'} onClick={() => { setStage({ at: 'idle' }); setFailure(undefined); }}>{t('cancel')}</button>
          {stage.at === 'writing' && <span role="status" class="muted"> {t('import_writing')}</span>}
        </p>
      )}

      {failure && <p class="error" role="alert" data-testid="import-failed">{failure}</p>}

      {stage.at === 'done' && (
        <div role="status" data-testid="import-result" class="ok">
          <p>{t('import_done')}</p>
          <ul>
            {DATA_KINDS.filter((k) => stage.outcome[k]).map((k) => {
              const c = stage.outcome[k]!;
              return <li key={k} data-kind={k} data-added={c.added} data-updated={c.updated} data-unchanged={c.unchanged}>
                {t('import_result_kind', t(`import_kind_${k}`), c.added, c.updated, c.unchanged)}
              </li>;
            })}
            {stage.outcome.closed > 0 && <li data-closed={stage.outcome.closed}>{t('import_result_closed', stage.outcome.closed)}</li>}
            {skipped > 0 && <li data-skipped={skipped}>{t('import_result_skipped', skipped)}</li>}
          </ul>
        </div>
      )}
    </section>
  );
}

function Preview({ file, t }: { file: ParsedFile; t: Translate }) {
  const shown = file.errors.slice(0, ERRORS_SHOWN);
  return (
    <section class="preview" data-testid="import-preview" data-kind={file.kind} data-rows={file.rowsRead} data-valid={file.valid}
      data-encoding={file.encoding} data-reconciliation={file.reconciliation?.kind} aria-label={t('import_preview_of', file.name)}>
      <h3>{file.name}</h3>
      {file.fatal ? (
        <p class="error" role="alert" data-testid="import-fatal">
          {say(t, file.fatal)}
        </p>
      ) : (
        <>
          <p>
            <strong>{t(`import_kind_${file.kind}`)}</strong> — {t('import_counts', file.rowsRead, file.valid)}
            {file.errors.length > 0 && <span class="warn"> — {t('import_rows_with_errors', file.errors.length)}</span>}
          </p>
          {file.encoding && <p class="muted small" data-testid="import-encoding">{t('import_encoding', t(`import_encoding_${file.encoding.replace(/-/g, '_')}`))}</p>}
          {file.reconciliation && (
            <p class="warn" data-testid="import-reconciliation">
              {t('import_reconciliation', t(`import_reconciliation_${file.reconciliation.kind.replace(/-/g, '_')}`), file.reconciliation.charges, file.valid)}
            </p>
          )}
          {file.kind === 'backup' && <p class="warn">{t('import_backup_use_restore')}</p>}
          {shown.length > 0 && (
            <ul class="errors">
              {shown.map((e, i) => <li key={`${e.line}-${i}`} data-testid="import-error" data-line={e.line}>{say(t, e.message)}</li>)}
            </ul>
          )}
          {file.errors.length > shown.length && <p class="muted small">{t('import_more_errors', file.errors.length - shown.length)}</p>}
        </>
      )}
    </section>
  );
}

function LastImports({ t, locale, lastImport, now }: { t: Translate; locale: string; lastImport: Meta['lastImport']; now: string }) {
  const entries = DATA_KINDS.filter((k) => lastImport[k]);
  const staleDays = staleReceivablesDays(lastImport, Date.parse(now));
  return (
    <div data-testid="last-imports">
      {entries.length === 0 ? (
        <p class="muted">{t('import_never')}</p>
      ) : (
        <ul class="small muted">
          {entries.map((k) => <li key={k} data-kind={k}>{t('import_last', t(`import_kind_${k}`), formatDateTime(lastImport[k]!, locale))}</li>)}
        </ul>
      )}
      {staleDays !== undefined && <p class="warn" data-testid="receivables-stale">{t('import_receivables_stale', staleDays)}</p>}
    </div>
  );
}
