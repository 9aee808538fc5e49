// Renders a list whole up to 200 rows, and only the visible window of a longer one (fixed row height).
import type { ComponentChildren, CSSProperties } from 'preact';
import { useState } from 'preact/hooks';

export const WINDOW_THRESHOLD = 200;
const OVERSCAN = 10;

export function Windowed<T>({ items, rowHeight, height, render, label }: {
  items: T[]; rowHeight: number; height: number; label: string;
  /** Renders one `<li>`; `style` places it when the list is windowed. */
  render(item: T, index: number, style?: CSSProperties): ComponentChildren;
}) {
  const [top, setTop] = useState(0);
  if (items.length <= WINDOW_THRESHOLD) {
    return <ul class="rows" aria-label={label}>{items.map((it, i) => render(it, i))}</ul>;
  }
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  return (
    <div class="window" style={{ height: `${height}px`, overflowY: 'auto' }} onScroll={(e) => setTop((e.target as HTMLElement).scrollTop)} data-windowed="true">
      <ul class="rows" aria-label={label} style={{ position: 'relative', height: `${items.length * rowHeight}px`, margin: 0 }}>
        {items.slice(first, last).map((item, i) =>
          render(item, first + i, { position: 'absolute', top: `${(first + i) * rowHeight}px`, left: 0, right: 0, height: `${rowHeight}px`, overflow: 'hidden' }))}
      </ul>
    </div>
  );
}
