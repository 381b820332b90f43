// Where a long main-thread task comes from: one cold load of dist/ under Chromium's tracing (launched as the
// browser tests and the benchmark launch it), then every renderer main-thread task over 50 ms in the first
// seconds, with what ran inside it: the app's start-up steps ("journeys: …" measures), script evaluation, wasm
// compilation, garbage collection, WebGL calls that waited for the GPU process, layout and paint.
//   node bench/trace.mjs [--url=#trip=…] [--seconds=5] [--save=trace.json]
// Times are only comparable on a quiet machine; the structure (what is inside which task) is useful anywhere.
import fs from 'node:fs';
import { launchBrowser, serveDist } from '../tests/browser/harness.mjs';

const option = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
};
const SECONDS = Number(option('seconds', '5'));
const HASH = option('url', '');
const SAVE = option('save', '');
const LONG_MS = 50;

const server = await serveDist();
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (m) => events.push(...m.value));
const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', {
  transferMode: 'ReportEvents',
  traceConfig: {
    includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8',
      'v8.execute', 'toplevel', 'gpu', 'blink', 'loading', 'disabled-by-default-v8.compile', 'v8.wasm'],
  },
});
await page.goto(server.url + HASH);
await page.waitForFunction((ms) => performance.now() >= ms, SECONDS * 1000, { timeout: SECONDS * 1000 + 60000 });
await cdp.send('Tracing.end');
await done;
await browser.close();
await server.close();
if (SAVE) fs.writeFileSync(SAVE, JSON.stringify({ traceEvents: events }));

// The renderer's main thread: the thread named CrRendererMain of the process that ran our page's script.
const threadNames = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
const mains = [...threadNames].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
// (Headless Chromium runs WebUI renderers of its own beside ours: ours is the one that evaluated page.js.)
const busiest = mains.find((k) => events.some((e) => `${e.pid}:${e.tid}` === k && e.name === 'EvaluateScript' &&
  /page\.js$/.test(e.args?.data?.url || ''))) ?? mains[0];
const onMain = events.filter((e) => `${e.pid}:${e.tid}` === busiest);
const navigation = onMain.find((e) => e.name === 'navigationStart')?.ts ?? Math.min(...onMain.map((e) => e.ts));
const at = (ts) => ((ts - navigation) / 1000).toFixed(0).padStart(6);

// Complete events ('X') and begin/end pairs ('B'/'E') and async user timing measures ('b'/'e') become spans.
const spans = [];
const open = [];
for (const e of onMain.sort((a, b) => a.ts - b.ts)) {
  if (e.ph === 'X') spans.push({ name: e.name, ts: e.ts, dur: e.dur || 0, args: e.args });
  else if (e.ph === 'B') open.push(e);
  else if (e.ph === 'E') {
    const b = open.pop();
    if (b) spans.push({ name: b.name, ts: b.ts, dur: e.ts - b.ts, args: b.args });
  }
}
const measures = new Map();
for (const e of events.filter((x) => x.cat === 'blink.user_timing' && (x.ph === 'b' || x.ph === 'e'))) {
  const key = `${e.name}:${e.id ?? e.id2?.local}`;
  if (e.ph === 'b') measures.set(key, { name: e.name, ts: e.ts });
  else if (measures.has(key)) measures.get(key).dur = e.ts - measures.get(key).ts;
}
const steps = [...measures.values()].filter((m) => m.dur !== undefined && m.name.startsWith('journeys: '));

const tasks = spans.filter((s) => s.name === 'ThreadControllerImpl::RunTask' && s.dur >= LONG_MS * 1000);
const INTERESTING = /^(EvaluateScript|v8\.compile|v8\.wasm|wasm|FunctionCall|TimerFire|FireAnimationFrame|RunMicrotasks|MajorGC|MinorGC|V8\.GC|Layout|UpdateLayoutTree|Paint|ParseHTML|XHRLoad|ResourceReceivedData|v8\.run|CommandBufferProxyImpl::WaitForGetOffsetInRange|CommandBufferProxyImpl::WaitForTokenInRange|GpuChannelHost::Send|WebGL)/;
console.log(`main-thread tasks over ${LONG_MS} ms in the first ${SECONDS} s (times in ms from navigation)`);
let total = 0;
for (const t of tasks) {
  total += t.dur / 1000 - LONG_MS;
  console.log(`\n${at(t.ts)}  task ${(t.dur / 1000).toFixed(0)} ms`);
  const inside = spans.filter((s) => s !== t && s.ts >= t.ts && s.ts + s.dur <= t.ts + t.dur && s.dur >= 3000 && INTERESTING.test(s.name));
  const collapsed = new Map();
  for (const s of inside) {
    const label = s.name + (s.args?.data?.url ? ' ' + s.args.data.url.split('/').pop() : '') +
      (s.args?.data?.functionName ? ' ' + s.args.data.functionName : '');
    const c = collapsed.get(label) || { n: 0, ms: 0, first: s.ts };
    c.n += 1; c.ms += s.dur / 1000; collapsed.set(label, c);
  }
  for (const [label, c] of [...collapsed].sort((a, b) => a[1].first - b[1].first))
    console.log(`${at(c.first)}    ${label}${c.n > 1 ? ` ×${c.n}` : ''}: ${c.ms.toFixed(0)} ms`);
  for (const s of steps.filter((m) => m.ts >= t.ts && m.ts < t.ts + t.dur))
    console.log(`${at(s.ts)}    step ${s.name.slice(10)}: ${(s.dur / 1000).toFixed(0)} ms`);
}
console.log(`\n${tasks.length} long tasks; blocking time (sum over 50 ms) ${total.toFixed(0)} ms`);
