// The bench's generated store: customers and invoices as CSV files on disk (Playwright hands a path to the browser).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const guid = (i: number) => {
  const h = i.toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-0000-4000-8000-${h}`;
};

/** `run` changes what every invoice has paid: each run's file rewrites every row (an unchanged row is not written). */
export function bigFiles(customers: number, invoices: number, run = 0) {
  const c = ['Customer ID,Company name,Primary domain name,Country,Payment instrument'];
  for (let i = 0; i < customers; i++) c.push(`${guid(i)},Customer ${i},c${i}.example.com,${['FR', 'US', 'DE', 'VN'][i % 4]},${i % 9 ? 'Invoice' : 'Prepaid card'}`);
  const inv = ['Customer ID,Invoice number,Invoice date,Due date,Amount,Paid,Currency'];
  for (let i = 0; i < invoices; i++) inv.push(`${guid(i % customers)},INV-${i},2026-08-01,${i % 3 ? '2026-12-30' : '2026-09-15'},${(i % 5000) + 100}.50,${(i % 7 ? 0 : 50) + run},USD`);
  // Real files, given by path: Playwright hands a path to the browser, while a buffer is turned into a File by
  // script in the page (a task of over a second for 5 MB, which would be counted against the import).
  const dir = mkdtempSync(join(tmpdir(), 'prl-bench-'));
  writeFileSync(join(dir, 'customers.csv'), c.join('\n'));
  writeFileSync(join(dir, 'invoices.csv'), inv.join('\n'));
  return { customers: join(dir, 'customers.csv'), invoices: join(dir, 'invoices.csv') };
}

