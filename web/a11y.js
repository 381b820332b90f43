// The accessible layer. The canvas is a picture to assistive technology, so (as Flutter web does) the page keeps
// real HTML controls beside it, generated from the same trip data and kept in sync with the app both ways: the
// trips as a list of buttons, the mode as a radio group, play/pause, restart, the clock as a range input, the
// speed as a select, the selected trip's facts as text, and a polite live region that announces the stops as the
// journey passes them (not every frame). The layer is visually hidden until keyboard focus enters it; then it
// shows as a panel over the map so a sighted keyboard user sees where focus is (web/a11y.css).
'use strict';
(function () {
  const explainer = window.explainer;  // defined by web/page.js, which runs first
  const stage = document.getElementById('stage');
  const canvas = document.getElementById('canvas');
  if (!explainer || !stage || !canvas) return;

  const MODES = ['train', 'plane', 'both'];
  const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16];
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];

  // --- small helpers -------------------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
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
  }
  const cap = (s) => s ? s[0].toUpperCase() + s.slice(1) : s;
  // Text and attributes change only when they differ, so the state arriving 5 times a second does not churn the
  // accessibility tree.
  function setText(node, text) { if (node.textContent !== text) node.textContent = text; }
  function setAttr(node, name, value) {
    if (value === null) { if (node.hasAttribute(name)) node.removeAttribute(name); }
    else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  }

  // "12 h 30 min", "45 min", "70 h".
  function hoursText(h) {
    const total = Math.max(0, Math.round((Number(h) || 0) * 60));
    const hours = Math.floor(total / 60), minutes = total % 60;
    if (hours === 0) return `${minutes} min`;
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  const kmText = (km) => `${Math.round(km).toLocaleString('en-GB')} km`;

  // "2018-03-25".."2018-03-28" -> "25–28 March 2018"; across months or years it names both.
  function parseDate(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s || '');
    return m ? { y: +m[1], m: +m[2] - 1, d: +m[3] } : null;
  }
  function dateRangeText(from, to) {
    const a = parseDate(from), b = parseDate(to);
    if (!a) return '';
    const full = (x) => `${x.d} ${MONTHS[x.m]} ${x.y}`;
    if (!b || (a.y === b.y && a.m === b.m && a.d === b.d)) return full(a);
    if (a.y !== b.y) return `${full(a)} – ${full(b)}`;
    if (a.m !== b.m) return `${a.d} ${MONTHS[a.m]} – ${full(b)}`;
    return `${a.d}–${full(b)}`;
  }
  const monthText = (s) => { const a = parseDate(s); return a ? `${MONTHS[a.m]} ${a.y}` : ''; };

  // --- the trip data, as the app reads it --------------------------------------------------------------------
  let data = null, places = new Map(), sources = new Map(), vehicles = new Map(), trips = new Map();

  function tripEnd(trip) {
    return (trip.return_arrive || trip.return_depart || trip.arrive || {}).date;
  }
  // The stops of a track in the app's order: legs joined end to end, a leg's first stop (the previous leg's
  // last) counted once. The real journey is the outbound legs; the what-if track is the what_if legs.
  function trackStops(trip, whatIf) {
    const legs = (whatIf ? trip.what_if : trip.outbound) || [];
    const names = [];
    legs.forEach((leg, li) => (leg.stops || []).forEach((stop, si) => {
      if (li > 0 && si === 0) return;
      const place = places.get(stop.place);
      names.push(place ? place.name : stop.place);
    }));
    return names;
  }
  // The trip's main way of travelling: the mode of its longest outbound leg (as the app decides it).
  function mainMode(trip) {
    let best = 'train', bestKm = -1;
    for (const leg of trip.outbound || []) {
      let km = 0;
      const pts = (leg.stops || []).map((s) => places.get(s.place)).filter(Boolean);
      for (let i = 1; i < pts.length; ++i) km += greatCircleKm(pts[i - 1], pts[i]);
      if (km > bestKm) { bestKm = km; best = leg.mode; }
    }
    return best;
  }
  function greatCircleKm(a, b) {
    const r = Math.PI / 180;
    const dLat = (b.lat - a.lat) * r, dLon = (b.lon - a.lon) * r;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
    return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  function unavailableReason(trip, mode) {
    for (const u of trip.what_if_unavailable || []) if (u.mode === mode) return u.reason;
    return 'No what-if in the data.';
  }
  // A source as a link (opening in a new tab) where the data has an address, otherwise as its outlet's name.
  function sourceNode(id) {
    const s = sources.get(id);
    if (!s) return el('span', { text: id });
    const name = s.title ? `${s.outlet}: ${s.title}` : s.outlet;
    if (s.url) {
      return el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, name,
        el('span', { class: 'a11y-sr-only', text: ' (opens in a new tab)' }));
    }
    return el('cite', { title: s.about || null, text: name });
  }
  function sourceList(ids) {
    const out = [];
    (ids || []).forEach((id, i) => { if (i) out.push(', '); out.push(sourceNode(id)); });
    return out;
  }

  // --- the layer ---------------------------------------------------------------------------------------------
  const layer = el('div', { id: 'a11y', class: 'a11y-layer', tabindex: '-1' });
  const live = el('p', { class: 'a11y-live', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  let tripButtons = new Map(), modeInputs = new Map();
  let playButton, restartButton, clock, clockText, speedSelect, modeNote, factsSection;
  let lastState = null, shownTrip = null, lastClockInput = 0;

  // Changes the app's state; a refusal (e.g. a trip the app dropped because its data was malformed) is said in
  // the live region, and that trip's button is marked unavailable.
  function set(partial) {
    try { explainer.setState(partial); return true; }
    catch (err) {
      console.warn('accessible controls:', err.message);
      if (partial.trip && tripButtons.has(partial.trip)) {
        const button = tripButtons.get(partial.trip);
        button.setAttribute('aria-disabled', 'true');
        button.classList.add('a11y-unavailable');
        live.textContent = `Trip ${trips.get(partial.trip).number} could not be loaded; the page lists the problem.`;
      }
      return false;
    }
  }

  function build() {
    const title = document.title || "Kim Jong-un's journeys abroad";
    const skip = el('a', { href: '#canvas', class: 'a11y-skip', text: 'Go to the map (press ? there for its keys)',
      onclick: (e) => { e.preventDefault(); canvas.focus(); } });

    const tripList = el('ul', { class: 'a11y-trips' });
    for (const trip of trips.values()) {
      const mode = mainMode(trip);
      const button = el('button', { type: 'button', 'aria-pressed': 'false', 'data-trip': trip.id,
        onclick: () => set({ trip: trip.id }) },
        el('span', { class: 'a11y-num', text: trip.number }), ' ',
        el('span', { class: 'a11y-dest', text: trip.destination }), ' ',
        el('span', { class: 'a11y-meta', text: `${monthText(trip.depart && trip.depart.date)} · by ${mode} · ${trip.counterpart || ''}` }));
      tripButtons.set(trip.id, button);
      tripList.append(el('li', null, button));
    }

    const modeGroup = el('fieldset', { class: 'a11y-modes' }, el('legend', { text: 'Show' }));
    for (const mode of MODES) {
      const input = el('input', { type: 'radio', name: 'a11y-mode', value: mode, id: `a11y-mode-${mode}`,
        onchange: () => { if (input.checked) set({ mode }); } });
      const label = el('label', { for: input.id });
      modeInputs.set(mode, { input, label });
      modeGroup.append(el('span', { class: 'a11y-radio' }, input, label));
    }
    modeNote = el('p', { id: 'a11y-mode-note', class: 'a11y-note' });
    modeGroup.append(modeNote);
    modeGroup.setAttribute('aria-describedby', modeNote.id);

    playButton = el('button', { type: 'button', class: 'a11y-play', text: 'Play', onclick: () => {
      const s = explainer.getState();
      if (s.playing) set({ playing: false });
      else if (s.time >= s.status.endHours) set({ time: 0, playing: true });
      else set({ playing: true });
    } });
    restartButton = el('button', { type: 'button', text: 'Restart', onclick: () => set({ time: 0, playing: true }) });
    clock = el('input', { type: 'range', id: 'a11y-clock', min: '0', max: '1', step: '0.01', value: '0',
      oninput: () => { lastClockInput = Date.now(); set({ time: Number(clock.value) }); } });
    clockText = el('p', { class: 'a11y-clock-text', id: 'a11y-clock-text', 'aria-hidden': 'true' });
    speedSelect = el('select', { id: 'a11y-speed', onchange: () => set({ speed: Number(speedSelect.value) }) },
      SPEEDS.map((s) => el('option', { value: String(s), text: `${s}×` })));

    const controls = el('section', { 'aria-label': 'Journey controls', class: 'a11y-controls' },
      el('h2', { text: 'Journey controls' }),
      modeGroup,
      el('div', { class: 'a11y-row' }, playButton, restartButton),
      el('div', { class: 'a11y-field' }, el('label', { for: clock.id, text: 'Time since departure' }), clock, clockText),
      el('div', { class: 'a11y-field a11y-inline' }, el('label', { for: speedSelect.id, text: 'Speed (journey hours a second)' }), speedSelect),
      el('h3', { text: 'Latest' }), live);

    factsSection = el('section', { 'aria-labelledby': 'a11y-trip-heading', class: 'a11y-facts' });

    layer.append(
      el('h1', { text: title }),
      el('p', { class: 'a11y-intro', text: 'These controls drive the animated map and follow it. Escape returns to the map.' }),
      skip,
      el('nav', { 'aria-label': 'Trips' }, el('h2', { text: 'Trips' }), tripList),
      controls,
      factsSection);
    layer.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); canvas.focus(); }
    });
    stage.insertBefore(layer, canvas);
  }

  function renderFacts(trip) {
    factsSection.replaceChildren();
    if (!trip) return;
    const legs = (trip.outbound || []).map((leg) => {
      const v = vehicles.get(leg.vehicle);
      return `${cap(leg.mode)}${v ? ` (${v.name})` : ''}`;
    }).join(', then ');
    factsSection.append(
      el('h2', { id: 'a11y-trip-heading', text: `Trip ${trip.number}: ${trip.title}` }),
      el('p', { class: 'a11y-dates', text: dateRangeText(trip.depart && trip.depart.date, tripEnd(trip)) }),
      el('dl', null,
        el('dt', { text: 'Destination' }), el('dd', { text: [trip.destination, trip.country].filter(Boolean).join(', ') }),
        el('dt', { text: 'Met' }), el('dd', { text: trip.counterpart || '' }),
        el('dt', { text: 'Travelled by' }), el('dd', { text: legs })),
      el('p', { text: trip.summary || '' }));
    if (trip.facts && trip.facts.length) {
      factsSection.append(el('h3', { text: 'Facts' }), el('ul', { class: 'a11y-fact-list' },
        trip.facts.map((f) => el('li', null, f.text, ' ',
          f.sources && f.sources.length ? el('span', { class: 'a11y-sources' }, '(Sources: ', sourceList(f.sources), ')') : null))));
    }
    if (trip.sources && trip.sources.length) {
      factsSection.append(el('h3', { text: 'Sources' }),
        el('ul', { class: 'a11y-source-list' }, trip.sources.map((id) => el('li', null, sourceNode(id)))));
    }
  }

  // --- app state -> controls ---------------------------------------------------------------------------------
  function modeLabel(track, name) {
    if (!track || !track.available) return `${name} (none)`;
    return track.whatIf ? `${name} (what-if)` : `${name} (real)`;
  }

  function update(state) {
    if (!state || !state.status || !state.status.train) return;
    const st = state.status;
    const trip = trips.get(state.trip);
    if (state.trip !== shownTrip) { shownTrip = state.trip; renderFacts(trip); }

    for (const [id, button] of tripButtons) {
      const on = id === state.trip;
      setAttr(button, 'aria-pressed', on ? 'true' : 'false');
      setAttr(button, 'aria-current', on ? 'true' : null);
    }

    const available = { train: st.train.available, plane: st.plane.available,
      both: st.train.available && st.plane.available };
    const labels = { train: modeLabel(st.train, 'Train'), plane: modeLabel(st.plane, 'Plane'), both: 'Both, racing' };
    for (const [mode, { input, label }] of modeInputs) {
      if (input.checked !== (mode === state.mode)) input.checked = mode === state.mode;
      if (input.disabled !== !available[mode]) input.disabled = !available[mode];
      setText(label, labels[mode]);
    }
    const missing = !st.train.available ? 'train' : !st.plane.available ? 'plane' : null;
    setText(modeNote, missing && trip ? `No ${missing}: ${unavailableReason(trip, missing)}` : '');
    modeNote.hidden = !modeNote.textContent;

    const end = Math.max(0, st.endHours || 0);
    setText(playButton, state.playing ? 'Pause' : (end > 0 && state.time >= end ? 'Replay' : 'Play'));
    const range = end > 0 ? end : 0.01;
    if (clock.max !== String(range)) { clock.max = String(range); clock.step = String(range / 100); }
    // While the reader drags or steps the slider, the slider leads; otherwise it follows the app.
    if (!(document.activeElement === clock && Date.now() - lastClockInput < 500) && Number(clock.value) !== state.time) {
      clock.value = String(state.time);
    }
    const valueText = `${hoursText(state.time)} of ${hoursText(end)}`;
    setAttr(clock, 'aria-valuetext', valueText);
    setText(clockText, `${valueText} · ${state.playing ? 'playing' : 'paused'}`);

    const speed = String(state.speed);
    if (![...speedSelect.options].some((o) => o.value === speed)) {
      speedSelect.append(el('option', { value: speed, text: `${state.speed}×` }));
    }
    if (speedSelect.value !== speed) speedSelect.value = speed;

    announce(state, trip);
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
  function announce(state, trip) {
    const prev = lastState;
    if (!prev || !trip || prev.trip !== state.trip || prev.mode !== state.mode) { pending.clear(); return; }
    const shown = state.mode === 'both' ? ['train', 'plane'] : [state.mode];
    for (const mode of shown) {
      const now = state.status[mode], before = prev.status[mode];
      if (!now || !before || !now.available) continue;
      const who = now.whatIf ? `The what-if ${mode}` : cap(mode);
      const stops = trackStops(trip, now.whatIf);
      const named = stops.length === now.stopCount;
      if (now.arrived && !before.arrived) {
        const where = named ? ` at ${stops[stops.length - 1]}` : '';
        queue(mode, `${who} arrived${where} after ${hoursText(now.durationHours)}.`);
      } else if (!now.arrived && now.stopsPassed > before.stopsPassed && now.stopsPassed >= 2) {
        const i = now.stopsPassed - 1;
        const name = named ? stops[i] : `stop ${now.stopsPassed}`;
        const next = named && stops[i + 1] ? `, next ${stops[i + 1]}` : '';
        const left = Math.max(0, now.distanceKm - now.km);
        queue(mode, `${who} passed ${name} (stop ${now.stopsPassed} of ${now.stopCount})${next}; ${kmText(left)} to go.`);
      }
    }
  }

  // --- wiring ------------------------------------------------------------------------------------------------
  // The page's own download of the data (explainer.tripData), so the file is fetched once.
  const tripsJson = explainer.tripData ? explainer.tripData() : fetch('assets/trips.json').then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json();
  });
  Promise.all([explainer.ready, tripsJson]).then(([, json]) => {
    data = json;
    for (const p of data.places || []) places.set(p.id, p);
    for (const s of data.sources || []) sources.set(s.id, s);
    for (const v of data.vehicles || []) vehicles.set(v.id, v);
    for (const t of data.trips || []) trips.set(t.id, t);
    build();
    document.addEventListener('explainer:state', (e) => update(e.detail));
    update(explainer.getState());
  }, () => { /* the map cannot run or the data is missing: the page says so (and web/fallback.js may take over) */ });
})();
