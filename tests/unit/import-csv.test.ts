// CSV imports: kinds from header rows, synonyms, separators, quoting, line numbers of bad rows, large files.
import { describe, expect, it } from 'vitest';
import { detectKind, parseImportFile, type ParseContext } from '../../lib/import';
import { Customer, Invoice, Spending, Subscription } from '../../lib/schema';
import { english, englishErrors } from './english';

const A = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const B = '6b1d7c2a-8e4f-4c1b-b2d3-9f8e7a6b5c41';
const S1 = '0c4f5e2a-1b3d-4e5f-8a9b-0c1d2e3f4a51';
const NOW = '2026-11-25T10:00:00.000Z';
const ctx = (settings: Partial<ParseContext['settings']> = {}, domains: Record<string, string> = {}): ParseContext => ({
  settings: { dateOrder: 'auto', decimalSeparator: 'auto', ...settings },
  now: NOW,
  knownDomains: new Map(Object.entries(domains)),
});
const parse = (text: string, c = ctx(), name = 'file.csv') => parseImportFile(name, text, c);

describe('kind detection from the header row', () => {
  it.each([
    [['Microsoft ID', 'Company name', 'Primary domain name', 'Relationship', 'Tags'], 'customers'],
    [['customer_id', 'CUSTOMER NAME'], 'customers'],
    [['Tenant ID', 'Name', 'Country/region'], 'customers'],
    [['CustomerId', 'CustomerName', 'CustomerDomainName', 'CustomerCountry', 'InvoiceNumber', 'SubscriptionId', 'ChargeType', 'UnitPrice'], 'customers'],
    [['Customer ID', 'Invoice number', 'Invoice date', 'Due date', 'Amount', 'Currency'], 'invoices'],
    [['Domain', 'Invoice no.', 'Issue date', 'Due', 'Total', 'Currency'], 'invoices'],
    [['Customer ID', 'Monthly budget', 'Spend to date', 'As of', 'Currency'], 'spending'],
    [['Customer ID', 'Subscription ID', 'Offer', 'Status', 'Created'], 'subscriptions'],
    [['Customer-ID', 'Subscription_ID'], 'subscriptions'],
    [['Subscription ID', 'Subscription', 'Quantity', 'Status', 'Reseller'], 'unknown'],
    [['Foo', 'Bar'], 'unknown'],
    [[], 'unknown'],
  ] as const)('%j is %s', (headers, kind) => {
    expect(detectKind([...headers])).toBe(kind);
  });
});

