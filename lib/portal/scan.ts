// The DOM side of lib/portal in one import: shadow roots, customer links and grid rows under a root node.
// URL shapes and markup are described in the modules themselves (page.ts, links.ts, grid.ts).
export { collectShadowRoots, scopesOf, isOurs, DEFAULT_MAX_DEPTH, type ScanOptions } from './roots';
export { findCustomerLinks, customerOfHref, type CustomerLink } from './links';
export { customerOfRow, eachGridRow, rowCandidates, findGridRows, gridRowOf, inGridRow, shownName, visibleText, type GridRow } from './grid';
export { visibleCustomerName } from './page';
