// The keyboard command: Alt+Shift+R focuses the panel of the tab it is pressed in.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import config from '../../wxt.config';

describe('the focus-panel command', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is in the manifest with Alt+Shift+R and a description in both languages', async () => {
    const manifest = await (config.manifest as (env: { browser: string }) => Promise<Record<string, any>> | Record<string, any>)({ browser: 'chrome' });
    expect(manifest.commands['focus-panel']).toEqual({ suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_command_focus_panel__' });
    for (const lang of ['en', 'fr']) {
      expect(JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')).command_focus_panel.message).toBeTruthy();
    }
  });

  it('sends the tab it was pressed in a message to focus its panel, and ignores other commands', async () => {
    let onCommand: ((command: string, tab?: { id?: number }) => void) | undefined;
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(((l: typeof onCommand) => { onCommand = l; }) as never);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
    background.main();
    expect(onCommand).toBeDefined();
    onCommand!('focus-panel', { id: 7 });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(7, { type: 'panel.focus' }));
    onCommand!('something-else', { id: 7 });
    // A tab without our content script (another site): the failed send is swallowed, nothing throws.
    sent.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    onCommand!('focus-panel', { id: 8 });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(2));
    expect(sent.mock.calls.map((c) => c[0])).toEqual([7, 8]);
  });
});
