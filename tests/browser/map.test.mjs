// The map is geographically right, not only non-blank: known places project onto land-coloured pixels and
// known seas onto sea-coloured ones, at two zoom levels and two pixel ratios, from North-East Asia to South-East
// Asia and the Russian Far East. And it survives a lost context, drawn again exactly as it was.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  canvasPixels, classify, countAround, DIST, distinctColours, launchBrowser, meanDifference, near, openPage, REAL_RGB, serveDist,
  tripStops, waitFrames, waitLanded, waitReady,
} from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.close(); });

// [name, lat, lon, coastal]: only Vladivostok, on the tip of a narrow peninsula, is allowed the loose rule.
const LAND = [['Pyongyang', 39.0194, 125.7381], ['Beijing', 39.9042, 116.4074], ['Vladivostok', 43.1155, 131.8855, true],
  ['Hanoi', 21.0278, 105.8342], ['Luang Prabang', 19.8856, 102.1347], ['Khabarovsk', 48.4802, 135.0719],
  ['Amur oblast, inland', 51.0, 129.5]];
const SEA = [['Yellow Sea', 36.0, 123.5], ['Sea of Japan', 40.0, 134.0], ['South China Sea', 15.0, 114.0],
  ['Gulf of Tonkin', 20.0, 107.6], ['Sea of Okhotsk', 55.0, 148.0]];

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
      for (const [name, lat, lon, coastal, expected] of [...LAND.map(([n, la, lo, c]) => [n, la, lo, !!c, 'land']),
        ...SEA.map(([n, la, lo]) => [n, la, lo, false, 'sea'])]) {
        await page.evaluate(([lat, lon, zoom]) => window.explainer.setState({ view: { lat, lon, zoom } }), [lat, lon, zoom]);
        await waitFrames(page, 2);
        const p = await page.evaluate(([lat, lon]) => window.explainer.project(lat, lon), [lat, lon]);
        assert.ok(p.x > 0 && p.y > 0 && p.x < 900 && p.y < 640, `${name} is off screen at ${JSON.stringify(p)}`);
        const slug = name.toLowerCase().replace(/ /g, '-');
        const pixels = await canvasPixels(page, `map-${slug}-z${zoom}-x${pixelRatio}`);
        // Far out a few pixels are many km: a radius of two pixels there, ten close up.
        const far = zoom < 0;
        const verdict = classify(pixels, p.x * pixelRatio, p.y * pixelRatio, (far ? 2 : 10) * pixelRatio, coastal);
        assert.equal(verdict, expected, `${name} (${lat}, ${lon}) at zoom ${zoom} ×${pixelRatio}`);
      }
      assert.deepEqual(problems, []);
      await close();
    });
  }
}

// The first view of the default trip needs only the near part of the base map (assets/map.bin); the far part
// (assets/map-far.bin) is downloaded the first time a view reaches past it, and drawn.
test('the far part of the base map is downloaded only when a view needs it', async () => {
  const { page, problems, close } = await openPage(browser, server.url, { width: 900, height: 640 });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await waitReady(page);
  await waitFrames(page, 3);
  assert.equal(await page.evaluate(() => window.explainer.getState().status.mapFar), 'absent');
  assert.ok(!fetched.includes('/assets/map-far.bin'), `fetched: ${fetched.join(' ')}`);
  await page.evaluate(() => window.explainer.setState({ trip: '2019-02-hanoi', mode: 'both', placeLabels: false }));
  await waitLanded(page);
  assert.equal(await page.evaluate(() => window.explainer.getState().status.mapFar), 'in');
  assert.ok(fetched.includes('/assets/map-far.bin'));
  const pixels = await canvasPixels(page, 'map-far-part-hanoi');
  const p = await page.evaluate(() => window.explainer.project(19.8856, 102.1347));  // Luang Prabang: far part only
  assert.equal(classify(pixels, p.x, p.y, 2, false), 'land');
  assert.deepEqual(problems, []);
  await close();
});

test('a lost WebGL context is restored: the same picture is drawn again and the state is kept', async () => {
  const { page, problems, close } = await openPage(browser, server.url, { width: 900, height: 640 });
  await waitReady(page);
  await page.evaluate(() => window.explainer.setState({ trip: '2019-02-hanoi', mode: 'both', time: 20, playing: false, placeLabels: false }));
  await waitLanded(page);
  const beforeLoss = await canvasPixels(page, 'map-context-before-loss');
  await page.evaluate(() => {
    window.__lose = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    window.__lose.loseContext();
  });
  await page.waitForFunction(() => /graphics context was lost/.test(document.getElementById('notices').innerText));
  await page.evaluate(() => window.__lose.restoreContext());
  await page.waitForFunction(() => window.explainer.getState().status.messages.some((m) => m.includes('is back')));
  await waitFrames(page, 5);
  const state = await page.evaluate(() => window.explainer.getState());
  assert.equal(state.trip, '2019-02-hanoi');
  assert.equal(state.mode, 'both');
  assert.equal(state.time, 20);
  assert.equal(state.status.flying, false);
  // The notices are HTML over the canvas and show in its screenshot: hide them for the comparison.
  await page.evaluate(() => { document.getElementById('notices').style.visibility = 'hidden'; });
  const afterRestore = await canvasPixels(page, 'map-context-restored');
  assert.ok(distinctColours(afterRestore) > 8, 'blank after restore');
  // The same frame as before the loss (the notices are HTML over the canvas, not in its screenshot).
  const diff = meanDifference(beforeLoss, afterRestore);
  assert.ok(diff < 0.5, `the map did not come back as it was (mean difference ${diff})`);
  // And it is the map: inland North Korea (away from the route and its labels) on land, the Yellow Sea on sea.
  for (const [name, lat, lon, expected] of [['North Korea, inland', 40.3, 127.0, 'land'], ['Yellow Sea', 36.0, 123.5, 'sea']]) {
    const p = await page.evaluate(([la, lo]) => window.explainer.project(la, lo), [lat, lon]);
    assert.equal(classify(afterRestore, p.x, p.y, 3), expected, `${name} after the restore at ${JSON.stringify(p)}`);
  }
  assert.deepEqual(problems, []);
  await close();
});

