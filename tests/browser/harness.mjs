// Shared by the browser tests: serves dist/ with `python3 -m http.server` on 127.0.0.1 (exactly how the README
// serves it), drives Debian's Chromium through playwright-core with WebGL2 on SwiftShader, and reads back
// canvas pixels from real screenshots.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

export const DIST = process.env.JOURNEYS_DIST || path.resolve('dist');
export const SCREENSHOTS = process.env.JOURNEYS_SCREENSHOTS || path.resolve('tests/screenshots');

// Starts the static server on a free port; resolves to { url, close }.
export function serveDist(dir = DIST, { requireIndex = true } = {}) {
  if (requireIndex && !fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run \`cmake --workflow --preset web\` first`);
  }
  return new Promise((resolve, reject) => {
    const server = spawn('/usr/bin/python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('http.server did not start: ' + out)), 10000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /port (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        // close() resolves once the process has exited (its port then refuses connections).
        const exited = new Promise((done) => server.once('exit', () => done()));
        resolve({ url: `http://127.0.0.1:${m[1]}/`, close: () => { server.kill(); return exited; } });
      }
    });
    server.stderr.on('data', () => {});  // request log
    server.on('exit', (code) => reject(new Error(`http.server exited (${code}): ${out}`)));
  });
}

// Playwright gives every launch a fresh, temporary user-data-dir.
export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
}

// The app reports its own problems on the page (#notices, level "error") and in getState().status.messages,
// never on the console. These are the texts of the error-level messages the app can report (src/app,
// report_to_page level 2; web/page.js fail()).
const ERROR_MESSAGE = /^(Could not |The base map could not be read|Trip data error|\u2026 and \d+ more errors|This browser or device has|The explainer stopped|Neither font could be loaded)/;

// Every error the app shows, in the page and in each explainer frame inside it: the error-level notices and the
// error messages of getState().status.messages.
export async function appErrors(page) {
  const errors = [];
  for (const frame of page.frames()) {
    const found = await frame.evaluate((source) => {
      const pattern = new RegExp(source);
      const box = document.getElementById('notices');
      if (!box) return null;
      const notices = [...box.querySelectorAll('.notice.error')].map((p) => p.textContent);
      let messages = [];
      try { messages = (window.explainer && window.explainer.getState().status.messages) || []; } catch (e) { messages = [String(e)]; }
      return [...notices, ...messages.filter((m) => pattern.test(m) || notices.includes(m))];
    }, ERROR_MESSAGE.source).catch(() => null);  // a frame that went away meanwhile
    if (found) errors.push(...new Set(found));
  }
  return errors;
}

// Asserts that the app showed no error, or, with `expected` (a RegExp), that it showed one and only such ones.
export async function assertAppErrors(page, expected) {
  const errors = await appErrors(page);
  if (!expected) {
    if (errors.length) throw new Error(`the app reported errors: ${JSON.stringify(errors)}`);
    return;
  }
  if (!errors.length) throw new Error(`the app reported no error; expected one matching ${expected}`);
  const other = errors.filter((e) => !expected.test(e));
  if (other.length) throw new Error(`the app reported unexpected errors: ${JSON.stringify(other)}`);
}

// Opens the page in a fresh context with the given viewport and pixel ratio, recording console errors and
// uncaught exceptions. `before(page)` runs ahead of navigation (routes, init scripts). close() first asserts
// that the app reported no error on the page or in any explainer frame (assertAppErrors), unless the test
// says which it expects (`expectErrors`, a RegExp), so every test checks it.
// `serviceWorkers: 'block'` keeps the offline copy out: page.route() does not see what the service worker fetches,
// so a test that routes a file the page asks for after the worker has taken over (the far map) must block it.
export async function openPage(browser, url, { width = 1024, height = 700, pixelRatio = 1, before, expectErrors, waitUntil = 'load', serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: pixelRatio, acceptDownloads: true, serviceWorkers });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push('console: ' + msg.text()); });
  page.on('pageerror', (err) => problems.push('uncaught: ' + err.message));
  if (before) await before(page);
  await page.goto(url, { waitUntil });
  const close = async () => {
    try {
      await assertAppErrors(page, expectErrors);
    } finally {
      await context.close();
    }
  };
  return { page, problems, close };
}

