// The content script runs on every portal page, lists of thousands of rows included: it carries the badges, and
// the panel (entrypoints/content/panel.tsx, components/panel, Preact) only comes on a customer's page, from its
// own file (entrypoints/risk-panel.ts, loaded by panel-loader.ts). Checked on the static imports of the content
// script's source, which is what the bundler puts in its file; the built size is in bench/RESULTS.md (≤ 30 KB).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closure } from './static-imports';

const panelCode = (files: Set<string>) => [...files].filter((f) => /^(components\/panel\/|entrypoints\/content\/panel\.tsx$|preact)/.test(f));

describe('the content script without the panel', () => {
  it('pulls in no panel code and no Preact: those load on a customer page only', () => {
    const files = closure('entrypoints/content/index.tsx');
    expect(files.has('entrypoints/content/badges.ts')).toBe(true); // the walk does reach the badges
    expect(panelCode(files)).toEqual([]);
  });

  it('the panel file holds the panel', () => {
    expect(panelCode(closure('entrypoints/risk-panel.ts'))).toContain('entrypoints/content/panel.tsx');
  });

  it('sees a planted static import of the panel', () => {
    const planted = (f: string) => {
      const text = readFileSync(f, 'utf8');
      return f === 'entrypoints/content/index.tsx' ? `import { mountPanel } from './panel';\n${text}` : text;
    };
    expect(panelCode(closure('entrypoints/content/index.tsx', planted))).toContain('entrypoints/content/panel.tsx');
  });
});
