import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ImportSection } from '../../components/options/ImportSection';
import type { ParsedFile } from '../../lib/import';

// Keys and arguments, so the assertions see what the component asked to show.
const t = (key: string, ...subs: Array<string | number>) => (subs.length ? `${key}(${subs.join('|')})` : key);
const TENANT = '11111111-1111-4111-8111-111111111111';

function parsedCustomers(): ParsedFile {
  return {
    name: 'Customers.csv', kind: 'customers', format: 'csv', rowsRead: 3, valid: 2,
    errors: [{ line: 3, message: "line 3: Customer ID 'not-a-guid' is not a GUID" }],
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
  render(<ImportSection t={t} locale="en" lastImport={{}} onParse={onParse} onSnapshotImpact={onSnapshotImpact} onCommit={commit} />);
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
    expect(errors[0].textContent).toBe("line 3: Customer ID 'not-a-guid' is not a GUID");
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

  it('shows a file it cannot read as a whole-file error and offers nothing to import', async () => {
    setup([{ name: 'notes.csv', kind: 'unknown', format: 'csv', rowsRead: 0, valid: 0, errors: [], batch: {}, fatal: 'not a known file' }]);
    expect((await screen.findByTestId('import-fatal')).textContent).toBe('not a known file');
    expect((screen.getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(true);
  });
});
