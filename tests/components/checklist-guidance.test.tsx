import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ChecklistSection } from '../../components/panel/ChecklistSection';
import type { PanelActions } from '../../components/panel/actions';
import { CHECKLIST } from '../../lib/checklist';
import type { PanelData } from '../../lib/messages';
import { emptyFacts } from '../../lib/schema';

const t = (key: string) => `«${key}»`;

describe('checklist guidance', () => {
  it('gives each item the guidance it comes from, as a tooltip and as the checkbox\'s description', () => {
    const data = { checklist: [], facts: emptyFacts(), staffName: 'Ana' } as unknown as PanelData;
    const actions = { tick: vi.fn(), openOptions: vi.fn(), nameMissing: false } as unknown as PanelActions;
    render(<ChecklistSection data={data} t={t} locale="en" actions={actions} />);
    for (const item of CHECKLIST) {
      const row = screen.getAllByTestId('checklist-item').find((r) => r.dataset.itemId === item.id)!;
      const box = within(row).getByRole('checkbox');
      const why = document.getElementById(box.getAttribute('aria-describedby')!)!;
      expect(why.textContent).toBe(`«${item.guidanceKey}»`);
      expect(row.querySelector('label')!.getAttribute('title')).toBe(`«${item.guidanceKey}»`);
    }
  });
});
