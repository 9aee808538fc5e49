// A panel section staff can fold: folded, only its title shows, as a button that unfolds it.
import type { ComponentChildren } from 'preact';
import type { Translate } from '@/lib/i18n';
import { byPerson } from './trusted';

export type SectionId = 'checklist' | 'account' | 'alerts' | 'facts' | 'flags' | 'review';

export function Fold({ id, title, collapsed, onToggle, t, children }: {
  id: SectionId; title: string; collapsed: boolean; onToggle(id: SectionId, collapsed: boolean): void; t: Translate; children: ComponentChildren;
}) {
  const toggle = (e: Event) => { if (byPerson(e)) onToggle(id, !collapsed); };
  if (collapsed) {
    return (
      <div class="fold folded section" data-section={id}>
        <button type="button" class="fold-toggle" aria-expanded="false" data-testid="section-toggle" data-section={id} onClick={toggle}>
          <span aria-hidden="true">▸ </span>{title}
        </button>
      </div>
    );
  }
  return (
    <div class="fold" data-section={id}>
      <button type="button" class="fold-icon" aria-expanded="true" aria-label={t('section_collapse', title)} title={t('section_collapse', title)}
        data-testid="section-toggle" data-section={id} onClick={toggle}>▾</button>
      {children}
    </div>
  );
}
