// The panel as the content script mounts it, against the real service and store: a failed tick keeps its error
// until dismissed or retried, and a tick the store holds is not shown as failed when only the reply was lost.
import { screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountPanel } from '../../entrypoints/content/panel';
import { commitImport, openStore, type PrlDb } from '../../lib/db';
import type { Request } from '../../lib/messages';
import { createService } from '../../lib/service';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const NOW = '2026-11-25T10:00:00.000Z';
const t = (k: string, ...s: Array<string | number>) => (s.length ? `${k}(${s.join('|')})` : k);
const personClick = (el: Element) => el.dispatchEvent(Object.defineProperty(new MouseEvent('click', { bubbles: true, cancelable: true }), 'isTrusted', { value: true }));

/** The background: the real service over a fresh store; `failNext` makes the next batch of ticks fail, before or after writing. */
async function background() {
  const db: PrlDb = await openStore();
  await commitImport(db, { customers: [{ tenantId: A, name: 'Contoso', updatedAt: NOW }] }, NOW);
  const service = createService({ db, now: () => new Date(), broadcast: () => undefined, loadMessages: async () => ({}), browserLanguage: () => 'en' });
  const state = { failNext: undefined as undefined | 'before-write' | 'after-write', tickMessages: [] as Request[] };
  fakeBrowser.runtime.onMessage.addListener(async (req: unknown) => {
    const r = req as Request;
    if (r.type === 'checklist.setMany' || r.type === 'checklist.set') state.tickMessages.push(r);
    if (r.type === 'checklist.setMany' && state.failNext) {
      const how = state.failNext;
      state.failNext = undefined;
      if (how === 'after-write') await service.handle(r);
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    return service.handle(r);
  });
  return { db, state };
}

let ctx: ContentScriptContext | undefined;
afterEach(() => { ctx?.abort(); ctx = undefined; document.body.replaceChildren(); });

async function mount() {
  ctx = new ContentScriptContext('content');
  const panel = await mountPanel(ctx, { tenantId: A, t, locale: 'en' });
  const root = document.querySelector('prl-risk-panel')!.shadowRoot!;
  const item = (id: string) => root.querySelector<HTMLElement>(`[data-testid="checklist-item"][data-item-id="${id}"]`)!;
  await vi.waitFor(() => expect(item('phone-contact')).toBeTruthy());
  return { panel, root, item, box: (id: string) => item(id).querySelector('input')! };
}

describe('the mounted panel', () => {
  it('paints the score alone first, then the sections under it: the first frame holds none of their form controls', async () => {
    await background();
    ctx = new ContentScriptContext('content');
    // What the panel holds each time its score is first seen, watched as the DOM changes (before any later render).
    const seen: Array<{ checklist: number; controls: number }> = [];
    const watch = new MutationObserver(() => {
      const root = document.querySelector('prl-risk-panel')?.shadowRoot;
      if (seen.length || !root?.querySelector('[data-testid="risk-score"]')) return;
      seen.push({ checklist: root.querySelectorAll('[data-testid="checklist-item"]').length, controls: root.querySelectorAll('input, select').length });
    });
    watch.observe(document.body, { childList: true, subtree: true });
    const observeShadow = setInterval(() => {
      const root = document.querySelector('prl-risk-panel')?.shadowRoot;
      if (root) { watch.observe(root, { childList: true, subtree: true }); clearInterval(observeShadow); }
    }, 0);
    try {
      await mountPanel(ctx, { tenantId: A, t, locale: 'en' });
      const root = document.querySelector('prl-risk-panel')!.shadowRoot!;
      await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="checklist-item"]').length).toBeGreaterThan(5));
    } finally {
      watch.disconnect();
      clearInterval(observeShadow);
    }
    expect(seen).toEqual([{ checklist: 0, controls: 0 }]);
  });

  it('keeps a failed tick\'s error through later reloads, shows the store\'s state, and a retry saves it', async () => {
    const { db, state } = await background();
    const { panel, root, item, box } = await mount();
    state.failNext = 'before-write';
    personClick(box('phone-contact'));
    await vi.waitFor(() => expect(item('phone-contact').dataset.state).toBe('error'));
    expect(box('phone-contact').checked).toBe(false);
    const error = () => root.querySelector('[data-testid="panel-error"]');
    expect(error()?.textContent).toContain('panel_error(error_no_answer)');
    // The store changes elsewhere and the panel reloads: the error stays.
    panel.update({});
    personClick(box('dunning'));
    await vi.waitFor(() => expect(item('dunning').dataset.done).toBe('true'));
    await vi.waitFor(() => expect(item('dunning').hasAttribute('data-state')).toBe(false));
    expect(error()).not.toBeNull();
    personClick(within(root as unknown as HTMLElement).getByTestId('panel-error-retry'));
    await vi.waitFor(() => expect(item('phone-contact').dataset.done).toBe('true'));
    await vi.waitFor(() => expect(item('phone-contact').hasAttribute('data-state')).toBe(false));
    expect(error()).toBeNull();
    expect(await db.count('checklistHistory')).toBe(2);
  });

  it('shows a tick the store holds as saved when only the reply was lost (the worker stopped after writing)', async () => {
    const { db, state } = await background();
    const { root, item, box } = await mount();
    state.failNext = 'after-write';
    personClick(box('background-check'));
    await vi.waitFor(() => expect(item('background-check').dataset.done).toBe('true'));
    await vi.waitFor(() => expect(item('background-check').hasAttribute('data-state')).toBe(false));
    expect(root.querySelector('[data-testid="panel-error"]')).toBeNull();
    expect(await db.count('checklist')).toBe(1);
  });

  it('clears a failed tick when dismissed, leaving the box as the store has it', async () => {
    const { state } = await background();
    const { root, item, box } = await mount();
    state.failNext = 'before-write';
    personClick(box('sms-verification'));
    await vi.waitFor(() => expect(item('sms-verification').dataset.state).toBe('error'));
    personClick(root.querySelector('[data-testid="panel-error-dismiss"]')!);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="panel-error"]')).toBeNull());
    expect(item('sms-verification').hasAttribute('data-state')).toBe(false);
    expect(box('sms-verification').checked).toBe(false);
    expect(screen.queryByText('checklist_not_saved')).toBeNull();
  });

  it('writes a burst of 50 ticks together: the first at once, those made while it is on its way in one message after it', async () => {
    const { db, state } = await background();
    const { root, item, box } = await mount();
    const ids = [...root.querySelectorAll<HTMLElement>('[data-testid="checklist-item"]')].map((i) => i.dataset.itemId!);
    expect(ids.length).toBeGreaterThan(5);
    // 50 clicks in a row over the items, each flipping its box: an item clicked twice ends unticked again.
    const clicks = Array.from({ length: 50 }, (_, n) => ids[n % ids.length]);
    for (const id of clicks) personClick(box(id));
    const ticked = (id: string) => clicks.filter((c) => c === id).length % 2 === 1;
    await vi.waitFor(async () => expect(await db.count('checklistHistory')).toBe(50), { timeout: 10_000 });
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="checklist-item"][data-state]')).toHaveLength(0), { timeout: 10_000 });
    const writes = state.tickMessages.length;
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThanOrEqual(2);
    expect(state.tickMessages.reduce((n, m) => n + (m.type === 'checklist.setMany' ? m.items.length : 1), 0)).toBe(50);
    for (const id of ids) {
      expect(item(id).dataset.done).toBe(String(ticked(id)));
      expect((await db.get('checklist', [A, id]))?.done ?? false).toBe(ticked(id));
    }
  });
});
