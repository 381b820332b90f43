// Issue 16, the themes: the dark map is a palette of its own (core::kDarkPalette: a blue-black sea, slate land, no
// light sea left anywhere), the selected mode button stands out from the others in both themes, and in forced
// colours (Windows high contrast) the HTML layer draws its pressed state in the system's Highlight.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PNG } from 'pngjs';
import { canvasPixels, launchBrowser, near, openPage, saveScreenshot, serveDist, waitFrames, waitLanded, waitReady } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DARK_SEA = [16, 24, 36];
const DARK_LAND = [[46, 49, 54], [53, 55, 59], [81, 65, 48]];  // other, route countries, North Korea
const LIGHT_SEA = [203, 220, 233];

// The mean colour of a rectangle (CSS px at pixel ratio 1) of a decoded screenshot.
function meanColour(png, r) {
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = Math.ceil(r.y + 2); y < Math.floor(r.y + r.height - 2); y++) {
    for (let x = Math.ceil(r.x + 2); x < Math.floor(r.x + r.width - 2); x++) {
      const i = (y * png.width + x) * 4;
      for (let k = 0; k < 3; k++) sum[k] += png.data[i + k];
      n++;
    }
  }
  return sum.map((v) => v / Math.max(1, n));
}
const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

for (const theme of ['light', 'dark']) {
  test(`${theme} theme: the chosen mode button stands out from the others`, async () => {
    const { page, close } = await openPage(browser, server.url + `#trip=2018-03-beijing&mode=train&dark=${theme === 'dark' ? 'on' : 'off'}`,
      { width: 1280, height: 800 });
    try {
      await waitReady(page);
      await waitLanded(page);
      await waitFrames(page, 3);
      const png = PNG.sync.read(await page.screenshot());
      saveScreenshot(PNG.sync.write(png), `theme-${theme}-mode-buttons`);
      const [chosen, other, third] = await page.evaluate(() => ['mode:train', 'mode:plane', 'mode:both'].map((n) => window.explainer.locate(n)));
      const a = meanColour(png, chosen), b = meanColour(png, other), c = meanColour(png, third);
      console.log(`${theme}: chosen ${a.map(Math.round)}, others ${b.map(Math.round)} ${c.map(Math.round)}`);
      assert.ok(distance(a, b) > 120 && distance(a, c) > 120, `the chosen mode looks like the others (${a} vs ${b}, ${c})`);
      assert.ok(distance(b, c) < 40, 'the two others differ from each other');
    } finally {
      await close();
    }
  });
}

test('dark theme: a dark sea and dark land of their own, no light sea left', async () => {
  const { page, close } = await openPage(browser, server.url + '#trip=2019-02-hanoi&mode=both&dark=on', { width: 1280, height: 800 });
  try {
    await waitReady(page);
    await waitLanded(page);
    await waitFrames(page, 3);
    const pixels = await canvasPixels(page, 'theme-dark-map');
    // The map's own pixels: not the panels (their pale buttons and text) nor the labels' anti-aliased type.
    const s = await page.evaluate(() => window.explainer.getState());
    const covered = [...s.status.panels, ...s.status.labels];
    const onMap = (x, y) => !covered.some((r) => x >= r.x - 1 && x <= r.x + r.width + 1 && y >= r.y - 1 && y <= r.y + r.height + 1);
    let sea = 0, land = 0, lightSea = 0;
    for (let i = 0; i < pixels.data.length; i += 4) {
      const x = (i / 4) % pixels.width, y = Math.floor(i / 4 / pixels.width);
      const c = [pixels.data[i], pixels.data[i + 1], pixels.data[i + 2]];
      if (!onMap(x, y)) continue;
      if (near(c, DARK_SEA, 6)) sea++;
      else if (DARK_LAND.some((l) => near(c, l, 6))) land++;
      else if (near(c, LIGHT_SEA, 10)) lightSea++;
    }
    const total = pixels.width * pixels.height;
    console.log(`dark map: sea ${(100 * sea / total).toFixed(1)} %, land ${(100 * land / total).toFixed(1)} %, light sea ${lightSea} px`);
    assert.ok(sea > total * 0.05, 'no dark sea');
    assert.ok(land > total * 0.1, 'no dark land');
    assert.equal(lightSea, 0, 'the light sea shows in the dark theme');
  } finally {
    await close();
  }
});

