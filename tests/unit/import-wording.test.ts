// Every error the import, the restore and the options page show has a wording that resolves in English and in
// French: no missing key, no placeholder left unfilled, and (for row and item errors) the line or item named first
// in both languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBackup } from '../../lib/backup';
import { DB_VERSION } from '../../lib/db/open';
import { errorWording } from '../../lib/errors';
import { makeTranslate, type MessageBundle, type Translate } from '../../lib/i18n';
import { parseImportFile, type ParseContext, type ParsedFile } from '../../lib/import';
import { parseDate } from '../../lib/import/values';
import { sayAny, WordedError, wording, type Sub, type Wording } from '../../lib/wording';

const A = '11111111-1111-4111-8111-111111111111';
const NOW = '2026-11-25T10:00:00.000Z';
const ctx = (over: Partial<ParseContext['settings']> = {}): ParseContext => ({
  settings: { dateOrder: 'auto', decimalSeparator: 'auto', ...over }, now: NOW, knownDomains: new Map([['contoso.com', A]]),
});
const bundle = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as MessageBundle;
const BUNDLES = { en: bundle('en'), fr: bundle('fr') };

/** A translate that notes every key missing from its bundle instead of showing the key. */
function strict(lang: 'en' | 'fr', missing: string[]): Translate {
  const t = makeTranslate(BUNDLES[lang]);
  return (key, ...subs) => {
    if (!(key in BUNDLES[lang])) missing.push(`${lang}:${key}`);
    return t(key, ...subs);
  };
}

/** A wording (or a substitution) in both languages; fails on a missing key or a placeholder left in the text. */
function both(text: Sub | undefined): { en: string; fr: string } {
  expect(text, 'the error has a wording').toBeDefined();
  const missing: string[] = [];
  const en = String(sayAny(strict('en', missing), text!));
  const fr = String(sayAny(strict('fr', missing), text!));
  expect(missing).toEqual([]);
  for (const s of [en, fr]) {
    expect(s).not.toMatch(/\$[A-Za-z0-9_]+\$|\$\d/);
    expect(s.trim()).not.toBe('');
  }
  return { en, fr };
}

/** Row and item errors: each has a wording that names its line (or item) first, its French is not the English. */
function checkErrors(f: ParsedFile, expected: number): string[] {
  expect(f.fatal).toBeUndefined();
  expect(f.errors).toHaveLength(expected);
  return f.errors.map((e) => {
    const { en, fr } = both(e.message);
    expect(en).toMatch(new RegExp(`^(line|item) ${e.line}: `));
    expect(fr).not.toBe(en);
    expect(fr).toMatch(en.startsWith('item') ? new RegExp(`^élément ${e.line} : `) : new RegExp(`^ligne ${e.line} : `));
    return fr;
  });
}

/** A whole-file refusal: a wording in both languages, different in French. */
function checkFatal(f: ParsedFile): string {
  expect(f.fatal).toBeTruthy();
  const { en, fr } = both(f.fatal);
  expect(fr).not.toBe(en);
  return fr;
}

const csv = (name: string, text: string, over: Partial<ParseContext['settings']> = {}) => parseImportFile(name, text, ctx(over));
const json = (v: unknown) => parseImportFile('file.json', JSON.stringify(v), ctx());

