// A reader's session: pick a trip in the sidebar, switch modes, play to the end, scrub back, change speed, use
// the keys. Real mouse and keyboard events on the canvas; the state is checked through the page API after
// each step, and each step leaves a screenshot.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import {
  REAL_RGB, SEA_RGB, WHAT_IF_RGB, canvasPixels, countAround, isLand, launchBrowser, meanDifference, near, openPage,
  serveDist, tripStops, waitFrames, waitLanded, waitReady,
} from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.close(); });

const state = (page) => page.evaluate(() => window.explainer.getState());

// Clicks the middle of a control of the canvas UI, found by name through explainer.locate().
async function click(page, id, { fx = 0.5 } = {}) {
  await page.waitForFunction((name) => window.explainer.locate(name) !== null, id, { timeout: 10000 });
  const r = await page.evaluate((name) => window.explainer.locate(name), id);
  await page.mouse.click(r.x + r.width * fx, r.y + r.height / 2);
  await waitFrames(page, 3);
}

test('a reader picks a trip, races train and plane to the end, scrubs back and changes speed', async () => {
  const { page, problems, close } = await openPage(browser, server.url, { width: 1280, height: 800 });
  await waitReady(page);
  let s = await state(page);
  assert.equal(s.trip, '2025-09-beijing', 'opens on the latest journey');
  assert.equal(s.mode, 'train');

  await click(page, 'trip:2019-02-hanoi');
  s = await state(page);
  assert.equal(s.trip, '2019-02-hanoi');
  assert.equal(s.time, 0);
  assert.equal(s.mode, 'train', 'a train trip opens on the train');
  await canvasPixels(page, 'reader-1-hanoi-selected');

  await click(page, 'mode:both');
  assert.equal((await state(page)).mode, 'both');
  await click(page, 'speed');
  await click(page, 'speed:16');
  assert.equal((await state(page)).speed, 16);
  await click(page, 'play');
  assert.equal((await state(page)).playing, true);

  // At 16 journey hours a second the 3-hour flight lands first; the train is still on its way.
  await page.waitForFunction(() => { const st = window.explainer.getState().status; return st.plane.arrived; });
  s = await state(page);
  assert.equal(s.status.train.arrived, false, 'the train arrived with the plane');
  assert.equal(s.status.train.vehicle, 'train');
  assert.equal(s.status.plane.vehicle, 'plane');
  await canvasPixels(page, 'reader-2-hanoi-plane-landed');

  await page.waitForFunction(() => !window.explainer.getState().playing, null, { timeout: 60000 });
  s = await state(page);
  assert.equal(s.time, s.status.endHours, 'the clock stops exactly at the end');
  assert.ok(s.status.train.arrived && s.status.plane.arrived);
  assert.equal(s.status.train.stopsPassed, s.status.train.stopCount);
  assert.equal(s.status.train.vehicle, 'car', 'the last leg, from Dong Dang to Hanoi, was driven');
  assert.ok(s.status.train.durationHours > 10 * s.status.plane.durationHours, 'the train takes far longer');
  await canvasPixels(page, 'reader-3-hanoi-both-arrived');

  // Scrub back to about a quarter of the journey: the grab lands where the reader clicked.
  await click(page, 'scrubber', { fx: 0.25 });
  s = await state(page);
  assert.ok(s.time > 0.15 * s.status.endHours && s.time < 0.35 * s.status.endHours, `time ${s.time} of ${s.status.endHours}`);
  assert.equal(s.status.train.arrived, false);
  await canvasPixels(page, 'reader-4-hanoi-scrubbed');

  await click(page, 'speed');
  await click(page, 'speed:0.25');
  assert.equal((await state(page)).speed, 0.25);
  assert.deepEqual(problems, []);
  await close();
});

