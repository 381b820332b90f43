#!/usr/bin/env node
// Soak: runs the scripted tour in headless Chromium for a long time and watches the memory. Not part of
// ./test.sh (it takes half an hour by default).
//
//   node scripts/soak.mjs [minutes, default 30] [--sample-seconds=60] [--max-growth-mb=1]
//
// Serves dist/ (build it first: cmake --workflow --preset web) as the browser tests do (tests/browser/
// harness.mjs). The tour: every trip in turn, mode "both", playing at 16x, until its clock reaches the end,
// while the view zooms and pans every 2 seconds; then the next trip, round and round. Every sample (each
// minute by default) it collects garbage (DevTools HeapProfiler) and records the wasm memory size
// (explainer.takeFrameTimes().heapBytes: only grows, in 64 KiB pages), the bytes malloc has handed out in it
// (heapUsedBytes: where a leak shows first), the JS heap (performance.memory.usedJSHeapSize,
// exact thanks to --enable-precise-memory-info), frames drawn and the app's mean CPU ms per frame. It prints
// the samples and the growth of the three from the first minute's sample to the last, and exits 1 when
// any grew by --max-growth-mb or more, the page reported an error, or the frames stopped.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, serveDist, openPage, waitReady } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};
const minutes = Number(args.find((x) => !x.startsWith('--')) ?? 30);
const sampleSeconds = option('sample-seconds', 60);
const maxGrowthMB = option('max-growth-mb', 1);
if (!(minutes > 0) || !(sampleSeconds > 0)) {
  console.error('usage: node scripts/soak.mjs [minutes] [--sample-seconds=60] [--max-growth-mb=1]');
  process.exit(2);
}

// The trip ids, from the data the page serves.
const tripIds = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'trips.json'), 'utf8')).trips.map((t) => t.id);

// A small deterministic random walk of views over the region of the trips (lat 0..55, lon 100..140).
let seed = 12345;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const nextView = () => ({ lat: 0 + random() * 55, lon: 100 + random() * 40, zoom: -3.5 + random() * 6 });

// The harness's launch (SwiftShader WebGL2), plus exact JS heap figures.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--no-sandbox', '--disable-gpu',
    '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--enable-precise-memory-info'],
});
const server = await serveDist();
let exitCode = 0;
try {
  const { page, problems } = await openPage(browser, server.url, { width: 1280, height: 800 });
  await waitReady(page, 60000);
  const cdp = await page.context().newCDPSession(page);

  const sample = async (minute, tripsDone) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const s = await page.evaluate(() => {
      const f = window.explainer.takeFrameTimes();
      const mean = f.frameMs.length ? f.frameMs.reduce((a, b) => a + b, 0) / f.frameMs.length : 0;
      return {
        wasmHeap: f.heapBytes, mallocUsed: f.heapUsedBytes, jsHeap: performance.memory.usedJSHeapSize, framesInInterval: f.frameMs.length,
        meanFrameMs: mean, framesDrawn: window.explainer.getState().status.framesDrawn,
      };
    });
    return { minute, tripsDone, ...s };
  };
  const MB = (b) => (b / 1048576).toFixed(3);
  const print = (s) => console.log(
    `${s.minute.toFixed(1).padStart(6)}  ${MB(s.wasmHeap).padStart(10)}  ${MB(s.mallocUsed).padStart(10)}  ${MB(s.jsHeap).padStart(9)}  ` +
    `${String(s.framesDrawn).padStart(8)}  ${String(s.framesInInterval).padStart(7)}  ${s.meanFrameMs.toFixed(2).padStart(7)}  ` +
    `${String(s.tripsDone).padStart(5)}`);

  console.log(`soak: ${minutes} min of the tour at 16x over ${tripIds.length} trips, a sample every ${sampleSeconds} s (${server.url})`);
  console.log('   min  wasm MB   malloc MB     JS MB    frames  in-int  cpu ms  trips');
  const start = Date.now();
  const end = start + minutes * 60000;
  const samples = [await sample(0, 0)];
  print(samples[0]);
  let nextSample = start + sampleSeconds * 1000;
  let tripsDone = 0;
  let lastFrames = samples[0].framesDrawn;

  // Waits until `until` ms (since the epoch), taking any sample that falls due.
  const waitUntil = async (until) => {
    while (Date.now() < until) {
      const wake = Math.min(until, nextSample);
      await page.waitForTimeout(Math.max(0, wake - Date.now()));
      if (Date.now() >= nextSample) {
        const s = await sample((Date.now() - start) / 60000, tripsDone);
        samples.push(s);
        print(s);
        if (s.framesDrawn <= lastFrames) throw new Error(`no frame drawn in the last ${sampleSeconds} s`);
        lastFrames = s.framesDrawn;
        nextSample += sampleSeconds * 1000;
      }
    }
  };

  tour: for (;;) {
    for (const trip of tripIds) {
      if (Date.now() >= end) break tour;
      await page.evaluate((t) => window.explainer.setState({ trip: t, mode: 'both', playing: true, speed: 16 }), trip);
      // Zoom and pan every 2 s until the clock reaches the end of the journey (at most 2 minutes a trip).
      const tripEnd = Math.min(end, Date.now() + 120000);
      while (Date.now() < tripEnd) {
        await waitUntil(Math.min(tripEnd, Date.now() + 2000));
        const st = await page.evaluate((v) => window.explainer.setState({ view: v }), nextView());
        if (!st.playing && st.time >= st.status.endHours) break;
      }
      tripsDone++;
    }
  }
  const last = await sample((Date.now() - start) / 60000, tripsDone);
  samples.push(last);
  print(last);  // the end of the run (may be seconds after the last minute's sample)

  // Growth from the first minute's sample (start-up and the first caches are done by then) to the last.
  const base = samples.find((s) => s.minute >= 1 - 1e-9) ?? samples[0];
  const wasmGrowth = last.wasmHeap - base.wasmHeap, jsGrowth = last.jsHeap - base.jsHeap;
  const mallocGrowth = last.mallocUsed - base.mallocUsed;
  console.log(`\ngrowth from minute ${base.minute.toFixed(1)} to minute ${last.minute.toFixed(1)} (${tripsDone} trips played):`);
  console.log(`  wasm heap ${wasmGrowth >= 0 ? '+' : ''}${MB(wasmGrowth)} MB (${MB(base.wasmHeap)} -> ${MB(last.wasmHeap)} MB)`);
  console.log(`  malloc'd  ${mallocGrowth >= 0 ? '+' : ''}${MB(mallocGrowth)} MB (${MB(base.mallocUsed)} -> ${MB(last.mallocUsed)} MB)`);
  console.log(`  JS heap   ${jsGrowth >= 0 ? '+' : ''}${MB(jsGrowth)} MB (${MB(base.jsHeap)} -> ${MB(last.jsHeap)} MB)`);
  if (problems.length) {
    console.log(`page problems (${problems.length}):\n  ` + problems.slice(0, 20).join('\n  '));
    exitCode = 1;
  }
  if ([wasmGrowth, mallocGrowth, jsGrowth].some((g) => g >= maxGrowthMB * 1048576)) {
    console.log(`FAIL: a heap grew by ${maxGrowthMB} MB or more after the first minute`);
    exitCode = 1;
  } else if (!problems.length) {
    console.log(`OK: the wasm memory, the bytes in use in it and the JS heap each grew by less than ${maxGrowthMB} MB after the first minute, no page errors`);
  }
} catch (err) {
  console.error('soak failed: ' + (err && err.stack || err));
  exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
process.exit(exitCode);
