// Renders a list whole up to 200 rows, and only the rows in view of a longer one, each measured as it renders.
// Rows keep their natural height in the page's flow (the window only pads above and below them), so a row
// never overlaps or clips another, whatever it holds: a row that grows (a confirmation, a warning) just grows.
import type { ComponentChildren, CSSProperties } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export const WINDOW_THRESHOLD = 200;
/** Pixels rendered beyond each edge of the view, so a quick scroll shows rows already laid out. */
const OVERSCAN_PX = 600;

/** Index of the last row whose top is at or above `y` (offsets ascending, offsets[0] = 0). */
export function rowAt(offsets: Float64Array, count: number, y: number): number {
  let lo = 0, hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= y) lo = mid; else hi = mid - 1;
  }
  return Math.max(0, lo);
}

export function Windowed<T extends object>({ items, rowHeight, height, render, label }: {
  items: T[];
  /** The height a row is assumed to have until it has been measured. */
  rowHeight: number;
  height: number; label: string;
  /** Renders one `<li>`; `style` is unused now that rows stay in the flow (kept for the rows' props). */
  render(item: T, index: number, style?: CSSProperties): ComponentChildren;
}) {
  const [top, setTop] = useState(0);
  const [, setMeasured] = useState(0);
  const heights = useRef(new WeakMap<T, number>());
  const list = useRef<HTMLUListElement>(null);
  const windowed = items.length > WINDOW_THRESHOLD;

  // Offsets from measured heights, the average measured height standing in for rows not seen yet.
  let sum = 0, seen = 0;
  const offsets = new Float64Array(items.length + 1);
  if (windowed) {
    for (const it of items) { const h = heights.current.get(it); if (h !== undefined) { sum += h; seen++; } }
    const guess = seen ? sum / seen : rowHeight;
    for (let i = 0; i < items.length; i++) offsets[i + 1] = offsets[i] + (heights.current.get(items[i]) ?? guess);
  }
  const first = windowed ? rowAt(offsets, items.length, Math.max(0, top - OVERSCAN_PX)) : 0;
  const last = windowed ? Math.min(items.length, rowAt(offsets, items.length, top + height + OVERSCAN_PX) + 1) : items.length;

  useLayoutEffect(() => {
    if (!windowed || !list.current) return;
    let changed = false;
    const lis = list.current.children;
    for (let i = 0; i < lis.length && first + i < last; i++) {
      const h = (lis[i] as HTMLElement).getBoundingClientRect().height;
      const item = items[first + i];
      if (h > 0 && heights.current.get(item) !== h) { heights.current.set(item, h); changed = true; }
    }
    if (changed) setMeasured((n) => n + 1);
  });

  if (!windowed) {
    return <ul class="rows" aria-label={label}>{items.map((it, i) => render(it, i))}</ul>;
  }
  return (
    // `position: relative` makes the window the containing block of the rows' absolutely placed parts (the
    // visually hidden labels): otherwise those of rows far down the list stretch the page itself, and a wheel
    // turn past the list's end scrolls the whole popup into blank space.
    <div class="window" style={{ height: `${height}px`, overflowY: 'auto', position: 'relative' }} onScroll={(e) => setTop((e.target as HTMLElement).scrollTop)} data-windowed="true">
      <ul ref={list} class="rows" aria-label={label}
        style={{ margin: 0, paddingTop: `${offsets[first]}px`, paddingBottom: `${offsets[items.length] - offsets[last]}px` }}>
        {items.slice(first, last).map((item, i) => render(item, first + i))}
      </ul>
    </div>
  );
}
