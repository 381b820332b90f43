#!/usr/bin/env node
// bench/run.mjs: what the page costs a reader, measured in headless Chromium (Debian's, WebGL2 on SwiftShader,
// launched exactly as the browser tests launch it), side by side with a Leaflet baseline that this script builds
// and serves itself. Prints one table, checks the budgets (PASS/FAIL per line; it is not a test) and writes the
// table to bench/results/<date>.txt and bench/results/latest.txt.
//
//   cmake --workflow --preset web && node bench/run.mjs
//
// Options: --runs N (cold loads, default 10), --warm N (warm loads, default 5), --seconds S (session, default 30),
//          --dist DIR (another build of the page, default dist/), --no-baseline, --no-save,
//          --video-seconds S (length of the export measured, default 10), --no-video, --only-video (only the
//          Export video section: frames per second of export and MB per minute at 1080p; nothing saved),
//          --ab DIR (only cold loads, interleaved one by one: DIR's build, then --dist's, --runs pairs (default 10):
//          the medians of each and their ratio, for a change to the start-up too small for two separate runs to see;
//          nothing saved).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveDist } from '../tests/browser/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TRIPS = ['2018-03-beijing', '2018-05-dalian', '2018-06-singapore', '2018-06-beijing', '2019-01-beijing',
  '2019-02-hanoi', '2019-04-vladivostok', '2023-09-russia', '2025-09-beijing'];
const VIEWPORT = { width: 1024, height: 700 };
const KB = 1000;  // every "KB" in the table and the budgets is 1,000 bytes
// Issue 13's targets: first frame within 1.5x the floor page and 0.7x the Leaflet baseline; no main-thread task over
// 100 ms and total blocking time <= 150 ms in the first 5 s; bytes; CPU per frame; heap no higher than before.
const BUDGET = { firstFrameVsFloor: 1.5, firstFrameVsBaseline: 0.7, longestTaskMs: 100, tbtMs: 150, beforeFirstFrameGzipKB: 300,
  firstLoadGzipKB: 340, firstLoadBrotliKB: 290, mapGzipKB: 25, frameCpuP50Ms: 0.6, frameCpuP95Ms: 2, peakHeapMB: 19.6 };
const WATCH_MS = 5000;  // long tasks are counted from navigation to this long after it

// --- options ------------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
const COLD_RUNS = Number(option('--runs', 10));
const WARM_RUNS = Number(option('--warm', 5));
const SESSION_S = Number(option('--seconds', 30));
const DIST = path.resolve(option('--dist', path.join(ROOT, 'dist')));
const WITH_BASELINE = !args.includes('--no-baseline');
const SAVE = !args.includes('--no-save');
const VIDEO_SECONDS = Number(option('--video-seconds', 10));
const WITH_VIDEO = !args.includes('--no-video');
const ONLY_VIDEO = args.includes('--only-video');
const AB_DIST = option('--ab', '') && path.resolve(option('--ab', ''));

