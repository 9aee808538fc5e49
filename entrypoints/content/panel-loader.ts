// Loads the panel's code (entrypoints/risk-panel.ts, its own file) into this content script's isolated world, once
// per page: a dynamic import() of the extension file, which leaves the panel's functions under PANEL_GLOBAL.
// Chromium and Firefox both run a module imported by a content script in the content script's world.
import type { mountPanel } from './panel';
import type { warmFormatting } from '@/components/panel/format';

/** The name under which the panel's file leaves its functions (in the isolated world, never the page's). */
export const PANEL_GLOBAL = '__partnerRiskLensPanel';
/** The panel's file as built (WXT writes an unlisted script to the output's root). */
export const PANEL_FILE = '/risk-panel.js';

export interface PanelModule {
  mountPanel: typeof mountPanel;
  warmFormatting: typeof warmFormatting;
}

let loading: Promise<PanelModule> | undefined;

/** The panel's functions, its file loaded on first use; a failed load is tried again on the next call. */
export function loadPanel(): Promise<PanelModule> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(PANEL_FILE)).then(() => {
    const api = (globalThis as Record<string, unknown>)[PANEL_GLOBAL] as PanelModule | undefined;
    if (!api) throw new Error(`${PANEL_FILE} loaded without its functions`);
    return api;
  });
  loading.catch(() => { loading = undefined; });
  return loading;
}
