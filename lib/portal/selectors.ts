// Every CSS selector and id prefix of the portal's markup, each beside the saved page shape that proves it
// (tests/fixtures/portal/) and how many elements it must find there, counted in the document and every open
// shadow root (tests/unit/portal-selectors.test.ts). Nothing outside lib/portal names them.
// Pages: /dashboard/{v2|commerce2}/customers/list (grid rows, links), /dashboard/{…}/customers/{tenantId}/{tab}
// (the heading, links to the same customer).

export interface PortalSelector {
  /** What it selects. */
  css: string;
  /** The saved page shape that proves it, under tests/fixtures/portal/. */
  proof: string;
  /** How many elements it finds there, in the document and its open shadow roots together. */
  count: number;
}

/** A grid row's id: `row-{tenantId}` for a customer, `row-he-row-0`, `row-1` for placeholders. */
export const ROW_ID_PREFIX = 'row-';
/** A name cell's id: `cell-displayName-{tenantId}` (compared in lower case). */
export const NAME_CELL_PREFIX = 'cell-displayname-';

export const SELECTORS = {
  /** Grid rows, placeholders and customers alike (`gridRowOf` keeps the customers). */
  gridRow: { css: `tr[id^="${ROW_ID_PREFIX}"]`, proof: 'customers-list.html', count: 9 },
  /** Links with an href (`customerOfHref` keeps those to a customer page). */
  link: { css: 'a[href]', proof: 'customers-list.html', count: 13 },
  /** The page's main heading: a plain h1 or an ARIA level-1 heading. */
  heading: { css: 'h1, [role="heading"][aria-level="1"]', proof: 'customer-account.html', count: 1 },
} as const satisfies Record<string, PortalSelector>;

/** One customer's row by id, in any letter case (the `i` flag; lower and upper case spelled out for DOMs
 * without it). Proven by customers-list.html: Fabrikam's row id is in upper case. */
export const rowOfTenant = (id: string): string =>
  `tr[id="${ROW_ID_PREFIX}${id}"], tr[id="${ROW_ID_PREFIX}${id.toUpperCase()}"], tr[id="${ROW_ID_PREFIX}${id}" i]`;