// --- small helpers ------------------------------------------------------------------------------------------
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => process.stderr.write(a.join(' ') + '\n');  // progress; the table goes to stdout
function quantile(sorted, q) {  // nearest rank
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
const median = (xs) => quantile([...xs].sort((a, b) => a - b), 0.5);
const max = (xs) => xs.reduce((m, x) => Math.max(m, x), -Infinity);
function gzip9(buf) { return zlib.gzipSync(buf, { level: 9 }).length; }
function brotli(buf) {
  return zlib.brotliCompressSync(buf, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;
}

// Every main-thread task over 50 ms from navigation on (the Long Tasks API), recorded from the very start.
function longTaskProbe() {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no Long Tasks API */ }
}

// Ready time: navigation start (performance.now() = 0) to the moment the page's ready promise resolves. An init
// script catches the API object as the page assigns it, before anyone could await it late.
function readyProbe(name) {
  let value;
  Object.defineProperty(window, name, {
    configurable: true, enumerable: true, get() { return value; },
    set(v) {
      value = v;
      if (v && v.ready) v.ready.then(() => { window.__benchReadyAt = performance.now(); }, () => { window.__benchReadyAt = -1; });
    },
  });
}

// One page load in `context`: the time to ready and every http response the page received (body bytes), and
// those of the page's service worker installing the offline copy: it downloads, after the first frame, the files
// the page did not load itself (the others come from the HTTP cache the page's loads filled), and those bytes are
// as much a part of a first visit as the page's own.
async function load(context, app) {
  const page = await context.newPage();
  await page.addInitScript(longTaskProbe);
  await page.addInitScript(readyProbe, app.api);
  const responses = [];
  const workerResponses = [];
  const problems = [];
  const body = (r, into) => {
    if (!/^https?:/.test(r.url())) return;
    into.push(r.body().then((b) => ({ url: r.url(), status: r.status(), type: r.headers()['content-type'] || '', body: b }),
      () => ({ url: r.url(), status: r.status(), type: '', body: Buffer.alloc(0) })));
  };
  page.on('response', (r) => body(r, responses));
  // The browser does not give the worker's response bodies to the driver: the file's bytes, read where it is served from.
  const onContextResponse = (r) => {
    if (!r.request().serviceWorker() || !app.dir || !r.url().startsWith(app.url)) return;
    const file = path.join(app.dir, decodeURIComponent(new URL(r.url()).pathname.slice(new URL(app.url).pathname.length)) || 'index.html');
    workerResponses.push(Promise.resolve({ url: r.url(), status: r.status(), type: '', offlineCopy: true,
      body: fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : Buffer.alloc(0) }));
  };
  context.on('response', onContextResponse);
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(app.url);
  await page.waitForFunction(() => window.__benchReadyAt !== undefined, null, { timeout: 60000 });
  const readyMs = await page.evaluate(() => window.__benchReadyAt);
  if (readyMs < 0) throw new Error(`${app.name}: the page failed to start: ${problems.join('; ')}`);
  // Long tasks and marks: wait until WATCH_MS after navigation.
  await page.waitForFunction((ms) => performance.now() >= ms, WATCH_MS, { timeout: WATCH_MS + 60000, polling: 200 });
  const timing = await page.evaluate(({ watch, presented }) => {
    const tasks = (window.__benchLongTasks || []).filter(([start]) => start < watch);
    const entry = (name) => performance.getEntriesByName(name)[0];
    // The first frame the reader sees: the explainer marks it; the floor page notes it; Leaflet's is its ready.
    const first = presented === 'floor' ? window.__floorPresentedAt : presented ? entry(presented)?.startTime : undefined;
    const steps = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('journeys: '))
      .map((m) => [m.name.slice(10), m.startTime, m.duration]);
    const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('journeys: '))
      .map((m) => [m.name.slice(10), m.startTime]);
    const resources = performance.getEntriesByType('resource').map((r) => [r.name, r.responseEnd]);
    return { tasks, first, steps, marks, resources };
  }, { watch: WATCH_MS, presented: app.firstFrameMark || null });
  const firstMs = Number.isFinite(timing.first) ? timing.first : readyMs;
  // The offline copy, when the page installs one: wait until it is installed (or has failed) before counting.
  await page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.getRegistration().then((reg) => reg &&
    Promise.race([navigator.serviceWorker.ready, new Promise((resolve) => setTimeout(resolve, 20000))]))).catch(() => {});
  context.off('response', onContextResponse);
  const own = await Promise.all(responses);
  const fetched = new Set(own.map((r) => r.url));
  const offlineCopy = (await Promise.all(workerResponses)).filter((r) => !fetched.has(r.url) && fetched.add(r.url));
  return { page, readyMs, firstMs, timing, responses: [...own, ...offlineCopy], problems };
}

async function coldLoads(browser, app) {
  const times = [], firsts = [], longest = [], tbt = [], runs = [];
  let first = null;
  for (let i = 0; i < COLD_RUNS; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const r = await load(context, app);
    times.push(r.readyMs);
    firsts.push(r.firstMs);
    longest.push(r.timing.tasks.reduce((m, [, d]) => Math.max(m, d), 0));
    tbt.push(r.timing.tasks.reduce((t, [, d]) => t + Math.max(0, d - 50), 0));
    runs.push(r.timing);
    if (!first) first = r;
    await context.close();
    log(`  ${app.name}: cold load ${i + 1}/${COLD_RUNS}: first frame ${r.firstMs.toFixed(0)} ms, ready ${r.readyMs.toFixed(0)} ms,` +
      ` longest task ${longest[i].toFixed(0)} ms, TBT ${tbt[i].toFixed(0)} ms`);
  }
  return { times, firsts, longest, tbt, runs, responses: first.responses, problems: first.problems, timing: first.timing };
}

