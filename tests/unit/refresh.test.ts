// An open view follows `changed` (utils/refresh): a whole import shows its head first, bursts make one read at a
// time, and a head never puts older, partial lists over whole ones.
import { describe, expect, it, vi } from 'vitest';
import { createRefresher } from '../../utils/refresh';

/** A read that resolves when the test says so. */
function gate<T>() {
  const calls: Array<(v: T) => void> = [];
  const read = vi.fn(() => new Promise<T>((ok) => calls.push(ok)));
  return { read, calls, answer: (i: number, v: T) => calls[i](v) };
}

/** A refresher whose reads the test answers, and what it showed. */
function refresher() {
  const all = gate<string>();
  const head = gate<string | undefined>();
  const shown: string[] = [];
  const r = createRefresher(all.read, head.read, (s) => shown.push(s), () => undefined);
  return { all, head, shown, r };
}

describe('an open view after a change', () => {
  it('shows the head of the lists first after a whole import, then everything', async () => {
    const { all, head, shown, r } = refresher();
    r.changed(['team', 'import']);
    expect(head.read).toHaveBeenCalledTimes(1);
    expect(all.read).not.toHaveBeenCalled();
    head.answer(0, 'head');
    await vi.waitFor(() => expect(all.read).toHaveBeenCalledTimes(1));
    all.answer(0, 'all');
    await vi.waitFor(() => expect(shown).toEqual(['head', 'all']));
  });

  it('reads everything, once at a time, for other changes: a burst of ten makes two reads', async () => {
    const { all, head, shown, r } = refresher();
    for (let i = 0; i < 10; i++) r.changed(['team']);
    expect(head.read).not.toHaveBeenCalled();
    expect(all.read).toHaveBeenCalledTimes(1);
    all.answer(0, 'first');
    await vi.waitFor(() => expect(all.read).toHaveBeenCalledTimes(2));
    all.answer(1, 'second');
    await vi.waitFor(() => expect(shown).toEqual(['first', 'second']));
  });

  it('drops a head that arrives after a full read that began after it was asked', async () => {
    const { all, head, shown, r } = refresher();
    r.changed(['import']);
    void r.full(); // staff acted meanwhile: a full read starts before the head is back
    all.answer(0, 'all');
    await vi.waitFor(() => expect(shown).toEqual(['all']));
    head.answer(0, 'stale head');
    await vi.waitFor(() => expect(all.read).toHaveBeenCalledTimes(2));
    all.answer(1, 'all again');
    await vi.waitFor(() => expect(shown).toEqual(['all', 'all again']));
  });

  it('a failed head still ends with a full read, and a failed read is said', async () => {
    const fail = vi.fn();
    const shown: string[] = [];
    const r = createRefresher(async () => { throw new Error('disk'); }, async () => { throw new Error('worker gone'); }, (s: string) => shown.push(s), fail);
    r.changed(['import']);
    await vi.waitFor(() => expect(fail).toHaveBeenCalledTimes(1));
    expect(shown).toEqual([]);
  });
});
