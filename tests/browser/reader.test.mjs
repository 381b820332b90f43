// What readers, teachers and embedders do, acted out as each of them would (issue 21): Tab walks through the
// explainer and out of it again; the phone's trip list scrolls by swipe; a presenter's clicker works right after
// the page loads; the copied embed shows all of its content without scrolling inside; an origin added to
// embed.json works on the next visit; touch targets are 44 px from the first frame.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { PNG } from 'pngjs';
import { DIST, canvasPixels, launchBrowser, openPage, saveScreenshot, serveDist, waitFrames, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.close(); });

const state = (page) => page.evaluate(() => window.explainer.getState());
const locate = (page, id) => page.evaluate((name) => window.explainer.locate(name), id);
// The camera's flight to a new trip or frame has landed (reduced motion is not assumed: flights are waited out).
const landed = (page) => page.waitForFunction(() => {
  const s = window.explainer.getState();
  const v = JSON.stringify(s.view);
  const same = window.__lastView === v;
  window.__lastView = v;
  return same && s.status.framesComposed > 2;
}, null, { polling: 250, timeout: 20000 });

async function phonePage(url, { width = 390, height = 844 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(url);
  return { page, context, problems };
}

// A one-finger swipe through the Chrome DevTools protocol (Playwright only taps): moves from y0 to y1 in `steps`,
// one app frame apart, then the finger lifts. With `holdMs` the finger rests that long (the page's clock, over its
// animation frames) before it lifts, as a reader who places the list: no momentum then. A `flick` lifts right
// after its last move (in the same frame, on a slow machine): the list's speed is then the finger's.
async function swipe(page, x, y0, y1, { steps = 12, holdMs = 0, flick = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  await waitFrames(page, 1);
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + (y1 - y0) * i / steps }] });
    if (i < steps || !flick) await waitFrames(page, 1);
  }
  if (holdMs > 0) {
    const until = await page.evaluate((ms) => performance.now() + ms, holdMs);
    await page.waitForFunction((t) => performance.now() >= t, until, { polling: 'raf' });
    await waitFrames(page, 2);  // a rest is two frames or more to the app (src/ui/ui.cpp touch_scroll)
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const TRIPS = ['2018-03-beijing', '2018-05-dalian', '2018-06-singapore', '2018-06-beijing', '2019-01-beijing',
  '2019-02-hanoi', '2019-04-vladivostok', '2023-09-russia', '2025-09-beijing'];
async function visibleTrips(page) {
  const rects = await page.evaluate((ids) => ids.map((id) => window.explainer.locate('trip:' + id)), TRIPS);
  return rects.map((r, i) => r && r.height >= 30 ? TRIPS[i] : null).filter(Boolean);
}

test('keyboard: Tab and Shift+Tab always leave the map (no trap), the focused map shows a ring, and the page starts with the keys', async () => {
  const { page, problems, close } = await openPage(browser, server.url, { width: 1280, height: 800 });
  await waitReady(page);
  // The standalone page gives the explainer focus at once: Page Down works with no click first.
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'canvas');
  const first = (await state(page)).trip;
  await page.keyboard.press('PageDown');
  await page.waitForFunction((t) => window.explainer.getState().trip !== t, first);
  assert.equal((await state(page)).playing, true, 'Page Down plays the next trip');

  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'canvas', 'Tab stayed on the map');
  assert.equal(await page.evaluate(() => document.activeElement.closest('#credit') !== null), true,
    'Tab from the map goes on to the next element of the page (the map credit)');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas', 'Shift+Tab comes back to the map');
  // Reached by the keyboard: the ring is drawn over the canvas's own pixels (an outline, not an inset shadow).
  const ring = await page.evaluate(() => { const c = getComputedStyle(document.getElementById('canvas')); return [c.outlineStyle, c.outlineWidth]; });
  assert.deepEqual(ring, ['solid', '3px']);
  const pixels = await canvasPixels(page, 'reader-focus-ring');
  const [r, g, b] = pixels.at(1, pixels.height / 2);
  assert.ok(b > 150 && r < 80, `no focus ring at the canvas's edge: rgb(${r},${g},${b})`);
  await page.keyboard.press('Shift+Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'canvas', 'Shift+Tab stayed on the map');
  assert.deepEqual(problems, []);
  await close();
});