describe('CSV row errors in both languages', () => {
  it('customers: GUIDs, empty cells, countries, instruments, yes/no, admin access, dates, an unclosed quote', async () => {
    const f = await csv('customers.csv', [
      'Customer ID,Company name,Country,Payment method,Prepaid,Admin access,Created,First payment',
      `not-a-guid,Contoso,FR,card,yes,full,2026-01-05,`,
      `${A},,Atlantis,Bitcoin,perhaps,root,yesterday,2026-02-30`,
      `${A.replace('1111-4', '1112-4')},Fabrikam,FR,card,yes,full,03/04/2026,`,
      `${A.replace('1111-4', '1113-4')},"Never closed,FR`,
    ].join('\n'));
    const fr = checkErrors(f, 4);
    expect(fr[0]).toBe("ligne 2 : Customer ID : 'not-a-guid' n’est pas un GUID");
    expect(fr[1]).toContain('Company name est vide');
    expect(fr[1]).toContain("Country : 'Atlantis' n’est pas un pays");
    expect(fr[1]).toContain("Payment method : 'Bitcoin' n’est pas un moyen de paiement");
    expect(fr[1]).toContain("Prepaid : 'perhaps' n’est ni oui ni non");
    expect(fr[1]).toContain("Admin access : 'root' n’est pas un accès administrateur");
    expect(fr[1]).toContain("Created : 'yesterday' n’est pas une date");
    expect(fr[1]).toContain("First payment : '2026-02-30' n’est pas une date qui existe");
    expect(fr[2]).toContain("'03/04/2026' peut se lire mois/jour ou jour/mois");
    expect(fr[3]).toMatch(/^ligne 5 : un champ entre guillemets n’est jamais fermé/);
  });

  it('a date column that contradicts itself, and a date that does not exist in the order set', async () => {
    const clash = await csv('customers.csv', [
      'Customer ID,Company name,Created',
      `${A},Contoso,15/10/2026`,
      `${A.replace('1111-4', '1112-4')},Fabrikam,10/15/2026`,
    ].join('\n'));
    const fr = checkErrors(clash, 2);
    expect(fr[0]).toContain('Created ne peut pas être lue : cette colonne écrit les dates jour/mois à la ligne 2');
    // A CSV column settles such a date by itself (a first part over 12 is day-first): the cell parser still words it.
    for (const order of ['mdy', 'dmy'] as const) {
      const p = parseDate(order === 'mdy' ? '13/01/2026' : '01/13/2026', order);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(both(p.text).fr).toContain(order === 'mdy' ? 'lue comme mois/jour' : 'lue comme jour/mois');
    }
  });

  it('invoices: customers by domain, amounts, currencies, due dates', async () => {
    const f = await csv('invoices.csv', [
      'Domain,Invoice number,Invoice date,Due date,Amount,Currency',
      'nobody.example,INV-1,2026-10-01,2026-10-31,100,USD',
      ',INV-2,2026-10-01,2026-10-31,100,USD',
      'contoso.com,INV-3,2026-10-31,2026-10-01,100,USD',
      'contoso.com,INV-4,2026-10-01,2026-10-31,10.0055,USD',
      'contoso.com,INV-5,2026-10-01,2026-10-31,EUR 12,USD',
      'contoso.com,INV-6,2026-10-01,2026-10-31,10 000 000 000 000 000,USD',
      'contoso.com,INV-7,2026-10-01,2026-10-31,lots,XYZ',
      'contoso.com,INV-8,2026-10-01,2026-10-31,12,',
    ].join('\n'));
    const fr = checkErrors(f, 8);
    expect(fr[0]).toBe("ligne 2 : Domain 'nobody.example' ne correspond à aucun client connu : importez d’abord les clients");
    expect(fr[1]).toBe('ligne 3 : ne désigne aucun client : Domain est vide');
    expect(fr[2]).toBe('ligne 4 : Due date 2026-10-01 est antérieure à Invoice date 2026-10-31');
    expect(fr[3]).toBe("ligne 5 : Amount : '10.0055' a plus de décimales que USD n’en permet (2)");
    expect(fr[4]).toBe("ligne 6 : Amount : 'EUR 12' est en EUR, pas en USD");
    expect(fr[5]).toContain('est trop grand');
    expect(fr[6]).toContain("Currency : 'XYZ' n’est pas un code de devise ISO 4217");
    expect(fr[7]).toBe('ligne 9 : Currency est vide ; Amount : ne peut pas être lu sans devise');
    // Alone in its file (the other rows' amounts would settle it): an amount that reads two ways.
    const ambiguous = await csv('invoices.csv', `Domain,Invoice number,Invoice date,Due date,Amount,Currency\ncontoso.com,INV-9,2026-10-01,2026-10-31,"10,000",USD\n`);
    expect(checkErrors(ambiguous, 1)[0]).toContain("'10,000' peut valoir 10000 ou 10.000 : choisissez le format des nombres");
  });

  it('amounts against the number format set, spending and subscriptions', async () => {
    const dot = await csv('invoices.csv', `Customer ID,Invoice number,Invoice date,Due date,Amount,Currency\n${A},INV-1,2026-10-01,2026-10-31,"12,50",EUR\n${A},INV-2,2026-10-01,2026-10-31,12..5,EUR\n`, { decimalSeparator: 'dot' });
    const fr = checkErrors(dot, 2);
    expect(fr[0]).toContain("n’est pas un montant écrit avec '.' comme séparateur décimal");
    expect(fr[1]).toContain("'12..5' n’est pas un montant");
    const subs = await csv('subscriptions.csv', `Customer ID,Subscription ID,Offer,Status,Quantity\n${A},${A},Microsoft 365,sleeping,2.5\n`);
    const s = checkErrors(subs, 1)[0];
    expect(s).toContain("Status : 'sleeping' n’est pas un statut d’abonnement");
    expect(s).toContain("Quantity : '2.5' n’est pas un nombre entier");
    checkErrors(await csv('spending.csv', `Customer ID,Spend to date,As of,Currency\n${A},,2026-11-20,EUR\n`), 1);
  });
});

