// The accessible layer. The canvas is a picture to assistive technology, so (as Flutter web does) the page keeps
// real HTML controls beside it. It only shows what the app says (explainer.describe(): every word, from the same
// core functions as the canvas panels) and sends what the reader does as the app's commands (explainer.command),
// which the app decides exactly as the same click on the canvas: the
// trips as a list of buttons, the mode as a radio group, play/pause, restart, the clock as a range input, the
// speed as a select, the selected trip's facts as text, and a polite live region that announces the stops as the
// journey passes them (not every frame). The layer is visually hidden until keyboard focus enters it; then it
// shows as a panel over the map so a sighted keyboard user sees where focus is (web/a11y.css).
'use strict';
(function () {
  const explainer = window.explainer;  // defined by web/page.js, which runs first
  const stage = document.getElementById('stage');
  const canvas = document.getElementById('canvas');
  if (!explainer || !stage || !canvas || !globalThis.journeysDom) return;

  const MODES = ['train', 'plane', 'both'];
  const SHOW = { train: 'showTrain', plane: 'showPlane', both: 'showBoth' };

  // --- small helpers -------------------------------------------------------------------------------------------
  const el = globalThis.journeysDom.el;  // web/page.js
  // Text and attributes change only when they differ, so the state arriving 5 times a second does not churn the
  // accessibility tree.
  function setText(node, text) { if (node.textContent !== text) node.textContent = text; }
  function setAttr(node, name, value) {
    if (value === null) { if (node.hasAttribute(name)) node.removeAttribute(name); }
    else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  }

  // A source as a link (opening in a new tab) where the data has an address, otherwise as its outlet's name.
  function sourceNode(s) {
    if (s.url) {
      return el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.name,
        el('span', { class: 'a11y-sr-only', text: ' ' + L('(opens in a new tab)') }));
    }
    return el('cite', { title: s.about || null, text: s.name });
  }
  function sourceList(list) {
    const out = [];
    (list || []).forEach((s, i) => { if (i) out.push(', '); out.push(sourceNode(s)); });
    return out;
  }

  // --- the layer ---------------------------------------------------------------------------------------------
  const layer = el('div', { id: 'a11y', class: 'a11y-layer', tabindex: '-1' });
  const live = el('p', { class: 'a11y-live', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  let tripButtons = new Map(), modeInputs = new Map();
  let playButton, restartButton, clock, clockText, speedSelect, modeNote, factsSection;
  let lastState = null, shownTrip = null, lastClockInput = 0;

  // The reader's action, decided by the app as the same click on the canvas would be.
  function send(command) {
    try { explainer.command(command); } catch (err) { console.warn('accessible controls:', err.message); }
  }

  // The layer's own labels in the app's language (describe().words), and which language it was built in.
  let L = (english) => english, builtLanguage = null;
  function build(words) {
    L = (english) => (words.words && words.words[english]) || english;
    builtLanguage = words.lang;
    layer.setAttribute('lang', words.lang || 'en');
    tripButtons = new Map();
    modeInputs = new Map();
    shownTrip = null;
    const title = (words.lang === 'en' && document.title) || L("Kim Jong-un's journeys abroad");
    const skip = el('a', { href: '#canvas', class: 'a11y-skip', text: L('Go to the map (press ? there for its keys)'),
      onclick: (e) => { e.preventDefault(); canvas.focus(); } });

    const tripList = el('ul', { class: 'a11y-trips' });
    for (const trip of words.trips) {
      const button = el('button', { type: 'button', 'aria-pressed': 'false', 'data-trip': trip.id,
        onclick: () => send({ do: 'selectTrip', trip: trip.id }) },
        el('span', { class: 'a11y-num', text: trip.number }), ' ',
        el('span', { class: 'a11y-dest', text: trip.destination }), ' ',
        el('span', { class: 'a11y-meta', text: trip.meta }));
      tripButtons.set(trip.id, button);
      tripList.append(el('li', null, button));
    }

    const modeGroup = el('fieldset', { class: 'a11y-modes' }, el('legend', { text: L('Show') }));
    for (const mode of MODES) {
      const input = el('input', { type: 'radio', name: 'a11y-mode', value: mode, id: `a11y-mode-${mode}`,
        onchange: () => { if (input.checked) send({ do: SHOW[mode] }); } });
      const label = el('label', { for: input.id });
      modeInputs.set(mode, { input, label });
      modeGroup.append(el('span', { class: 'a11y-radio' }, input, label));
    }
    modeNote = el('p', { id: 'a11y-mode-note', class: 'a11y-note' });
    modeGroup.append(modeNote);
    modeGroup.setAttribute('aria-describedby', modeNote.id);

    playButton = el('button', { type: 'button', class: 'a11y-play', text: words.play,
      onclick: () => send({ do: 'playPause' }) });
    restartButton = el('button', { type: 'button', text: L('Restart'), onclick: () => send({ do: 'restart' }) });
    // The language, each named in its own words; the app decides (setLanguage) and this layer follows it.
    const languageSelect = el('select', { id: 'a11y-language', onchange: () => send({ do: 'setLanguage', lang: languageSelect.value }) },
      (words.languages || []).map((l) => el('option', { value: l.code, lang: l.code, text: l.name })));
    languageSelect.value = words.lang || 'en';
    clock = el('input', { type: 'range', id: 'a11y-clock', min: '0', max: '1', step: '0.01', value: '0',
      oninput: () => { lastClockInput = Date.now(); send({ do: 'seek', time: Number(clock.value) }); } });
    clockText = el('p', { class: 'a11y-clock-text', id: 'a11y-clock-text', 'aria-hidden': 'true' });
    speedSelect = el('select', { id: 'a11y-speed', onchange: () => send({ do: 'setSpeed', speed: Number(speedSelect.value) }) },
      words.speeds.map((s) => el('option', { value: String(s), text: `${s}×` })));

    const controls = el('section', { 'aria-label': L('Journey controls'), class: 'a11y-controls' },
      el('h2', { text: L('Journey controls') }),
      modeGroup,
      el('div', { class: 'a11y-row' }, playButton, restartButton),
      el('div', { class: 'a11y-field' }, el('label', { for: clock.id, text: L('Time since departure') }), clock, clockText),
      el('div', { class: 'a11y-field a11y-inline' }, el('label', { for: speedSelect.id, text: L('Speed (journey hours a second)') }), speedSelect),
      el('div', { class: 'a11y-field a11y-inline' }, el('label', { for: languageSelect.id, text: L('Language') }), languageSelect),
      el('h3', { text: L('Latest') }), live);

    factsSection = el('section', { 'aria-labelledby': 'a11y-trip-heading', class: 'a11y-facts' });

    layer.replaceChildren(
      el('h1', { text: title }),
      el('p', { class: 'a11y-intro', text: L('These controls drive the animated map and follow it. Escape returns to the map.') }),
      skip,
      el('nav', { 'aria-label': L('Trips') }, el('h2', { text: L('Trips') }), tripList),
      controls,
      factsSection);
    if (!layer.parentNode) {
      layer.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') { e.preventDefault(); canvas.focus(); }
      });
      stage.insertBefore(layer, canvas);
    }
  }

  function renderFacts(trip) {
    factsSection.replaceChildren();
    if (!trip) return;
    factsSection.append(
      el('h2', { id: 'a11y-trip-heading', text: trip.heading }),
      el('p', { class: 'a11y-dates', text: trip.dates }),
      el('dl', null,
        el('dt', { text: L('Destination') }), el('dd', { text: trip.destination }),
        el('dt', { text: L('Met') }), el('dd', { text: trip.met }),
        el('dt', { text: L('Travelled by') }), el('dd', { text: trip.travelledBy })),
      el('p', { text: trip.summary }));
    if (trip.facts.length) {
      factsSection.append(el('h3', { text: L('Facts') }), el('ul', { class: 'a11y-fact-list' },
        trip.facts.map((f) => el('li', null, f.text, ' ',
          f.sources.length ? el('span', { class: 'a11y-sources' }, `(${L('Sources')}: `, sourceList(f.sources), ')') : null))));
    }
    if (trip.sources.length) {
      factsSection.append(el('h3', { text: L('Sources') }),
        el('ul', { class: 'a11y-source-list' }, trip.sources.map((s) => el('li', null, sourceNode(s)))));
    }
  }

  // --- app state -> controls ---------------------------------------------------------------------------------
  function update(state) {
    if (!state || !state.status || !state.status.train) return;
    // The texts of this moment on every change (several times a second while playing); the trips, facts and
    // sources only when the language or the trip changes.
    const words = explainer.describe({ moment: true });
    if (!words || !words.tripId) return;
    if (words.lang !== builtLanguage || state.trip !== shownTrip) {
      const all = explainer.describe();
      // Another language: the layer is built again in it, and keyboard focus stays on the same control.
      if (all.lang !== builtLanguage) {
        const focused = document.activeElement && layer.contains(document.activeElement) ? document.activeElement.id : null;
        build(all);
        if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
      }
      if (state.trip !== shownTrip) { shownTrip = state.trip; renderFacts(all.trip); }
    }

    for (const [id, button] of tripButtons) {
      const on = id === state.trip;
      setAttr(button, 'aria-pressed', on ? 'true' : 'false');
      setAttr(button, 'aria-current', on ? 'true' : null);
    }

    for (const [mode, { input, label }] of modeInputs) {
      if (input.checked !== (mode === state.mode)) input.checked = mode === state.mode;
      if (input.disabled !== !words.modes[mode].enabled) input.disabled = !words.modes[mode].enabled;
      setText(label, words.modes[mode].label);
    }
    setText(modeNote, words.modeNote);
    modeNote.hidden = !modeNote.textContent;

    setText(playButton, words.play);
    const end = Math.max(0, state.status.endHours || 0);
    const range = end > 0 ? end : 0.01;
    if (clock.max !== String(range)) { clock.max = String(range); clock.step = String(range / 100); }
    // While the reader drags or steps the slider, the slider leads; otherwise it follows the app.
    if (!(document.activeElement === clock && Date.now() - lastClockInput < 500) && Number(clock.value) !== state.time) {
      clock.value = String(state.time);
    }
    setAttr(clock, 'aria-valuetext', words.clock);
    setText(clockText, `${words.clock} · ${L(state.playing ? 'playing' : 'paused')}`);

    const speed = String(state.speed);
    if (![...speedSelect.options].some((o) => o.value === speed)) {
      speedSelect.append(el('option', { value: speed, text: `${state.speed}×` }));
    }
    if (speedSelect.value !== speed) speedSelect.value = speed;

    announce(state, words);
    lastState = state;
  }

  // --- the live region: the stops as the journey passes them -------------------------------------------------
  // Only changes are announced (a stop passed, an arrival), at most one message every 1.5 s; several changes in
  // that time are merged into one message, so fast playback does not flood the screen reader.
  const pending = new Map();
  let lastSpoken = 0, flushTimer = null;
  function queue(key, text) {
    pending.set(key, text);
    if (flushTimer) return;
    flushTimer = setTimeout(flush, Math.max(0, 1500 - (Date.now() - lastSpoken)));
  }
  function flush() {
    flushTimer = null;
    if (!pending.size) return;
    live.textContent = [...pending.values()].join(' ');
    pending.clear();
    lastSpoken = Date.now();
  }
  // When a shown track passes a stop or arrives, the app's sentence for that moment is announced.
  function announce(state, words) {
    const prev = lastState;
    if (!prev || prev.trip !== state.trip || prev.mode !== state.mode) { pending.clear(); return; }
    for (const mode of ['train', 'plane']) {
      const now = state.status[mode], before = prev.status[mode];
      if (!now || !before || !now.shown) continue;
      const changed = (now.arrived && !before.arrived) || (!now.arrived && now.stopsPassed > before.stopsPassed);
      if (changed && words.progress[mode]) queue(mode, words.progress[mode]);
    }
  }

  // --- wiring ------------------------------------------------------------------------------------------------
  explainer.ready.then(() => {
    const words = explainer.describe();
    if (!words) return;
    build(words);
    document.addEventListener('explainer:state', (e) => update(e.detail));
    update(explainer.getState());
  }, () => { /* the map cannot run or the data is missing: the page says so (and web/fallback.js may take over) */ });
})();