test('the keys: play/pause, step, start and end, trip numbers, modes, help', async () => {
  const { page, problems, close } = await openPage(browser, server.url, { width: 1280, height: 800 });
  await waitReady(page);
  await page.mouse.click(900, 300);  // on the map: gives the canvas the keyboard
  const press = async (key) => { await page.keyboard.press(key); await waitFrames(page, 2); };

  await press('1');
  let s = await state(page);
  assert.equal(s.trip, '2018-03-beijing');
  await press('End');
  s = await state(page);
  assert.equal(s.time, s.status.endHours);
  await press('ArrowLeft');
  s = await state(page);
  assert.ok(Math.abs(s.time - 0.95 * s.status.endHours) < 1e-6, `one step back is a twentieth: ${s.time}`);
  await press('Home');
  assert.equal((await state(page)).time, 0);
  await press('ArrowRight');
  assert.ok((await state(page)).time > 0);
  await press('Space');
  assert.equal((await state(page)).playing, true);
  await press('Space');
  assert.equal((await state(page)).playing, false);
  await press('p');
  assert.equal((await state(page)).mode, 'plane');
  await press('b');
  assert.equal((await state(page)).mode, 'both');
  await press('t');
  assert.equal((await state(page)).mode, 'train');
  await press('3');  // Singapore: no rail link, so "t" and "b" cannot apply
  s = await state(page);
  assert.equal(s.trip, '2018-06-singapore');
  assert.equal(s.mode, 'plane');
  assert.equal(s.status.train.available, false);
  await press('b');
  assert.equal((await state(page)).mode, 'plane', 'both cannot be chosen without a train');
  // The help overlay: drawn over the middle of the free map area (right of the trips panel, above the controls),
  // and gone again on a second press.
  await waitLanded(page);
  const row = await page.evaluate(() => window.explainer.locate('trip:2018-06-singapore'));  // a row of the open panel
  const controlsTop = (await page.evaluate(() => window.explainer.locate('mode:train'))).y;
  const cx = Math.round(((row ? row.x + row.width : 0) + 1024) / 2), cy = Math.round(controlsTop / 2);
  // A region inside the panel itself (it is about 380 × 250 px here), so all of it changes when the panel opens.
  const middle = (px) => ({ width: 240, height: 120, data: Uint8Array.from({ length: 240 * 120 * 4 }, (_, i) => {
    const p = i >> 2, x = cx - 120 + (p % 240), y = cy - 60 + Math.floor(p / 240);
    return px.data[(y * px.width + x) * 4 + (i & 3)];
  }) });
  const closed = middle(await canvasPixels(page));
  await press('Shift+Slash');
  const open = middle(await canvasPixels(page, 'keys-help-open'));
  assert.ok(meanDifference(closed, open) > 20, `the help did not open over the map (${meanDifference(closed, open)})`);
  await press('Shift+Slash');
  const closedAgain = middle(await canvasPixels(page));
  assert.ok(meanDifference(closed, closedAgain) < 1, `the help did not close (${meanDifference(closed, closedAgain)})`);
  assert.deepEqual(problems, []);
  await close();
});

test('the filter lists only the trips made by plane; a missing alternative says why', async () => {
  const { page, problems, close } = await openPage(browser, server.url, { width: 1280, height: 800 });
  await waitReady(page);
  await click(page, 'filter:plane');
  assert.equal((await state(page)).filter, 'plane');
  assert.equal(await page.evaluate(() => window.explainer.locate('trip:2019-02-hanoi')), null);
  await click(page, 'trip:2018-06-singapore');
  assert.equal((await state(page)).mode, 'plane');
  await click(page, 'mode:train');  // disabled: nothing happens
  assert.equal((await state(page)).mode, 'plane');
  await canvasPixels(page, 'filter-plane-singapore');
  assert.deepEqual(problems, []);
  await close();
});