export async function waitReady(page, timeout = 30000) {
  await page.waitForFunction(() => window.explainer !== undefined, null, { timeout });
  await page.evaluate(() => window.explainer.ready.then(() => true));
  return page.evaluate(() => window.explainer.getState());
}

// Waits until the app has run `n` more frames (status.framesRun: every frame it handled; one with nothing new to
// draw leaves the picture as it was, which is then current).
export async function waitFrames(page, n = 3) {
  const start = await page.evaluate(() => window.explainer.getState().status.framesRun);
  await page.waitForFunction((target) => window.explainer.getState().status.framesRun >= target, start + n);
  // A view past the near part of the base map has asked for its far part (status.mapFar "wanted"): what the
  // frames show is looked at once that is in (or has failed) and drawn.
  if (await page.evaluate(() => window.explainer.getState().status.mapFar === 'wanted')) {
    await page.waitForFunction(() => window.explainer.getState().status.mapFar !== 'wanted');
    await waitFrames(page, 2);
  }
}

// Waits until the camera has landed: a couple of frames (a flight starts on the frame after a trip changes),
// then status.flying false. Works on a page or a frame. Times out if the app reports no `flying` at all.
export async function waitLanded(target, timeout = 30000) {
  await waitFrames(target, 2);
  await target.waitForFunction(() => window.explainer.getState().status.flying === false, null, { timeout });
}

// The four screens the explainer is made for: a desktop page, a phone, an embed in an article, a classroom projector.
export const READER_SIZES = Object.freeze([
  { name: 'desktop', width: 1280, height: 800, hash: '' },
  { name: 'phone', width: 390, height: 844, hash: '' },
  { name: 'embed', width: 760, height: 600, hash: '#embed' },
  { name: 'classroom', width: 1920, height: 1080, hash: '#classroom' },
]);

// A page at one of READER_SIZES, ready: reduced motion (the camera cuts to each trip instead of flying; the picture
// it lands on is the same), patient waits (a 1920 × 1080 frame on SwiftShader takes seconds on a busy machine), and
// the trip ids of the data. The caller closes it.
export async function openReaderPage(browser, url, size) {
  const opened = await openPage(browser, url + size.hash, {
    width: size.width, height: size.height, before: (p) => p.emulateMedia({ reducedMotion: 'reduce' }),
  });
  opened.page.setDefaultTimeout(120000);
  try {
    await waitReady(opened.page);
    const trips = await opened.page.evaluate(async () => (await (await fetch('assets/trips.json')).json()).trips.map((t) => t.id));
    return { ...opened, trips };
  } catch (e) {
    await opened.close();
    throw e;
  }
}

// Until the map has settled and returns its state: the camera has landed and the label placement count stays the
// same over a few frames (a panel that appears, e.g. the end-of-race card, is measured in one frame and the labels
// and the framing keep clear of it in the next ones).
export async function waitSettled(page, tries = 60) {
  await waitFrames(page, 2);
  let last = -1;
  for (let i = 0; i < tries; i++) {
    const s = await page.evaluate(() => window.explainer.getState());
    if (!s.status.flying && s.status.labelPlacements === last) return s;
    last = s.status.labelPlacements;
    await waitFrames(page, 3);
  }
  throw new Error('the map never settled');
}

// The frame whose URL starts with `prefix` (an explainer inside a host page), once it has navigated there.
export async function waitForFrame(page, prefix, timeout = 30000) {
  const find = () => page.frames().find((f) => f.url().startsWith(prefix));
  if (find()) return find();
  await page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(prefix), timeout });
  return find();
}

