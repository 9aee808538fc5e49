// lib/portal on saved page shapes: URLs of both families, links, grids in nested open shadow roots,
// placeholder rows, our own UI skipped, names read as text.
import { describe, expect, it } from 'vitest';
import { customerUrl, pageOf, visibleCustomerName } from '../../lib/portal/page';
import { collectShadowRoots, findCustomerLinks, findGridRows } from '../../lib/portal/scan';

const T = '11111111-1111-4111-8111-111111111111';
const U = '22222222-2222-4222-8222-222222222222';
const S = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const HOST = 'https://partner.microsoft.com';

describe('pageOf', () => {
  it.each([
    [`/dashboard/commerce2/customers/${T}/account`, { kind: 'customer', tenantId: T, tab: 'account', family: 'commerce2' }],
    [`/dashboard/v2/customers/${T}/servicemanagementpage`, { kind: 'customer', tenantId: T, tab: 'servicemanagementpage', family: 'v2' }],
    [`/en-us/dashboard/v2/customers/${T.toUpperCase()}/users?x=1#top`, { kind: 'customer', tenantId: T, tab: 'users', family: 'v2', locale: 'en-us' }],
    [`/fr-FR/dashboard/commerce2/customers/${T}/subscriptions/${S.toUpperCase()}/addons`, { kind: 'customer', tenantId: T, family: 'commerce2', locale: 'fr-fr', subscriptionId: S }],
    [`/dashboard/commerce2/customers/${T}/adminrelationships`, { kind: 'customer', tab: 'adminrelationships' }],
    [`/dashboard/commerce2/customers/${T}`, { kind: 'customer', tab: '' }],
    ['/dashboard/v2/customers/list', { kind: 'customers-list', family: 'v2' }],
    ['/en-gb/dashboard/commerce2/customers/list', { kind: 'customers-list', family: 'commerce2', locale: 'en-gb' }],
    ['/dashboard/v2/customers/granularadminaccess/list', { kind: 'customers-list', family: 'v2' }],
  ])('%s', (path, want) => {
    expect(pageOf(`${HOST}${path}`)).toMatchObject(want);
  });

  it.each([
    `https://evil.example/dashboard/v2/customers/${T}/account`, `${HOST}/dashboard/v3/customers/${T}/account`, `${HOST}/dashboard/v2/customers/not-a-guid/account`,
    `${HOST}/home`, 'not a url', `${HOST}/dashboard/v2/partners/${T}/account`,
  ])('%s is no portal page of ours', (url) => {
    expect(pageOf(url)).toEqual({ kind: 'other' });
  });

  it('builds customer URLs in the family and locale seen last, and refuses a locale of another shape', () => {
    expect(customerUrl(T.toUpperCase())).toBe(`${HOST}/dashboard/commerce2/customers/${T}/account`);
    expect(customerUrl(T, { family: 'v2', locale: 'fr-fr' })).toBe(`${HOST}/fr-fr/dashboard/v2/customers/${T}/account`);
    expect(customerUrl(T, { subscriptionId: S })).toBe(`${HOST}/dashboard/commerce2/customers/${T}/subscriptions/${S}`);
    expect(customerUrl(T, { locale: '../evil' })).toBe(`${HOST}/dashboard/commerce2/customers/${T}/account`);
  });
});

/** A grid like the portal's: host → open shadow → host → open shadow → … → table. */
function portalGrid(depth: number, rows: Array<{ id: string; name?: string }>): HTMLElement {
  const outer = document.createElement('customersvcadmin_he-data-grid');
  let root: ShadowRoot = outer.attachShadow({ mode: 'open' });
  for (let d = 1; d < depth; d++) {
    const inner = document.createElement(`he-level-${d}`);
    root.append(inner);
    root = inner.attachShadow({ mode: 'open' });
  }
  const table = document.createElement('table');
  const head = document.createElement('tr');
  head.id = 'column-header';
  table.append(head);
  for (const r of rows) {
    const tr = document.createElement('tr');
    tr.setAttribute('role', 'row');
    tr.id = `row-${r.id}`;
    const cell = document.createElement('td');
    cell.id = `cell-displayName-${r.id}`;
    const btn = document.createElement('customersvcadmin_he-button');
    btn.setAttribute('appearance', 'link');
    btn.textContent = r.name ?? '';
    cell.append(btn);
    tr.append(cell, document.createElement('td'));
    table.append(tr);
  }
  root.append(table);
  return outer;
}

