// Deep links and embedding: a link reproduces the state; hostile links leave the page running; a host page on
// another origin sizes the iframe with pym.js, drives it by postMessage (unlisted origins are ignored), keeps
// its wheel scrolling and its own keys; reduced motion stops auto-play; ten embeds on one page all draw.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  REAL_RGB, canvasPixels, classify, countAround, launchBrowser, near, openPage, serveDist, tripStops, until, waitForFrame,
  waitFrames, waitLanded, waitReady,
} from './harness.mjs';

let server, host, browser, hostDir;
before(async () => {
  server = await serveDist();
  // The "newsroom" page: another port on 127.0.0.1 is another origin.
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeys-host-'));
  fs.copyFileSync(new URL('../../node_modules/pym.js/dist/pym.v1.min.js', import.meta.url), path.join(hostDir, 'pym.v1.min.js'));
  host = await serveDist(hostDir, { requireIndex: false });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); server?.close(); host?.close(); fs.rmSync(hostDir, { recursive: true, force: true }); });

const article = (body) => `<!doctype html><html><head><meta charset="utf-8"><title>Article</title>
<style>body{font:16px sans-serif;margin:0 auto;max-width:720px} .filler{height:1400px;background:linear-gradient(#fff,#eee)}</style>
<script src="pym.v1.min.js"></script></head><body>${body}</body></html>`;
function hostPage(name, body) {
  fs.writeFileSync(path.join(hostDir, name), article(body));
  return host.url + name;
}

// What an explainer frame (or page) draws is the map of its trip: inland points on land, a sea on sea, the
// journey's colour at its first stop. `points`: [name, lat, lon, 'land' | 'sea'].
async function assertDrawsMap(target, name, trip, points) {
  await waitLanded(target);
  const pixels = await canvasPixels(target, name);
  const ratio = pixels.width / (await target.evaluate(() => document.getElementById('canvas').getBoundingClientRect().width));
  for (const [where, lat, lon, expected] of points) {
    const p = await target.evaluate(([la, lo]) => window.explainer.project(la, lo), [lat, lon]);
    assert.ok(p.x > 3 && p.y > 3 && p.x * ratio < pixels.width - 3 && p.y * ratio < pixels.height - 3, `${name}: ${where} is off screen`);
    assert.equal(classify(pixels, p.x * ratio, p.y * ratio, 2), expected, `${name}: ${where} at ${JSON.stringify(p)}`);
  }
  const home = tripStops(trip)[0];
  const p = await target.evaluate(([la, lo]) => window.explainer.project(la, lo), [home.lat, home.lon]);
  const red = countAround(pixels, p.x * ratio, p.y * ratio, 8, (c) => near(c, REAL_RGB, 40));
  assert.ok(red >= 4, `${name}: no route colour at ${home.id} (${red} pixels)`);
}
const BEIJING_POINTS = [['Inner Mongolia', 42.6, 118.0, 'land'], ['Liaoning', 42.8, 121.0, 'land'], ['Bohai Sea', 38.6, 120.3, 'sea'],
  ['Yellow Sea', 36.5, 123.5, 'sea']];
// The sea point lies off North Korea's east coast, inside the route's frame (the camera fits the route to the area the
// panels leave free, so a point far out in the Sea of Japan can fall outside the view).
const VLADIVOSTOK_POINTS = [['Jilin', 43.2, 127.0, 'land'], ['North Korea, inland', 40.3, 127.0, 'land'],
  ['Sea of Japan (East Sea), off Kimchaek', 39.8, 130.0, 'sea']];

// Puts a hash in the URL and has the page's hashchange handler apply it in the same task, then waits two frames.
// (Not `location.hash = h`: its hashchange event comes a task later, and the page's own pending hash update
// (web/page.js, up to 0.7 s after a state change) can overwrite the URL before the handler reads it.)
async function setHash(page, hash) {
  await page.evaluate((h) => {
    history.replaceState(null, '', h);
    dispatchEvent(new HashChangeEvent('hashchange'));
  }, hash);
  await waitFrames(page, 2);
}

