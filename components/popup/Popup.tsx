// The toolbar popup: overdue accounts, budget states, high risk, security alerts and snoozed rows, in tabs.
import { useMemo, useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';
import { daysSince, staleReceivablesDays } from '@/lib/freshness';
import { DATA_KINDS } from '@/lib/import/data-kinds';
import type { Meta } from '@/lib/schema';
import { attentionCount } from '@/lib/attention';
import { searchFilter, type AlertStats, type RowBase, type TriageLists } from '@/lib/triage';
import { formatDuration } from '../panel/format';
import { AlertItem, BudgetItem, OverdueItem, ReviewItem, RiskItem, SnoozedItem, type RowActions } from './rows';
import { Windowed } from './Windowed';

export type TabId = 'overdue' | 'budget' | 'risk' | 'alerts' | 'review' | 'snoozed';
const TABS: TabId[] = ['overdue', 'budget', 'risk', 'alerts', 'review', 'snoozed'];
const FILTERS: Record<TabId, string[]> = {
  overdue: ['1-30', '31-60', '61-90', '91+'],
  budget: ['breached', 'approaching', 'forecast'],
  risk: ['critical', 'high'],
  alerts: ['overdue', 'due'],
  review: ['no-verdict', 'changed', 'review-due'],
  snoozed: [],
};
const ROW_HEIGHT = 56;

export interface PopupProps {
  lists?: TriageLists;
  stats?: AlertStats;
  meta?: Meta;
  /** Known customers (an imported record or a staff change); at 0 the popup says what to import. */
  customers: number;
  t: Translate;
  locale: string;
  today: string;
  now: string;
  error?: string;
  actions: RowActions & { openOptions(): void };
  initialTab?: TabId;
  /** Only the head of the overdue list is loaded yet: other counts are not known. */
  pending?: boolean;
}

function stateOf(tab: TabId, row: unknown): string {
  const r = row as Record<string, any>;
  if (tab === 'overdue') return r.aging.bucket;
  if (tab === 'budget') return r.budget.state;
  if (tab === 'risk') return r.risk.level;
  if (tab === 'alerts') return r.response;
  if (tab === 'review') return r.why;
  return '';
}

export function Popup(p: PopupProps) {
  const { t, lists } = p;
  const [tab, setTab] = useState<TabId>(p.initialTab ?? 'overdue');
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState('');
  // The overdue list in its order of severity, or by the next dunning action's due date (soonest first, none last).
  const [sort, setSort] = useState<'severity' | 'next-action'>('severity');
  // Each list searched once per query (not once per tab label and render): at 30,000 rows a keystroke stays quick.
  const matched = useMemo(() => {
    if (!lists) return undefined;
    const match = searchFilter(query);
    return Object.fromEntries(TABS.map((id) => [id, (lists[id] as RowBase[]).filter(match)])) as Record<TabId, RowBase[]>;
  }, [lists, query]);
  const attention = useMemo(() => (lists ? attentionCount(lists) : undefined), [lists]);
  if (p.error) return <main class="popup"><p class="error" role="alert">{p.error}</p></main>;
  if (!lists || !matched) return <main class="popup"><p class="muted">{t('loading')}</p></main>;

  const rowsOf = (id: TabId) => (filter && id === tab ? matched[id].filter((r) => stateOf(id, r) === filter) : matched[id]);
  const listed = rowsOf(tab);
  const shown = tab === 'overdue' && sort === 'next-action'
    ? [...listed].sort((a, b) => (nextDue(a) ?? '9999').localeCompare(nextDue(b) ?? '9999'))
    : listed;
  const staleDays = staleReceivablesDays(p.meta?.lastImport, Date.parse(p.now));
  const common = { t, locale: p.locale, actions: p.actions, today: p.today };

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : undefined;
    if (!next) return;
    e.preventDefault();
    setTab(next); setFilter('');
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  };

  return (
    <main class="popup">
      <header class="top">
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={p.actions.openOptions}>{t('popup_options')}</button>
      </header>
      {p.customers === 0 ? (
        <p class="empty" data-testid="popup-empty">{t('popup_empty_no_data')}{' '}
          <button type="button" class="link" onClick={p.actions.openOptions}>{t('popup_open_options')}</button></p>
      ) : null}
      <AttentionLine t={t} count={p.pending ? undefined : attention} />
      {staleDays !== undefined && <p class="warn small" data-testid="popup-stale">{t('popup_receivables_stale', staleDays)}</p>}
      <div class="search">
        <input type="search" data-testid="popup-search" aria-label={t('popup_search')} placeholder={t('popup_search')} value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        {FILTERS[tab].length > 0 && (
          <select aria-label={t('popup_filter')} data-testid="popup-filter" value={filter} onChange={(e) => setFilter((e.target as HTMLSelectElement).value)}>
            <option value="">{t('popup_filter_all')}</option>
            {FILTERS[tab].map((f) => <option key={f} value={f}>{t(`filter_${tab}_${f.replace(/[-+]/g, '_')}`)}</option>)}
          </select>
        )}
        {tab === 'overdue' && (
          <select aria-label={t('popup_sort')} data-testid="popup-sort" value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as typeof sort)}>
            <option value="severity">{t('popup_sort_severity')}</option>
            <option value="next-action">{t('popup_sort_next_action')}</option>
          </select>
        )}
      </div>
      <div role="tablist" aria-label={t('popup_lists')} class="tabs" onKeyDown={onTabKey}>
        {TABS.map((id) => (
          <button key={id} id={`tab-${id}`} role="tab" type="button" aria-selected={tab === id} aria-controls={`panel-${id}`} tabIndex={tab === id ? 0 : -1}
            data-tab={id} onClick={() => { setTab(id); setFilter(''); }}>
            {t(`tab_${id}`)} ({p.pending ? '…' : rowsOf(id).length})
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="list">
        {tab === 'budget' && (
          <p class="small muted" data-testid="budget-coverage">{t('popup_budget_coverage', lists.budgetCoverage.withBudget, lists.budgetCoverage.total)}</p>
        )}
        {tab === 'alerts' && p.stats && (
          <p class="small" data-testid="alert-response-stats">
            {p.stats.resolved === 0
              ? t('alerts_stats_none')
              : t('alerts_stats', p.stats.resolved, formatDuration(p.stats.averageMs ?? 0, t), p.stats.slow)}
          </p>
        )}
        {shown.length === 0 ? (
          <p class="empty" data-testid="popup-list-empty">{query || filter ? t('popup_no_match') : t(`popup_empty_${tab}`)}</p>
        ) : (
          <Windowed items={shown} rowHeight={ROW_HEIGHT} height={380} label={t(`tab_${tab}`)} render={(row, i, style) => {
            const props = { ...common, style, key: `${row.tenantId}-${row.reason}-${i}` };
            if (tab === 'overdue') return <OverdueItem row={row as never} {...props} />;
            if (tab === 'budget') return <BudgetItem row={row as never} {...props} />;
            if (tab === 'risk') return <RiskItem row={row as never} {...props} />;
            if (tab === 'review') return <ReviewItem row={row as never} {...props} />;
            if (tab === 'alerts') return <AlertItem row={row as never} {...props} key={(row as never as { alert: { id: string } }).alert.id} />;
            return <SnoozedItem row={row as never} {...props} />;
          }} />
        )}
      </section>
      <LastImports meta={p.meta} t={t} now={p.now} />
    </main>
  );
}

const nextDue = (row: RowBase) => (row as { decision?: { nextActionDue?: string } }).decision?.nextActionDue;

/** How many customers the toolbar badge counts, and what it counts: the same rule as the badge (lib/attention). */
function AttentionLine({ t, count }: { t: Translate; count?: number }) {
  return <p class="small" data-testid="popup-attention">{count === 1 ? t('popup_attention_one') : t('popup_attention', count ?? '…')}</p>;
}


/** When each kind of data was last imported, in days: staff see how fresh the lists are. */
function LastImports({ meta, t, now }: { meta?: Meta; t: Translate; now: string }) {
  const known = DATA_KINDS.filter((k) => meta?.lastImport[k]);
  if (!known.length) return null;
  return (
    <p class="small muted footer" data-testid="popup-last-import">
      {known.map((k) => t('popup_last_import', t(`import_kind_${k}`), daysSince(meta!.lastImport[k]!, Date.parse(now)))).join(' · ')}
    </p>
  );
}
