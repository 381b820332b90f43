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
        resolve({ url: `http://127.0.0.1:${m[1]}/`, close: () => server.kill() });
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

// Opens the page in a fresh context with the given viewport and pixel ratio, recording console errors and
// uncaught exceptions. `before(page)` runs ahead of navigation (routes, init scripts).
export async function openPage(browser, url, { width = 1024, height = 700, pixelRatio = 1, before } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: pixelRatio, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push('console: ' + msg.text()); });
  page.on('pageerror', (err) => problems.push('uncaught: ' + err.message));
  if (before) await before(page);
  await page.goto(url);
  return { page, problems, close: () => context.close() };
}

export async function waitReady(page, timeout = 30000) {
  await page.waitForFunction(() => window.explainer !== undefined, null, { timeout });
  await page.evaluate(() => window.explainer.ready.then(() => true));
  return page.evaluate(() => window.explainer.getState());
}

// Waits until the app has drawn `n` more frames (the state's frame counter moves on each drawn frame).
export async function waitFrames(page, n = 3) {
  const start = await page.evaluate(() => window.explainer.getState().status.framesDrawn);
  await page.waitForFunction((target) => window.explainer.getState().status.framesDrawn >= target, start + n);
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
