// Bad conditions get a clear message on the page and the rest keeps working.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  REAL_RGB, canvasPixels, countAround, distinctColours, launchBrowser, near, openPage, serveDist, tripStops, waitFrames,
  waitLanded, waitReady,
} from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.close(); });

// The page asks only whether WebGL 2 exists (no context of its own: the app's is the only one); where the API is
// missing altogether it says so at once, and the app is never started (its files are preloaded by the HTML all
// the same, so the table does not wait for them).
test('a browser without the WebGL 2 API at all gets the table at once, and the app never starts', async () => {
  const { page, problems, close } = await openPage(browser, server.url, { expectErrors: /WebGL 2/,
    before: (p) => p.addInitScript(() => { delete window.WebGL2RenderingContext; }),
  });
  const outcome = await page.evaluate(() => window.explainer.ready.then(() => 'resolved', (e) => e.message));
  assert.match(outcome, /WebGL 2/);
  await page.locator('#fallback table').first().waitFor();
  assert.match(await page.locator('#fallback').innerText(), /no WebGL 2/);
  assert.equal(await page.evaluate(() => performance.getEntriesByName('journeys: main entered').length), 0);
  assert.deepEqual(problems, []);
  await close();
});

test('without WebGL2 the page says so and ready rejects', async () => {
  const { page, problems, close } = await openPage(browser, server.url, { expectErrors: /WebGL 2/,
    before: (p) => p.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    }),
  });
  const outcome = await page.evaluate(() => window.explainer.ready.then(() => 'resolved', (e) => e.message));
  assert.match(outcome, /WebGL 2/);
  assert.match(await page.locator('#notices').innerText(), /WebGL 2/);
  assert.equal(await page.locator('#loading').isHidden(), true);
  await page.screenshot({ path: `${process.env.JOURNEYS_SCREENSHOTS || 'tests/screenshots'}/failure-no-webgl2.png` });
  assert.deepEqual(problems, []);
  await close();
});

