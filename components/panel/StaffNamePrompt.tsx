// Asks for the staff name inline (never a blocking dialog): ticks are kept meanwhile, marked "name not set".
import { useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';

export function StaffNamePrompt({ t, onSave }: { t: Translate; onSave(name: string): Promise<void> }) {
  const [name, setName] = useState('');
  return (
    <form
      class="name-prompt"
      data-testid="staff-name-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) void onSave(name.trim());
      }}
    >
      <label for="prl-staff-name">{t('staff_name_prompt')}</label>
      <input id="prl-staff-name" data-testid="staff-name-input" value={name} maxLength={100} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      <button type="submit" data-testid="staff-name-save">{t('save')}</button>
    </form>
  );
}
