// The popup's first rows come before its store: the first paint's modules (entrypoints/popup/main.tsx and what it
// imports statically) hold the view, the message call and the strings, never zod, IndexedDB or the team code, which
// later.tsx brings once the rows are painted. Evaluating those first cost the rows tens of milliseconds
// (bench/popup-trace.ts); the built files are measured by `npm run bench -- size popup`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closure } from './static-imports';

const ENTRY = 'entrypoints/popup/main.tsx';
const heavy = (files: Set<string>) => [...files].filter((f) => /^(zod|idb|pouchdb)|^lib\/(db\/|schema\.ts|messages\.ts|sync\/)|^utils\/team\.ts$/.test(f)).sort();

describe('the popup\'s first paint', () => {
  it('imports neither zod nor the store nor the team code', () => {
    const files = closure(ENTRY);
    expect(files.has('components/popup/rows.tsx')).toBe(true); // the walk does reach the rows
    expect(heavy(files)).toEqual([]);
  });

  it('leaves them to the module it loads after the first rows', () => {
    const later = heavy(closure('entrypoints/popup/later.tsx'));
    expect(later).toContain('lib/db/index.ts');
    expect(later).toContain('utils/team.ts');
    expect(readFileSync(ENTRY, 'utf8')).toMatch(/import\('\.\/later'\)/);
  });

  it('sees a planted static import of the store, and of the schemas through a helper', () => {
    const planting = (line: string, into: string) => (f: string) => {
      const text = readFileSync(f, 'utf8');
      return f === into ? `${line}\n${text}` : text;
    };
    expect(heavy(closure(ENTRY, planting(`import { openStore } from '@/lib/db';`, ENTRY)))).toContain('lib/db/index.ts');
    expect(heavy(closure(ENTRY, planting(`import { alertReason } from './schema';`, 'lib/triage.ts')))).toContain('lib/schema.ts');
  });
});