test('a missing asset is named on the page and the app still draws', async () => {
  const { page, close } = await openPage(browser, server.url, { expectErrors: /^Could not load font-bold: HTTP 404/,
    before: (p) => p.route('**/NotoSans-Bold.ttf', (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  await waitReady(page);
  assert.match(await page.locator('#notices').innerText(), /Could not load font-bold: HTTP 404/);
  const state = await page.evaluate(() => window.explainer.getState());
  assert.ok(state.status.messages.some((m) => m.includes('font-bold')), 'message missing from getState()');
  assert.ok(distinctColours(await canvasPixels(page, 'failure-missing-font')) > 8);
  await close();
});

test('an icon that is not a PNG: named on the page, an arrow stands in, and the other icons are drawn', async () => {
  const { page, close } = await openPage(browser, server.url + '#trip=2019-02-hanoi&mode=both&t=20', {
    expectErrors: /^Could not load icon-plane: not a PNG/,
    before: (p) => p.route('**/icons/plane.png', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: 'not a png' })),
  });
  await waitReady(page);
  await page.waitForFunction(() => window.explainer.getState().status.messages.some((m) => m.includes('icon-plane')));
  assert.match(await page.locator('#notices').innerText(), /Could not load icon-plane: not a PNG/);
  const s = await page.evaluate(() => window.explainer.getState());
  assert.equal(s.status.vehicles.length, 2, 'both vehicles are still drawn (the plane as an arrow)');
  assert.ok(distinctColours(await canvasPixels(page, 'failure-icon-not-png')) > 8);
  await close();
});

test('the regular face missing: named on the page, and the app draws its text with the bold one', async () => {
  const { page, close } = await openPage(browser, server.url, { expectErrors: /^Could not load font-regular: HTTP 404/,
    before: (p) => p.route('**/NotoSans-Regular.ttf', (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  await waitReady(page);
  assert.match(await page.locator('#notices').innerText(), /Could not load font-regular: HTTP 404/);
  assert.ok(distinctColours(await canvasPixels(page, 'failure-missing-regular-font')) > 8);
  await close();
});

// Either face alone is drawn with the other (above); with neither there is nothing to write with (ImGui's own font
// is not built in: src/app/CMakeLists.txt), so the app stops, and the page names both files, says why, and lists
// the trips as its HTML table (as without WebGL).
test('both fonts missing: each is named on the page, ready rejects with why, and the trips are a table', async () => {
  const { page, close } = await openPage(browser, server.url, { expectErrors: /^Could not load font-(regular|bold): HTTP 404|^Neither font could be loaded/,
    before: (p) => p.route('**/NotoSans-*.ttf', (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  const outcome = await page.evaluate(() => window.explainer.ready.then(() => 'resolved', (e) => e.message));
  assert.match(outcome, /Neither font could be loaded/);
  const notices = await page.locator('#notices').innerText();
  assert.match(notices, /Could not load font-regular: HTTP 404/);
  assert.match(notices, /Could not load font-bold: HTTP 404/);
  assert.match(notices, /Neither font could be loaded, so the map cannot show its words/);
  assert.doesNotMatch(notices, /stopped unexpectedly/);
  assert.equal(await page.locator('#loading').isHidden(), true);
  await page.locator('table').first().waitFor({ timeout: 15000 });
  assert.ok(await page.locator('table tr').count() >= 10, 'the fallback table lists the trips');
  assert.match(await page.locator('.a11y-lead').innerText(), /its fonts could not be loaded/);
  await page.screenshot({ path: `${process.env.JOURNEYS_SCREENSHOTS || 'tests/screenshots'}/failure-no-fonts.png` });
  await close();
});

test('garbage from the server instead of wasm: a clear message, no hang', async () => {
  const { page, close } = await openPage(browser, server.url, { expectErrors: /stopped unexpectedly|Could not start/,
    before: (p) => p.route('**/journeys.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm' })),
  });
  const outcome = await page.evaluate(() => window.explainer.ready.then(() => 'resolved', (e) => e.message));
  assert.match(outcome, /stopped unexpectedly|Could not start/);
  assert.match(await page.locator('#notices').innerText(), /stopped unexpectedly|Could not start/);
  await close();
});

// The page reads the trips as the build checked and packed them (assets/trips.bin; a trips.json with errors is refused
// by the build, with its line numbers: tests/trips_pack_refuses.sh). A pack damaged on its way is named trip by trip.
test('a damaged trip file: the page names the file, the trip and the part; the map and the other trips still work', async () => {
  const { page, close } = await openPage(browser, server.url, { expectErrors: /^Trip data error: /,
    before: (p) => p.route('**/assets/trips.bin', async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      await route.fulfill({ response, body: body.subarray(0, body.length - 300) });  // the last trip cut short
    }),
  });
  const s = await waitReady(page);
  const notices = await page.locator('#notices').innerText();
  assert.match(notices, /assets\/trips\.bin: trip 2025-09-beijing: \/trips\/8\/\w+: damaged \(the file ends early\)/);
  await page.evaluate(() => window.explainer.setState({ trip: '2019-02-hanoi' }));
  assert.equal((await page.evaluate(() => window.explainer.getState())).trip, '2019-02-hanoi');
  const refused = await page.evaluate(() => { try { window.explainer.setState({ trip: '2025-09-beijing' }); return ''; } catch (e) { return e.message; } });
  assert.match(refused, /trip must be one of/, 'the damaged trip is still offered');
  assert.equal(s.trip, '2023-09-russia', 'the page does not open on the latest trip it has');
  assert.ok(distinctColours(await canvasPixels(page, 'failure-damaged-trips')) > 8);
  await close();
});

test('a truncated base map: a clear message, and the routes are still drawn', async () => {
  const { page, close } = await openPage(browser, server.url, { expectErrors: /^The base map could not be read/,
    before: (p) => p.route('**/assets/map.bin', async (route) => {
      const response = await route.fetch();
      const body = (await response.body()).subarray(0, 5000);
      await route.fulfill({ response, body });
    }),
  });
  const s = await waitReady(page);
  assert.match(await page.locator('#notices').innerText(), /base map could not be read \(map\.bin: /);
  assert.ok(s.status.train.available);
  // The routes are drawn over the bare sea: the journey's colour at its first stop and along the map.
  await page.evaluate(() => window.explainer.setState({ trip: '2019-02-hanoi', mode: 'train', placeLabels: false }));
  await page.evaluate(() => window.explainer.setState({ time: window.explainer.getState().status.endHours }));
  await waitLanded(page);
  const pixels = await canvasPixels(page, 'failure-truncated-map');
  const home = tripStops('2019-02-hanoi')[0];
  const p = await page.evaluate(([la, lo]) => window.explainer.project(la, lo), [home.lat, home.lon]);
  assert.ok(countAround(pixels, p.x, p.y, 8, (c) => near(c, REAL_RGB, 40)) >= 6, `no route at ${home.id}`);
  const red = countAround(pixels, pixels.width / 2, pixels.height / 2, pixels.height / 2 - 1, (c) => near(c, REAL_RGB, 40));
  assert.ok(red > 300, `the route is not drawn (${red} pixels of its colour)`);
  await close();
});

test("the base map's far part missing: said on the page, the near part and the routes still drawn", async () => {
  const { page, close } = await openPage(browser, server.url, {
    before: (p) => p.route('**/assets/map-far.bin', (route) => route.fulfill({ status: 404, body: 'gone' })),
    serviceWorkers: 'block',  // asked for late: through the offline copy, past the route, once it has taken over
  });
  const s = await waitReady(page);
  assert.equal(s.status.mapFar, 'absent');  // the first view needs only the near part
  await page.evaluate(() => window.explainer.setState({ trip: '2018-06-singapore', mode: 'plane', placeLabels: false }));
  await page.evaluate(() => window.explainer.setState({ time: window.explainer.getState().status.endHours }));
  await waitLanded(page);
  await page.waitForFunction(() => window.explainer.getState().status.mapFar === 'failed');
  assert.match(await page.locator('#notices').innerText(),
    /far part of the base map \(assets\/map-far\.bin\) could not be loaded \(HTTP 404 for assets\/map-far\.bin\), so land beyond/);
  await waitFrames(page, 2);
  const pixels = await canvasPixels(page, 'failure-far-map-missing');
  // Korea is in the near part: land at Pyongyang; Singapore's island is not, so sea; the route is drawn.
  const land = (c) => !near(c, [203, 220, 233], 12) && !near(c, REAL_RGB, 60);
  const at = async (la, lo) => page.evaluate(([a, b]) => window.explainer.project(a, b), [la, lo]);
  const pyongyang = await at(39.02, 125.74);
  assert.ok(countAround(pixels, pyongyang.x, pyongyang.y, 6, land) > 20, 'no land at Pyongyang');
  const kl = await at(3.14, 101.69);  // Kuala Lumpur: far part only
  assert.ok(countAround(pixels, kl.x, kl.y, 6, land) === 0, 'land drawn where only the far part has it');
  const red = countAround(pixels, pixels.width / 2, pixels.height / 2, pixels.height / 2 - 1, (c) => near(c, REAL_RGB, 40));
  assert.ok(red > 300, `the route is not drawn (${red} pixels of its colour)`);
  await close();
});

test("a damaged far part of the base map: named as itself on the page, the near part still drawn", async () => {
  const { page, close } = await openPage(browser, server.url, {
    before: (p) => p.route('**/assets/map-far.bin', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.body()).subarray(0, 5000) });
    }),
    serviceWorkers: 'block',  // as above
  });
  await waitReady(page);
  await page.evaluate(() => window.explainer.setState({ trip: '2019-02-hanoi', placeLabels: false }));
  await waitLanded(page);
  await page.waitForFunction(() => window.explainer.getState().status.mapFar === 'failed');
  assert.match(await page.locator('#notices').innerText(),
    /far part of the base map \(assets\/map-far\.bin\) could not be loaded \(map-far\.bin: truncated/);
  assert.ok(distinctColours(await canvasPixels(page, 'failure-far-map-damaged')) > 8, 'the page does not draw');
  await close();
});

test('200 random resizes and pixel-ratio changes in a row: still drawing, layout sane', async () => {
  const { page, problems, close } = await openPage(browser, server.url, { width: 800, height: 600 });
  await waitReady(page);
  const cdp = await page.context().newCDPSession(page);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let last;
  const sent = [];
  for (let i = 0; i < 200; i++) {  // back to back, as fast as the protocol takes them
    last = { width: 320 + Math.floor(random() * 1600), height: 480 + Math.floor(random() * 700), deviceScaleFactor: [1, 1.5, 2, 3][Math.floor(random() * 4)] };
    sent.push(cdp.send('Emulation.setDeviceMetricsOverride', { ...last, mobile: false }));
    if (i % 20 === 19) await page.evaluate(() => new Promise(requestAnimationFrame));  // now and then a frame in between
  }
  await Promise.all(sent);
  await waitFrames(page, 5);
  const s = await page.evaluate(() => window.explainer.getState());
  assert.equal(s.status.canvas.cssWidth, last.width);
  assert.equal(s.status.canvas.cssHeight, last.height);
  assert.equal(s.status.canvas.pixelRatio, last.deviceScaleFactor);
  for (const id of ['play', 'mode:train', 'sidebar']) {
    const r = await page.evaluate((n) => window.explainer.locate(n), id);
    assert.ok(r && r.x >= 0 && r.y >= 0 && r.x + r.width <= last.width + 1 && r.y + r.height <= last.height + 1, `${id}: ${JSON.stringify(r)}`);
  }
  assert.ok(distinctColours(await canvasPixels(page, 'failure-after-200-resizes')) > 8);
  assert.deepEqual(problems, []);
  await close();
});

test('a hidden tab stops the clock and it resumes where it was', async () => {
  const { page, close } = await openPage(browser, server.url);
  await waitReady(page);
  await page.evaluate(() => window.explainer.setState({ trip: '2019-02-hanoi', playing: true, speed: 1 }));
  await page.waitForFunction(() => window.explainer.getState().time > 0.2);
  // What the browser says when the reader switches tabs (headless Chromium never hides its only tab).
  const setHidden = (hidden) => page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  const before = await page.evaluate(() => window.explainer.getState().time);
  const beforeAt = Date.now();
  await setHidden(true);
  const frozenAt = Date.now();
  // Fixed waits on purpose: what is tested is that wall-clock time passing while hidden does not count, and
  // that no frame is drawn meanwhile; there is no event to wait on for either.
  await new Promise((r) => setTimeout(r, 3000));
  const framesHidden = await page.evaluate(() => window.explainer.getState().status.framesDrawn);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await page.evaluate(() => window.explainer.getState().status.framesDrawn), framesHidden, 'still drawing while hidden');
  await setHidden(false);
  const resumedAt = Date.now();
  const t0 = await page.evaluate(() => window.explainer.getState().time);
  const t0At = Date.now();
  // Speed 1 is one journey hour per second. Awake time only (before the freeze, after the resume), plus one
  // capped frame step (0.1 h) each side; the 3 s hidden must not count.
  const awakeHours = (frozenAt - beforeAt + t0At - resumedAt) / 1000;
  assert.ok(t0 - before <= awakeHours + 0.2, `the clock jumped by ${t0 - before} h for ${awakeHours} s awake`);
  await waitFrames(page, 3);
  const t1 = await page.evaluate(() => window.explainer.getState().time);
  assert.ok(t1 > t0, 'the clock did not resume');
  await close();
});
