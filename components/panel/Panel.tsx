// The risk panel: score and factors, checklist, receivables and budget, alerts, facts and flags of one customer.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { PanelData } from '@/lib/messages';
import { nextStep, type ReviewInput } from '@/lib/next-step';
import type { Translate } from '@/lib/i18n';
import { AccountSection } from './AccountSection';
import { AlertsSection } from './AlertsSection';
import { ChecklistSection } from './ChecklistSection';
import { FactsSection } from './FactsSection';
import { FlagsSection } from './FlagsSection';
import { Fold, type SectionId } from './Fold';
import { NextStep, stepTarget } from './NextStep';
import { PaymentSection } from './PaymentSection';
import { ScoreSection } from './ScoreSection';
import { VerdictSection } from './VerdictSection';
import { SubscriptionWarnings } from './SubscriptionWarnings';
import { ThresholdsEditor } from './ThresholdsEditor';
import type { PanelActions } from './actions';
import { byPerson } from './trusted';
import { SyncIndicator } from '../team/SyncIndicator';
import type { SyncBrief } from '@/lib/sync/config';

/** An action that failed: shown until staff retry it or dismiss it, whatever reloads meanwhile. */
export interface Failure { message: string; onRetry?(): void; onDismiss(): void }

export interface PanelProps {
  tenantId: string;
  data?: PanelData;
  t: Translate;
  locale: string;
  open: boolean;
  onToggle(): void;
  subscriptionId?: string;
  error?: string;
  failure?: Failure;
  actions: PanelActions;
  /** What the decisions work says of this customer: a review then comes first among the next steps. */
  review?: ReviewInput;
  /** The decisions work's review section, placed with the urgent sections when a review is asked for. */
  reviewSection?: ComponentChildren;
  /** Sections folded (true) or unfolded (false) by staff; by default every section is unfolded. */
  sections?: Partial<Record<SectionId, boolean>>;
  onSection?(id: SectionId, collapsed: boolean): void;
  /** Docked as a column the page makes room for (narrow windows), `width` px wide, resizable. */
  docked?: boolean;
  width?: number;
  onResize?(width: number): void;
  /** A short screen (a laptop's): quiet sections start folded, so the panel fits; urgent ones never do. */
  compact?: boolean;
  /** Escape in the panel: fold it and give the focus back to the page. */
  onEscape?(): void;
  /** Opens the guidance at the part a factor comes from. */
  onGuidance?(part: string): void;
  /** The team's state, for the compact indicator (hidden when not connected). */
  sync?: SyncBrief;
  /** The score alone (the customer's first render in the page): the sections under it, most of the panel's
   * elements and all of its form controls, come in the next render, so the score paints sooner. */
  scoreOnly?: boolean;
}

export const PANEL_WIDTH = { min: 280, max: 640, step: 20 } as const;

export function Panel(p: PanelProps) {
  const { data, t } = p;
  const root = useRef<HTMLElement>(null);
  // A customer with no imported record and no staff change has no score: "No data", in a neutral colour.
  const level = data && (data.known ? data.risk.level : 'unknown');
  const review = data && (p.review ?? { verdictChanged: !!data.decision?.change?.changed, reviewDue: !!data.decision?.reviewDue });
  const urgent = (id: SectionId) => !!data && (id === 'alerts' ? nextStep(data, review).action === 'answer-alert'
    : id === 'account' ? data.aging.overdue : id === 'review' ? !!(review?.verdictChanged || review?.reviewDue) : id === 'checklist');
  const folded = (id: SectionId) => p.sections?.[id] ?? data?.panelSections?.[id] ?? (!!p.compact && !urgent(id));
  const onSection = (id: SectionId, collapsed: boolean) => p.onSection?.(id, collapsed);
  const fold = (id: SectionId, title: string, children: ComponentChildren) => (
    <Fold key={id} id={id} title={title} collapsed={folded(id)} onToggle={onSection} t={t}>{children}</Fold>
  );
  const onKeyDown = (e: KeyboardEvent) => {
    // A note's Escape cancels the note (it stops there); any other Escape folds the panel.
    if (e.key === 'Escape' && !e.defaultPrevented && e.isTrusted && p.onEscape) {
      e.preventDefault();
      p.onEscape();
    }
  };
  return (
    <aside
      ref={root}
      class={`panel ${p.open ? 'open' : 'closed'}${p.docked ? ' docked' : ''}${p.compact ? ' compact' : ''}`}
      style={p.open && p.width ? { width: `${p.width}px` } : undefined}
      data-testid="risk-panel"
      data-tenant-id={p.tenantId.toLowerCase()}
      data-level={level}
      data-docked={p.docked ? 'true' : undefined}
      aria-label={t('panel_title')}
      onKeyDown={onKeyDown}
    >
      {p.open && p.docked && p.onResize && <ResizeHandle width={p.width ?? 360} onResize={p.onResize} t={t} />}
      <header class="head">
        <button type="button" class="toggle" aria-expanded={p.open} onClick={(e) => { if (byPerson(e)) p.onToggle(); }} data-testid="panel-toggle">
          <span aria-hidden="true">{p.open ? '⟩' : '⟨'}</span>
          <span class="title">{t('panel_title')}</span>
          {data && <span class={`pill ${level}`}>{data.known ? `${t(`level_${data.risk.level}`)} ${data.risk.score}` : t('level_unknown')}</span>}
          {data && <VerdictPill data={data} t={t} />}
        </button>
        <SyncIndicator brief={p.sync} t={t} />
      </header>
      {p.open && (
        <div class="body">
          {p.failure && (
            <div class="error failure" role="alert" data-testid="panel-error">
              <span>{p.failure.message}</span>
              {p.failure.onRetry && <button type="button" data-testid="panel-error-retry" onClick={(e) => { if (byPerson(e)) p.failure!.onRetry!(); }}>{t('action_retry')}</button>}
              <button type="button" data-testid="panel-error-dismiss" onClick={(e) => { if (byPerson(e)) p.failure!.onDismiss(); }}>{t('action_dismiss')}</button>
            </div>
          )}
          {p.error && <p class="error" role="alert" data-testid="panel-error">{p.error}</p>}
          {!data && !p.error && <p class="muted">{t('loading')}</p>}
          {data && <Sections {...p} data={data} fold={fold} folded={folded} onSection={onSection} />}
        </div>
      )}
    </aside>
  );
}

