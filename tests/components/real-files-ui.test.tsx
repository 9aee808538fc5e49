// What the real files bring, where staff see it: the import preview names the encoding and a reconciliation
// file, an undecodable file is refused in the user's language; the panel shows subscription terms and alert details.
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ImportSection } from '../../components/options/ImportSection';
import { Panel } from '../../components/panel/Panel';
import type { PanelActions } from '../../components/panel/actions';
import { budgetState } from '../../lib/budget';
import type { ParsedFile } from '../../lib/import';
import type { PanelData } from '../../lib/messages';
import { agingOf, dunningStage } from '../../lib/receivables';
import { score } from '../../lib/risk';
import { defaultSettings, type Alert, type Customer, type Subscription } from '../../lib/schema';
import { buildFacts } from '../../lib/summary';
import { wording } from '../../lib/wording';

const t = (key: string, ...subs: Array<string | number>) => (subs.length ? `${key}(${subs.join('|')})` : key);
const T = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SUB = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const NOW = '2026-11-25T12:00:00.000Z';

async function preview(file: ParsedFile) {
  render(<ImportSection t={t} locale="en" lastImport={{}} now="2026-11-25T10:00:00.000Z" onParse={vi.fn(async () => [file])} onSnapshotImpact={vi.fn(async () => 0)} onCommit={vi.fn()} />);
  const input = screen.getByTestId('import-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File(['x'], file.name)], configurable: true });
  fireEvent.change(input);
  return screen.findByTestId('import-preview');
}

describe('import preview of real files', () => {
  it('names the encoding the bytes were read as', async () => {
    const p = await preview({ name: 'Clients.csv', kind: 'customers', format: 'csv', rowsRead: 1, valid: 1, errors: [], batch: { customers: [] }, encoding: 'windows-1252' });
    expect(p.dataset.encoding).toBe('windows-1252');
    expect(within(p).getByTestId('import-encoding').textContent).toBe('import_encoding(import_encoding_windows_1252)');
  });

  it('says a reconciliation file is read for its customers and its charges are not imported', async () => {
    const p = await preview({ name: 'invoice.csv', kind: 'customers', format: 'csv', rowsRead: 1200, valid: 3, errors: [], batch: { customers: [] }, reconciliation: { kind: 'nce-invoice', charges: 1200 } });
    expect(p.dataset.reconciliation).toBe('nce-invoice');
    expect(within(p).getByTestId('import-reconciliation').textContent).toBe('import_reconciliation(import_reconciliation_nce_invoice|1200|3)');
  });

  it('refuses an undecodable file in the user’s language, with its line', async () => {
    const p = await preview({ name: 'x.csv', kind: 'unknown', format: 'csv', rowsRead: 0, valid: 0, errors: [], batch: {}, fatal: wording('import_undecodable', 7, wording('import_encoding_utf_16le')), undecodable: { line: 7, encoding: 'utf-16le' } });
    expect(within(p).getByTestId('import-fatal').textContent).toBe('import_undecodable(7|import_encoding_utf_16le)');
  });
});

function data(subscriptions: Subscription[], alerts: Alert[]): PanelData {
  const customer: Customer = { tenantId: T, name: 'Société Générale Équipements', updatedAt: NOW };
  const records = { invoices: [], checklist: [], flags: [], subscriptions, spending: [], alerts };
  const settings = defaultSettings();
  const facts = buildFacts(records);
  const aging = agingOf(facts.openInvoices, '2026-11-25');
  return {
    tenantId: T, known: true, customer, facts, risk: score(customer, facts, settings, '2026-11-25', NOW), aging,
    dunning: dunningStage(aging.oldestDaysPastDue, settings.dunning), budget: budgetState(facts.spending, settings, '2026-11-25'),
    checklist: [], history: [], flags: [], alerts, subscriptions, staffName: 'Ana', panelOpen: true, today: '2026-11-25', now: NOW,
  };
}
const actions = (): PanelActions => ({
  tick: vi.fn(), setStaffName: vi.fn(), updateFacts: vi.fn(), addFlag: vi.fn(), resolveFlag: vi.fn(), triageAlert: vi.fn(), nameMissing: false,
} as unknown as PanelActions);

describe('panel: the facts a risk review weighs', () => {
  it("shows a subscription's quantity and terms on its page", () => {
    const sub: Subscription = { id: SUB, tenantId: T, offerName: 'Microsoft 365 E3', status: 'active', seenAt: NOW, quantity: 250, billingCycle: 'monthly', termDuration: 'P1Y', commitmentEndDate: '2027-10-01', isTrial: true, autoRenewEnabled: false };
    render(<Panel tenantId={T} data={data([sub], [])} t={t} locale="en" open onToggle={vi.fn()} subscriptionId={SUB} actions={actions()} />);
    const terms = screen.getByTestId('subscription-terms');
    expect(terms.dataset.quantity).toBe('250');
    expect(terms.textContent).toContain('sub_quantity(250)');
    expect(terms.textContent).toContain('sub_billing_cycle(monthly)');
    expect(terms.textContent).toContain('sub_term(P1Y)');
    expect(terms.textContent).toMatch(/sub_commitment_end\(.*2027/);
    expect(terms.textContent).toContain('sub_trial');
    expect(terms.textContent).toContain('sub_auto_renew_off');
  });

  it("shows an alert's confidence, last sighting and how many resources it touches", () => {
    const alert: Alert = {
      id: 'e1', source: 'fraudEvents', tenantId: T, type: 'UsageAnomalyDetection', name: 'Usage anomaly', status: 'active', detectedAt: '2026-11-25T08:00:00.000Z', isTest: false,
      confidenceLevel: 'High', lastObservedAt: '2026-11-25T10:00:00.000Z', affectedResources: ['vm1', 'vm2', 'vm3'],
    };
    render(<Panel tenantId={T} data={data([], [alert])} t={t} locale="en" open onToggle={vi.fn()} actions={actions()} />);
    const details = screen.getByTestId('alert-details');
    expect(details.dataset.affected).toBe('3');
    expect(details.textContent).toContain('alert_confidence(High)');
    expect(details.textContent).toContain('alert_affected_resources(3)');
    expect(details.textContent).toMatch(/alert_last_observed\(.*2026/);
  });
});
