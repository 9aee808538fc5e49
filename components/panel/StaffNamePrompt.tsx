// Asks for the staff name (never a blocking dialog): ticks are kept meanwhile, marked "name not set". The name is
// typed on the options page, out of the portal page's reach: a field here, a page script could fill.
import type { Translate } from '@/lib/i18n';
import { byPerson } from './trusted';

export function StaffNamePrompt({ t, onOpenOptions }: { t: Translate; onOpenOptions(): Promise<void> }) {
  return (
    <div class="name-prompt" data-testid="staff-name-prompt">
      <span>{t('staff_name_prompt')}</span>
      <button type="button" data-testid="staff-name-open-options" onClick={(e) => { if (byPerson(e)) void onOpenOptions(); }}>
        {t('staff_name_open_options')}
      </button>
    </div>
  );
}