test('every trip in both modes at half-time: the route from home is drawn in its colour, the what-if in the other', async () => {
  // Reduced motion: the camera cuts to each trip instead of flying (the picture it lands on is the same; the flights
  // are tested above and only cost time here).
  const { page, problems, close } = await openPage(browser, server.url, {
    width: 1280, height: 800, before: (p) => p.emulateMedia({ reducedMotion: 'reduce' }),
  });
  await waitReady(page);
  await page.evaluate(() => window.explainer.setState({ sidebarOpen: false, placeLabels: false }));
  const ids = ['2018-03-beijing', '2018-05-dalian', '2018-06-singapore', '2018-06-beijing', '2019-01-beijing',
    '2019-02-hanoi', '2019-04-vladivostok', '2023-09-russia', '2025-09-beijing'];
  for (const trip of ids) {
    await page.evaluate((t) => window.explainer.setState({ trip: t, mode: 'both' }), trip).catch(() =>
      page.evaluate((t) => window.explainer.setState({ trip: t }), trip));
    await waitFrames(page, 2);
    const end = (await state(page)).status.endHours;
    await page.evaluate((t) => window.explainer.setState({ time: t }), end / 2);
    await waitLanded(page);
    const s = await state(page);
    assert.equal(s.trip, trip);
    assert.equal(s.time, end / 2);
    assert.equal(s.mode, trip === '2018-06-singapore' ? 'plane' : 'both');
    const pixels = await canvasPixels(page, `trip-${trip}-both-half`);
    // Half-way, the journey he made is drawn solid from where it set out; the what-if (dashed, blue) too.
    const home = tripStops(trip)[0];
    const p = await page.evaluate(([lat, lon]) => window.explainer.project(lat, lon), [home.lat, home.lon]);
    const red = countAround(pixels, p.x, p.y, 14, (c) => near(c, REAL_RGB, 40));
    assert.ok(red >= 6, `${trip}: ${red} route-coloured pixels at ${home.id} (${Math.round(p.x)}, ${Math.round(p.y)})`);
    if (s.mode === 'both') {
      const blue = countAround(pixels, pixels.width / 2, pixels.height / 2, Math.min(pixels.width, pixels.height) / 2 - 1,
        (c) => near(c, WHAT_IF_RGB, 40));
      assert.ok(blue >= 30, `${trip}: the what-if is not drawn (${blue} blue pixels)`);
    }
  }
  assert.deepEqual(problems, []);
  await close();
});

test('layout: a 320×560 phone at pixel ratio 3 and a 4K projector both show every control, sized to be read', async () => {
  const heights = {}, creditPx = {};
  for (const [width, height, pixelRatio, name] of [[320, 560, 3, 'phone'], [3840, 2160, 1, 'projector-4k']]) {
    const { page, problems, close } = await openPage(browser, server.url, { width, height, pixelRatio });
    await waitReady(page);
    await page.evaluate(() => window.explainer.setState({ trip: '2019-02-hanoi', mode: 'both', time: 30 }));
    await waitFrames(page, 3);
    for (const id of ['mode:train', 'mode:plane', 'mode:both', 'play', 'restart', 'scrubber', 'speed', 'sidebar']) {
      const r = await page.evaluate((n) => window.explainer.locate(n), id);
      assert.ok(r, `${name}: ${id} is not drawn`);
      assert.ok(r.x >= 0 && r.y >= 0 && r.x + r.width <= width + 0.5 && r.y + r.height <= height + 0.5,
        `${name}: ${id} is off screen: ${JSON.stringify(r)}`);
    }
    heights[name] = (await page.evaluate(() => window.explainer.locate('play'))).height;
    creditPx[name] = await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById('credit')).fontSize));
    assert.equal((await state(page)).sidebarOpen, name !== 'phone', 'a phone opens on the map, trips folded');
    await waitLanded(page);
    const pixels = await canvasPixels(page, `layout-${name}`);
    assert.equal(pixels.width, width * pixelRatio);
    assert.deepEqual(problems, []);
    await close();
  }
  assert.ok(heights['projector-4k'] >= 1.9 * heights.phone, `type does not grow for a projector: ${JSON.stringify(heights)}`);
  assert.ok(creditPx['projector-4k'] >= 1.9 * creditPx.phone, `the map credit does not grow with the UI: ${JSON.stringify(creditPx)}`);
});

