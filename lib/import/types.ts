// The shapes an import's parsing step returns to the options page.
import type { Backup } from '../backup';
import type { Alert, Customer, Invoice, Settings, Spending, Subscription } from '../schema';
import type { DataKind, ImportKind } from './kinds';
import type { Encoding } from './decode';
import type { Wording } from '../wording';

/** Partner Center's reconciliation files, one row per charge: read for the customers they name. */
export type ReconciliationKind = 'nce-invoice' | 'nce-daily-usage' | 'license' | 'usage';

export type FileKind = ImportKind;

/** The valid records of one or more files, by data kind (lib/import/kinds.ts): what lib/db commits in one transaction. */
export interface ImportBatch {
  customers?: Customer[];
  invoices?: Invoice[];
  /** The invoices file lists every open invoice: open invoices missing from it are closed (paid, date unknown). */
  invoicesAreSnapshot?: boolean;
  spending?: Spending[];
  subscriptions?: Subscription[];
  alerts?: Alert[];
  /** Customers named by alerts; added when unknown so that no alert is dropped. */
  alertCustomers?: Array<{ tenantId: string; name: string }>;
  /**
   * When each kind was imported, for data imported before it was shared (a member's store when joining a team):
   * a kind the receiving store imported later keeps its own records, and the newer time stays its last import.
   */
  importedAt?: Partial<Record<DataKind, string>>;
}

/**
 * CSV: the line as a spreadsheet shows it: the header is line 1, each record one line (a quoted field with
 * line breaks inside stays one line, as a spreadsheet shows that record in one row), blank lines counted;
 * the wording says "line N: …". JSON: the item counting from 1; the wording says "item N: …". As STYLE's
 * `{ line, message }`, where the message is a key with values (no sentence in lib/): the preview says it in the
 * user's language (lib/wording.ts say).
 */
export interface RowError {
  line: number;
  message: Wording;
}

export interface ParsedFile {
  name: string;
  kind: FileKind | 'unknown';
  format: 'csv' | 'json';
  rowsRead: number;
  valid: number;
  errors: RowError[];
  /** This file's valid records, ready to commit. */
  batch: ImportBatch;
  /** Kind 'backup': the checked backup, for restore. */
  backup?: Backup;
  /** The whole file cannot be read: what is wrong with it, as a wording the preview says in the user's language. */
  fatal?: Wording;
  /** A reconciliation file: which one, and how many charge rows it holds (the charges are not imported). */
  reconciliation?: { kind: ReconciliationKind; charges: number };
  /** The encoding the file's bytes were decoded from (absent when the file came as text). */
  encoding?: Encoding;
  /** The file's bytes cannot be decoded (`fatal` says so too): the line they fail on, and as what. */
  undecodable?: { line: number; encoding?: Encoding };
  /** Invoices: the date the file lists open invoices as of: its latest 'As of' column value, else today. */
  asOf?: string;
}

export interface ParseContext {
  settings: Pick<Settings, 'dateOrder' | 'decimalSeparator'>;
  now: string;
  /** Lower-case domain -> tenant id, for invoices that name their customer by domain. */
  knownDomains: Map<string, string>;
}
