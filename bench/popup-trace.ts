// `tsx bench/popup-trace.ts prepare|measure|trace [runs]`: where the popup's first rows spend their time.
// `prepare` imports 10,000 customers and 100,000 invoices into a kept profile (PRL_PROFILE); `measure` opens the
// popup in that profile as `npm run bench -- popup` does (warm, after a first open) and prints each run; `trace`
// records a Chromium trace of one warm open and prints the main thread's work from navigation to the first row.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launch } from '../tests/e2e/harness';
import { bigFiles } from './big-files';
import { popupRun as run, settlePopup as settle } from './popup-run';

const PROFILE = process.env.PRL_PROFILE ?? join(tmpdir(), 'prl-popup-profile');
const [mode = 'measure', runsArg = '9'] = process.argv.slice(2);

async function open(profile: string): Promise<{ context: BrowserContext; id: string; close(): Promise<void> }> {
  const h = await launch({ profile });
  // tsx keeps function names with an `__name` helper that the page does not have: give it one.
  await h.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return { context: h.context, id: h.extensionId, close: h.close };
}

async function prepare() {
  rmSync(PROFILE, { recursive: true, force: true });
  const files = bigFiles(10_000, 100_000);
  const { context, id, close } = await open(PROFILE);
  const p = await context.newPage();
  for (const f of [files.customers, files.invoices]) {
    await p.goto(`chrome-extension://${id}/options.html`);
    await p.locator('[data-testid="import-file"]').setInputFiles([f]);
    await p.locator('[data-testid="import-confirm"]').click({ timeout: 180_000 });
    await p.locator('[data-testid="import-result"]').waitFor({ timeout: 300_000 });
  }
  await p.waitForTimeout(5000);
  await close();
  console.log(`prepared ${PROFILE}`);
}

async function withCopy(f: (context: BrowserContext, id: string) => Promise<void>) {
  if (!existsSync(PROFILE)) throw new Error(`no profile at ${PROFILE}: run prepare first`);
  const copy = mkdtempSync(join(tmpdir(), 'prl-trace-run-'));
  cpSync(PROFILE, copy, { recursive: true });
  const { context, id, close } = await open(copy);
  try { await f(context, id); } finally { await close(); rmSync(copy, { recursive: true, force: true }); }
}

