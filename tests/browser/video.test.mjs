// Export video: a reader's page makes an MP4 (or WebM) of a journey, frame-exact, loads it back into a <video> and
// looks at its frames; a cancel gives the reader back exactly what they had.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { PNG } from 'pngjs';
import {
  REAL_RGB, SEA_RGB, WHAT_IF_RGB, canvasPixels, launchBrowser, meanDifference, near, openPage, saveScreenshot, serveDist, waitFrames, waitLanded,
  waitReady,
} from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.close(); });

const state = (page) => page.evaluate(() => window.explainer.getState());
// What the reader would notice: trip, mode, clock, play state, speed, the view.
const readerView = ({ trip, mode, time, playing, speed, view, sidebarOpen }) => ({ trip, mode, time, playing, speed, view, sidebarOpen });

// In the page: the exported Blob played back in a <video>; its duration and size, and PNGs (data URLs) of the
// frames at the given times (negative: from the end), each drawn to a canvas once the <video> presents it.
// 'seeked' only says the element's clock is there: Chromium may still paint the frame it showed before until the
// new one reaches the compositor (under load, a last frame read right after 'seeked' was the first frame again).
// requestVideoFrameCallback reports each frame the element presents with its media time, so each read waits for
// the frame whose span [mediaTime, mediaTime + 1/fps) holds the time asked for.
async function playBack(page, times, fps) {
  return page.evaluate(async ([seekTimes, rate]) => {
    const blob = window.__video;
    const video = document.createElement('video');
    video.muted = true;
    video.preload = 'auto';
    // On screen, so that its frames reach the compositor (and requestVideoFrameCallback fires).
    video.style.cssText = 'position: fixed; left: 0; top: 0; width: 64px; height: 36px; z-index: 10';
    let shown = -1;  // media time of the frame presented last
    const presents = [];
    const onFrame = (now, meta) => {
      shown = meta.mediaTime;
      for (const p of presents.splice(0)) p();
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
    const holds = (at) => shown >= 0 && shown <= at + 1e-3 && at < shown + 1 / rate - 1e-3;
    const presented = async (at) => { while (!holds(at)) await new Promise((resolve) => presents.push(resolve)); };
    video.src = URL.createObjectURL(blob);
    document.body.appendChild(video);
    await new Promise((resolve, reject) => {
      video.addEventListener('loadeddata', resolve, { once: true });
      video.addEventListener('error', () => reject(new Error('the video does not play: ' + (video.error && video.error.message))), { once: true });
    });
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const frames = [];
    for (const t of seekTimes) {
      const at = t < 0 ? video.duration + t : t;
      if (Math.abs(video.currentTime - at) > 1e-3) {
        const seeked = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
        video.currentTime = at;
        await seeked;
      }
      await presented(at);
      canvas.getContext('2d').drawImage(video, 0, 0);
      frames.push(canvas.toDataURL('image/png'));
    }
    video.remove();
    return { duration: video.duration, width: video.videoWidth, height: video.videoHeight, type: blob.type, name: blob.name, size: blob.size, frames };
  }, [times, fps]);
}

const decode = (dataUrl) => PNG.sync.read(Buffer.from(dataUrl.split(',')[1], 'base64'));
// Pixels of a colour (the routes' red and blue survive the encoder within a wide tolerance).
function count(png, rgb, tol = 40) {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (near([png.data[i], png.data[i + 1], png.data[i + 2]], rgb, tol)) n++;
  return n;
}

test('export 3 s of the Hanoi trip in Both mode at 640×360, 30 fps: a video of the right length and size that shows the race', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#trip=2018-03-beijing&t=2.5&speed=4', { width: 1280, height: 800 });
  await waitReady(page);
  await waitLanded(page);
  const before = readerView(await state(page));
  // The browser's encoders decide the file: Debian's Chromium has H.264; builds without it make VP9 in WebM.
  const h264 = await page.evaluate(() => VideoEncoder.isConfigSupported({ codec: 'avc1.640028', width: 640, height: 360 }).then((s) => s.supported));
  const progress = await page.evaluate(async () => {
    const seen = [];
    window.__video = await window.explainer.exportVideo({
      trip: '2019-02-hanoi', mode: 'both', width: 640, height: 360, seconds: 3, fps: 30, onProgress: (f) => seen.push(f),
    });
    return seen;
  });
  assert.equal(progress.length, 90, 'exactly seconds × fps frames');
  assert.ok(progress.every((f, i) => i === 0 || f > progress[i - 1]), 'progress does not only grow');
  assert.equal(progress.at(-1), 1);

  const clip = await playBack(page, [0, -0.01], 30);
  assert.equal(clip.type, h264 ? 'video/mp4' : 'video/webm');
  assert.equal(clip.name, `journeys-2019-02-hanoi-both-640x360.${h264 ? 'mp4' : 'webm'}`);
  assert.ok(Math.abs(clip.duration - 3) <= 0.1, `duration ${clip.duration} s, not 3.0 ± 0.1`);
  assert.equal(clip.width, 640);
  assert.equal(clip.height, 360);
  assert.ok(clip.size < 400000, `3 s at 640×360 take ${clip.size} bytes`);
  const [first, last] = clip.frames.map(decode);
  saveScreenshot(PNG.sync.write(first), 'video-hanoi-640-first');
  saveScreenshot(PNG.sync.write(last), 'video-hanoi-640-last');
  // Frame 0: at the departure, nothing of either route drawn yet. The last: both arrived, the real train route in
  // red and the what-if flight in blue, drawn whole.
  const red = [count(first, REAL_RGB), count(last, REAL_RGB)];
  const blue = [count(first, WHAT_IF_RGB), count(last, WHAT_IF_RGB)];
  assert.ok(red[1] > red[0] + 150, `the last frame does not show the train's route drawn: red ${red}`);
  assert.ok(blue[1] > blue[0] + 50, `the last frame does not show the what-if flight: blue ${blue}`);
  const sea = count(last, SEA_RGB, 10);
  assert.ok(sea > 640 * 360 * 0.1, `no sea in the frame (${sea} pixels): not the map?`);

  // The reader's page is as it was: trip, mode, clock, speed, view; and it draws again.
  await waitFrames(page, 3);
  assert.deepEqual(readerView(await state(page)), before);
  assert.deepEqual(problems, []);
  await close();
});

