// Export video (explainer.exportVideo and the Export video dialog), loaded only when a reader or a page asks for a
// video, with the muxer it imports: the first visit does not grow for it.
//
// Frame-exact, not real time: for each frame the app sets the journey clock to the frame's moment and draws the
// newsroom frame off-screen at the export's size (src/app/composition.cpp, the code Save image uses); its pixels
// become a VideoFrame with timestamp round(i·1e6/fps) µs, WebCodecs encodes it (H.264 in MP4 where the browser can,
// VP9 in WebM otherwise) and Mediabunny writes the file. A slow machine makes a slower export, never a jerky video.
import { BufferTarget, EncodedPacket, EncodedVideoPacketSource, Mp4OutputFormat, Output, WebMOutputFormat } from './mediabunny.min.mjs';

// About 3.4 MB a minute at 1080p (encoders overshoot it on short clips), scaled by the pixel count (at least
// 200 kbit/s): the map is still between frames, so the bits go to the lines and the type.
const BITRATE_1080P = 450000;
// Frames waiting in the encoder before the next is drawn: memory stays bounded at any length.
const MAX_QUEUE = 4;

// The first encoder the browser has for these frames, in the order asked for.
export async function chooseEncoder(width, height, fps, format) {
  const bitrate = Math.max(200000, Math.round(BITRATE_1080P * (width * height) / (1920 * 1080)));
  const candidates = [];
  if (format !== 'webm') candidates.push({ container: 'mp4', type: 'video/mp4', codec: 'avc1.640028', muxCodec: 'avc', extra: { avc: { format: 'avc' } } });
  if (format !== 'mp4') candidates.push({ container: 'webm', type: 'video/webm', codec: 'vp09.00.40.08', muxCodec: 'vp9', extra: {} });
  for (const c of candidates) {
    const config = { codec: c.codec, width, height, bitrate, bitrateMode: 'variable', framerate: fps, latencyMode: 'quality', ...c.extra };
    try {
      const support = await VideoEncoder.isConfigSupported(config);
      if (support.supported) return { ...c, config: support.config || config };
    } catch (e) { /* a codec string this browser does not know: try the next */ }
  }
  return null;
}

// Hands control back to the browser between frames (a task, not a microtask), so the page answers the reader,
// its timers run and Cancel is seen while it works.
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

function abortError(signal) {
  return signal && signal.reason instanceof Error ? signal.reason : new DOMException('The video export was cancelled.', 'AbortError');
}

// module: the running app (Emscripten module); options: explainer.exportVideo's. Resolves to a File (a Blob with
// a name such as journeys-2019-02-hanoi-both-1920x1080.mp4).
export async function exportVideo(module, options = {}) {
  const { onProgress, signal, ...rest } = options || {};
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new TypeError('exportVideo: onProgress must be a function');
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError('exportVideo: signal must be an AbortSignal');
  if (signal && signal.aborted) throw abortError(signal);
  if (typeof VideoEncoder !== 'function' || typeof VideoFrame !== 'function') {
    module._journeys_set_video_support(0);
  }
  // The core checks every option and says what is wrong in the reader's words; then the export has begun and the
  // reader's session waits until journeys_video_end.
  const answer = module.ccall('journeys_video_begin', 'string', ['string'], [JSON.stringify(rest)]);
  if (!answer.startsWith('\n')) throw new TypeError(answer);
  const o = JSON.parse(answer.slice(1));
  let encoder = null, output = null;
  try {
    const chosen = await chooseEncoder(o.width, o.height, o.fps, o.format);
    if (!chosen) throw new TypeError(`exportVideo: this browser cannot encode ${o.format === 'auto' ? 'H.264 or VP9' : o.format === 'mp4' ? 'H.264 (MP4)' : 'VP9 (WebM)'} video at ${o.width} × ${o.height}`);
    output = new Output({
      format: chosen.container === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
      target: new BufferTarget(),
    });
    const source = new EncodedVideoPacketSource(chosen.muxCodec);
    output.addVideoTrack(source, { frameRate: o.fps });
    await output.start();
    let failure = null;
    let written = Promise.resolve();  // packets go to the muxer in the order the encoder gives them
    encoder = new VideoEncoder({
      output: (chunk, meta) => { written = written.then(() => source.add(EncodedPacket.fromEncodedChunk(chunk), meta)); },
      error: (e) => { failure = e; },
    });
    encoder.configure(chosen.config);
    const keyEvery = 2 * o.fps;  // a keyframe every 2 s: seekable, and small
    for (let i = 0; i < o.frames; i++) {
      if (signal && signal.aborted) throw abortError(signal);
      if (failure) throw failure;
      while (encoder.encodeQueueSize > MAX_QUEUE) {
        await new Promise((resolve) => {
          encoder.addEventListener('dequeue', resolve, { once: true });
          setTimeout(resolve, 50);  // browsers without the dequeue event: look again shortly
        });
      }
      const address = module._journeys_video_frame(i);
      if (!address) throw new Error('exportVideo: frame ' + i + ' could not be drawn');
      const pixels = module.HEAPU8.subarray(address, address + o.width * o.height * 4);
      const timestamp = module._journeys_video_timestamp(i);
      const frame = new VideoFrame(pixels, {
        format: 'RGBA', codedWidth: o.width, codedHeight: o.height, timestamp,
        duration: module._journeys_video_timestamp(i + 1) - timestamp,
      });
      encoder.encode(frame, { keyFrame: i % keyEvery === 0 });
      frame.close();
      if (onProgress) onProgress((i + 1) / o.frames);
      await yieldToPage();
    }
    await encoder.flush();
    if (failure) throw failure;
    await written;
    await output.finalize();
    return new File([output.target.buffer], `${o.file}.${chosen.container}`, { type: chosen.type });
  } catch (e) {
    if (output && output.state !== 'finalized' && output.state !== 'canceled') output.cancel().catch(() => {});
    throw e;
  } finally {
    if (encoder && encoder.state !== 'closed') encoder.close();
    module._journeys_video_end();  // the reader's trip, mode, clock and view, exactly as they were
  }
}