async function measure(runs: number) {
  await withCopy(async (context, id) => {
    await new Promise((ok) => setTimeout(ok, 3000));
    await settle((await run(context, id)).page);
    const ms: number[] = []; const painted: number[] = [];
    for (let r = 0; r < runs; r++) { const x = await run(context, id); ms.push(x.dom); painted.push(x.painted); await settle(x.page); }
    const stat = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return `median ${Math.round(s[Math.floor(s.length / 2)])} (${Math.round(s[0])}-${Math.round(s[s.length - 1])})`; };
    console.log(`in the DOM ${stat(ms)} ms; painted ${stat(painted)} ms; runs ${ms.map((x, i) => `${Math.round(x)}/${Math.round(painted[i])}`).join(' ')}; load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  });
}

interface Ev { name: string; cat: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: any }

async function trace() {
  for (let r = 0; r < Number(runsArg); r++) await withCopy(async (context, id) => {
    await new Promise((ok) => setTimeout(ok, 3000));
    await settle((await run(context, id)).page);
    const events: Ev[] = [];
    let cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>> | undefined;
    let complete = () => undefined as void;
    const done = new Promise<void>((ok) => { complete = ok; });
    const { dom: ms, painted, page } = await run(context, id, async (p) => {
      cdp = await context.newCDPSession(p);
      cdp.on('Tracing.dataCollected', (e) => { events.push(...(e.value as unknown as Ev[])); });
      cdp.on('Tracing.tracingComplete', () => complete());
      await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink', 'loading', 'blink.user_timing', 'toplevel', 'disabled-by-default-v8.compile', 'navigation'] } });
    });
    await page.waitForTimeout(300);
    await cdp!.send('Tracing.end');
    await done;
    writeFileSync('/tmp/popup-trace.json', JSON.stringify({ traceEvents: events }));
    summarize(events, ms, painted);
    await settle(page);
  });
}

function summarize(events: Ev[], firstMs: number, paintedMs: number) {
  const nav = events.find((e) => e.name === 'navigationStart' && JSON.stringify(e.args).includes('popup.html')) ?? events.find((e) => e.name === 'navigationStart');
  if (!nav) { console.log('no navigationStart'); return; }
  const t0 = nav.ts; const main = nav.tid; const pid = nav.pid;
  const ms = (us: number) => (us / 1000).toFixed(1);
  const on = (e: Ev) => e.pid === pid && e.tid === main;
  const first = (name: string) => events.filter((e) => on(e) && e.name === name && e.ts >= t0).sort((a, b) => a.ts - b.ts)[0];
  const worker = events.find((e) => e.name === 'FunctionCall' && String(e.args?.data?.url ?? '').includes('background.js'))?.tid;
  const until = t0 + paintedMs * 1000;
  const sum = (f: (e: Ev) => boolean, k: 'dur' | 'tdur') => events.filter((e) => f(e) && e.ts >= t0 && e.ts <= until).reduce((a, e) => a + ((e as any)[k] ?? 0), 0);
  const row = (what: string, e?: Ev) => console.log(`${what.padEnd(44)} ${e ? ms(e.ts - t0).padStart(7) : '      -'} ms${e?.dur !== undefined ? `  (lasts ${ms(e.dur)} ms, cpu ${ms((e as any).tdur ?? 0)} ms)` : ''}`);
  row('navigation committed in the renderer', first('commitNavigationEnd'));
  row('window context created (extension bindings)', first('LocalWindowProxy::Initialize'));
  row('HTML parsed', first('ParseHTML'));
  for (const e of events.filter((e) => on(e) && e.name === 'v8.evaluateModule' && e.ts >= t0 && e.ts < until)) row('modules evaluated', e);
  row('DOMContentLoaded', first('MarkDOMContent'));
  row('first paint (of anything)', first('firstPaint'));
  const head = events.find((e) => on(e) && e.name === 'prl:popup-head-read');
  row("background's head answer read", head);
  console.log(`${'first overdue-row in the DOM'.padEnd(44)} ${firstMs.toFixed(1).padStart(7)} ms`);
  console.log(`${'first overdue-row painted'.padEnd(44)} ${paintedMs.toFixed(1).padStart(7)} ms`);
  for (const n of ['UpdateLayoutTree', 'Layout', 'Paint']) console.log(`  ${n} until painted: ${ms(sum((e) => on(e) && e.name === n, 'dur'))} ms`);
  const task = (e: Ev) => on(e) && e.name === 'RunTask';
  console.log(`main thread until painted: busy ${ms(sum(task, 'dur'))} ms wall, ${ms(sum(task, 'tdur'))} ms cpu`);
  if (worker !== undefined) console.log(`worker thread until painted: busy ${ms(sum((e) => e.tid === worker && e.name === 'RunTask', 'dur'))} ms wall, ${ms(sum((e) => e.tid === worker && e.name === 'RunTask', 'tdur'))} ms cpu`);
}

/** A sampled CPU profile of one warm open: self time by function and file, and by stretch of the open. */
async function profile() {
  await withCopy(async (context, id) => {
    await new Promise((ok) => setTimeout(ok, 3000));
    await settle((await run(context, id)).page);
    let cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>> | undefined;
    const { dom: ms, page } = await run(context, id, async (p) => {
      cdp = await context.newCDPSession(p);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    });
    const { profile: prof } = await cdp!.send('Profiler.stop') as { profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>; samples: number[]; timeDeltas: number[]; startTime: number } };
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map<string, number>(); const incl = new Map<string, number>();
    const name = (n: { callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^chrome-extension:\/\/[a-z]+/, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
    let t = prof.startTime; let total = 0;
    for (let i = 0; i < prof.samples.length; i++) {
      t += prof.timeDeltas[i];
      const dt = prof.timeDeltas[i + 1] ?? 100;
      const n = byId.get(prof.samples[i])!;
      let cut = false;
      for (let x: number | undefined = n.id; x !== undefined; x = parent.get(x)) if (byId.get(x)!.callFrame.functionName === 'PRL_FIRST_ROW_MARKER') cut = true;
      if (cut) break;
      const k = name(n);
      if (k.startsWith('(idle)') || k.startsWith('(program)')) continue;
      self.set(k, (self.get(k) ?? 0) + dt);
      const seen = new Set<string>();
      for (let x: number | undefined = n.id; x !== undefined; x = parent.get(x)) { const kk = name(byId.get(x)!); if (!seen.has(kk)) { seen.add(kk); incl.set(kk, (incl.get(kk) ?? 0) + dt); } }
      total += dt;
    }
    const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / 1000).toFixed(1).padStart(7)} ms  ${k}`).join('\n');
    console.log(`first row ${ms.toFixed(1)} ms; profiled ${(total / 1000).toFixed(1)} ms of JS (whole profile, page and worker isolates apart)`);
    console.log(`-- self\n${top(self, 40)}\n-- inclusive\n${top(incl, 60)}`);
    writeFileSync('/tmp/popup-profile.cpuprofile', JSON.stringify(prof));
    await settle(page);
  });
}

if (mode === 'prepare') await prepare();
else if (mode === 'profile') await profile();
else if (mode === 'trace') await trace();
else await measure(Number(runsArg));
