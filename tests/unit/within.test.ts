import { afterEach, describe, expect, it, vi } from 'vitest';
import { within } from '@/lib/within';

describe('within', () => {
  afterEach(() => void vi.useRealTimers());

  it('gives the value of a promise that fulfils in time, and clears its timer', async () => {
    vi.useFakeTimers();
    const r = within(Promise.resolve(7), 100);
    await expect(r).resolves.toEqual({ value: 7 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives undefined once the time is up, without waiting for the promise', async () => {
    vi.useFakeTimers();
    let settled = false;
    const r = within(new Promise<number>(() => undefined), 100).then((x) => { settled = true; return x; });
    await vi.advanceTimersByTimeAsync(99);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(r).resolves.toBeUndefined();
  });

  it('gives undefined for a promise that rejects, without throwing', async () => {
    vi.useFakeTimers();
    await expect(within(Promise.reject(new Error('no')), 100)).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps an undefined value apart from a timeout', async () => {
    await expect(within(Promise.resolve(undefined), 100)).resolves.toEqual({ value: undefined });
  });
});