test('bad options are refused with why, and an export cancelled half-way gives the reader back their state', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#trip=2019-02-hanoi&mode=both&t=20', { width: 1024, height: 700 });
  await waitReady(page);
  await waitLanded(page);
  await page.evaluate(() => window.explainer.command({ do: 'playPause' }));  // playing while the export runs
  await page.evaluate(() => window.explainer.command({ do: 'playPause' }));
  const before = readerView(await state(page));

  for (const [options, says] of [
    [{ fps: 29 }, /fps must be 24, 25, 30 or 60, not 29/],
    [{ width: 641, height: 360 }, /even numbers/],
    [{ seconds: 90 }, /seconds must be from 2 to 60/],
    [{ trip: 'nowhere' }, /no trip "nowhere"/],
    [{ trip: '2018-06-singapore', mode: 'train' }, /not possible for/],
    [{ onProgress: 3 }, /onProgress must be a function/],
  ]) {
    const error = await page.evaluate((o) => window.explainer.exportVideo(o).then(() => 'resolved', (e) => e.message), options);
    assert.match(error, says, JSON.stringify(options));
  }

  const outcome = await page.evaluate(async () => {
    const controller = new AbortController();
    const seen = [];
    let busy = 0;  // the page answers while it works: timers run between frames
    const timer = setInterval(() => { busy++; }, 0);
    try {
      await window.explainer.exportVideo({
        trip: '2018-06-singapore', width: 640, height: 360, seconds: 5, fps: 30, signal: controller.signal,
        onProgress: (f) => { seen.push(f); if (f >= 0.3) controller.abort(); },
      });
      return { resolved: true };
    } catch (e) {
      return { name: e.name, message: e.message, frames: seen.length, busy };
    } finally {
      clearInterval(timer);
    }
  });
  assert.equal(outcome.name, 'AbortError', JSON.stringify(outcome));
  assert.ok(outcome.frames >= 45 && outcome.frames < 150, `cancelled after ${outcome.frames} frames`);
  assert.ok(outcome.busy > 10, `the page did not answer during the export (${outcome.busy} timer runs)`);
  await waitFrames(page, 3);
  assert.deepEqual(readerView(await state(page)), before, 'the reader\'s state is not the one before the export');
  // And the next export works.
  const size = await page.evaluate(() => window.explainer.exportVideo({ width: 320, height: 180, seconds: 2, fps: 24 }).then((b) => b.size));
  assert.ok(size > 1000);
  assert.deepEqual(readerView(await state(page)), before);
  assert.deepEqual(problems, []);
  await close();
});