describe('JSON item errors in both languages', () => {
  it('customers, subscriptions and items that are not objects', async () => {
    const customers = await json({ items: [{ id: 'x', companyProfile: { address: { country: 'Atlantis' } } }, 7] });
    const fr = checkErrors(customers, 2);
    expect(fr[0]).toContain("élément 1 : id : 'x' n’est pas un GUID ; companyProfile.companyName est absent ; companyProfile.address.country : 'Atlantis' n’est pas un pays");
    expect(fr[1]).toBe('élément 2 : n’est pas un objet');
    const subs = await json({ items: [{ id: A, offerName: 'M365', status: 'sleeping', creationDate: 'soon', links: { self: { uri: 'nowhere' } } }] });
    const s = checkErrors(subs, 1)[0];
    expect(s).toContain('links.self.uri ne désigne aucun client');
    expect(s).toContain("status : 'sleeping' n’est pas un statut d’abonnement");
    expect(s).toContain("creationDate : 'soon' n’est pas une date");
  });

  it('usage summaries: currency missing or wrong, amounts that are no numbers, no date', async () => {
    const f = await parseImportFile('usage.json', `[{"resourceId":"${A}","totalCost":12.5},{"resourceId":"${A}","totalCost":"lots","currencyCode":"XYZ","lastModifiedDate":"2026-11-20"},{"resourceId":"${A}","currencyCode":"EUR","totalCost":1e400,"lastModifiedDate":"2026-11-20"}]`, ctx());
    const fr = checkErrors(f, 3);
    expect(fr[0]).toContain('currencyCode est absent : les montants ne peuvent pas être lus sans lui');
    expect(fr[0]).toContain('lastModifiedDate est absent ou n’est pas une date');
    expect(fr[1]).toContain("currencyCode : 'XYZ' n’est pas un code de devise ISO 4217");
    expect(fr[2]).toContain("totalCost : '1e400' est trop grand");
    const noCost = await json({ resourceId: A, id: A, totalCost: null, currencyCode: 'EUR', lastModifiedDate: '2026-11-20' });
    expect(checkErrors(noCost, 1)[0]).toContain('totalCost est absent');
    const notNumber = await json([{ resourceId: A, totalCost: 'lots', currencyCode: 'EUR', lastModifiedDate: '2026-11-20' }]);
    expect(checkErrors(notNumber, 1)[0]).toContain("totalCost : 'lots' n’est pas un nombre");
  });

  it('fraud events and Graph alerts', async () => {
    const fraud = await json([{ eventId: '', customerTenantId: 'x', eventTime: 'never', eventStatus: 'sleeping' }]);
    const f = checkErrors(fraud, 1)[0];
    expect(f).toContain('eventId est absent');
    expect(f).toContain('eventTime est absent ou n’est pas une date avec heure');
    expect(f).toContain("le statut 'sleeping' (eventStatus) n’est ni active, ni investigating, ni resolved");
    const graph = await json({ value: [{ alertType: 'x', customerTenantId: A, detectedDateTime: 'soon', status: 'sleeping' }] });
    const g = checkErrors(graph, 1)[0];
    expect(g).toContain('id est absent');
    expect(g).toContain("le statut 'sleeping' n’est ni active");
    expect(g).toContain('detectedDateTime est absent ou n’est pas une date avec heure');
  });

  it('a field the schema refuses keeps the schema’s detail inside French words', () => {
    const { fr } = both(wording('import_item_problems', 4, { list: [wording('import_field_invalid', 'quantity', 'Too small: expected number to be >=0')] }));
    expect(fr).toBe('élément 4 : quantity : valeur refusée (Too small: expected number to be >=0)');
  });
});