test('a deep link reproduces the state and the frame; the hash follows the state', async () => {
  const link = `${server.url}#trip=2019-02-hanoi&mode=plane&t=1.5&speed=4`;
  const a = await openPage(browser, link, { width: 1024, height: 700 });
  let s = await waitReady(a.page);
  assert.equal(s.trip, '2019-02-hanoi');
  assert.equal(s.mode, 'plane', 'the what-if mode from the link, not the real one');
  assert.equal(s.time, 1.5);
  assert.equal(s.speed, 4);
  await a.page.evaluate(() => window.explainer.setState({ time: 2.0625, speed: 0.5 }));
  await a.page.waitForFunction(() => location.hash.includes('t=2.0625') && location.hash.includes('speed=0.5'));
  const hash = await a.page.evaluate(() => location.hash);
  await waitLanded(a.page);
  const original = await a.page.evaluate(() => window.explainer.getState());
  const first = await canvasPixels(a.page, 'link-original');

  const b = await openPage(browser, server.url + hash, { width: 1024, height: 700 });
  await waitReady(b.page);
  await waitLanded(b.page);
  s = await b.page.evaluate(() => window.explainer.getState());
  for (const key of ['trip', 'mode', 'time', 'speed', 'playing']) assert.equal(s[key], original[key], `${key} after reopening`);
  assert.equal(s.trip, '2019-02-hanoi');
  assert.equal(s.time, 2.0625);
  assert.equal(s.speed, 0.5);
  for (const key of ['lat', 'lon', 'zoom']) {
    assert.ok(Math.abs(s.view[key] - original.view[key]) < 1e-6, `view.${key}: ${s.view[key]} vs ${original.view[key]}`);
  }
  const second = await canvasPixels(b.page, 'link-reopened');
  // Tile by tile (32 px), so a vehicle drawn elsewhere or missing cannot hide in a whole-image mean.
  assert.equal(second.width, first.width);
  let worst = { diff: 0 };
  for (let ty = 0; ty < first.height; ty += 32) {
    for (let tx = 0; tx < first.width; tx += 32) {
      let sum = 0, n = 0;
      for (let y = ty; y < Math.min(ty + 32, first.height); y++) {
        for (let x = tx; x < Math.min(tx + 32, first.width); x++) {
          const i = (y * first.width + x) * 4;
          sum += Math.abs(first.data[i] - second.data[i]) + Math.abs(first.data[i + 1] - second.data[i + 1]) + Math.abs(first.data[i + 2] - second.data[i + 2]);
          n += 3;
        }
      }
      if (sum / n > worst.diff) worst = { diff: sum / n, x: tx, y: ty };
    }
  }
  assert.ok(worst.diff < 2, `the link shows another frame around ${JSON.stringify(worst)}`);
  assert.deepEqual([...a.problems, ...b.problems], []);
  await a.close();
  await b.close();
});

test('hostile links: each is ignored with at most a notice and the page keeps drawing', async () => {
  const hostile = ['#', '#&&&', '#=', '#trip', '#t=nan', '#t=inf', '#t=1e400', '#speed=%', '#speed=%zz', '#view=1,2',
    '#view=1,2,3,4', '#view=nan,0,1', '#t=0x1p3', '#mode=%00', '#trip=%E2%80%AE', '#trip=../../etc/passwd',
    '#<script>alert(1)</script>', '#<img src=x onerror=alert(1)>', '#t=99999999999999999999', '#play=maybe',
    '#dark=purple', '#controls=2', '#%', '#%%%%', '#trip=2019-02-hanoi%00', '#' + 'x'.repeat(5000),
    '#' + '&a=1'.repeat(500), '#view=-90,-180,-1e308', '#t=-1', '#speed=0', '#mode=both&mode=plane&mode=',
    '#trip=2018-06-singapore&mode=both', '#"\'`;{}[]', '#\u0000\u0001\u0002'];
  // What a link with some valid parts does; every other hostile link leaves the state exactly as it was.
  const partly = {
    '#t=99999999999999999999': (s, was) => assert.equal(s.time, was.status.endHours, 'a huge time is the end'),
    '#view=-90,-180,-1e308': (s) => assert.ok(Number.isFinite(s.view.zoom) && Number.isFinite(s.view.lat), 'the view is clamped'),
    '#mode=both&mode=plane&mode=': (s) => assert.equal(s.mode, 'plane', 'the last valid mode applies'),
    '#trip=2018-06-singapore&mode=both': (s) => {
      assert.equal(s.trip, '2018-06-singapore');
      assert.equal(s.mode, 'plane', 'Singapore has no train: both cannot apply, it keeps the plane');
    },
  };
  const known = '#trip=2019-02-hanoi&mode=both&t=5&speed=2&play=0';
  const { page, problems, close } = await openPage(browser, server.url + hostile[0], { width: 900, height: 640 });
  await waitReady(page);
  const changed = [];
  for (const h of hostile) {
    await setHash(page, known);
    await page.waitForFunction(() => { const s = window.explainer.getState();
      return s.trip === '2019-02-hanoi' && s.mode === 'both' && s.time === 5 && s.speed === 2 && !s.playing; });
    await waitLanded(page);
    const was = await page.evaluate(() => window.explainer.getState());
    await setHash(page, h);
    const s = await page.evaluate(() => window.explainer.getState());
    const what = h.slice(0, 40);
    assert.ok(Number.isFinite(s.time) && s.time >= 0 && Number.isFinite(s.view.zoom), `bad state after ${what}`);
    if (partly[h]) {
      partly[h](s, was);
      continue;
    }
    for (const key of ['trip', 'mode', 'time', 'speed', 'playing', 'filter', 'sidebarOpen']) {
      if (s[key] !== was[key]) changed.push(`${what}: ${key} ${JSON.stringify(was[key])} -> ${JSON.stringify(s[key])}`);
    }
    if (JSON.stringify(s.view) !== JSON.stringify(was.view)) changed.push(`${what}: view ${JSON.stringify(was.view)} -> ${JSON.stringify(s.view)}`);
  }
  assert.deepEqual(changed, [], 'hostile links changed the state');
  // A valid link after all of them still applies.
  await setHash(page, '#trip=2023-09-russia&mode=plane&t=1&speed=8&play=0');
  await page.waitForFunction(() => window.explainer.getState().trip === '2023-09-russia');
  const s = await page.evaluate(() => window.explainer.getState());
  assert.deepEqual([s.trip, s.mode, s.time, s.speed, s.playing], ['2023-09-russia', 'plane', 1, 8, false]);
  const notices = await page.locator('#notices').innerText();
  assert.ok(!/<script>|onerror/.test(await page.locator('#notices').innerHTML()), 'a link put markup into the page');
  assert.match(notices, /Ignored/);
  assert.deepEqual(problems, []);
  await close();
});

