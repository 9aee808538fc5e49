// Abuse flags and Microsoft notices entered by staff: add one, resolve one.
import { useRef, useState } from 'preact/hooks';
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import type { Flag } from '@/lib/schema';
import type { PanelActions } from './actions';
import { formatDateTime } from './format';
import { byPerson, byPersonInput } from './trusted';

const KINDS = ['spam', 'hacking', 'ddos', 'crypto_mining', 'malware', 'pirated_resale', 'microsoft_notice', 'other'] as const;

export function FlagsSection({ data, t, locale, actions }: { data: PanelData; t: Translate; locale: string; actions: PanelActions }) {
  const [kind, setKind] = useState<Flag['kind']>('microsoft_notice');
  const [note, setNote] = useState('');
  const kindField = useRef<HTMLSelectElement>(null);
  const open = data.flags.filter((f) => !f.resolvedAt);
  const resolved = data.flags.filter((f) => f.resolvedAt);
  return (
    <section class="section" aria-labelledby="prl-flags" data-testid="panel-flags">
      <h3 id="prl-flags">{t('flags_title')}</h3>
      {open.length === 0 && <p class="muted small">{t('flags_none')}</p>}
      <ul>
        {open.map((f) => (
          <li key={f.id} data-testid="flag" data-kind={f.kind}>
            <strong>{t(`flag_${f.kind}`)}</strong> {f.note && <>— {f.note}</>}
            <span class="small muted"> ({f.by || t('name_not_set')}, {formatDateTime(f.at, locale)})</span>
            <button type="button" class="link small" data-testid="flag-resolve" onClick={(e) => { if (byPerson(e)) void actions.resolveFlag(f.id); }}>{t('flag_resolve')}</button>
          </li>
        ))}
      </ul>
      <form class="flag-form" onSubmit={(e) => e.preventDefault()}>
        <select aria-label={t('flag_kind')} value={kind} ref={kindField} onChange={(e) => setKind((e.target as HTMLSelectElement).value as Flag['kind'])} data-testid="flag-kind">
          {KINDS.map((k) => <option key={k} value={k}>{t(`flag_${k}`)}</option>)}
        </select>
        <input aria-label={t('flag_note')} placeholder={t('flag_note')} value={note} maxLength={500} onInput={(e) => byPersonInput(e, note, setNote)} data-testid="flag-note" />
        {/* Enter in the note reaches this button as a trusted click; requestSubmit() from a script does not. */}
        <button type="submit" data-testid="flag-add" onClick={(e) => {
          e.preventDefault();
          // The kind on screen when the person clicks: a script's change event, its value put back, sends nothing else.
          const shown = KINDS.find((k) => k === kindField.current?.value) ?? kind;
          if (byPerson(e)) void actions.addFlag(shown, note.trim()).then(() => setNote(''));
        }}>{t('flag_add')}</button>
      </form>
      {resolved.length > 0 && <p class="small muted">{t('flags_resolved_count', resolved.length)}</p>}
    </section>
  );
}