describe('customers', () => {
  it("imports Partner Center's own export exactly as it is: BOM, CRLF, quoted commas, upper-case GUIDs", async () => {
    const text = `\uFEFFMicrosoft ID,Company name,Primary domain name,Relationship,Tags\r\n${A.toUpperCase()},"Contoso, Ltd",Contoso.onmicrosoft.com,Reseller,"gold, EMEA"\r\n${B},Fabrikam,fabrikam.onmicrosoft.com,Indirect reseller,\r\n`;
    const f = await parse(text, ctx(), 'Customers.csv');
    expect(f).toMatchObject({ name: 'Customers.csv', kind: 'customers', format: 'csv', rowsRead: 2, valid: 2, errors: [] });
    expect(f.fatal).toBeUndefined();
    expect(f.batch).toEqual({
      customers: [
        { tenantId: A, name: 'Contoso, Ltd', domain: 'contoso.onmicrosoft.com', relationship: 'Reseller', tags: 'gold, EMEA', origin: 'import', updatedAt: NOW },
        { tenantId: B, name: 'Fabrikam', domain: 'fabrikam.onmicrosoft.com', relationship: 'Indirect reseller', origin: 'import', updatedAt: NOW },
      ],
    });
    for (const c of f.batch.customers!) expect(Customer.safeParse(c).success).toBe(true);
  });

  it.each([
    ['Customer ID', 'Company name', 'Domain', 'Country'],
    ['Tenant ID', 'Customer name', 'Primary domain', 'Country/region'],
    ['CustomerId', 'CustomerName', 'CustomerDomainName', 'CustomerCountry'],
    ['Customer tenant ID', 'Name', 'Primary domain name', 'country / region'],
    ['MICROSOFT_ID', 'company-name', 'primary  domain', 'COUNTRY'],
  ])('knows the synonyms %s, %s, %s, %s', async (...headers) => {
    const f = await parse(`${headers.join(',')}\n${A},Contoso,contoso.com,France\n`);
    expect(englishErrors(f.errors)).toEqual([]);
    expect(f.batch.customers).toEqual([{ tenantId: A, name: 'Contoso', domain: 'contoso.com', country: 'FR', origin: 'import', updatedAt: NOW }]);
  });

  it('reads the optional facts: payment instrument, pre-payment (not a prepaid card), admin access, dates', async () => {
    const text = [
      'Customer ID,Company name,Payment instrument,Prepaid,Admin access,Created,First payment',
      `${A},Contoso,Prepaid card,yes,Full,2026-11-01,2026-11-03`,
      `${B},Fabrikam,Bank transfer,0,limited,13/10/2026,`,
    ].join('\n');
    const f = await parse(text);
    expect(englishErrors(f.errors)).toEqual([]);
    expect(f.batch.customers![0]).toMatchObject({ paymentInstrument: 'prepaid_card', prepaid: true, adminAccess: 'full', createdOn: '2026-11-01', firstPaymentOn: '2026-11-03' });
    expect(f.batch.customers![1]).toMatchObject({ paymentInstrument: 'bank_transfer', prepaid: false, adminAccess: 'limited', createdOn: '2026-10-13' });
    expect(f.batch.customers![1]).not.toHaveProperty('firstPaymentOn');
  });

  it.each(['Pre-payment received', 'Prepayment', 'PREPAID'])('reads %j as pre-payment received', async (header) => {
    const f = await parse(`Customer ID,Company name,${header}\n${A},Contoso,no\n`);
    expect(f.batch.customers![0].prepaid).toBe(false);
    expect(f.batch.customers![0].paymentInstrument).toBeUndefined();
  });

  it('needs only Customer ID and Company name; a file without a name column says which column is missing', async () => {
    expect((await parse(`Customer ID,Company name\n${A},Contoso\n`)).valid).toBe(1);
    const f = await parse(`Customer ID,Company name\n${A},\n`);
    expect(englishErrors(f.errors)).toEqual([{ line: 2, message: 'line 2: Company name is empty' }]);
  });

  it('names the column as the file writes it in every error', async () => {
    const text = `tenant id;NAME;Country/Region;Payment method;Pre-payment received\n${A};Contoso;Atlantis;Bitcoin;perhaps\n`;
    const f = await parse(text);
    expect(englishErrors(f.errors)).toEqual([{
      line: 2,
      message: "line 2: Country/Region 'Atlantis' is not a country (use an ISO code such as FR or an English name such as France); Payment method 'Bitcoin' is not a payment instrument (invoice, bank transfer, direct debit, card, prepaid card); Pre-payment received 'perhaps' is not yes or no",
    }]);
  });

  it('keeps the later row of a customer listed twice, with the earlier fields it leaves empty and both relationships', async () => {
    const text = `Microsoft ID,Company name,Primary domain name,Relationship,Tags\n${A},Contoso,contoso.com,Reseller,gold\n${A},Contoso Ltd,,Indirect reseller,\n`;
    const f = await parse(text);
    expect(f).toMatchObject({ rowsRead: 2, valid: 2, errors: [] });
    expect(f.batch.customers).toEqual([{ tenantId: A, name: 'Contoso Ltd', domain: 'contoso.com', relationship: 'Reseller, Indirect reseller', tags: 'gold', origin: 'import', updatedAt: NOW }]);
  });

  it("reads a reconciliation file's customers (one row per charge), each customer once", async () => {
    const text = [
      'PartnerId,CustomerId,CustomerName,CustomerDomainName,CustomerCountry,InvoiceNumber,SubscriptionId,ChargeType,UnitPrice',
      `p,${A},Contoso,contoso.onmicrosoft.com,US,G000123,${S1},new,10.00`,
      `p,${A},Contoso,contoso.onmicrosoft.com,US,G000123,${S1},renew,10.00`,
      `p,${B},Fabrikam,fabrikam.onmicrosoft.com,DE,G000123,${S1},new,5.00`,
    ].join('\n');
    const f = await parse(text);
    expect(f).toMatchObject({ kind: 'customers', rowsRead: 3, valid: 2, reconciliation: { kind: 'nce-invoice', charges: 3 } });
    expect(f.batch.customers!.map((c) => [c.tenantId, c.country])).toEqual([[A, 'US'], [B, 'DE']]);
  });
});

