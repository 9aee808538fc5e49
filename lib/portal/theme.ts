// Whether the portal shows a dark theme. Partner Center's markup names no theme we could rely on (PORTAL.md
// documents none), so the colour the page paints behind its content decides: the first opaque background from
// the element at the middle of the page up to the root (a dark app container, the body, or the root element).
// Pages: every portal page (customer pages with the panel, lists with badges).

/** Relative luminance (WCAG) of an `rgb()`/`rgba()` colour; undefined when transparent or not in that form. */
export function luminanceOf(css: string): number | undefined {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  if (!(alpha > 0.5)) return undefined; // transparent (or nearly): what shows is behind it
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Below this luminance white text contrasts more than black: the background is a dark one. */
const DARK_BELOW = 0.179;

/** The theme a list of backgrounds (innermost first) shows: that of the first opaque one. */
export function themeOfBackgrounds(backgrounds: string[]): 'dark' | 'light' | undefined {
  for (const bg of backgrounds) {
    const l = luminanceOf(bg);
    if (l !== undefined) return l < DARK_BELOW ? 'dark' : 'light';
  }
  return undefined;
}

/**
 * The portal page's theme, read from its painted backgrounds: from the page's element at the middle of the view
 * (not one of ours, `data-prl` hosts) up through its ancestors and shadow hosts to the root element.
 */
export function portalTheme(doc: Document): 'dark' | 'light' | undefined {
  const view = doc.defaultView;
  if (!view) return undefined;
  const atMiddle = doc.elementsFromPoint?.(view.innerWidth / 2, view.innerHeight / 2) ?? [];
  const start = atMiddle.find((e) => !e.closest('[data-prl]')) ?? doc.body ?? doc.documentElement;
  const backgrounds: string[] = [];
  for (let e: Element | null = start; e; ) {
    backgrounds.push(view.getComputedStyle(e).backgroundColor);
    const root: Node | undefined = e.parentElement ? undefined : e.getRootNode();
    e = e.parentElement ?? (root && 'host' in root ? (root as ShadowRoot).host : null);
  }
  // Below the page's content (a short page) the canvas shows: the root's background, or the body's when the root
  // has none (CSS moves the body's background to the canvas then).
  for (const e of [doc.body, doc.documentElement]) if (e) backgrounds.push(view.getComputedStyle(e).backgroundColor);
  return themeOfBackgrounds(backgrounds);
}
