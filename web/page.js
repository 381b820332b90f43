// The page around the app: checks the browser can run it, fetches the assets while the wasm compiles, hands
// them to the app, shows loading and error states, and offers window.explainer to embedders and tests.
'use strict';
(function () {
  // Start-up marks for the browser's performance panel (the app adds its own steps: "journeys: …").
  const mark = (name) => { try { performance.mark('journeys: ' + name); } catch (e) { /* very old browser */ } };
  // "Presented": the first task after the one that drew the frame. Frames are drawn in animation frames, and
  // such a task ends with the browser taking the canvas's new picture (the commit); a message posted while
  // drawing runs right after that.
  const afterThisFrame = (fn) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = fn;
    channel.port2.postMessage(0);
  };
  mark('page script');
  const ASSETS = [  // name the app knows it by, file under the page
    ['font-regular', 'assets/fonts/NotoSans-Regular.ttf'],
    ['font-bold', 'assets/fonts/NotoSans-Bold.ttf'],
    ['trips', 'assets/trips.bin'],
    ['map', 'assets/map.bin'],
    ['places', 'assets/places.json'],
    ['icon-train', 'assets/icons/train.png'],
    ['icon-plane', 'assets/icons/plane.png'],
    ['icon-car', 'assets/icons/car.png'],
  ];
  const LEVELS = ['info', 'warning', 'error'];

  // The link's switches (theme, transparency, embed, classroom) are read by the app alone; the page styles itself
  // from what the app reports (status.presentation, applyPresentation below). The one thing only the page can
  // know: whether it runs inside another page. A framed page is an embed unless its link says otherwise.
  const framed = (() => { try { return window.self !== window.top; } catch (e) { return true; } })();
  const linkParams = new URLSearchParams(location.hash.slice(1));
  const linkNamesEmbed = linkParams.has('embed');
  const root = document.documentElement;
  const languages = root.dataset.languages || '';  // "ko 한국어|…": assets/lang/*.json (scripts/publish.mjs)
  const LANGUAGES = ['en', ...languages.split('|').map((l) => l.split(' ')[0]).filter(Boolean)];

  // --- the reader's language ------------------------------------------------------------------------------------
  // The link's #lang= wins; the standalone page otherwise takes the browser's language; an embed follows its link
  // (English when it says nothing), so an article's embed never changes language with its reader's browser. The
  // app decides from then on (the setLanguage command); the page shows what it reports and fetches the words and
  // fonts a language needs only when it is chosen: the English page downloads none of them.
  const primary = (code) => String(code || '').toLowerCase().split(/[-_]/)[0];
  const linkLanguage = LANGUAGES.includes(primary(linkParams.get('lang'))) ? primary(linkParams.get('lang')) : null;
  const browserLanguage = (navigator.languages && navigator.languages[0]) || navigator.language;
  const startLanguage = linkLanguage ||
    (!framed && !linkNamesEmbed && LANGUAGES.includes(primary(browserLanguage)) ? primary(browserLanguage) : 'en');
  globalThis.journeysPageLanguage = startLanguage;  // web/fallback.js, where the app cannot run

  // The page's other scripts (web/a11y.js, web/fallback.js) build their HTML with this one helper:
  // el('button', { type: 'button', class: 'x', text: 'Play', onclick: f }, ...children). A null, undefined or false
  // attribute or child is left out; true is an empty attribute; on* keys are event listeners.
  globalThis.journeysDom = Object.freeze({
    el(tag, attrs, ...children) {
      const node = document.createElement(tag);
      for (const [key, value] of Object.entries(attrs || {})) {
        if (value === null || value === undefined || value === false) continue;
        if (key === 'class') node.className = value;
        else if (key === 'text') node.textContent = value;
        else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
        else node.setAttribute(key, value === true ? '' : String(value));
      }
      for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) continue;
        node.append(child instanceof Node ? child : String(child));
      }
      return node;
    },
  });
  let pageLanguage = 'en';
  // The page's words in another language: web/lang.js, loaded only for one.
  let pageText = null, pageTextLoad = null;
  const loadPageText = () => pageTextLoad ||
    (pageTextLoad = loadScripts('web/lang.js').then(() => (pageText = globalThis.journeysPageText && journeysPageText())));
  const t = (english) => (pageText ? pageText.translate(english) : english);
  // Filled in English: notice() shows it in the reader's language.
  const tf = (english, ...args) => english.replace(/\{(\d)\}/g, (m, n) => String(args[+n]));
  const englishTitle = document.title;
  // <html lang>, the title, the description and the canvas's name follow the language the app shows.
  function showPageLanguage(language) {
    pageLanguage = language;
    root.lang = language;
    if (language !== 'en' || pageText) loadPageText().then((text) => text && text.show(pageLanguage));
  }
  // Downloads started once each: a language's words and font, the local names and theirs. Each is handed to the
  // app as it arrives (before the app runs they wait in `handOver`).
  const requested = new Set();
  let handOver = [];
  function fetchAsset(name, url) {
    if (requested.has(name)) return null;
    requested.add(name);
    const download = fetch(url).then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status} for ${url}`); return r.arrayBuffer(); })
      .then((bytes) => ({ name, bytes }), (err) => ({ name, error: String(err.message || err) }));
    download.then((d) => giveAsset(d));
    return download;
  }
  function requestLanguage(language) {
    if (language === 'en') return;
    const catalogue = fetchAsset('words-' + language, `assets/lang/${language}.json`);
    fetchAsset('font-' + language, `assets/fonts/NotoSansCJK-${language}.otf`);
    fetchAsset('font-bold-' + language, `assets/fonts/NotoSansCJK-${language}-bold.otf`);
    if (catalogue) {
      catalogue.then((d) => {
        if (d.error) return;
        loadPageText().then((text) => {
          if (text) text.addCatalogue(language, d.bytes);
          if (pageLanguage === language) showPageLanguage(language);
        });
      });
    }
  }
  function requestLocalNames() {
    fetchAsset('local-names', 'assets/lang/local-names.json');
    fetchAsset('font-local', 'assets/fonts/NotoSansCJK-local.otf');
  }
  if (startLanguage !== 'en') { requestLanguage(startLanguage); pageLanguage = startLanguage; }
  if (/^(1|true|on|yes)?$/.test(linkParams.get('local') === null ? 'x' : linkParams.get('local'))) requestLocalNames();
  let embed = false, embedScripts = false;
  // The resizer protocol (pym.js) and the embed's own code (height, wheel, host messages), fetched from the start
  // by a page that may be an embed, so they are in place before the reader can scroll over it.
  function loadEmbedScripts() {
    if (!embedScripts) embedScripts = loadScripts('web/pym.v1.min.js', 'web/embed.js');
  }
  // pym.js's parent names its child frame in the query (the resizer's protocol, not a switch of the link): the
  // frame's height follows its width (web/page.css). Set before the app starts, which sizes itself to the canvas.
  const pymChild = new URLSearchParams(location.search).has('childId');
  root.classList.toggle('pym', pymChild);
  if (framed || linkNamesEmbed || pymChild) loadEmbedScripts();
  function applyPresentation(p) {
    if (!p) return;
    root.classList.toggle('transparent', p.transparent);
    if (p.theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = p.theme;
    root.classList.toggle('embed', p.embed);
    if (p.embed) loadEmbedScripts();  // a link edited to #embed on a page that was not one
    embed = p.embed;
  }

  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');
  const loadingText = document.getElementById('loading-text');
  const notices = document.getElementById('notices');

  const messages = [];  // every message shown, also reported by getState() before the app runs
  function notice(level, text) {
    const p = document.createElement('p');
    p.dataset.english = text;
    text = t(text);
    messages.push(text);
    p.className = 'notice ' + LEVELS[level];
    p.textContent = text;
    notices.appendChild(p);
    // Errors stay; warnings and info fade after a while so the map is not covered for good.
    if (level < 2) setTimeout(() => p.remove(), 12000);
  }
  // Scripts only some pages need, in order, after the page's own.
  function loadScripts(...sources) {
    return sources.reduce((previous, src) => previous.then(() => new Promise((resolve) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = s.onerror = resolve;
      document.head.appendChild(s);
    })), Promise.resolve());
  }
  // The accessible layer (web/a11y.js) and its styles, which the fallback table shares (web/a11y.css): requested
  // once the first frame is on the screen (or the map has failed), so neither is among the bytes before it.
  function loadAccessibleLayer(script) {
    if (!document.querySelector('link[href="web/a11y.css"]')) {
      document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'web/a11y.css' }));
    }
    if (script) loadScripts('web/a11y.js');
  }
  let fallbackLoaded = false;
  function fail(text, unsupported = false) {
    loading.hidden = true;
    notice(2, text);
    rejectReady(new Error(text));
    loadAccessibleLayer(false);
    // The HTML table of the trips (web/fallback.js) decides for itself whether the map cannot run at all.
    if (!fallbackLoaded) { fallbackLoaded = true; loadScripts('web/text.js', 'web/fallback.js'); }
    // The HTML fallback (web/fallback.js) shows the trips as a table when the map cannot run at all.
    // (Said twice: the event for a fallback already loaded, the attribute for one that loads after it.)
    if (unsupported) {
      document.documentElement.dataset.explainerCannotRun = '';
      document.dispatchEvent(new CustomEvent('explainer:unsupported', { detail: { reason: text } }));
    }
  }

  // Deep links: the state lives in the URL hash. A link is applied at start and when the reader edits it;
  // the hash follows the state (at most twice a second, without adding history entries).
  let writtenHash = location.hash, hashTimer = null;  // the last hash the app was given or wrote
  function applyHash(hash) {
    const notices = module.ccall('journeys_apply_hash', 'string', ['string'], [hash]);
    for (const line of notices.split('\n')) if (line) notice(0, line);
    applyPresentation(JSON.parse(module.UTF8ToString(module._journeys_get_state())).status.presentation);
  }
  function scheduleHashUpdate() {
    if (hashTimer) return;
    hashTimer = setTimeout(() => {
      hashTimer = null;
      // A link the reader or the host page navigated to, whose hashchange has not run yet: the app takes it first,
      // and the URL is not overwritten with the state from before it (a reload would then open the old link).
      if (location.hash !== writtenHash) { writtenHash = location.hash; applyHash(location.hash); return; }
      const hash = module.UTF8ToString(module._journeys_format_hash());
      if (hash !== location.hash) {
        writtenHash = hash;
        try { history.replaceState(null, '', hash); } catch (e) { /* sandboxed without same-origin: keep going */ }
      }
    }, 500);
  }

  // Tells the page's other scripts (the accessible controls, the embed bridge) when the state changes: polled
  // a few times a second, compared as text, announced only on change.
  let lastStateText = '';
  function watchState() {
    if (!module) return;
    const state = JSON.parse(module.UTF8ToString(module._journeys_get_state()));
    const { status, view, ...rest } = state;  // the frame counter moves every frame; the view only in steps
    if (state.language !== pageLanguage || (state.language !== 'en' && status.languageReady && document.title === englishTitle)) {
      requestLanguage(state.language);
      if (state.language === 'en' || status.languageReady) showPageLanguage(state.language);
    }
    if (state.localNames) requestLocalNames();
    const text = JSON.stringify(rest) + (status.train.arrived ? 'T' : '') + (status.plane.arrived ? 'P' : '') +
      [view.lat, view.lon, view.zoom].map((v) => v.toFixed(3)).join(',');
    if (text !== lastStateText) {
      lastStateText = text;
      document.dispatchEvent(new CustomEvent('explainer:state', { detail: state }));
    }
  }

  // Offline use: after the first frame (so it never competes with the first load) a service worker keeps a
  // copy of every file; the next visit works without a network. Not possible everywhere (opaque sandboxes,
  // file://, some private modes): the page works the same without it, so failures are only logged.
  function registerOfflineCopy() {
    try {
      if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
      navigator.serviceWorker.register('sw.js').catch((e) => console.info('No offline copy: ' + e.message));
    } catch (e) {
      console.info('No offline copy: ' + e.message);
    }
  }

  const icons = new Map();  // the decoded vehicle icons by name (decodeIcon below)
  function giveAsset(d) {
    if (!module) { handOver.push(d); return; }
    if (d.error) { module.ccall('journeys_asset_failed', null, ['string', 'string'], [d.name, d.error]); return; }
    if (d.image) {  // a vehicle icon, decoded: the page keeps it, the app is told its size
      icons.set(d.name, d.image);
      module.ccall('journeys_add_icon', null, ['string', 'number', 'number'], [d.name, d.image.width, d.image.height]);
      return;
    }
    const bytes = new Uint8Array(d.bytes);
    const ptr = module._malloc(bytes.length);
    module.HEAPU8.set(bytes, ptr);  // after malloc: memory may have grown
    module.ccall('journeys_add_asset', null, ['string', 'number', 'number'], [d.name, ptr, bytes.length]);
  }

  let module = null;
  // Export video's code and its muxer, fetched the first time they are needed.
  let videoModule = null;
  const loadVideo = () => videoModule || (videoModule = import(new URL('web/video.mjs', document.baseURI).href)
    .catch((e) => { videoModule = null; throw new Error(tf('Could not load the video export: {0}', e && e.message || e)); }));
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // failures are shown on the page; embedders who care attach their own handler

  window.explainer = Object.freeze({
    ready,
    // A plain object: the reader's state and read-only status (frames drawn, canvas size, messages).
    getState() {
      if (!module) return { loading: true, status: { framesComposed: 0, framesDrawn: 0, messages: messages.slice() } };
      return JSON.parse(module.UTF8ToString(module._journeys_get_state()));
    },
    // Changes part of the state, e.g. setState({sidebarOpen: false}). Throws (and changes nothing) when a key
    // is unknown or a value has the wrong type. Returns the new state.
    setState(partial) {
      if (!module) throw new Error('explainer.setState: not ready yet; wait for explainer.ready');
      const errors = module.ccall('journeys_set_state', 'string', ['string'], [JSON.stringify(partial)]);
      if (errors) throw new TypeError(errors.trim());
      return this.getState();
    },
    // A reader action, decided by the app exactly as the same click or key would be: {do: 'playPause'},
    // {do: 'selectTrip', trip: '2019-02-hanoi'}, {do: 'seek', time: 3.5}, {do: 'setMode', ...} (names in
    // src/core/commands.cpp). Throws when it is not a command; returns the new state.
    command(command) {
      if (!module) throw new Error('explainer.command: not ready yet; wait for explainer.ready');
      const error = module.ccall('journeys_command', 'string', ['string'], [JSON.stringify(command)]);
      if (error) throw new TypeError(error);
      return this.getState();
    },
    // What the accessible layer says, in the app's words: the trip list, the selected trip's facts and sources,
    // the mode labels, the clock, the play button, the sentence to announce (src/core/describe.hpp).
    // describe({ moment: true }): only what changes with the clock and the mode (and the language and trip id).
    describe(options) {
      if (!module) return null;
      return JSON.parse(module.UTF8ToString(module._journeys_describe(options && options.moment ? 1 : 0)));
    },
    // For the benchmark and the soak: the app's CPU time of each frame since the last call (ms), the wasm memory
    // size and the bytes of it that malloc has handed out (bytes).
    takeFrameTimes() {
      if (!module) return { frameMs: [], heapBytes: 0, heapUsedBytes: 0 };
      const [times, heap, used] = module.UTF8ToString(module._journeys_take_frame_times()).split(';');
      return { frameMs: times ? times.split(',').map(Number) : [], heapBytes: Number(heap), heapUsedBytes: Number(used) };
    },
    // Where a control of the canvas UI was drawn in the last frame ({x, y, width, height}, CSS px), or null.
    // Names: "trip:<id>", "mode:train|plane|both", "play", "restart", "scrubber", "speed", "speed:<n>",
    // "filter:all|train|plane", "sidebar", "keys".
    locate(id) {
      if (!module) return null;
      const r = JSON.parse(module.ccall('journeys_locate', 'string', ['string'], [String(id)]));
      return r && { x: r[0], y: r[1], width: r[2] - r[0], height: r[3] - r[1] };
    },
    // What is at a point of the canvas (CSS px from its top-left corner): "panel" (the trips, the controls…) or
    // "map". Inside an article one finger on the map scrolls the article; on a panel it presses or scrolls it.
    hitTest(x, y) {
      if (!module) return 'map';
      return module._journeys_over_panel(Number(x), Number(y)) ? 'panel' : 'map';
    },
    // A video of a journey, made in this browser (web/video.mjs, loaded now): { trip, mode ('train'|'plane'|
    // 'both'), width, height (even, 128–1920; presets 1920×1080, 1080×1080, 1080×1920), seconds (5–60, the whole
    // journey in it, the last second held), fps (24, 25, 30, 60), format ('mp4'|'webm'|'auto'), onProgress(fraction),
    // signal (AbortSignal) }. Resolves to a File (MP4 with H.264, or WebM with VP9); rejects with why for options
    // it cannot use. The reader's view, clock and state are the same afterwards, and after a cancel.
    exportVideo(options) {
      if (!module) return Promise.reject(new Error('explainer.exportVideo: not ready yet; wait for explainer.ready'));
      return loadVideo().then((video) => video.exportVideo(module, options));
    },
    // Where a place is on the canvas now: { x, y } in CSS pixels from the canvas's top-left corner.
    project(lat, lon) {
      if (!module) throw new Error('explainer.project: not ready yet; wait for explainer.ready');
      const [x, y] = JSON.parse(module.ccall('journeys_project', 'string', ['number', 'number'], [lat, lon]));
      return { x, y };
    },
  });


  if (typeof WebAssembly !== 'object') {
    fail('This browser cannot run WebAssembly, which the explainer needs. Try a current version of Chrome, Firefox, Safari or Edge.', true);
    return;
  }
  // Only whether WebGL 2 exists at all: a context is tried by the app itself (src/app/main.cpp start_app, which
  // says so the same way), so no reader pays for a second one made only to ask.
  if (typeof WebGL2RenderingContext !== 'function') {
    fail('This browser or device has WebGL 2 turned off or unavailable, so the map cannot be drawn. Try a current browser, or enable hardware acceleration.', true);
    return;
  }

  // The canvas takes the keyboard when the reader clicks or touches it (SDL listens on the canvas only, so the
  // page around it keeps its keys); SDL's own handlers prevent the browser's default focus on click.
  canvas.addEventListener('pointerdown', () => canvas.focus({ preventScroll: true }));
  // Tab and Shift+Tab always move focus on (WCAG 2.1.2, no keyboard trap): the event is stopped before it reaches
  // SDL's listener on the canvas (which would cancel the browser's default and hand Tab to the panels), so the
  // browser moves focus to the next or previous element of the page, or of the article around an embed.
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' && e.target === canvas) e.stopImmediatePropagation();
  }, { capture: true });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());  // right-drag belongs to the map

  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();  // tells the browser we want the context back
    notice(1, 'The graphics context was lost (the device may be busy). Waiting for the browser to restore it…');
  });

  // Start every download at once; the wasm compiles while they arrive.
  mark('assets requested');
  // The vehicle icons are decoded here by the browser (off the main thread; the app has no PNG decoder) and kept in
  // `icons`: the app puts them in its textures (journeysPage.icon), again after a lost graphics context. Their own
  // pixels: no premultiplied alpha, no colour conversion.
  const decodeIcon = (bytes) => createImageBitmap(new Blob([bytes], { type: 'image/png' }),
    { premultiplyAlpha: 'none', colorSpaceConversion: 'none' })
    .catch((e) => { throw new Error(`not a PNG the browser can read (${e && e.message || e})`); });
  const downloads = ASSETS.map(([name, url]) =>
    fetch(url)
      .then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status} for ${url}`); return r.arrayBuffer(); })
      .then((bytes) => (name.startsWith('icon-') ? decodeIcon(bytes).then((image) => ({ image })) : { bytes }))
      .then((got) => { mark('asset arrived: ' + name); return { name, ...got }; },
        (err) => ({ name, error: String(err.message || err) })));

  const script = document.createElement('script');
  script.src = 'journeys.js';
  script.onerror = () => fail('Could not load journeys.js. Check the connection and reload the page.');
  script.onload = () => {
    mark('journeys.js loaded');
    createJourneysModule({
      canvas,
      // The wasm compiles while it downloads (streaming), then is instantiated: each step marked.
      instantiateWasm(imports, receive) {
        const response = fetch('journeys.wasm').then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status} for journeys.wasm`); return r; });
        // A server that does not say application/wasm cannot stream: then compile from the bytes.
        WebAssembly.compileStreaming(response)
          .catch(() => fetch('journeys.wasm').then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)))
          .then((compiled) => { mark('wasm compiled'); return WebAssembly.instantiate(compiled, imports).then((i) => [i, compiled]); })
          .then(([instance, compiled]) => { mark('wasm instantiated'); receive(instance, compiled); },
            (err) => fail(tf('Could not start the explainer: {0}', err && err.message || err)));
        return {};
      },
      journeysPage: {
        message: notice,
        icon: (name) => icons.get(name) || null,  // a decoded vehicle icon, for the app's texture
        // The app has stopped for good: why, and the trips as the HTML table (web/fallback.js).
        cannotRun: (reason) => fail(reason, true),
        // The Export video button: the dialog (size, length), then explainer.exportVideo.
        openVideoDialog() {
          loadVideo().then((video) => video.openDialog(window.explainer, notice), (e) => notice(2, e.message));
        },
        // Save image: the app hands over the frame's pixels (RGBA, top row first, opaque); the browser encodes the
        // PNG off the main thread, so the page does not wait for it.
        downloadImage(rgba, width, height, trip) {
          const pixels = new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), width, height);
          const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height)
            : Object.assign(document.createElement('canvas'), { width, height });
          canvas.getContext('2d').putImageData(pixels, 0, 0);
          const encoded = canvas.convertToBlob ? canvas.convertToBlob({ type: 'image/png' })
            : new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
          encoded.then((blob) => {
            const a = document.createElement('a');
            a.href = URL.createObjectURL(blob);
            a.download = `journeys-${trip || 'map'}.png`;
            document.body.appendChild(a);
            a.click();
            a.remove();
            setTimeout(() => URL.revokeObjectURL(a.href), 10000);
            notice(0, 'Image saved (1920 × 1080).');  // the only size Save image makes
          }, (e) => notice(2, tf('The image could not be saved: {0}', e && e.message || e)));
        },
        // The iframe snippet for what is on screen now, to paste into an article. A build with a public URL
        // (README "Publishing") names it in the canonical link: the snippet points there, wherever this copy is.
        copyEmbed() {
          const canonical = document.querySelector('link[rel="canonical"]');
          const base = canonical ? canonical.href : location.href.replace(/#.*$/, '');
          const hash = module.UTF8ToString(module._journeys_format_hash()).replace(/&embed\b/, '');
          const snippet = `<iframe src="${base}${hash}&embed" title="${t("Kim Jong-un's journeys abroad: an animated map")}" ` +
            'width="100%" height="600" style="border:0" sandbox="allow-scripts allow-same-origin allow-popups" ' +
            'allow="fullscreen" loading="lazy"></iframe>';
          window.explainerEmbedCode = snippet;
          const done = () => notice(0, 'Embed code copied: paste it into your article.');
          if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(snippet).then(done, () => notice(0, tf('Embed code: {0}', snippet)));
          } else {
            notice(0, tf('Embed code: {0}', snippet));
          }
        },
        // A download the app asks for when a reader's view first needs it: the far part of the base map (the app
        // decides when: core::map_view_needs_far).
        wantAsset(name) {
          const ON_DEMAND = { 'map-far': 'assets/map-far.bin' };
          if (ON_DEMAND[name]) fetchAsset(name, ON_DEMAND[name]);
        },
        // The map is on the canvas: the loading message steps aside (the panels follow a few frames later).
        mapShown() {
          mark('first frame submitted (map)');
          afterThisFrame(() => mark('first frame presented (map)'));
          loading.hidden = true;
        },
        // Everything is drawn and answers the reader: explainer.ready resolves.
        firstFrame() {
          mark('first full frame submitted');
          afterThisFrame(() => mark('first full frame presented'));
          loading.hidden = true;
          // The standalone page gives the explainer the keyboard at once, so a presenter's clicker (Page Down,
          // Page Up) and the keys work without a click first. An embed never takes focus from its article.
          if (!embed && (document.activeElement === document.body || !document.activeElement)) canvas.focus({ preventScroll: true, focusVisible: false });
          // What waits on `ready` (the accessible layer builds its controls) runs in a task of its own, after this
          // animation frame has been handed to the screen, not in it.
          setTimeout(() => {
            loadAccessibleLayer(true);
            resolveReady(window.explainer);
            watchState();
            setInterval(watchState, 200);
            registerOfflineCopy();
          }, 0);
        },
      },
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onAbort: (what) => fail(tf('The explainer stopped unexpectedly: {0}', what)),
    }).then(async (m) => {
      module = m;
      loadingText.dataset.english = 'Loading the trips…';
      loadingText.textContent = t('Loading the trips…');
      // The reader's system settings, now and when they change: dark theme, reduced motion.
      const prefersDark = matchMedia('(prefers-color-scheme: dark)');
      const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
      // A coarse pointer (a touch screen) is known before the first frame: 44 px targets from the start.
      const coarse = matchMedia('(pointer: coarse)');
      const sendPreferences = () => m._journeys_set_preferences(prefersDark.matches ? 1 : 0, reducedMotion.matches ? 1 : 0,
        coarse.matches ? 1 : 0);
      sendPreferences();
      // Export video needs WebCodecs (checked again, with the codecs, when an export starts).
      m._journeys_set_video_support(typeof VideoEncoder === 'function' && typeof VideoFrame === 'function' ? 1 : 0);
      prefersDark.addEventListener('change', sendPreferences);
      reducedMotion.addEventListener('change', sendPreferences);
      coarse.addEventListener('change', sendPreferences);
      // The app starts at once and takes each download as it arrives (one short task each); it draws the map as
      // soon as the map is in, then the rest (src/app/main.cpp start_step).
      mark('main entered');
      m.ccall('journeys_start', null, ['string'], [languages]);
      for (const download of downloads) download.then(giveAsset);
      for (const d of handOver) giveAsset(d);
      handOver = [];
      applyHash(location.hash + (framed && !linkNamesEmbed ? '&embed' : '') +
        (!linkLanguage && startLanguage !== 'en' ? '&lang=' + startLanguage : ''));
      window.addEventListener('hashchange', () => {
        if (location.hash !== writtenHash) { writtenHash = location.hash; applyHash(location.hash); }
      });
      document.addEventListener('explainer:state', scheduleHashUpdate);
      // No drawing while the explainer is scrolled out of view (an embed far down an article); the journey
      // clock stops with it and resumes where it was.
      // Hidden tabs get no animation frames from the browser anyway; saying so explicitly also covers
      // browsers that keep a slow timer running, and makes the pause exact.
      let onScreen = true;
      const updateVisible = () => m._journeys_set_visible(onScreen && !document.hidden ? 1 : 0);
      document.addEventListener('visibilitychange', updateVisible);
      if ('IntersectionObserver' in window) {
        new IntersectionObserver((entries) => {
          for (const entry of entries) onScreen = entry.isIntersecting;
          updateVisible();
        }).observe(document.getElementById('stage'));
      }
    }, (err) => fail(tf('Could not start the explainer: {0}', err && err.message || err)));
  };
  document.head.appendChild(script);
})();