// The saved slide, decoded: a caption band across the top (one background colour with text on it), the map below
// it, Pyongyang on land where the slide's camera puts it, the journey's colour at every stop of the trip asked
// for, the what-if drawn too. A flipped or blank image, or another trip's, fails.
function checkSlide(png, pyongyang, stopsAt, stops) {
  const at = (x, y) => { const i = (Math.round(y) * png.width + Math.round(x)) * 4; return [png.data[i], png.data[i + 1], png.data[i + 2]]; };
  const pixels = { width: png.width, height: png.height, data: png.data, at };
  const rowShare = (y, test) => { let n = 0; for (let x = 0; x < png.width; x++) if (test(at(x, y))) n++; return n / png.width; };
  const bg = at(png.width - 3, 3);
  const isBg = (c) => near(c, bg, 6);
  assert.ok(!near(bg, SEA_RGB) && !isLand(bg), `the top row is map, not a caption: ${bg}`);
  assert.ok(rowShare(2, isBg) > 0.98, 'the caption band does not span the top');
  // Ink in the caption's rows (those still mostly caption colour: the band's height follows the type size).
  let ink = 0;
  for (let y = 4; y < png.height / 3 && rowShare(y, isBg) > 0.5; y++) ink += rowShare(y, (c) => !isBg(c)) * png.width;
  assert.ok(ink > 500, `no caption text in the band (${ink} pixels)`);
  const mapRow = rowShare(png.height - 3, (c) => near(c, SEA_RGB) || isLand(c));
  assert.ok(mapRow > 0.9, `the bottom row is not map (${mapRow}): flipped?`);
  assert.ok(pyongyang.y > 120, `Pyongyang is under the caption: ${JSON.stringify(pyongyang)}`);
  const land = countAround(pixels, pyongyang.x, pyongyang.y, 12, isLand);
  const sea = countAround(pixels, pyongyang.x, pyongyang.y, 12, (c) => near(c, SEA_RGB));
  assert.ok(land > 60 && land > 3 * sea, `Pyongyang is not on land in the image (land ${land}, sea ${sea})`);
  // Every stop but the last, where both vehicles have arrived and their icons cover it.
  stopsAt.slice(0, -1).forEach((p, i) => {
    const red = countAround(pixels, p.x, p.y, 6, (c) => near(c, REAL_RGB, 40));
    assert.ok(red >= 3, `no route colour at stop ${stops[i].id} (${Math.round(p.x)}, ${Math.round(p.y)}): ${red}`);
  });
  const blue = countAround(pixels, 960, 540, 539, (c) => near(c, WHAT_IF_RGB, 40));
  assert.ok(blue > 200, `the what-if is not on the slide (${blue} pixels)`);
}