test('forced colours (Windows high contrast): the pressed trip in the HTML layer is drawn in Highlight', async () => {
  const { page, close } = await openPage(browser, server.url + '#trip=2019-02-hanoi', {
    width: 1280, height: 800, before: (p) => p.emulateMedia({ forcedColors: 'active' }),
  });
  try {
    await waitReady(page);
    await page.waitForSelector('.a11y-trips button[aria-pressed="true"]', { state: 'attached' });
    const found = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.cssText = 'background: Highlight; color: HighlightText';
      document.body.appendChild(probe);
      const highlight = getComputedStyle(probe).backgroundColor, highlightText = getComputedStyle(probe).color;
      probe.remove();
      const pressed = document.querySelector('.a11y-trips button[aria-pressed="true"]');
      const plain = document.querySelector('.a11y-trips button[aria-pressed="false"]');
      return {
        forced: matchMedia('(forced-colors: active)').matches, highlight, highlightText,
        pressed: getComputedStyle(pressed).backgroundColor, pressedText: getComputedStyle(pressed).color,
        plain: getComputedStyle(plain).backgroundColor,
      };
    });
    assert.equal(found.forced, true, 'forced colours are not emulated');
    assert.equal(found.pressed, found.highlight, `the pressed trip is not in Highlight: ${JSON.stringify(found)}`);
    assert.equal(found.pressedText, found.highlightText);
    assert.notEqual(found.plain, found.pressed, 'a trip not chosen looks like the chosen one');
    // The layer shown (keyboard focus inside it) for the record.
    await page.focus('.a11y-trips button[aria-pressed="true"]');
    saveScreenshot(await page.screenshot(), 'theme-forced-colours-layer');
  } finally {
    await close();
  }
});

// Every trip at the four sizes in both themes, half way through a race (both modes where there are two), saved as
// look-<theme>-<size>-<trip>.png to be looked at one by one; each drawn in its theme's sea.
const SIZES = [
  { name: 'desktop', width: 1280, height: 800, hash: '' },
  { name: 'phone', width: 390, height: 844, hash: '' },
  { name: 'embed', width: 760, height: 600, hash: 'embed&' },
  { name: 'classroom', width: 1920, height: 1080, hash: 'classroom&' },
];
for (const theme of ['light', 'dark']) {
  for (const size of SIZES) {
    test(`every trip at ${size.name} in the ${theme} theme, drawn in that theme's colours`, async () => {
      const { page, close } = await openPage(browser, server.url + `#${size.hash}dark=${theme === 'dark' ? 'on' : 'off'}`, {
        width: size.width, height: size.height, before: (p) => p.emulateMedia({ reducedMotion: 'reduce' }),
      });
      page.setDefaultTimeout(120000);
      try {
        await waitReady(page);
        const trips = await page.evaluate(async () => (await (await fetch('assets/trips.json')).json()).trips.map((t) => t.id));
        for (const trip of trips) {
          await page.evaluate((t) => window.explainer.setState({ trip: t, mode: 'both', time: 0, playing: false }), trip);
          await waitLanded(page);
          const end = (await page.evaluate(() => window.explainer.getState())).status.endHours;
          await page.evaluate((t) => window.explainer.setState({ time: t }), end / 2);
          await waitLanded(page);
          await waitFrames(page, 4);
          const pixels = await canvasPixels(page, `look-${theme}-${size.name}-${trip}`);
          const sea = theme === 'dark' ? DARK_SEA : LIGHT_SEA;
          let n = 0;
          for (let i = 0; i < pixels.data.length; i += 16) if (near([pixels.data[i], pixels.data[i + 1], pixels.data[i + 2]], sea, 6)) n++;
          assert.ok(n > pixels.data.length / 16 * 0.02, `${trip}: the ${theme} sea is not drawn`);
        }
      } finally {
        await close();
      }
    });
  }
}