describe('grids and links', () => {
  it('finds customer rows three shadow roots deep, skips placeholders and the header, keeps duplicates', () => {
    document.body.replaceChildren(portalGrid(3, [{ id: 'he-row-0' }, { id: '1' }, { id: T.toUpperCase(), name: '  Contoso\n Ltd ' }, { id: U, name: 'Fabrikam' }, { id: T, name: 'Contoso Ltd' }]));
    const rows = findGridRows(document);
    expect(rows.map((r) => [r.tenantId, r.name, r.cell.id.toLowerCase()])).toEqual([
      [T, 'Contoso Ltd', `cell-displayname-${T}`], [U, 'Fabrikam', `cell-displayname-${U}`], [T, 'Contoso Ltd', `cell-displayname-${T}`],
    ]);
    expect(collectShadowRoots(document)).toHaveLength(3);
    expect(collectShadowRoots(document, 2)).toHaveLength(2);
    expect(findGridRows(document, { maxDepth: 2 })).toHaveLength(0);
  });

  it('reads a name that holds markup as text', () => {
    document.body.replaceChildren(portalGrid(1, [{ id: T, name: '<img src=x onerror="window.__pwned=1">' }]));
    expect(findGridRows(document)[0].name).toBe('<img src=x onerror="window.__pwned=1">');
    expect(document.querySelector('img')).toBeNull();
  });

  it('finds links to customer pages, absolute and relative, inside shadow roots too, and skips other hosts and our own UI', () => {
    const host = document.createElement('div');
    const sr = host.attachShadow({ mode: 'open' });
    sr.innerHTML = `<a href="/en-us/dashboard/v2/customers/${U}/users">in shadow</a>`;
    const ours = document.createElement('prl-badge');
    ours.setAttribute('data-prl', '');
    ours.innerHTML = `<a href="/dashboard/v2/customers/${T}/account">ours</a>`;
    // Relative hrefs resolve against the page's base: the portal's own host in the real page.
    const base = document.createElement('base');
    base.href = `${HOST}/dashboard/v2/customers/list`;
    document.head.replaceChildren(base);
    document.body.innerHTML = `
      <a id="abs" href="${HOST}/dashboard/commerce2/customers/${T.toUpperCase()}/account">abs</a>
      <a id="rel" href="/dashboard/v2/customers/${T}/servicemanagementpage">rel</a>
      <a id="other" href="https://evil.example/dashboard/v2/customers/${T}/account">other host</a>
      <a id="list" href="/dashboard/v2/customers/list">list</a>`;
    document.body.append(host, ours);
    const links = findCustomerLinks(document);
    expect(links.map((l) => [l.el.textContent, l.tenantId])).toEqual([['abs', T], ['rel', T], ['in shadow', U]]);
    document.head.replaceChildren();
  });
});

describe('visibleCustomerName', () => {
  it('reads the heading only on that customer\'s own page, and a grid row name anywhere', () => {
    document.body.innerHTML = '<h1>Contoso &lt;b&gt;Ltd&lt;/b&gt;</h1>';
    // happy-dom's document URL is the test page; a heading elsewhere is not this customer's name.
    expect(visibleCustomerName(document, T)).toBeUndefined();
    document.body.replaceChildren(portalGrid(2, [{ id: T, name: 'Contoso Ltd' }]));
    expect(visibleCustomerName(document, T)).toBe('Contoso Ltd');
  });
});
