// The page loads in a real browser, draws, and answers through window.explainer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasPixels, distinctColours, launchBrowser, meanDifference, openPage, serveDist, waitFrames, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.close(); });

test('loads with no console errors, resolves ready and draws a non-blank canvas', async () => {
  const { page, problems, close } = await openPage(browser, server.url);
  const state = await waitReady(page);
  assert.ok(state.status.framesDrawn >= 1, 'ready resolved before the first frame');
  await waitFrames(page, 3);
  assert.equal(await page.locator('#loading').isHidden(), true, 'the loading indicator is gone');

  const pixels = await canvasPixels(page, 'load-1024x700');
  assert.equal(pixels.width, 1024);
  assert.ok(distinctColours(pixels) > 8, `canvas looks blank: ${distinctColours(pixels)} colours`);
  assert.deepEqual(problems, []);
  await close();
});

test('setState changes what is drawn; getState reports it; bad input throws and changes nothing', async () => {
  const { page, problems, close } = await openPage(browser, server.url);
  await waitReady(page);
  assert.equal((await page.evaluate(() => window.explainer.getState())).sidebarOpen, true);
  const withPanel = await canvasPixels(page);

  const next = await page.evaluate(() => window.explainer.setState({ sidebarOpen: false }));
  assert.equal(next.sidebarOpen, false);
  await waitFrames(page, 3);
  const withoutPanel = await canvasPixels(page, 'load-panel-hidden');
  assert.ok(meanDifference(withPanel, withoutPanel) > 1, 'hiding the panel did not change the canvas');

  const error = await page.evaluate(() => {
    try { window.explainer.setState({ sidebarOpen: 'yes', nonsense: 1 }); return null; } catch (e) { return e.message; }
  });
  assert.match(error, /sidebarOpen must be true or false/);
  assert.match(error, /unknown key "nonsense"/);
  assert.equal((await page.evaluate(() => window.explainer.getState())).sidebarOpen, false);
  assert.deepEqual(problems, []);
  await close();
});