// Rail legs follow their lines (issue 15): every station of a line between two stops of a train leg lies on the
// red line drawn for the journey there, and at the points of the lines' traced track between those stations.
// One screenshot per trip, the whole journey in view.
// dist/'s copy gives a stretch's points as "points_e4" (scripts/publish.mjs): decoded here, so the test checks the
// points the page really reads.
function stretchPoints(stretch) {
  if (stretch.points) return stretch.points;
  const out = [];
  for (let i = 0, x = 0, y = 0; i + 1 < stretch.points_e4.length; i += 2) {
    x += stretch.points_e4[i];
    y += stretch.points_e4[i + 1];
    out.push([x / 1e4, y / 1e4]);
  }
  return out;
}

function lineWaypoints(tripId) {
  const data = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'trips.json'), 'utf8'));
  const places = new Map(data.places.map((p) => [p.id, p]));
  const trip = data.trips.find((t) => t.id === tripId);
  const out = [];
  for (const leg of trip.outbound) {
    if (leg.mode !== 'train') continue;
    for (let i = 0; i + 1 < leg.stops.length; i++) {
      const a = leg.stops[i].place, b = leg.stops[i + 1].place;
      const line = (data.lines || []).find((l) => l.places.includes(a) && l.places.includes(b));
      if (!line) continue;
      const ia = line.places.indexOf(a), ib = line.places.indexOf(b);
      for (let k = Math.min(ia, ib); k < Math.max(ia, ib); k++) {
        if (k > Math.min(ia, ib)) out.push(places.get(line.places[k]));
        // A stretch of track is given once, on any line through both stations (either way round).
        const [from, to] = [line.places[k], line.places[k + 1]];
        const stretch = (data.lines || []).flatMap((l) => (l.track || []).map((st) => ({ ...st, line: l.id })))
          .find((st) => (st.from === from && st.to === to) || (st.from === to && st.to === from));
        for (const [j, [lon, lat]] of (stretch ? stretchPoints(stretch) : []).entries())
          out.push({ id: `${stretch.line} track ${stretch.from}-${stretch.to} point ${j}`, lat, lon });
      }
    }
  }
  return out;
}

test('train journeys are drawn through the stations of their lines; a screenshot of every trip', async () => {
  const data = JSON.parse(fs.readFileSync(path.join(DIST, 'assets', 'trips.json'), 'utf8'));
  // Reduced motion: the camera cuts to each trip instead of flying there (the picture it lands on is the same; the
  // flights, drawn frame by frame on SwiftShader, only cost time here).
  const { page, problems, close } = await openPage(browser, server.url, {
    width: 1100, height: 760, before: (p) => p.emulateMedia({ reducedMotion: 'reduce' }),
  });
  await waitReady(page);
  let checked = 0;
  for (const trip of data.trips) {
    // A moment before the end the route has been travelled (drawn in the full red, not the paler red ahead) and
    // the end-of-journey comparison card has not come up over the map.
    await page.evaluate((id) => window.explainer.setState({ sidebarOpen: false, placeLabels: false, trip: id, mode: 'both', time: 0 }), trip.id);
    await waitLanded(page);
    await page.evaluate(() => window.explainer.setState({ time: window.explainer.getState().status.endHours - 0.02 }));
    await waitFrames(page, 2);
    const pixels = await canvasPixels(page, `lines-${trip.id}`);
    // A stop's marker, label or vehicle icon may cover the line near it: only stations away from the stops count.
    const stops = [];
    for (const st of tripStops(trip.id)) stops.push(await page.evaluate(([lat, lon]) => window.explainer.project(lat, lon), [st.lat, st.lon]));
    // A stop's label may lie over the line too (the labels keep clear of each other and of the stops, not of routes).
    const labels = (await page.evaluate(() => window.explainer.getState().status.labels));
    const underLabel = (s) => labels.some((l) => s.x > l.x - 3 && s.x < l.x + l.width + 3 && s.y > l.y - 3 && s.y < l.y + l.height + 3);
    for (const p of lineWaypoints(trip.id)) {
      const s = await page.evaluate(([lat, lon]) => window.explainer.project(lat, lon), [p.lat, p.lon]);
      if (!(s.x > 8 && s.y > 8 && s.x < 1092 && s.y < 600)) continue;  // on screen, above the bottom panel
      if (stops.some((q) => Math.hypot(q.x - s.x, q.y - s.y) < 28) || underLabel(s)) continue;
      const red = countAround(pixels, s.x, s.y, 3, (c) => near(c, REAL_RGB, 40));
      assert.ok(red > 0, `${trip.id}: no red line at ${p.id} (${p.lat}, ${p.lon}) -> ${JSON.stringify(s)}`);
      checked++;
    }
  }
  assert.ok(checked > 60, `only ${checked} line stations were on screen`);
  assert.deepEqual(problems, []);
  await close();
});
