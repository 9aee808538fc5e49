// lib/portal on saved page shapes (tests/fixtures/portal/*.html, open shadow roots saved as declarative
// <template shadowrootmode="open">) and on DOM built here: URLs of both families with and without a locale,
// customer links, data grids nested several open shadow roots deep, placeholder rows, our own UI skipped,
// and names read as text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { customerUrl, pageOf, type CustomerUrlOptions, type PortalPage } from '../../lib/portal/page';
import { DEFAULT_MAX_DEPTH, collectShadowRoots, customerOfRow, findCustomerLinks, rowCandidates, findGridRows, scopesOf, visibleCustomerName } from '../../lib/portal/scan';

const HOST = 'https://partner.microsoft.com';
// The tenants of the fixtures.
const CONTOSO = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const FABRIKAM = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const MARKUP = 'a3bb189e-8bf9-4888-9912-ace4e6543002';
const NORTHWIND = '16fd2706-8baf-433b-82eb-8c7fada847da';
const MARKUP_NAME = '<img src=x onerror="window.__pwned=1">Holdings';
const SUB = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

const FIXTURES = join(__dirname, '../fixtures/portal');
const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
const START_URL = document.URL;

/** Puts a saved page in the document at `url`, turning each declarative shadow root into an open one. */
function loadPage(file: string, url: string): void {
  happyDOM.setURL(url);
  document.head.replaceChildren();
  document.body.innerHTML = readFileSync(join(FIXTURES, file), 'utf8');
  attachDeclarativeRoots(document.body);
}
function attachDeclarativeRoots(scope: ParentNode): void {
  for (const tpl of [...scope.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) {
    const host = tpl.parentElement!;
    const root = host.attachShadow({ mode: tpl.getAttribute('shadowrootmode') as ShadowRootMode });
    root.append(tpl.content);
    tpl.remove();
    attachDeclarativeRoots(root);
  }
}

afterEach(() => {
  happyDOM.setURL(START_URL);
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('pageOf', () => {
  const FAMILIES = ['v2', 'commerce2'] as const;
  const LOCALES = [[''], ['/en-us', 'en-us'], ['/fr-fr', 'fr-fr'], ['/FR-fr', 'fr-fr']] as const;
  const TABS = ['account', 'servicemanagementpage', 'subscriptions', 'adminrelationships', 'users', 'billing/invoices'];

  it.each(FAMILIES.flatMap((family) => LOCALES.flatMap(([prefix, locale]) => TABS.map((tab) => [family, prefix, locale, tab] as const))))(
    'customer page: %s family, locale "%s", tab %s',
    (family, prefix, locale, tab) => {
      const want: PortalPage = { kind: 'customer', tenantId: CONTOSO, tab, family, ...(locale ? { locale } : {}) };
      expect(pageOf(`${HOST}${prefix}/dashboard/${family}/customers/${CONTOSO}/${tab}`)).toStrictEqual(want);
    },
  );

  it.each(FAMILIES.flatMap((family) => LOCALES.map(([prefix, locale]) => [family, prefix, locale] as const)))(
    'subscription page: %s family, locale "%s"',
    (family, prefix, locale) => {
      const url = `${HOST}${prefix}/dashboard/${family}/customers/${CONTOSO.toUpperCase()}/subscriptions/${SUB.toUpperCase()}`;
      expect(pageOf(url)).toStrictEqual({
        kind: 'customer', tenantId: CONTOSO, tab: `subscriptions/${SUB.toUpperCase()}`, subscriptionId: SUB, family, ...(locale ? { locale } : {}),
      });
    },
  );

  it('lower-cases the tenant and subscription ids, keeps deeper subscription tabs, and ignores query, hash and a trailing slash', () => {
    expect(pageOf(`${HOST}/dashboard/v2/customers/${CONTOSO.toUpperCase()}/account`)).toMatchObject({ tenantId: CONTOSO });
    expect(pageOf(`${HOST}/dashboard/commerce2/customers/${CONTOSO}/subscriptions/${SUB}/addons`)).toMatchObject({ tenantId: CONTOSO, subscriptionId: SUB, tab: `subscriptions/${SUB}/addons` });
    expect(pageOf(`${HOST}/en-us/dashboard/v2/customers/${CONTOSO}/users/?filter=${SUB}#${FABRIKAM}`)).toStrictEqual({ kind: 'customer', tenantId: CONTOSO, tab: 'users', family: 'v2', locale: 'en-us' });
    expect(pageOf(`${HOST}/dashboard/v2/customers/${CONTOSO}`)).toStrictEqual({ kind: 'customer', tenantId: CONTOSO, tab: '', family: 'v2' });
    expect(pageOf(`${HOST}/dashboard/v2/customers/${CONTOSO}/`)).toStrictEqual({ kind: 'customer', tenantId: CONTOSO, tab: '', family: 'v2' });
    expect(pageOf(`https://PARTNER.Microsoft.com/Dashboard/V2/Customers/${CONTOSO}/account`)).toMatchObject({ kind: 'customer', family: 'v2' });
  });

  it('takes no subscription id from a subscriptions path without a GUID after it', () => {
    const page = pageOf(`${HOST}/dashboard/commerce2/customers/${CONTOSO}/subscriptions/add`);
    expect(page).toStrictEqual({ kind: 'customer', tenantId: CONTOSO, tab: 'subscriptions/add', family: 'commerce2' });
  });

  it.each([
    ['/dashboard/v2/customers/list', { kind: 'customers-list', family: 'v2' }],
    ['/dashboard/commerce2/customers/list', { kind: 'customers-list', family: 'commerce2' }],
    ['/en-us/dashboard/v2/customers/list', { kind: 'customers-list', family: 'v2', locale: 'en-us' }],
    ['/fr-FR/dashboard/commerce2/customers/list/?page=2#x', { kind: 'customers-list', family: 'commerce2', locale: 'fr-fr' }],
    ['/dashboard/v2/customers/granularadminaccess/list', { kind: 'customers-list', family: 'v2' }],
    ['/en-us/dashboard/commerce2/customers/granularadminaccess/list', { kind: 'customers-list', family: 'commerce2', locale: 'en-us' }],
  ])('customers list %s', (path, want) => {
    expect(pageOf(`${HOST}${path}`)).toStrictEqual(want);
  });

  it.each([
    ['another host', `https://evil.example/dashboard/v2/customers/${CONTOSO}/account`],
    ['a look-alike host', `https://partner.microsoft.com.evil.example/dashboard/v2/customers/${CONTOSO}/account`],
    ['a subdomain', `https://www.partner.microsoft.com/dashboard/v2/customers/${CONTOSO}/account`],
    ['user info before another host', `https://partner.microsoft.com@evil.example/dashboard/v2/customers/${CONTOSO}/account`],
    ['the portal in a query string', `https://evil.example/?next=${HOST}/dashboard/v2/customers/${CONTOSO}/account`],
    ['another scheme', `ftp://partner.microsoft.com/dashboard/v2/customers/${CONTOSO}/account`],
    ['javascript:', `javascript:location='${HOST}/dashboard/v2/customers/${CONTOSO}/account'`],
    ['an unknown family', `${HOST}/dashboard/v3/customers/${CONTOSO}/account`],
    ['no family', `${HOST}/dashboard/customers/${CONTOSO}/account`],
    ['not a GUID', `${HOST}/dashboard/v2/customers/not-a-guid/account`],
    ['a GUID that runs on', `${HOST}/dashboard/v2/customers/${CONTOSO}0/account`],
    ['a GUID cut short', `${HOST}/dashboard/v2/customers/${CONTOSO.slice(0, -1)}/account`],
    ['partners, not customers', `${HOST}/dashboard/v2/partners/${CONTOSO}/account`],
    ['the customers root', `${HOST}/dashboard/v2/customers`],
    ['a list with more after it', `${HOST}/dashboard/v2/customers/list/extra`],
    ['granular admin access without list', `${HOST}/dashboard/v2/customers/granularadminaccess`],
    ['a locale of another shape', `${HOST}/english/dashboard/v2/customers/${CONTOSO}/account`],
    ['two locales', `${HOST}/en-us/fr-fr/dashboard/v2/customers/${CONTOSO}/account`],
    ['the home page', `${HOST}/en-us/dashboard/home`],
    ['the host alone', `${HOST}/`],
    ['junk', 'not a url'],
    ['a relative path', `/dashboard/v2/customers/${CONTOSO}/account`],
    ['empty', ''],
  ])('%s is no page of ours', (_, url) => {
    expect(pageOf(url)).toStrictEqual({ kind: 'other' });
  });
});

describe('customerUrl', () => {
  it('is the commerce2 account page without a locale by default, lower case', () => {
    expect(customerUrl(CONTOSO.toUpperCase())).toBe(`${HOST}/dashboard/commerce2/customers/${CONTOSO}/account`);
  });

  it('uses the family, locale, tab or subscription asked for', () => {
    expect(customerUrl(CONTOSO, { family: 'v2', locale: 'FR-FR' })).toBe(`${HOST}/fr-fr/dashboard/v2/customers/${CONTOSO}/account`);
    expect(customerUrl(CONTOSO, { tab: 'servicemanagementpage' })).toBe(`${HOST}/dashboard/commerce2/customers/${CONTOSO}/servicemanagementpage`);
    expect(customerUrl(CONTOSO, { tab: '/billing/invoices/' })).toBe(`${HOST}/dashboard/commerce2/customers/${CONTOSO}/billing/invoices`);
    expect(customerUrl(CONTOSO, { family: 'v2', subscriptionId: SUB.toUpperCase(), tab: 'users' })).toBe(`${HOST}/dashboard/v2/customers/${CONTOSO}/subscriptions/${SUB}`);
  });

  it('drops a locale of another shape and an unknown family rather than put them in the path', () => {
    expect(customerUrl(CONTOSO, { locale: '../../evil' })).toBe(`${HOST}/dashboard/commerce2/customers/${CONTOSO}/account`);
    expect(customerUrl(CONTOSO, { locale: 'en' })).toBe(`${HOST}/dashboard/commerce2/customers/${CONTOSO}/account`);
    expect(customerUrl(CONTOSO, { family: 'v3' as never })).toBe(`${HOST}/dashboard/commerce2/customers/${CONTOSO}/account`);
    expect(customerUrl(CONTOSO, { tab: 'a b?c#d' })).toBe(`${HOST}/dashboard/commerce2/customers/${CONTOSO}/a%20b%3Fc%23d`);
  });

  it.each<[CustomerUrlOptions]>([
    [{}], [{ family: 'v2' }], [{ family: 'v2', locale: 'en-us' }], [{ locale: 'fr-fr', tab: 'users' }],
    [{ family: 'commerce2', locale: 'en-gb', subscriptionId: SUB }],
  ])('reads back with pageOf: %j', (opts) => {
    const page = pageOf(customerUrl(CONTOSO, opts));
    expect(page).toMatchObject({ kind: 'customer', tenantId: CONTOSO, family: opts.family ?? 'commerce2' });
    expect(page.kind === 'customer' && page.locale).toBe(opts.locale ?? undefined);
    expect(page.kind === 'customer' && page.subscriptionId).toBe(opts.subscriptionId);
  });
});

describe('findCustomerLinks on the saved customers list', () => {
  const LIST_URL = `${HOST}/en-us/dashboard/v2/customers/list`;

  it('finds absolute and relative links, in the page and inside the grid\'s shadow roots, and nothing else', () => {
    loadPage('customers-list.html', LIST_URL);
    const links = findCustomerLinks(document);
    expect(links.map((l) => [l.el.id, l.tenantId])).toEqual([
      ['abs', CONTOSO], ['root-rel', FABRIKAM], ['dot-rel', MARKUP], ['bare-rel', NORTHWIND], ['in-shadow', FABRIKAM],
    ]);
    // The elements returned are the page's own anchors.
    expect(links[0].el).toBe(document.getElementById('abs'));
    expect(links.every((l) => l.el instanceof HTMLAnchorElement)).toBe(true);
  });

  it('skips our own UI, in the light DOM and in our shadow roots', () => {
    loadPage('customers-list.html', LIST_URL);
    const texts = findCustomerLinks(document).map((l) => l.el.textContent);
    expect(texts).not.toContain('Our own link');
    expect(texts).not.toContain("Our panel's link");
    // Scanning our own host directly finds nothing either.
    expect(findCustomerLinks(document.getElementById('ours-light')!)).toEqual([]);
    expect(findCustomerLinks(document.querySelector('prl-risk-panel')!)).toEqual([]);
  });

  it('resolves relative links against the page\'s URL: on a customer page, ./x is under that customer', () => {
    document.body.innerHTML = `<a href="./${FABRIKAM}/account">rel</a>`;
    happyDOM.setURL(LIST_URL);
    expect(findCustomerLinks(document).map((l) => l.tenantId)).toEqual([FABRIKAM]);
    // On a page off the portal the same relative link names no customer page of ours.
    happyDOM.setURL('https://example.com/dashboard/v2/customers/list');
    expect(findCustomerLinks(document)).toEqual([]);
  });

  it('honours <base>', () => {
    happyDOM.setURL('https://example.com/elsewhere');
    const base = document.createElement('base');
    base.href = `${HOST}/dashboard/commerce2/customers/list`;
    document.head.append(base);
    document.body.innerHTML = `<a href="/dashboard/commerce2/customers/${CONTOSO}/account">root</a><a href="${FABRIKAM}/users">bare</a>`;
    expect(findCustomerLinks(document).map((l) => l.tenantId)).toEqual([CONTOSO, FABRIKAM]);
  });

  it('ignores an SVG link, even one pointing at a customer', () => {
    happyDOM.setURL(LIST_URL);
    document.body.innerHTML = `<svg><a href="${HOST}/dashboard/v2/customers/${CONTOSO}/account"><text>svg</text></a></svg>`;
    expect(document.querySelectorAll('a[href]')).toHaveLength(1);
    expect(findCustomerLinks(document)).toEqual([]);
  });

  it('stops at the depth asked for', () => {
    loadPage('customers-list.html', LIST_URL);
    // The grid's link is three shadow roots deep.
    expect(findCustomerLinks(document, { maxDepth: 2 }).map((l) => l.el.id)).toEqual(['abs', 'root-rel', 'dot-rel', 'bare-rel']);
    expect(findCustomerLinks(document, { maxDepth: 3 }).map((l) => l.el.id)).toContain('in-shadow');
  });

  it('finds a link added after the first scan (a late render)', () => {
    loadPage('customers-list-placeholders.html', `${HOST}/dashboard/commerce2/customers/list`);
    expect(findCustomerLinks(document)).toEqual([]);
    const inner = collectShadowRoots(document).at(-1)!;
    const a = document.createElement('a');
    a.href = `/dashboard/commerce2/customers/${CONTOSO}/account`;
    inner.append(a);
    expect(findCustomerLinks(document).map((l) => l.el)).toEqual([a]);
  });
});

describe('findGridRows on the saved customers list', () => {
  const LIST_URL = `${HOST}/en-us/dashboard/v2/customers/list`;

  it('finds the customer rows three open shadow roots deep: placeholders, header and our own UI left out', () => {
    loadPage('customers-list.html', LIST_URL);
    const rows = findGridRows(document);
    expect(rows.map((r) => [r.tenantId, r.name])).toEqual([
      [CONTOSO, 'Contoso Ltd'],
      [FABRIKAM, 'Fabrikam, Inc.'],
      [MARKUP, MARKUP_NAME],
      [CONTOSO, 'Contoso Ltd'],
      [NORTHWIND, undefined],
    ]);
    // None of them is a placeholder, the header, or the row inside our own panel.
    const ids = rows.map((r) => r.row.id);
    expect(ids).not.toContain('row-he-row-0');
    expect(ids).not.toContain('row-1');
    expect(ids).not.toContain('column-header');
    expect(rows.every((r) => r.row.getRootNode() !== document.querySelector('prl-risk-panel')!.shadowRoot)).toBe(true);
  });

  it('gives a tenant listed twice two rows, each its own element', () => {
    loadPage('customers-list.html', LIST_URL);
    const contoso = findGridRows(document).filter((r) => r.tenantId === CONTOSO);
    expect(contoso).toHaveLength(2);
    expect(contoso[0].row).not.toBe(contoso[1].row);
  });

  it('puts the mark in the name cell, else in the row\'s first cell', () => {
    loadPage('customers-list.html', LIST_URL);
    const rows = findGridRows(document);
    expect(rows[0].cell.id).toBe(`cell-displayName-${CONTOSO}`);
    expect(rows[0].cell.parentElement).toBe(rows[0].row);
    // An upper-case row id still gives a lower-case tenant id and finds its (upper-case) name cell.
    expect(rows[1].row.id).toBe(`row-${FABRIKAM.toUpperCase()}`);
    expect(rows[1].cell.id).toBe(`cell-displayName-${FABRIKAM.toUpperCase()}`);
    const northwind = rows.find((r) => r.tenantId === NORTHWIND)!;
    expect(northwind.cell).toBe(northwind.row.firstElementChild);
    expect(northwind).not.toHaveProperty('name');
  });

  it('reads the name from the link-style button as text: collapsed whitespace, our badge left out, markup not parsed', () => {
    loadPage('customers-list.html', LIST_URL);
    const rows = findGridRows(document);
    expect(rows[0].name).toBe('Contoso Ltd');
    expect(rows[1].name).toBe('Fabrikam, Inc.'); // not "Fabrikam, Inc.High 60": the badge in the cell is ours
    expect(rows[2].name).toBe(MARKUP_NAME);
    // The markup in the name is text in the page, and reading it made no element either.
    const grid = collectShadowRoots(document).at(-1)!;
    expect(grid.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('skips reading names when asked', () => {
    loadPage('customers-list.html', LIST_URL);
    const rows = findGridRows(document, { names: false });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => !('name' in r))).toBe(true);
  });

  it('finds nothing but placeholders before the rows come, then the rows as they turn real in place', () => {
    loadPage('customers-list-placeholders.html', `${HOST}/dashboard/commerce2/customers/list`);
    expect(findGridRows(document)).toEqual([]);
    const body = collectShadowRoots(document).at(-1)!.querySelector('tbody')!;
    const [first, second] = body.querySelectorAll('tr');
    // The portal swaps ids and cells of the same elements.
    first.id = `row-${CONTOSO}`;
    first.firstElementChild!.id = `cell-displayName-${CONTOSO}`;
    first.firstElementChild!.textContent = 'Contoso Ltd';
    let rows = findGridRows(document);
    expect(rows.map((r) => [r.row, r.tenantId, r.name])).toEqual([[first, CONTOSO, 'Contoso Ltd']]);
    // Paging changes a real row into another customer's row in place.
    first.id = `row-${FABRIKAM}`;
    first.firstElementChild!.id = `cell-displayName-${FABRIKAM}`;
    first.firstElementChild!.textContent = 'Fabrikam, Inc.';
    second.id = `row-${NORTHWIND}`;
    rows = findGridRows(document);
    expect(rows.map((r) => [r.row, r.tenantId, r.name])).toEqual([[first, FABRIKAM, 'Fabrikam, Inc.'], [second, NORTHWIND, undefined]]);
  });

  it('reads a button that renders its label only in its own shadow root', () => {
    const tr = document.createElement('tr');
    tr.id = `row-${CONTOSO}`;
    const td = document.createElement('td');
    td.id = `cell-displayName-${CONTOSO}`;
    const btn = document.createElement('customersvcadmin_he-button');
    btn.attachShadow({ mode: 'open' }).innerHTML = '<style>.x{}</style><span>  Contoso   Ltd </span>';
    td.append(btn);
    tr.append(td);
    const table = document.createElement('table');
    table.append(tr);
    document.body.replaceChildren(table);
    expect(findGridRows(document)[0].name).toBe('Contoso Ltd');
  });

  it('caps an over-long name', () => {
    const table = document.createElement('table');
    table.innerHTML = `<tr id="row-${CONTOSO}"><td id="cell-displayName-${CONTOSO}">${'x'.repeat(1000)}</td></tr>`;
    document.body.replaceChildren(table);
    expect(findGridRows(document)[0].name).toHaveLength(300);
  });
});

/** A chain of `depth` open shadow roots, each holding one grid row: host → shadow → host → shadow → … */
function nestedGrid(depth: number): HTMLElement {
  const outer = document.createElement('customersvcadmin_he-data-grid');
  let host: HTMLElement = outer;
  for (let d = 1; d <= depth; d++) {
    const root = host.attachShadow({ mode: 'open' });
    const id = `${String(d).padStart(8, '0')}-0000-4000-8000-000000000000`;
    root.innerHTML = `<table><tr role="row" id="row-${id}"><td id="cell-displayName-${id}"><x-button>Level ${d}</x-button></td></tr></table>`;
    host = document.createElement(`he-level-${d}`);
    root.append(host);
  }
  return outer;
}

describe('collectShadowRoots and scopesOf', () => {
  it('walks nested open shadow roots shallower first, up to the depth limit', () => {
    document.body.replaceChildren(nestedGrid(5));
    const roots = collectShadowRoots(document);
    expect(roots).toHaveLength(5);
    expect(roots.map((r) => r.host.localName)).toEqual(['customersvcadmin_he-data-grid', 'he-level-1', 'he-level-2', 'he-level-3', 'he-level-4']);
    expect(collectShadowRoots(document, 3)).toEqual(roots.slice(0, 3));
    expect(collectShadowRoots(document, 1)).toEqual(roots.slice(0, 1));
    expect(collectShadowRoots(document, 0)).toEqual([]);
    expect(findGridRows(document).map((r) => r.name)).toEqual(['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5']);
    expect(findGridRows(document, { maxDepth: 2 }).map((r) => r.name)).toEqual(['Level 1', 'Level 2']);
  });

  it(`stops at ${DEFAULT_MAX_DEPTH} levels by default`, () => {
    document.body.replaceChildren(nestedGrid(DEFAULT_MAX_DEPTH + 3));
    expect(collectShadowRoots(document)).toHaveLength(DEFAULT_MAX_DEPTH);
    expect(findGridRows(document)).toHaveLength(DEFAULT_MAX_DEPTH);
  });

  it('counts the root passed in as a host itself, and scans from a shadow root', () => {
    const grid = nestedGrid(3);
    document.body.replaceChildren(grid);
    expect(collectShadowRoots(grid).map((r) => r.host)).toEqual(collectShadowRoots(document).map((r) => r.host));
    const first = grid.shadowRoot!;
    expect(collectShadowRoots(first)).toHaveLength(2);
    expect(scopesOf(first)).toEqual([first, ...collectShadowRoots(first)]);
    expect(findGridRows(first).map((r) => r.name)).toEqual(['Level 1', 'Level 2', 'Level 3']);
  });

  it('sees neither closed shadow roots nor anything under our own hosts', () => {
    const closed = document.createElement('x-closed');
    closed.attachShadow({ mode: 'closed' }).innerHTML = `<table><tr id="row-${CONTOSO}"><td>hidden</td></tr></table>`;
    const ours = document.createElement('prl-badge');
    ours.setAttribute('data-prl', '');
    ours.attachShadow({ mode: 'open' }).append(nestedGrid(2));
    const oursInside = document.createElement('div');
    oursInside.setAttribute('data-prl', '');
    oursInside.append(nestedGrid(1));
    document.body.replaceChildren(closed, ours, oursInside);
    expect(collectShadowRoots(document)).toEqual([]);
    expect(findGridRows(document)).toEqual([]);
    expect(scopesOf(ours)).toEqual([]);
    expect(scopesOf(ours.shadowRoot!)).toEqual([]);
  });

  it('walks a list of thousands for shadow roots without visiting its rows one by one', () => {
    // A grid of 3,000 rows in a shadow root, a root after the table (found), one in a row's cell (not looked for).
    const grid = document.createElement('customersvcadmin_he-data-grid');
    const root = grid.attachShadow({ mode: 'open' });
    const table = document.createElement('table');
    const body = document.createElement('tbody');
    for (let i = 0; i < 3000; i++) {
      const id = `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`;
      const tr = document.createElement('tr');
      tr.id = `row-${id}`;
      tr.innerHTML = `<td id="cell-displayName-${id}"><x-button>Customer ${i}</x-button></td>`;
      body.append(tr);
    }
    body.querySelector('x-button')!.attachShadow({ mode: 'open' });
    table.append(body);
    const after = document.createElement('x-pager');
    after.attachShadow({ mode: 'open' });
    root.append(table, after);
    document.body.replaceChildren(grid);
    const siblings = vi.spyOn(Element.prototype, 'previousElementSibling', 'get');
    try {
      expect(collectShadowRoots(document).map((r) => r.host.localName)).toEqual(['customersvcadmin_he-data-grid', 'x-pager']);
      expect(siblings.mock.calls.length).toBeLessThan(50);
    } finally {
      siblings.mockRestore();
    }
  });

  it('tells a customer row from a placeholder, the header, another element and a row of ours', () => {
    const table = document.createElement('table');
    table.innerHTML = `<thead><tr id="column-header"></tr></thead><tbody><tr id="row-he-row-0"></tr><tr id="row-1"></tr>`
      + `<tr id="row-${FABRIKAM.toUpperCase()}"></tr><tr id="row-${CONTOSO}0"></tr></tbody>`;
    const ours = document.createElement('div');
    ours.setAttribute('data-prl', '');
    ours.innerHTML = `<table><tr id="row-${CONTOSO}"></tr></table>`;
    const div = document.createElement('div');
    div.id = `row-${CONTOSO}`;
    document.body.replaceChildren(table, ours, div);
    const candidates = Array.from(rowCandidates(document));
    expect(candidates.map(customerOfRow)).toEqual([undefined, undefined, FABRIKAM, undefined, undefined]);
    expect(customerOfRow(div)).toBeUndefined();
  });

  it('finds every root of the saved list page but ours', () => {
    loadPage('customers-list.html', `${HOST}/en-us/dashboard/v2/customers/list`);
    expect(collectShadowRoots(document).map((r) => r.host.localName)).toEqual([
      'customersvcadmin_he-data-grid', 'customersvcadmin_he-grid-scroller', 'customersvcadmin_he-grid-body',
    ]);
  });
});

describe('visibleCustomerName', () => {
  const ACCOUNT = `${HOST}/en-us/dashboard/v2/customers/${MARKUP}/account`;

  it('reads the heading on that customer\'s own page, as text', () => {
    loadPage('customer-account.html', ACCOUNT);
    expect(visibleCustomerName(document, MARKUP)).toBe(MARKUP_NAME);
    expect(visibleCustomerName(document, MARKUP.toUpperCase())).toBe(MARKUP_NAME);
    expect(document.querySelector('img')).toBeNull();
  });

  it('reads it on every tab of both families', () => {
    for (const url of [
      `${HOST}/dashboard/commerce2/customers/${MARKUP}/servicemanagementpage`, `${HOST}/fr-fr/dashboard/v2/customers/${MARKUP}/users`,
      `${HOST}/dashboard/commerce2/customers/${MARKUP.toUpperCase()}/subscriptions/${SUB}`,
    ]) {
      loadPage('customer-account.html', url);
      expect(visibleCustomerName(document, MARKUP)).toBe(MARKUP_NAME);
    }
  });

  it('does not take the heading for another customer, nor on a list page', () => {
    loadPage('customer-account.html', ACCOUNT);
    // The page links to Contoso, but its heading is not Contoso's name.
    expect(visibleCustomerName(document, CONTOSO)).toBeUndefined();
    loadPage('customers-list.html', `${HOST}/en-us/dashboard/v2/customers/list`);
    // "Customers" is the list's heading; Northwind's row has no name cell.
    expect(visibleCustomerName(document, NORTHWIND)).toBeUndefined();
    happyDOM.setURL('https://example.com/');
    document.body.innerHTML = '<h1>Contoso Ltd</h1>';
    expect(visibleCustomerName(document, CONTOSO)).toBeUndefined();
  });

  it('reads a grid row\'s name on any page, before a heading', () => {
    loadPage('customers-list.html', `${HOST}/en-us/dashboard/v2/customers/list`);
    expect(visibleCustomerName(document, CONTOSO)).toBe('Contoso Ltd');
    expect(visibleCustomerName(document, FABRIKAM.toUpperCase())).toBe('Fabrikam, Inc.');
    expect(visibleCustomerName(document, MARKUP)).toBe(MARKUP_NAME);
  });

  it('skips our own heading and an empty one, and finds an ARIA heading inside a shadow root', () => {
    happyDOM.setURL(ACCOUNT);
    const ours = document.createElement('div');
    ours.setAttribute('data-prl', '');
    ours.innerHTML = '<h1>Risk panel</h1>';
    const empty = document.createElement('h1');
    const host = document.createElement('page-header');
    host.attachShadow({ mode: 'open' }).innerHTML = '<div role="heading" aria-level="1"> Markup &amp; Co </div>';
    document.body.replaceChildren(ours, empty, host);
    expect(visibleCustomerName(document, MARKUP)).toBe('Markup & Co');
  });

  it('finds nothing while the page has not rendered its heading yet', () => {
    happyDOM.setURL(ACCOUNT);
    document.body.innerHTML = '<p class="loading">Loading…</p>';
    expect(visibleCustomerName(document, MARKUP)).toBeUndefined();
  });
});

describe('shadow roots inside customer rows', () => {
  it('are not walked (rows are known by their id), while the grid roots around them are', () => {
    const grid = document.createElement('x-grid');
    const root = grid.attachShadow({ mode: 'open' });
    const table = document.createElement('table');
    const tr = document.createElement('tr');
    tr.id = 'row-aaaaaaaa-0000-4000-8000-000000000001';
    const td = document.createElement('td');
    const button = document.createElement('x-button');
    const inRow = button.attachShadow({ mode: 'open' });
    td.append(button);
    tr.append(td);
    table.append(tr);
    const beside = document.createElement('x-pager');
    const besideRoot = beside.attachShadow({ mode: 'open' });
    root.append(table, beside);
    document.body.replaceChildren(grid);
    const found = collectShadowRoots(document);
    expect(found).toContain(root);
    expect(found).toContain(besideRoot);
    expect(found).not.toContain(inRow);
    expect(findGridRows(document).map((r) => r.tenantId)).toEqual(['aaaaaaaa-0000-4000-8000-000000000001']);
    document.body.replaceChildren();
  });
});
