// The static import graph of a source file, as the bundler sees it: what an entry's own file carries.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** Static imports of a source file (type-only imports and dynamic import() left out), as repository paths. */
export function staticImports(file: string, text = readFileSync(file, 'utf8')): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const out: string[] = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (m[2]) continue; // import type …
    if (m[3] && /^\{?\s*type\s/.test(m[3]) && !/,\s*(?!type\s)\w/.test(m[3])) continue; // import { type A } …
    out.push(m[4]);
  }
  return out;
}

export function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.') && !spec.startsWith('@/')) return spec; // a package
  const base = spec.startsWith('@/') ? spec.slice(2) : join(dirname(from), spec);
  for (const f of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) if (existsSync(f) && !f.endsWith('/')) {
    try { readFileSync(f, 'utf8'); return normalize(f); } catch { /* a folder */ }
  }
  return undefined;
}

/** Every file and package the entry pulls in through static imports. */
export function closure(entry: string, read: (f: string) => string = (f) => readFileSync(f, 'utf8')): Set<string> {
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
