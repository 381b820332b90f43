// The words of the no-WebAssembly fallback (web/fallback.js): where the app cannot run, the page formats the trips
// itself, in exactly the app's words (src/core/reader_text.cpp). tests/text_check.mjs runs both over every trip
// and fails on any difference. Nothing else in the page formats: with the app running, it says everything.
'use strict';
(function () {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];
  const PREFIX = { exact: '', about: 'about ', at_least: 'at least ', at_most: 'up to ' };

  function parseDate(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s || '');
    return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
  }
  const monthOf = (x) => `${MONTHS[x.m - 1]} ${x.y}`;
  // "25–28 March 2018", "30 June – 2 July 2018", "31 December 2018 – 1 January 2019", "7 May 2018".
  function dateRange(from, to) {
    const a = parseDate(from), b = parseDate(to);
    if (!a) return '';
    if (!b || (a.y === b.y && a.m === b.m && a.d === b.d)) return `${a.d} ${monthOf(a)}`;
    if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${monthOf(b)}`;
    if (a.y === b.y) return `${a.d} ${MONTHS[a.m - 1]} – ${b.d} ${monthOf(b)}`;
    return `${a.d} ${monthOf(a)} – ${b.d} ${monthOf(b)}`;
  }
  function monthYear(date) { const a = parseDate(date); return a ? monthOf(a) : ''; }
  // From leaving Pyongyang to being back, or the last date known.
  function tripDates(trip) {
    const end = trip.return_arrive || trip.return_depart || trip.arrive || {};
    return dateRange(trip.depart && trip.depart.date, end.date);
  }
  // Whole numbers grouped ("1,364"), others with one decimal ("225.1").
  function number(v) {
    if (Math.abs(v - Math.round(v)) < 1e-9) return Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return v.toFixed(1);
  }
  // "about 13 h (Dandong to Beijing Railway Station)", "1,364 km", "16–20 h".
  function figureLine(f, unit, placeName) {
    const min = f.value !== undefined ? f.value : f.min, max = f.value !== undefined ? f.value : (f.max !== undefined ? f.max : min);
    let text = (PREFIX[f.qualifier] || '') + number(min) + (max !== min ? '–' + number(max) : '') + ' ' + unit;
    if (f.from || f.to) text += ` (${placeName(f.from)} to ${placeName(f.to)})`;
    return text;
  }
  // The desk's own notes are never shown to readers as a source; outlets are.
  const isDeskSource = (s) => /^(Desk fact sheet|Newsroom desk)/.test(s.outlet || '');
  const sourceName = (s) => (s.title ? `${s.outlet}: ${s.title}` : s.outlet);
  const modeWord = (mode) => (mode ? mode[0].toUpperCase() + mode.slice(1) : '');

  globalThis.journeysText = Object.freeze({ dateRange, monthYear, tripDates, figureLine, isDeskSource, sourceName, modeWord });
})();
