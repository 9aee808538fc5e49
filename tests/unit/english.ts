// The English a person sees of what lib/ says as wordings (an import's row errors, a file it refuses): the en
// bundle through lib/i18n and lib/wording, as the options page says it. Tests compare these sentences.
import { readFileSync } from 'node:fs';
import { makeTranslate, type MessageBundle } from '../../lib/i18n';
import type { RowError } from '../../lib/import';
import { say, type Wording } from '../../lib/wording';

const en = makeTranslate(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as MessageBundle);

/** A wording in English; none stays none (a file read without a fatal error). */
export function english(w: Wording): string;
export function english(w: Wording | undefined): string | undefined;
export function english(w: Wording | undefined): string | undefined {
  return w && say(en, w);
}

/** Row errors as the preview lists them in English: each line with its sentence. */
export const englishErrors = (errors: readonly RowError[]) => errors.map((e) => ({ line: e.line, message: english(e.message) }));
