// Deep links and embedding: a link reproduces the state; hostile links leave the page running; a host page on
// another origin sizes the iframe with pym.js, drives it by postMessage (unlisted origins are ignored), keeps
// its wheel scrolling and its own keys; reduced motion stops auto-play; ten embeds on one page all draw.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { canvasPixels, launchBrowser, meanDifference, openPage, serveDist, waitFrames, waitReady } from './harness.mjs';

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
const explainerFrame = (page) => page.frames().find((f) => f.url().startsWith(server.url));

test('a deep link reproduces the state and the frame; the hash follows the state', async () => {
  const link = `${server.url}#trip=2019-02-hanoi&mode=plane&t=1.5&speed=4`;
  const a = await openPage(browser, link, { width: 1024, height: 700 });
  let s = await waitReady(a.page);
  assert.equal(s.trip, '2019-02-hanoi');
  assert.equal(s.mode, 'plane', 'the what-if mode from the link, not the real one');
  assert.equal(s.time, 1.5);
  assert.equal(s.speed, 4);
  await a.page.evaluate(() => window.explainer.setState({ time: 2.0625 }));
  await a.page.waitForFunction(() => location.hash.includes('t=2.0625'));
  const hash = await a.page.evaluate(() => location.hash);
  await a.page.waitForTimeout(3200);
  await waitFrames(a.page, 2);
  const first = await canvasPixels(a.page, 'link-original');

  const b = await openPage(browser, server.url + hash, { width: 1024, height: 700 });
  s = await waitReady(b.page);
  assert.equal(s.time, 2.0625);
  assert.equal(s.mode, 'plane');
  await waitFrames(b.page, 3);
  const second = await canvasPixels(b.page, 'link-reopened');
  assert.ok(meanDifference(first, second) < 1.5, `the link shows another frame (${meanDifference(first, second)})`);
  assert.deepEqual([...a.problems, ...b.problems], []);
  await a.close();
  await b.close();
});

test('hostile links: each is ignored with at most a notice and the page keeps drawing', async () => {
  const hostile = ['#', '#&&&', '#=', '#trip', '#t=nan', '#t=inf', '#t=1e400', '#speed=%', '#speed=%zz', '#view=1,2',
    '#view=1,2,3,4', '#view=nan,0,1', '#mode=%00', '#trip=%E2%80%AE', '#trip=../../etc/passwd',
    '#<script>alert(1)</script>', '#<img src=x onerror=alert(1)>', '#t=99999999999999999999', '#play=maybe',
    '#dark=purple', '#controls=2', '#%', '#%%%%', '#trip=2019-02-hanoi%00', '#' + 'x'.repeat(5000),
    '#' + '&a=1'.repeat(500), '#view=-90,-180,-1e308', '#t=-1', '#speed=0', '#mode=both&mode=plane&mode=',
    '#trip=2018-06-singapore&mode=both', '#"\'`;{}[]', '#\u0000\u0001\u0002'];
  const { page, problems, close } = await openPage(browser, server.url + hostile[0], { width: 900, height: 640 });
  await waitReady(page);
  for (const h of hostile) {
    await page.evaluate((x) => { location.hash = x; }, h);
    await waitFrames(page, 2);
    const s = await page.evaluate(() => window.explainer.getState());
    assert.ok(Number.isFinite(s.time) && s.time >= 0 && Number.isFinite(s.view.zoom), `bad state after ${h.slice(0, 40)}`);
  }
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
  let frame;
  for (let i = 0; i < 100 && !(frame = explainerFrame(page)); i++) await page.waitForTimeout(100);
  // Chrome draws no frames in a cross-origin iframe scrolled out of view: the reader scrolls to it first.
  await page.evaluate(() => document.querySelector('#explainer').scrollIntoView({ block: 'center' }));
  await frame.waitForFunction(() => window.explainer && window.explainer.getState().status.framesDrawn > 0, null, { timeout: 30000 });

  // Height: pym's parent sets the iframe to the child's reported height, which follows from the width (4:3).
  await page.waitForFunction(() => document.querySelector('#explainer iframe').getBoundingClientRect().height > 300);
  const iframeHeight = await page.evaluate(() => document.querySelector('#explainer iframe').getBoundingClientRect().height);
  await page.waitForTimeout(1200);  // pym polls the height every 500 ms
  const childHeight = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  assert.ok(Math.abs(iframeHeight - childHeight) <= 2, `iframe ${iframeHeight} px, page ${childHeight} px`);
  assert.ok(Math.abs(childHeight - 720 * 3 / 4) <= 4, `height does not follow the width: ${childHeight}`);

  // postMessage from the listed host origin drives the trip.
  await page.evaluate((origin) => document.querySelector('#explainer iframe').contentWindow.postMessage(
    { type: 'explainer:set', state: { trip: '2019-04-vladivostok', mode: 'both', bogus: 1 } }, origin), server.url.replace(/\/$/, ''));
  await frame.waitForFunction(() => window.explainer.getState().trip === '2019-04-vladivostok');
  // The camera flies to the new trip (up to 3 s): wait until it has landed before watching the zoom.
  await frame.waitForFunction(async () => {
    const z = window.explainer.getState().view.zoom;
    await new Promise((r) => setTimeout(r, 400));
    return window.explainer.getState().view.zoom === z;
  }, null, { timeout: 10000 });

  // The wheel over the map scrolls the article; Ctrl + wheel zooms the map and leaves the article where it is.
  await page.evaluate(() => document.querySelector('#explainer').scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);
  const box = await page.locator('#explainer iframe').boundingBox();
  const zoom0 = (await frame.evaluate(() => window.explainer.getState())).view.zoom;
  const scroll0 = await page.evaluate(() => scrollY);
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.4);
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(500);
  assert.ok(await page.evaluate(() => scrollY) > scroll0 + 100, 'the wheel did not scroll the article');
  assert.equal((await frame.evaluate(() => window.explainer.getState())).view.zoom, zoom0, 'a plain wheel zoomed the map');
  // Keys typed into the article's own field never reach the explainer.
  const before = await frame.evaluate(() => window.explainer.getState());
  await page.click('#field');
  await page.keyboard.type('1 3 b p t ');
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
  const afterKeys = await frame.evaluate(() => window.explainer.getState());
  assert.equal(afterKeys.trip, before.trip);
  assert.equal(afterKeys.mode, before.mode);
  assert.equal(afterKeys.time, before.time);
  assert.equal(await page.inputValue('#field'), '1 3 b p t ');
  await page.screenshot({ path: `${process.env.JOURNEYS_SCREENSHOTS || 'tests/screenshots'}/embed-article.png` });
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
  await close();
});

