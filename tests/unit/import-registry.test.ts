// One import registry: a module per format under lib/import/formats, one list of kinds that everyone takes, and
// lib/import depending on nothing of lib/db (the store takes the import's types, not the reverse).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_KINDS, IMPORT_KINDS, ImportKind } from '../../lib/import/kinds';
import { CSV_FORMATS, JSON_FORMATS, WHOLE_JSON_FORMATS } from '../../lib/import/registry';
import { ImportKind as SchemaImportKind, Meta } from '../../lib/schema';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : []));

/** Every module a file imports (types too), as a path from the repository root; `@/` is the root. */
function importsOf(file: string, code: string): string[] {
  const specs = [...code.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return specs.flatMap((s) => (s.startsWith('.') ? [normalize(join(dirname(file), s))] : s.startsWith('@/') ? [normalize(s.slice(2))] : []));
}

/** Files under lib/import that import anything under lib/db: each named with what it imports. */
function importsOfDb(sources: Array<{ file: string; code: string }>): string[] {
  const db = join('lib', 'db');
  return sources
    .filter((s) => s.file.startsWith(join('lib', 'import')))
    .flatMap((s) => importsOf(s.file, s.code).filter((p) => p === db || p.startsWith(db + '/')).map((p) => `${s.file} imports ${p}`));
}

const libImport = () => files(join('lib', 'import')).map((file) => ({ file, code: readFileSync(file, 'utf8') }));

describe('the import registry', () => {
  it('lib/import imports nothing from lib/db', () => {
    expect(importsOfDb(libImport())).toEqual([]);
  });

  it('the convention catches a planted violation, a type import included', () => {
    const planted = [
      ...libImport(),
      { file: join('lib', 'import', 'formats', 'planted.ts'), code: "import type { ImportOutcome } from '../../db/import';\n" },
      { file: join('lib', 'import', 'planted-version.ts'), code: "import { DB_VERSION } from '@/lib/db';\n" },
    ];
    expect(importsOfDb(planted)).toEqual([
      `${join('lib', 'import', 'formats', 'planted.ts')} imports ${join('lib', 'db', 'import')}`,
      `${join('lib', 'import', 'planted-version.ts')} imports ${join('lib', 'db')}`,
    ]);
  });

  it('lib/db takes its import types from lib/import', () => {
    const store = readFileSync(join('lib', 'db', 'import.ts'), 'utf8');
    expect(importsOf(join('lib', 'db', 'import.ts'), store)).toEqual(expect.arrayContaining([join('lib', 'import', 'kinds'), join('lib', 'import', 'types')]));
  });

  it('lists every format module once, each exporting { kind, detect, parse } of a kind on the one list', async () => {
    const registered = new Set<object>([...CSV_FORMATS, ...JSON_FORMATS, ...WHOLE_JSON_FORMATS]);
    const dir = join('lib', 'import', 'formats');
    const found: object[] = [];
    for (const f of readdirSync(dir)) {
      const mod = (await import(`../../${relative('.', join(dir, f)).replace(/\.ts$/, '')}`)) as Record<string, unknown>;
      const formats = Object.values(mod).filter((v): v is { kind: string; detect: unknown; parse: unknown } => !!v && typeof v === 'object' && 'detect' in v && 'parse' in v);
      expect(formats.length, f).toBeGreaterThan(0);
      for (const format of formats) {
        expect(typeof format.detect, f).toBe('function');
        expect(typeof format.parse, f).toBe('function');
        expect(IMPORT_KINDS, f).toContain(format.kind);
        expect(registered.has(format), `${f} is in the registry`).toBe(true);
        found.push(format);
      }
    }
    expect(found.length).toBe(registered.size);
    // Every kind is read by some format.
    expect([...new Set([...registered].map((f) => (f as { kind: string }).kind))].sort()).toEqual([...IMPORT_KINDS].sort());
  });

  it('is the one list the schema and the store keep the last import of each kind by', () => {
    expect(SchemaImportKind).toBe(ImportKind);
    expect(ImportKind.options).toEqual([...DATA_KINDS, 'backup']);
    const at = '2026-11-25T10:00:00.000Z';
    expect(Meta.parse({ lastImport: Object.fromEntries(DATA_KINDS.map((k) => [k, at])) }).lastImport).toEqual(Object.fromEntries(DATA_KINDS.map((k) => [k, at])));
    expect(Meta.safeParse({ lastImport: { receipts: at } }).success).toBe(false);
  });

  it('no view keeps its own list of kinds', () => {
    for (const f of ['components/options/ImportSection.tsx', 'components/popup/Popup.tsx', 'lib/db/import.ts']) {
      const code = readFileSync(f, 'utf8');
      expect(code, f).not.toMatch(/\[\s*'customers',\s*'invoices',\s*'spending'/);
      expect(code, f).toMatch(/DATA_KINDS/);
    }
  });
});
