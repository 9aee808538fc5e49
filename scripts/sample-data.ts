// Sample data for the demo and the real-browser tests, dated relative to today so that it never goes stale:
// Partner Center's customers export (with the columns staff add), open invoices from a billing system,
// spending snapshots and Microsoft's fraud events, in the formats the options page imports.
import { SAMPLE_CUSTOMERS, type PortalCustomer } from '../tests/e2e/portal-site/fixtures';

export interface SampleFile { name: string; mimeType: string; buffer: Buffer }

// Realistic names only: the test fixtures' name with markup (an injection payload) belongs to the tests, not the pictures.
export const DEMO_CUSTOMERS: PortalCustomer[] = [
  ...SAMPLE_CUSTOMERS.map((c) => (/[<>]/.test(c.name) ? { ...c, name: 'Tailspin Toys' } : c)),
  { tenantId: '55555555-5555-4555-8555-555555555555', name: 'Wide World Importers', domain: 'wideworld.onmicrosoft.com' },
  { tenantId: '66666666-6666-4666-8666-666666666666', name: 'Adventure Works', domain: 'adventureworks.onmicrosoft.com' },
  { tenantId: '77777777-7777-4777-8777-777777777777', name: 'Litware SARL', domain: 'litware.onmicrosoft.com' },
  { tenantId: '88888888-8888-4888-8888-888888888888', name: 'Proseware GmbH', domain: 'proseware.onmicrosoft.com' },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (today: Date, n: number) => iso(new Date(today.getTime() - n * 86_400_000));
const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
const file = (name: string, text: string, mimeType = 'text/csv'): SampleFile => ({ name, mimeType, buffer: Buffer.from(text, 'utf8') });

export function sampleFiles(today = new Date()): SampleFile[] {
  const [contoso, fabrikam, northwind, tailspin, wide, adventure, litware, proseware] = DEMO_CUSTOMERS;
  const facts: Record<string, [country: string, instrument: string, prepaid: string, admin: string, created: string]> = {
    [contoso.tenantId]: ['US', 'Invoice', 'yes', 'limited', daysAgo(today, 900)],
    [fabrikam.tenantId]: ['US', 'Prepaid card', 'no', 'full', daysAgo(today, 12)],
    [northwind.tenantId]: ['GB', 'Direct debit', 'yes', 'limited', daysAgo(today, 400)],
    [tailspin.tenantId]: ['VN', 'Credit card', 'no', 'full', daysAgo(today, 20)],
    [wide.tenantId]: ['FR', 'Bank transfer', 'yes', 'none', daysAgo(today, 700)],
    [adventure.tenantId]: ['DE', 'Invoice', '', '', daysAgo(today, 300)],
    [litware.tenantId]: ['FR', 'Invoice', 'yes', 'limited', daysAgo(today, 200)],
    [proseware.tenantId]: ['DE', 'Credit card', 'no', 'limited', daysAgo(today, 60)],
  };
  const customers = csv([
    ['Microsoft ID', 'Company name', 'Primary domain name', 'Relationship', 'Tags', 'Country', 'Payment instrument', 'Prepaid', 'Admin access', 'Created'],
    ...DEMO_CUSTOMERS.map((c) => [c.tenantId, c.name, c.domain, 'Reseller', '', ...facts[c.tenantId]]),
  ]);
  const inv = (c: PortalCustomer, n: string, dueAgo: number, amount: string, paid: string, cur: string) =>
    [c.tenantId, n, daysAgo(today, dueAgo + 30), daysAgo(today, dueAgo), amount, paid, cur];
  const invoices = csv([
    ['Customer ID', 'Invoice number', 'Invoice date', 'Due date', 'Amount', 'Paid', 'Currency'],
    inv(fabrikam, 'INV-1001', 95, '12000.00', '0', 'USD'),
    inv(fabrikam, 'INV-1002', 20, '4000.00', '1000.00', 'USD'),
    inv(tailspin, 'INV-2001', 40, '2500.50', '0', 'USD'),
    inv(proseware, 'INV-3001', 10, '980.00', '0', 'EUR'),
    inv(adventure, 'INV-4001', 62, '15000.00', '5000.00', 'EUR'),
    inv(contoso, 'INV-5001', -10, '3000.00', '0', 'USD'),
  ]);
  const d = today.getUTCDate();
  const asOf = iso(today);
  const lastMonth = iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 15)));
  const spending = csv([
    ['Customer ID', 'Monthly budget', 'Spend to date', 'As of', 'Currency'],
    [contoso.tenantId, '10000', (9000 * Math.min(1, d / 28)).toFixed(2), asOf, 'USD'],
    [northwind.tenantId, '5000', '5600.00', asOf, 'GBP'],
    [wide.tenantId, '8000', '6500.00', asOf, 'EUR'],
    // Last month's run-rate (45 a day) lets a forecast start on the 1st; this month's (150 a day) is a spike.
    [tailspin.tenantId, '1800', '675.00', lastMonth, 'USD'],
    [tailspin.tenantId, '1800', (150 * d).toFixed(2), asOf, 'USD'],
    [litware.tenantId, '', '1200.00', asOf, 'EUR'],
  ]);
  const hoursAgo = (h: number) => new Date(today.getTime() - h * 3_600_000).toISOString();
  const fraudEvents = JSON.stringify([
    {
      eventId: 'fe-0001', eventTime: hoursAgo(30), customerTenantId: tailspin.tenantId.toUpperCase(), customerFriendlyName: tailspin.name,
      subscriptionId: '9a9a9a9a-0000-4000-8000-000000000001', subscriptionName: 'Azure plan', eventType: 'NetworkConnectionsToCryptoMiningPools',
      eventStatus: 'Active', severity: 'High', confidenceLevel: 'High', displayName: 'Connections to crypto-mining pools',
      description: 'Virtual machines connected to known mining pools.', hitCount: '42', resolvedOn: '9999-12-31T23:59:59Z', IsTest: 'false', extra: { ignored: true },
    },
    {
      eventId: 'fe-0002', eventTime: hoursAgo(3), customerTenantId: fabrikam.tenantId, customerFriendlyName: fabrikam.name,
      subscriptionId: '9a9a9a9a-0000-4000-8000-000000000002', subscriptionName: 'Azure plan', eventType: 'UsageAnomalyDetection',
      eventStatus: 'Investigating', severity: 'Medium', displayName: 'Usage anomaly', hitCount: '3', resolvedOn: '9999-12-31T23:59:59Z', IsTest: 'false',
    },
    {
      eventId: 'fe-0003', eventTime: hoursAgo(50), customerTenantId: contoso.tenantId, customerFriendlyName: contoso.name,
      subscriptionId: '9a9a9a9a-0000-4000-8000-000000000003', eventType: 'VirtualMachineDeploymentAnomaly', eventStatus: 'Active',
      severity: 'Low', displayName: 'Test alert', hitCount: '1', resolvedOn: '9999-12-31T23:59:59Z', IsTest: 'true',
    },
  ], null, 2);
  // Microsoft Graph's partner security alerts ({ value: [...] }): no customer name, newer type names.
  const graphAlerts = JSON.stringify({
    '@odata.context': 'https://graph.microsoft.com/beta/$metadata#security/partner/securityAlerts',
    value: [{
      id: 'ga-0001', displayName: 'Anomalous resource consumption', alertType: 'ARM_AnomalousResourceConsumption', severity: 'high',
      status: 'active', confidenceLevel: 'high', customerTenantId: northwind.tenantId.toUpperCase(), subscriptionId: '9a9a9a9a-0000-4000-8000-000000000004',
      detectedDateTime: hoursAgo(10), firstObservedDateTime: hoursAgo(11), resolvedOnDateTime: null, isTest: false,
      description: 'Compute consumption far above this subscription\'s usual pattern.',
    }],
  }, null, 2);
  return [
    file('Customers.csv', customers),
    file('open-invoices.csv', invoices),
    file('spending.csv', spending),
    file('fraud-events.json', fraudEvents, 'application/json'),
    file('security-alerts.json', graphAlerts, 'application/json'),
  ];
}