describe('invoices', () => {
  const HEAD = 'Customer ID,Invoice number,Invoice date,Due date,Amount,Paid,Currency,Paid date';

  it('reads receivables in minor units, Paid 0 when empty or absent, currency upper-cased, as of today', async () => {
    const text = `${HEAD}\n${A},INV-1,2026-10-01,2026-10-31,"1,200.00",,usd,\n${B},INV-2,2026-10-01,2026-10-31,99.95,10,EUR,2026-11-02\n${B},INV-3,2026-10-01,2026-10-31,"¥1,000",0,JPY,\n`;
    const f = await parse(text);
    expect(f).toMatchObject({ kind: 'invoices', rowsRead: 3, valid: 3, errors: [], asOf: '2026-11-25' });
    expect(f.batch).toEqual({
      invoices: [
        { tenantId: A, number: 'INV-1', issuedOn: '2026-10-01', dueOn: '2026-10-31', amount: 120000, paid: 0, currency: 'USD' },
        { tenantId: B, number: 'INV-2', issuedOn: '2026-10-01', dueOn: '2026-10-31', amount: 9995, paid: 1000, currency: 'EUR', paidOn: '2026-11-02' },
        { tenantId: B, number: 'INV-3', issuedOn: '2026-10-01', dueOn: '2026-10-31', amount: 1000, paid: 0, currency: 'JPY' },
      ],
    });
    for (const i of f.batch.invoices!) expect(Invoice.safeParse(i).success).toBe(true);
    const noPaid = await parse(`Customer ID,Invoice number,Invoice date,Due date,Amount,Currency\n${A},INV-9,2026-10-01,2026-10-31,5,USD\n`);
    expect(noPaid.batch.invoices![0].paid).toBe(0);
  });

  it('names the customer by Domain through the known customers, and names the line of a domain nobody has', async () => {
    const text = 'Domain,Invoice number,Invoice date,Due date,Amount,Currency\nFabrikam.com,INV-2,2026-10-01,2026-10-31,10,EUR\nnobody.example,INV-3,2026-10-01,2026-10-31,5,EUR\n,INV-4,2026-10-01,2026-10-31,5,EUR\n';
    const f = await parse(text, ctx({}, { 'fabrikam.com': B }));
    expect(f.batch.invoices!.map((i) => [i.tenantId, i.number])).toEqual([[B, 'INV-2']]);
    expect(englishErrors(f.errors)).toEqual([
      { line: 3, message: "line 3: Domain 'nobody.example' matches no known customer: import the customers first" },
      { line: 4, message: 'line 4: names no customer: Domain is empty' },
    ]);
  });

  it('prefers the Customer ID and falls back to the Domain when a row has none', async () => {
    const text = `Customer ID,Domain,Invoice number,Invoice date,Due date,Amount,Currency\n${A},fabrikam.com,INV-1,2026-10-01,2026-10-31,10,EUR\n,fabrikam.com,INV-2,2026-10-01,2026-10-31,10,EUR\nnot-a-guid,fabrikam.com,INV-3,2026-10-01,2026-10-31,10,EUR\n`;
    const f = await parse(text, ctx({}, { 'fabrikam.com': B }));
    expect(f.batch.invoices!.map((i) => i.tenantId)).toEqual([A, B]);
    expect(englishErrors(f.errors)).toEqual([{ line: 4, message: "line 4: Customer ID 'not-a-guid' is not a GUID" }]);
  });

  it('takes "as of" from the file when it says, the latest date it gives', async () => {
    const text = `${HEAD},As of\n${A},INV-1,2026-10-01,2026-10-31,10,0,USD,,2026-11-20\n${A},INV-2,2026-10-01,2026-10-31,10,0,USD,,2026-11-21\n`;
    expect((await parse(text)).asOf).toBe('2026-11-21');
  });

  it('refuses a due date before the invoice date, and too many decimals for the currency', async () => {
    const text = `${HEAD}\n${A},INV-1,2026-10-31,2026-10-01,10,0,USD,\n${A},INV-2,2026-10-01,2026-10-31,10.005,0,USD,\n${A},INV-3,2026-10-01,2026-10-31,10.5,0,JPY,\n`;
    const f = await parse(text);
    expect(englishErrors(f.errors)).toEqual([
      { line: 2, message: 'line 2: Due date 2026-10-01 is before Invoice date 2026-10-31' },
      { line: 3, message: "line 3: Amount '10.005' has more decimals than USD allows (2)" },
      { line: 4, message: "line 4: Amount '10.5' has more decimals than JPY allows (0)" },
    ]);
  });

  it('reads amounts with the separators of a `;` file and dates per the settings', async () => {
    const text = 'Customer ID;Invoice number;Invoice date;Due date;Amount;Paid;Currency\n' +
      `${A};F-1;03/04/2026;03/05/2026;1.234,50;(0,50);EUR\n${A};F-2;03/04/2026;03/05/2026;1 234,50 €;0;EUR\n`;
    const auto = await parse(text);
    expect(auto.valid).toBe(0);
    expect(english(auto.errors[0].message)).toBe("line 2: Invoice date '03/04/2026' could be month/day or day/month: set the date format in the settings; Due date '03/05/2026' could be month/day or day/month: set the date format in the settings");
    const dmy = await parse(text, ctx({ dateOrder: 'dmy' }));
    expect(englishErrors(dmy.errors)).toEqual([]);
    expect(dmy.batch.invoices).toEqual([
      { tenantId: A, number: 'F-1', issuedOn: '2026-04-03', dueOn: '2026-05-03', amount: 123450, paid: -50, currency: 'EUR' },
      { tenantId: A, number: 'F-2', issuedOn: '2026-04-03', dueOn: '2026-05-03', amount: 123450, paid: 0, currency: 'EUR' },
    ]);
    const mdy = await parse(text, ctx({ dateOrder: 'mdy' }));
    expect(mdy.batch.invoices![0]).toMatchObject({ issuedOn: '2026-03-04', dueOn: '2026-03-05' });
  });

  it('asks for the number format when an amount is ambiguous, and reads it once set', async () => {
    const text = `${HEAD}\n${A},INV-1,2026-10-01,2026-10-31,"1,234",0,USD,\n`;
    expect(englishErrors((await parse(text)).errors)).toEqual([{ line: 2, message: "line 2: Amount '1,234' could be 1234 or 1.234: set the number format in the settings" }]);
    expect((await parse(text, ctx({ decimalSeparator: 'dot' }))).batch.invoices![0].amount).toBe(123400);
    expect(english((await parse(text, ctx({ decimalSeparator: 'comma' }))).errors[0].message)).toBe("line 2: Amount '1,234' has more decimals than USD allows (2)");
  });

  it('keeps the later row of an invoice listed twice for the same customer', async () => {
    const text = `${HEAD}\n${A},INV-1,2026-10-01,2026-10-31,10,0,USD,\n${A},INV-1,2026-10-01,2026-10-31,10,10,USD,2026-11-01\n${B},INV-1,2026-10-01,2026-10-31,7,0,USD,\n`;
    const f = await parse(text);
    expect(f).toMatchObject({ rowsRead: 3, valid: 3 });
    expect(f.batch.invoices!.map((i) => [i.tenantId, i.number, i.paid])).toEqual([[A, 'INV-1', 1000], [B, 'INV-1', 0]]);
  });

  it('says which required column a file of a known kind lacks', async () => {
    const f = await parse(`Customer ID,Invoice number,Invoice date,Due date,Amount\n${A},INV-1,2026-10-01,2026-10-31,10\n`);
    expect(f.kind).toBe('invoices');
    expect(english(f.fatal)).toBe("This Invoices (receivables) file lacks the column 'Currency'.");
  });
});

