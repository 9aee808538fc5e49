import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BackupSection } from '../../components/options/BackupSection';
import { ImportSection } from '../../components/options/ImportSection';
import { BackupError, checkBackup } from '../../lib/backup';
import { sharedFailure } from '../../lib/sync/share';
import { makeTranslate, type MessageBundle } from '../../lib/i18n';
import { parseImportFile, type ParseContext, type ParsedFile } from '../../lib/import';
import { wording } from '../../lib/wording';

setFlagsFromString('--expose-gc'); // for the test that the written rows are let go

// Keys and arguments, so the assertions see what the component asked to show.
const t = (key: string, ...subs: Array<string | number>) => (subs.length ? `${key}(${subs.join('|')})` : key);
const TENANT = '11111111-1111-4111-8111-111111111111';

function parsedCustomers(): ParsedFile {
  return {
    name: 'Customers.csv', kind: 'customers', format: 'csv', rowsRead: 3, valid: 2,
    errors: [{ line: 3, message: wording('import_row_problems', 3, { list: [wording('import_field_problem', 'Customer ID', wording('import_not_guid', "'not-a-guid'"))] }) }],
    batch: { customers: [
      { tenantId: TENANT, name: 'Contoso', updatedAt: '2026-11-25T10:00:00.000Z' },
      { tenantId: '22222222-2222-4222-8222-222222222222', name: 'Fabrikam', updatedAt: '2026-11-25T10:00:00.000Z' },
    ] },
  };
}
function parsedInvoices(): ParsedFile {
  return {
    name: 'open-items.csv', kind: 'invoices', format: 'csv', rowsRead: 1, valid: 1, errors: [], asOf: '2026-11-25',
    batch: { invoices: [{ tenantId: TENANT, number: 'INV-1', issuedOn: '2026-10-01', dueOn: '2026-10-31', amount: 120000, paid: 0, currency: 'USD' }] },
  };
}

function setup(files: ParsedFile[], commit = vi.fn(async () => ({ closed: 0, customers: { added: 2, updated: 0, unchanged: 0 } }))) {
  const onParse = vi.fn(async (_f: File[], progress: (i: number, x: number) => void) => { progress(0, 0.5); return files; });
  const onSnapshotImpact = vi.fn(async () => 4);
  render(<ImportSection t={t} locale="en" lastImport={{}} now="2026-11-25T10:00:00.000Z" onParse={onParse} onSnapshotImpact={onSnapshotImpact} onCommit={commit} />);
  const input = screen.getByTestId('import-file') as HTMLInputElement;
  const chosen = [new File(['x'], 'a.csv', { type: 'text/csv' })];
  Object.defineProperty(input, 'files', { value: chosen, configurable: true });
  fireEvent.change(input);
  return { onParse, onSnapshotImpact, commit };
}

