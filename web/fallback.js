// The fallback: where the browser has no WebGL 2 or no WebAssembly, the map cannot be drawn, so the page shows
// the same facts from assets/trips.json as an HTML table (one row per trip) in place of the canvas, with a
// one-line explanation above it. page.js announces the case with an 'explainer:unsupported' event; since that
// can fire before this script runs, the page is also checked once the document is parsed and when
// explainer.ready rejects. It renders once.
'use strict';
(function () {
  const text = globalThis.journeysText;  // web/text.js, loaded just before: the app's own words
  let started = false;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }
  // Can this browser run the map at all? Only asked once the page has reported an error, so a working page never
  // creates a second WebGL context here (ten embeds on one page share the browser's context budget).
  function unsupported() {
    if (typeof WebAssembly !== 'object' || WebAssembly === null) return true;
    if (!window.WebGL2RenderingContext) return true;
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return true;
      const lose = gl.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext();
      return false;
    } catch (e) {
      return true;
    }
  }
  function errorNotice() {
    return document.querySelector('#notices .notice.error');
  }
  function check() {
    if (started) return;
    const notice = errorNotice();
    if (notice && unsupported()) render(notice.textContent);
  }

  function sourceNode(s) {
    const name = text.sourceName(s);
    if (s.url) {
      return el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, name,
        el('span', { class: 'a11y-sr-only', text: ' (opens in a new tab)' }));
    }
    return el('cite', { title: s.about || null, text: name });
  }

  function tableFor(data) {
    const places = new Map((data.places || []).map((p) => [p.id, p]));
    const sources = new Map((data.sources || []).map((s) => [s.id, s]));
    const vehicles = new Map((data.vehicles || []).map((v) => [v.id, v]));
    const trips = (data.trips || []).slice().sort((a, b) => a.number - b.number);
    const placeName = (id) => (places.get(id) || {}).name || id;
    const head = ['#', 'Dates', 'Destination', 'Met', 'How he travelled', 'Distance and duration reported', 'Sources'];
    const rows = trips.map((trip) => {
      const legs = trip.outbound || [];
      const many = legs.length > 1;
      const travel = el('ul', null, legs.map((leg) => {
        const v = vehicles.get(leg.vehicle);
        return el('li', null, text.modeWord(leg.mode), v ? ` (${v.name})` : '');
      }));
      const figures = [];
      for (const leg of legs) {
        const prefix = many ? `${text.modeWord(leg.mode)}: ` : '';
        const dist = (leg.reported_distance_km || []).map((f) => text.figureLine(f, 'km', placeName));
        const dur = (leg.reported_duration_h || []).map((f) => text.figureLine(f, 'h', placeName));
        if (dist.length) figures.push(el('li', null, `${prefix}distance ${dist.join('; ')}`));
        if (dur.length) figures.push(el('li', null, `${prefix}duration ${dur.join('; ')}`));
      }
      const conflicting = legs.some((leg) => [...(leg.reported_distance_km || []), ...(leg.reported_duration_h || [])]
        .some((f) => f.confidence === 'conflicting'));
      if (conflicting) figures.push(el('li', { class: 'a11y-muted', text: 'Reports disagree.' }));
      const shown = (trip.sources || []).map((id) => sources.get(id)).filter((s) => s && !text.isDeskSource(s));
      const srcs = el('ul', null, shown.map((s) => el('li', null, sourceNode(s))));
      return el('tr', null,
        el('th', { scope: 'row', text: trip.number }),
        el('td', { text: text.tripDates(trip) }),
        el('td', null, el('strong', { text: trip.destination }), trip.country && trip.country !== trip.destination ? `, ${trip.country}` : '',
          trip.title ? el('div', { class: 'a11y-muted', text: trip.title }) : null),
        el('td', { text: trip.counterpart || '' }),
        el('td', null, travel),
        el('td', null, figures.length ? el('ul', null, figures) : el('span', { class: 'a11y-muted', text: 'None published' })),
        el('td', null, srcs));
    });
    return el('table', { id: 'fallback-table' },
      el('caption', { text: `${data.title || "Kim Jong-un's journeys abroad"}: ${trips.length} trips` }),
      el('thead', null, el('tr', null, head.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', null, rows));
  }

  function render(reason) {
    if (started) return;
    started = true;
    const stage = document.getElementById('stage') || document.body;
    document.documentElement.classList.add('journeys-fallback');
    const why = /WebAssembly/i.test(reason || '') || typeof WebAssembly !== 'object'
      ? 'this browser cannot run WebAssembly' : 'this browser has no WebGL 2';
    const lead = el('p', { class: 'a11y-lead',
      text: `The animated map cannot be drawn here (${why}), so here are the same facts as a table.` });
    const wrap = el('div', { class: 'a11y-table-wrap', role: 'region', 'aria-labelledby': 'fallback-heading', tabindex: '0' },
      el('p', { class: 'a11y-muted', text: 'Loading the trips…' }));
    const section = el('section', { id: 'fallback', class: 'a11y-fallback', 'aria-labelledby': 'fallback-heading' },
      el('h1', { id: 'fallback-heading', text: document.title || "Kim Jong-un's journeys abroad" }), lead, wrap);
    const notices = document.getElementById('notices');
    stage.insertBefore(section, notices && notices.parentNode === stage ? notices : stage.firstChild);
    fetch('assets/trips.json')
      .then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status}`); return r.json(); })
      .then((data) => wrap.replaceChildren(tableFor(data)))
      .catch((err) => wrap.replaceChildren(el('p', { class: 'a11y-pad',
        text: `The trips could not be loaded either (${err.message || err}). Check the connection and reload the page.` })));
  }

  document.addEventListener('explainer:unsupported', (e) => render(e.detail && e.detail.reason));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check);
  else check();
  if (window.explainer && window.explainer.ready) window.explainer.ready.catch(check);
})();
