// The content script runs on every portal page, lists of thousands of rows included: it carries the badges, and
// the panel (entrypoints/content/panel.tsx, components/panel, Preact) only comes on a customer's page, from its
// own file (entrypoints/risk-panel.ts, loaded by panel-loader.ts). Checked on the static imports of the content
// script's source, which is what the bundler puts in its file; the built size is in bench/RESULTS.md (≤ 30 KB).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Static imports of a source file (type-only imports and dynamic import() left out), as repository paths. */
function staticImports(file: string, text = readFileSync(file, 'utf8')): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const out: string[] = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (m[2]) continue; // import type …
    if (m[3] && /^\{?\s*type\s/.test(m[3]) && !/,\s*(?!type\s)\w/.test(m[3])) continue; // import { type A } …
    out.push(m[4]);
  }
  return out;
}

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.') && !spec.startsWith('@/')) return spec; // a package
  const base = spec.startsWith('@/') ? spec.slice(2) : join(dirname(from), spec);
  for (const f of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) if (existsSync(f) && !f.endsWith('/')) {
    try { readFileSync(f, 'utf8'); return normalize(f); } catch { /* a folder */ }
  }
  return undefined;
}

/** Every file and package the entry pulls in through static imports. */
function closure(entry: string, read: (f: string) => string = (f) => readFileSync(f, 'utf8')): Set<string> {
  const seen = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    if (!/\.(ts|tsx)$/.test(f)) return;
    for (const spec of staticImports(f, read(f))) { const r = resolve(f, spec); if (r) walk(r); }
  };
  walk(entry);
  return seen;
}

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
