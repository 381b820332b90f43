// Bad conditions get a clear message on the page and the rest keeps working.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasPixels, distinctColours, launchBrowser, openPage, serveDist, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.close(); });

test('without WebGL2 the page says so and ready rejects', async () => {
  const { page, problems, close } = await openPage(browser, server.url, {
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
  const { page, close } = await openPage(browser, server.url, {
    before: (p) => p.route('**/NotoSans-Bold.ttf', (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  await waitReady(page);
  assert.match(await page.locator('#notices').innerText(), /Could not load font-bold: HTTP 404/);
  const state = await page.evaluate(() => window.explainer.getState());
  assert.ok(state.status.messages.some((m) => m.includes('font-bold')), 'message missing from getState()');
  assert.ok(distinctColours(await canvasPixels(page, 'failure-missing-font')) > 8);
  await close();
});

test('garbage from the server instead of wasm: a clear message, no hang', async () => {
  const { page, close } = await openPage(browser, server.url, {
    before: (p) => p.route('**/journeys.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm' })),
  });
  const outcome = await page.evaluate(() => window.explainer.ready.then(() => 'resolved', (e) => e.message));
  assert.match(outcome, /stopped unexpectedly|Could not start/);
  assert.match(await page.locator('#notices').innerText(), /stopped unexpectedly|Could not start/);
  await close();
});