describe('spending and subscriptions', () => {
  it('reads spending snapshots; an empty budget stays absent (no budget set)', async () => {
    const text = `Customer ID,Monthly budget,Spend to date,As of,Currency\n${A},"10,000",812.34,2026-11-20,USD\n${B},,5,11/20/2026,usd\n`;
    const f = await parse(text);
    expect(f).toMatchObject({ kind: 'spending', rowsRead: 2, valid: 2, errors: [] });
    expect(f.batch).toEqual({
      spending: [
        { tenantId: A, budget: 1000000, spendToDate: 81234, asOf: '2026-11-20', currency: 'USD' },
        { tenantId: B, spendToDate: 500, asOf: '2026-11-20', currency: 'USD' },
      ],
    });
    for (const s of f.batch.spending!) expect(Spending.safeParse(s).success).toBe(true);
  });

  it('reads subscriptions: status lower-cased to the API values, created date kept', async () => {
    const text = `Customer ID,Subscription ID,Offer,Status,Created\n${A.toUpperCase()},${S1.toUpperCase()},Azure plan,Active,11/13/2026 9:15:00 AM\n${A},bad,Azure plan,Sleeping,2026-11-13\n`;
    const f = await parse(text);
    expect(f.batch).toEqual({ subscriptions: [{ id: S1, tenantId: A, offerName: 'Azure plan', status: 'active', createdOn: '2026-11-13', seenAt: NOW }] });
    expect(Subscription.safeParse(f.batch.subscriptions![0]).success).toBe(true);
    expect(englishErrors(f.errors)).toEqual([{
      line: 3,
      message: "line 3: Subscription ID 'bad' is not a GUID; Status 'Sleeping' is not a subscription status (none, active, pending, suspended, expired, disabled, deleted)",
    }]);
  });
});

