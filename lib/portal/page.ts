// Which portal page a URL shows, the URL of a customer's page, and the customer name a page shows.
// URL shapes handled (host in PORTAL_HOSTS; an optional locale segment such as /en-us before /dashboard;
// query string and hash ignored; {family} is v2 or commerce2):
//   /dashboard/{family}/customers/list                       -> customers-list
//   /dashboard/{family}/customers/granularadminaccess/list   -> customers-list
//   /dashboard/{family}/customers/{tenantId}                 -> customer, tab ''
//   /dashboard/{family}/customers/{tenantId}/{tab…}          -> customer (account, servicemanagementpage, users, …)
//   /dashboard/{family}/customers/{tenantId}/subscriptions/{subscriptionId}[/…] -> customer with subscriptionId
import { gridRowName, visibleText } from './grid';
import { isGuid } from './guid';
import { PORTAL_HOSTS, isPortalHost } from './hosts';
import { isOurs, scopesOf } from './roots';
import { SELECTORS } from './selectors';

const FAMILIES = ['v2', 'commerce2'] as const;
export type PortalFamily = (typeof FAMILIES)[number];

export type PortalPage =
  | { kind: 'customer'; tenantId: string; tab: string; subscriptionId?: string; family: PortalFamily; locale?: string }
  | { kind: 'customers-list'; family: PortalFamily; locale?: string }
  | { kind: 'other' };

// Only the xx-yy form: it is what the portal's links use, and what the messages accept as a locale.
const LOCALE = /^[a-z]{2}-[a-z]{2}$/i;
const OTHER: PortalPage = { kind: 'other' };

/** The page a URL shows. Anything unparseable, off the portal's hosts or of an unknown shape is 'other'. */
export function pageOf(url: string): PortalPage {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return OTHER;
  }
  return pageOfUrl(u);
}

/** pageOf for an already parsed URL: the link scanner resolves relative hrefs itself. */
export function pageOfUrl(u: URL): PortalPage {
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !isPortalHost(u.hostname)) return OTHER;
  // Path segments as written: the tab keeps its case, the fixed words are compared in lower case.
  const seg = u.pathname.split('/').filter(Boolean);
  let locale: string | undefined;
  if (seg[0] && LOCALE.test(seg[0])) locale = seg.shift()!.toLowerCase();
  const [dashboard, familyRaw, customers, id, ...rest] = seg;
  const family = FAMILIES.find((f) => f === familyRaw?.toLowerCase());
  if (dashboard?.toLowerCase() !== 'dashboard' || customers?.toLowerCase() !== 'customers' || id === undefined) return OTHER;
  if (!family) return OTHER;
  const where: { family: PortalFamily; locale?: string } = locale ? { family, locale } : { family };
  const lower = rest.map((s) => s.toLowerCase());
  if (id.toLowerCase() === 'list' && rest.length === 0) return { kind: 'customers-list', ...where };
  if (id.toLowerCase() === 'granularadminaccess' && lower.join('/') === 'list') return { kind: 'customers-list', ...where };
  if (!isGuid(id)) return OTHER;
  const page: Extract<PortalPage, { kind: 'customer' }> = { kind: 'customer', tenantId: id.toLowerCase(), tab: rest.join('/'), ...where };
  const at = lower.indexOf('subscriptions');
  const sub = at >= 0 ? rest[at + 1] : undefined;
  if (sub && isGuid(sub)) page.subscriptionId = sub.toLowerCase();
  return page;
}

export interface CustomerUrlOptions {
  family?: PortalFamily;
  locale?: string;
  /** Path after the tenant id, e.g. 'users'; default 'account'. Ignored when subscriptionId is given. */
  tab?: string;
  subscriptionId?: string;
}

/** The absolute URL of a customer's page; by default its account page in the commerce2 family, no locale. */
export function customerUrl(tenantId: string, opts: CustomerUrlOptions = {}): string {
  const family: PortalFamily = opts.family === 'v2' ? 'v2' : 'commerce2';
  // Options may come back from storage: a locale of another shape is dropped rather than put in a path.
  const locale = opts.locale && LOCALE.test(opts.locale) ? `/${opts.locale.toLowerCase()}` : '';
  const tab = opts.subscriptionId ? ['subscriptions', opts.subscriptionId.toLowerCase()] : (opts.tab ?? 'account').split('/').filter(Boolean);
  const path = [encodeURIComponent(tenantId.toLowerCase()), ...tab.map(encodeURIComponent)].join('/');
  return `https://${PORTAL_HOSTS[0]}${locale}/dashboard/${family}/customers/${path}`;
}

/**
 * The name the portal shows for a customer, best effort and as text: recorded for customers not yet in the
 * store. Read from a grid row's name cell, else from the page heading, but only on that customer's own page
 * (judged by the URL of the root's document): elsewhere a heading says "Customers".
 */
export function visibleCustomerName(root: ParentNode, tenantId: string): string | undefined {
  const id = tenantId.toLowerCase();
  const inGrid = gridRowName(root, id);
  if (inGrid) return inGrid;
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  const page = doc ? pageOf(doc.URL) : OTHER;
  if (page.kind !== 'customer' || page.tenantId !== id) return undefined;
  return pageHeading(root);
}

/**
 * The text of the page's main heading as the portal shows it: a plain `h1` or an ARIA level-1 heading, in the
 * document or inside its open shadow roots (ours skipped); whatever customer, if any, the page is about.
 */
export function pageHeading(root: ParentNode): string | undefined {
  for (const scope of scopesOf(root)) {
    for (const h of scope.querySelectorAll(SELECTORS.heading.css)) {
      const text = isOurs(h) ? '' : visibleText(h);
      if (text) return text;
    }
  }
  return undefined;
}
