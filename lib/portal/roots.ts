// Open shadow roots under a node, walked level by level with a depth limit, never into our own UI.
// The portal's data grids are web components whose tables sit several open shadow roots deep, where
// `querySelectorAll` on the document does not reach; every scan here runs once per root it returns.
import { ROW_ID_PREFIX } from './selectors';

/** Our own hosts carry this attribute: nothing inside them is the portal's. */
export const OURS = '[data-prl]';
export const DEFAULT_MAX_DEPTH = 8;

export interface ScanOptions {
  /** How many shadow roots deep to look (a root directly under `root` is depth 1). Default 8. */
  maxDepth?: number;
}

/** Whether an element is our own UI or inside it. `closest` stops at its shadow root, which is enough:
 * we never descend into a shadow root whose host is ours. */
export const isOurs = (el: Element): boolean => el.closest(OURS) !== null;

function isOwnedByUs(root: ParentNode): boolean {
  const node = root as Node;
  if (node.nodeType === 1) return isOurs(node as Element);
  if (node.nodeType === 11 && (root as ShadowRoot).host) return isOurs((root as ShadowRoot).host);
  return false;
}

const isRow = (el: Element | null): boolean => el !== null && el.localName === 'tr' && el.id.startsWith(ROW_ID_PREFIX);

/** Every open shadow root under `root`, shallower roots first; closed roots cannot be reached, by design. */
export function collectShadowRoots(root: ParentNode, maxDepth: number = DEFAULT_MAX_DEPTH): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  if (isOwnedByUs(root)) return found;
  let level: ShadowRoot[] = [];
  // `querySelectorAll` never returns the node it is called on: an element passed in may be a host itself.
  const self = (root as Node).nodeType === 1 ? (root as Element).shadowRoot : null;
  if (self) level.push(self);
  const scanLevel = (scope: ParentNode, into: ShadowRoot[]) => {
    // One walk over the scope's elements, not into customer rows: a grid's rows are most of a list page's
    // elements, and a root inside a row (a button's) holds nothing we look for, as rows are known by their id.
    // `closest` only for the few elements that host a root.
    // A body of rows (its first and last children rows) is not walked row by row either: the walk ran through every
    // row of a list on every scan, most of a scan's time (each row a wrapper for the script's world, thousands).
    const stack: Element[] = [];
    for (let c = scope.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
    while (stack.length) {
      const el = stack.pop()!;
      const sr = el.shadowRoot;
      if (sr && !isOurs(el)) into.push(sr);
      if (isRow(el) || (isRow(el.firstElementChild) && isRow(el.lastElementChild))) continue;
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
    }
  };
  if (maxDepth >= 1) scanLevel(root, level);
  for (let depth = 1; depth <= maxDepth && level.length > 0; depth++) {
    const next: ShadowRoot[] = [];
    for (const sr of level) {
      found.push(sr);
      if (depth < maxDepth) scanLevel(sr, next);
    }
    level = next;
  }
  return found;
}

/** The root itself and every open shadow root under it: the scopes a scanner queries one by one. */
export function scopesOf(root: ParentNode, maxDepth: number = DEFAULT_MAX_DEPTH): ParentNode[] {
  return isOwnedByUs(root) ? [] : [root, ...collectShadowRoots(root, maxDepth)];
}
