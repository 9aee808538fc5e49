// What an error or a notice says, as a message key with substitutions: the page says it in the user's language,
// and logs print its code line (codeLine); lib/ writes no sentence.
import type { Translate } from './i18n';

/** A substitution: a plain value, another wording (translated too), or a list of wordings (joined in the user's language). */
export type Sub = string | number | { key: string; subs?: Sub[] } | { list: Sub[] };
/** A message key and its substitutions: the options page says it in the user's language. */
export interface Wording { key: string; subs: Sub[] }

export const wording = (key: string, ...subs: Sub[]): Wording => ({ key, subs });

/** A wording in the user's language; a substitution that is itself a key (or a list of them) is translated too. */
export const say = (t: Translate, w: { key: string; subs?: Sub[] }): string => t(w.key, ...(w.subs ?? []).map((s) => sayAny(t, s)));

/** Any substitution in the user's language: a plain value as it is. */
export function sayAny(t: Translate, s: Sub): string | number {
  if (typeof s !== 'object') return s;
  // "; " in English, " ; " in French: the separator is a message of its own.
  if ('list' in s) return s.list.map((x) => sayAny(t, x)).join(t('list_separator'));
  return say(t, s);
}

/** zod's problem codes (its own messages are English sentences): each is a message key, `zod_issue_{code}`. */
export const ZOD_ISSUE_CODES = ['invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom'] as const;
const ZOD_CODES = new Set<string>(ZOD_ISSUE_CODES);

/** What is wrong with a value, from zod's code for it (a code zod adds later reads as an invalid value). */
export const issueWording = (code: string): Wording => wording(`zod_issue_${ZOD_CODES.has(code) ? code : 'custom'}`);

/** zod's problems as words: each its field (when it has one) and what is wrong with it, the first `max` of them. */
export function issuesWording(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; code: string }>, max: number): Sub {
  return { list: issues.slice(0, max).map((i) => (i.path.length ? wording('error_message_field', i.path.map(String).join('.'), issueWording(i.code)) : issueWording(i.code))) };
}

/** An error that carries its wording: `message` for logs (in lib/, the code line), `text` for the user. */
export class WordedError extends Error {
  constructor(message: string, readonly text: Wording) { super(message); }
}

/** An error of lib/ as a code with values, no sentence: the views say it (its `message`, for logs, is the code). */
export const codedError = (key: string, ...subs: Sub[]): WordedError => new WordedError(codeLine(wording(key, ...subs)), wording(key, ...subs));

/** A wording as one line for logs and tests: its key and values, no sentence. */
export const codeLine = (w: Wording): string => `${w.key} ${JSON.stringify(w.subs)}`;
