// The small badge beside a customer's name: level in colour and in words, marks for overdue and budget.
import type { Badge } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';

export const BADGE_CSS = `
:host { all: initial; display: inline-block; margin-inline-start: 6px; vertical-align: middle; }
.b { font: 600 11px/16px system-ui, sans-serif; border-radius: 8px; padding: 0 6px; display: inline-flex; gap: 4px;
     align-items: center; white-space: nowrap; border: 1px solid transparent; }
.low { background: #dff6dd; color: #0e5c0e; border-color: #9fd89f; }
.medium { background: #fff4ce; color: #6b4f00; border-color: #f2d675; }
.high { background: #fde7e9; color: #a4262c; border-color: #f1a7ad; }
.critical { background: #a4262c; color: #fff; }
.od { display: inline-block; min-width: 12px; height: 12px; line-height: 12px; border-radius: 6px; background: #a4262c; color: #fff; text-align: center; font-size: 10px; }
.critical .od { background: #fff; color: #a4262c; }
`;

const MARK = { breached: '▲', approaching: '△', forecast: '↗' } as const;

export function RiskBadge({ badge, t }: { badge: Badge; t: Translate }) {
  const level = t(`level_${badge.level}`);
  const parts = [t('badge_title', level, badge.score)];
  if (badge.overdue) parts.push(t('badge_overdue'));
  if (badge.budget) parts.push(t(`budget_state_${badge.budget}`));
  return (
    <span
      data-testid="risk-badge"
      data-tenant-id={badge.tenantId}
      data-level={badge.level}
      data-overdue={badge.overdue ? 'true' : undefined}
      data-budget={badge.budget}
      class={`b ${badge.level}`}
      title={parts.join(' · ')}
      aria-label={parts.join(', ')}
      role="img"
    >
      <span>{level} {badge.score}</span>
      {badge.overdue && <span class="od" aria-hidden="true">!</span>}
      {badge.budget && <span aria-hidden="true">{MARK[badge.budget]}</span>}
    </span>
  );
}
