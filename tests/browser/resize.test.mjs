// The canvas follows the page's size and pixel ratio and keeps drawing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasPixels, distinctColours, launchBrowser, openPage, serveDist, waitFrames, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.close(); });

for (const pixelRatio of [1, 2]) {
  test(`a resize keeps it drawing at pixel ratio ${pixelRatio}`, async () => {
    const { page, problems, close } = await openPage(browser, server.url, { width: 1024, height: 700, pixelRatio });
    let state = await waitReady(page);
    assert.equal(state.status.canvas.cssWidth, 1024);
    assert.equal(state.status.canvas.pixelWidth, 1024 * pixelRatio, 'drawing buffer is not at device resolution');

    await page.setViewportSize({ width: 420, height: 760 });  // a phone, upright
    await waitFrames(page, 5);
    state = await page.evaluate(() => window.explainer.getState());
    assert.equal(state.status.canvas.cssWidth, 420);
    assert.equal(state.status.canvas.cssHeight, 760);
    assert.equal(state.status.canvas.pixelHeight, 760 * pixelRatio);

    const pixels = await canvasPixels(page, `resize-420x760-x${pixelRatio}`);
    assert.equal(pixels.width, 420 * pixelRatio);
    assert.ok(distinctColours(pixels) > 8, 'canvas blank after resize');
    assert.deepEqual(problems, []);
    await close();
  });
}