test('present it: classroom keys step through the trips and play each; Save image writes a 1920×1080 PNG', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#classroom&trip=2018-03-beijing&speed=0.25', { width: 1280, height: 800, acceptDownloads: true });
  await waitReady(page);
  assert.equal((await state(page)).sidebarOpen, false, 'classroom opens on the map');
  await page.mouse.click(700, 300);
  await page.keyboard.press('PageDown');
  await waitFrames(page, 2);
  let s = await state(page);
  assert.equal(s.trip, '2018-05-dalian');
  // At a quarter of a journey hour a second the 40-minute flight takes 2.7 s: it is under way.
  assert.equal(s.playing, true, 'the next trip does not play');
  assert.equal(s.mode, 'plane');
  assert.equal(s.speed, 0.25);
  assert.ok(s.time < s.status.endHours, `the flight is over already: ${s.time} of ${s.status.endHours}`);
  await page.waitForFunction(() => window.explainer.getState().time > 0);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await waitFrames(page, 2);
  assert.equal((await state(page)).trip, '2025-09-beijing', 'Page Up from the first trip wraps to the last');
  await canvasPixels(page, 'present-classroom');

  await page.evaluate(() => window.explainer.setState({ sidebarOpen: true, trip: '2019-02-hanoi', mode: 'both', playing: false }));
  await page.evaluate(() => window.explainer.setState({ time: window.explainer.getState().status.endHours }));
  // The camera flies to the trip first: wait until it has landed.
  await waitLanded(page);
  const viewBefore = (await state(page)).view;
  // The app hands the slide's pixels to the page while it still holds the slide's camera (the image is drawn
  // off-screen at 1920×1080 CSS px, src/app/composition.cpp; the page then encodes the PNG): record where Pyongyang
  // and the stops fall on the slide at that moment (the page wrapping the pixels in an ImageData).
  const stops = tripStops('2019-02-hanoi');
  await page.evaluate((points) => {
    const Original = window.ImageData;
    window.ImageData = class extends Original {
      constructor(...args) {
        super(...args);
        window.ImageData = Original;
        window.__slide = { state: window.explainer.getState(), at: points.map(([lat, lon]) => window.explainer.project(lat, lon)) };
      }
    };
  }, [[39.0194, 125.7381], ...stops.map((p) => [p.lat, p.lon])]);
  const downloading = page.waitForEvent('download', { timeout: 60000 });
  await click(page, 'save-image');
  const download = await downloading;
  await waitFrames(page, 3);
  assert.deepEqual((await state(page)).view, viewBefore, 'the slide is framed for itself; the reader keeps their view');
  assert.equal(download.suggestedFilename(), 'journeys-2019-02-hanoi.png');
  const file = await download.path();
  fs.copyFileSync(file, `${process.env.JOURNEYS_SCREENSHOTS || 'tests/screenshots'}/present-saved-image.png`);
  const png = PNG.sync.read(fs.readFileSync(file));
  assert.equal(png.width, 1920);
  assert.equal(png.height, 1080);
  const slide = await page.evaluate(() => window.__slide);
  assert.equal(slide.state.trip, '2019-02-hanoi', 'the image is of another trip');
  assert.equal(slide.state.mode, 'both');
  checkSlide(png, slide.at[0], slide.at.slice(1), stops);
  await waitFrames(page, 3);
  assert.equal((await state(page)).status.canvas.cssWidth, 1280, 'the canvas did not come back to its size');
  assert.deepEqual(problems, []);
  await close();
});

test('a host\'s actions take effect at once: a trip picked and sent to its end in one go ends at its own end, and getState never pairs a trip with another\'s length', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#trip=2018-06-singapore', { width: 1280, height: 800 });
  await waitReady(page);
  const ends = {};
  for (const trip of ['2019-02-hanoi', '2018-06-singapore', '2025-09-beijing']) {
    await page.evaluate((id) => window.explainer.setState({ trip: id }), trip);
    await waitFrames(page, 2);
    ends[trip] = (await state(page)).status.endHours;
  }
  assert.notEqual(ends['2019-02-hanoi'], ends['2025-09-beijing'], 'the test needs trips of different lengths');
  for (const [from, to] of [['2025-09-beijing', '2019-02-hanoi'], ['2019-02-hanoi', '2025-09-beijing']]) {
    await page.evaluate((id) => window.explainer.command({ do: 'selectTrip', trip: id }), from);
    await waitFrames(page, 2);
    // In one task, between two frames: the command's answer, a setState and a seek to the end.
    const seen = await page.evaluate((id) => {
      const picked = window.explainer.command({ do: 'selectTrip', trip: id });
      const ended = window.explainer.command({ do: 'toEnd' });
      const set = window.explainer.setState({ time: 0 });
      return { picked: picked.status.endHours, ended: ended.time, set: set.status.endHours };
    }, to);
    assert.deepEqual(seen, { picked: ends[to], ended: ends[to], set: ends[to] }, `${from} → ${to}`);
  }
  assert.deepEqual(problems, []);
  await close();
});
