import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BackupStores } from '../../lib/backup';
import { CHECKLIST, PHASES } from '../../lib/checklist';
import { BUCKETS } from '../../lib/receivables';
import { FACTOR_IDS } from '../../lib/risk';
import { AdminAccess, AlertReason, AlertStatus, FlagKind, PaymentInstrument } from '../../lib/schema';
import { WEIGHT_FIELDS } from '../../lib/settings';
import { ZOD_ISSUE_CODES } from '../../lib/wording';
import { describe, expect, it } from 'vitest';
import { makeTranslate, type MessageBundle } from '../../lib/i18n';

const load = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as MessageBundle;

describe('translations', () => {
  it('fills named and positional placeholders the way Chrome does', () => {
    const t = makeTranslate({
      days: { message: '$COUNT$ days past due, $AMOUNT$', placeholders: { count: { content: '$1' }, amount: { content: '$2' } } },
      raw: { message: 'costs $$5 for $1' },
    });
    expect(t('days', 95, '12,000.00 USD')).toBe('95 days past due, 12,000.00 USD');
    expect(t('raw', 'you')).toBe('costs $5 for you');
    expect(t('missing')).toBe('missing');
  });

  it('has every English string in French too, with the same placeholders', () => {
    const en = load('en');
    const fr = load('fr');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(Object.keys(fr[key].placeholders ?? {}).sort(), key).toEqual(Object.keys(en[key].placeholders ?? {}).sort());
    }
  });
});

describe('substitution', () => {
  it('never reads a substituted value as a placeholder', () => {
    const t = makeTranslate({ hi: { message: 'Hello $NAME$, $2', placeholders: { name: { content: '$1' } } } });
    expect(t('hi', 'A$2 $$', 'x')).toBe('Hello A$2 $$, x');
  });
});

