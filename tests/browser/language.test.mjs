// The Korean edition: #lang=ko loads Korean (the app's state and words, <html lang>, the accessible layer, the
// no-WebGL table), a language change keeps the trip, mode, clock and view, the English first visit requests no
// Korean asset at all, and screenshots of every trip in Korean at desktop, phone and classroom sizes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { DIST, SCREENSHOTS, launchBrowser, openPage, saveScreenshot, serveDist, waitFrames, waitLanded, waitReady } from './harness.mjs';
import { CODE as THIRD, NAME as THIRD_NAME, markedCatalogue } from '../marked_language.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.close(); });

const TRIPS = ['2018-03-beijing', '2018-05-dalian', '2018-06-singapore', '2018-06-beijing', '2019-01-beijing',
  '2019-02-hanoi', '2019-04-vladivostok', '2023-09-russia', '2025-09-beijing'];
const LANGUAGE_ASSET = /assets\/(lang\/|fonts\/NotoSansCJK-)|web\/lang\.js/;
const hangul = /[\uAC00-\uD7A3]/;

async function waitKorean(page) {
  await waitReady(page);
  await page.waitForFunction(() => {
    const s = window.explainer.getState();
    return s.language === 'ko' && s.status.languageReady;
  }, null, { timeout: 30000 });
  await waitFrames(page, 3);
}

