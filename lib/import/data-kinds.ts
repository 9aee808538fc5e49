// The kinds of data an import brings, as plain names: the popup reads them without loading zod (kinds.ts has the schema).

/** Kinds of records a file brings, one store each, in the order views list them. */
export const DATA_KINDS = ['customers', 'invoices', 'spending', 'subscriptions', 'alerts'] as const;
export type DataKind = (typeof DATA_KINDS)[number];
/** Every kind a file can be: the data kinds, and a Partner Risk Lens backup (restored whole, not imported). */
export const IMPORT_KINDS = [...DATA_KINDS, 'backup'] as const;