describe('import preview', () => {
  it('shows kind, rows read and valid, and one error entry per bad row with its line', async () => {
    setup([parsedCustomers()]);
    const preview = await screen.findByTestId('import-preview');
    expect(preview.dataset.kind).toBe('customers');
    expect(preview.dataset.rows).toBe('3');
    expect(preview.dataset.valid).toBe('2');
    const errors = screen.getAllByTestId('import-error');
    expect(errors).toHaveLength(1);
    expect(errors[0].textContent).toBe("import_row_problems(3|import_field_problem(Customer ID|import_not_guid('not-a-guid')))");
    expect(errors[0].dataset.line).toBe('3');
    expect(screen.queryByTestId('import-snapshot')).toBeNull();
  });

  it('imports the valid rows on confirm and says what was added', async () => {
    const { commit } = setup([parsedCustomers()]);
    fireEvent.click(await screen.findByTestId('import-confirm'));
    const result = await screen.findByTestId('import-result');
    expect(commit).toHaveBeenCalledTimes(1);
    expect((commit.mock.calls[0] as unknown[])[1]).toBe(false);
    expect(result.querySelector('[data-kind="customers"]')?.getAttribute('data-added')).toBe('2');
    expect(result.textContent).toContain('import_result_skipped(1)');
  });

  it('lets go of the written rows once they are imported, and still says what each file held', async () => {
    // The options page shares its JavaScript heap with the popup: 100,000 parsed rows kept after their import
    // slowed the popup. Nothing here (no mock) keeps the files; only the section could.
    const gc = runInNewContext('gc') as () => void;
    let rows: WeakRef<object> | undefined;
    const onParse = async () => {
      const file = parsedCustomers();
      rows = new WeakRef(file.batch.customers!);
      return [file];
    };
    render(<ImportSection t={t} locale="en" lastImport={{}} now="2026-11-25T10:00:00.000Z" onParse={onParse} onSnapshotImpact={async () => 0}
      onCommit={async (files) => ({ closed: 0, customers: { added: files[0].batch.customers!.length, updated: 0, unchanged: 0 } })} />);
    const input = screen.getByTestId('import-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'a.csv', { type: 'text/csv' })], configurable: true });
    fireEvent.change(input);
    fireEvent.click(await screen.findByTestId('import-confirm'));
    const result = await screen.findByTestId('import-result');
    expect(result.querySelector('[data-kind="customers"]')?.getAttribute('data-added')).toBe('2');
    const preview = screen.getByTestId('import-preview');
    expect([preview.dataset.rows, preview.dataset.valid, screen.getAllByTestId('import-error').length]).toEqual(['3', '2', 1]);
    // Collected once the section's last render and its timers are behind it: a few turns, each then a collection
    // (not waitFor: its own callbacks hold the test's scope).
    let released = false;
    for (let i = 0; i < 20 && !released; i++) {
      await new Promise((ok) => setTimeout(ok, 10));
      gc();
      released = rows!.deref() === undefined;
    }
    expect(released).toBe(true);
  });

  it('offers the open-items snapshot for invoices and says how many invoices it would close', async () => {
    const { commit, onSnapshotImpact } = setup([parsedInvoices()]);
    const box = (await screen.findByTestId('import-snapshot')) as HTMLInputElement;
    fireEvent.click(box);
    expect((await screen.findByTestId('import-snapshot-impact')).textContent).toContain('import_snapshot_closes(4)');
    expect(onSnapshotImpact).toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('import-confirm'));
    await waitFor(() => expect(commit).toHaveBeenCalled());
    expect((commit.mock.calls[0] as unknown[])[1]).toBe(true);
  });

  it('shows a failed commit and keeps the preview, so nothing is lost', async () => {
    const commit = vi.fn(async () => { throw new Error('disk full'); });
    setup([parsedCustomers()], commit as never);
    fireEvent.click(await screen.findByTestId('import-confirm'));
    expect((await screen.findByTestId('import-failed')).textContent).toBe('import_failed(disk full)');
    expect(screen.getByTestId('import-preview')).toBeTruthy();
    expect(screen.queryByTestId('import-result')).toBeNull();
  });

  it('says that a failed commit the team already holds is not lost, and why it failed here', async () => {
    const commit = vi.fn(async () => { throw sharedFailure(Object.assign(new Error(''), { name: 'QuotaExceededError' })); });
    setup([parsedCustomers()], commit as never);
    fireEvent.click(await screen.findByTestId('import-confirm'));
    expect((await screen.findByTestId('import-failed')).textContent).toBe('import_failed_shared(error_no_storage)');
    expect(screen.getByTestId('import-preview')).toBeTruthy();
  });

  it('shows a file it cannot read as a whole-file error and offers nothing to import', async () => {
    setup([{ name: 'notes.csv', kind: 'unknown', format: 'csv', rowsRead: 0, valid: 0, errors: [], batch: {}, fatal: wording('import_no_header') }]);
    expect((await screen.findByTestId('import-fatal')).textContent).toBe('import_no_header');
    expect((screen.getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('import errors in the user’s language', () => {
  const fr = makeTranslate(JSON.parse(readFileSync('public/_locales/fr/messages.json', 'utf8')) as MessageBundle);
  const ctx: ParseContext = { settings: { dateOrder: 'auto', decimalSeparator: 'auto' }, now: '2026-11-25T10:00:00.000Z', knownDomains: new Map() };

  /** The real import reads the chosen files, as the options page does, and the preview speaks French. */
  function chooseInFrench(files: Array<[string, string]>) {
    const onParse = async (chosen: File[]) => Promise.all(chosen.map(async (f) => parseImportFile(f.name, await f.text(), ctx)));
    render(<ImportSection t={fr} locale="fr" lastImport={{}} now="2026-11-25T10:00:00.000Z" onParse={onParse} onSnapshotImpact={async () => 0} onCommit={vi.fn()} />);
    const input = screen.getByTestId('import-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: files.map(([name, text]) => new File([text], name, { type: 'text/csv' })), configurable: true });
    fireEvent.change(input);
  }

  it('shows each bad row in French with its line, the columns named as the file writes them', async () => {
    chooseInFrench([['Clients.csv', [
      'ID client;Nom de la société;Pays;Moyen de paiement',
      `${TENANT};Société Générale;FR;virement`,
      'pas-un-guid;Contoso;FR;virement',
      '',
      `22222222-2222-4222-8222-222222222222;;Atlantide;Bitcoin`,
    ].join('\n')]]);
    await screen.findByTestId('import-preview');
    const errors = screen.getAllByTestId('import-error');
    expect(errors.map((e) => e.dataset.line)).toEqual(['3', '5']);
    expect(errors[0].textContent).toBe("ligne 3 : ID client : 'pas-un-guid' n’est pas un GUID");
    expect(errors[1].textContent).toBe(
      "ligne 5 : Nom de la société est vide ; Pays : 'Atlantide' n’est pas un pays (utilisez un code ISO comme FR ou un nom anglais comme France) ; "
      + "Moyen de paiement : 'Bitcoin' n’est pas un moyen de paiement (facture, virement, prélèvement, carte, carte prépayée)",
    );
    expect(screen.getByTestId('import-confirm').textContent).toContain('1');
  });

  it('refuses a file of no known kind, and a JSON file that is no JSON, in French', async () => {
    chooseInFrench([['notes.csv', 'Foo;Bar\n1;2\n'], ['export.json', '{"items": [']]);
    await waitFor(() => expect(screen.getAllByTestId('import-fatal')).toHaveLength(2));
    const [kind, json] = screen.getAllByTestId('import-fatal').map((e) => e.textContent);
    expect(kind).toMatch(/^Le type de ce fichier ne se reconnaît pas à sa ligne d’en-tête \(trouvé : Foo, Bar\)/);
    expect(json).toMatch(/^Ce fichier n’est pas du JSON valide/);
  });

  it('says in French that reading failed, even for an error without a message', async () => {
    render(<ImportSection t={fr} locale="fr" lastImport={{}} now="2026-11-25T10:00:00.000Z" onParse={async () => { throw new Error(''); }} onSnapshotImpact={async () => 0} onCommit={vi.fn()} />);
    const input = screen.getByTestId('import-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'a.csv')], configurable: true });
    fireEvent.change(input);
    expect((await screen.findByTestId('import-failed')).textContent).toMatch(/^Les fichiers n’ont pas pu être lus : une erreur inattendue/);
  });
});

describe('backup and export errors in the user’s language', () => {
  const fr = makeTranslate(JSON.parse(readFileSync('public/_locales/fr/messages.json', 'utf8')) as MessageBundle);
  const props = { t: fr, onBackup: vi.fn(async () => undefined), onCheckRestore: vi.fn(), onRestore: vi.fn(async () => undefined), onExportCsv: vi.fn(async () => undefined) };

  it('never shows an empty red line: a backup download or an export that fails without a message says so in words', async () => {
    const onBackup = vi.fn(async () => { throw new DOMException('', 'QuotaExceededError'); });
    const onExportCsv = vi.fn(async () => { throw new Error(''); });
    render(<BackupSection {...props} onBackup={onBackup} onExportCsv={onExportCsv} />);
    fireEvent.click(screen.getByTestId('backup-export'));
    await waitFor(() => expect(screen.getByTestId('backup-message').textContent).toMatch(/^le navigateur n’a plus d’espace de stockage/));
    for (const k of ['overdue', 'budget', 'risk']) {
      fireEvent.click(screen.getByTestId(`export-${k}`));
      await waitFor(() => expect(screen.getByTestId('backup-message').textContent).toMatch(/^une erreur inattendue s’est produite sans en donner la raison/));
    }
  });

  it('says why a backup is refused in French', async () => {
    const onCheckRestore = vi.fn(async () => {
      const check = checkBackup({ format: 'partner-risk-lens-backup', schemaVersion: 99 }, 3);
      throw new BackupError(check.ok ? '' : check.error, check.ok ? wording('restore_not_backup') : check.text);
    });
    render(<BackupSection {...props} onCheckRestore={onCheckRestore} />);
    const input = screen.getByTestId('restore-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{}'], 'b.json')], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByTestId('backup-message').textContent).toBe(
      'Cette sauvegarde a été écrite par une version plus récente (schéma 99 ; celle-ci lit jusqu’au schéma 3). Mettez d’abord l’extension à jour. Rien n’a été modifié.',
    ));
  });
});

describe('the last imports', () => {
  it('warns of stale receivables by the time the page passes in, not a clock of its own', () => {
    const lastImport = { invoices: '2026-11-10T10:00:00.000Z' };
    const { unmount } = render(<ImportSection t={t} locale="en" lastImport={lastImport} now="2026-11-25T10:00:00.000Z" onParse={vi.fn()} onSnapshotImpact={vi.fn()} onCommit={vi.fn()} />);
    expect(screen.getByTestId('receivables-stale').textContent).toBe('import_receivables_stale(15)');
    unmount();
    render(<ImportSection t={t} locale="en" lastImport={lastImport} now="2026-11-12T10:00:00.000Z" onParse={vi.fn()} onSnapshotImpact={vi.fn()} onCommit={vi.fn()} />);
    expect(screen.queryByTestId('receivables-stale')).toBeNull();
  });
});