test('in embed mode a plain wheel leaves the map alone (with a hint) and Ctrl + wheel zooms it', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#embed', { width: 720, height: 700 });
  const zoom0 = (await waitReady(page)).view.zoom;
  await page.mouse.move(500, 200);
  await page.mouse.wheel(0, -200);
  await waitFrames(page, 3);
  assert.equal((await page.evaluate(() => window.explainer.getState())).view.zoom, zoom0);
  assert.equal(await page.locator('.scroll-hint').evaluate((el) => el.classList.contains('shown')), true);
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
  let frame;
  for (let i = 0; i < 100 && !(frame = explainerFrame(page)); i++) await page.waitForTimeout(100);
  await frame.waitForFunction(() => window.explainer && window.explainer.getState().status.framesDrawn > 0, null, { timeout: 30000 });
  const trip = (await frame.evaluate(() => window.explainer.getState())).trip;
  await page.evaluate(() => document.querySelector('#explainer iframe').contentWindow.postMessage(
    { type: 'explainer:set', state: { trip: '2018-05-dalian' } }, '*'));
  await page.waitForTimeout(800);
  assert.equal((await frame.evaluate(() => window.explainer.getState())).trip, trip);
  await close();
});

test('ten embeds on one page all draw', async () => {
  const frames = Array.from({ length: 10 }, (_, i) =>
    `<iframe title="Journeys ${i}" src="${server.url}#embed&trip=2018-03-beijing&controls=0" style="width:300px;height:260px;border:0"></iframe>`).join('');
  const url = hostPage('ten.html', frames);
  const { page, close } = await openPage(browser, url, { width: 1000, height: 1400 });
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 10);
  await page.waitForTimeout(500);
  const children = page.frames().filter((f) => f.url().startsWith(server.url));
  assert.equal(children.length, 10);
  for (const f of children) {
    await f.waitForFunction(() => window.explainer && window.explainer.getState().status.framesDrawn > 0, null, { timeout: 60000 });
  }
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
  let frame;
  for (let i = 0; i < 100 && !(frame = explainerFrame(page)); i++) await page.waitForTimeout(100);
  await frame.waitForFunction(() => window.explainer && window.explainer.getState().status.framesDrawn > 2, null, { timeout: 30000 });
  assert.equal((await frame.evaluate(() => window.explainer.getState())).trip, '2019-04-vladivostok');
  assert.deepEqual(await frame.evaluate(() => window.__violations), []);
  const foreign = requests.filter((r) => !r.startsWith(server.url) && !r.startsWith(host.url) && !r.startsWith('data:') && !r.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'requests outside the two origins');
  assert.ok(requests.some((r) => r.startsWith(server.url) && r.endsWith('journeys.wasm')));
  await page.screenshot({ path: `${process.env.JOURNEYS_SCREENSHOTS || 'tests/screenshots'}/embed-sandboxed-csp.png` });
  assert.deepEqual(problems.filter((p) => !p.includes('favicon') && !p.includes('404')), []);
  await close();
});
