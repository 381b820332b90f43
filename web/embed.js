// The explainer inside someone else's article: sizes its iframe (pym.js v1 child protocol, AMP's embed-size),
// lets the article keep the wheel and one-finger scrolling (the map zooms with Ctrl/⌘ + wheel or two fingers),
// and takes commands from the host page by postMessage, from the origins listed in embed.json only.
'use strict';
(function () {
  const root = document.documentElement;
  // Loaded early by a page that may be an embed (framed, or its link names embed); whether it is one is the app's
  // reading of the link (page.js sets html.embed from it before the app takes any input). Checked at each event.
  const isEmbed = () => root.classList.contains('embed');
  const stage = document.getElementById('stage');

  // --- height: follows from the width alone (CSS aspect-ratio on #stage); told to the host page -------------
  let pymChild = null;
  if (window.pym) pymChild = new window.pym.Child({ polling: 500 });
  let lastHeight = 0;
  function reportHeight() {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    if (pymChild) pymChild.sendHeight();
    try { window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*'); } catch (e) { /* no parent */ }
  }
  new ResizeObserver(reportHeight).observe(document.body);
  reportHeight();

  // --- scrolling: the article keeps the wheel and one finger ---------------------------------------------------
  const hint = document.createElement('p');
  hint.className = 'scroll-hint';
  hint.setAttribute('aria-hidden', 'true');
  const hintEnglish = /Mac|iPhone|iPad/.test(navigator.platform) ? 'Use ⌘ + scroll to zoom the map' : 'Use Ctrl + scroll to zoom the map';
  hint.textContent = hintEnglish;
  stage.appendChild(hint);
  // In the reader's language, in the core's words (describe().words), looked up when it is shown.
  const hintText = () => {
    const described = window.explainer && window.explainer.describe();
    return (described && described.words && described.words[hintEnglish]) || hintEnglish;
  };
  let hintTimer = null;
  // Capture phase on the stage: the event never reaches SDL's listener on the canvas, so nothing calls
  // preventDefault and the browser scrolls the article.
  stage.addEventListener('wheel', (e) => {
    if (!isEmbed() || e.ctrlKey || e.metaKey) return;
    e.stopPropagation();
    hint.textContent = hintText();
    hint.classList.add('shown');
    clearTimeout(hintTimer);
    hintTimer = setTimeout(() => hint.classList.remove('shown'), 1200);
  }, { capture: true, passive: true });
  // One finger on the map scrolls the article (the touch never reaches SDL); one finger on a panel presses or
  // scrolls that panel (the trip list swipes like any phone list). Decided where the finger lands.
  let fingerOnPanel = false;
  const canvas = document.getElementById('canvas');
  stage.addEventListener('touchstart', (e) => {
    if (!isEmbed() || e.touches.length >= 2) return;
    const box = canvas.getBoundingClientRect(), t = e.touches[0];
    fingerOnPanel = window.explainer.hitTest(t.clientX - box.left, t.clientY - box.top) === 'panel';
    if (!fingerOnPanel) e.stopPropagation();
  }, { capture: true, passive: true });
  stage.addEventListener('touchmove', (e) => { if (isEmbed() && e.touches.length < 2 && !fingerOnPanel) e.stopPropagation(); }, { capture: true, passive: true });

  // --- the host page drives it: {type: 'explainer:set', state: {trip, mode, time, playing, speed}} or a reader's
  // action {type: 'explainer:command', command: {do: 'nextTrip'}} (the names of explainer.command) -------------
  const ALLOWED_KEYS = new Set(['trip', 'mode', 'time', 'playing', 'speed']);
  // The newsroom's list of host origins. Fetched past every cache (the service worker answers it network-first
  // too), so an origin added to embed.json works on the very next visit; messages wait for it.
  const allowedOrigins = fetch('web/embed.json', { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}))
    .then((config) => {
      const origins = new Set([location.origin]);
      for (const o of (config && config.allowedOrigins) || []) if (typeof o === 'string') origins.add(o);
      return origins;
    });

  const subscribers = new Set();  // [window, origin] of host pages that asked for state updates
  window.addEventListener('message', async (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string' || !msg.type.startsWith('explainer:')) return;
    const reply = (data) => { try { event.source.postMessage(data, event.origin); } catch (e) { /* gone */ } };
    if (!(await allowedOrigins).has(event.origin)) {
      // Said in the console and to the host, so the newsroom developer who set it up sees why nothing happens.
      const why = `explainer: ignored a message from ${event.origin}: that origin is not listed in web/embed.json ("allowedOrigins")`;
      console.warn(why);
      reply({ type: 'explainer:error', message: why });
      return;
    }
    if (msg.type === 'explainer:subscribe') {
      subscribers.add([event.source, event.origin]);
      window.explainer.ready.then(() => reply({ type: 'explainer:state', state: window.explainer.getState() }));
      return;
    }
    // A reader action, decided by the app as the same click would be: {type: 'explainer:command', command: {do: 'nextTrip'}}.
    if (msg.type === 'explainer:command') {
      window.explainer.ready.then(() => {
        try {
          reply({ type: 'explainer:state', state: window.explainer.command(msg.command) });
        } catch (e) {
          reply({ type: 'explainer:error', message: e.message });
        }
      });
      return;
    }
    if (msg.type !== 'explainer:set' || !msg.state || typeof msg.state !== 'object') return;
    const partial = {};
    for (const [k, v] of Object.entries(msg.state)) if (ALLOWED_KEYS.has(k)) partial[k] = v;
    window.explainer.ready.then(() => {
      try {
        reply({ type: 'explainer:state', state: window.explainer.setState(partial) });
      } catch (e) {
        reply({ type: 'explainer:error', message: e.message });
      }
    });
  });
  document.addEventListener('explainer:state', (e) => {
    for (const [source, origin] of subscribers) {
      try { source.postMessage({ type: 'explainer:state', state: e.detail }, origin); } catch (err) { subscribers.delete([source, origin]); }
    }
  });

})();
