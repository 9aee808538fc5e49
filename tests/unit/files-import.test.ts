import { describe, expect, it } from 'vitest';
import { parseImportFile, type ParseContext } from '../../lib/import';
import { parseAmount, parseDate } from '../../lib/import/values';
import { BACKUP_FORMAT } from '../../lib/backup';
import { SCHEMA_VERSION as DB_VERSION } from '../../lib/schema';
import { english, englishErrors } from './english';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const ctx = (over: Partial<ParseContext['settings']> = {}, domains: Record<string, string> = {}): ParseContext => ({
  settings: { dateOrder: 'auto', decimalSeparator: 'auto', ...over },
  now: '2026-11-25T10:00:00.000Z',
  knownDomains: new Map(Object.entries(domains)),
});

describe('dates', () => {
  it.each([
    ['2026-03-04', 'auto', '2026-03-04'],
    ['2026-03-04T22:10:00Z', 'auto', '2026-03-04'],
    ['13/04/2026', 'auto', '2026-04-13'],
    ['04/13/2026', 'auto', '2026-04-13'],
    ['03/04/2026', 'mdy', '2026-03-04'],
    ['03/04/2026', 'dmy', '2026-04-03'],
    ['05/05/2026', 'auto', '2026-05-05'],
    ['2028-02-29', 'auto', '2028-02-29'],
    ['29/02/2028', 'auto', '2028-02-29'],
  ] as const)('%s (%s) is %s', (raw, order, want) => {
    expect(parseDate(raw, order)).toEqual({ ok: true, value: want });
  });
  it.each([['03/04/2026', /set the date format/], ['2027-02-29', /not a real date/], ['2026-02-30', /not a real date/], ['31/31/2026', /not a real date/], ['yesterday', /not a date/]])(
    '%s is refused', (raw, why) => {
      const r = parseDate(raw, 'auto');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(english(r.text)).toMatch(why);
    });
});

describe('amounts in minor units', () => {
  it.each([
    ['1234.5', 'USD', 'auto', 123450], ['1,234.50', 'USD', 'auto', 123450], ['1 234,50', 'EUR', 'auto', 123450],
    ['1\u202f234,50 €', 'EUR', 'auto', 123450], ['1.234,50', 'EUR', 'auto', 123450], ['$1,234,567', 'USD', 'auto', 123456700],
    ['(12.00)', 'USD', 'auto', -1200], ['-0.10', 'USD', 'auto', -10], ['0.1', 'USD', 'auto', 10], ['1234', 'JPY', 'auto', 1234],
    ['1,234', 'JPY', 'auto', 1234], ['1,234', 'USD', 'dot', 123400], ['1.234', 'EUR', 'comma', 123400], ['1,5', 'EUR', 'comma', 150], ['12.345', 'BHD', 'dot', 12345],
    ['USD 99.99', 'USD', 'auto', 9999], ['90071992547409.91', 'USD', 'auto', 9007199254740991],
  ] as const)('%s %s (%s) is %i', (raw, cur, sep, want) => {
    expect(parseAmount(raw, cur, sep)).toEqual({ ok: true, value: want });
  });
  it.each([['1,234', 'USD', /set the number format/], ['12.345', 'USD', /could be/], ['1.2.3,4,5', 'USD', /not an amount/], ['abc', 'USD', /not an amount/], ['10.123', 'EUR', /could be/], ['10.1234', 'EUR', /more decimals/]] as const)(
    '%s %s is refused', (raw, cur, why) => {
      const r = parseAmount(raw, cur, 'auto');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(english(r.text)).toMatch(why);
    });
});

