// The small badge beside a customer's name: level in colour and in words, marks for overdue and budget.
// Plain DOM, not Preact: the customers list can hold thousands of them, and each must cost microseconds.
// Text goes in through textContent only.
import type { Badge } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { thresholdKey } from '@/lib/thresholds';
import { darkCss } from './dark';

export const BADGE_CSS = `
/* Negative block margins: the badge (18 px) never makes its line taller, so placing one moves nothing below it (a
   list's rows, the grid under a list of links): the browser then repaints the badge's line, not the whole page. */
:host { all: initial; display: inline-block; margin-inline-start: 6px; margin-block: -4px; vertical-align: middle; }
.b { font: 600 11px/16px system-ui, sans-serif; border-radius: 8px; padding: 0 6px; display: inline-block;
     white-space: nowrap; border: 1px solid transparent; }
.b > span + span { margin-inline-start: 4px; }
.low { background: #dff6dd; color: #0e5c0e; border-color: #9fd89f; }
.medium { background: #fff4ce; color: #6b4f00; border-color: #f2d675; }
.high { background: #fde7e9; color: #a4262c; border-color: #f1a7ad; }
.critical { background: #a4262c; color: #fff; }
.unknown { background: #f3f2f1; color: #484644; border-color: #c8c6c4; }
.od { display: inline-block; min-width: 12px; height: 12px; line-height: 12px; border-radius: 6px; background: #a4262c; color: #fff; text-align: center; font-size: 10px; }
.critical .od { background: #fff; color: #a4262c; }
/* On a dark system scheme or a dark portal theme (components/dark.ts): the same words and marks, AA contrast. */
${darkCss(`
.low { background: #0b3a0b; color: #b5e8b5; border-color: #2f7d2f; }
.medium { background: #463100; color: #ffe08a; border-color: #8a6d00; }
.high { background: #4a1216; color: #ffb3ba; border-color: #a4262c; }
.critical { background: #c50f1f; color: #fff; }
.unknown { background: #2e2e2e; color: #e6e6e6; border-color: #6e6e6e; }
.od { background: #ff99a4; color: #1f1f1f; }
.critical .od { background: #fff; color: #a4262c; }
`)}
`;

const MARK = { breached: '▲', approaching: '△', forecast: '↗' } as const;

/** Fills `el` (emptied first) with the badge: data-testid risk-badge with its data-* hooks. */
export function renderBadge(el: HTMLElement, badge: Badge, t: Translate): void {
  const level = t(`level_${badge.level}`);
  // Only the three states that call for attention are marked (not ok, stale, no budget, …).
  const budget = badge.budget && Object.hasOwn(MARK, badge.budget) ? badge.budget : undefined;
  // An unknown customer (no imported record, no staff change) has words and no score.
  const parts = [badge.level === 'unknown' || badge.score === undefined ? t('badge_title_unknown') : t('badge_title', level, badge.score)];
  if (badge.overdue) parts.push(t('badge_overdue'));
  if (budget) parts.push(t(`budget_state_${budget}`));
  if (badge.threshold) parts.push(t(`threshold_${badge.threshold.basis}`, badge.threshold.percent));
  el.className = `b ${badge.level}`;
  el.setAttribute('data-testid', 'risk-badge');
  el.setAttribute('data-tenant-id', badge.tenantId.toLowerCase());
  el.setAttribute('data-level', badge.level);
  if (badge.overdue) el.setAttribute('data-overdue', 'true');
  else el.removeAttribute('data-overdue');
  if (budget) el.setAttribute('data-budget', budget);
  else el.removeAttribute('data-budget');
  if (badge.threshold) el.setAttribute('data-threshold', thresholdKey(badge.threshold));
  else el.removeAttribute('data-threshold');
  if (badge.verdict) el.setAttribute('data-verdict', badge.verdict);
  else el.removeAttribute('data-verdict');
  if (badge.changed) el.setAttribute('data-changed', 'true');
  else el.removeAttribute('data-changed');
  if (badge.verdict) parts.push(badge.changed ? t('badge_verdict_changed', t(`verdict_${badge.verdict}`)) : t(`verdict_${badge.verdict}`));
  el.setAttribute('title', parts.join(' · '));
  el.setAttribute('aria-label', parts.join(', '));
  el.setAttribute('role', 'img');
  const doc = el.ownerDocument;
  const text = doc.createElement('span');
  text.textContent = badge.level === 'unknown' || badge.score === undefined ? level : `${level} ${badge.score}`;
  const children: Node[] = [text];
  if (badge.overdue) {
    const od = doc.createElement('span');
    od.className = 'od';
    od.setAttribute('aria-hidden', 'true');
    od.textContent = '!';
    children.push(od);
  }
  if (budget) {
    const mark = doc.createElement('span');
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = MARK[budget];
    children.push(mark);
  }
  el.replaceChildren(...children);
}

/** An unpainted badge slot is empty and carries no hooks. */
export function clearBadge(el: HTMLElement): void {
  for (const a of [...el.attributes]) el.removeAttribute(a.name);
  el.replaceChildren();
}
