#!/usr/bin/env node
// bench/map_cost.mjs: does the map's per-frame cost grow with the geometry on screen? It holds the Hanoi trip
// (Both mode, playing at the slowest speed from half-time, so that every frame is drawn: a paused, still picture is
// not drawn again) at views from the whole region (every coastline, border and land triangle
// of the map drawn) down to a close-up (a few), and for each prints the app's CPU ms per frame (median, p95)
// and the bytes handed to WebGL per frame (bufferData + bufferSubData, counted by wrapping them): if geometry
// were re-uploaded per frame the bytes would follow the amount drawn. Prints figures; asserts nothing.
//
//   cmake --workflow --preset web && node bench/map_cost.mjs [--seconds S per view, default 8]
import { serveDist, launchBrowser, openPage, waitReady } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const i = args.indexOf('--seconds');
const SECONDS = i >= 0 ? Number(args[i + 1]) : 8;
const VIEWS = [
  { name: 'whole region', lat: 30, lon: 118, zoom: -3 },
  { name: 'north-east Asia', lat: 38, lon: 122, zoom: -1 },
  { name: 'Yellow Sea', lat: 38, lon: 122, zoom: 1 },
  { name: 'Pyongyang close-up', lat: 39.03, lon: 125.75, zoom: 3 },
];

// Counts what the page gives WebGL per frame; installed before the page's scripts run.
function countUploads() {
  window.__uploads = { bytes: 0 };
  const size = (data) => (data && typeof data === 'object' && 'byteLength' in data ? data.byteLength : typeof data === 'number' ? data : 0);
  for (const proto of [WebGL2RenderingContext.prototype]) {
    const bufferData = proto.bufferData, bufferSubData = proto.bufferSubData;
    proto.bufferData = function (target, data, ...rest) {
      window.__uploads.bytes += rest.length >= 3 && rest[2] ? rest[2] * (data.BYTES_PER_ELEMENT || 1) : size(data);
      return bufferData.call(this, target, data, ...rest);
    };
    proto.bufferSubData = function (target, offset, data, ...rest) {
      window.__uploads.bytes += rest.length >= 2 && rest[1] ? rest[1] * (data.BYTES_PER_ELEMENT || 1) : size(data);
      return bufferSubData.call(this, target, offset, data, ...rest);
    };
  }
}

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : NaN; };
const server = await serveDist();
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, server.url + '#trip=2019-02-hanoi&mode=both&time=35',
    { width: 1024, height: 700, before: (p) => p.addInitScript(countUploads) });
  await waitReady(page);
  console.log(`map cost per frame, ${SECONDS} s per view, 1024x700 at pixel ratio 1, Hanoi trip playing in Both mode at 0.25x`);
  console.log('view                  zoom   frames   cpu ms p50   cpu ms p95   bytes to WebGL per frame');
  for (const v of VIEWS) {
    await page.evaluate((v) => window.explainer.setState({ playing: true, speed: 0.25, time: 35, view: { lat: v.lat, lon: v.lon, zoom: v.zoom } }), v);
    await page.waitForTimeout(1500);  // let the view settle (labels placed once per view change)
    await page.evaluate(() => { window.explainer.takeFrameTimes(); window.__frames0 = window.explainer.getState().status.framesDrawn; window.__uploads.bytes = 0; });
    await page.waitForTimeout(SECONDS * 1000);
    const r = await page.evaluate(() => ({ t: window.explainer.takeFrameTimes().frameMs, bytes: window.__uploads.bytes,
      frames: window.explainer.getState().status.framesDrawn - window.__frames0 }));
    console.log(`${v.name.padEnd(20)} ${String(v.zoom).padStart(5)}   ${String(r.frames).padStart(6)}   ${quantile(r.t, 0.5).toFixed(2).padStart(10)}   ${quantile(r.t, 0.95).toFixed(2).padStart(10)}   ${(r.bytes / Math.max(1, r.frames)).toFixed(0).padStart(10)}`);
  }
} finally {
  await browser.close();
  server.close();
}