test('reduced motion turns auto-play off; without it auto-play plays', async () => {
  for (const reducedMotion of ['reduce', 'no-preference']) {
    const { page, close } = await openPage(browser, server.url + '#trip=2018-03-beijing&autoplay', {
      before: (p) => p.emulateMedia({ reducedMotion }) });
    const s = await waitReady(page);
    assert.equal(s.playing, reducedMotion !== 'reduce', `autoplay with reducedMotion=${reducedMotion}`);
    await close();
  }
});

test('embedded with pym.js on another origin: the iframe takes the page height, the host drives it, the article keeps its wheel and keys', async () => {
  const url = hostPage('article.html', `<h1>An article</h1><input id="field" placeholder="search">
    <div class="filler"></div><div id="explainer"></div><div class="filler"></div>
    <script>window.parentPym = new pym.Parent('explainer', '${server.url}', { title: 'Journeys' });</script>`);
  const { page, problems, close } = await openPage(browser, url, {
    width: 900, height: 700,
    before: (p) => p.route('**/web/embed.json', (route) => route.fulfill({ contentType: 'application/json',
      body: JSON.stringify({ allowedOrigins: [host.url.replace(/\/$/, '')] }) })),
  });
  await page.waitForFunction(() => document.querySelector('#explainer iframe'));
  const frame = await waitForFrame(page, server.url);
  // Chrome draws no frames in a cross-origin iframe scrolled out of view: the reader scrolls to it first.
  await page.evaluate(() => document.querySelector('#explainer').scrollIntoView({ block: 'center' }));
  await frame.waitForFunction(() => window.explainer && window.explainer.getState().status.framesDrawn > 0, null, { timeout: 30000 });

  // Height: pym's parent sets the iframe to the child's reported height, which follows from the width (4:3).
  await page.waitForFunction(() => document.querySelector('#explainer iframe').getBoundingClientRect().height > 300);
  // pym polls the height every 500 ms: wait until the iframe has taken the child's height (two origins: polled).
  const iframeHeight = () => page.evaluate(() => document.querySelector('#explainer iframe').getBoundingClientRect().height);
  const childHeight = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await until(async () => Math.abs(await iframeHeight() - childHeight) <= 2,
    { message: `the iframe to take the page's height ${childHeight} px (it is ${await iframeHeight()} px)` });
  assert.ok(Math.abs(childHeight - 720 * 3 / 4) <= 4, `height does not follow the width: ${childHeight}`);

  // postMessage from the listed host origin drives the trip.
  await page.evaluate((origin) => document.querySelector('#explainer iframe').contentWindow.postMessage(
    { type: 'explainer:set', state: { trip: '2019-04-vladivostok', mode: 'both', bogus: 1 } }, origin), server.url.replace(/\/$/, ''));
  await frame.waitForFunction(() => window.explainer.getState().trip === '2019-04-vladivostok');
  // The camera flies to the new trip: wait until it has landed before watching the zoom.
  await waitLanded(frame);
  await assertDrawsMap(frame, 'embed-article-frame', '2019-04-vladivostok', VLADIVOSTOK_POINTS);

  // The wheel over the map scrolls the article; Ctrl + wheel zooms the map and leaves the article where it is.
  await page.evaluate(() => document.querySelector('#explainer').scrollIntoView({ block: 'center' }));
  const box = await page.locator('#explainer iframe').boundingBox();
  const zoom0 = (await frame.evaluate(() => window.explainer.getState())).view.zoom;
  const scroll0 = await page.evaluate(() => scrollY);
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.4);
  await page.mouse.wheel(0, 300);
  await page.waitForFunction((y0) => scrollY > y0 + 100, scroll0);
  await waitFrames(frame, 3);  // frames drawn after the wheel: it had its chance to zoom
  assert.equal((await frame.evaluate(() => window.explainer.getState())).view.zoom, zoom0, 'a plain wheel zoomed the map');
  // Keys typed into the article's own field never reach the explainer.
  const before = await frame.evaluate(() => window.explainer.getState());
  await page.click('#field');
  await page.keyboard.type('1 3 b p t ');
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.getElementById('field').value === '1 3 b p t ');
  // Scrolled to the field, the explainer is out of view and draws nothing: bring it back to see it is unchanged.
  await page.evaluate(() => document.querySelector('#explainer').scrollIntoView({ block: 'center' }));
  await waitFrames(frame, 3);
  const afterKeys = await frame.evaluate(() => window.explainer.getState());
  assert.equal(afterKeys.trip, before.trip);
  assert.equal(afterKeys.mode, before.mode);
  assert.equal(afterKeys.time, before.time);
  // Inside the explainer, keys go to the map only when it has the focus: with a button of its HTML layer
  // focused, "3" and "p" change nothing; after a click on the map, "3" picks trip 3.
  await frame.locator('#a11y button[data-trip="2019-02-hanoi"]').focus();
  await page.keyboard.press('3');
  await page.keyboard.press('p');
  await waitFrames(frame, 3);
  const afterButtonKeys = await frame.evaluate(() => window.explainer.getState());
  assert.equal(afterButtonKeys.trip, before.trip, 'a key on an HTML button reached the map');
  assert.equal(afterButtonKeys.mode, before.mode, 'a key on an HTML button reached the map');
  const canvasBox = await frame.locator('#canvas').boundingBox();
  await page.mouse.click(canvasBox.x + canvasBox.width * 0.2, canvasBox.y + canvasBox.height * 0.45);  // left of the HTML panel
  await page.keyboard.press('3');
  await frame.waitForFunction(() => window.explainer.getState().trip === '2018-06-singapore', null, { timeout: 10000 });
  await page.screenshot({ path: `${process.env.JOURNEYS_SCREENSHOTS || 'tests/screenshots'}/embed-article.png` });
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  await close();
});

