// The risk badge (components/RiskBadge.ts): its data-* hooks, the level in words as well as colour, the marks
// for overdue and budget states, and text kept as text. Strings come from a stand-in `t` that echoes keys.
import { describe, expect, it } from 'vitest';
import { BADGE_CSS, clearBadge, renderBadge } from '../../components/RiskBadge';
import type { Badge } from '../../lib/messages';

const t = (key: string, ...subs: Array<string | number>) => (subs.length ? `${key}(${subs.join('|')})` : key);
const T = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const LEVELS = ['low', 'medium', 'high', 'critical'] as const;

function paint(badge: Partial<Badge> = {}, el = document.createElement('span')): HTMLElement {
  renderBadge(el, { tenantId: T, level: 'high', score: 60, overdue: false, ...badge }, t);
  return el;
}

describe('risk badge', () => {
  it('carries data-testid risk-badge, the tenant id in lower case and the level', () => {
    const b = paint({ tenantId: T.toUpperCase() });
    expect(b.getAttribute('data-testid')).toBe('risk-badge');
    expect(b.getAttribute('data-tenant-id')).toBe(T);
    expect(b.getAttribute('data-level')).toBe('high');
  });

  it.each(LEVELS)('says the level %s in words, not only in colour', (level) => {
    const b = paint({ level, score: 42 });
    expect(b.getAttribute('data-level')).toBe(level);
    // Colour: the class that the style sheet paints; words: the visible text and the accessible name.
    expect(b.classList.contains(level)).toBe(true);
    expect(BADGE_CSS).toMatch(new RegExp(`\\.${level} \\{[^}]*background:`));
    expect(b.textContent).toBe(`level_${level} 42`);
    expect(b.getAttribute('role')).toBe('img');
    expect(b.getAttribute('aria-label')).toBe(`badge_title(level_${level}|42)`);
    expect(b.getAttribute('title')).toBe(`badge_title(level_${level}|42)`);
  });

  it('shows an unknown customer as "No data": data-level unknown, a neutral colour, no score', () => {
    const b = paint({ level: 'unknown', score: undefined });
    expect(b.getAttribute('data-level')).toBe('unknown');
    expect(b.classList.contains('unknown')).toBe(true);
    expect(BADGE_CSS).toMatch(/\.unknown \{[^}]*background: #f3f2f1/);
    expect(b.textContent).toBe('level_unknown');
    expect(b.getAttribute('aria-label')).toBe('badge_title_unknown');
  });

  it('marks overdue with data-overdue="true" and says so, only when overdue', () => {
    const overdue = paint({ overdue: true });
    expect(overdue.getAttribute('data-overdue')).toBe('true');
    expect(overdue.getAttribute('aria-label')).toBe('badge_title(level_high|60), badge_overdue');
    expect(overdue.querySelector('.od')).not.toBeNull();
    const current = paint({ overdue: false });
    expect(current.hasAttribute('data-overdue')).toBe(false);
    expect(current.getAttribute('aria-label')).not.toContain('badge_overdue');
    expect(current.querySelector('.od')).toBeNull();
  });

  it.each(['breached', 'approaching', 'forecast'] as const)('marks the budget state %s', (state) => {
    const b = paint({ budget: state });
    expect(b.getAttribute('data-budget')).toBe(state);
    expect(b.getAttribute('aria-label')).toBe(`badge_title(level_high|60), budget_state_${state}`);
    expect(b.children).toHaveLength(2);
    expect(b.children[1].getAttribute('aria-hidden')).toBe('true');
    expect(b.children[1].textContent).not.toBe('');
  });

  it.each([[{ percent: 80, basis: 'actual' }, '80-actual'], [{ percent: 100, basis: 'forecast' }, '100-forecast']] as const)(
    'names the highest budget threshold crossed, %j, in data-threshold and in words', (threshold, key) => {
      const b = paint({ budget: 'approaching', threshold });
      expect(b.getAttribute('data-threshold')).toBe(key);
      expect(b.getAttribute('data-budget')).toBe('approaching');
      expect(b.getAttribute('aria-label')).toBe(`badge_title(level_high|60), budget_state_approaching, threshold_${threshold.basis}(${threshold.percent})`);
      expect(b.getAttribute('title')).toContain(`threshold_${threshold.basis}(${threshold.percent})`);
      // Repainted with none crossed, the hook goes.
      paint({}, b);
      expect(b.hasAttribute('data-threshold')).toBe(false);
      expect(b.getAttribute('aria-label')).not.toContain('threshold_');
    });

  it('gives the three budget states three different marks', () => {
    const marks = (['breached', 'approaching', 'forecast'] as const).map((budget) => paint({ budget }).children[1].textContent);
    expect(new Set(marks).size).toBe(3);
  });

  it.each([undefined, 'ok', 'stale', 'no-budget', 'no-data', 'toString'])('has no data-budget for %s', (state) => {
    const b = paint({ budget: state as Badge['budget'] });
    expect(b.hasAttribute('data-budget')).toBe(false);
    expect(b.getAttribute('aria-label')).not.toContain('budget_state');
    expect(b.children).toHaveLength(1);
  });

  it('repaints in place: a calmer state drops its marks, and old children go', () => {
    const b = paint({ level: 'critical', score: 95, overdue: true, budget: 'breached' });
    expect([b.dataset.level, b.dataset.overdue, b.dataset.budget]).toEqual(['critical', 'true', 'breached']);
    expect(b.children).toHaveLength(3);
    paint({ level: 'low', score: 5, overdue: false }, b);
    expect(b.getAttribute('data-level')).toBe('low');
    expect(b.hasAttribute('data-overdue')).toBe(false);
    expect(b.hasAttribute('data-budget')).toBe(false);
    expect(b.className).toBe('b low');
    expect(b.textContent).toBe('level_low 5');
    expect(b.children).toHaveLength(1);
  });

  it('is emptied by clearBadge, hooks and all', () => {
    const b = paint({ overdue: true, budget: 'forecast' });
    clearBadge(b);
    expect(b.attributes).toHaveLength(0);
    expect(b.childNodes).toHaveLength(0);
  });

  it('puts text in as text, whatever the strings hold', () => {
    const b = document.createElement('span');
    const evil = '<img src=x onerror="window.__pwned=1">';
    renderBadge(b, { tenantId: T, level: 'medium', score: 30, overdue: true, budget: 'approaching' }, () => evil);
    expect(b.querySelector('img')).toBeNull();
    expect(b.textContent).toContain(evil);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
