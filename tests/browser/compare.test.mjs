// Issue 16, the panels that used to sit on the map: the end-of-race comparison is a compact card that never covers
// the drawn route (explainer.locate('compare') against status.routes, the shown routes on screen), in classroom mode
// a full-width strip under the map, above the controls, in large type; on a 390 px phone the "No train: ..." reason
// stacks under the mode buttons and wraps at the panel's width, inside the controls panel, inside the canvas.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, saveScreenshot, serveDist, waitFrames, waitReady, waitSettled, READER_SIZES, openReaderPage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const SIZES = READER_SIZES;

// Until the camera has landed and the labels (placed with the routes) have stopped changing: the card appears, is
// measured, and the route is framed beside it in the next frames.
const settle = (page) => waitSettled(page, 60);

// Whether the segment [x0, y0, x1, y1] passes through the rectangle (Liang-Barsky clipping).
function segmentHits([x0, y0, x1, y1], r) {
  let t0 = 0, t1 = 1;
  const dx = x1 - x0, dy = y1 - y0;
  for (const [p, q] of [[-dx, x0 - r.x], [dx, r.x + r.width - x0], [-dy, y0 - r.y], [dy, r.y + r.height - y0]]) {
    if (p === 0) { if (q < 0) return false; continue; }
    const t = q / p;
    if (p < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
  }
  return true;
}
const inside = (a, b, eps = 0.5) => a.x >= b.x - eps && a.y >= b.y - eps && a.x + a.width <= b.x + b.width + eps &&
  a.y + a.height <= b.y + b.height + eps;

for (const size of SIZES) {
  test(`the end-of-race comparison never covers the route: every trip with both modes at ${size.name}`, async () => {
    const { page, close, trips } = await openReaderPage(browser, server.url, size);
    try {
      const problems = [];
      let raced = 0;
      for (const trip of trips) {
        await page.evaluate((t) => window.explainer.setState({ trip: t, mode: 'both', time: 0, playing: false }), trip);
        let s = await settle(page);
        if (s.mode !== 'both') continue;  // one mode only (Singapore 2018 has no train): no race, no card
        assert.equal(await page.evaluate(() => window.explainer.locate('compare')), null, `${trip}: a card before the end`);
        await page.evaluate((t) => window.explainer.setState({ time: t }), s.status.endHours);
        s = await settle(page);
        raced++;
        const card = await page.evaluate(() => window.explainer.locate('compare'));
        assert.ok(card, `${trip}: no comparison at the end of the race`);
        const canvas = { x: 0, y: 0, width: s.status.canvas.cssWidth, height: s.status.canvas.cssHeight };
        if (!inside(card, canvas)) problems.push(`${trip}: the card ${JSON.stringify(card)} is cut by the canvas edge`);
        assert.ok(s.status.routes.length > 10, `${trip}: the routes on screen are reported`);
        // One pixel inside the card: a route passing along its edge does not count as covered.
        const core = { x: card.x + 1, y: card.y + 1, width: card.width - 2, height: card.height - 2 };
        const covered = s.status.routes.filter((g) => segmentHits(g, core));
        if (covered.length) problems.push(`${trip}: the card ${JSON.stringify(card)} covers ${covered.length} route segments, e.g. ${covered[0]}`);
        for (const l of s.status.labels) {
          if (inside(l, card, 0) || segmentHits([l.x, l.y, l.x + l.width, l.y + l.height], core)) {
            problems.push(`${trip}: the label ${l.text} is under the card`);
          }
        }
        if (size.name === 'classroom') {
          // A strip across the map's whole width, under the map and above the controls, in large type.
          const play = await page.evaluate(() => window.explainer.locate('play'));
          // The trips panel down the left, when open (status.panels: every panel drawn).
          const side = s.status.panels.find((p) => p.x < 1 && p.y < 1 && p.height > canvas.height * 0.9 && p.width < canvas.width / 2);
          const left = side ? side.x + side.width : 0;
          if (Math.abs(card.x - left) > 2 || Math.abs(card.x + card.width - canvas.width) > 2) {
            problems.push(`${trip}: the strip ${JSON.stringify(card)} does not span the map's width (${left}..${canvas.width})`);
          }
          if (card.y + card.height > play.y) problems.push(`${trip}: the strip runs into the controls`);
          if (card.y + card.height < canvas.height * 0.6) problems.push(`${trip}: the strip is not under the map`);
          if (card.height < 120) problems.push(`${trip}: the strip's type is small (${card.height} px for three lines)`);
        } else if (card.width > canvas.width * 0.6 && size.name !== 'phone') {
          problems.push(`${trip}: the card is not compact (${card.width} px of ${canvas.width})`);
        }
        saveScreenshot(await page.screenshot(), `compare-${size.name}-${trip}`);
      }
      console.log(`${size.name}: ${raced} races ended, ${problems.length} problems`);
      assert.ok(raced >= 5, `only ${raced} trips raced both modes`);
      assert.deepEqual(problems, [], problems.slice(0, 20).join('\n'));
    } finally {
      await close();
    }
  });
}

for (const lang of ['en', 'ko']) {
  test(`phone 390×844 (${lang}): the "No train" reason stacks under the mode buttons, inside its panel, inside the canvas`, async () => {
    const hash = `#trip=2018-06-singapore${lang === 'ko' ? '&lang=ko' : ''}`;
    const { page, close } = await openPage(browser, server.url + hash, { width: 390, height: 844 });
    try {
      await waitReady(page);
      await page.waitForFunction(() => window.explainer.getState().status.languageReady === true);
      await page.waitForFunction(() => window.explainer.locate('mode-reason') !== null);
      await waitFrames(page, 6);
      const [reason, panel, buttons] = await page.evaluate(() =>
        [window.explainer.locate('mode-reason'), window.explainer.locate('controls'), window.explainer.locate('mode:both')]);
      const canvas = await page.evaluate(() => { const c = window.explainer.getState().status.canvas; return { x: 0, y: 0, width: c.cssWidth, height: c.cssHeight }; });
      saveScreenshot(await page.screenshot(), `phone-mode-reason-${lang}`);
      assert.ok(panel, 'the controls panel is reported');
      assert.ok(inside(panel, canvas), `the controls ${JSON.stringify(panel)} are not inside the canvas ${JSON.stringify(canvas)}`);
      assert.ok(inside(reason, panel), `the reason ${JSON.stringify(reason)} runs out of its panel ${JSON.stringify(panel)}`);
      // Under the buttons, as wide as the panel allows: not a column two words wide beside them.
      assert.ok(reason.y >= buttons.y + buttons.height - 0.5, `the reason ${JSON.stringify(reason)} is beside the buttons ${JSON.stringify(buttons)}`);
      assert.ok(reason.width > panel.width * 0.6, `the reason is a narrow column (${reason.width} of ${panel.width} px)`);
      // The transport controls still follow inside the panel.
      const play = await page.evaluate(() => window.explainer.locate('play'));
      assert.ok(play.y >= reason.y + reason.height - 0.5 && inside(play, panel), 'Play is not under the reason in the panel');
    } finally {
      await close();
    }
  });
}