// The Export video dialog: size, length and frame rate, then a progress bar with Cancel; the file downloads.
// Its words are the core's, in the reader's language (explainer.describe().words, src/core/describe.cpp).
let dialog = null, dialogLanguage = null;
const fill = (pattern, ...args) => pattern.replace(/\{(\d)\}/g, (m, n) => String(args[+n]));
export function openDialog(explainer, notice) {
  const described = explainer.describe() || {};
  const L = (english) => (described.words && described.words[english]) || english;
  if (dialog && dialogLanguage !== described.lang) { dialog.remove(); dialog = null; }  // the reader switched
  if (!dialog) {
    dialogLanguage = described.lang;
    dialog = document.createElement('dialog');
    dialog.id = 'video-dialog';
    dialog.lang = described.lang || 'en';
    dialog.setAttribute('aria-labelledby', 'video-dialog-title');
    const text = (english) => L(english).replace(/&/g, '&amp;').replace(/</g, '&lt;');
    dialog.innerHTML = `
      <form method="dialog">
        <h2 id="video-dialog-title">${text('Export video')}</h2>
        <p id="video-what"></p>
        <label>${text('Size')} <select name="size">
          <option value="1920x1080">${fill(text('16:9 landscape, {0}'), '1920 × 1080')}</option>
          <option value="1080x1080">${fill(text('1:1 square, {0}'), '1080 × 1080')}</option>
          <option value="1080x1920">${fill(text('9:16 for phones, {0}'), '1080 × 1920')}</option></select></label>
        <label>${text('Length')} <input name="seconds" type="number" min="5" max="60" step="1" value="15"> ${text('seconds')}</label>
        <label>${text('Frames a second')} <select name="fps"><option>24</option><option>25</option><option selected>30</option><option>60</option></select></label>
        <progress max="1" value="0" hidden></progress>
        <p class="video-status" role="status"></p>
        <div class="video-buttons"><button type="button" value="export" class="video-start">${text('Export')}</button>
          <button type="button" class="video-cancel">${text('Close')}</button></div>
      </form>`;
    document.body.appendChild(dialog);
  }
  const form = dialog.querySelector('form');
  const progress = dialog.querySelector('progress');
  const status = dialog.querySelector('.video-status');
  const start = dialog.querySelector('.video-start');
  const cancel = dialog.querySelector('.video-cancel');
  // What will be filmed, in the core's words (explainer.describe): the trip on screen and its mode.
  const state = explainer.getState();
  const trip = described.trip || {};
  const mode = described.modes && described.modes[state.mode];
  dialog.querySelector('#video-what').textContent = [trip.heading || state.trip, trip.dates, mode ? mode.label : state.mode]
    .filter(Boolean).join(' · ');
  progress.hidden = true;
  status.textContent = '';
  start.disabled = false;
  cancel.textContent = L('Close');
  let controller = null;
  cancel.onclick = () => { if (controller) controller.abort(); else dialog.close(); };
  start.onclick = async () => {
    const [width, height] = form.size.value.split('x').map(Number);
    controller = new AbortController();
    start.disabled = true;
    cancel.textContent = L('Cancel');
    progress.hidden = false;
    progress.value = 0;
    status.textContent = L('Making the video…');
    try {
      const file = await explainer.exportVideo({
        trip: state.trip, mode: state.mode, width, height, seconds: Number(form.seconds.value), fps: Number(form.fps.value),
        signal: controller.signal, onProgress: (f) => { progress.value = f; },
      });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(file);
      a.download = file.name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      dialog.close();
      notice(0, fill('Video saved: {0} ({1} MB).', file.name, (file.size / 1e6).toFixed(1)));  // notice() translates
    } catch (e) {
      status.textContent = e.name === 'AbortError' ? L('Cancelled: nothing was saved.')
        : fill(L('The video could not be made: {0}'), String(e.message || e));
    } finally {
      controller = null;
      start.disabled = false;
      cancel.textContent = L('Close');
      progress.hidden = true;
    }
  };
  if (!dialog.open) dialog.showModal();
}
