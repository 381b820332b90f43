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

// With software GL (SwiftShader, here) every picture handed to the browser is read back on the page's main thread,
// a task of 80-150 ms: the frames ImGui needs to settle after a change are composed, and drawn only when their
// picture differs from the one on the canvas (src/app/main.cpp picture_key).
test('the settling frames after the start and after a change draw only pictures that differ', async () => {
  const { page, problems, close } = await openPage(browser, server.url);
  await waitReady(page);
  await waitFrames(page, 10);  // the start's settling frames are over (App::Frames::kSettleMs)
  const status = () => page.evaluate(() => window.explainer.getState().status);
  const settled = await status();
  assert.ok(settled.framesComposed >= 4, `${settled.framesComposed} frames composed`);
  assert.ok(settled.framesDrawn <= 2, `the start drew ${settled.framesDrawn} frames for ${settled.framesComposed} composed: the settling frames were drawn`);
  // The same view set again: composed (a change was asked for), nothing new drawn.
  await page.evaluate(() => window.explainer.setState({ view: window.explainer.getState().view }));
  await waitFrames(page, 10);
  const same = await status();
  assert.ok(same.framesComposed > settled.framesComposed, 'setState composed no frame');
  assert.equal(same.framesDrawn, settled.framesDrawn, 'the same picture was drawn again');
  // A real change is drawn, once it settles no more.
  const before = await canvasPixels(page);
  await page.evaluate(() => window.explainer.setState({ sidebarOpen: false }));
  await waitFrames(page, 10);
  const changed = await status();
  assert.ok(changed.framesDrawn > same.framesDrawn, 'hiding the panel drew no frame');
  assert.ok(meanDifference(before, await canvasPixels(page)) > 1, 'hiding the panel did not change the canvas');
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