test('keyboard in an article: Tab walks from the link before the embed, through it, to the link after it, and back', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeys-host-'));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><link rel="icon" href="data:,"><title>Article</title>
<p><a id="before" href="#a">A link before</a></p>
<iframe src="${server.url}#embed&trip=2019-02-hanoi" title="Journeys" style="width:760px;height:600px;border:0"></iframe>
<p><a id="after" href="#b">A link after</a></p>`);
  const host = await serveDist(dir, { requireIndex: true });
  const { page, problems, close } = await openPage(browser, host.url, { width: 900, height: 800 });
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => window.explainer && window.explainer.getState().status.framesDrawn > 0, null, { timeout: 30000 });
  // An embed never takes the article's focus.
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  await page.focus('#before');
  let reached = false, sawCanvas = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement && document.activeElement.id === 'after');
    sawCanvas ||= await frame.evaluate(() => document.activeElement && document.activeElement.id === 'canvas');
  }
  assert.ok(sawCanvas, 'Tab never reached the map');
  assert.ok(reached, 'Tab never left the embed: a keyboard trap');
  let back = false;
  for (let i = 0; i < 80 && !back; i++) {
    await page.keyboard.press('Shift+Tab');
    back = await page.evaluate(() => document.activeElement && document.activeElement.id === 'before');
  }
  assert.ok(back, 'Shift+Tab never got back out of the embed');
  assert.deepEqual(problems, []);
  await close();
  host.close();
});

test('a phone: 44 px targets from the first frame, five trips in the open list, a swipe scrolls it (not the map), a tap picks what is under the finger', async () => {
  const { page, context, problems } = await phonePage(server.url + '#trip=2019-02-hanoi');
  await waitReady(page);
  for (const id of ['play', 'restart', 'scrubber', 'speed', 'mode:train', 'mode:plane', 'mode:both', 'sidebar']) {
    const r = await locate(page, id);
    assert.ok(r && r.height >= 44, `${id} is ${r && r.height} px tall before any touch`);
  }
  await page.touchscreen.tap(...await centre(page, 'sidebar'));
  await page.waitForFunction(() => window.explainer.getState().sidebarOpen);
  await waitFrames(page, 3);
  const shown = await visibleTrips(page);
  assert.ok(shown.length >= 5, `only ${shown.length} trips in the open list: ${shown}`);
  for (const id of shown) assert.ok((await locate(page, 'trip:' + id)).height >= 44, `trip:${id} is under 44 px`);
  // Nothing listed lies under another control.
  const controlsTop = (await locate(page, 'mode:train')).y;
  for (const id of shown) { const r = await locate(page, 'trip:' + id); assert.ok(r.y + r.height <= controlsTop + 0.5, `trip:${id} runs under the mode buttons`); }
  saveScreenshot(await page.screenshot(), 'reader-phone-list-open');

  const viewBefore = (await state(page)).view;
  const top = await locate(page, 'trip:' + shown[0]);
  const x = top.x + top.width / 2;
  const rowY = async (id) => { const r = await locate(page, 'trip:' + id); return r && r.height >= 30 ? r.y : null; };
  // A drag that rests before it lifts: the list follows the finger, and stops where it is left.
  const before = await rowY(shown[4]);
  await swipe(page, x, top.y + top.height * 4, top.y + 10, { holdMs: 300 });
  await waitFrames(page, 10);
  const after = await visibleTrips(page);
  const moved = before - await rowY(shown[4]);
  const finger = top.height * 4 - 10;
  if (!after.includes('2025-09-beijing')) {
    const s = await state(page);
    saveScreenshot(await page.screenshot(), 'reader-phone-swipe-failed');
    assert.fail(`the swipe did not bring the last trip into view: [${after}]; open ${s.sidebarOpen}, trip ${s.trip}`);
  }
  assert.ok(Math.abs(moved - finger) < 3, `the list moved ${moved} px under a finger that moved ${finger} px`);
  assert.notDeepEqual(after, shown);
  assert.deepEqual((await state(page)).view, viewBefore, 'the swipe on the list moved the map');
  assert.equal((await state(page)).trip, '2019-02-hanoi', 'the swipe picked a trip');
  saveScreenshot(await page.screenshot(), 'reader-phone-list-swiped');

  // A flick back towards the top: the list goes on after the finger lifts, and slows to a stop.
  const row = shown[4], atStart = await rowY(row);
  await swipe(page, x, atStart, atStart + top.height, { steps: 4, flick: true });
  const atLift = atStart + top.height;  // the list follows the finger (the drag above showed it)
  // At rest: the row stays put over frames the app ran.
  await page.waitForFunction((id) => {
    const r = window.explainer.locate('trip:' + id), run = window.explainer.getState().status.framesRun;
    const y = r ? r.y : null, last = window.__rest;
    window.__rest = last && run < last.run + 3 ? last : { y, run };
    return last && run >= last.run + 3 && last.y === y;
  }, row, { polling: 100, timeout: 20000 });
  const atRest = await rowY(row);
  assert.ok(atLift !== null && atRest !== null && atRest > atLift + 5,
    `no momentum: ${row} was at ${atLift} px when the finger lifted and at ${atRest} px at rest`);
  assert.deepEqual((await state(page)).view, viewBefore, 'the flick on the list moved the map');
  // And back down to the last trip, placed by a drag that rests.
  const last = await rowY(row);
  await swipe(page, x, last, last - 300, { holdMs: 300 });
  await waitFrames(page, 10);
  assert.ok((await visibleTrips(page)).includes('2025-09-beijing'), 'a second drag did not bring the last trip back');
  await page.touchscreen.tap(...await centre(page, 'trip:2025-09-beijing'));
  await page.waitForFunction(() => window.explainer.getState().trip === '2025-09-beijing');
  assert.equal((await state(page)).sidebarOpen, false, 'the list stays over the map after a pick on a phone');

  // The scrubber: a tap lands where it was tapped.
  const s = await state(page);
  const bar = await locate(page, 'scrubber');
  await page.touchscreen.tap(bar.x + bar.width * 0.9, bar.y + bar.height / 2);
  await page.waitForFunction(() => window.explainer.getState().time > 0);
  const t = (await state(page)).time / s.status.endHours;
  assert.ok(t > 0.8 && t < 0.97, `a tap at 90 % of the scrubber went to ${(t * 100).toFixed(0)} %`);
  // The speed menu's choices are 44 px tall too.
  await page.touchscreen.tap(...await centre(page, 'speed'));
  await page.waitForFunction(() => window.explainer.locate('speed:4') !== null);
  const item = await locate(page, 'speed:4');
  assert.ok(item.height >= 44, `speed menu items are ${item.height} px tall`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a phone inside a pym embed: the open list shows five trips', async () => {
  const { page, context, problems } = await phonePage(server.url + '?childId=journeys&initialWidth=390#embed', { width: 390, height: 700 });
  await waitReady(page);
  const box = await page.locator('#stage').boundingBox();
  assert.ok(Math.abs(box.height - 390 * 14 / 9) < 3, `the pym child's height does not follow its width: ${box.height}`);
  await page.touchscreen.tap(...await centre(page, 'sidebar'));
  await page.waitForFunction(() => window.explainer.getState().sidebarOpen);
  await waitFrames(page, 3);
  const shown = await visibleTrips(page);
  assert.ok(shown.length >= 5, `only ${shown.length} trips in the open list inside a 390 px pym embed`);
  saveScreenshot(await page.screenshot(), 'reader-pym-phone-list');
  assert.deepEqual(problems, []);
  await context.close();
});

