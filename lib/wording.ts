// What an error or a notice says, as a message key with substitutions: the page says it in the user's language,
// while the English `message` beside it stays for tests and logs.
import type { Translate } from './i18n';

/** A substitution: a plain value, another wording (translated too), or a list of wordings joined with "; ". */
export type Sub = string | number | { key: string; subs?: Sub[] } | { list: Sub[] };
/** A message key and its substitutions: the options page says it in the user's language. */
export interface Wording { key: string; subs: Sub[] }

export const wording = (key: string, ...subs: Sub[]): Wording => ({ key, subs });

/** A wording in the user's language; a substitution that is itself a key (or a list of them) is translated too. */
export const say = (t: Translate, w: { key: string; subs?: Sub[] }): string => t(w.key, ...(w.subs ?? []).map((s) => sayAny(t, s)));

/** Any substitution in the user's language: a plain value as it is. */
export function sayAny(t: Translate, s: Sub): string | number {
  if (typeof s !== 'object') return s;
  if ('list' in s) return s.list.map((x) => sayAny(t, x)).join('; ');
  return say(t, s);
}

/** An error that carries its wording: `message` in English for logs and tests, `text` for the user. */
export class WordedError extends Error {
  constructor(message: string, readonly text: Wording) { super(message); }
}

/** An error of lib/ as a code with values, no sentence: the views say it (its `message`, for logs, is the code). */
export const codedError = (key: string, ...subs: Sub[]): WordedError => new WordedError(codeLine(wording(key, ...subs)), wording(key, ...subs));

/** A wording as one line for logs and tests: its key and values, no sentence. */
export const codeLine = (w: Wording): string => `${w.key} ${JSON.stringify(w.subs)}`;