describe('the file itself', () => {
  it('names each bad row by its line as a spreadsheet shows it: header line 1, blank lines counted, a quoted multi-line field one line', async () => {
    const text = [
      'Customer ID,Company name,Tags',
      `${A},"Contoso","two`,
      `lines, and a comma"`,
      'not-a-guid,Fabrikam,',
      '',
      '   ',
      `${B},,`,
      `${B},"Fabrikam ""North""",x`,
    ].join('\r\n');
    const f = await parse(text);
    expect(f.rowsRead).toBe(4);
    expect(f.valid).toBe(2);
    expect(englishErrors(f.errors)).toEqual([
      { line: 3, message: "line 3: Customer ID 'not-a-guid' is not a GUID" },
      { line: 6, message: 'line 6: Company name is empty' },
    ]);
    expect(f.batch.customers!.map((c) => [c.name, c.tags])).toEqual([['Contoso', 'two\r\nlines, and a comma'], ['Fabrikam "North"', 'x']]);
  });

  it.each([[',', 'comma'], [';', 'semicolon'], ['\t', 'tab']])('reads %j separated files (%s)', async (sep) => {
    const text = [['Customer ID', 'Company name', 'Country'], [A, '"Contoso; Ltd, Inc"', 'FR']].map((r) => r.join(sep)).join('\n');
    const f = await parse(text);
    expect(englishErrors(f.errors)).toEqual([]);
    expect(f.batch.customers![0]).toMatchObject({ name: 'Contoso; Ltd, Inc', country: 'FR' });
  });

  it('reads a `;` file whose amounts hold decimal commas in every row', async () => {
    const text = `Customer ID;Monthly budget;Spend to date;As of;Currency\n${A};1 000,00;812,34;2026-11-20;EUR\n${B};500,50;5,10;2026-11-20;EUR\n`;
    const f = await parse(text);
    expect(f.batch.spending!.map((s) => [s.budget, s.spendToDate])).toEqual([[100000, 81234], [50050, 510]]);
  });

  it('reads a Blob as a File from an <input type=file> gives it', async () => {
    const blob = new Blob([`\uFEFFMicrosoft ID,Company name\r\n${A},Contoso\r\n`], { type: 'text/csv' });
    const f = await parseImportFile('Customers.csv', blob, ctx());
    expect(f).toMatchObject({ kind: 'customers', valid: 1 });
  });

  it('refuses a file whose kind it cannot tell, saying which headers it found and what it expects', async () => {
    const f = await parse('Foo,Bar,Baz\n1,2,3\n');
    expect(f).toMatchObject({ kind: 'unknown', format: 'csv', rowsRead: 0, valid: 0, errors: [], batch: {} });
    expect(english(f.fatal)).toBe('The kind of this file is not recognised from its header row (found: Foo, Bar, Baz). Expected customers (Customer ID, Company name), invoices (Customer ID or Domain, Invoice number, Invoice date, Due date, Amount, Currency), spending (Customer ID, Monthly budget, Spend to date, As of, Currency) or subscriptions (Customer ID, Subscription ID, Offer, Status, Created).');
  });

  it("explains why Partner Center's per-customer subscriptions export cannot be read as it is", async () => {
    const f = await parse(`Subscription ID,Subscription,Quantity,Status,Reseller\n${S1},Azure plan,1,Active,\n`);
    expect(english(f.fatal)).toMatch(/subscriptions export of one customer, which does not name the customer: add a 'Customer ID' column/);
  });

  it('refuses an empty file', async () => {
    expect(english((await parse('')).fatal)).toBe('This file is empty.');
    expect(english((await parse('\uFEFF  \n')).fatal)).toBe('This file is empty.');
  });

  it('reports a quote that is never closed instead of swallowing the rest of the file silently', async () => {
    const text = `Customer ID,Company name,Tags\n${A},Contoso,ok\n${B},Fabrikam,"open\n${A},Other,x\n`;
    const f = await parse(text);
    expect(f.valid).toBe(1);
    expect(englishErrors(f.errors)).toEqual([{ line: 3, message: 'line 3: a quoted field is never closed, so the rest of the file was read into this row' }]);
  });

  it('stops at a record over 1 MB, naming its line: a stray quote near the top of a large file', async () => {
    const rows = [`Customer ID,Company name,Tags`, `${A},Contoso,ok`, `${B},Fabrikam,"open`];
    for (let i = 0; i < 40_000; i++) rows.push(`${A},Customer ${i},some tags here for length`);
    const f = await parse(rows.join('\n'));
    expect(english(f.fatal)).toBe('line 3 is over 1 MB: probably a quote that is never closed');
    expect(f.fatal).toEqual({ key: 'import_line_over_1mb', subs: [3] });
    expect(f.batch).toEqual({});
  });

  it('stops at one huge row without reading it to its end (16 MB would take half a minute)', async () => {
    // One progress report per chunk read: a row is given up after the same number of chunks whatever its length,
    // so a 16 MB row is not read further than a 2 MB one (its speed: `npm run bench -- csv`).
    const chunksRead = async (megabytes: number) => {
      const progress: number[] = [];
      const f = await parseImportFile('file.csv', `Customer ID,Company name,Tags\n${A},Contoso,ok\n\n${B},Fabrikam,${'x'.repeat(megabytes * 1024 * 1024)}\n`, ctx(), (x) => progress.push(x));
      expect(english(f.fatal)).toBe('line 4 is over 1 MB: probably a quote that is never closed');
      expect(f.batch).toEqual({});
      return progress.length;
    };
    const short = await chunksRead(2);
    expect(short).toBeGreaterThan(2); // it did read in chunks, reporting as it went
    expect(await chunksRead(16)).toBe(short);
  }, 60_000);

  it('reads a header-only file as its kind with no rows', async () => {
    expect(await parse('Customer ID,Company name\n')).toMatchObject({ kind: 'customers', rowsRead: 0, valid: 0, errors: [] });
  });

  it('parses 100,000 rows in chunks that yield to the page, reporting progress along the way', async () => {
    const lines = ['Customer ID,Invoice number,Invoice date,Due date,Amount,Currency'];
    for (let i = 0; i < 100_000; i++) lines.push(`${A},INV-${i},2026-10-01,2026-10-31,${i === 77_777 ? 'oops' : `${i}.25`},USD`);
    const progress: number[] = [];
    // The page's own tasks, counted while the file is read: they run only when the parser yields to the event loop.
    let pageTasks = 0;
    let done = false;
    const pageTask = () => { if (!done) { pageTasks++; setTimeout(pageTask, 0); } };
    setTimeout(pageTask, 0);
    const tasksAt: number[] = [];
    const f = await parseImportFile('big.csv', lines.join('\n'), ctx(), (x) => { progress.push(x); tasksAt.push(pageTasks); });
    done = true;
    // No long task: the page gets the thread back between every two chunks (how long a chunk takes: `npm run bench -- csv`).
    const chunks = tasksAt.slice(1, -1); // the reports of the chunks, without the start (0) and the end (1)
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.slice(1).every((n, i) => n > chunks[i])).toBe(true);
    expect(progress).toEqual([...progress].sort((a, b) => a - b)); // in order, never backwards
    expect(f).toMatchObject({ rowsRead: 100_000, valid: 99_999 });
    expect(englishErrors(f.errors)).toEqual([{ line: 77_779, message: "line 77779: Amount 'oops' is not an amount" }]);
    expect(f.batch.invoices!.at(-1)).toMatchObject({ number: 'INV-99999', amount: 9999925 });
    const between = progress.filter((x) => x > 0 && x < 1);
    expect(between.length).toBeGreaterThan(1);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  }, 30_000);
});