async function centre(page, id) {
  const r = await locate(page, id);
  assert.ok(r, `${id} is not on screen`);
  return [r.x + r.width / 2, r.y + r.height / 2];
}

test('classroom: the clicker works at once, a title line names every trip, opening the trips reframes the route, the keys panel keeps clear of the controls', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#classroom&trip=2018-05-dalian', { width: 1920, height: 1080 });
  await waitReady(page);
  assert.ok(await locate(page, 'title'), 'no title line names the trip with the list closed');
  for (const key of ['PageDown', 'PageDown', 'PageUp']) {
    const before = (await state(page)).trip;
    await page.keyboard.press(key);
    await page.waitForFunction((t) => window.explainer.getState().trip !== t, before);
  }
  assert.equal((await state(page)).trip, '2018-06-singapore');
  assert.ok(await locate(page, 'title'));
  await page.keyboard.press('b');  // Singapore has no train: Both is refused, the mode stays the plane
  assert.equal((await state(page)).mode, 'plane');
  await page.keyboard.press('PageUp');
  await page.waitForFunction(() => window.explainer.getState().trip === '2018-05-dalian');
  await page.keyboard.press('b');
  await page.waitForFunction(() => window.explainer.getState().mode === 'both');

  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => window.explainer.getState().trip === '2019-01-beijing');
  await landed(page);
  await page.evaluate(() => window.explainer.setState({ sidebarOpen: true }));
  await waitFrames(page, 2);
  await landed(page);
  const panel = await locate(page, 'sidebar');
  for (const [lat, lon, name] of [[39.9, 116.43, 'Beijing'], [39.03, 125.75, 'Pyongyang']]) {
    const p = await page.evaluate(([a, b]) => window.explainer.project(a, b), [lat, lon]);
    assert.ok(p.x > panel.x + panel.width, `${name} is under the opened trips panel (x ${p.x.toFixed(0)})`);
  }
  saveScreenshot(await page.screenshot(), 'reader-classroom-trips-open');
  // Type for the back of the room: the play button's text line is at least 40 px tall on a 1080-line screen.
  assert.ok((await locate(page, 'play')).height >= 60, 'classroom controls are not scaled for a projector');
  assert.deepEqual(problems, []);
  await close();
});