describe('CSV files', () => {
  it('reads Partner Center\'s own customers export as it is, BOM included', async () => {
    const text = `\uFEFFMicrosoft ID,Company name,Primary domain name,Relationship,Tags\r\n${A.toUpperCase()},"Contoso, Ltd",contoso.onmicrosoft.com,Reseller,gold\r\n`;
    const f = await parseImportFile('Customers.csv', text, ctx());
    expect(f).toMatchObject({ kind: 'customers', format: 'csv', rowsRead: 1, valid: 1, errors: [] });
    expect(f.batch.customers).toEqual([{ tenantId: A, name: 'Contoso, Ltd', domain: 'contoso.onmicrosoft.com', relationship: 'Reseller', tags: 'gold', origin: 'import', updatedAt: '2026-11-25T10:00:00.000Z' }]);
  });

  it('knows synonyms, case and spacing, `;` separators, and the optional facts', async () => {
    const text = [
      'customer_id;CUSTOMER NAME;country/region;Payment Method;Pre-payment received;Admin access;Created;First payment',
      `${A};Contoso;France;Prepaid card;no;Full;2026-11-01;01/12/2026`,
      `${B};Fabrikam;DE;Credit card;yes;limited;;`,
    ].join('\n');
    const f = await parseImportFile('c.csv', text, ctx({ dateOrder: 'dmy' }));
    expect(englishErrors(f.errors)).toEqual([]);
    expect(f.batch.customers![0]).toMatchObject({ tenantId: A, country: 'FR', paymentInstrument: 'prepaid_card', prepaid: false, adminAccess: 'full', createdOn: '2026-11-01', firstPaymentOn: '2026-12-01' });
    expect(f.batch.customers![1]).toMatchObject({ country: 'DE', paymentInstrument: 'card', prepaid: true, adminAccess: 'limited' });
    expect(f.batch.customers![1].createdOn).toBeUndefined();
  });

  it('names each bad row by its line as a spreadsheet shows it, quoted newlines included, and keeps the good rows', async () => {
    const text = [
      'Customer ID,Company name,Notes',
      `${A},"Contoso","two`,
      `lines"`,
      'not-a-guid,Fabrikam,',
      '',
      `${B},,`,
    ].join('\n');
    const f = await parseImportFile('c.csv', text, ctx());
    expect(f.rowsRead).toBe(3);
    expect(f.valid).toBe(1);
    expect(englishErrors(f.errors)).toEqual([
      { line: 3, message: "line 3: Customer ID 'not-a-guid' is not a GUID" },
      { line: 5, message: 'line 5: Company name is empty' },
    ]);
  });

  it('reads invoices by Customer ID or Domain, defaults Paid to 0, and names unmatched domains', async () => {
    const text = [
      'Domain,Customer ID,Invoice number,Invoice date,Due date,Amount,Paid,Currency,Paid date',
      `,${A},INV-1,2026-10-01,2026-10-31,"1,200.00",,usd,`,
      'fabrikam.com,,INV-2,2026-10-01,2026-10-31,99.95,10,EUR,2026-11-02',
      'nobody.com,,INV-3,2026-10-01,2026-10-31,5,0,EUR,',
    ].join('\n');
    const f = await parseImportFile('open-items.csv', text, ctx({}, { 'fabrikam.com': B }));
    expect(f.kind).toBe('invoices');
    expect(f.asOf).toBe('2026-11-25');
    expect(f.batch.invoices).toEqual([
      { tenantId: A, number: 'INV-1', issuedOn: '2026-10-01', dueOn: '2026-10-31', amount: 120000, paid: 0, currency: 'USD' },
      { tenantId: B, number: 'INV-2', issuedOn: '2026-10-01', dueOn: '2026-10-31', amount: 9995, paid: 1000, currency: 'EUR', paidOn: '2026-11-02' },
    ]);
    expect(englishErrors(f.errors)).toEqual([{ line: 4, message: "line 4: Domain 'nobody.com' matches no known customer: import the customers first" }]);
  });

  it('reads spending snapshots, a missing budget staying absent', async () => {
    const text = `Customer ID,Monthly budget,Spend to date,As of,Currency\n${A},1000,812.34,2026-11-20,USD\n${B},,5,2026-11-20,USD\n`;
    const f = await parseImportFile('s.csv', text, ctx());
    expect(f.batch.spending).toEqual([
      { tenantId: A, budget: 100000, spendToDate: 81234, asOf: '2026-11-20', currency: 'USD' },
      { tenantId: B, spendToDate: 500, asOf: '2026-11-20', currency: 'USD' },
    ]);
  });

  it('refuses a file whose kind it cannot tell, saying what it found and what it expects', async () => {
    const f = await parseImportFile('x.csv', 'Foo,Bar\n1,2\n', ctx());
    expect(f.kind).toBe('unknown');
    expect(english(f.fatal)).toMatch(/Foo, Bar/);
    expect(english(f.fatal)).toMatch(/Expected customers/);
  });

  it('parses 100,000 rows in chunks, reporting progress along the way', async () => {
    const lines = ['Customer ID,Invoice number,Invoice date,Due date,Amount,Currency'];
    for (let i = 0; i < 100_000; i++) lines.push(`${A},INV-${i},2026-10-01,2026-10-31,${i}.25,USD`);
    const progress: number[] = [];
    const f = await parseImportFile('big.csv', lines.join('\n'), ctx(), (x) => progress.push(x));
    expect(f.valid).toBe(100_000);
    expect(f.batch.invoices!.at(-1)).toMatchObject({ number: 'INV-99999', amount: 9999925 });
    expect(progress.filter((x) => x > 0 && x < 1).length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
  }, 30_000);
});

describe('JSON files', () => {
  it('reads the REST customer collection: upper-case GUIDs, no billingProfile in a list, extra keys ignored', async () => {
    const json = JSON.stringify({ totalCount: 2, items: [
      { id: A.toUpperCase(), commerceId: 'x', companyProfile: { companyName: 'Contoso', domain: 'Contoso.onmicrosoft.com' }, billingProfile: { defaultAddress: { country: 'us' } }, relationshipToPartner: 'reseller', links: {} },
      { id: 'bad', companyProfile: { companyName: 'Broken' } },
    ], links: {}, attributes: { objectType: 'Collection' } });
    const f = await parseImportFile('customers.json', json, ctx());
    expect(f).toMatchObject({ kind: 'customers', format: 'json', rowsRead: 2, valid: 1 });
    expect(f.batch.customers![0]).toMatchObject({ tenantId: A, name: 'Contoso', domain: 'contoso.onmicrosoft.com', country: 'US', relationship: 'reseller' });
    expect(englishErrors(f.errors)).toEqual([{ line: 2, message: "item 2: id 'bad' is not a GUID" }]);
  });

  it('reads a usage summary as a spending snapshot dated by lastModifiedDate', async () => {
    const json = JSON.stringify({ resourceId: A, resourceName: 'Contoso', budget: { amount: 500 }, totalCost: 123.456, currencyCode: 'USD', lastModifiedDate: '2026-11-24T23:10:00Z' });
    const f = await parseImportFile('usage.json', json, ctx());
    // Microsoft's figures are estimates: rounded half-even to the cent, not refused.
    expect(f.batch.spending).toEqual([{ tenantId: A, budget: 50000, spendToDate: 12346, asOf: '2026-11-24', currency: 'USD' }]);
    const ok = await parseImportFile('usage.json', json.replace('123.456', '123.45'), ctx());
    expect(ok.batch.spending).toEqual([{ tenantId: A, budget: 50000, spendToDate: 12345, asOf: '2026-11-24', currency: 'USD' }]);
  });

  it('reads the subscription collection with the tenant id from links.self.uri', async () => {
    const sub = '9a9a9a9a-0000-4000-8000-000000000001';
    const json = JSON.stringify({ items: [{ id: sub, offerName: 'Azure plan', status: 'Active', creationDate: '2026-11-02T08:00:00Z', links: { self: { uri: `/customers/${A}/subscriptions/${sub}` } } }] });
    const f = await parseImportFile('subs.json', json, ctx());
    expect(f.batch.subscriptions).toEqual([{ id: sub, tenantId: A, offerName: 'Azure plan', status: 'active', createdOn: '2026-11-02', seenAt: '2026-11-25T10:00:00.000Z' }]);
  });

  it('reads fraud events: string counts, year-9999 dates, test alerts kept and marked, older events as crypto mining', async () => {
    const json = JSON.stringify([
      { eventId: 'e1', eventTime: '2026-11-24T08:00:00', customerTenantId: A.toUpperCase(), customerFriendlyName: 'Contoso', eventStatus: 'Active', hitCount: '42', resolvedOn: '9999-12-31T23:59:59Z', IsTest: 'false', displayName: 'Mining', severity: 'High' },
      { eventId: 'e2', eventTime: '2026-11-20T08:00:00Z', customerTenantId: B, eventType: 'UsageAnomalyDetection', eventStatus: 'Resolved', resolvedOn: '2026-11-21T08:00:00Z', resolvedReason: 'Fraud', IsTest: 'true' },
      { eventId: 'e3', customerTenantId: B, eventStatus: 'Open' },
    ]);
    const f = await parseImportFile('fraud.json', json, ctx());
    expect(f).toMatchObject({ kind: 'alerts', rowsRead: 3, valid: 2 });
    expect(f.batch.alerts![0]).toEqual({ id: 'e1', source: 'fraudEvents', tenantId: A, type: 'NetworkConnectionsToCryptoMiningPools', name: 'Mining', severity: 'High', status: 'active', detectedAt: '2026-11-24T08:00:00.000Z', isTest: false, hitCount: 42 });
    expect(f.batch.alerts![1]).toMatchObject({ id: 'e2', status: 'resolved', resolvedAt: '2026-11-21T08:00:00.000Z', resolvedReason: 'Fraud', isTest: true, type: 'UsageAnomalyDetection' });
    expect(f.batch.alertCustomers).toEqual([{ tenantId: A, name: 'Contoso' }, { tenantId: B, name: '' }]);
    expect(english(f.errors[0].message)).toMatch(/^item 3: .*eventTime.*status 'open'/);
  });

  it('reads Graph partner security alerts and keeps unknown types as given', async () => {
    const json = JSON.stringify({ '@odata.context': 'x', value: [{ id: 'g1', alertType: 'ARM_AnomalousResourceConsumption', displayName: 'Anomalous consumption', severity: 'high', status: 'investigating', customerTenantId: A, detectedDateTime: '2026-11-25T01:00:00Z', isTest: false, resolvedOnDateTime: '9999-12-31T00:00:00Z' }] });
    const f = await parseImportFile('alerts.json', json, ctx());
    expect(f.batch.alerts).toEqual([{ id: 'g1', source: 'graph', tenantId: A, type: 'ARM_AnomalousResourceConsumption', name: 'Anomalous consumption', severity: 'high', status: 'investigating', detectedAt: '2026-11-25T01:00:00.000Z', isTest: false }]);
  });

  it('refuses broken JSON, unknown shapes and a newer backup as whole files', async () => {
    expect(english((await parseImportFile('a.json', '{"items": [', ctx())).fatal)).toMatch(/not valid JSON/);
    expect(english((await parseImportFile('a.json', '{"hello": 1}', ctx())).fatal)).toMatch(/not a shape/);
    const newer = await parseImportFile('b.json', JSON.stringify({ format: BACKUP_FORMAT, schemaVersion: 99 }), ctx());
    expect(newer.kind).toBe('backup');
    expect(newer.fatal).toEqual({ key: 'restore_newer', subs: [99, DB_VERSION] });
  });
});
