import { describe, expect, it } from 'vitest';
import { coalesce } from '../../lib/coalesce';

/** A job whose runs wait until released, counting how many started. */
function gatedJob() {
  const releases: Array<() => void> = [];
  let started = 0;
  const job = () => new Promise<void>((resolve) => { started++; releases.push(resolve); });
  return { job, started: () => started, release: () => releases.shift()?.() };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('coalesce', () => {
  it('runs once more after the run under way, however many calls came meanwhile', async () => {
    const g = gatedJob();
    const run = coalesce(g.job);
    const first = run();
    expect(run.busy).toBe(true);
    const second = run();
    run();
    run();
    expect(second).toBe(first);
    expect(g.started()).toBe(1);
    g.release();
    await tick();
    expect(g.started()).toBe(2); // one more, not three
    g.release();
    await first;
    expect(g.started()).toBe(2);
    expect(run.busy).toBe(false);
  });

  it('runs once when nothing came meanwhile, and again on the next call', async () => {
    let n = 0;
    const run = coalesce(async () => { n++; });
    await run();
    expect(n).toBe(1);
    await run();
    expect(n).toBe(2);
  });

  it('follow asks for one more only while busy', async () => {
    const g = gatedJob();
    const run = coalesce(g.job);
    expect(run.follow()).toBe(false);
    expect(g.started()).toBe(0);
    const p = run();
    expect(run.follow()).toBe(true);
    g.release();
    await tick();
    expect(g.started()).toBe(2);
    g.release();
    await p;
  });

  it('settle drops the run asked for and waits for the one under way, its failure ignored', async () => {
    let n = 0;
    let fail!: (e: Error) => void;
    const run = coalesce(() => { n++; return new Promise<void>((_, reject) => { fail = reject; }); });
    const p = run().catch((e: Error) => e.message);
    run();
    const settled = run.settle();
    fail(new Error('server gone'));
    await settled;
    expect(await p).toBe('server gone');
    expect(n).toBe(1);
    expect(run.busy).toBe(false);
  });

  it('a failed run frees the next call', async () => {
    let n = 0;
    const run = coalesce(async () => { n++; if (n === 1) throw new Error('once'); });
    await expect(run()).rejects.toThrow('once');
    await run();
    expect(n).toBe(2);
  });
});
