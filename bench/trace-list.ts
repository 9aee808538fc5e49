// Attribution of the list page's main-thread time, with the extension and without: a DevTools trace of each
// page load (CDP Tracing), its renderer main thread's top-level tasks summed by what they spent their time on
// (thread time, which the machine's load inflates less than wall time; WALL=1 for wall time), by phase (before
// the placeholder rows, placeholders, the rows' insert and first layout, after), with work counts that no load
// changes (layouts, objects laid out, elements styled), and when the badge table came against the rows.
// `npx tsx bench/trace-list.ts [rows] [runs]` after `npx wxt build`; PROFILE=1 also keeps a CPU profile of the
// pages with the extension (/tmp/profile-list-N.json), BIG=1 lists the long tasks, MSGS=1 the extension's
// messages. Not part of `npm run bench`: tracing costs time of its own, so its totals are not the bench's.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { launch } from '../tests/e2e/harness';
import { startPortal } from '../tests/e2e/portal-site/server';
import { LONG_TASKS, SETTLE_MS } from './list-page';
import { portalCustomers } from './panel-run';

const n = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 3);
const guid = (i: number) => { const h = i.toString(16).padStart(12, '0'); return `${h.slice(0, 8)}-0000-4000-8000-${h}`; };

const profiles: any[] = [];
interface Ev { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; tts?: number; pid: number; tid: number; args?: Record<string, any> }

async function traced(context: BrowserContext, withExt: boolean) {
  const p: Page = await context.newPage();
  await p.addInitScript({ content: LONG_TASKS });
  const cdp = await context.newCDPSession(p);
  const events: Ev[] = [];
  cdp.on('Tracing.dataCollected', (d) => { for (const e of d.value as unknown as Ev[]) events.push(e); });
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Performance.enable');
  if (process.env.PROFILE && withExt) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'toplevel', 'disabled-by-default-v8.gc', 'blink.user_timing', 'extensions', 'ipc', 'mojom'] } });
  await p.goto(`https://partner.microsoft.com/dashboard/commerce2/customers/list?rows=${n}`);
  await p.waitForFunction(() => (window as any).__marks?.rowsShownAt, undefined, { timeout: 60_000 });
  if (withExt) await p.waitForFunction(() => performance.getEntriesByName('prl:badges-painted').some((e) => e.startTime > (window as any).__marks.rowsAt), undefined, { timeout: 60_000 });
  await p.waitForTimeout(SETTLE_MS);
  const { metrics } = await cdp.send('Performance.getMetrics');
  if (process.env.PROFILE && withExt) profiles.push((await cdp.send('Profiler.stop')).profile);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  await p.close();
  return { events, task: (metrics.find((x) => x.name === 'TaskDuration')?.value ?? 0) * 1000 };
}

