// Facts no export carries, set by staff: payment instrument, pre-payment received, admin access.
import type { PanelData } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import type { PanelActions } from './actions';
import { byPerson } from './trusted';

const INSTRUMENTS = ['invoice', 'bank_transfer', 'direct_debit', 'card', 'prepaid_card', 'unknown'] as const;
const ACCESS = ['none', 'limited', 'full'] as const;

export function FactsSection({ data, t, actions }: { data: PanelData; t: Translate; actions: PanelActions }) {
  const c = data.customer;
  if (!c) return null;
  const prepaid = c.prepaid === undefined ? '' : c.prepaid ? 'yes' : 'no';
  // A select's change is trusted only when a person made it; otherwise the select shows the store's value again.
  const edit = (e: Event, was: string, patch: (v: string) => Parameters<PanelActions['updateFacts']>[0]) => {
    const select = e.currentTarget as HTMLSelectElement;
    if (!byPerson(e)) { select.value = was; return; }
    void actions.updateFacts(patch(select.value));
  };
  return (
    <section class="section" aria-labelledby="prl-facts" data-testid="panel-facts">
      <h3 id="prl-facts">{t('facts_title')}</h3>
      <div class="grid">
        <label for="prl-instrument">{t('facts_payment_instrument')}</label>
        <select id="prl-instrument" data-testid="fact-payment-instrument" value={c.paymentInstrument ?? ''}
          onChange={(e) => edit(e, c.paymentInstrument ?? '', (v) => ({ paymentInstrument: (v || null) as never }))}>
          <option value="">{t('fact_unknown')}</option>
          {INSTRUMENTS.map((i) => <option key={i} value={i}>{t(`instrument_${i}`)}</option>)}
        </select>
        <label for="prl-prepaid">{t('facts_prepaid')}</label>
        <select id="prl-prepaid" data-testid="fact-prepaid" value={prepaid}
          onChange={(e) => edit(e, prepaid, (v) => ({ prepaid: v === '' ? null : v === 'yes' }))}>
          <option value="">{t('fact_unknown')}</option>
          <option value="yes">{t('yes')}</option>
          <option value="no">{t('no')}</option>
        </select>
        <label for="prl-admin">{t('facts_admin_access')}</label>
        <select id="prl-admin" data-testid="fact-admin-access" value={c.adminAccess ?? ''}
          onChange={(e) => edit(e, c.adminAccess ?? '', (v) => ({ adminAccess: (v || null) as never }))}>
          <option value="">{t('fact_unknown')}</option>
          {ACCESS.map((a) => <option key={a} value={a}>{t(`access_${a}`)}</option>)}
        </select>
      </div>
    </section>
  );
}
