// The fallback: where the browser has no WebGL 2 or no WebAssembly, the map cannot be drawn, so the page shows
// the same facts from assets/trips.json as an HTML table (one row per trip) in place of the canvas, with a
// one-line explanation above it. page.js announces the case with an 'explainer:unsupported' event; since that
// can fire before this script runs, the page is also checked once the document is parsed and when
// explainer.ready rejects. It renders once.
'use strict';
(function () {
  const text = globalThis.journeysText;  // web/text.js, loaded just before: the app's own words
  const t = text.t;
  // The page's language (web/page.js: the link's #lang=, else the browser's on a standalone page); its catalogue
  // is fetched before anything is shown, so the table never shows English first and then changes.
  const language = globalThis.journeysPageLanguage || 'en';
  const catalogue = language === 'en' ? Promise.resolve(null)
    : fetch(`assets/lang/${language}.json`).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  let started = false;

  const el = globalThis.journeysDom.el;  // web/page.js, which loads this file
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
  function lastErrorNotice() {
    return [...document.querySelectorAll('#notices .notice.error')].pop();
  }
  function check() {
    if (started) return;
    const notice = errorNotice();
    // The page says so (data-explainer-cannot-run: the app stopped for good, e.g. without fonts), or no WebGL 2.
    const cannotRun = document.documentElement.hasAttribute('data-explainer-cannot-run');
    if (notice && (cannotRun || unsupported())) render(cannotRun ? lastErrorNotice().dataset.english : notice.textContent);
  }

  function sourceNode(s) {
    const name = text.sourceName(s);
    if (s.url) {
      return el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, name,
        el('span', { class: 'a11y-sr-only', text: ' ' + t('(opens in a new tab)') }));
    }
    return el('cite', { title: s.about || null, text: name });
  }

  function tableFor(data) {
    const places = new Map((data.places || []).map((p) => [p.id, p]));
    const sources = new Map((data.sources || []).map((s) => [s.id, s]));
    const vehicles = new Map((data.vehicles || []).map((v) => [v.id, v]));
    const trips = (data.trips || []).slice().sort((a, b) => a.number - b.number);
    const placeName = (id) => text.data((places.get(id) || {}).name) || id;
    const d = text.data;
    const head = ['#', t('Dates'), t('Destination'), t('Met'), t('How he travelled'), t('Distance and duration reported'), t('Sources')];
    const rows = trips.map((trip) => {
      const legs = trip.outbound || [];
      const many = legs.length > 1;
      const travel = el('ul', null, legs.map((leg) => {
        const v = vehicles.get(leg.vehicle);
        return el('li', null, v ? text.fill(t('{0} ({1})'), text.modeWord(leg.mode), d(v.name)) : text.modeWord(leg.mode));
      }));
      const figures = [];
      for (const leg of legs) {
        const prefix = many ? text.fill(t('{0}: '), text.modeWord(leg.mode)) : '';
        const dist = (leg.reported_distance_km || []).map((f) => text.figureLine(f, 'km', placeName));
        const dur = (leg.reported_duration_h || []).map((f) => text.figureLine(f, 'h', placeName));
        if (dist.length) figures.push(el('li', null, prefix + text.fill(t('distance {0}'), dist.join('; '))));
        if (dur.length) figures.push(el('li', null, prefix + text.fill(t('duration {0}'), dur.join('; '))));
      }
      const conflicting = legs.some((leg) => [...(leg.reported_distance_km || []), ...(leg.reported_duration_h || [])]
        .some((f) => f.confidence === 'conflicting'));
      if (conflicting) figures.push(el('li', { class: 'a11y-muted', text: t('Reports disagree.') }));
      const shown = (trip.sources || []).map((id) => sources.get(id)).filter((s) => s && !text.isDeskSource(s));
      const srcs = el('ul', null, shown.map((s) => el('li', null, sourceNode(s))));
      return el('tr', null,
        el('th', { scope: 'row', text: trip.number }),
        el('td', { text: text.tripDates(trip) }),
        el('td', null, el('strong', { text: d(trip.destination) }), trip.country && trip.country !== trip.destination ? text.fill(t(', {0}'), d(trip.country)) : '',
          trip.title ? el('div', { class: 'a11y-muted', text: d(trip.title) }) : null),
        el('td', { text: d(trip.counterpart) || '' }),
        el('td', null, travel),
        el('td', null, figures.length ? el('ul', null, figures) : el('span', { class: 'a11y-muted', text: t('None published') })),
        el('td', null, srcs));
    });
    return el('table', { id: 'fallback-table' },
      el('caption', { text: text.fill(t('{0}: {1} trips'), d(data.title) || t("Kim Jong-un's journeys abroad"), trips.length) }),
      el('thead', null, el('tr', null, head.map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', null, rows));
  }

  function render(reason) {
    if (started) return;
    started = true;
    catalogue.then((words) => { text.setWords(words); show(reason); });
  }
  function show(reason) {
    document.documentElement.lang = language;
    if (language !== 'en') document.title = t("Kim Jong-un's journeys abroad");
    const stage = document.getElementById('stage') || document.body;
    document.documentElement.classList.add('journeys-fallback');
    const why = /^Neither font/.test(reason || '') ? t('its fonts could not be loaded')
      : /WebAssembly/i.test(reason || '') || typeof WebAssembly !== 'object'
        ? t('this browser cannot run WebAssembly') : t('this browser has no WebGL 2');
    const lead = el('p', { class: 'a11y-lead',
      text: text.fill(t('The animated map cannot be drawn here ({0}), so here are the same facts as a table.'), why) });
    const wrap = el('div', { class: 'a11y-table-wrap', role: 'region', 'aria-labelledby': 'fallback-heading', tabindex: '0' },
      el('p', { class: 'a11y-muted', text: t('Loading the trips…') }));
    const section = el('section', { id: 'fallback', class: 'a11y-fallback', 'aria-labelledby': 'fallback-heading' },
      el('h1', { id: 'fallback-heading', text: document.title || t("Kim Jong-un's journeys abroad") }), lead, wrap);
    const notices = document.getElementById('notices');
    // page.js said why before this language's words arrived: the same message, in them.
    for (const p of document.querySelectorAll('#notices .notice')) p.textContent = t(p.textContent);
    stage.insertBefore(section, notices && notices.parentNode === stage ? notices : stage.firstChild);
    fetch('assets/trips.json')
      .then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status}`); return r.json(); })
      .then((data) => wrap.replaceChildren(tableFor(data)))
      .catch((err) => wrap.replaceChildren(el('p', { class: 'a11y-pad',
        text: text.fill(t('The trips could not be loaded either ({0}). Check the connection and reload the page.'), err.message || err) })));
  }

  document.addEventListener('explainer:unsupported', (e) => render(e.detail && e.detail.reason));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check);
  else check();
  if (window.explainer && window.explainer.ready) window.explainer.ready.catch(check);
})();