describe('catalogue coverage', () => {
  const en = load('en');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : []));
  const code = ['components', 'entrypoints', 'utils'].flatMap(sources).map((f) => readFileSync(f, 'utf8')).join('\n');

  it('has every key the code asks for by name', () => {
    const keys = new Set([...code.matchAll(/\bt\('([a-z0-9_]+)'/g)].map((m) => m[1]));
    expect(keys.size).toBeGreaterThan(100);
    expect([...keys].filter((k) => !(k in en))).toEqual([]);
  });

  it('has every key the code names in quotes, single or double (a typo shows here, not as a raw key on screen)', () => {
    const keys = new Set([...code.matchAll(/\bt\(\s*(['"`])([A-Za-z0-9_@]+)\1/g)].map((m) => m[2]));
    expect(keys.has('extName')).toBe(true);
    expect(keys.size).toBeGreaterThan(100);
    const missing = [...keys].filter((k) => !(k in en)).sort();
    expect(missing, `keys missing from public/_locales/en/messages.json: ${missing.join(', ')}`).toEqual([]);
  });

  it('fills every named placeholder from $1, $2… in order, and uses each one it declares', () => {
    const problems: string[] = [];
    for (const lang of ['en', 'fr']) {
      for (const [key, { message, placeholders = {} }] of Object.entries(load(lang))) {
        const named = [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase());
        const declared = Object.keys(placeholders);
        if ([...new Set(named)].sort().join() !== [...declared].sort().join()) problems.push(`${lang} ${key}: uses ${named.join()} declares ${declared.join()}`);
        declared.forEach((name, i) => { if (placeholders[name].content !== `$${i + 1}`) problems.push(`${lang} ${key}: ${name} is ${placeholders[name].content}`); });
      }
    }
    expect(problems).toEqual([]);
  });

  it('has every key of the families the code builds', () => {
    const families: Record<string, readonly string[]> = {
      level_: ['low', 'medium', 'high', 'critical'],
      bucket_: BUCKETS.map((b) => b.replace(/[-+]/g, '_')),
      dunning_: ['none', 'first_reminder', 'second_reminder', 'final_notice', 'suspension'],
      budget_state_: ['breached', 'approaching', 'forecast', 'ok', 'no_budget', 'stale', 'no_data'],
      factor_name_: FACTOR_IDS.map((f) => f.replace(/-/g, '_')),
      weight_: WEIGHT_FIELDS.map((f) => f.label.replace(/^weight_/, '')),
      guidance_: ['theft_of_service', 'transaction_risk', 'abuse_of_service', 'account_management'],
      flag_: FlagKind.options, flag_kind_: FlagKind.options,
      phase_: PHASES, tab_: ['overdue', 'budget', 'risk', 'alerts', 'snoozed'], popup_empty_: ['overdue', 'budget', 'risk', 'alerts', 'snoozed'],
      filter_: [...BUCKETS.filter((b) => b !== 'current').map((b) => `overdue_${b.replace(/[-+]/g, '_')}`), 'budget_breached', 'budget_approaching', 'budget_forecast',
        'risk_critical', 'risk_high', 'alerts_overdue', 'alerts_due'],
      factor_: ['prepaid_card', 'card_not_present', 'no_prepayment', 'provisioned_before_payment_dated', 'provisioned_before_payment_none', 'overdue',
        'unverified_identity', 'high_risk_region_black', 'high_risk_region_grey', 'fast_purchasing', 'abuse_flag', 'microsoft_notice', 'microsoft_alert',
        'microsoft_alert_severity', 'alert_open_for', 'confirmed_fraud', 'spend_spike', 'full_admin_unchecked', 'no_budget', 'activity_log_review_never',
        'activity_log_review_old'],
      import_kind_: ['customers', 'invoices', 'spending', 'subscriptions', 'alerts', 'backup', 'unknown'],
      instrument_: PaymentInstrument.options, access_: AdminAccess.options, alert_status_: AlertStatus.options, alert_reason_: AlertReason.options,
      store_: Object.keys(BackupStores.def.shape), settings_dunning_: ['first', 'second', 'final', 'suspend'], export_csv_: ['overdue', 'budget', 'risk'],
    };
    const missing: string[] = [];
    for (const [prefix, values] of Object.entries(families)) for (const v of values) if (!(`${prefix}${v}` in en)) missing.push(`${prefix}${v}`);
    for (const item of CHECKLIST) for (const k of [item.labelKey, item.guidanceKey]) if (!(k in en)) missing.push(k);
    expect(missing).toEqual([]);
  });

  it('has, in English and in French, every key a wording in lib/ can name (import, restore and error wordings)', () => {
    const fr = load('fr');
    const lib = sources('lib').map((f) => readFileSync(f, 'utf8')).join('\n');
    // The first argument of each `wording(` call, and each `key:` value: its quoted keys (word_word: `order === 'mdy'`
    // is a condition, not a key), and its `prefix_${…}` families.
    const firstArgs = [...lib.matchAll(/\bwording\(/g)].map((m) => {
      let depth = 0;
      let i = m.index + m[0].length;
      for (; i < lib.length; i++) {
        const c = lib[i];
        if (c === '(') depth++;
        else if (c === ')' && depth-- === 0) break;
        else if (c === ',' && depth === 0) break;
      }
      return lib.slice(m.index + m[0].length, i);
    });
    const named = [...firstArgs, ...[...lib.matchAll(/\bkey:\s*([`'][^`']*[`'])/g)].map((m) => m[1])];
    const keys = new Set(named.flatMap((arg) => [...arg.matchAll(/'([a-z][a-z0-9]*_[a-z0-9_]+)'/g)].map((m) => m[1])));
    const families = new Set(named.flatMap((arg) => [...arg.matchAll(/`([a-z0-9_]+)\$\{/g)].map((m) => m[1])));
    expect(keys.size).toBeGreaterThan(60);
    expect([...keys].filter((k) => !(k in en) || !(k in fr)).sort()).toEqual([]);
    // Families built from a value: each value the code can give.
    const values: Record<string, readonly string[]> = {
      import_kind_: ['customers', 'invoices', 'spending', 'subscriptions'],
      import_encoding_: ['utf_8', 'utf_8_bom', 'utf_16le', 'utf_16be', 'windows_1252'],
      store_: Object.keys(BackupStores.def.shape),
      zod_issue_: ZOD_ISSUE_CODES,
    };
    expect([...families].filter((f) => !(f in values))).toEqual([]);
    const missing = [...families].flatMap((f) => values[f].map((v) => `${f}${v}`)).filter((k) => !(k in en) || !(k in fr));
    expect(missing).toEqual([]);
  });

  it('uses only key names Chrome accepts', () => {
    for (const lang of ['en', 'fr']) expect(Object.keys(load(lang)).filter((k) => !/^[A-Za-z0-9_@]+$/.test(k))).toEqual([]);
  });
});