test('the copied embed snippet shows everything without scrolling inside, at 760 and 390 px, and its notice keeps off Play', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#trip=2019-02-hanoi', { width: 1280, height: 800 });
  await waitReady(page);
  await page.evaluate(() => window.explainer.setState({ sidebarOpen: true }));
  await waitFrames(page, 2);
  await page.mouse.click(...await centre(page, 'embed'));
  await page.waitForFunction(() => typeof window.explainerEmbedCode === 'string');
  const snippet = await page.evaluate(() => window.explainerEmbedCode);
  await page.waitForSelector('#notices .notice');
  const note = await page.locator('#notices .notice').last().boundingBox();
  const play = await locate(page, 'play');
  const overlaps = note.x < play.x + play.width && play.x < note.x + note.width && note.y < play.y + play.height && play.y < note.y + note.height;
  assert.equal(overlaps, false, 'the "Embed code copied" notice covers Play');
  await close();

  for (const width of [760, 390]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeys-snippet-'));
    fs.writeFileSync(path.join(dir, 'index.html'),
      `<!doctype html><link rel="icon" href="data:,"><title>Article</title><div style="width:${width}px">${snippet.replace(/loading="lazy"/, '')}</div><p style="height:1500px">More article</p>`);
    const host = await serveDist(dir);
    const h = await openPage(browser, host.url, { width: width + 40, height: 900 });
    const frame = await (await h.page.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => window.explainer && window.explainer.getState().status.framesDrawn > 0, null, { timeout: 30000 });
    await frame.waitForFunction(() => window.explainer.locate('play') !== null);
    const inner = await frame.evaluate(() => ({
      scroll: document.scrollingElement.scrollHeight - innerHeight,
      height: innerHeight,
      play: window.explainer.locate('play'),
      credit: document.getElementById('credit').getBoundingClientRect().bottom,
    }));
    assert.ok(inner.scroll <= 0, `the frame scrolls ${inner.scroll} px inside at ${width} px`);
    assert.ok(inner.play.y + inner.play.height <= inner.height, `Play is cut at ${width} px`);
    assert.ok(inner.credit <= inner.height, `the map credit is cut at ${width} px`);
    saveScreenshot(await h.page.screenshot(), `reader-snippet-${width}`);
    assert.deepEqual(h.problems, []);
    await h.close();
    host.close();
  }
  assert.deepEqual(problems, []);
});