async function warmLoads(browser, app) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const first = await load(context, app);  // fills the cache; not counted
  await first.page.close();
  const times = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const r = await load(context, app);
    times.push(r.readyMs);
    await r.page.close();
  }
  await context.close();
  log(`  ${app.name}: warm loads: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  return times;
}

// --- the scripted session -----------------------------------------------------------------------------------
// Ours: every trip in Both mode, playing at 4x, then zoom and pan around where the app's camera took us.
// The views applied are recorded (time since start, lat, lon, km-based zoom) so the baseline can replay them.
const KM_PER_DEG = 111.195;
function panned(view, dxFrac, dyFrac) {  // move the centre by a fraction of the viewport
  const kmPerPx = 1 / 2 ** view.zoom;
  const dLat = (-dyFrac * VIEWPORT.height * kmPerPx) / KM_PER_DEG;
  const dLon = (dxFrac * VIEWPORT.width * kmPerPx) / (KM_PER_DEG * Math.cos((view.lat * Math.PI) / 180));
  return { lat: Math.max(-80, Math.min(80, view.lat + dLat)), lon: view.lon + dLon, zoom: view.zoom };
}
const ACTIONS = [  // one every half second after the camera has arrived at the trip
  (v) => ({ ...v, zoom: v.zoom + 1 }), (v) => panned(v, 0.25, 0), (v) => panned(v, 0, -0.25),
  (v) => ({ ...v, zoom: v.zoom + 1 }), (v) => panned(v, -0.4, 0.1), (v) => ({ ...v, zoom: v.zoom - 2 }),
];

async function heapUsed(cdp) {
  const h = await cdp.send('Runtime.getHeapUsage');
  return h.usedSize;
}

async function oursSession(page, cdp) {
  // Ticks every 500 ms from the start: the first tick of a trip's segment switches to it, the next (1 s in)
  // reads where the camera took us, the following ones zoom and pan. One page.evaluate per tick: the page may be
  // slow to answer (its main thread waits for the GPU under SwiftShader), and the session must still end on time.
  const segment = (SESSION_S * 1000) / TRIPS.length;
  const frameMs = [];
  const views = [];
  let peakWasm = 0, peakJs = 0;
  const tick = (arg) => page.evaluate(({ trip, view, read }) => {
    const e = window.explainer;
    const t = e.takeFrameTimes();
    let state = null;
    if (trip) e.setState({ trip, mode: 'both', playing: true, speed: 4 });
    if (view) state = e.setState({ view });
    else if (read) state = e.getState();
    return { t, view: state && state.view, frames: (state || e.getState()).status.framesDrawn };
  }, arg);
  const first = await tick({});
  const f0 = first.frames;
  const t0 = Date.now();
  let trip = -1, view = null, action = 0, last = first;
  for (let at = 0; at < SESSION_S * 1000; at += 500) {
    await sleep(Math.max(0, t0 + at - Date.now()));
    const now = Date.now() - t0;
    if (now >= SESSION_S * 1000) break;
    const i = Math.min(TRIPS.length - 1, Math.floor(now / segment));
    const arg = {};
    if (i !== trip) { trip = i; view = null; action = 0; arg.trip = TRIPS[i]; }
    else if (now - i * segment >= 1000) {
      if (!view) arg.read = true;
      else arg.view = ACTIONS[action++ % ACTIONS.length](view);
    }
    last = await tick(arg);
    frameMs.push(...last.t.frameMs);
    peakWasm = Math.max(peakWasm, last.t.heapBytes);
    if (last.view) { view = last.view; views.push({ at: Date.now() - t0, ...view }); }
    if (arg.trip) peakJs = Math.max(peakJs, await heapUsed(cdp));
  }
  const end = await tick({ read: true });
  frameMs.push(...end.t.frameMs);
  peakWasm = Math.max(peakWasm, end.t.heapBytes);
  peakJs = Math.max(peakJs, await heapUsed(cdp));
  const seconds = (Date.now() - t0) / 1000;
  return { frameMs, views, peakWasm, peakJs, fps: (end.frames - f0) / seconds, seconds };
}

// The baseline replays our views at the same moments. Leaflet zoom z shows 256·2^z px per 40,075 km of equator,
// i.e. 256·2^z / (40075·cos lat) px per km at lat; ours is log2(px per km).
function leafletZoom(v) { return v.zoom + Math.log2((40075.017 * Math.cos((v.lat * Math.PI) / 180)) / 256); }

async function baselineSession(page, cdp, views) {
  const frameMs = [];
  let peakJs = 0;
  const take = async () => {
    frameMs.push(...(await page.evaluate(() => window.baseline.takeFrameTimes())).frameMs);
    peakJs = Math.max(peakJs, await heapUsed(cdp));
  };
  const frames = async () => (await page.evaluate(() => window.baseline.getState())).status.framesDrawn;
  await page.evaluate((v) => window.baseline.setView(v.lat, v.lon, v.zoom), { lat: 39.5, lon: 121, zoom: 5 });
  await sleep(200);
  await take();
  frameMs.length = 0;
  const f0 = await frames();
  const t0 = Date.now();
  for (const v of views) {
    await sleep(Math.max(0, t0 + v.at - Date.now()));
    await take();
    await page.evaluate((w) => window.baseline.setView(w.lat, w.lon, w.zoom), { lat: v.lat, lon: v.lon, zoom: leafletZoom(v) });
  }
  for (let at = Date.now() - t0; at < SESSION_S * 1000; at += 500) {
    await sleep(Math.min(500, Math.max(0, t0 + SESSION_S * 1000 - Date.now())));
    await take();
  }
  await take();
  const seconds = (Date.now() - t0) / 1000;
  const fps = ((await frames()) - f0) / seconds;
  return { frameMs, peakJs, fps, seconds };
}

async function session(browser, app, views) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const { page, problems } = await load(context, app);
  const cdp = await context.newCDPSession(page);
  await sleep(500);
  log(`  ${app.name}: ${SESSION_S} s session…`);
  const r = app.name === 'ours' ? await oursSession(page, cdp) : await baselineSession(page, cdp, views);
  if (problems.length) log(`  ${app.name}: page problems: ${problems.join('; ')}`);
  await context.close();
  return r;
}

// --- the baseline site --------------------------------------------------------------------------------------
function buildBaseline() {
  const out = path.join(ROOT, 'build', 'bench', 'baseline');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const nm = path.join(ROOT, 'node_modules');
  const copies = [
    [path.join(ROOT, 'bench/baseline/index.html'), 'index.html'],
    [path.join(ROOT, 'bench/baseline/baseline.js'), 'baseline.js'],
    [path.join(nm, 'leaflet/dist/leaflet.js'), 'leaflet.js'],
    [path.join(nm, 'leaflet/dist/leaflet.css'), 'leaflet.css'],
    [path.join(nm, 'topojson-client/dist/topojson-client.min.js'), 'topojson-client.min.js'],
    [path.join(nm, 'world-atlas/land-50m.json'), 'land-50m.json'],
  ];
  for (const [from, to] of copies) {
    if (!fs.existsSync(from)) throw new Error(`${from} is missing: run ./emsdk-setup.sh (npm ci) first`);
    fs.copyFileSync(from, path.join(out, to));
  }
  return out;
}

// --- the floor page -------------------------------------------------------------------------------------------
// The smallest Dear ImGui + SDL2 + WebGL2 page, built with the app's compiler and flags (src/app/CMakeLists.txt),
// from bench/floor/. Rebuilt only when its source is newer than the build.
function buildFloor() {
  const out = path.join(ROOT, 'build', 'bench', 'floor');
  const src = path.join(ROOT, 'bench/floor/floor.cpp');
  const wasm = path.join(out, 'floor.wasm');
  fs.mkdirSync(out, { recursive: true });
  if (!fs.existsSync(wasm) || fs.statSync(wasm).mtimeMs < fs.statSync(src).mtimeMs) {
    const d = path.join(ROOT, '.deps');
    const imgui = path.join(d, 'imgui');
    const args = ['-std=c++17', '-Oz', '-flto', '-fno-exceptions', '-DIMGUI_DISABLE_FILE_FUNCTIONS', '-DIMGUI_DISABLE_DEMO_WINDOWS',
      `-I${imgui}`, `-I${imgui}/backends`, `-I${d}/sdl2-wasm/include/SDL2`, src,
      ...['imgui.cpp', 'imgui_draw.cpp', 'imgui_tables.cpp', 'imgui_widgets.cpp', 'backends/imgui_impl_sdl.cpp',
        'backends/imgui_impl_opengl3.cpp'].map((f) => path.join(imgui, f)),
      path.join(d, 'sdl2-wasm/lib/libSDL2.a'),
      '-sENVIRONMENT=web', '-sFILESYSTEM=0', '-sMALLOC=emmalloc', '-sALLOW_MEMORY_GROWTH=1', '-sINITIAL_MEMORY=16MB',
      '-sUSE_WEBGL2=1', '-sMIN_WEBGL_VERSION=2', '-sMAX_WEBGL_VERSION=2', '-o', path.join(out, 'floor.js')];
    log('floor: building bench/floor/floor.cpp (about a minute, once)…');
    const r = spawnSync('em++', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } });
    if (r.status !== 0) throw new Error('floor: em++ failed');
  }
  fs.copyFileSync(path.join(ROOT, 'bench/floor/index.html'), path.join(out, 'index.html'));
  return out;
}

// --- tables -------------------------------------------------------------------------------------------------
// What the Korean edition and the local names add, fetched only when a reader asks for them (never in the English
// first visit above): the files of dist/, compressed here as the visit's are.
function languageTable() {
  const rows = [['file (fetched only for #lang=ko / #local=1)', 'raw KB', 'gzip -9 KB', 'brotli KB']];
  let raw = 0, gz = 0, br = 0;
  for (const name of ['assets/fonts/NotoSansCJK-ko.otf', 'assets/fonts/NotoSansCJK-ko-bold.otf', 'assets/lang/ko.json', 'assets/fonts/NotoSansCJK-local.otf',
    'assets/lang/local-names.json']) {
    const file = path.join(DIST, name);
    if (!fs.existsSync(file)) { rows.push([name, 'missing', '', '']); continue; }
    const body = fs.readFileSync(file);
    const [r, g, b] = [body.length, gzip9(body), brotli(body)];
    raw += r; gz += g; br += b;
    rows.push([name, kb(r), kb(g), kb(b)]);
  }
  rows.push(['total', kb(raw), kb(gz), kb(br)]);
  // The base map's far part: fetched the first time a view reaches past the near box (the Singapore, Hanoi and
  // Russia trips, or a reader zooming out), so not in a first visit of the latest trip.
  const far = path.join(DIST, 'assets/map-far.bin');
  const farRow = fs.existsSync(far) ? (() => { const b = fs.readFileSync(far); return ['assets/map-far.bin', kb(b.length), kb(gzip9(b)), kb(brotli(b))]; })()
    : ['assets/map-far.bin', 'missing', '', ''];
  return 'the Korean edition, beside the first visit:\n' + table(rows, 'lrrr') +
    '\n\nthe base map\'s far part, fetched when a view first needs it:\n' + table([['file', 'raw KB', 'gzip -9 KB', 'brotli KB'], farRow], 'lrrr');
}

function table(rows, align) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r, i) => r.map((cell, c) => {
    const s = String(cell);
    return (align[c] === 'r' ? s.padStart(widths[c]) : s.padEnd(widths[c]));
  }).join('  ').trimEnd() + (i === 0 ? '\n' + widths.map((w) => '-'.repeat(w)).join('  ') : '')).join('\n');
}
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : 'n/a');
const kb = (bytes) => fmt(bytes / KB, 1);

function files(responses, base) {
  const rows = responses.map((r) => {
    const url = r.url.startsWith(base) ? r.url.slice(base.length) || '/' : r.url;
    return { name: (url === '' ? '/' : url) + (r.offlineCopy ? ' (offline copy)' : ''), url, offlineCopy: !!r.offlineCopy,
      status: r.status, raw: r.body.length, gz: gzip9(r.body), br: brotli(r.body) };
  });
  rows.sort((a, b) => b.gz - a.gz);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gz: t.gz + r.gz, br: t.br + r.br }), { raw: 0, gz: 0, br: 0 });
  return { rows, total, base };
}

function fileTable(title, f) {
  const rows = [['file', 'HTTP', 'raw KB', 'gzip -9 KB', 'brotli KB']];
  for (const r of f.rows) rows.push([r.name, r.status, kb(r.raw), kb(r.gz), kb(r.br)]);
  rows.push([`total (${f.rows.length} requests)`, '', kb(f.total.raw), kb(f.total.gz), kb(f.total.br)]);
  return `${title}\n${table(rows, 'lrrrr')}`;
}

function frameStats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s.length ? s[s.length - 1] : NaN };
}

// --- main ---------------------------------------------------------------------------------------------------
async function measure(browser, app, views) {
  log(`${app.name}: ${app.url}`);
  const cold = await coldLoads(browser, app);
  const warm = await warmLoads(browser, app);
  const s = await session(browser, app, views);
  return { cold, warm, session: s, files: files(cold.responses, app.url) };
}

// Export video at 1080p (issue 18): how fast frames are made and encoded, and how large the file is per minute.
// The Hanoi trip in Both mode (the busiest frame: two routes, every stop labelled), 30 fps.
async function videoExport(browser) {
  const server = await serveDist(DIST);
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(server.url + '#trip=2019-02-hanoi&mode=both');
    await page.waitForFunction(() => window.explainer !== undefined);
    await page.evaluate(() => window.explainer.ready.then(() => true));
    log(`video: exporting ${VIDEO_SECONDS} s at 1920x1080, 30 fps`);
    const r = await page.evaluate(async (seconds) => {
      const t0 = performance.now();
      const file = await window.explainer.exportVideo({ trip: '2019-02-hanoi', mode: 'both', width: 1920, height: 1080, seconds, fps: 30 });
      return { ms: performance.now() - t0, bytes: file.size, type: file.type, frames: seconds * 30 };
    }, VIDEO_SECONDS);
    return { ...r, seconds: VIDEO_SECONDS, framesPerSecond: r.frames / (r.ms / 1000), mbPerMinute: r.bytes / 1e6 * (60 / VIDEO_SECONDS) };
  } finally {
    await context.close();
    server.close();
  }
}
function videoTable(v) {
  return `Export video, 1920x1080 at 30 fps, ${v.seconds} s of the Hanoi trip in Both mode (${v.type}):\n` + table([
    ['figure', 'value', 'budget', ''],
    ['export speed (frames per second of export)', fmt(v.framesPerSecond, 1), '', ''],
    ['export time (s)', fmt(v.ms / 1000, 1), '', ''],
    ['file size per minute of video (MB)', fmt(v.mbPerMinute, 2), '<= 4 MB', v.mbPerMinute <= 4 ? 'PASS' : 'FAIL'],
  ], 'lrll');
}

// --ab: cold loads of two builds, alternating, so that the machine's drift falls on both alike.
async function abLoads() {
  const a = { name: 'A', api: 'explainer', firstFrameMark: 'journeys: first frame presented (map)' };
  const b = { ...a, name: 'B' };
  const browser = await launchBrowser();
  const servers = [await serveDist(AB_DIST), await serveDist(DIST)];
  [a.url, b.url] = servers.map((s) => s.url);
  const loadBefore = os.loadavg()[0];
  const figures = { A: [], B: [] };
  try {
    for (let i = 0; i < COLD_RUNS; i++) {
      for (const app of [a, b]) {
        const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
        const r = await load(context, app);
        const mark = (name) => r.timing.marks.find(([n]) => n === name)?.[1] ?? NaN;
        figures[app.name].push({ first: r.firstMs, full: mark('first full frame presented'), ready: r.readyMs,
          longest: r.timing.tasks.reduce((m, [, d]) => Math.max(m, d), 0),
          tbt: r.timing.tasks.reduce((s, [, d]) => s + Math.max(0, d - 50), 0) });
        await context.close();
      }
      log(`  pair ${i + 1}/${COLD_RUNS}: first map frame A ${figures.A[i].first.toFixed(0)} ms, B ${figures.B[i].first.toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
  const rows = [['first map frame presented (ms)', 'first'], ['first full frame presented (ms)', 'full'],
    ['ready, every panel drawn (ms)', 'ready'], ['longest main-thread task (ms)', 'longest'], ['total blocking time (ms)', 'tbt']]
    .map(([label, key]) => {
      const ma = median(figures.A.map((f) => f[key])), mb = median(figures.B.map((f) => f[key]));
      return [label, fmt(ma, 0), fmt(mb, 0), ma > 0 ? fmt(mb / ma, 2) : ''];
    });
  process.stdout.write(`A: ${AB_DIST}\nB: ${DIST}\n${COLD_RUNS} cold loads each, interleaved; medians; load average ` +
    `${fmt(loadBefore, 2)} before, ${fmt(os.loadavg()[0], 2)} after\n` +
    table([['figure', 'A', 'B', 'B/A'], ...rows], 'lrrr') + '\n');
}

async function main() {
  if (AB_DIST) return abLoads();
  if (ONLY_VIDEO) {
    const browser = await launchBrowser();
    try {
      const loadBefore = os.loadavg()[0];
      const v = await videoExport(browser);
      process.stdout.write(`load average ${fmt(loadBefore, 2)} before, ${fmt(os.loadavg()[0], 2)} after (other work on the machine skews the speed)\n` + videoTable(v) + '\n');
    } finally {
      await browser.close();
    }
    return;
  }
  const started = new Date();
  const loadBefore = os.loadavg()[0];
  const ours = { name: 'ours', api: 'explainer', firstFrameMark: 'journeys: first frame presented (map)' };
  const base = { name: 'baseline', api: 'baseline' };
  const floor = { name: 'floor', api: 'floor', firstFrameMark: 'floor' };
  const servers = [];
  const browser = await launchBrowser();
  let result;
  try {
    const floorDir = buildFloor();
    const s1 = await serveDist(DIST); servers.push(s1); ours.url = s1.url; ours.dir = DIST;
    const s3 = await serveDist(floorDir); servers.push(s3); floor.url = s3.url;
    // Cold loads of the three side by side in one run (ours, floor, baseline), then ours' and the baseline's
    // warm loads and sessions.
    const O = await measure(browser, ours, null);
    log(`floor: ${floor.url}`);
    const F = { cold: await coldLoads(browser, floor) };
    F.files = files(F.cold.responses, floor.url);
    let B = null;
    if (WITH_BASELINE) {
      const s2 = await serveDist(buildBaseline()); servers.push(s2); base.url = s2.url;
      B = await measure(browser, base, O.session.views);
    }
    const V = WITH_VIDEO ? await videoExport(browser) : null;
    result = { O, B, F, V, version: browser.version() };
  } finally {
    await browser.close();
    for (const s of servers) s.close();
  }
  const { O, B, F, V, version } = result;

  const of = (x) => frameStats(x.session.frameMs);
  const oF = of(O), bF = B ? of(B) : null;
  const lines = [];
  const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? fmt(a / b, 2) : '');
  const row = (label, o, b, unit, d, budget) => [label + (unit ? ` (${unit})` : ''), fmt(o, d), B ? fmt(b, d) : '', B ? ratio(o, b) : '',
    budget ? budget[0] : '', budget ? verdict(budget[1]) : ''];
  const summary = [['figure', 'ours', 'baseline', 'ours/baseline', 'budget', '']];
  const oFirst = median(O.cold.firsts), fFirst = median(F.cold.firsts), bFirst = B ? median(B.cold.firsts) : NaN;
  // Bytes of the responses that had arrived when the first frame was presented (the page itself always).
  const before = (() => {
    const t = O.cold.timing, arrived = new Set(t.resources.filter(([, end]) => end <= t.first).map(([url]) => url));
    return O.files.rows.filter((r) => !r.offlineCopy && (r.url === '/' || arrived.has(O.files.base + r.url)))
      .reduce((sum, r) => sum + r.gz, 0);
  })();
  const mapRow = O.files.rows.find((r) => r.url === 'assets/map.bin');
  summary.push(row('first load, raw', O.files.total.raw / KB, B?.files.total.raw / KB, 'KB', 1));
  summary.push(row('first load, gzip -9', O.files.total.gz / KB, B?.files.total.gz / KB, 'KB', 1,
    [`<= ${BUDGET.firstLoadGzipKB} KB`, O.files.total.gz / KB <= BUDGET.firstLoadGzipKB]));
  summary.push(row('first load, brotli', O.files.total.br / KB, B?.files.total.br / KB, 'KB', 1,
    [`<= ${BUDGET.firstLoadBrotliKB} KB`, O.files.total.br / KB <= BUDGET.firstLoadBrotliKB]));
  summary.push(row('bytes before the first frame, gzip -9', before / KB, NaN, 'KB', 1,
    [`<= ${BUDGET.beforeFirstFrameGzipKB} KB`, before / KB <= BUDGET.beforeFirstFrameGzipKB]));
  summary.push(row('base map, gzip -9', (mapRow?.gz ?? NaN) / KB, NaN, 'KB', 1,
    [`<= ${BUDGET.mapGzipKB} KB`, (mapRow?.gz ?? Infinity) / KB <= BUDGET.mapGzipKB]));
  summary.push(row('first load, requests', O.files.rows.length, B?.files.rows.length, '', 0));
  summary.push(row(`first frame presented, cold, median of ${COLD_RUNS}`, oFirst, bFirst, 'ms', 0,
    [`<= ${BUDGET.firstFrameVsBaseline} x baseline`, oFirst <= BUDGET.firstFrameVsBaseline * bFirst]));
  summary.push([`  the floor page (ImGui + SDL2 + WebGL2, one line)`, fmt(fFirst, 0), '', `ours/floor ${ratio(oFirst, fFirst)}`,
    `<= ${BUDGET.firstFrameVsFloor} x floor`, verdict(oFirst <= BUDGET.firstFrameVsFloor * fFirst)]);
  summary.push(row(`first frame, cold, max of ${COLD_RUNS}`, max(O.cold.firsts), B && max(B.cold.firsts), 'ms', 0));
  summary.push(row(`ready (every panel drawn), cold, median of ${COLD_RUNS}`, median(O.cold.times), B && median(B.cold.times), 'ms', 0));
  summary.push(row(`ready, warm cache, median of ${WARM_RUNS}`, median(O.warm), B && median(B.warm), 'ms', 0));
  const oLong = median(O.cold.longest), oTbt = median(O.cold.tbt);
  summary.push(row(`longest main-thread task, first ${WATCH_MS / 1000} s, median`, oLong, B && median(B.cold.longest), 'ms', 0,
    [`<= ${BUDGET.longestTaskMs} ms`, oLong <= BUDGET.longestTaskMs]));
  summary.push([`  the floor page`, fmt(median(F.cold.longest), 0), '', '', '', '']);
  summary.push(row(`total blocking time, first ${WATCH_MS / 1000} s, median`, oTbt, B && median(B.cold.tbt), 'ms', 0,
    [`<= ${BUDGET.tbtMs} ms`, oTbt <= BUDGET.tbtMs]));
  summary.push([`  the floor page`, fmt(median(F.cold.tbt), 0), '', '', '', '']);
  summary.push(row('CPU per frame, p50', oF.p50, bF?.p50, 'ms', 3, [`<= ${BUDGET.frameCpuP50Ms} ms`, oF.p50 <= BUDGET.frameCpuP50Ms]));
  summary.push(row('CPU per frame, p95', oF.p95, bF?.p95, 'ms', 3, [`<= ${BUDGET.frameCpuP95Ms} ms`, oF.p95 <= BUDGET.frameCpuP95Ms]));
  summary.push(row('CPU per frame, max', oF.max, bF?.max, 'ms', 3));
  summary.push(row('frames measured', oF.n, bF?.n, '', 0));
  summary.push(row('frames per second', O.session.fps, B?.session.fps, '', 1));
  const peakMB = O.session.peakWasm / 2 ** 20;
  summary.push([...row('peak wasm heap', peakMB, NaN, 'MB', 1)]
    .map((c, i) => (i === 2 && B ? '(none)' : c)));
  summary.push(row('peak JS heap, used', O.session.peakJs / 2 ** 20, B?.session.peakJs / 2 ** 20, 'MB', 1));
  const peakAll = peakMB + O.session.peakJs / 2 ** 20;
  summary.push(row('peak wasm + JS heap', peakAll, B?.session.peakJs / 2 ** 20, 'MB', 1,
    [`<= ${BUDGET.peakHeapMB} MB`, peakAll <= BUDGET.peakHeapMB]));

  // Where the first frame's time goes: each marked step of ours, median start and duration over the cold runs.
  const steps = new Map();
  for (const run of O.cold.runs) {
    for (const [name, start, duration] of run.steps) {
      if (!steps.has(name)) steps.set(name, { starts: [], durations: [] });
      steps.get(name).starts.push(start);
      steps.get(name).durations.push(duration);
    }
    for (const [name, at] of run.marks) {
      if (/ (start|end)$/.test(name)) continue;
      if (!steps.has(name)) steps.set(name, { starts: [], durations: [] });
      steps.get(name).starts.push(at);
    }
  }
  const stepRows = [['step (performance panel: "journeys: <step>")', 'at (ms)', 'takes (ms)', 'runs']];
  for (const [name, v] of [...steps].sort((a, b) => median(a[1].starts) - median(b[1].starts)))
    stepRows.push([name, fmt(median(v.starts), 0), v.durations.length ? fmt(median(v.durations), 0) : '', v.starts.length]);
  const stepsTable = `where the first frame's time goes (ours, medians of ${COLD_RUNS} cold loads; floor's first frame: ${fmt(fFirst, 0)} ms):\n` +
    table(stepRows, 'lrrr');

  const loadAfter = os.loadavg()[0];
  const stamp = started.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const cpus = os.cpus();
  const head = [
    `Journeys explainer benchmark, ${stamp}`,
    `Chromium ${version} headless, WebGL2 on SwiftShader; ${cpus.length} x ${cpus[0]?.model.trim()}; viewport ${VIEWPORT.width}x${VIEWPORT.height} @1x;`
      + ` load average ${fmt(loadBefore, 2)} before, ${fmt(loadAfter, 2)} after (other work on the machine skews the times)`,
    `ours: ${path.relative(ROOT, DIST) || '.'}/ served by python3 http.server` +
      (B ? `; baseline: Leaflet ${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/leaflet/package.json'))).version}` +
        ', world-atlas land-50m via topojson-client, canvas renderer, one growing polyline (bench/baseline/)' : ''),
    `session: ${fmt(O.session.seconds, 1)} s, every trip in Both mode at 4x with zoom and pan (${O.session.views.length} views; the baseline replays them)`,
    'KB = 1,000 bytes. Sizes are the bodies of every http response of a cold first visit, compressed here (gzip -9, brotli q11).',
    'CPU per frame: ours = the app\'s own time per frame (wasm update + draw submission, measured in the page);',
    '  baseline = JavaScript time per frame in the route step, Leaflet\'s canvas drawing and view changes.',
  ];
  const blocks = [head.join('\n'), table(summary, 'lrrrll'), stepsTable, fileTable('ours, first visit:', O.files),
    fileTable('floor, first visit:', F.files)];
  if (B) blocks.push(fileTable('baseline, first visit:', B.files));
  blocks.push(languageTable());
  if (V) blocks.push(videoTable(V));
  const fails = summary.filter((r) => r[5] === 'FAIL').map((r) => r[0]);
  blocks.push(`budgets: ${summary.filter((r) => r[5]).length - fails.length} PASS, ${fails.length} FAIL${fails.length ? ' (' + fails.join('; ') + ')' : ''}`);
  const text = blocks.join('\n\n') + '\n';
  process.stdout.write(text);
  if (SAVE) {
    const dir = path.join(ROOT, 'bench', 'results');
    fs.mkdirSync(dir, { recursive: true });
    const name = started.toISOString().slice(0, 19).replace(/:/g, '').replace('T', '-') + '.txt';
    fs.writeFileSync(path.join(dir, name), text);
    fs.writeFileSync(path.join(dir, 'latest.txt'), text);
    log(`written: bench/results/${name} and bench/results/latest.txt`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
