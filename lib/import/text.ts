// A cell as error messages quote it: trimmed, and cut short, so that a damaged file's megabyte-long cell
// cannot flood the preview.
export const MAX_QUOTED = 60;

export function quoted(raw: string): string {
  const s = raw.trim();
  return `'${s.length > MAX_QUOTED ? `${s.slice(0, MAX_QUOTED)}…` : s}'`;
}