test('in embed mode a plain wheel leaves the map alone (with a hint) and Ctrl + wheel zooms it', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#embed', { width: 720, height: 700 });
  const zoom0 = (await waitReady(page)).view.zoom;
  // The hint shows for 1.2 s: on a loaded machine that can pass before the test looks, so the page notes that it
  // was shown at all.
  await page.evaluate(() => {
    const hint = document.querySelector('.scroll-hint');
    new MutationObserver(() => { if (hint.classList.contains('shown')) window.__hintShown = true; })
      .observe(hint, { attributes: true });
  });
  await page.mouse.move(500, 200);
  await page.mouse.wheel(0, -200);
  await page.waitForFunction(() => window.__hintShown === true, null, { timeout: 10000 });
  await waitFrames(page, 3);
  assert.equal((await page.evaluate(() => window.explainer.getState())).view.zoom, zoom0);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await page.waitForFunction((z) => window.explainer.getState().view.zoom > z, zoom0);
  assert.deepEqual(problems, []);
  await close();
});

test('a message from an origin that is not listed is ignored', async () => {
  const url = hostPage('unlisted.html', `<div id="explainer"></div>
    <script>new pym.Parent('explainer', '${server.url}', {});</script>`);
  const { page, close } = await openPage(browser, url, { width: 900, height: 700 });  // embed.json lists nobody
  const frame = await waitForFrame(page, server.url);
  await frame.waitForFunction(() => window.explainer && window.explainer.getState().status.framesDrawn > 0, null, { timeout: 30000 });
  const was = await frame.evaluate(() => window.explainer.getState());
  // Counts the explainer messages that reach the frame (this listener runs after embed.js's own).
  await frame.evaluate(() => {
    window.__received = 0;
    addEventListener('message', (e) => { if (e.data && e.data.type === 'explainer:set') window.__received++; });
  });
  await page.evaluate(() => document.querySelector('#explainer iframe').contentWindow.postMessage(
    { type: 'explainer:set', state: { trip: '2018-05-dalian', time: 0.5 } }, '*'));
  await frame.waitForFunction(() => window.__received === 1);  // delivered, and handled by embed.js already
  // Then a message from a listed origin (the explainer's own) that must apply: the bridge is not just dead.
  await frame.evaluate(() => postMessage({ type: 'explainer:set', state: { time: 2 } }, location.origin));
  await frame.waitForFunction(() => window.explainer.getState().time === 2);
  const s = await frame.evaluate(() => window.explainer.getState());
  assert.equal(s.trip, was.trip, 'a message from an unlisted origin changed the trip');
  await close();
});