// Polls an async condition from node (for what no page can wait on, e.g. compares across two origins).
export async function until(condition, { timeout = 15000, every = 100, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

// The canvas as the compositor shows it: a PNG screenshot decoded to RGBA in device pixels.
export async function canvasPixels(page, screenshotName) {
  const buffer = await page.locator('#canvas').screenshot({ scale: 'device' });
  if (screenshotName) saveScreenshot(buffer, screenshotName);
  const png = PNG.sync.read(buffer);
  return {
    width: png.width, height: png.height, data: png.data,
    at(x, y) { const i = (Math.round(y) * png.width + Math.round(x)) * 4; return [png.data[i], png.data[i + 1], png.data[i + 2]]; },
  };
}

export function saveScreenshot(buffer, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOTS, name + '.png'), buffer);
}

// How many distinct colours (quantised to 4 bits per channel) the image has: a blank or single-colour canvas
// has one or two, a map with text has dozens.
export function distinctColours(pixels) {
  const seen = new Set();
  const d = pixels.data;
  for (let i = 0; i < d.length; i += 4) seen.add(((d[i] >> 4) << 8) | ((d[i + 1] >> 4) << 4) | (d[i + 2] >> 4));
  return seen.size;
}

// Mean absolute difference of two same-sized pixel sets, 0..255.
export function meanDifference(a, b) {
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    sum += Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]);
  }
  return sum / (a.data.length / 4 * 3);
}

// --- what is drawn: the app's colours (src/render/basemap.cpp, src/ui/ui.cpp) and geography ------------------
export const SEA_RGB = [203, 220, 233];
export const LAND_RGB = [[233, 211, 176], [244, 240, 230], [236, 234, 228]];  // North Korea, route countries, others
export const REAL_RGB = [189, 33, 28];     // the journey he made: kRealColour
export const WHAT_IF_RGB = [41, 84, 191];  // the what-if in the other mode: kWhatIfColour
export const near = (c, ref, tol = 14) => Math.abs(c[0] - ref[0]) <= tol && Math.abs(c[1] - ref[1]) <= tol && Math.abs(c[2] - ref[2]) <= tol;
export const isLand = (c) => LAND_RGB.some((ref) => near(c, ref));

// How many pixels within `radius` of (x, y) (device px) match a test, e.g. (c) => near(c, REAL_RGB, 40).
export function countAround(pixels, x, y, radius, test) {
  let n = 0;
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const px = Math.round(x + dx), py = Math.round(y + dy);
      if (px < 0 || py < 0 || px >= pixels.width || py >= pixels.height) continue;
      if (test(pixels.at(px, py))) n++;
    }
  }
  return n;
}

// Classifies the square of side 2·radius+1 around a pixel. Away from coasts a land point needs 85% of it
// land-coloured and not one sea pixel, a sea point the same the other way round; what is neither (a route line,
// a border) may take the rest. A coastal city (Vladivostok, on the tip of a narrow peninsula) has to touch land
// and be at most two thirds sea.
export function classify(pixels, x, y, radius, coastal = false) {
  const all = (2 * radius + 1) ** 2;
  const land = countAround(pixels, x, y, radius, isLand);
  const sea = countAround(pixels, x, y, radius, (c) => near(c, SEA_RGB));
  if (coastal) return land > 0 && sea <= 0.67 * all ? 'land' : `unclear (land ${land}, sea ${sea} of ${all})`;
  if (land >= 0.85 * all && sea === 0) return 'land';
  if (sea >= 0.85 * all && land === 0) return 'sea';
  return `unclear (land ${land}, sea ${sea} of ${all})`;
}

// The stops of a trip's journey there (lat, lon, place id), from the trip file dist/ serves.
export function tripStops(tripId) {
  const data = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'trips.json'), 'utf8'));
  const places = new Map(data.places.map((p) => [p.id, p]));
  const trip = data.trips.find((t) => t.id === tripId);
  if (!trip) throw new Error(`no trip ${tripId} in trips.json`);
  const stops = [];
  for (const leg of trip.outbound) {
    for (const s of leg.stops) {
      const p = places.get(s.place);
      if (p && !(stops.length && stops[stops.length - 1].id === p.id)) stops.push({ id: p.id, lat: p.lat, lon: p.lon, mode: leg.mode });
    }
  }
  return stops;
}
