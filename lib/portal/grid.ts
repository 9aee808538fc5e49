// Customer rows of the portal's data grids under a root node, however many open shadow roots deep.
// Pages: customers lists (/dashboard/{v2|commerce2}/customers/list, …/customers/granularadminaccess/list).
// A row is <tr role="row" id="row-{tenantId}">, the name cell `cell-displayName-{tenantId}` holding a
// link-styled custom-element button with no href. Placeholder rows (`row-he-row-0`, `row-1`) hold no GUID
// and are skipped; the header row is `#column-header`. The grid host's tag (…data-grid) is not relied on.
import { GUID_SOURCE, isGuid } from './guid';
import { isOurs, scopesOf, type ScanOptions } from './roots';
import { NAME_CELL_PREFIX, ROW_ID_PREFIX, SELECTORS, rowOfTenant } from './selectors';

export interface GridRow {
  row: Element;
  /** Lower case. */
  tenantId: string;
  /** The name cell if the row has one, else the row's first cell: where a mark for the row belongs. */
  cell: Element;
  /** The name as shown (text, whitespace collapsed), only when the name cell was found. */
  name?: string;
}

// The GUID must start right after `row-` and not run on into more hex: `row-1` and `row-he-row-0` fail.
const ROW_ID = new RegExp(`^${ROW_ID_PREFIX}(${GUID_SOURCE})(?![0-9a-f])`, 'i');
// The messages refuse longer names; a name this long is not a company name anyway.
const MAX_NAME = 300;

/** Every customer row, in document order per root, shallower roots first. A tenant listed twice gives two. */
export function findGridRows(root: ParentNode, opts: ScanOptions & { names?: boolean } = {}): GridRow[] {
  return [...eachGridRow(root, opts)];
}

/** The same rows one at a time: a caller with thousands of rows can stop between two and give the page its
 * thread back. */
export function* eachGridRow(root: ParentNode, opts: ScanOptions & { names?: boolean } = {}): Generator<GridRow> {
  for (const scope of scopesOf(root, opts.maxDepth)) {
    for (const row of scope.querySelectorAll(SELECTORS.gridRow.css)) {
      const r = gridRowOf(row, opts.names !== false);
      if (r) yield r;
    }
  }
}

/** Every row of a scope that may be a customer's, placeholders included, as the browser lists them: nothing is read
 * from the rows here, so a list of thousands costs one native query. `customerOfRow` keeps the customers, row by
 * row, when their badges are due (the rows near the view). */
export function rowCandidates(scope: ParentNode): ArrayLike<Element> {
  return scope.querySelectorAll(SELECTORS.gridRow.css);
}

/** The customer a row is for (lower case), or undefined for a placeholder, the header, any other element, ours. */
export function customerOfRow(row: Element): string | undefined {
  return rowGuid(row)?.toLowerCase();
}

/** The GUID of a customer row's id as the portal writes it (its cells' ids use the same case), or undefined. */
function rowGuid(row: Element): string | undefined {
  const m = row.localName === 'tr' ? ROW_ID.exec(row.id) : null;
  return m && !isOurs(row) ? m[1] : undefined;
}

/** `row` as a customer row, or undefined for a placeholder, the header or any other element (ours too).
 * Reading the name walks the row's text: callers that only place badges leave `names` off. */
export function gridRowOf(row: Element, names = false): GridRow | undefined {
  const guid = rowGuid(row);
  if (!guid) return undefined;
  const nameCell = nameCellOf(row, guid);
  const cell = nameCell ?? row.firstElementChild ?? row;
  const name = nameCell && names ? visibleText(nameCell) : '';
  return name ? { row, tenantId: guid.toLowerCase(), cell, name } : { row, tenantId: guid.toLowerCase(), cell };
}

/** The name shown in the row of one customer (its name cell's text), looked up by row id, not by reading every
 * row: a list of thousands costs tens of ms to read whole. */
export function gridRowName(root: ParentNode, tenantId: string, opts: ScanOptions = {}): string | undefined {
  const id = tenantId.toLowerCase();
  if (!isGuid(id)) return undefined;
  for (const scope of scopesOf(root, opts.maxDepth)) {
    for (const row of scope.querySelectorAll(rowOfTenant(id))) {
      if (isOurs(row)) continue;
      const cell = nameCellOf(row, id);
      const name = cell ? visibleText(cell) : '';
      if (name) return name;
    }
  }
  return undefined;
}

/** Whether an element (a link, say) sits in a grid row: that row carries the customer's badge, not the link. */
export const inGridRow = (el: Element): boolean => el.closest(SELECTORS.gridRow.css) !== null;

/** The name a grid row's cell shows when it is the row's name cell (`GridRow.cell` may be its first cell). */
export function shownName(cell: Element): string | undefined {
  return cell.id.toLowerCase().startsWith(NAME_CELL_PREFIX) ? visibleText(cell) || undefined : undefined;
}

function nameCellOf(row: Element, id: string): Element | undefined {
  // Cells are the row's children; comparing ids in lower case copes with a cell id cased unlike the row's.
  const want = `${NAME_CELL_PREFIX}${id.toLowerCase()}`;
  // (Siblings walked and lengths compared first: the other cells' ids differ in length, and a list has
  // thousands of rows.)
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (cell.id.length === want.length && cell.id.toLowerCase() === want) return cell;
  }
  return undefined;
}

const SKIP = new Set(['style', 'script', 'template']);

/** Text of an element as a person reads it: our own UI and style/script left out, whitespace collapsed.
 * A button that renders its label only inside its own shadow root is read there as a fallback. */
export function visibleText(el: Element): string {
  let text = lightText(el).replace(/\s+/g, ' ').trim();
  if (!text) {
    for (const inner of el.querySelectorAll('*')) {
      if (inner.shadowRoot && !isOurs(inner)) text += ' ' + lightText(inner.shadowRoot);
    }
    text = text.replace(/\s+/g, ' ').trim();
  }
  return text.slice(0, MAX_NAME);
}

function lightText(node: ParentNode): string {
  let s = '';
  for (const child of (node as Node).childNodes) {
    if (child.nodeType === 3) s += child.nodeValue ?? '';
    else if (child.nodeType === 1) {
      const e = child as Element;
      if (!SKIP.has(e.localName) && !e.hasAttribute('data-prl')) s += lightText(e);
    }
  }
  return s;
}
