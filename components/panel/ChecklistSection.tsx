// The onboarding checklist by phase: real checkboxes, who ticked and when, a short note, j/k to move.
import { useEffect, useRef, useState } from 'preact/hooks';
import { CHECKLIST, checklistProgress } from '@/lib/checklist';
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import type { PanelActions } from './actions';
import { formatDateTime } from './format';
import { StaffNamePrompt } from './StaffNamePrompt';
import { byPerson, byPersonInput } from './trusted';

const PHASES = ['onboarding', 'account', 'billing'] as const;

export function ChecklistSection({ data, t, locale, actions, compact }: {
  data: PanelData; t: Translate; locale: string; actions: PanelActions;
  /** A short screen: phases already complete start folded to their title and count. */
  compact?: boolean;
}) {
  const list = useRef<HTMLDivElement>(null);
  // Decided when the panel opens, not at each tick: the item just ticked never folds away under the pointer.
  const [foldedPhases] = useState(() => new Set(compact ? PHASES.filter((ph) => {
    const p = checklistProgress(data.facts.checklist).byPhase[ph];
    return p.done === p.total;
  }) : []));
  const entries = new Map(data.checklist.map((e) => [e.itemId, e]));
  const progress = checklistProgress(data.facts.checklist);
  const unnamed = !data.staffName && (actions.nameMissing || data.checklist.some((e) => e.done && !e.by));

  // j/k move between items and space ticks (the checkbox's own behaviour); nothing leaks to the portal.
  // Moves go from the item that holds the focus (its checkbox, or its note button), to the next or previous
  // item's checkbox. Typing in a text field and the browser's own Ctrl/Alt/Meta shortcuts are left alone.
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key !== 'j' && e.key !== 'k') || e.ctrlKey || e.altKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    const tag = target.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable || (tag === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox')) return;
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[data-testid="checklist-item"]') ?? [])];
    const at = items.findIndex((item) => item.contains(target));
    const to = at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + (e.key === 'j' ? 1 : -1)));
    items[to]?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <section class="section" aria-labelledby="prl-checklist">
      <h3 id="prl-checklist">
        {t('checklist_title')} <span class="muted" data-testid="checklist-progress">{progress.overall.done}/{progress.overall.total}</span>
      </h3>
      <p class="muted small keys-hint">{t('checklist_keys_hint')}</p>
      {unnamed && <StaffNamePrompt t={t} onOpenOptions={actions.openOptions} />}
      {progress.dueBeforeProvisioning.length > 0 && (
        <p class="warn small" data-testid="checklist-due">{t('checklist_due_before_provisioning', progress.dueBeforeProvisioning.length)}</p>
      )}
      <div ref={list} onKeyDown={onKeyDown}>
        {PHASES.map((phase) => {
          const title = <>{t(`phase_${phase}`)} <span class="muted">{progress.byPhase[phase].done}/{progress.byPhase[phase].total}</span></>;
          const rows = CHECKLIST.filter((i) => i.phase === phase).map((item) => (
            <ChecklistRow key={item.id} item={item} entry={entries.get(item.id)} t={t} locale={locale} actions={actions} staffName={data.staffName} />
          ));
          return foldedPhases.has(phase) ? (
            <details class="phase" key={phase} data-phase={phase}><summary>{title}</summary>{rows}</details>
          ) : (
            <fieldset class="phase" key={phase}><legend>{title}</legend>{rows}</fieldset>
          );
        })}
      </div>
    </section>
  );
}

type Item = (typeof CHECKLIST)[number];

