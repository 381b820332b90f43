// Offline use: once a reader has loaded the page, it loads again with the server gone (the service worker's
// copy), draws the map and has every trip.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasPixels, distinctColours, launchBrowser, openPage, serveDist, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.close(); });

test('after one visit the page works with the server gone', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#trip=2018-06-singapore');
  const online = await waitReady(page);
  // The worker registers after the first frame and copies every file; wait until it is activated (its activation
  // keeps what the page had fetched before it ran).
  const cached = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker.state !== 'activated') {
      await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    }
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('journeys-')));
    return { active: Boolean(registration.active), urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
  assert.ok(cached.active);
  // The far part of the map, which the Singapore view fetched before the worker ran, is kept too (from the HTTP
  // cache, not downloaded again).
  for (const file of ['/assets/map-far.bin', '/', '/journeys.wasm', '/journeys.js', '/web/page.js', '/assets/trips.bin', '/assets/map.bin']) {
    assert.ok(cached.urls.includes(file), `${file} is not in the offline copy: ${cached.urls.join(' ')}`);
  }

  await server.close();  // no network from here on: once it has exited, the same address refuses connections
  await page.reload();
  const offline = await waitReady(page);
  assert.equal(offline.trip, '2018-06-singapore');
  await page.waitForFunction(() => window.explainer.getState().status.mapFar === 'in');
  assert.equal(online.trip, '2018-06-singapore');
  // index.html is the page under its own name: answered from the copy of '/', not installed twice.
  assert.equal(await page.evaluate(() => fetch('index.html').then((r) => r.ok && r.text()).then((t) => t.includes('journeys.js'))), true);
  // The trips as the accessible layer lists them: from the app's trips (trips.bin), which came from the offline copy.
  await page.waitForFunction(() => document.querySelectorAll('.a11y-trips button[data-trip]').length === 9);
  assert.ok(distinctColours(await canvasPixels(page, 'offline-reload')) > 8, 'the offline page does not draw');
  assert.deepEqual(problems, []);
  await close();
});
