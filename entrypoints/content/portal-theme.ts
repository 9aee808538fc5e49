// Follows the portal's own theme (lib/portal/theme.ts) so that the panel and badges are dark on a dark portal, as
// they are on a dark system scheme. Read as the page starts, again as each in-app page settles (the portal paints
// late), when the root or body changes class, style or theme, and when the system's scheme changes.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { portalTheme } from '@/lib/portal/theme';

let dark = false;

/** Marks one of our hosts with the portal's theme: its styles' dark rules follow the mark (components/dark.ts).
 * The panel's own script (risk-panel.js, loaded later) has its own copy of this module, not this state: it is
 * handed the theme (`isDark`). */
export function markTheme(host: Element, isDark = dark): void {
  if (isDark) host.setAttribute('data-theme', 'dark');
  else host.removeAttribute('data-theme');
}

const WATCHED = ['class', 'style', 'data-theme', 'theme'];
/** After a navigation the new page renders late: read again as it settles. */
const SETTLE_MS = [300, 1000, 3000];

export function watchPortalTheme(ctx: ContentScriptContext, changed: () => void) {
  const check = () => {
    if (ctx.isInvalid) return;
    const now = portalTheme(document) === 'dark';
    if (now === dark) return;
    dark = now;
    changed();
  };
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: WATCHED });
  if (document.body) observer.observe(document.body, { attributes: true, attributeFilter: WATCHED });
  ctx.addEventListener(window.matchMedia('(prefers-color-scheme: dark)'), 'change', check);
  ctx.onInvalidated(() => observer.disconnect());
  check();
  return {
    /** The portal's theme as last read. */
    get dark() { return dark; },
    recheck() {
      check();
      for (const ms of SETTLE_MS) ctx.setTimeout(check, ms);
    },
  };
}
