import { defineConfig } from 'wxt';
import { PORTAL_MATCHES } from './lib/portal/hosts';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: none (IndexedDB needs no permission); alarms: the daily toolbar-badge refresh.
    permissions: ['alarms'],
    host_permissions: [...PORTAL_MATCHES],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'partner-risk-lens@example.org', strict_min_version: '115.0' } } }
      : {}),
  }),
});