test('ten embeds on one page all draw', async () => {
  const frames = Array.from({ length: 10 }, (_, i) =>
    `<iframe title="Journeys ${i}" src="${server.url}#embed&trip=2018-03-beijing&controls=0" style="width:300px;height:520px;border:0"></iframe>`).join('');
  const url = hostPage('ten.html', frames);
  // 520 px: an embed is never shorter (web/page.css), and all ten must be in view to draw.
  const { page, close } = await openPage(browser, url, { width: 1000, height: 2100, waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 10);
  const children = await until(() => {
    const found = page.frames().filter((f) => f.url().startsWith(server.url));
    return found.length === 10 && found;
  }, { timeout: 30000, message: 'ten explainer frames' });
  for (const f of children) {
    await f.waitForFunction(() => window.explainer && window.explainer.getState().status.framesDrawn > 0, null, { timeout: 60000 });
  }
  // Each draws the map of its trip, not only frames: land, sea and the route where they belong.
  for (const [i, f] of children.entries()) await assertDrawsMap(f, `embed-ten-${i}`, '2018-03-beijing', BEIJING_POINTS);
  await page.screenshot({ path: `${process.env.JOURNEYS_SCREENSHOTS || 'tests/screenshots'}/embed-ten.png` });
  await close();
});

test('in a sandboxed iframe under a strict CSP: it draws, no violation, every request to its own origin', async () => {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'";
  const url = hostPage('sandboxed.html', `<iframe id="x" src="${server.url}#trip=2019-04-vladivostok"
    sandbox="allow-scripts allow-same-origin allow-popups" title="Journeys" style="width:800px;height:600px;border:0"></iframe>`);
  const requests = [];
  const { page, problems, close } = await openPage(browser, url, {
    width: 900, height: 700,
    before: async (p) => {
      p.on('request', (r) => requests.push(r.url()));
      await p.route(server.url, async (route) => {  // the explainer's page itself, served with the policy
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
      });
      await p.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
    },
  });
  const frame = await waitForFrame(page, server.url);
  await frame.waitForFunction(() => window.explainer && window.explainer.getState().status.framesComposed > 2, null, { timeout: 30000 });
  assert.equal((await frame.evaluate(() => window.explainer.getState())).trip, '2019-04-vladivostok');
  assert.deepEqual(await frame.evaluate(() => window.__violations), []);
  // The policy is live in the frame: an inline script is refused (script-src 'self') and the refusal reported.
  // (eval cannot show it: Playwright's evaluate runs as DevTools code, which the policy exempts.)
  const inline = await frame.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.violatedDirective} refused it`), { once: true });
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.appendChild(script);  // runs at once, if the policy allows it
    if (window.__inlineRan) resolve('the inline script ran');
  }));
  assert.equal(inline, 'script-src-elem refused it', 'the Content-Security-Policy is not applied');
  await assertDrawsMap(frame, 'embed-sandboxed-csp-frame', '2019-04-vladivostok', VLADIVOSTOK_POINTS);
  const foreign = requests.filter((r) => !r.startsWith(server.url) && !r.startsWith(host.url) && !r.startsWith('data:') && !r.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'requests outside the two origins');
  assert.ok(requests.some((r) => r.startsWith(server.url) && r.endsWith('journeys.wasm')));
  await page.screenshot({ path: `${process.env.JOURNEYS_SCREENSHOTS || 'tests/screenshots'}/embed-sandboxed-csp.png` });
  assert.deepEqual(problems.filter((p) => !p.includes('favicon') && !p.includes('404') &&
    !p.includes('Executing inline script violates')), []);  // the inline script tried above
  await close();
});
