import { defineConfig } from 'wxt';
import { PORTAL_MATCHES } from './lib/portal/hosts';

// Everything Firefox needs that Chrome and Edge do not, in one place (the code itself runs unchanged: WXT's
// `browser` is the promise-based webextension-polyfill in every browser, and the background keeps no state a
// restart would lose, so Firefox's event page and Chrome's service worker behave alike).
// - The Firefox build is Manifest V3 too (WXT would make MV2 for Firefox): the code calls `browser.action`, which
//   MV2 lacks (it has `browserAction`), and one manifest version means one set of APIs to test. Firefox runs an MV3
//   background as an event page (`background.scripts`, which WXT writes) rather than a service worker.
// - Firefox 140 is the oldest we accept: it is the oldest ESR still supported, it grants MV3 host permissions at
//   install (before 127 they were opt-in, so the panel would not show until someone found the toggle), and it is
//   the first to read the data-collection declaration below.
// - addons.mozilla.org requires a fixed add-on id and, of every new add-on, a declaration of the data it
//   collects and sends: none (see PRIVACY.md).
const FIREFOX_MANIFEST = {
  browser_specific_settings: {
    gecko: {
      id: 'partner-risk-lens@example.org',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    },
  },
};

// https://wxt.dev/api/config.html
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: none (IndexedDB needs no permission); alarms: the daily toolbar-badge refresh.
    permissions: ['alarms'],
    host_permissions: [...PORTAL_MATCHES],
    // The team's CouchDB server, asked for when staff connect to it (options page, "Team"), never granted at install.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    action: { default_title: '__MSG_extName__' },
    // The panel's code (entrypoints/risk-panel.ts), loaded by the content script on a customer's page only, so a
    // customers list loads the badges alone. A dynamic import() from a content script is fetched for the page, so
    // the file must be web-accessible: to the portal's pages only, and in Chromium under a URL that changes every
    // session (use_dynamic_url), so that no page can tell from a fixed URL that the extension is installed.
    // (Firefox gives every installation its own extension URL already, and its MV3 manifest has no such key.)
    web_accessible_resources: [{
      resources: ['risk-panel.js'],
      matches: [...PORTAL_MATCHES],
      ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
    }],
    // Alt+Shift+R focuses the risk panel of the tab (background: onCommand -> the tab's content script).
    commands: {
      'focus-panel': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_command_focus_panel__' },
    },
    ...(browser === 'firefox' ? FIREFOX_MANIFEST : {}),
  }),
});
