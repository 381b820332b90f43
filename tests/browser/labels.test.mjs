// Labels that never collide (issue 16): for every trip × mode × screen size × three clock times, every label the
// map draws (explainer.getState().status.labels, CSS px) is inside the canvas, overlaps no other label, no
// vehicle icon (status.vehicles) and no panel: the panels the app reports (status.panels, every ImGui window of
// the last frame), every control explainer.locate() finds, and the page's own map credit over the canvas.
// One page per size; trip, mode and time change through setState. Reduced motion, so the camera cuts to each
// trip instead of flying (the placement is the same once it lands; the flights only cost time here).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, saveScreenshot, serveDist, waitFrames, waitReady, waitSettled, READER_SIZES, openReaderPage } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const SIZES = READER_SIZES;
const MODES = ['train', 'plane', 'both'];
const CONTROLS = ['play', 'restart', 'scrubber', 'speed', 'sidebar', 'title', 'keys', 'mode:train', 'mode:plane', 'mode:both',
  'filter:all', 'filter:train', 'filter:plane'];

// Half a pixel of slack: boxes are fractional and touching edges are not an overlap.
const EPS = 0.5;
const overlaps = (a, b) => a.x + EPS < b.x + b.width && b.x + EPS < a.x + a.width &&
  a.y + EPS < b.y + b.height && b.y + EPS < a.y + a.height;
const show = (r) => `${r.text ? JSON.stringify(r.text) + ' ' : ''}[${r.x.toFixed(1)}, ${r.y.toFixed(1)}, ${r.width.toFixed(1)} × ${r.height.toFixed(1)}]`;

// Until the labels have settled: the camera has landed, and the placement count stays the same over a few frames
// (a panel that appears is measured in one frame and kept clear of in the next).
const settle = (page) => waitSettled(page, 40);

// Every rule, for one state; returns a list of problems (empty when all hold).
async function problemsOf(page, s) {
  const found = [];
  const { cssWidth: w, cssHeight: h } = s.status.canvas;
  const labels = s.status.labels;
  const controls = await page.evaluate((names) => {
    const out = [];
    for (const name of names) { const r = window.explainer.locate(name); if (r) out.push({ ...r, text: 'control ' + name }); }
    // The page's credit line floats over the canvas (web/page.css).
    const credit = document.getElementById('credit'), canvas = document.querySelector('canvas');
    if (credit && canvas && getComputedStyle(credit).display !== 'none') {
      const c = credit.getBoundingClientRect(), k = canvas.getBoundingClientRect();
      if (c.width > 0 && c.height > 0) out.push({ x: c.left - k.left, y: c.top - k.top, width: c.width, height: c.height, text: 'map credit' });
    }
    return out;
  }, CONTROLS);
  const panels = s.status.panels.map((p, i) => ({ ...p, text: `panel ${i}` }));
  const vehicles = s.status.vehicles.map((v, i) => ({ ...v, text: `vehicle ${i}` }));
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i];
    if (a.x < -EPS || a.y < -EPS || a.x + a.width > w + EPS || a.y + a.height > h + EPS) found.push(`${show(a)} is cut by the canvas edge (${w} × ${h})`);
    for (let j = i + 1; j < labels.length; j++) if (overlaps(a, labels[j])) found.push(`${show(a)} overlaps ${show(labels[j])}`);
    for (const o of [...vehicles, ...panels, ...controls]) if (overlaps(a, o)) found.push(`${show(a)} overlaps ${show(o)}`);
  }
  return found;
}

for (const size of SIZES) {
  test(`labels never collide: every trip × mode × start, middle, end at ${size.name} ${size.width}×${size.height}`, async () => {
    const { page, close, trips } = await openReaderPage(browser, server.url, size);
    try {
      assert.ok(trips.length >= 9, `trips: ${trips}`);
      const problems = [];
      let checked = 0, labelled = 0, leaders = 0;
      for (const trip of trips) {
        for (const mode of MODES) {
          await page.evaluate(([t, m]) => window.explainer.setState({ trip: t, mode: m, time: 0, playing: false }), [trip, mode]);
          let s = await settle(page);
          const end = s.status.endHours;
          for (const [when, time] of [['start', 0], ['middle', end / 2], ['end', end]]) {
            if (when !== 'start') {
              await page.evaluate((t) => window.explainer.setState({ time: t }), time);
              s = await settle(page);
            }
            assert.equal(s.trip, trip);
            for (const p of await problemsOf(page, s)) problems.push(`${trip} ${mode} ${when} (${time.toFixed(2)} h): ${p}`);
            checked++;
            labelled += s.status.labels.length;
            leaders += s.status.labels.filter((l) => l.leader).length;
            if (mode === 'both' && when !== 'start') {
              saveScreenshot(await page.screenshot(), `labels-${size.name}-${trip}-${mode}-${when}`);
            }
          }
        }
      }
      console.log(`${size.name}: ${checked} states, ${labelled} labels (${leaders} with leader lines), ${problems.length} problems`);
      assert.equal(checked, trips.length * MODES.length * 3);
      assert.ok(labelled > checked, 'the map shows labels at all');
      assert.deepEqual(problems, [], problems.slice(0, 30).join('\n'));
    } finally {
      await close();
    }
  });
}

test('labels are placed again only when their inputs change, not every frame', async () => {
  const { page, close } = await openPage(browser, server.url + '#trip=2019-02-hanoi&mode=both&t=20', {
    width: 1280, height: 800, before: (p) => p.emulateMedia({ reducedMotion: 'reduce' }),
  });
  try {
    await waitReady(page);
    let s = await settle(page);
    const placements = s.status.labelPlacements;
    await waitFrames(page, 20);
    s = await page.evaluate(() => window.explainer.getState());
    assert.equal(s.status.labelPlacements, placements, 'a still map placed its labels again');
    // The camera moves: placed again.
    await page.evaluate(() => { const v = window.explainer.getState().view; window.explainer.setState({ view: { zoom: v.zoom + 0.5 } }); });
    s = await settle(page);
    assert.ok(s.status.labelPlacements > placements, 'a new view did not place the labels again');
    // Playing at 16×: the vehicles move every frame, the labels are placed far less often than frames are drawn.
    const before = s.status;
    await page.evaluate(() => window.explainer.setState({ speed: 16, playing: true, time: 0 }));
    await waitFrames(page, 60);
    s = await page.evaluate(() => window.explainer.getState());
    const frames = s.status.framesDrawn - before.framesDrawn, runs = s.status.labelPlacements - before.labelPlacements;
    console.log(`playing: ${runs} placements in ${frames} frames`);
    assert.ok(runs < frames / 2, `${runs} placements in ${frames} frames`);
  } finally {
    await close();
  }
});
