// Which way a CSV file writes its DD/MM/YYYY or MM/DD/YYYY dates, column by column, settled by the file
// itself as its decimal separator is: one date with a first part over 12 makes the whole column day-first
// (`05/09/2026` beside `15/10/2026`), a second part over 12 month-first; a column that shows both is an
// error naming both lines; only a column that no row settles falls back to the date-format setting.
import { columnName } from './fields';
import type { CsvFormat } from './format';
import { wording, type Wording } from '../wording';

type Reading = 'dmy' | 'mdy' | 'either';
type Seen = { line: number; raw: string };

// As values.ts parseDate reads a date with its day and month in either order.
const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$/i;

/** What one cell says of its column's order; undefined when the order does not matter to it (ISO, 05/05, not a date). */
export function readingOf(raw: string): Reading | undefined {
  const m = DAY_MONTH.exec(raw.trim());
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[3])];
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return a <= 12 && b <= 12 && a !== b ? 'either' : undefined;
}

export class DateColumns {
  private readonly fields: string[];
  /** The first line that showed each order, per column. */
  private readonly seen: Record<string, { dmy?: Seen; mdy?: Seen }> = {};

  constructor(private readonly format: CsvFormat, private readonly headers: string[], private readonly map: Record<string, number>) {
    this.fields = format.dates.filter((f) => f in map);
  }

  /** Notes what a row's dates show; true when one of them depends on its column's order (the row waits to the end). */
  see(cells: string[], line: number): boolean {
    let depends = false;
    for (const f of this.fields) {
      const raw = (cells[this.map[f]] ?? '').trim();
      const r = readingOf(raw);
      if (!r) continue;
      depends = true;
      if (r === 'either') continue;
      const s = (this.seen[f] ??= {});
      s[r] ??= { line, raw };
    }
    return depends;
  }

  /** The order of each column the file settled. */
  orders(): Record<string, 'dmy' | 'mdy'> {
    const out: Record<string, 'dmy' | 'mdy'> = {};
    for (const [f, s] of Object.entries(this.seen)) {
      if (s.dmy && !s.mdy) out[f] = 'dmy';
      else if (s.mdy && !s.dmy) out[f] = 'mdy';
    }
    return out;
  }

  /** A row's dates in columns that contradict themselves: the problem, naming the lines that disagree. */
  clashes(cells: string[]): Wording[] {
    const out: Wording[] = [];
    for (const f of this.fields) {
      const s = this.seen[f];
      if (!s?.dmy || !s.mdy || !readingOf(cells[this.map[f]] ?? '')) continue;
      const col = columnName(this.format.fields, f, this.headers, this.map);
      out.push(wording('import_date_clash', col, s.dmy.line, `'${s.dmy.raw}'`, s.mdy.line, `'${s.mdy.raw}'`));
    }
    return out;
  }
}