describe('whole-file errors in both languages', () => {
  it('CSV: empty, of no known kind (with each hint), missing columns, a record over 1 MB', async () => {
    expect(checkFatal(await csv('a.csv', '  \n'))).toBe('Ce fichier est vide.');
    expect(checkFatal(await csv('a.csv', 'Foo;Bar\n1;2\n'))).toMatch(/^Le type de ce fichier ne se reconnaît pas à sa ligne d’en-tête \(trouvé : Foo, Bar\)\. Attendu/);
    expect(checkFatal(await csv('a.csv', 'ChargeType,ChargeStartDate\nx,y\n'))).toContain('fichier de rapprochement');
    expect(checkFatal(await csv('a.csv', 'SubscriptionId,Quantity\nx,1\n'))).toContain('ajoutez une colonne « ID client »');
    expect(checkFatal(await csv('a.csv', 'Affected customer,Action\nx,y\n'))).toContain('journal d’activité');
    expect(checkFatal(await csv('a.csv', ',,\n1,2,3\n'))).toContain('(trouvé : aucune)');
    expect(checkFatal(await csv('a.csv', `Customer ID,Invoice number,Due date\n${A},1,2026-10-01\n`))).toBe("Ce fichier de type « Factures (créances) » n’a pas les colonnes 'Invoice date', 'Amount', 'Currency'.");
    expect(checkFatal(await csv('a.csv', `Customer ID,Invoice number,Invoice date,Due date,Amount\n${A},1,2026-10-01,2026-10-31,5\n`))).toBe("Ce fichier de type « Factures (créances) » n’a pas la colonne 'Currency'.");
    const long = `Customer ID,Company name\n${A},Contoso\n${A},"${'x'.repeat(1_200_000)}\n`;
    expect(checkFatal(await csv('a.csv', long))).toMatch(/^la ligne 3 dépasse 1 Mo/);
  });

  it('JSON: not JSON, no items, an unknown shape, a damaged or newer backup', async () => {
    expect(checkFatal(await parseImportFile('a.json', '{"items": [', ctx()))).toBe('Ce fichier n’est pas du JSON valide : il s’interrompt à la ligne 1, colonne 12.');
    expect(checkFatal(await json({ items: [] }))).toContain('ne contient aucun élément');
    expect(checkFatal(await json({ hello: 'world' }))).toContain('n’a pas une forme que Partner Risk Lens sait lire');
    const backup = { format: 'partner-risk-lens-backup', schemaVersion: DB_VERSION, exportedAt: NOW, settings: {}, meta: {}, stores: {} };
    expect(checkFatal(await json(backup))).toMatch(/^Cette sauvegarde est endommagée \(parties manquantes ou mal formées\s:\s«\sstores\.[a-zA-Z]+/);
    expect(checkFatal(await json(backup))).not.toMatch(/Invalid input/);
    expect(checkFatal(await json({ ...backup, schemaVersion: DB_VERSION + 1 }))).toContain(`schéma ${DB_VERSION + 1}`);
  });

  it('a file that cannot be decoded names its line and encoding', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('Customer ID;Company name\r\nx;Soci'), 0xe9, 0x81, 0x0d, 0x0a]);
    const f = await parseImportFile('a.csv', bytes, ctx());
    expect(checkFatal(f)).toMatch(/^Ce fichier ne peut pas être décodé en Windows-1252.*la ligne 2 /);
    expect(checkFatal(await parseImportFile('a.csv', 'Customer ID,Company name\nx,Soci\uFFFDt\u00e9\n', ctx()))).toMatch(/décodé en UTF-8 : la ligne 2 /);
  });
});

describe('restore and other options-page errors in both languages', () => {
  it('each refusal of a backup', () => {
    const refusals = [
      checkBackup({ hello: 1 }, DB_VERSION),
      checkBackup({ format: 'partner-risk-lens-backup', schemaVersion: 99 }, DB_VERSION),
      checkBackup({ format: 'partner-risk-lens-backup', schemaVersion: DB_VERSION }, DB_VERSION),
    ];
    const fr = refusals.map((r) => {
      expect(r.ok).toBe(false);
      const w = r.ok ? undefined : r.text;
      return both(w).fr;
    });
    expect(fr[0]).toBe('Ce fichier n’est pas une sauvegarde Partner Risk Lens. Rien n’a été modifié.');
    expect(fr[1]).toContain('schéma 99');
    expect(fr[2]).toMatch(/^Cette sauvegarde est endommagée/);
    both(wording('restore_duplicate', { key: 'store_invoices' }, `${A} INV-1`));
    both(wording('restore_orphan', { key: 'store_alerts' }, A));
    both(wording('restore_not_json'));
  });

  it('an error without a message, or a storage error, still says something in the user’s language', () => {
    const cases: Array<[unknown, RegExp]> = [
      [new Error(''), /^une erreur inattendue s’est produite/],
      [new DOMException('', 'QuotaExceededError'), /^le navigateur n’a plus d’espace/],
      [new DOMException('', 'AbortError'), /^l’écriture a été interrompue/],
      [new DOMException('', 'VersionError'), /^les données ont été écrites par une version plus récente/],
      [new DOMException('', 'NotReadableError'), /^une erreur inattendue \(NotReadableError\)/],
      [undefined, /^une erreur inattendue/],
      [new WordedError('English', wording('restore_no_storage')), /^Le navigateur n’a plus d’espace/],
    ];
    for (const [e, french] of cases) {
      const { en, fr } = both(errorWording(e));
      expect(fr).toMatch(french);
      expect(en).not.toBe(fr);
    }
    const failed: Wording = wording('restore_failed', errorWording(new Error('')));
    expect(both(failed).fr).toMatch(/^La restauration a échoué et rien n’a été modifié : une erreur inattendue/);
    expect(both(wording('import_read_failed', errorWording(new Error('')))).fr).toMatch(/^Les fichiers n’ont pas pu être lus : une erreur inattendue/);
  });
});
