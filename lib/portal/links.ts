// Links to a customer's portal page under a root node, open shadow roots included, our own UI excluded.
// A link counts when its href, resolved against the anchor's base URL, has one of the customer-page shapes
// of page.ts: https://partner.microsoft.com[/xx-yy]/dashboard/{v2|commerce2}/customers/{tenantId}/…,
// absolute or relative (`/dashboard/…`, `./{tenantId}/account` on a list page), any letter case.
import { GUID_SOURCE } from './guid';
import { pageOfUrl } from './page';
import { isOurs, scopesOf, type ScanOptions } from './roots';
import { SELECTORS } from './selectors';

export interface CustomerLink {
  el: HTMLAnchorElement;
  /** Lower case. */
  tenantId: string;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
// Cheap filter before parsing a URL: an href without a GUID cannot name a customer.
const HAS_GUID = new RegExp(GUID_SOURCE, 'i');

/** Every `<a href>` pointing at a customer page, in document order per root, shallower roots first. */
export function findCustomerLinks(root: ParentNode, opts: ScanOptions = {}): CustomerLink[] {
  const found: CustomerLink[] = [];
  for (const scope of scopesOf(root, opts.maxDepth)) {
    for (const a of scope.querySelectorAll(SELECTORS.link.css)) {
      // An SVG <a> matches the selector too; it is never the portal's customer link.
      if (a.namespaceURI !== HTML_NS || isOurs(a)) continue;
      const tenantId = customerOfHref(a);
      if (tenantId) found.push({ el: a as HTMLAnchorElement, tenantId });
    }
  }
  return found;
}

/** The tenant id an anchor links to, or undefined. */
export function customerOfHref(a: Element): string | undefined {
  const href = a.getAttribute('href');
  if (!href || !HAS_GUID.test(href)) return undefined;
  // baseURI honours <base>; the document's location is the fallback for DOMs that leave baseURI empty.
  const base = a.baseURI || a.ownerDocument?.location?.href || undefined;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined; // relative href without any base, or malformed
  }
  const page = pageOfUrl(url);
  return page.kind === 'customer' ? page.tenantId : undefined;
}
