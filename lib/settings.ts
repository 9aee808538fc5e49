// Settings as the store keeps them: only what the user changed. The effective settings are the defaults with
// those overrides on top, read every time, so an improved default reaches everyone who left that setting alone.
import * as z from 'zod/mini';
import { DEFAULT_WEIGHTS, Settings, SettingsOverrides, type WeightId, type WeightOverrides, type Weights } from './schema';

/** One weight input: a factor (`prepaid-card`), or one grade of a graded factor (`overdue.91+`, `abuse-flag.cap`). */
export interface WeightField { path: string; factor: WeightId; grade?: string; label: string }

/** Every weight the settings form shows, in the order of DEFAULT_WEIGHTS; `label` is its message key. */
export const WEIGHT_FIELDS: WeightField[] = (Object.entries(DEFAULT_WEIGHTS) as Array<[WeightId, number | Record<string, number>]>).flatMap(([factor, d]): WeightField[] =>
  typeof d === 'number'
    ? [{ path: factor, factor, label: weightLabel(factor) }]
    : Object.keys(d).map((grade) => ({ path: `${factor}.${grade}`, factor, grade, label: weightLabel(grade === 'each' ? factor : `${factor}_${grade}`) })));

function weightLabel(name: string): string {
  return `weight_${name.replace(/[-+.]/g, '_')}`;
}

export function weightOf(w: Weights, f: WeightField): number {
  const v = w[f.factor] as number | Record<string, number>;
  return typeof v === 'number' ? v : v[f.grade!];
}

/** The weights with one changed. */
export function withWeight(w: Weights, f: WeightField, value: number): Weights {
  const v = w[f.factor] as number | Record<string, number>;
  return { ...w, [f.factor]: typeof v === 'number' ? value : { ...v, [f.grade!]: value } };
}

const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const [ka, kb] = [Object.keys(a), Object.keys(b)];
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
};

/** The effective settings of stored overrides; a record that no longer validates gives the defaults. */
export function settingsOf(overrides: unknown): Settings {
  const o = SettingsOverrides.safeParse(overrides ?? {});
  const s = o.success ? Settings.safeParse(o.data) : undefined;
  return s?.success ? s.data : Settings.parse({});
}

/** What of `s` differs from `defaults`: each setting whole, weights by factor and grade. */
export function overridesOf(s: Settings, defaults: Settings = Settings.parse({})): SettingsOverrides {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(defaults) as Array<keyof Settings>) {
    if (k !== 'weights' && !same(s[k], defaults[k])) out[k] = s[k];
  }
  const weights: Record<string, unknown> = {};
  for (const id of Object.keys(defaults.weights) as WeightId[]) {
    const [v, d] = [s.weights[id] as number | Record<string, number>, defaults.weights[id] as number | Record<string, number>];
    if (typeof v === 'number' || typeof d === 'number') {
      if (v !== d) weights[id] = v;
      continue;
    }
    const grades = Object.fromEntries(Object.keys(d).filter((g) => v[g] !== d[g]).map((g) => [g, v[g]]));
    if (Object.keys(grades).length) weights[id] = grades;
  }
  if (Object.keys(weights).length) out.weights = weights;
  return out as SettingsOverrides;
}

/** A change to some settings: any of them whole, and the weights by factor and grade. */
export type SettingsPatch = Omit<Partial<Settings>, 'weights'> & { weights?: WeightOverrides };

/** The settings with a patch applied: the weights it names change, the others stay. Not validated here. */
export function applyPatch(s: Settings, patch: SettingsPatch): Settings {
  const weights = { ...s.weights } as Record<string, unknown>;
  for (const [id, v] of Object.entries(patch.weights ?? {})) {
    weights[id] = v !== null && typeof v === 'object' ? { ...(weights[id] as object), ...v } : v;
  }
  return { ...s, ...patch, weights: weights as Weights };
}

// ---- Settings as schema versions 1–3 stored them (and backups of those versions carry): every setting, the
// defaults of the day frozen in, weights under their old ids. Frozen here as they were, so that a value equal to
// the old default is known for one the user never changed, whatever the defaults become.

