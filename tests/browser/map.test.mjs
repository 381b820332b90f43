// The map is geographically right, not only non-blank: known places project onto land-coloured pixels and
// known seas onto sea-coloured ones, at two zoom levels and two pixel ratios. And it survives a lost context.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasPixels, distinctColours, launchBrowser, openPage, serveDist, waitFrames, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.close(); });

const LAND = [['Pyongyang', 39.0194, 125.7381], ['Beijing', 39.9042, 116.4074], ['Vladivostok', 43.1155, 131.8855]];
const SEA = [['Yellow Sea', 36.0, 123.5], ['Sea of Japan', 40.0, 134.0], ['South China Sea', 15.0, 114.0]];
const SEA_RGB = [203, 220, 233];
const LAND_RGB = [[233, 211, 176], [244, 240, 230], [236, 234, 228]];  // North Korea, route countries, others

const near = (c, ref, tol = 14) => Math.abs(c[0] - ref[0]) <= tol && Math.abs(c[1] - ref[1]) <= tol && Math.abs(c[2] - ref[2]) <= tol;

// Classifies the neighbourhood of a pixel by majority, so a route line, a stop dot or a label on top of the
// exact point does not decide it.
function classify(pixels, x, y, radius, coastal = false) {
  let land = 0, sea = 0;
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const c = pixels.at(x + dx, y + dy);
      if (near(c, SEA_RGB)) sea++;
      else if (LAND_RGB.some((ref) => near(c, ref))) land++;
    }
  }
  // A coastal city seen from far out (Vladivostok at 2 km a pixel) only has to touch land.
  if (coastal && land > 0) return 'land';
  if (land > 2 * sea && land >= Math.max(1, radius * radius)) return 'land';
  if (sea > 2 * land && sea >= Math.max(1, radius * radius)) return 'sea';
  return `unclear (land ${land}, sea ${sea})`;
}

for (const pixelRatio of [1, 2]) {
  // -1: the whole Korean peninsula and Beijing on one screen (2 km per pixel); 1.5: a city's surroundings.
  // (Further out, at -2, the 1:50m coast puts Vladivostok's exact point on the shoreline: too coarse to test.)
  for (const zoom of [-1, 1.5]) {
    test(`places fall on land and seas on sea at zoom ${zoom}, pixel ratio ${pixelRatio}`, async () => {
      const { page, problems, close } = await openPage(browser, server.url, { width: 900, height: 640, pixelRatio });
      await waitReady(page);
      // The Singapore flight, landed: its icon is far from every point checked, its line crosses none of them.
      await page.evaluate(() => window.explainer.setState({
        sidebarOpen: false, placeLabels: false, trip: '2018-06-singapore', mode: 'plane', time: 100 }));
      for (const [name, lat, lon, expected] of [...LAND.map((p) => [...p, 'land']), ...SEA.map((p) => [...p, 'sea'])]) {
        await page.evaluate(([lat, lon, zoom]) => window.explainer.setState({ view: { lat, lon, zoom } }), [lat, lon, zoom]);
        await waitFrames(page, 2);
        const p = await page.evaluate(([lat, lon]) => window.explainer.project(lat, lon), [lat, lon]);
        assert.ok(p.x > 0 && p.y > 0 && p.x < 900 && p.y < 640, `${name} is off screen at ${JSON.stringify(p)}`);
        const slug = name.toLowerCase().replace(/ /g, '-');
        const pixels = await canvasPixels(page, `map-${slug}-z${zoom}-x${pixelRatio}`);
        // Far out a few pixels are many km and Vladivostok is on the tip of a narrow peninsula: there, a land
        // point passes if land is within two pixels, while a sea point still needs sea all around it.
        const far = zoom < 0;
        const verdict = classify(pixels, p.x * pixelRatio, p.y * pixelRatio, (far ? 2 : 10) * pixelRatio, far && expected === 'land');
        assert.equal(verdict, expected, `${name} (${lat}, ${lon}) at zoom ${zoom} ×${pixelRatio}`);
      }
      assert.deepEqual(problems, []);
      await close();
    });
  }
}

test('a lost WebGL context is restored: drawing resumes and the state is kept', async () => {
  const { page, problems, close } = await openPage(browser, server.url, { width: 900, height: 640 });
  await waitReady(page);
  await page.evaluate(() => window.explainer.setState({ trip: '2019-02-hanoi', mode: 'both', time: 20 }));
  await waitFrames(page, 3);
  const beforeLoss = await canvasPixels(page);
  await page.evaluate(() => {
    window.__lose = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    window.__lose.loseContext();
  });
  await page.waitForTimeout(300);
  assert.match(await page.locator('#notices').innerText(), /graphics context was lost/);
  await page.evaluate(() => window.__lose.restoreContext());
  await page.waitForFunction(() => window.explainer.getState().status.messages.some((m) => m.includes('is back')));
  await waitFrames(page, 5);
  const state = await page.evaluate(() => window.explainer.getState());
  assert.equal(state.trip, '2019-02-hanoi');
  assert.equal(state.mode, 'both');
  assert.equal(state.time, 20);
  const afterRestore = await canvasPixels(page, 'map-context-restored');
  assert.ok(distinctColours(afterRestore) > 8, 'blank after restore');
  assert.ok(Math.abs(distinctColours(afterRestore) - distinctColours(beforeLoss)) < 40, 'the map did not come back as it was');
  assert.deepEqual(problems, []);
  await close();
});
