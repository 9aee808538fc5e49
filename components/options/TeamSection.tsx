// "Team": the team's CouchDB server, the member's credentials, the state of the exchange in words, records kept aside.
import { useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { serverOrigin, type RejectedDoc, type SyncBrief, type SyncConfig } from '@/lib/sync/config';
import { formatDateTime } from '../panel/format';
import { say } from '@/lib/wording';

export interface TeamSectionProps {
  t: Translate;
  locale: string;
  brief?: SyncBrief;
  rejected: RejectedDoc[];
  /** Asks the browser for the server's host permission and connects; rejects with words to show. */
  onConnect(config: SyncConfig, origin: string): Promise<void>;
  onDisconnect(): Promise<void>;
}

export function TeamSection({ t, locale, brief, rejected, onConnect, onDisconnect }: TeamSectionProps) {
  const [url, setUrl] = useState(brief?.server ?? '');
  const [database, setDatabase] = useState(brief?.database ?? '');
  const [user, setUser] = useState(brief?.user ?? '');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const state = brief?.state ?? 'off';

  const connect = async (e: Event) => {
    e.preventDefault();
    setFailure(undefined);
    const origin = serverOrigin(url);
    if (!origin.ok) return setFailure(t(origin.reason));
    if (!/^[a-z][a-z0-9_$()+\-/]{0,237}$/.test(database.trim())) return setFailure(t('sync_database_invalid'));
    if (!user.trim() || !password) return setFailure(t('sync_credentials_missing'));
    setBusy(true);
    try {
      await onConnect({ url: origin.base, database: database.trim(), user: user.trim(), password }, origin.origin);
      setPassword('');
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const inputs = (
    <>
      <label>{t('sync_url')} <input type="url" data-testid="sync-url" value={url} placeholder="https://couch.example.com" autocomplete="url"
        onInput={(e) => setUrl((e.target as HTMLInputElement).value)} /></label>
      <label>{t('sync_database')} <input type="text" data-testid="sync-database" value={database} autocomplete="off"
        onInput={(e) => setDatabase((e.target as HTMLInputElement).value)} /></label>
      <label>{t('sync_user')} <input type="text" data-testid="sync-user" value={user} autocomplete="username"
        onInput={(e) => setUser((e.target as HTMLInputElement).value)} /></label>
      <label>{t('sync_password')} <input type="password" data-testid="sync-password" value={password} autocomplete="current-password"
        onInput={(e) => setPassword((e.target as HTMLInputElement).value)} /></label>
    </>
  );

  return (
    <section aria-labelledby="team-title">
      <h2 id="team-title">{t('sync_title')}</h2>
      <p class="muted">{t('sync_hint')}</p>
      <form class="team" onSubmit={(e) => void connect(e)}>
        {inputs}
        <p class="buttons">
          <button type="submit" data-testid="sync-connect" disabled={busy}>{state === 'off' ? t('sync_connect') : t('sync_reconnect')}</button>{' '}
          <button type="button" data-testid="sync-disconnect" disabled={busy || state === 'off'}
            onClick={() => { setBusy(true); void onDisconnect().catch((err) => setFailure(err instanceof Error ? err.message : String(err))).finally(() => setBusy(false)); }}>
            {t('sync_disconnect')}
          </button>
        </p>
      </form>
      {failure && <p class="error" role="alert" data-testid="sync-failure">{failure}</p>}
      <div role="status" data-testid="sync-status" data-state={state} data-pending={brief?.pending ?? 0}>
        <p><strong>{t(`sync_state_${state}`)}</strong>
          {brief?.server && state !== 'off' && <span class="muted"> — {t('sync_connected_as', brief.user ?? '', brief.database ?? '', brief.server)}</span>}</p>
        {brief?.problem && state !== 'ok' && state !== 'syncing' && <p class={state === 'error' ? 'error' : 'warn'} data-testid="sync-problem">{t(brief.problem, brief.httpStatus ?? '')}</p>}
        <p class="small muted">
          {t('sync_pending', brief?.pending ?? 0)}
          {' · '}{brief?.lastOk ? t('sync_last_ok', formatDateTime(brief.lastOk, locale)) : t('sync_never')}
        </p>
      </div>
      {rejected.length > 0 && (
        <div data-testid="sync-rejected-list">
          <h3>{t('sync_rejected_title', rejected.length)}</h3>
          <ul class="errors">
            {rejected.map((r) => <li key={r.id} data-testid="sync-rejected" data-doc-id={r.id}><code>{r.id}</code> — {say(t, r.reason)}</li>)}
          </ul>
        </div>
      )}
    </section>
  );
}
