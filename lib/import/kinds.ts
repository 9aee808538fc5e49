// The kinds of data an import brings: the one list that the schema, the store, the preview and the popup take.
import * as z from 'zod/mini';
import { IMPORT_KINDS } from './data-kinds';

export { DATA_KINDS, IMPORT_KINDS, type DataKind } from './data-kinds';
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;