function ChecklistRow({ item, entry, t, locale, actions, staffName }: {
  item: Item; entry?: PanelData['checklist'][number]; t: Translate; locale: string; actions: PanelActions; staffName?: string;
}) {
  const [noting, setNoting] = useState(false);
  const [note, setNote] = useState(entry?.note ?? '');
  // From the keyboard: the note's field takes the focus when it opens; saved or cancelled, the focus goes back to
  // the button that opened it (not to the page's top).
  const field = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (noting) field.current?.focus();
    else if (refocus.current) { refocus.current = false; opener.current?.focus(); }
  }, [noting]);
  const close = () => { refocus.current = true; setNoting(false); };
  const save = () => void actions.tick(item.id, done, note.trim()).then(close);
  const onNoteKey = (e: KeyboardEvent) => {
    if (!e.isTrusted) return;
    if (e.key === 'Escape') { e.preventDefault(); close(); }
    else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); save(); }
  };
  // A tick kept with no name (the name was not set yet) shows the name set since, marked as such: the stored
  // record and its history keep what was known at the time.
  const who = (by: string) => by || (staffName ? t('name_set_later', staffName) : t('name_not_set'));
  const id = `prl-item-${item.id}`;
  const done = entry?.done ?? false;
  // Saving: shows the tick being written; failed: shows what the store holds, marked, until retried or dismissed.
  const pending = actions.pending?.get(item.id);
  const shown = pending?.state === 'saving' ? pending.done : done;
  return (
    <div class="item" data-testid="checklist-item" data-item-id={item.id} data-done={done ? 'true' : 'false'} data-state={pending?.state}>
      {/* The click itself decides (see trusted.ts): a checkbox's change event is trusted even when a script clicked. */}
      <input id={id} type="checkbox" checked={shown} aria-describedby={`${id}-why`}
        onClick={(e) => { if (byPerson(e)) void actions.tick(item.id, (e.currentTarget as HTMLInputElement).checked); }} />
      {/* The guidance the item comes from: a tooltip on the label, and read out with the checkbox. */}
      <label for={id} title={t(item.guidanceKey)}>
        {t(item.labelKey)}
        {item.beforeProvisioning && !done && <span class="tag">{t('checklist_before_provisioning')}</span>}
      </label>
      <span id={`${id}-why`} class="visually-hidden" data-testid="checklist-guidance">{t(item.guidanceKey)}</span>
      {entry && (
        <div class="who small muted" data-testid="checklist-who">
          {entry.done
            ? item.id === 'activity-log-review'
              ? t('checklist_last_review', formatDateTime(entry.at, locale))
              : t('checklist_ticked_by', who(entry.by), formatDateTime(entry.at, locale))
            : t('checklist_unticked_by', who(entry.by), formatDateTime(entry.at, locale))}
        </div>
      )}
      {pending && (
        <div class={`small ${pending.state === 'error' ? 'error' : 'muted'}`} data-testid="checklist-item-state">
          {t(pending.state === 'error' ? 'checklist_not_saved' : 'checklist_saving')}
        </div>
      )}
      {entry?.note && !noting && <div class="note small">{entry.note}</div>}
      {noting ? (
        <form class="note-form" onSubmit={(e) => e.preventDefault()}>
          <input ref={field} aria-label={t('checklist_note_label')} aria-describedby={`${id}-note-keys`} value={note} maxLength={500}
            onInput={(e) => byPersonInput(e, note, setNote)} onKeyDown={onNoteKey} data-testid="checklist-note" />
          <span id={`${id}-note-keys`} class="visually-hidden">{t('checklist_note_keys')}</span>
          {/* Enter in the field reaches this button as a trusted click; requestSubmit() from a script does not. */}
          <button type="submit" onClick={(e) => {
            e.preventDefault();
            if (byPerson(e)) save();
          }}>{t('save')}</button>
          <button type="button" onClick={close}>{t('cancel')}</button>
        </form>
      ) : (
        <button type="button" class="link small" ref={opener} data-testid="checklist-note-open" onClick={() => { setNote(entry?.note ?? ''); setNoting(true); }} aria-label={t('checklist_add_note_for', t(item.labelKey))}>
          <span class="note-icon" aria-hidden="true">✎</span><span class="note-text">{entry?.note ? t('checklist_edit_note') : t('checklist_add_note')}</span>
        </button>
      )}
    </div>
  );
}