/**
 * The sections in the order staff need them: the score and the next step, then whatever is urgent (a review asked
 * for, open alerts, an overdue balance), then the checklist, then the rest.
 */
function Sections(p: PanelProps & {
  data: PanelData; fold(id: SectionId, title: string, children: ComponentChildren): ComponentChildren;
  folded(id: SectionId): boolean; onSection(id: SectionId, collapsed: boolean): void;
}) {
  const { data, t, fold } = p;
  // The decisions work: a verdict that the customer moved away from, or whose review date passed, asks for review.
  const reviewIn = p.review ?? { verdictChanged: !!data.decision?.change?.changed, reviewDue: !!data.decision?.reviewDue };
  const step = nextStep(data, reviewIn);
  const target = stepTarget(step);
  const go = (e: Event) => {
    if (!byPerson(e) || !target) return;
    const root = (e.currentTarget as Node).getRootNode() as ParentNode;
    const focus = () => target.find(root)?.focus();
    if (p.folded(target.section)) {
      p.onSection(target.section, false);
      setTimeout(focus, 0); // once the section is back on screen
    } else focus();
  };
  const hasAlerts = data.alerts.some((a) => !a.isTest);
  const urgent = {
    review: !!(reviewIn.verdictChanged || reviewIn.reviewDue),
    alerts: step.action === 'answer-alert',
    account: data.aging.overdue,
  };
  const head = (
    <>
      <h2 class="customer">{data.customer?.name || t('customer_unnamed')}</h2>
      {!data.known && <p class="notice" data-testid="panel-unknown">{t('panel_unknown_customer')}</p>}
      {p.subscriptionId && <SubscriptionWarnings data={data} subscriptionId={p.subscriptionId} t={t} locale={p.locale} />}
      <ScoreSection data={data} t={t} locale={p.locale} onGuidance={p.onGuidance}
        nextStep={<NextStep step={step} t={t} onGo={go as () => void} hasTarget />} />
    </>
  );
  if (p.scoreOnly) return head;
  const review = fold('review', t('verdict_title'), p.reviewSection ?? <VerdictSection data={data} t={t} locale={p.locale} actions={p.actions} />);
  const alerts = hasAlerts ? fold('alerts', t('alerts_title'), <AlertsSection data={data} t={t} locale={p.locale} actions={p.actions} />) : null;
  const account = fold('account', t('account_title'), <>
    <AccountSection data={data} t={t} locale={p.locale} />
    <ThresholdsEditor data={data} t={t} actions={p.actions} />
    <PaymentSection data={data} t={t} locale={p.locale} actions={p.actions} />
  </>);
  return (
    <>
      {head}
      {urgent.review && review}
      {urgent.alerts && alerts}
      {urgent.account && account}
      {fold('checklist', t('checklist_title'), <ChecklistSection data={data} t={t} locale={p.locale} actions={p.actions} compact={p.compact} />)}
      {!urgent.account && account}
      {!urgent.alerts && alerts}
      {!urgent.review && review}
      {data.customer && fold('facts', t('facts_title'), <FactsSection data={data} t={t} actions={p.actions} />)}
      {fold('flags', t('flags_title'), <FlagsSection data={data} t={t} locale={p.locale} actions={p.actions} />)}
    </>
  );
}

/** The docked panel's left edge: drag it, or use the arrow keys on it, to change the panel's width. */
function ResizeHandle({ width, onResize, t }: { width: number; onResize(w: number): void; t: Translate }) {
  const drag = useRef<{ x: number; width: number } | undefined>(undefined);
  return (
    <div class="resize" role="separator" aria-orientation="vertical" tabIndex={0} data-testid="panel-resize"
      aria-label={t('panel_resize')} aria-valuenow={width} aria-valuemin={PANEL_WIDTH.min} aria-valuemax={PANEL_WIDTH.max}
      onPointerDown={(e) => {
        if (!e.isTrusted) return;
        drag.current = { x: e.clientX, width };
        (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => { if (drag.current) onResize(drag.current.width + (drag.current.x - e.clientX)); }}
      onPointerUp={() => { drag.current = undefined; }}
      onKeyDown={(e) => {
        if (!e.isTrusted || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
        e.preventDefault();
        onResize(width + (e.key === 'ArrowLeft' ? PANEL_WIDTH.step : -PANEL_WIDTH.step));
      }} />
  );
}

/** The verdict beside the level in the header: `none` until one is set; marked when the customer moved since. */
function VerdictPill({ data, t }: { data: NonNullable<PanelProps['data']>; t: PanelProps['t'] }) {
  const v = data.decision?.verdict;
  const changed = !!data.decision?.change?.changed;
  return (
    // No verdict yet: said to screen readers, not shown (the review section says it), so the header stays one line.
    <span class={v ? `pill verdict ${changed ? 'changed' : ''}` : 'visually-hidden'} data-testid="verdict" data-verdict={v?.verdict ?? 'none'} data-changed={changed ? 'true' : undefined}>
      {v ? (changed ? t('badge_verdict_changed', t(`verdict_${v.verdict}`)) : t(`verdict_${v.verdict}`)) : t('verdict_none_short')}
    </span>
  );
}
