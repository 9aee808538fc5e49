// A Partner Risk Lens backup: checked whole (lib/backup.ts), restored whole, never imported row by row.
import { BACKUP_FORMAT, checkBackup } from '../../backup';
import { SCHEMA_VERSION } from '../../schema';
import type { WholeJsonFormat } from '../format';
import { isObj } from '../json-items';

export const backupJson: WholeJsonFormat = {
  kind: 'backup',
  detect: (raw) => isObj(raw) && raw.format === BACKUP_FORMAT,
  parse: (raw) => {
    const check = checkBackup(raw, SCHEMA_VERSION);
    if (!check.ok) return { rowsRead: 0, valid: 0, fatal: check.text };
    const rows = Object.values(check.counts).reduce((a, b) => a + b, 0);
    return { rowsRead: rows, valid: rows, backup: check.backup };
  },
};
