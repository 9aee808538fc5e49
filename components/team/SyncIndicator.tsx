// The team's state in a few words, for the panel and the popup (the options page's "Team" section says more).
import type { Translate } from '@/lib/i18n';
import type { SyncBrief } from '@/lib/sync/config';

export function SyncIndicator({ brief, t }: { brief?: SyncBrief; t: Translate }) {
  const state = brief?.state ?? 'off';
  const pending = brief?.pending ?? 0;
  const words = state === 'off' ? '' : pending > 0 && state !== 'error' ? t('sync_indicator_pending', t(`sync_short_${state}`), pending) : t(`sync_short_${state}`);
  return (
    <span class={`sync-indicator ${state}`} data-testid="sync-indicator" data-state={state} data-pending={pending} hidden={state === 'off'}
      title={brief?.problem ? t(brief.problem, brief.httpStatus ?? '') : undefined}>
      {words}
    </span>
  );
}
