// The house rules a test can tell (STYLE.md, the house issue): each checker runs on the tree and, to show it can
// fail, on a planted violation.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SKIP = new Set(['node_modules', '.output', '.wxt', '.git', 'fixtures', 'portal-site']);
const files = (dir: string, ext = /\.(ts|tsx)$/): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? (SKIP.has(d.name) ? [] : files(join(dir, d.name), ext)) : ext.test(d.name) ? [join(dir, d.name)] : []);
/** The code without its comments (a `//` right after a colon is a URL in a string, not a comment). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
const read = (f: string) => code(readFileSync(f, 'utf8'));

/** Components are functions of props: no clock, no browser dialog. */
export function clockOrDialog(file: string, text: string): string[] {
  const out: string[] = [];
  if (/\bDate\.now\(\)|\bnew Date\(\s*\)|\bperformance\.now\(\)/.test(text)) out.push(`${file}: reads the clock`);
  const ownConfirm = /\b(const|let|function)\s+confirm\b/.test(text);
  if (/(^|[^.\w])(window\.)?(confirm|alert|prompt)\(/.test(text.replace(ownConfirm ? /(^|[^.\w])confirm\(/g : /$^/, '$1')))
    out.push(`${file}: opens a browser dialog`);
  return out;
}

/** IndexedDB only in lib/db: no idb, no IDB* globals, no store calls or transactions on a database handle. */
export function storeOutsideDb(file: string, text: string): string[] {
  if (file.replaceAll('\\', '/').startsWith('lib/db/')) return [];
  const out: string[] = [];
  if (/from 'idb'|\bindexedDB\b|\bIDB(Database|ObjectStore|Transaction|KeyRange|Factory)\b/.test(text)) out.push(`${file}: IndexedDB`);
  if (/\bdb\.(get|getAll|getKey|getAllKeys|count|put|add|delete|clear|transaction|getFromIndex|getAllFromIndex|countFromIndex)\(/.test(text)) out.push(`${file}: a store call`);
  if (/\.transaction\(\s*['"[]/.test(text)) out.push(`${file}: a transaction`);
  return out;
}

/** lib/ names no browser API (lib/db its IndexedDB only) and reaches for no page global. */
export function browserApi(file: string, text: string): string[] {
  const out: string[] = [];
  if (/\b(browser|chrome)\.[a-z]/.test(text) || /wxt\/browser|webextension-polyfill|#imports/.test(text)) out.push(`${file}: extension API`);
  // A call of the global fetch (not `deps.fetch(` nor a `fetch(url: string)` declaration of an injected one).
  if (/\b(window|document|localStorage|sessionStorage|navigator)\./.test(text) || /(^|[^.\w])fetch\((?!\w+: )/m.test(text)) out.push(`${file}: page global`);
  return out;
}

/**
 * No English sentence in lib/: errors and notices are message keys with values, the views say them. A
 * sentence here is a string literal of three words or more, or of two words around a value (`unknown customer ${id}`).
 * A list of two or more plain strings is a vocabulary, not a sentence: the header and value synonyms that partners'
 * files write (`['Payment method', 'Moyen de paiement']`), matched, never shown.
 */
export function englishIn(file: string, text: string, allowed: readonly string[] = []): string[] {
  const out: string[] = [];
  const literal = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  const plain = String.raw`(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")`;
  const vocabulary = new RegExp(String.raw`\[\s*(?:${plain}\s*,\s*)+${plain}\s*,?\s*\]`, 'g');
  for (const line of text.replace(vocabulary, (list) => list.replace(/[^\n]/g, '')).split('\n')) {
    if (/^\s*(import|export\s+\*|export\s+type\s+\{)/.test(line)) continue;
    for (const m of line.matchAll(literal)) {
      const s = (m[1] ?? m[2] ?? m[3]).replace(/\$\{[^}]*\}/g, ' X ');
      if (allowed.includes(s)) continue;
      const words = s.match(/\b[A-Za-z][a-z]+\b/g) ?? [];
      if (/[A-Za-z]+ [a-z]+ [a-z]+/.test(s) || (words.length >= 2 && / X /.test(s) && /[a-z]{2,} [a-z]{2,}/.test(s))) out.push(`${file}: '${s.slice(0, 60)}'`);
    }
  }
  return out;
}

/** A file over ~300 lines is two (tests too; saved pages and locale files are data). */
export function tooLong(file: string, text: string, max = 320): string[] {
  const n = text.split('\n').length;
  return n > max ? [`${file}: ${n} lines`] : [];
}

const app = ['lib', 'components', 'entrypoints', 'utils'].flatMap((d) => files(d));

describe('house conventions', () => {
  it('components read no clock and open no dialog: the time and the question come in as props', () => {
    expect(files('components').flatMap((f) => clockOrDialog(f, read(f)))).toEqual([]);
    expect(clockOrDialog('components/X.tsx', `const late = Date.now() - at;`)).toEqual(['components/X.tsx: reads the clock']);
    expect(clockOrDialog('components/X.tsx', `<p>{formatDate(new Date(), locale)}</p>`)).toEqual(['components/X.tsx: reads the clock']);
    expect(clockOrDialog('components/X.tsx', `if (!confirm(t('sure'))) return;`)).toEqual(['components/X.tsx: opens a browser dialog']);
    // A date made from a value, and a handler of the component's own named confirm, are not.
    expect(clockOrDialog('components/X.tsx', `new Date(at); const confirm = () => 1; confirm();`)).toEqual([]);
  });

  it('touches IndexedDB only in lib/db: no idb, no store call or transaction elsewhere', () => {
    expect(app.flatMap((f) => storeOutsideDb(f, read(f)))).toEqual([]);
    expect(storeOutsideDb('entrypoints/options/main.tsx', `n = await db.count('customers');`)).toEqual(['entrypoints/options/main.tsx: a store call']);
    expect(storeOutsideDb('lib/service.ts', `import { openDB } from 'idb';`)).toEqual(['lib/service.ts: IndexedDB']);
    expect(storeOutsideDb('components/X.tsx', `const tx = store.transaction('customers', 'readwrite');`)).toEqual(['components/X.tsx: a transaction']);
    expect(storeOutsideDb('lib/db/writes.ts', `const tx = db.transaction('customers', 'readwrite');`)).toEqual([]);
  });

  it('keeps lib/ free of browser APIs and page globals (lib/db has IndexedDB only)', () => {
    // lib/sync/pouch.ts is the network's one owner, as lib/db is IndexedDB's: PouchDB and its fetch live there only.
    expect(files('lib').filter((f) => !f.replaceAll('\\', '/').endsWith('lib/sync/pouch.ts')).flatMap((f) => browserApi(f, read(f)))).toEqual([]);
    expect(browserApi('lib/sync/engine.ts', `const r = await fetch(url);`)).toEqual(['lib/sync/engine.ts: page global']);
    expect(browserApi('lib/sync/engine.ts', `fetch(url: string): Promise<Response>; await deps.fetch(url);`)).toEqual([]);
    expect(browserApi('lib/x.ts', `await browser.storage.local.get('k');`)).toEqual(['lib/x.ts: extension API']);
    expect(browserApi('lib/x.ts', `const el = document.querySelector('a');`)).toEqual(['lib/x.ts: page global']);
  });

  it('has no English sentence in lib/: errors and notices are message keys with values', () => {
    // lib/guidance-text.ts is Microsoft's guidance quoted in both languages (made from the seed): a document, not UI words.
    const offenders = files('lib').filter((f) => !f.replaceAll('\\', '/').endsWith('lib/guidance-text.ts')).flatMap((f) => englishIn(f, read(f), NOT_SENTENCES[f.replaceAll('\\', '/')]));
    expect(offenders).toEqual([]);
    // lib/import too: its errors are wordings, the preview says them.
    expect(englishIn('lib/import/csv.ts', "if (!body.trim()) return { ...base, kind: 'unknown', fatal: 'This file is empty.' };")).toEqual(["lib/import/csv.ts: 'This file is empty.'"]);
    expect(englishIn('lib/import/rows.ts', 'problem(`${col(f)} is empty`, wording(\'import_field_empty\', col(f)));')).toEqual(["lib/import/rows.ts: ' X  is empty'"]);
    // Its header synonyms are a vocabulary (a list of names files write); a sentence alone in a list is still one.
    expect(englishIn('lib/import/formats/x.ts', "domain: ['Domain', 'Primary domain name', 'Nom de domaine principal'],\nname: [\n  'Company name',\n  \"Nom de l'entreprise\",\n]")).toEqual([]);
    expect(englishIn('lib/import/json.ts', "{ ok: false, problems: ['is not an object'] }")).toEqual(["lib/import/json.ts: 'is not an object'"]);
    expect(englishIn('lib/db/writes.ts', 'if (!existing) throw new Error(`unknown customer ${tenantId}`);')).toEqual(["lib/db/writes.ts: 'unknown customer  X '"]);
    expect(englishIn('lib/messages.ts', `return { ok: false, error: 'messages are accepted only from this extension' };`)).toHaveLength(1);
    // Keys, ids, code lines and single words are not sentences.
    expect(englishIn('lib/x.ts', "wording('error_unknown_customer', id); `${key} ${JSON.stringify(subs)}`; 'readwrite'; `store_${store}`")).toEqual([]);
  });

  it('has no file over ~300 lines outside saved pages and locale files', () => {
    const all = ['lib', 'components', 'entrypoints', 'utils', 'tests', 'bench', 'scripts'].flatMap((d) => files(d, /\.(ts|tsx|mjs|js)$/));
    expect(all.flatMap((f) => tooLong(f, readFileSync(f, 'utf8'))).filter((x) => !ELSEWHERE.some((e) => x.startsWith(e)))).toEqual([]);
    expect(tooLong('lib/x.ts', 'x\n'.repeat(400))).toEqual(['lib/x.ts: 401 lines']);
  });
});

/**
 * Strings of lib/ that are not sentences to translate: the columns of the CSV reports (a file format), the
 * default source of the high-risk regions (data the user edits), and zod's messages of the schemas (a field's
 * problem in a log line; the views say zod's codes instead, lib/wording.ts issueWording).
 */
const NOT_SENTENCES: Record<string, readonly string[]> = {
  'lib/reports.ts': ['Days past due', 'Spend to date', 'Projected month end'],
  // Server-side messages of CouchDB's validate_doc_update (the server's words, in its log and its 403), not UI.
  'lib/team/design.ts': [
    'only an admin may change design documents', 'team records are never deleted', 'not a team record: v and kind are required',
    'a record must name the member who writes it', 'team records are add-only: this one already exists',
  ],
  // zod's messages of the record schemas (a field's problem, in the log line of a record kept aside; the views
  // show the record's wording), as schema.ts's.
  'lib/team/record.ts': [
    'is longer than  X  characters', 'is longer than 400 characters', 'is longer than 100 characters', 'is longer than 200 characters',
    'is not true or false', 'is not a valid value for this fact', 'is not a valid value for this setting', 'is for another customer than the record',
  ],
  'lib/sync/config.ts': ['is not a CouchDB database name'],
  // An invariant a caller cannot break (never shown).
  'lib/team/fold.ts': ['an item has at least one record'],
  // The audit CSV's action column: data in a file, as reports.ts's headers.
  'lib/audit.ts': ['promise to pay'],
  // The source line of the version-3 regions (a record's data, as schema.ts's).
  'lib/settings.ts': ['FATF public statements, plenary of 11–13 February 2026'],
  'lib/schema.ts': [
    'FATF public statements, plenary of 11–13 February 2026', 'is not a GUID', 'is not a date (YYYY-MM-DD)', 'is not a date-time (ISO 8601)',
    'is not an ISO 4217 currency code', 'is not an ISO 3166-1 alpha-2 country code', 'is not a whole number of minor units',
    'is not a triage reason (overdue, budget, risk, review or alert:<id>)', 'levels must rise: 0 < medium < high < critical <= 100',
    'dunning days must rise: first < second < final < suspension', 'at most five thresholds', 'a verdict needs a reason', 'must be more than zero',
  ],
};

/**
 * Files that other branches of the house issue are rewriting now and split there: the content script's badges
 * and the portal tests (portal and content branch), the import tests, the bench (list budget branch), and
 * lib/schema.ts (its settings and import kinds change in the settings and import branches). Remove at merge.
 */
const ELSEWHERE = ['tests/unit/portal.test.ts', 'tests/unit/import-csv.test.ts', 'bench/run.ts', 'lib/schema.ts'];
