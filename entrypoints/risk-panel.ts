// The customer's risk panel (entrypoints/content/panel.tsx and components/panel), built apart from the content
// script: a customers list loads only the badges, and this file is loaded (panel-loader.ts) on a customer's page,
// or while staff point at a list on their way to one. It is an extension file the portal's pages may load
// (web_accessible_resources, portal matches only; a per-session URL in Chromium), run in the content script's
// isolated world by its dynamic import(), where it leaves its functions for the content script to take.
import { warmFormatting } from '@/components/panel/format';
import { mountPanel } from './content/panel';
import { PANEL_GLOBAL, type PanelModule } from './content/panel-loader';

export default defineUnlistedScript(() => {
  const api: PanelModule = { mountPanel, warmFormatting };
  (globalThis as Record<string, unknown>)[PANEL_GLOBAL] = api;
});
