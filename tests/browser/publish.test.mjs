// Publishing (README "Publishing"), checked as the sites that show or embed a link would: the built HTML parsed
// with an HTML parser (node-html-parser), its Open Graph and oEmbed fields validated (types, absolute URLs inside
// the public URL, image sizes against the files), the oEmbed JSON found and fetched over HTTP like a CMS does
// (discovery link -> JSON -> iframe src) and the iframe loaded and drawing in an article on another origin.
// The default dist/ (no public URL) is checked as built; a copy is published under a public URL by
// scripts/publish.mjs (as the dist/ assembly runs it) and served from a subfolder.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'node-html-parser';
import { canvasPixels, DIST, distinctColours, launchBrowser, openPage, serveDist, waitFrames, waitReady } from './harness.mjs';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const TRIPS = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/trips.json'), 'utf8')).trips;
const PAGES = ['index.html', ...TRIPS.map((t) => `trip/${t.id}/index.html`)];

let browser, tmp, published, host, publicUrl;
before(async () => {
  browser = await launchBrowser();
  // A copy of dist/ under <tmp>/site/journeys/, published for http://127.0.0.1:<port>/journeys/.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'journeys-publish-'));
  fs.cpSync(DIST, path.join(tmp, 'site/journeys'), { recursive: true });
  published = await serveDist(path.join(tmp, 'site'), { requireIndex: false });
  publicUrl = published.url + 'journeys/';
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/publish.mjs'), path.join(tmp, 'site/journeys'), ROOT, publicUrl]);
  fs.mkdirSync(path.join(tmp, 'host'));
  host = await serveDist(path.join(tmp, 'host'), { requireIndex: false });  // the CMS's article: another origin
});
after(async () => { await browser?.close(); published?.close(); host?.close(); if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

function pngSize(bytes) {
  assert.equal(bytes.readUInt32BE(12), 0x49484452, 'not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
const meta = (doc, key) => {
  const all = doc.querySelectorAll('meta').filter((m) => m.getAttribute('property') === key || m.getAttribute('name') === key);
  assert.ok(all.length <= 1 || key === 'theme-color', `${key} given ${all.length} times`);
  return all[0]?.getAttribute('content');
};
const isAbsolute = (u) => /^https?:\/\//.test(u);

// The link-preview tags of one page; `resolve(url)` gives the file behind a URL; returns the og:image URL.
function checkPreviewTags(doc, where, resolveFile) {
  assert.ok(['website', 'article'].includes(meta(doc, 'og:type')), `${where}: og:type`);
  for (const key of ['og:title', 'og:description', 'og:image:alt', 'og:site_name']) {
    assert.ok(meta(doc, key)?.trim().length > 3, `${where}: ${key} is empty`);
  }
  assert.equal(meta(doc, 'og:title'), doc.querySelector('title').text.trim(), `${where}: og:title is not the page title`);
  assert.equal(meta(doc, 'twitter:card'), 'summary_large_image', `${where}: twitter:card`);
  const themes = doc.querySelectorAll('meta[name="theme-color"]');
  assert.ok(themes.length >= 1 && themes.every((m) => /^#[0-9a-f]{6}$/i.test(m.getAttribute('content'))), `${where}: theme-color`);
  assert.equal(meta(doc, 'og:image:type'), 'image/png', `${where}: og:image:type`);
  const image = meta(doc, 'og:image');
  const size = pngSize(fs.readFileSync(resolveFile(image)));
  assert.deepEqual({ width: Number(meta(doc, 'og:image:width')), height: Number(meta(doc, 'og:image:height')) }, size,
    `${where}: og:image:width/height do not match ${image}`);
  assert.deepEqual(size, { width: 1200, height: 630 }, `${where}: ${image} is not 1200×630`);
  return image;
}

test('without a public URL: relative preview tags, no canonical, og:url or oEmbed (they would lie), every trip its own page', () => {
  assert.ok(!fs.existsSync(path.join(DIST, 'oembed.json')), 'dist/oembed.json without a public URL');
  const images = new Set();
  for (const rel of PAGES) {
    const file = path.join(DIST, rel);
    const doc = parse(fs.readFileSync(file, 'utf8'));
    const image = checkPreviewTags(doc, rel, (u) => {
      assert.ok(!isAbsolute(u) && !u.startsWith('/'), `${rel}: og:image ${u} is not relative to the page`);
      return path.resolve(path.dirname(file), u);
    });
    images.add(path.resolve(path.dirname(file), image));
    assert.equal(doc.querySelector('link[rel="canonical"]'), null, `${rel}: a canonical link without a public URL`);
    assert.equal(meta(doc, 'og:url'), undefined, `${rel}: og:url without a public URL`);
    assert.equal(doc.querySelector('link[type="application/json+oembed"]'), null, `${rel}: oEmbed discovery without a public URL`);
    assert.ok(!fs.readFileSync(file, 'utf8').includes('example.org'), `${rel} points at example.org`);
  }
  assert.equal(images.size, PAGES.length, 'each trip page has an image of its own');
  // The previews are for the sites that show the link: not preloaded, not in the offline copy.
  const index = parse(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'));
  for (const link of index.querySelectorAll('link')) {
    assert.ok(!/previews\/|trip\/|oembed/.test(link.getAttribute('href')), `index.html links ${link.getAttribute('href')}`);
  }
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  assert.ok(!/previews\/|trip\/|oembed/.test(sw), 'sw.js copies files the page never uses');
});

test('with a public URL: every link the pages and their oEmbed give out is absolute and inside it', async () => {
  const inside = (u, what) => assert.ok(isAbsolute(u) && u.startsWith(publicUrl), `${what}: ${u} is not inside ${publicUrl}`);
  for (const rel of PAGES) {
    const pageUrl = publicUrl + rel.replace(/index\.html$/, '');
    const response = await fetch(pageUrl);
    assert.equal(response.status, 200, pageUrl);
    const doc = parse(await response.text());
    const image = checkPreviewTags(doc, rel, (u) => { inside(u, `${rel} og:image`); return path.join(tmp, 'site/journeys', u.slice(publicUrl.length)); });
    assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), pageUrl, `${rel}: canonical`);
    assert.equal(meta(doc, 'og:url'), pageUrl, `${rel}: og:url`);
    for (const el of doc.querySelectorAll('[href], [src]')) {
      const u = el.getAttribute('href') ?? el.getAttribute('src');
      const credit = u.startsWith('https://www.naturalearthdata.com/') || u === 'https://www.openstreetmap.org/copyright';
      if (isAbsolute(u) && !credit) inside(u, `${rel} <${el.rawTagName}>`);  // the map credit's sources aside
    }
    // Discovery, as a CMS does it: the link in the page, then the JSON it names.
    const discovery = doc.querySelectorAll('link[rel="alternate"][type="application/json+oembed"]:not([hreflang])');
    assert.equal(discovery.length, 1, `${rel}: one oEmbed discovery link`);
    // ... and one in Korean: its title and the iframe's in Korean, the iframe opening in Korean.
    const korean = doc.querySelectorAll('link[rel="alternate"][type="application/json+oembed"][hreflang="ko"]');
    assert.equal(korean.length, 1, `${rel}: one Korean oEmbed discovery link`);
    inside(korean[0].getAttribute('href'), `${rel} Korean oEmbed link`);
    const ko = await (await fetch(korean[0].getAttribute('href'))).json();
    assert.match(ko.title, /김정은의 해외 방문길$/);
    assert.match(korean[0].getAttribute('title'), /김정은의 해외 방문길$/);
    const koFrame = parse(ko.html).querySelector('iframe');
    assert.match(koFrame.getAttribute('title'), /^김정은의 해외 방문길: /);
    assert.match(new URL(koFrame.getAttribute('src')).hash, /&lang=ko$/);
    const oembedUrl = discovery[0].getAttribute('href');
    inside(oembedUrl, `${rel} oEmbed link`);
    const r = await fetch(oembedUrl);
    assert.equal(r.status, 200, oembedUrl);
    const o = await r.json();
    assert.equal(o.version, '1.0');
    assert.equal(o.type, 'rich');
    assert.equal(o.title, meta(doc, 'og:title'));
    assert.ok(typeof o.provider_name === 'string' && o.provider_name.length > 0);
    inside(o.provider_url, `${rel} oEmbed provider_url`);
    assert.ok(Number.isInteger(o.width) && o.width > 0 && Number.isInteger(o.height) && o.height > 0, 'oEmbed width/height');
    assert.equal(o.thumbnail_url, image, `${rel}: oEmbed thumbnail is not the og:image`);
    const thumb = await fetch(o.thumbnail_url);
    assert.equal(thumb.status, 200);
    assert.deepEqual(pngSize(Buffer.from(await thumb.arrayBuffer())), { width: o.thumbnail_width, height: o.thumbnail_height });
    const frames = parse(o.html).querySelectorAll('iframe');
    assert.equal(frames.length, 1, `${rel}: oEmbed html is one iframe`);
    inside(frames[0].getAttribute('src'), `${rel} iframe src`);
    assert.equal(frames[0].getAttribute('height'), String(o.height));
    const trip = rel.match(/^trip\/([^/]+)\//)?.[1];
    assert.equal(new URL(frames[0].getAttribute('src')).hash, trip ? `#trip=${trip}&embed` : '#embed', `${rel}: iframe src`);
  }
  for (const f of ['oembed.json', 'oembed.ko.json', ...TRIPS.flatMap((t) => [`trip/${t.id}/oembed.json`, `trip/${t.id}/oembed.ko.json`])]) {
    assert.ok(!fs.readFileSync(path.join(tmp, 'site/journeys', f), 'utf8').includes('example.org'), f);
  }
});

test('a CMS embeds a trip from its link: discovery -> oEmbed JSON -> the iframe loads the explainer and draws', async () => {
  const trip = '2019-02-hanoi';
  const doc = parse(await (await fetch(`${publicUrl}trip/${trip}/`)).text());
  const o = await (await fetch(doc.querySelector('link[type="application/json+oembed"]').getAttribute('href'))).json();
  fs.writeFileSync(path.join(tmp, 'host/article.html'), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head>
<body><h1>Article</h1>${o.html}<p>After the embed.</p></body></html>`);
  const { page, problems, close } = await openPage(browser, host.url + 'article.html', { width: 800, height: 900 });
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await waitReady(frame);
  const s = await frame.evaluate(() => window.explainer.getState());
  assert.equal(s.trip, trip, 'the embed shows the trip of the link');
  await waitFrames(frame, 3);
  const pixels = await canvasPixels(frame, 'publish-oembed-iframe');
  assert.ok(distinctColours(pixels) > 20, 'the embedded explainer drew a map');
  assert.deepEqual(problems, []);
  await close();
});

test('a trip link sends readers to the explainer with that trip, keeping their own hash; Embed copies the public URL', async () => {
  const { page, problems, close } = await openPage(browser, `${publicUrl}trip/2018-06-singapore/#mode=plane`, { width: 1024, height: 700 });
  const s = await waitReady(page);
  assert.equal(s.trip, '2018-06-singapore');
  assert.equal(s.mode, 'plane');
  assert.equal(new URL(page.url()).pathname, '/journeys/');
  // The Embed button: the snippet points at the public URL (here the same server) with the reader's view.
  const button = await page.evaluate(() => window.explainer.locate('embed'));
  await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
  await page.waitForFunction(() => typeof window.explainerEmbedCode === 'string');
  const snippet = await page.evaluate(() => window.explainerEmbedCode);
  const src = parse(snippet).querySelector('iframe').getAttribute('src');
  assert.ok(src.startsWith(publicUrl + '#trip=2018-06-singapore'), src);
  assert.match(src, /&embed$/);
  assert.match(snippet, /height="600"/);
  assert.deepEqual(problems, []);
  await close();
});

test('the first visit fetches nothing new: no preview, trip page or oEmbed file', async () => {
  const { page, problems, close } = await openPage(browser, publicUrl, {
    width: 1024, height: 700,
    before: (p) => { p.requests = []; p.on('request', (r) => p.requests.push(r.url())); },
  });
  await waitReady(page);
  // The service worker is registered after the first frame and fetches its copies while installing: once it is
  // active, everything the first visit will ever fetch has been asked for.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const extra = page.requests.filter((u) => /previews\/|\/trip\/|oembed/.test(u));
  assert.deepEqual(extra, []);
  assert.deepEqual(problems, []);
  await close();
});
