// node scripts/make_previews.mjs [DIST [NAME…]]: the link-preview images in previews/ (committed; README "Publishing"),
// drawn by the page itself. For the overview and for each trip of assets/trips.json it opens DIST (default dist/)
// in headless Chromium (as the browser tests do: tests/browser/harness.mjs), shows the journey complete, presses
// the app's own "Save image" button and takes the 1920×1080 slide it downloads; the slide is scaled to the
// 630 px height of a 1200×630 link preview, with two narrow bands of the caption's colour left and right.
// Run it after a change to the trip data or to the drawing, look at the images, commit them.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, openPage, serveDist, waitFrames, waitReady } from '../tests/browser/harness.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const out = path.resolve(new URL('../previews', import.meta.url).pathname);
const trips = JSON.parse(fs.readFileSync(new URL('../assets/trips.json', import.meta.url), 'utf8')).trips;
fs.mkdirSync(out, { recursive: true });

// name -> the link it is made from; the overview is the page as a first visit shows it.
const only = process.argv.slice(3);  // e.g. journeys 2019-02-hanoi: only these
const shots = [['journeys', ''], ...trips.map((t) => [t.id, `#trip=${t.id}`])].filter(([n]) => !only.length || only.includes(n));
const server = await serveDist(dist);
const browser = await launchBrowser();
try {
  for (const [name, hash] of shots) {
    const { page, problems, close } = await openPage(browser, server.url + hash, { width: 1280, height: 800 });
    await waitReady(page);
    // The whole journey drawn, paused at its end (the overview: whatever trip a first visit opens on).
    await page.evaluate(() => {
      const s = window.explainer.getState();
      window.explainer.setState({ playing: false, time: s.status.endHours });
    });
    await page.waitForTimeout(1500);  // the camera's flight to the route
    await waitFrames(page, 3);
    const button = await page.evaluate(() => window.explainer.locate('save-image'));
    if (!button) throw new Error(`${name}: no Save image button on the page`);
    const download = page.waitForEvent('download', { timeout: 60000 });
    await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    const slide = fs.readFileSync(await (await download).path());
    const png = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      if (image.width !== 1920 || image.height !== 1080) throw new Error(`the slide is ${image.width}×${image.height}`);
      // The whole slide, scaled to 630 px high (1120 wide) between two 40 px bands of the caption's colour: a
      // route framed to the slide's edges (Hanoi, Vostochny) loses nothing, as it would in any crop to 1.9:1.
      const canvas = new OffscreenCanvas(1200, 630);
      const g = canvas.getContext('2d');
      g.drawImage(image, 8, 8, 1, 1, 0, 0, 1200, 630);  // the caption's background, everywhere
      g.imageSmoothingQuality = 'high';
      g.drawImage(image, 0, 0, 1920, 1080, 40, 0, 1120, 630);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      const b = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
      return btoa(s);
    }, slide.toString('base64'));
    const file = path.join(out, name + '.png');
    fs.writeFileSync(file, Buffer.from(png, 'base64'));
    if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`);
    console.log(`${path.relative(process.cwd(), file)}: ${fs.statSync(file).size} bytes`);
    await close();
  }
} finally {
  await browser.close();
  server.close();
}
