// The panel's folded sections are remembered in this browser, per section, and come back with the panel's data.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const ID = fakeBrowser.runtime.id;
const content = { id: ID, url: `https://partner.microsoft.com/dashboard/commerce2/customers/${A}/account`, tab: { id: 1 } };
async function deliver(message: unknown, sender: object): Promise<any> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers.find((a: unknown) => a !== undefined);
}

describe('folded panel sections', () => {
  it('are stored per section from the panel and come back with every customer\'s panel', async () => {
    vi.stubGlobal('fetch', async () => ({ json: async () => ({}) }));
    background.main();
    expect((await deliver({ type: 'panel.get', tenantId: A }, content)).data.panelSections).toEqual({});
    expect(await deliver({ type: 'panel.setSection', section: 'checklist', collapsed: true }, content)).toEqual({ ok: true, data: { ok: true } });
    expect(await deliver({ type: 'panel.setSection', section: 'flags', collapsed: true }, content)).toEqual({ ok: true, data: { ok: true } });
    expect(await deliver({ type: 'panel.setSection', section: 'checklist', collapsed: false }, content)).toEqual({ ok: true, data: { ok: true } });
    expect((await deliver({ type: 'panel.get', tenantId: A }, content)).data.panelSections).toEqual({ checklist: false, flags: true });
    expect(await deliver({ type: 'panel.setSection', section: 'nope', collapsed: true }, content)).toMatchObject({ ok: false });
    vi.unstubAllGlobals();
  });
});