test('an origin added to embed.json works on the very next visit; a refused message says why, to the host and in the console', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeys-dist-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const site = await serveDist(dir);
  const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeys-host-'));
  fs.writeFileSync(path.join(hostDir, 'index.html'), '<!doctype html><link rel="icon" href="data:,"><title>Host</title><iframe style="width:800px;height:600px;border:0"></iframe>');
  const host = await serveDist(hostDir);
  const hostOrigin = new URL(host.url).origin.replace('127.0.0.1', 'localhost');
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  const warnings = [];
  const drive = async () => {
    await page.goto(host.url.replace('127.0.0.1', 'localhost'));
    await page.evaluate((src) => {
      window.__replies = [];
      // Only the explainer's answers (the frame also posts its height for AMP hosts).
      window.addEventListener('message', (e) => { if (e.data && /^explainer:/.test(e.data.type)) window.__replies.push(e.data); });
      document.querySelector('iframe').src = src;
    }, site.url + '#embed&trip=2018-03-beijing');
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => window.explainer && window.explainer.getState().status.framesDrawn > 0, null, { timeout: 30000 });
    await page.evaluate((origin) => document.querySelector('iframe').contentWindow.postMessage(
      { type: 'explainer:set', state: { trip: '2019-02-hanoi' } }, origin), new URL(site.url).origin);
    await page.waitForFunction(() => window.__replies.length > 0, null, { timeout: 10000 });
    return { frame, reply: await page.evaluate(() => window.__replies[0]), trip: await frame.evaluate(() => window.explainer.getState().trip) };
  };
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });

  const refused = await drive();  // first visit: embed.json lists nobody; the service worker installs
  assert.equal(refused.reply.type, 'explainer:error');
  assert.match(refused.reply.message, new RegExp(hostOrigin.replace(/[.:/]/g, '\\$&')));
  assert.equal(refused.trip, '2018-03-beijing');
  assert.ok(warnings.some((w) => w.includes(hostOrigin) && w.includes('embed.json')), 'no console warning names the refused origin');
  // The newsroom developer has also opened the explainer itself, so its offline copy (service worker) is in place
  // and controls that page: the returning visitor whose copy once served the old embed.json. (Browsers refuse
  // service workers to third-party frames, so the article's frame keeps only the HTTP cache.)
  const own = await context.newPage();
  await own.goto(site.url);
  await own.waitForFunction(() => window.explainer && window.explainer.getState().status.framesDrawn > 0, null, { timeout: 30000 });
  await own.evaluate(() => navigator.serviceWorker.ready);
  await own.reload();
  await own.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30000 });
  const config = () => own.evaluate(() => fetch('web/embed.json', { cache: 'no-cache' }).then((r) => r.json()));
  assert.deepEqual(await config(), { allowedOrigins: [] });

  fs.writeFileSync(path.join(dir, 'web/embed.json'), JSON.stringify({ allowedOrigins: [hostOrigin] }));
  assert.deepEqual(await config(), { allowedOrigins: [hostOrigin] }, 'the offline copy still serves the old embed.json');
  const allowed = await drive();  // the article's next visit
  assert.equal(allowed.reply.type, 'explainer:state', `still refused after embed.json listed ${hostOrigin}: ${JSON.stringify(allowed.reply)}`);
  assert.equal(allowed.trip, '2019-02-hanoi');
  await context.close();
  site.close();
  host.close();
});

test('classroom, Hanoi: the map has land to the canvas edge (no straight-edged band of blank sea where the data ended)', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#classroom&trip=2019-02-hanoi', { width: 1920, height: 1080 });
  await waitReady(page);
  await landed(page);
  const pixels = await canvasPixels(page, 'reader-classroom-hanoi');
  const at = async (lat, lon) => {
    const p = await page.evaluate(([a, b]) => window.explainer.project(a, b), [lat, lon]);
    assert.ok(p.x >= 0 && p.x < 1920 && p.y >= 0 && p.y < 1080, `${lat},${lon} is off the canvas`);
    return pixels.at(p.x, p.y);
  };
  const sea = await at(30, 140);          // the Pacific south of Japan
  // West of 78°E, where the base map's data used to end.
  for (const [lat, lon, name] of [[33, 74, 'Kashmir'], [28, 73, 'the Thar desert'], [31, 76, 'the Punjab']]) {
    const land = await at(lat, lon);
    const d = Math.abs(land[0] - sea[0]) + Math.abs(land[1] - sea[1]) + Math.abs(land[2] - sea[2]);
    assert.ok(d > 30, `${name} (${lat}°N ${lon}°E) is drawn in the sea's colour: rgb(${land})`);
  }
  assert.deepEqual(problems, []);
  await close();
});

