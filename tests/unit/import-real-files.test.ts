// Files written like the real ones: Microsoft's API payloads as the APIs send them, a French partner's Excel
// exports (Windows-1252, semicolons, decimal commas, day-first dates, French headers), reconciliation files.
import { describe, expect, it } from 'vitest';
import { parseImportFile, type ParseContext } from '../../lib/import';
import { roundJsonAmount } from '../../lib/import/amounts';
import { english, englishErrors } from './english';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const S1 = '9a9a9a9a-0000-4000-8000-000000000001';
const NOW = '2026-11-25T10:00:00.000Z';
const ctx = (over: Partial<ParseContext['settings']> = {}): ParseContext => ({
  settings: { dateOrder: 'auto', decimalSeparator: 'auto', ...over }, now: NOW, knownDomains: new Map(),
});

/** Windows-1252 bytes, as Excel writes "CSV (séparateur : point-virgule)" on a French Windows. */
function win1252(s: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '–': 0x96, 'Œ': 0x8c, 'œ': 0x9c };
  return Uint8Array.from([...s].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
    if (high[ch] === undefined) throw new Error(`not in Windows-1252: ${ch}`);
    return high[ch];
  }));
}
const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(s)]);
function utf16(s: string, le: boolean): Uint8Array {
  const out = [le ? 0xff : 0xfe, le ? 0xfe : 0xff];
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out.push(...(le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return Uint8Array.from(out);
}

describe("Microsoft's amounts: estimates rounded half-even from the number's text", () => {
  it.each([
    ['28.82860766744404945074', 'GBP', 2883],
    ['2.00500000000000000001', 'USD', 201], // through a float this is 2.00499999… and would give 200
    ['1e-7', 'EUR', 0],
    ['2.5E+3', 'EUR', 250000],
    ['1.5e2', 'JPY', 150],
    ['0', 'USD', 0],
    ['-0.0', 'USD', 0],
    ['-12.345', 'USD', -1234],
    ['0.125', 'USD', 12],
    ['0.135', 'USD', 14],
    ['12.5', 'JPY', 12],
    ['13.5', 'JPY', 14],
    ['1.0005', 'BHD', 1000],
    ['123456789012.345678901234567890', 'USD', 12345678901235],
  ])('%s %s is %i minor units', (raw, currency, want) => {
    expect(roundJsonAmount(raw, currency)).toEqual({ ok: true, value: want });
  });

  it('refuses what is no number, and what is too large to hold', () => {
    expect(roundJsonAmount('1,5', 'EUR').ok).toBe(false);
    const huge = roundJsonAmount('1e400', 'EUR');
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(english(huge.text)).toBe("'1e400' is too large");
  });

  it('reads a real usage summary collection: 20 decimals, an exponent and a zero, without losing a digit', async () => {
    // Written by hand, not with JSON.stringify: the digits are as the API sends them.
    const text = `{"totalCount":3,"items":[
      {"id":"${A}","resourceId":"${A}","resourceName":"Contoso","budget":{"amount":50.00},"totalCost":28.82860766744404945074,"currencyLocale":"en-GB","currencyCode":"GBP","billingStartDate":"2026-11-01T00:00:00Z","billingEndDate":"2026-11-30T23:59:59Z","lastModifiedDate":"2026-11-24T08:01:12.8394822Z","links":{"self":{"uri":"/customers/${A}/usagesummary"}},"attributes":{"objectType":"CustomerUsageSummary"}},
      {"resourceId":"${B}","resourceName":"Fabrikam","budget":{"amount":1e3},"totalCost":1e-7,"currencyCode":"EUR","lastModifiedDate":"2026-11-24T08:01:12Z"},
      {"resourceId":"${C}","resourceName":"Northwind","budget":null,"totalCost":0,"currencyCode":"USD","lastModifiedDate":"2026-11-24T08:01:12Z"},
      {"resourceId":"${C}","resourceName":"Northwind","totalCost":2.00500000000000000001,"currencyCode":"USD","lastModifiedDate":"2026-11-25T08:01:12Z"}
    ],"attributes":{"objectType":"Collection"}}`;
    const f = await parseImportFile('usagesummary.json', text, ctx());
    expect(f).toMatchObject({ kind: 'spending', rowsRead: 4, valid: 4, errors: [] });
    expect(f.batch.spending).toEqual([
      { tenantId: A, budget: 5000, spendToDate: 2883, asOf: '2026-11-24', currency: 'GBP', billingStartDate: '2026-11-01', billingEndDate: '2026-11-30' },
      { tenantId: B, budget: 100000, spendToDate: 0, asOf: '2026-11-24', currency: 'EUR' },
      { tenantId: C, spendToDate: 0, asOf: '2026-11-24', currency: 'USD' },
      // Through a float this is 2.005 exactly, a tie, and would round to 200: the text says just over half.
      { tenantId: C, spendToDate: 201, asOf: '2026-11-25', currency: 'USD' },
    ]);
  });

  it('recognises a single summary by its id, and says so when it has no currency code', async () => {
    const one = await parseImportFile('usagesummary.json', `{"id":"${A}","resourceName":"Contoso","totalCost":3.14159,"currencyCode":"EUR","lastModifiedDate":"2026-11-24T08:00:00Z"}`, ctx());
    expect(one).toMatchObject({ kind: 'spending', valid: 1 });
    expect(one.batch.spending![0]).toMatchObject({ tenantId: A, spendToDate: 314 });
    const none = await parseImportFile('usagesummary.json', `{"resourceId":"${A}","totalCost":3.14,"lastModifiedDate":"2026-11-24T08:00:00Z"}`, ctx());
    expect(none).toMatchObject({ kind: 'spending', valid: 0 });
    expect(englishErrors(none.errors)).toEqual([{ line: 1, message: 'item 1: currencyCode is missing: the amounts cannot be read without it' }]);
  });

  it('keeps the strictness of amounts typed by people in CSV', async () => {
    const f = await parseImportFile('spend.csv', `Customer ID,Monthly budget,Spend to date,As of,Currency\n${A},500,28.8286,2026-11-24,GBP\n`, ctx());
    expect(english(f.errors[0].message)).toMatch(/line 2: Spend to date '28.8286' has more decimals than GBP allows/);
  });
});

describe('Partner Center API collections as the API sends them', () => {
  it("takes a listed customer's country from companyProfile.address when there is no billingProfile", async () => {
    const text = JSON.stringify({
      totalCount: 2,
      items: [
        { id: A.toUpperCase(), commerceId: 'x', companyProfile: { tenantId: A, domain: 'contoso.onmicrosoft.com', companyName: 'Contoso', address: { country: 'FR', city: 'Paris' }, links: {}, attributes: { objectType: 'CustomerCompanyProfile' } }, relationshipToPartner: 'reseller', attributes: { objectType: 'Customer' } },
        { id: B, companyProfile: { domain: 'fabrikam.onmicrosoft.com', companyName: 'Fabrikam', address: { country: 'DE' } }, billingProfile: { defaultAddress: { country: 'AT' } }, relationshipToPartner: 'reseller' },
      ],
      links: {}, attributes: { objectType: 'Collection' },
    });
    const f = await parseImportFile('customers.json', text, ctx());
    expect(f.batch.customers!.map((c) => [c.tenantId, c.country])).toEqual([[A, 'FR'], [B, 'AT']]);
  });

  it('recognises a subscription collection by attributes.objectType alone; an item without an offer name keeps its offerId', async () => {
    const text = JSON.stringify({
      totalCount: 2,
      items: [
        {
          id: S1, friendlyName: 'Azure plan', quantity: 1, unitType: 'Usage-based', creationDate: '2026-11-02T08:00:00.1234567Z', effectiveStartDate: '2026-11-02T00:00:00Z',
          commitmentEndDate: '2027-11-01T00:00:00Z', status: 'active', autoRenewEnabled: true, isTrial: false, billingType: 'usage', billingCycle: 'monthly', termDuration: 'P1Y',
          links: { self: { uri: `/customers/${A}/subscriptions/${S1}` } }, attributes: { etag: 'x', objectType: 'Subscription' },
        },
        { id: B, offerId: 'CFQ7TTC0LF8Q:0001', quantity: 25, status: 'suspended', creationDate: '2026-11-03T08:00:00Z', commitmentEndDate: '0001-01-01T00:00:00', links: { self: { uri: `customers/${A}/subscriptions/${B}` } }, attributes: { objectType: 'Subscription' } },
      ],
      links: {}, attributes: { objectType: 'Collection' },
    });
    const withoutOffers = text.replace(/"offerId":"[^"]*",/, '');
    expect((await parseImportFile('subscriptions.json', withoutOffers, ctx())).kind).toBe('subscriptions');
    const f = await parseImportFile('subscriptions.json', text, ctx());
    expect(f).toMatchObject({ kind: 'subscriptions', valid: 2, errors: [] });
    expect(f.batch.subscriptions).toEqual([
      { id: S1, tenantId: A, offerName: 'Azure plan', status: 'active', createdOn: '2026-11-02', seenAt: NOW, quantity: 1, billingCycle: 'monthly', termDuration: 'P1Y', commitmentEndDate: '2027-11-01', isTrial: false, autoRenewEnabled: true },
      { id: B, tenantId: A, offerName: 'CFQ7TTC0LF8Q:0001', status: 'suspended', createdOn: '2026-11-03', seenAt: NOW, quantity: 25 },
    ]);
  });
});

describe('reconciliation files: read for the customers they name, never for their charges', () => {
  const nceInvoice = [
    'PartnerId,CustomerId,CustomerName,CustomerDomainName,CustomerCountry,InvoiceNumber,MpnId,Tier2MpnId,OrderId,OrderDate,ProductId,SkuId,AvailabilityId,SkuName,ProductName,ChargeType,UnitPrice,Quantity,Subtotal,TaxTotal,Total,Currency,PriceAdjustmentDescription,PublisherName,PublisherId,SubscriptionDescription,SubscriptionId,ChargeStartDate,ChargeEndDate,TermAndBillingCycle,EffectiveUnitPrice,UnitType,AlternateId,BillableQuantity,BillingFrequency,PricingCurrency,PCToBCExchangeRate,PCToBCExchangeRateDate,MeterDescription,ReservationOrderId,CreditReasonCode,SubscriptionStartDate,SubscriptionEndDate,ReferenceId,ProductQualifiers,PromotionId,ProductCategory',
    `p1,${A},Contoso,contoso.onmicrosoft.com,US,G001234567,123,,o1,11/01/2026,CFQ7TTC0LF8R,0001,CFQ7TTC0LF8R:0001,Microsoft 365 E3,Microsoft 365 E3,new,36,10,360,0,360,USD,,Microsoft,,E3,${S1},11/01/2026,11/30/2026,1 Year - Monthly,36,Licenses,x,10,Monthly,USD,1,11/01/2026,,,,11/01/2026,10/31/2027,,,,Licenses`,
    `p1,${A},Contoso,contoso.onmicrosoft.com,US,G001234567,123,,o2,11/05/2026,CFQ7TTC0LF8R,0001,CFQ7TTC0LF8R:0001,Microsoft 365 E3,Microsoft 365 E3,cycleCharge,36,2,72,0,72,USD,,Microsoft,,E3,${S1},11/05/2026,11/30/2026,1 Year - Monthly,36,Licenses,y,2,Monthly,USD,1,11/05/2026,,,,11/01/2026,10/31/2027,,,,Licenses`,
    `p1,${B},Fabrikam GmbH,fabrikam.onmicrosoft.com,DE,G001234567,123,,o3,11/02/2026,DZH318Z0BQ3Q,0001,DZH318Z0BQ3Q:0001,Azure plan,Azure plan,new,0,1,0,0,0,EUR,,Microsoft,,Azure,${S1},11/02/2026,11/30/2026,None,0,,z,1,Monthly,EUR,1,11/02/2026,,,,11/02/2026,,,,,Azure`,
  ].join('\r\n');
  const nceDaily = [
    'PartnerId,PartnerName,CustomerId,CustomerName,CustomerDomainName,CustomerCountry,MpnId,Tier2MpnId,InvoiceNumber,ProductId,SkuId,AvailabilityId,SkuName,ProductName,PublisherName,PublisherId,SubscriptionDescription,SubscriptionId,ChargeStartDate,ChargeEndDate,UsageDate,MeterType,MeterCategory,MeterId,MeterSubCategory,MeterName,MeterRegion,Unit,ResourceLocation,ConsumedService,ResourceGroup,ResourceURI,ChargeType,UnitPrice,Quantity,UnitType,BillingPreTaxTotal,BillingCurrency,PricingPreTaxTotal,PricingCurrency,ServiceInfo1,ServiceInfo2,Tags,AdditionalInfo',
    `p1,Partner,${C},Northwind Traders,northwind.onmicrosoft.com,GB,1,,,DZH318Z0BQ3Q,0001,DZH318Z0BQ3Q:0001,Azure plan,Azure plan,Microsoft,,Azure plan,${S1},11/01/2026,11/30/2026,11/24/2026,1 Compute Hour,Virtual Machines,abc,Dv3,D2 v3,UK South,1 Hour,uksouth,Microsoft.Compute,rg1,/subscriptions/x,new,0.1,24,1 Hour,2.4,GBP,2.4,GBP,,,"{""env"":""prod""}",`,
    `p1,Partner,${C},Northwind Traders,northwind.onmicrosoft.com,GB,1,,,DZH318Z0BQ3Q,0001,DZH318Z0BQ3Q:0001,Azure plan,Azure plan,Microsoft,,Azure plan,${S1},11/01/2026,11/30/2026,11/25/2026,1 Compute Hour,Virtual Machines,abc,Dv3,D2 v3,UK South,1 Hour,uksouth,Microsoft.Compute,rg1,/subscriptions/x,new,0.1,24,1 Hour,2.4,GBP,2.4,GBP,,,,`,
  ].join('\n');
  const license = [
    'PartnerId,CustomerId,CustomerName,MpnId,Tier2MpnId,InvoiceNumber,OrderId,OrderDate,SubscriptionId,SyndicationPartnerSubscriptionNumber,OfferId,DurableOfferId,OfferName,SubscriptionStartDate,SubscriptionEndDate,ChargeStartDate,ChargeEndDate,ChargeType,UnitPrice,Quantity,Amount,TotalOtherDiscount,Subtotal,Tax,TotalForCustomer,Currency,DomainName,SubscriptionName,SubscriptionDescription,BillingCycleType',
    `p1,${A},Contoso,1,,D0100,o1,10/01/2025,${S1},123456789,0000-1111,E3,Office 365 E3,10/01/2025,09/30/2026,10/01/2025,10/31/2025,Cycle fee,20,5,100,0,100,20,120,USD,contoso.onmicrosoft.com,E3,Office 365 E3,Monthly`,
  ].join('\n');
  // Older usage-based file: CustomerCompanyName, and a SubscriptionId from the billing platform (no GUID).
  const usage = [
    'PartnerId,PartnerName,PartnerBillableAccountId,CustomerCompanyName,MpnId,Tier2MpnId,InvoiceNumber,ChargeStartDate,ChargeEndDate,SubscriptionId,SubscriptionName,SubscriptionDescription,OrderId,ServiceName,ServiceType,ResourceGuid,ResourceName,Region,ConsumedQuantity,IncludedQuantity,OverageQuantity,ListPrice,PretaxCharges,TaxAmount,PostTaxTotal,Currency,PretaxEffectiveRate,PostTaxEffectiveRate,ChargeType,CustomerId,DomainName,BillingCycleType,Unit',
    `p1,Partner,acc1,Fabrikam GmbH,1,,D0200,10/01/2025,10/31/2025,5000123456,Azure,Azure,o9,Virtual Machines,Compute,r1,D2,EU West,10,0,10,0.1,1,0.19,1.19,EUR,0.1,0.119,Usage,${B},fabrikam.onmicrosoft.com,Monthly,Hours`,
    `p1,Partner,acc1,Fabrikam GmbH,1,,D0200,10/01/2025,10/31/2025,5000123456,Azure,Azure,o9,Storage,Storage,r2,S1,EU West,10,0,10,0.1,1,0.19,1.19,EUR,0.1,0.119,Usage,${B},fabrikam.onmicrosoft.com,Monthly,GB`,
  ].join('\n');

  it.each([
    ['new-commerce invoice', 'invoice.csv', nceInvoice, 'nce-invoice', 3, [[A, 'Contoso', 'contoso.onmicrosoft.com', 'US'], [B, 'Fabrikam GmbH', 'fabrikam.onmicrosoft.com', 'DE']]],
    ['new-commerce daily rated usage', 'DailyRatedUsage.csv', nceDaily, 'nce-daily-usage', 2, [[C, 'Northwind Traders', 'northwind.onmicrosoft.com', 'GB']]],
    ['license-based', 'license.csv', license, 'license', 1, [[A, 'Contoso', 'contoso.onmicrosoft.com', undefined]]],
    ['usage-based (older, CustomerCompanyName)', 'usage.csv', usage, 'usage', 2, [[B, 'Fabrikam GmbH', 'fabrikam.onmicrosoft.com', undefined]]],
  ] as const)('%s: one customer record per customer, and the preview knows the file', async (_what, name, text, kind, charges, want) => {
    const f = await parseImportFile(name, text, ctx());
    expect(f).toMatchObject({ kind: 'customers', rowsRead: charges, valid: want.length, errors: [], reconciliation: { kind, charges } });
    expect(f.batch.customers!.map((c) => [c.tenantId, c.name, c.domain, c.country])).toEqual(want);
    // The charge columns are not customer facts: the usage file's resource Tags are not the customer's tags.
    for (const c of f.batch.customers!) expect(Object.keys(c).sort()).toEqual(['country', 'domain', 'name', 'origin', 'tenantId', 'updatedAt'].filter((k) => k !== 'country' || c.country));
    expect(f.batch.subscriptions).toBeUndefined();
  });

  it('never takes an older file for a subscriptions file, even without its company name column', async () => {
    const headerOnly = usage.replace('CustomerCompanyName,', 'Company,').split('\n')[0];
    const f = await parseImportFile('usage.csv', `${headerOnly}\n`, ctx());
    expect(f.kind).not.toBe('subscriptions');
    const bare = await parseImportFile('usage.csv', 'PartnerId,SubscriptionId,CustomerId,ChargeType,PretaxCharges\np,5000123456,' + B + ',Usage,1\n', ctx());
    expect(bare.kind).toBe('unknown');
    expect(english(bare.fatal)).toMatch(/reconciliation file/);
  });
});

describe('encodings: decoded by the bytes', () => {
  const text = [
    'ID Microsoft;Nom de la société;Nom de domaine principal;Pays',
    `${A};Société Générale Équipements;sge.onmicrosoft.com;FR`,
    `${B};Müller & Söhne – Zürich;mueller.onmicrosoft.com;CH`,
    `${C};L’Œuvre Café;oeuvre.onmicrosoft.com;BE`,
  ].join('\r\n') + '\r\n';
  const want = [[A, 'Société Générale Équipements'], [B, 'Müller & Söhne – Zürich'], [C, 'L’Œuvre Café']];

  it.each([
    ['UTF-8', utf8(text), 'utf-8'],
    ['UTF-8 with BOM', withBom(text), 'utf-8-bom'],
    ['UTF-16 LE with BOM', utf16(text, true), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(text, false), 'utf-16be'],
    ['Windows-1252 (Excel on a French Windows)', win1252(text), 'windows-1252'],
  ] as const)('the same customers file as %s gives the same records, and names its encoding', async (_what, bytes, encoding) => {
    const f = await parseImportFile('Clients.csv', new Blob([bytes as BlobPart]), ctx());
    expect(f).toMatchObject({ kind: 'customers', rowsRead: 3, valid: 3, errors: [], encoding });
    expect(f.batch.customers!.map((c) => [c.tenantId, c.name])).toEqual(want);
    expect(JSON.stringify(f.batch)).not.toContain('\uFFFD');
  });

  it('refuses a file whose bytes are not text, with the line they are on, and stores nothing', async () => {
    // 0x81 is undefined in Windows-1252.
    const bad1252 = Uint8Array.from([...win1252(text.split('\r\n').slice(0, 2).join('\r\n') + '\r\n'), ...win1252(`${B};M`), 0x81, ...win1252('ller;m.com;CH\r\n')]);
    const f = await parseImportFile('Clients.csv', bad1252, ctx());
    expect(f).toMatchObject({ kind: 'unknown', valid: 0, batch: {}, undecodable: { line: 3, encoding: 'windows-1252' } });
    expect(english(f.fatal)).toMatch(/line 3/);

    // UTF-16 with a lone surrogate on line 2.
    const units = utf16(text, true);
    const at = 2 + 2 * text.indexOf('Soci');
    const lone = Uint8Array.from(units);
    lone[at] = 0x00; lone[at + 1] = 0xd8;
    expect(await parseImportFile('Clients.csv', lone, ctx())).toMatchObject({ kind: 'unknown', undecodable: { line: 2, encoding: 'utf-16le' } });

    // UTF-8 with one Windows-1252 byte pasted into line 4: neither reading is right.
    const mixed = Uint8Array.from([...utf8(text.split('\r\n').slice(0, 3).join('\r\n') + '\r\n'), ...utf8(`${C};Caf`), 0xe9, ...utf8(';c.com;BE\r\n')]);
    expect(await parseImportFile('Clients.csv', mixed, ctx())).toMatchObject({ kind: 'unknown', undecodable: { line: 4, encoding: 'utf-8' } });

    // Text already damaged by an earlier conversion.
    const damaged = text.replace('Société', 'Soci\uFFFDt\uFFFD');
    expect(await parseImportFile('Clients.csv', utf8(damaged), ctx())).toMatchObject({ kind: 'unknown', undecodable: { line: 2 } });
    expect(await parseImportFile('Clients.csv', damaged, ctx())).toMatchObject({ kind: 'unknown', undecodable: { line: 2 } });
  });

  it('reads Windows-1252 whose capital accented letter before a no-break space also reads as one UTF-8 character', async () => {
    // French typography: a no-break space before » : ; ! ?. "É" + no-break space is C9 A0, which is U+0260 in UTF-8.
    const csv = `ID client;Nom de la société;Pays\r\n${A};« CAFÉ\u00a0» Équipements;FR\r\n${B};SOCIÉTÉ\u00a0: Müller;CH\r\n`;
    const f = await parseImportFile('Clients.csv', new Blob([win1252(csv) as BlobPart]), ctx());
    expect(f).toMatchObject({ kind: 'customers', valid: 2, errors: [], encoding: 'windows-1252' });
    expect(f.batch.customers!.map((c) => c.name)).toEqual(['« CAFÉ\u00a0» Équipements', 'SOCIÉTÉ\u00a0: Müller']);
  });

  it('counts a quoted multi-line cell as one line when it names the bad line', async () => {
    const bytes = Uint8Array.from([...win1252(`ID client;Nom\r\n${A};"Deux\r\nlignes"\r\n${B};x`), 0x90, 0x0d, 0x0a]);
    expect((await parseImportFile('c.csv', bytes, ctx())).undecodable?.line).toBe(3);
  });

  it('reads no-break and narrow no-break spaces as thousands separators', async () => {
    const csv = `ID client;Numéro de facture;Date de facture;Date d'échéance;Montant;Devise\r\n${A};F-1;15/10/2026;14/11/2026;1\u00a0234,50;EUR\r\n${A};F-2;16/10/2026;15/11/2026;12\u202f345,67;EUR\r\n`;
    const f = await parseImportFile('factures.csv', new Blob([withBom(csv) as BlobPart]), ctx());
    expect(englishErrors(f.errors)).toEqual([]);
    expect(f.batch.invoices!.map((i) => i.amount)).toEqual([123450, 1234567]);
    const latin = await parseImportFile('factures.csv', new Blob([win1252(csv.replace('12\u202f345,67', '12 345,67')) as BlobPart]), ctx());
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.batch.invoices!.map((i) => i.amount)).toEqual([123450, 1234567]);
  });
});

describe('dates settle by the file, column by column', () => {
  const HEAD = 'Customer ID,Invoice number,Invoice date,Due date,Amount,Currency';

  it('reads a whole column day-first when one of its dates has a first part over 12', async () => {
    const f = await parseImportFile('i.csv', [HEAD, `${A},1,05/09/2026,05/10/2026,10.00,EUR`, `${A},2,15/10/2026,14/11/2026,10.00,EUR`, `${A},3,2026-10-16,2026-11-15,10.00,EUR`].join('\n'), ctx());
    expect(englishErrors(f.errors)).toEqual([]);
    expect(f.batch.invoices!.map((i) => [i.number, i.issuedOn, i.dueOn])).toEqual([
      ['1', '2026-09-05', '2026-10-05'], ['2', '2026-10-15', '2026-11-14'], ['3', '2026-10-16', '2026-11-15'],
    ]);
  });

  it('settles the file over the setting, and month-first just as well', async () => {
    const f = await parseImportFile('i.csv', [HEAD, `${A},1,09/05/2026,10/05/2026,10.00,USD`, `${A},2,10/15/2026,11/14/2026,10.00,USD`].join('\n'), ctx({ dateOrder: 'dmy' }));
    expect(englishErrors(f.errors)).toEqual([]);
    expect(f.batch.invoices!.map((i) => i.issuedOn)).toEqual(['2026-09-05', '2026-10-15']);
  });

  it('calls a column that contradicts itself an error naming both lines', async () => {
    const f = await parseImportFile('i.csv', [HEAD, `${A},1,15/10/2026,2026-11-14,10.00,EUR`, `${A},2,05/09/2026,2026-10-05,10.00,EUR`, `${A},3,10/16/2026,2026-11-15,10.00,EUR`, `${A},4,2026-10-16,2026-11-15,10.00,EUR`].join('\n'), ctx());
    expect(f.batch.invoices!.map((i) => i.number)).toEqual(['4']);
    expect(f.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    for (const e of f.errors) expect(english(e.message)).toMatch(/Invoice date cannot be read: this column writes dates day\/month on line 2 \('15\/10\/2026'\) and month\/day on line 4 \('10\/16\/2026'\)/);
  });

  it('leaves a column no row settles to the setting', async () => {
    const rows = [HEAD, `${A},1,05/09/2026,2026-10-05,10.00,EUR`];
    expect(english((await parseImportFile('i.csv', rows.join('\n'), ctx())).errors[0].message)).toMatch(/line 2: Invoice date '05\/09\/2026' could be month\/day or day\/month: set the date format/);
    expect((await parseImportFile('i.csv', rows.join('\n'), ctx({ dateOrder: 'dmy' }))).batch.invoices![0].issuedOn).toBe('2026-09-05');
  });
});

describe('column names in French', () => {
  it('reads a French billing export, accents or not', async () => {
    const head = ["ID client;Numéro de facture;Date de facture;Date d'échéance;Montant;Montant payé;Devise;Date de paiement", 'ID CLIENT;Numero de facture;Date de facture;Date d echeance;Montant;Montant paye;Devise;Date de paiement'];
    for (const h of head) {
      const f = await parseImportFile('factures.csv', `${h}\n${A};FA-2026-001;16/10/2026;15/11/2026;1.234,50;200,00;EUR;\n`, ctx());
      expect(f).toMatchObject({ kind: 'invoices', valid: 1, errors: [] });
      expect(f.batch.invoices).toEqual([{ tenantId: A, number: 'FA-2026-001', issuedOn: '2026-10-16', dueOn: '2026-11-15', amount: 123450, paid: 20000, currency: 'EUR' }]);
    }
  });

  it('reads French customers, spending and subscriptions templates', async () => {
    const cu = await parseImportFile('clients.csv', `ID Microsoft;Nom de la société;Domaine;Pays;Moyen de paiement;Créé le\n${A};Contoso France;contoso.fr;FR;Carte bancaire;2026-10-01\n`, ctx());
    expect(cu.batch.customers![0]).toMatchObject({ tenantId: A, name: 'Contoso France', domain: 'contoso.fr', country: 'FR', paymentInstrument: 'card', createdOn: '2026-10-01' });
    const sp = await parseImportFile('budgets.csv', `ID client;Budget mensuel;Dépenses à ce jour;En date du;Devise\n${A};1 000,00;812,34;2026-11-24;EUR\n`, ctx());
    expect(sp.batch.spending).toEqual([{ tenantId: A, budget: 100000, spendToDate: 81234, asOf: '2026-11-24', currency: 'EUR' }]);
    const sub = await parseImportFile('abonnements.csv', `ID client;ID d'abonnement;Offre;Statut;Quantité;Cycle de facturation;Durée;Date de fin d'engagement;Essai;Renouvellement automatique\n${A};${S1};Microsoft 365 E3;active;25;monthly;P1Y;2027-10-31;non;oui\n`, ctx());
    expect(sub.batch.subscriptions).toEqual([{
      id: S1, tenantId: A, offerName: 'Microsoft 365 E3', status: 'active', seenAt: NOW, quantity: 25, billingCycle: 'monthly', termDuration: 'P1Y', commitmentEndDate: '2027-10-31', isTrial: false, autoRenewEnabled: true,
    }]);
  });
});