const V3_DEFAULTS: Record<string, unknown> = {
  staffName: '', language: 'auto', levels: { medium: 25, high: 50, critical: 75 }, budgetThreshold: 0.8, spikeFactor: 3,
  dunning: { first: 1, second: 15, final: 30, suspend: 45 }, activityReviewDays: 30,
  regions: {
    black: ['KP', 'IR', 'MM'],
    grey: ['DZ', 'AO', 'BO', 'BG', 'CM', 'CI', 'CD', 'HT', 'KE', 'KW', 'LA', 'LB', 'MC', 'NA', 'NP', 'PG', 'SS', 'SY', 'VE', 'VN', 'VG', 'YE'],
    source: 'FATF public statements, plenary of 11–13 February 2026', asOf: '2026-02-13',
  },
  dateOrder: 'auto', decimalSeparator: 'auto',
};
/** Old weight id → its default then, and where it goes now (factor, grade). The notice's weight and cap also
 * scored each Microsoft alert then: they go to both, so the score a user had set stays the same. */
const V3_WEIGHTS: Record<string, { was: number; to: Array<[WeightId, string?]> }> = {
  'prepaid-card': { was: 25, to: [['prepaid-card']] },
  'card-not-present': { was: 10, to: [['card-not-present']] },
  'no-prepayment': { was: 10, to: [['no-prepayment']] },
  'provisioned-before-payment': { was: 10, to: [['provisioned-before-payment']] },
  'overdue-1-30': { was: 10, to: [['overdue', '1-30']] },
  'overdue-31-60': { was: 20, to: [['overdue', '31-60']] },
  'overdue-61-90': { was: 30, to: [['overdue', '61-90']] },
  'overdue-91+': { was: 40, to: [['overdue', '91+']] },
  'unverified-identity': { was: 3, to: [['unverified-identity']] },
  'high-risk-region-black': { was: 25, to: [['high-risk-region', 'black']] },
  'high-risk-region-grey': { was: 10, to: [['high-risk-region', 'grey']] },
  'fast-purchasing': { was: 15, to: [['fast-purchasing']] },
  'abuse-flag': { was: 20, to: [['abuse-flag', 'each']] },
  'abuse-flag-cap': { was: 40, to: [['abuse-flag', 'cap']] },
  'microsoft-notice': { was: 15, to: [['microsoft-notice', 'each'], ['microsoft-alert', 'each']] },
  'microsoft-notice-cap': { was: 45, to: [['microsoft-notice', 'cap'], ['microsoft-alert', 'cap']] },
  'confirmed-fraud': { was: 40, to: [['confirmed-fraud']] },
  'spend-spike': { was: 15, to: [['spend-spike']] },
  'full-admin-unchecked': { was: 10, to: [['full-admin-unchecked']] },
  'no-budget': { was: 5, to: [['no-budget']] },
  'activity-log-review': { was: 5, to: [['activity-log-review']] },
};

/** A settings record as versions 1–3 wrote it (in backups too): each setting checked as then, weights by old id. */
export const SettingsV3 = z.object({
  ...(SettingsOverrides as unknown as z.ZodMiniObject).def.shape,
  weights: z.optional(z.partial(z.object(Object.fromEntries(Object.keys(V3_WEIGHTS).map((id) => [id, z.number().check(z.gte(0), z.lte(100))]))))),
});
export type SettingsV3 = z.infer<typeof SettingsV3>;

/**
 * The overrides of a settings record as versions 1–3 stored it: a value equal to that version's default is dropped
 * (the user never changed it: it follows the defaults from now on), each weight goes under its factor's id, and a
 * value that does not validate is dropped alone (the others are kept).
 */
export function overridesFromV3(raw: unknown): SettingsOverrides {
  const out: Record<string, unknown> = {};
  if (!raw || typeof raw !== 'object') return {};
  const shape = (SettingsOverrides as unknown as { def: { shape: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }> } }).def.shape;
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'weights' || !(k in V3_DEFAULTS) || same(v, V3_DEFAULTS[k])) continue;
    const parsed = shape[k].safeParse(v);
    if (parsed.success) out[k] = parsed.data;
  }
  const weights: Record<string, number | Record<string, number>> = {};
  const old = (raw as { weights?: unknown }).weights;
  for (const [id, v] of Object.entries(old && typeof old === 'object' ? old : {})) {
    const map = V3_WEIGHTS[id];
    if (!map || v === map.was || typeof v !== 'number' || !(v >= 0 && v <= 100)) continue;
    for (const [factor, grade] of map.to) {
      if (grade) weights[factor] = { ...(weights[factor] as Record<string, number> | undefined), [grade]: v };
      else weights[factor] = v;
    }
  }
  if (Object.keys(weights).length) out.weights = weights;
  return out as SettingsOverrides;
}