test('#lang=ko: the app, <html lang>, the title and the accessible layer are Korean', async () => {
  const { page, close } = await openPage(browser, server.url + '#trip=2019-02-hanoi&lang=ko');
  await waitKorean(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  await page.waitForFunction(() => document.title === '김정은의 해외 방문길');
  const described = await page.evaluate(() => window.explainer.describe());
  assert.equal(described.lang, 'ko');
  assert.match(described.trip.heading, /^6차 방문: 하노이/);
  assert.match(described.trip.dates, /^2019년 2월/);
  assert.match(described.play, /재생/);
  await page.waitForFunction(() => document.getElementById('a11y') && document.getElementById('a11y').lang === 'ko');
  assert.match(await page.locator('#a11y h2').first().innerText(), hangul);
  // The map's labels are Korean too.
  const labels = (await page.evaluate(() => window.explainer.getState().status.labels)).map((l) => l.text);
  assert.ok(labels.some((t) => hangul.test(t)), `no Korean label among ${labels.join(', ')}`);
  // The link keeps the language.
  await page.waitForFunction(() => location.hash.includes('lang=ko'));
  await close();
});

test('a third language is files only: its catalogue and font subset in a copy of dist/, and the page offers it', async () => {
  // The files a translator adds (tests/marked_language.mjs: English marked 【…】), the font subset cut by the
  // project's script, and the build's last step (scripts/publish.mjs lists the languages in index.html). No code.
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeys-third-language-'));
  const langDir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeys-third-catalogue-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const catalogue = markedCatalogue(fs.readFileSync(path.join(root, 'assets/lang/ko.json'), 'utf8'));
  fs.writeFileSync(path.join(langDir, `${THIRD}.json`), catalogue);
  fs.writeFileSync(path.join(dir, `assets/lang/${THIRD}.json`), catalogue);
  execFileSync('/usr/bin/python3', [path.join(root, 'scripts/make_cjk_fonts.py'), langDir, path.join(dir, 'assets/fonts')]);
  execFileSync(process.execPath, [path.join(root, 'scripts/publish.mjs'), dir, root]);
  const site = await serveDist(dir);
  try {
    const { page, close } = await openPage(browser, site.url + `#trip=2019-02-hanoi&lang=${THIRD}`);
    await waitReady(page);
    await page.waitForFunction((code) => {
      const s = window.explainer.getState();
      return s.language === code && s.status.languageReady;
    }, THIRD, { timeout: 30000 });
    await waitFrames(page, 3);
    // Chosen by the link, shown in its words, and kept in the link.
    assert.equal(await page.evaluate(() => document.documentElement.lang), THIRD);
    const described = await page.evaluate(() => window.explainer.describe());
    assert.equal(described.lang, THIRD);
    assert.match(described.play, /^【/);
    assert.match(described.trip.dates, /^【/);
    assert.deepEqual(described.languages.map((l) => l.code), ['en', 'ko', THIRD]);
    assert.equal(described.languages[2].name, THIRD_NAME);
    await page.waitForFunction((code) => location.hash.includes('lang=' + code), THIRD);
    // In the language controls: the canvas's switch and the accessible layer's list, each going back to English.
    await page.waitForFunction((code) => document.getElementById('a11y') && document.getElementById('a11y').lang === code, THIRD);
    assert.deepEqual(await page.locator('#a11y-language option').evaluateAll((os) => os.map((o) => [o.value, o.textContent])),
      [['en', 'English'], ['ko', '한국어'], [THIRD, THIRD_NAME]]);
    assert.equal(await page.locator('#a11y-language').inputValue(), THIRD);
    const button = await page.evaluate((code) => window.explainer.locate('lang:' + code), THIRD);
    assert.ok(button, `the ${THIRD.toUpperCase()} button is drawn`);
    saveScreenshot(await page.locator('#canvas').screenshot(), `third-language-${THIRD}`);
    const en = await page.evaluate(() => window.explainer.locate('lang:en'));
    await page.mouse.click(en.x + en.width / 2, en.y + en.height / 2);
    await page.waitForFunction(() => window.explainer.getState().language === 'en' && document.documentElement.lang === 'en');
    await page.waitForFunction((code) => !location.hash.includes('lang=' + code) && location.hash.includes('lang=en'), THIRD);
    // ... and back by its button: the link says it again.
    const third = await page.evaluate((code) => window.explainer.locate('lang:' + code), THIRD);
    await page.mouse.click(third.x + third.width / 2, third.y + third.height / 2);
    await page.waitForFunction((code) => location.hash.includes('lang=' + code) && document.documentElement.lang === code, THIRD);
    await close();
  } finally {
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(langDir, { recursive: true, force: true });
  }
});

// A slow connection: the Korean font (and so the Korean words, taken once it is in) arrives after the first full
// frame, drawn meanwhile with the English words. The map's labels must turn Korean then (they were cached by the
// language asked for, and stayed English for good).
test('Korean arriving after the first frame: the map\'s labels and hours turn Korean', async () => {
  const { page, close } = await openPage(browser, server.url + '#lang=ko&trip=2018-03-beijing', {
    width: 1280, height: 800,
    before: (p) => p.route('**/NotoSansCJK-ko*.otf', async (route) => {
      await p.waitForFunction(() => window.explainer && window.explainer.getState().status.framesDrawn > 0, null, { polling: 50 });
      await route.continue();
    }),
  });
  await waitKorean(page);
  await page.evaluate(() => window.explainer.command({ do: 'toEnd' }));
  await waitFrames(page, 3);
  const labels = await page.evaluate(() => window.explainer.getState().status.labels.map((l) => l.text));
  assert.ok(labels.includes('평양역'), `no Korean stop label: ${labels.join(' | ')}`);
  assert.ok(labels.some((t) => /^베이징역 · \d+시간/.test(t)), `no Korean hours: ${labels.join(' | ')}`);
  assert.deepEqual(labels.filter((t) => /Station|\bmin\b/.test(t)), []);
  await close();
});

test('changing the language keeps the trip, the mode, the clock and the view', async () => {
  const { page, close } = await openPage(browser, server.url + '#trip=2019-02-hanoi&mode=both&t=20&view=30,115,1.5');
  await waitReady(page);
  await waitLanded(page);
  const before = await page.evaluate(() => window.explainer.getState());
  assert.equal(before.language, 'en');
  await page.evaluate(() => window.explainer.command({ do: 'setLanguage', lang: 'ko' }));
  await page.waitForFunction(() => window.explainer.getState().status.languageReady, null, { timeout: 30000 });
  await waitFrames(page, 3);
  const after = await page.evaluate(() => window.explainer.getState());
  assert.equal(after.language, 'ko');
  for (const key of ['trip', 'mode', 'time', 'speed', 'playing']) assert.deepEqual(after[key], before[key], key);
  for (const key of ['lat', 'lon', 'zoom']) assert.ok(Math.abs(after.view[key] - before.view[key]) < 1e-9, `view.${key}`);
  assert.equal(after.status.flying, false);
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  // The canvas's own language switch goes back.
  const en = await page.evaluate(() => window.explainer.locate('lang:en'));
  assert.ok(en, 'the EN button is drawn');
  await page.mouse.click(en.x + en.width / 2, en.y + en.height / 2);
  await page.waitForFunction(() => window.explainer.getState().language === 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal((await page.evaluate(() => window.explainer.getState())).time, before.time);
  await close();
});

test('the English first visit requests no Korean words or fonts', async () => {
  const requested = [];
  const { page, close } = await openPage(browser, server.url, {
    before: (p) => p.on('request', (r) => requested.push(r.url())),
  });
  await waitReady(page);
  await waitFrames(page, 10);
  await page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.ready);  // the offline copy too
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(requested.filter((u) => LANGUAGE_ASSET.test(u)), []);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // Local names on: their names and font, still no Korean words.
  await page.evaluate(() => window.explainer.command({ do: 'toggleLocalNames' }));
  await page.waitForFunction(() => window.explainer.getState().status.localNamesReady, null, { timeout: 30000 });
  assert.deepEqual(requested.filter((u) => LANGUAGE_ASSET.test(u)).map((u) => u.replace(/.*assets\//, '')).sort(),
    ['fonts/NotoSansCJK-local.otf', 'lang/local-names.json']);
  await close();
});

test('a Korean browser gets Korean on the standalone page; an embed follows its link', async () => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1024, height: 700 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitKorean(page);
  await page.goto(server.url + '#embed&lang=en');
  await page.reload();
  await waitReady(page);
  assert.equal((await page.evaluate(() => window.explainer.getState())).language, 'en');
  await context.close();
});

test('a link the page has not applied yet is taken, not overwritten by the state from before it', async () => {
  const { page, close } = await openPage(browser, server.url + '#lang=ko&trip=2018-03-beijing');
  await waitKorean(page);
  // A change of state schedules the URL's update; then the URL changes with no hashchange yet (as when the update's
  // timer runs before the navigation's event: a Korean reload once opened an embed's #lang=en link in Korean).
  await page.evaluate(() => {
    window.explainer.setState({ trip: '2019-02-hanoi' });
    history.replaceState(null, '', '#lang=en&trip=2018-05-dalian');
  });
  await page.waitForFunction(() => {
    const s = window.explainer.getState();
    return s.language === 'en' && s.trip === '2018-05-dalian';
  }, null, { timeout: 10000 });
  await close();
});

test('without WebGL 2 the table is Korean at #lang=ko', async () => {
  const { page, close } = await openPage(browser, server.url + '#lang=ko', { expectErrors: /WebGL 2/,
    before: (p) => p.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    }) });
  await page.waitForFunction(() => document.querySelectorAll('#fallback-table tbody tr').length > 0, null, { timeout: 15000 });
  const rows = await page.locator('#fallback-table tbody tr').allInnerTexts();
  assert.equal(rows.length, TRIPS.length);
  assert.match(rows[0], /^1\s+2018년 3월 25~28일\s+베이징/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  assert.match(await page.locator('.a11y-lead').innerText(), hangul);
  assert.match(await page.locator('#notices').innerText(), /WebGL 2를 쓸 수 없어/);
  assert.deepEqual(englishWords(await pageTexts(page)), []);
  await page.screenshot({ path: `${SCREENSHOTS}/ko-fallback-table.png`, fullPage: true });
  await close();
});

test('axe-core in Korean: no serious or critical violation', async () => {
  const { page, close } = await openPage(browser, server.url + '#lang=ko&trip=2018-06-singapore');
  await waitKorean(page);
  await page.locator('#a11y button[data-trip="2019-02-hanoi"]').focus();
  await page.waitForFunction(() => document.getElementById('a11y').getBoundingClientRect().width > 200);
  // The layer slides in, fading from transparent (web/a11y.css): contrast is judged once it has arrived, as a reader
  // sees it (measured mid-fade, axe once found its text too faint).
  await page.waitForFunction(() => document.getElementById('a11y').getAnimations({ subtree: true })
    .every((a) => a.playState !== 'running'));
  const results = await new AxeBuilder({ page }).analyze();
  const findings = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(findings, []);
  await close();
});

for (const [name, width, height, extra] of [['desktop', 1280, 800, ''], ['phone', 390, 844, ''], ['classroom', 1920, 1080, '&classroom']]) {
  test(`every trip in Korean, ${name} ${width}×${height}: screenshots`, async () => {
    const { page, close } = await openPage(browser, server.url + `#lang=ko${extra}`, { width, height,
      pixelRatio: name === 'phone' ? 3 : 1 });
    await waitKorean(page);
    for (const [i, trip] of TRIPS.entries()) {
      const picked = await page.evaluate((id) => window.explainer.command({ do: 'selectTrip', trip: id }).trip, trip);
      assert.equal(picked, trip, 'an id of the data');
      if (name === 'phone') await page.evaluate(() => window.explainer.setState({ sidebarOpen: false }));
      await page.evaluate(() => window.explainer.command({ do: 'toEnd' }));
      await waitLanded(page);
      await waitFrames(page, 3);
      saveScreenshot(await page.locator('#canvas').screenshot(), `ko-${name}-${i + 1}-${trip}`);
    }
    // The phone's open list and a card, too.
    if (name === 'phone') {
      await page.evaluate(() => window.explainer.setState({ sidebarOpen: true }));
      await waitFrames(page, 3);
      saveScreenshot(await page.locator('#canvas').screenshot(), `ko-phone-list`);
    }
    await close();
  });
}

// --- untranslated text ----------------------------------------------------------------------------------------
// What a Korean reader sees in Latin letters must be a name or a unit that stays as it is. Everything else in
// Latin letters is English the catalogue lacks. Words with a digit (Il-62M, K27, UTC+8:30, HTTP 404) are model
// numbers, codes and figures; links to the sources keep the outlets' own titles (assets/TRIPS-DATA.md).
const LATIN_KEPT = new Set([
  // units and symbols
  'km', 'h', 'MB', 'x',
  // names: the map's data, browsers and their technology, keys, languages, outlets named in the facts
  'Natural', 'Earth', 'WebGL', 'WebAssembly', 'WebCodecs', 'H', 'VP9', 'Chrome', 'Firefox', 'Safari', 'Edge',
  'Ctrl', 'Cmd', 'Mac', 'Esc', 'Tab', 'Home', 'End', 'Page', 'Up', 'Down', 'Space', 'T', 'P', 'B', 'F',
  'English', 'EN', 'KO', 'AP', 'NHK', 'SCMP', 'KnAAZ', 'E-Town', 'HTTP', 'WebGL2',
]);
function englishWords(texts) {
  const found = new Set();
  for (const text of texts) {
    for (const run of String(text).match(/[A-Za-z0-9][A-Za-z0-9+&'’-]*/g) || []) {
      const word = run.replace(/['’+-]+$/, '');
      if (!/[A-Za-z]/.test(word) || /\d/.test(word) || LATIN_KEPT.has(word)) continue;
      if (/^[\w-]+\.(json|bin|ttf|otf|js|wasm|png)$/.test(word)) continue;  // a file's name in a technical detail
      found.add(word);
    }
  }
  return [...found].sort();
}
// Every text of the page a reader (or a screen reader) meets: rendered text, the names and labels of controls,
// the title and description; not the sources (links and <cite>), which keep the outlets' names and titles.
const pageTexts = (page) => page.evaluate(() => {
  const out = [document.title, document.querySelector('meta[name="description"]').content];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent.closest('script, style, noscript, a[href^="http"], cite, [hidden]')) continue;
    if (getComputedStyle(parent).display === 'none' || !n.textContent.trim()) continue;
    out.push(n.textContent);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
    if (el.closest('a[href^="http"], cite')) continue;  // a source's own description
    for (const a of ['aria-label', 'title', 'alt', 'placeholder']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
  }
  return out;
});
// What the canvas shows, in the core's words: every text of describe() but the sources (outlets' names and
// titles) and ids, and the map's labels now.
const canvasTexts = (page) => page.evaluate(() => {
  const out = [];
  const walk = (v, key) => {
    if (['sources', 'url', 'id', 'lang', 'languages', 'speeds'].includes(key)) return;
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, Array.isArray(v) ? key : k);
  };
  walk(window.explainer.describe(), '');
  for (const l of window.explainer.getState().status.labels) out.push(l.text);
  return out;
});

test('Korean mode shows no English: the page, the canvas\'s words for every trip, the embed, the video dialog', async () => {
  // Reduced motion: the camera cuts to each trip and mode instead of flying (the words are the same; 27 flights drawn
  // frame by frame on SwiftShader only cost time here).
  const { page, close } = await openPage(browser, server.url + '#lang=ko&trip=2018-03-beijing', {
    width: 1280, height: 800, before: (p) => p.emulateMedia({ reducedMotion: 'reduce' }),
  });
  await waitKorean(page);
  await page.waitForFunction(() => document.title === '김정은의 해외 방문길');
  const seen = [...await pageTexts(page)];
  for (const trip of TRIPS) {
    await page.evaluate((id) => window.explainer.command({ do: 'selectTrip', trip: id }), trip);
    for (const mode of ['train', 'plane', 'both']) {
      await page.evaluate((m) => { try { window.explainer.setState({ mode: m }); } catch (e) { /* no such track */ } }, mode);
      await page.evaluate(() => window.explainer.command({ do: 'toEnd' }));
      await waitLanded(page);
      await waitFrames(page, 2);
      seen.push(...await canvasTexts(page));
    }
  }
  seen.push(...await pageTexts(page));  // the accessible layer, now showing the last trip
  // Local names on: the labels gain their own scripts, no Latin.
  await page.evaluate(() => window.explainer.command({ do: 'toggleLocalNames' }));
  await page.waitForFunction(() => window.explainer.getState().status.localNamesReady, null, { timeout: 30000 });
  await waitFrames(page, 3);
  seen.push(...await canvasTexts(page));
  // The Export video dialog.
  await page.evaluate(() => window.explainer.command({ do: 'exportVideo' }));
  await page.waitForSelector('#video-dialog[open]');
  const dialog = await page.textContent('#video-dialog');
  assert.match(dialog, /동영상 내보내기/);
  seen.push(dialog);
  await page.screenshot({ path: `${SCREENSHOTS}/ko-video-dialog.png` });
  assert.deepEqual(englishWords(seen), []);
  await close();
});

test('Korean embed: the zoom hint and the credit are Korean', async () => {
  const { page, close } = await openPage(browser, server.url + '#lang=ko&embed&trip=2019-02-hanoi', { width: 720, height: 600 });
  await waitKorean(page);
  await page.waitForFunction(() => document.getElementById('credit').textContent.includes('지도 데이터'));
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 200);
  await page.waitForFunction(() => document.querySelector('.scroll-hint.shown'));
  assert.match(await page.textContent('.scroll-hint'), /스크롤로 지도 확대·축소/);
  // Faded in (0.2 s): the picture shows the hint as a reader reads it, not half way.
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.scroll-hint')).opacity === '1');
  await page.screenshot({ path: `${SCREENSHOTS}/ko-embed-hint.png` });
  // The page's lines follow the app's words a frame or two after they arrive: looked at again until settled.
  let english = [];
  for (let i = 0; i < 20; i++) {
    english = englishWords([...await pageTexts(page), ...await canvasTexts(page)]);
    if (!english.length) break;
    await waitFrames(page, 5);
  }
  assert.deepEqual(english, []);
  await close();
});

test('error messages in Korean: a missing file and a broken base map are reported in Korean', async () => {
  const { page, close } = await openPage(browser, server.url + '#lang=ko', {
    expectErrors: /^(Could not load font-bold: HTTP 404|font-bold 파일을 불러오지 못했습니다: HTTP 404|The base map could not be read|기본 지도를 읽지 못했습니다)/,
    before: async (p) => {
      await p.route('**/NotoSans-Bold.ttf', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await p.route('**/assets/map.bin', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.body()).subarray(0, 5000) });
      });
    },
  });
  await waitKorean(page);
  await page.waitForFunction(() => /font-bold 파일을 불러오지 못했습니다/.test(document.getElementById('notices').textContent));
  await page.waitForFunction(() => /기본 지도를 읽지 못했습니다/.test(document.getElementById('notices').textContent));
  // The sentence is Korean; its technical parts (the file, HTTP 404, the parser's detail) stay as they are.
  const notices = await page.locator('#notices .notice').allTextContents();
  assert.deepEqual(notices.filter((n) => !/^[^A-Za-z]*[\uAC00-\uD7A3]/.test(n.replace(/^[\w.-]+ /, ''))), []);
  await close();
});