// An embed far below the fold starts anyway, draws its first frame off-screen, then pauses (no frames until it is
// scrolled to). Chromium gives an off-screen cross-origin frame no animation frames at all, so the start-up runs on
// a timer there (journeys_set_visible). The frame must be in the page when it is captured whole.
function articleWithEmbed(dir, src) {
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><link rel="icon" href="data:,"><title>Article</title>
<p style="height:2600px;margin:0">A long article</p>
<iframe src="${src}" title="Journeys" style="width:760px;height:600px;border:0;display:block"></iframe>
<p style="height:400px">The article goes on.</p>`);
}
const embedColours = (shot) => {
  const colours = new Set();
  for (let y = 2610; y < 3190; y += 7) for (let x = 10; x < 750; x += 7) {
    const i = (y * shot.width + x) * 4;
    colours.add((shot.data[i] >> 4) << 8 | (shot.data[i + 1] >> 4) << 4 | shot.data[i + 2] >> 4);
  }
  return colours.size;
};
// Polls by timer: an off-screen frame gets no animation frames, so Playwright's default (rAF) polling never runs.
const drawnOffScreen = (frame) => frame.waitForFunction(
  () => window.explainer && window.explainer.getState().status.framesComposed >= 3, null, { polling: 100, timeout: 30000 });

test('an embed far below the fold, from the article\'s own site, draws its first frame and shows in a full-page screenshot', async () => {
  // The article and the explainer on one site (the explainer under /journeys/), as a newsroom hosts it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeys-site-'));
  fs.symlinkSync(DIST, path.join(dir, 'journeys'));
  articleWithEmbed(dir, '/journeys/#embed&trip=2019-02-hanoi');
  const site = await serveDist(dir);
  after(() => site.close());
  const { page, problems, close } = await openPage(browser, site.url, { width: 900, height: 700 });
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await drawnOffScreen(frame);
  const drawn = await frame.evaluate(() => window.explainer.getState().status.framesComposed);
  const shot = PNG.sync.read(await page.screenshot({ fullPage: true }));
  saveScreenshot(PNG.sync.write(shot), 'reader-fullpage-embed');
  assert.ok(embedColours(shot) > 12, `the embed is blank in a full-page screenshot (${embedColours(shot)} colours)`);
  // Drawn until whole (the title block shows from ImGui's second frame), then paused until the reader scrolls to it.
  assert.equal(await frame.evaluate(() => window.explainer.getState().status.framesComposed), drawn, 'paused off-screen');
  const title = await frame.evaluate(() => window.explainer.locate('title'));
  assert.ok(title, 'the title block is on the paused picture');
  assert.deepEqual(problems, []);
  await close();
});

// From another site the frame is drawn too (ready resolves without scrolling), and it is on screen at once when
// the reader scrolls to it. What a full-page capture shows of it is Chromium's affair: it paints nothing an
// off-screen cross-origin frame changes after loading, not even a plain HTML page's (tried: a page that colours
// its body 1.5 s after load is captured blank there, and colourful from the article's own site).
test('an embed far below the fold, from another site, is ready before it is scrolled to and shows at once when it is', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeys-host-'));
  articleWithEmbed(dir, `${server.url}#embed&trip=2019-02-hanoi`);
  const host = await serveDist(dir);
  after(() => host.close());
  const { page, problems, close } = await openPage(browser, host.url.replace('127.0.0.1', 'localhost'), { width: 900, height: 700 });
  const iframe = await page.waitForSelector('iframe');
  const frame = await iframe.contentFrame();
  await drawnOffScreen(frame);
  await frame.evaluate(() => window.explainer.ready);
  const drawn = await frame.evaluate(() => window.explainer.getState().status.framesComposed);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));  // a round trip: frames would have moved on
  assert.equal(await frame.evaluate(() => window.explainer.getState().status.framesComposed), drawn, 'drawn off-screen, then paused');
  await iframe.scrollIntoViewIfNeeded();
  await frame.waitForFunction((n) => window.explainer.getState().status.framesComposed > n, drawn, { timeout: 15000 });
  const shot = PNG.sync.read(await iframe.screenshot());
  saveScreenshot(PNG.sync.write(shot), 'reader-embed-scrolled-to');
  let colours = new Set();
  for (let i = 0; i < shot.data.length; i += 4 * 97) colours.add((shot.data[i] >> 4) << 8 | (shot.data[i + 1] >> 4) << 4 | shot.data[i + 2] >> 4);
  assert.ok(colours.size > 12, `the embed is blank once scrolled to (${colours.size} colours)`);
  assert.deepEqual(problems, []);
  await close();
});
