// The French UI is entirely French: every message, French numbers and punctuation, Microsoft's raw values translated.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTranslate, type MessageBundle } from '../../lib/i18n';
import { formatDuration, formatPercent, microsoftValue } from '../../components/panel/format';
import { describeOpenError } from '../../lib/errors';
import { parseImportFile, type ParseContext } from '../../lib/import';
import { acceptRequest } from '../../lib/messages';
import { defaultSettings } from '../../lib/schema';
import { parseOldTriage } from '../../lib/db/triage-v3';
import { StoreUpgradeError } from '../../lib/db/open';
import { parseTeamRecord } from '../../lib/team/record';
import { say, WordedError, type Wording } from '../../lib/wording';
import { englishIn } from '../fixtures/english';

const load = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as MessageBundle;
const fr = load('fr');

describe('the French UI', () => {
  it('renders every message key with no English word in it', () => {
    const t = makeTranslate(fr);
    const found: string[] = [];
    for (const key of Object.keys(fr)) {
      // Placeholders filled with French values, so that only the message's own words are judged.
      const text = t(key, 'dix', 'douze', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf');
      const words = englishIn(text);
      if (words.length) found.push(`${key}: ${words.join(', ')} in "${text}"`);
    }
    expect(found).toEqual([]);
  });

  it('catches English when it is there (the heuristic works)', () => {
    expect(englishIn('The file is missing a required column')).toEqual(['The', 'file', 'is', 'missing', 'required']);
    expect(englishIn('Le budget de dépenses est dépassé à la date du relevé')).toEqual([]);
  });

  it('spaces French punctuation: a space before : ; ? ! and inside « »', () => {
    const bad = Object.entries(fr)
      .filter(([, v]) => /[\p{L}\d)»$][:;?!](\s|$)|«[^\s\u00a0\u202f]|[^\s\u00a0\u202f]»/u.test(v.message.replace(/https?:\/\/\S+/g, '')))
      .map(([k, v]) => `${k}: ${v.message}`);
    expect(bad).toEqual([]);
  });

  it('writes percentages the French way and translates Microsoft’s severity and confidence values', () => {
    expect(formatPercent(0.8134, 'fr')).toMatch(/^81,3[\u00a0\u202f]%$/); // a no-break space, as Intl writes it
    expect(formatPercent(0.8134, 'en')).toBe('81.3%');
    const t = makeTranslate(fr);
    expect(microsoftValue('severity', 'High', t)).toBe('élevée');
    expect(microsoftValue('severity', 'informational', t)).toBe('informative');
    expect(microsoftValue('confidence', 'Medium', t)).toBe('moyenne');
    expect(microsoftValue('severity', 'Catastrophic', t)).toBe('Catastrophic'); // a value Microsoft adds later stays as given
    expect(t('budget_utilization', formatPercent(0.813, 'fr'))).toMatch(/^81,3[\u00a0\u202f]% utilisé$/);
  });
});

describe('the French UI: every error path said in French', () => {
  const t = makeTranslate(fr);
  const tEn = makeTranslate(load('en'));
  const thrown = (f: () => unknown): Wording => {
    try { f(); } catch (e) { if (e instanceof WordedError) return e.text; throw e; }
    throw new Error('nothing was thrown');
  };
  const ctx: ParseContext = { settings: defaultSettings(), knownDomains: new Map(), today: '2026-12-02' } as unknown as ParseContext;

  it('says a malformed message, a damaged triage record (an upgrade) and a damaged team record with no English', () => {
    const bad = acceptRequest({ type: 'checklist.tick', tenantId: 5, itemId: [], done: 'yes' }, 'extension-page');
    const triage = thrown(() => parseOldTriage([{ tenantId: 7, acknowledged: 'no', snoozedUntil: 'soon' }]));
    const team = parseTeamRecord({ v: 1, kind: 'tick', _id: 3, at: 'never', member: '', tenantId: 'x' });
    const texts = [!bad.ok && bad.error, triage, !team.ok && team.text].filter((w): w is Wording => !!w);
    expect(texts).toHaveLength(3);
    for (const w of texts) expect(englishIn(say(t, w)), say(t, w)).toEqual([]);
    // Several problems are joined in the language's way: " ; " in French, "; " in English.
    expect(say(t, triage)).toMatch(/\S ; \S/);
    expect(say(tEn, triage)).toMatch(/\S; \S/);
    // The upgrade that failed on it, as the popup and the options page say it.
    const upgrade = describeOpenError(new StoreUpgradeError(2, 6, triage), t);
    expect(englishIn(upgrade), upgrade).toEqual([]);
  });

  it('says every row error of a damaged import file with no English', async () => {
    const csv = 'Customer ID,Company name,Country,Payment instrument,Prepaid\nnot-a-guid,Contoso,Atlantis,gold bars,perhaps\n,,,,\n';
    const alerts = JSON.stringify([{ eventId: 'e1', customerTenantId: 'nope', eventTime: 'yesterday', eventStatus: 'Sleeping', IsTest: 'maybe' }]);
    const files = [await parseImportFile('c.csv', csv, ctx), await parseImportFile('a.json', alerts, ctx)];
    const said = files.flatMap((f) => f.errors.map((e) => say(t, e.message)));
    expect(said.length).toBeGreaterThan(1);
    // The file's own column names and the values it quotes stay as the file wrote them.
    const own = (text: string) => text.replace(/'[^']*'/g, '').replace(/Customer ID|Company name|Payment instrument|customerTenantId/g, '');
    for (const text of said) expect(englishIn(own(text)), text).toEqual([]);
  });

  it('says durations without a zero part: "6 h", "6 h 5 min", "45 min", "2 j"', () => {
    const h = 3_600_000, min = 60_000;
    expect(formatDuration(6 * h, t)).toBe('6 h');
    expect(formatDuration(6 * h + 5 * min, t)).toBe('6 h 5 min');
    expect(formatDuration(45 * min, t)).toBe('45 min');
    expect(formatDuration(48 * h, t)).toBe('2 j');
    expect(formatDuration(50 * h, t)).toBe('2 j 2 h');
    expect(formatDuration(6 * h, tEn)).toBe('6 h');
    expect(formatDuration(48 * h, tEn)).toBe('2 d');
  });
});
