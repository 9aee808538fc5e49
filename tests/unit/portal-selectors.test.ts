// Each portal selector of lib/portal/selectors.ts finds, on the saved page shape beside it, the count beside it
// (in the document and every open shadow root, ours included: the selector alone, before any predicate).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SELECTORS, rowOfTenant } from '../../lib/portal/selectors';

const FIXTURES = join(__dirname, '../fixtures/portal');

function load(file: string): void {
  document.body.innerHTML = readFileSync(join(FIXTURES, file), 'utf8');
  const attach = (scope: ParentNode) => {
    for (const tpl of [...scope.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) {
      const root = tpl.parentElement!.attachShadow({ mode: 'open' });
      root.append(tpl.content);
      tpl.remove();
      attach(root);
    }
  };
  attach(document.body);
}

/** Matches in the document and in every open shadow root under it. */
function countEverywhere(css: string): number {
  let n = 0;
  const walk = (scope: ParentNode) => {
    n += scope.querySelectorAll(css).length;
    for (const el of scope.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  return n;
}

afterEach(() => document.body.replaceChildren());

describe('portal selectors, each on the page shape that proves it', () => {
  it.each(Object.entries(SELECTORS).map(([name, s]) => [name, s.css, s.proof, s.count] as const))('%s (%s) finds in %s: %i', (_name, css, proof, count) => {
    load(proof);
    expect(countEverywhere(css)).toBe(count);
  });

  it('finds one customer\'s rows by id in any letter case (Fabrikam\'s row id is upper case; Contoso is listed twice, and once in our panel)', () => {
    load('customers-list.html');
    expect(countEverywhere(rowOfTenant('7c9e6679-7425-40de-944b-e07fc1f90ae7'))).toBe(1);
    expect(countEverywhere(rowOfTenant('3f2504e0-4f89-41d3-9a0c-0305e82c3301'))).toBe(3);
  });
});