test('the Export video button opens the dialog; each aspect ratio is composed for itself; frame 0 is the Save image PNG of that moment', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#trip=2019-02-hanoi&mode=both', { width: 1280, height: 800 });
  await waitReady(page);
  await waitLanded(page);
  // The reader at the departure of the Hanoi trip in Both mode saves the image: the video's first moment.
  assert.equal((await state(page)).time, 0);
  const downloading = page.waitForEvent('download', { timeout: 60000 });
  await page.evaluate(() => window.explainer.command({ do: 'saveImage' }));
  const still = PNG.sync.read(fs.readFileSync(await (await downloading).path()));
  assert.equal(still.width, 1920);
  await page.waitForFunction(() => window.explainer.locate('export-video') !== null);
  const r = await page.evaluate(() => window.explainer.locate('export-video'));
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await page.waitForSelector('#video-dialog[open]');
  assert.match(await page.textContent('#video-dialog'), /1080 × 1920/);
  // Export from the dialog: the progress bar moves, Cancel stops it and nothing is saved.
  await page.selectOption('#video-dialog select[name=size]', '1080x1920');
  await page.fill('#video-dialog input[name=seconds]', '5');
  await page.click('#video-dialog .video-start');
  await page.waitForFunction(() => document.querySelector('#video-dialog progress').value > 0.02, null, { timeout: 60000 });
  await page.click('#video-dialog .video-cancel');
  await page.waitForFunction(() => /Cancelled/.test(document.querySelector('#video-dialog .video-status').textContent));
  assert.equal(await page.textContent('#video-dialog .video-cancel'), 'Close');
  await page.click('#video-dialog .video-cancel');
  await page.waitForSelector('#video-dialog:not([open])', { state: 'attached' });

  for (const [width, height] of [[1920, 1080], [1080, 1080], [1080, 1920]]) {
    await page.evaluate(async (o) => { window.__video = await window.explainer.exportVideo(o); },
      { trip: '2019-02-hanoi', mode: 'both', width, height, seconds: 3, fps: 24 });
    const clip = await playBack(page, [0, 1.0, -0.01], 24);
    assert.equal(clip.width, width);
    assert.equal(clip.height, height);
    const frames = clip.frames.map(decode);
    frames.forEach((f, i) => saveScreenshot(PNG.sync.write(f), `video-${width}x${height}-${['first', 'middle', 'last'][i]}`));
    if (width === 1920) {
      // The same drawing: frame 0 differs from the PNG only by the encoder's loss; the last frame is another moment.
      const same = meanDifference(frames[0], still), other = meanDifference(frames[2], still);
      assert.ok(same < 2.5, `frame 0 is not the saved image of that moment (mean difference ${same.toFixed(2)})`);
      assert.ok(other > same + 1, `the last frame looks like the first (${other.toFixed(2)} vs ${same.toFixed(2)})`);
    }
    // MB per minute at this size, for the record (the benchmark measures it at 1080p).
    console.log(`${width}×${height}: ${(clip.size / 1e6 * 20).toFixed(2)} MB per minute (${clip.type})`);
  }
  assert.deepEqual(problems, []);
  await close();
});

test('without WebCodecs the button is greyed and says why, and exportVideo rejects with the same words', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#trip=2019-02-hanoi', {
    width: 1280, height: 800, before: (p) => p.addInitScript(() => { delete window.VideoEncoder; }),
  });
  await waitReady(page);
  const before = readerView(await state(page));
  const error = await page.evaluate(() => window.explainer.exportVideo({ seconds: 5 }).then(() => 'resolved', (e) => e.message));
  assert.match(error, /^exportVideo: Video export needs WebCodecs/);
  await page.waitForFunction(() => window.explainer.locate('export-video') !== null);
  const r = await page.evaluate(() => window.explainer.locate('export-video'));
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await waitFrames(page, 5);
  assert.equal(await page.$('#video-dialog'), null, 'a greyed button opened the dialog');
  assert.deepEqual(readerView(await state(page)), before);
  await canvasPixels(page, 'video-unavailable-tooltip');  // the reason, in a tooltip by the greyed button: look
  assert.deepEqual(problems, []);
  await close();
});

test('format "webm": VP9 in WebM, exactly as long, for browsers (and readers) without H.264', async () => {
  const { page, problems, close } = await openPage(browser, server.url + '#trip=2018-05-dalian', { width: 1024, height: 700 });
  await waitReady(page);
  const vp9 = await page.evaluate(() => VideoEncoder.isConfigSupported({ codec: 'vp09.00.40.08', width: 320, height: 180 }).then((s) => s.supported));
  await page.evaluate(async () => { window.__video = await window.explainer.exportVideo({ width: 320, height: 180, seconds: 2, fps: 25, format: 'webm' }).catch((e) => e); });
  if (!vp9) {
    assert.match(await page.evaluate(() => window.__video.message), /cannot encode VP9/);
  } else {
    const clip = await playBack(page, [0], 25);
    assert.equal(clip.type, 'video/webm');
    assert.equal(clip.name, 'journeys-2018-05-dalian-plane-320x180.webm');
    assert.ok(Math.abs(clip.duration - 2) <= 0.1, `duration ${clip.duration} s, not 2.0 ± 0.1`);
    assert.equal(clip.width, 320);
  }
  assert.deepEqual(problems, []);
  await close();
});
