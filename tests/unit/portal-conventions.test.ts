// Portal markup knowledge lives in lib/portal only: no other extension source names a portal selector, a row or
// cell id prefix, or a portal element's tag. The checker is shown catching planted violations.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SELECTORS } from '../../lib/portal/selectors';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : /\.(ts|tsx)$/.test(d.name) ? [join(dir, d.name)] : []));

/** What in this source names the portal's markup: its selectors, id prefixes, or element tags. */
export function portalMarkupIn(code: string): string[] {
  const text = code.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const found: string[] = [];
  for (const s of Object.values(SELECTORS)) if (text.includes(s.css)) found.push(s.css);
  const patterns: RegExp[] = [
    /\[id\s*[\^$*|~]?=\s*["'`]?(?:row|cell)-/gi, // selectors on row or cell ids
    /["'`](?:row|cell-[a-z]+)-(?=["'`$])/gi, // the prefixes as strings: 'row-', `row-${id}`, 'cell-displayName-'
    /[a-z]+_he-[a-z-]+|\bhe-button\b|data-grid\b|column-header/gi, // the portal's element tags and ids
    /(?:querySelector(?:All)?|closest|matches)\(\s*["'`][^"'`]*(?:\bh1\b|role="heading"|\btr\b)/g, // heading and row selectors
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) found.push(m[0]);
  return found;
}

describe('portal knowledge in lib/portal only', () => {
  it('catches planted violations, and lets our own ids that merely start like a row be', () => {
    expect(portalMarkupIn(`if (el.closest('tr[id^="row-"]')) return;`)).not.toEqual([]);
    expect(portalMarkupIn(`x.cell.id.toLowerCase().startsWith('cell-displayname-')`)).not.toEqual([]);
    expect(portalMarkupIn('const id = `row-${tenantId}`;')).not.toEqual([]);
    expect(portalMarkupIn(`document.querySelectorAll('h1')`)).not.toEqual([]);
    expect(portalMarkupIn(`page.locator('customersvcadmin_he-button')`)).not.toEqual([]);
    expect(portalMarkupIn(`for (const a of root.querySelectorAll('a[href]')) {}`)).not.toEqual([]);
    expect(portalMarkupIn(`<button data-testid="row-acknowledge">`)).toEqual([]);
    expect(portalMarkupIn(`// a comment may say tr[id^="row-"]`)).toEqual([]);
  });

  it('finds none in the extension outside lib/portal', () => {
    const offenders: string[] = [];
    for (const dir of ['entrypoints', 'components', 'lib', 'utils']) {
      for (const f of files(dir)) {
        if (f.startsWith(join('lib', 'portal'))) continue;
        for (const m of portalMarkupIn(readFileSync(f, 'utf8'))) offenders.push(`${f}: ${m}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