/** Self time by kind over the top-level tasks of the page's renderer main thread. */
function attribute(events: Ev[]) {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const frame = (started?.args?.data?.frames ?? []).find((f: any) => String(f.url).includes('partner.microsoft.com')) ?? (started?.args?.data?.frames ?? [])[0];
  const names = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const main = names.find((e) => e.pid === frame?.processId) ?? names[0];
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E')).sort((a, b) => a.ts - b.ts);
  // B/E pairs to complete events.
  const open: Ev[] = [];
  const xs: Ev[] = [];
  for (const e of mine) {
    if (e.ph === 'X') xs.push(e);
    else if (e.ph === 'B') open.push(e);
    else { const b = open.pop(); if (b) xs.push({ ...b, ph: 'X', dur: e.ts - b.ts, ...(b.tts !== undefined && e.tts !== undefined ? { tdur: e.tts - b.tts } : {}) }); }
  }
  xs.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const kind = (e: Ev, stack: string[]): string | undefined => {
    const url = String(e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.data?.stackTrace?.[0]?.url ?? '');
    const ext = url.startsWith('chrome-extension://') ? 'ext' : undefined;
    switch (e.name) {
      case 'EvaluateScript': case 'v8.compile': case 'v8.compileModule': case 'CompileScript': case 'v8.produceCache': case 'v8.evaluateModule': case 'CacheScript': case 'v8.parseOnBackground':
        return `script-load:${ext ?? 'page'}`;
      case 'FunctionCall':
        return `js:${ext ?? (stack.find((s) => s.startsWith('js:')) ?? 'js:page').slice(3)}`;
      // Timers and frames name no script: the function they call does (its world: ours has a name).
      case 'TimerFire': case 'FireAnimationFrame': case 'EventDispatch': case 'FireIdleCallback': return 'callback';
      case 'v8.callFunction': case 'v8.run': return e.args?.worldName || (e.args?.data?.worldName) ? 'js:ext' : stack.some((s) => s === 'js:ext') ? 'js:ext' : 'js:page';
      case 'V8.Execute': return undefined; // inherits
      case 'RunMicrotasks': return `microtasks`;
      case 'MajorGC': case 'MinorGC': case 'V8.GCScavenger': case 'V8.GCFinalizeMC': case 'V8.GCIncrementalMarking': case 'V8.GC_MC_BACKGROUND_MARKING': case 'BlinkGC.AtomicPhase': case 'V8.GCCompactor': case 'V8.GCIncrementalMarkingFinalize': case 'V8.GCIncrementalMarkingStart': case 'V8.GC_SCAVENGER': case 'V8.GC_MARK_COMPACTOR': case 'BlinkGC.IncrementalMarkingStep': case 'V8.GC_MC_INCREMENTAL':
        return 'gc';
      case 'Layout': return 'layout';
      case 'UpdateLayoutTree': case 'RecalculateStyles': case 'ScheduleStyleRecalculation': return 'style';
      case 'PrePaint': return 'prepaint';
      case 'Paint': case 'PaintImage': case 'Layerize': case 'UpdateLayer': case 'CompositeLayers': case 'Commit': case 'UpdateLayerTree': return 'paint';
      case 'ParseHTML': return 'parse-html';
      case 'IntersectionObserverController::computeIntersections': case 'LocalFrameView::UpdateAllLifecyclePhases': return undefined;
      case 'ResourceReceivedData': case 'ResourceFinish': case 'ResourceReceiveResponse': case 'ResourceSendRequest': return 'network';
      default:
        if (e.name.startsWith('V8.GC') || e.name.includes('GC')) return 'gc';
        if (/Mojo|IPC|mojom|Extension|extensions/i.test(e.name) || e.cat.includes('extensions') || e.cat.includes('ipc') || e.cat.includes('mojom')) return `ipc:${e.name}`.slice(0, 60);
        if (e.name.toLowerCase().includes('intersection')) return 'intersection';
        return undefined;
    }
  };
  // Thread time (CPU) where the trace has it: the machine is shared, and wall time counts the waits for a core.
  const cost = (e: Ev) => (process.env.WALL ? e.dur : e.tdur ?? e.dur) ?? 0;
  const isTask = (e: Ev) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';
  const tops: Ev[] = [];
  for (const e of xs) if (isTask(e) && !(tops.length && e.ts < tops[tops.length - 1].ts + (tops[tops.length - 1].dur ?? 0))) tops.push(e);
  const big: string[] = [];
  const perTask: Array<{ ts: number; dur: number; self: Map<string, number>; timer: number }> = [];
  const by = new Map<string, number>();
  let total = 0;
  // Every event within a top-level task: its self time goes to its kind (or the nearest ancestor's).
  let i = 0;
  const inner = xs.filter((e) => !isTask(e));
  for (const t of tops) {
    const end = t.ts + (t.dur ?? 0);
    total += cost(t);
    while (i < inner.length && inner[i].ts < t.ts) i++;
    const stack: Array<{ e: Ev; k: string; child: number }> = [];
    let j = i;
    const self = new Map<string, number>();
    const close = (upTo: number) => {
      while (stack.length && stack[stack.length - 1].e.ts + (stack[stack.length - 1].e.dur ?? 0) <= upTo) {
        const s = stack.pop()!;
        const own = cost(s.e) - s.child;
        self.set(s.k, (self.get(s.k) ?? 0) + own);
        if (stack.length) stack[stack.length - 1].child += cost(s.e);
        else topChild += cost(s.e);
      }
    };
    let topChild = 0;
    let timer = 0;
    for (; j < inner.length && inner[j].ts < end; j++) {
      const e = inner[j];
      if (e.name === 'TimerFire' && (e.dur ?? 0) > timer) timer = e.dur ?? 0;
      close(e.ts);
      let k = kind(e, stack.map((s) => s.k)) ?? stack[stack.length - 1]?.k ?? 'other';
      // Layout and style that our script forced (read inside it): its own kind.
      if ((k === 'layout' || k === 'style' || k === 'prepaint') && stack.some((s) => s.k === 'js:ext')) k = `forced-${k}:ext`;
      // Work counts, which the machine's load does not change: layouts, objects laid out, elements styled.
      if (e.name === 'Layout') { self.set('#layouts', (self.get('#layouts') ?? 0) + 1000); self.set('#laid', (self.get('#laid') ?? 0) + 1000 * Number(e.args?.beginData?.dirtyObjects ?? 0)); }
      if (e.name === 'UpdateLayoutTree') self.set('#styled', (self.get('#styled') ?? 0) + 1000 * Number(e.args?.elementCount ?? e.args?.beginData?.elementCount ?? 0));
      stack.push({ e, k, child: 0 });
    }
    close(Infinity);
    self.set('task-other', (self.get('task-other') ?? 0) + cost(t) - topChild);
    for (const [k, v] of self) by.set(k, (by.get(k) ?? 0) + v);
    perTask.push({ ts: t.ts, dur: cost(t), self, timer });
    if ((t.dur ?? 0) > 15000) big.push(`${Math.round((t.ts - tops[0].ts) / 1000)}ms+${Math.round((t.dur ?? 0) / 1000)}: ${[...self].filter(([, v]) => v > 1000).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${Math.round(v / 1000)}`).join(', ')}`);
  }
  // Phases: before the placeholders go in, placeholders (their insert to the rows' insert), rows (their insert
  // and the task that lays them out), after.
  const inserts = perTask.map((t, k) => (t.timer > 30_000 ? k : -1)).filter((k) => k >= 0);
  const rowsAt = inserts[1] ?? Infinity;
  let laid = perTask.findIndex((t, k) => k > rowsAt && (t.self.get('layout') ?? 0) > 20_000);
  if (laid < 0) laid = rowsAt;
  const phases: Record<string, Record<string, number>> = {};
  perTask.forEach((t, k) => {
    const ph = k < (inserts[0] ?? Infinity) ? 'load' : k < rowsAt ? 'placeholders' : k <= laid ? 'rows' : 'after';
    const into = (phases[ph] ??= {});
    into.total = (into.total ?? 0) + t.dur / 1000;
    for (const [kk, v] of t.self) into[kk] = (into[kk] ?? 0) + v / 1000;
  });
  // When the badge table (the largest message from the extension) came, against the rows' insert.
  const table = mine.find((e) => e.ph === 'X' && String(e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '').includes('MessagePort') && Number(e.args?.chrome_mojo_event_info?.data_num_bytes ?? 0) > 100_000);
  const inject = mine.find((e) => e.name === 'ScriptInjection::InjectJs');
  const at = (ts?: number) => (ts === undefined ? NaN : Math.round((ts - (perTask[inserts[1]]?.ts ?? 0)) / 1000));
  if (process.env.MSGS) for (const e of mine) if (e.ph === 'X' && (e.name.includes('SendOpenMessageChannel') || String(e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '').includes('extensions'))) console.log('   msg', at(e.ts), e.name.slice(0, 60), e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '', e.args?.chrome_mojo_event_info?.data_num_bytes ?? '');
  const timing = { injectBeforeRows: at(inject?.ts), tableBeforeRows: at(table?.ts), placeholdersBeforeRows: at(perTask[inserts[0]]?.ts) };
  return { timing, phases, big, total: total / 1000, by: Object.fromEntries([...by].map(([k, v]) => [k, v / 1000]).sort((a, b) => (b[1] as number) - (a[1] as number))) };
}

const customers = portalCustomers(guid, Math.max(n, 10_000)); // the bench's store: 10,000 customers
const h = await launch({ portal: { customers, rowSwapMs: 700 } });
await h.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
const options = await h.openExtensionPage('options.html');
const lines = ['Customer ID,Company name,Primary domain name,Country,Payment instrument'];
for (let i = 0; i < customers.length; i++) lines.push(`${guid(i)},Customer ${i},c${i}.example.com,${['FR', 'US', 'DE', 'VN'][i % 4]},${i % 9 ? 'Invoice' : 'Prepaid card'}`);
await options.locator('[data-testid="import-file"]').setInputFiles([{ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) }]);
await options.locator('[data-testid="import-confirm"]').click();
await options.locator('[data-testid="import-result"]').waitFor({ timeout: 120_000 });
await options.close();
const plainPortal = await startPortal({ customers, rowSwapMs: 700 });
const plainCtx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'prl-plain-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 },
  args: [`--host-resolver-rules=MAP partner.microsoft.com 127.0.0.1:${plainPortal.port}`, '--ignore-certificate-errors', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
await plainCtx.addInitScript({ content: 'globalThis.__name = (f) => f;' });
const plain = { context: plainCtx, close: async () => { await plainCtx.close(); await plainPortal.close(); } };
const out: Array<{ withExt: boolean; task: number; total: number; by: Record<string, number> }> = [];
await traced(h.context, true); await traced(plain.context, false); // warm-up
for (let r = 0; r < runs; r++) {
  for (const [ctx, withExt] of [[h.context, true], [plain.context, false]] as const) {
    const t = await traced(ctx, withExt);
    const a = attribute(t.events);
    out.push({ withExt, task: t.task, ...a });
    if (process.env.BIG) console.log(a.big.join('\n'));
    if (withExt) console.log('  timing (ms from the rows insert):', JSON.stringify(a.timing), 'after:', Math.round(a.phases.after?.total ?? 0), 'laid after:', a.phases.after?.['#laid'] ?? 0);
    console.log(withExt ? 'with   ' : 'without', Math.round(t.task), Math.round(a.total), JSON.stringify(Object.fromEntries(Object.entries(a.by as Record<string, number>).filter(([, v]) => v > 1).map(([k, v]) => [k, Math.round(v * 10) / 10]))));
  }
}
writeFileSync(`/tmp/trace-list-${n}.json`, JSON.stringify(out, null, 1));
if (profiles.length) writeFileSync(`/tmp/profile-list-${n}.json`, JSON.stringify(profiles));
// Medians of with − without, by phase and kind.
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const withs = out.filter((o) => o.withExt);
const withouts = out.filter((o) => !o.withExt);
console.log(`TaskDuration: with ${Math.round(med(withs.map((o) => o.task)))} [${withs.map((o) => Math.round(o.task)).join(' ')}], without ${Math.round(med(withouts.map((o) => o.task)))} [${withouts.map((o) => Math.round(o.task)).join(' ')}]`);
for (const ph of ['load', 'placeholders', 'rows', 'after']) {
  const keys = new Set(out.flatMap((o) => Object.keys((o as any).phases[ph] ?? {})));
  const lines: string[] = [];
  for (const k of keys) {
    const a = med(withs.map((o) => (o as any).phases[ph]?.[k] ?? 0));
    const b = med(withouts.map((o) => (o as any).phases[ph]?.[k] ?? 0));
    if (Math.abs(a - b) >= 2 || k === 'total') lines.push(`${k} ${a.toFixed(1)}/${b.toFixed(1)} (${(a - b >= 0 ? '+' : '') + (a - b).toFixed(1)})`);
  }
  console.log(`${ph}: ${lines.join('; ')}`);
}
await plain.close();
await h.close();
