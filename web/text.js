// The words of the no-WebAssembly fallback (web/fallback.js): where the app cannot run, the page formats the trips
// itself, in exactly the app's words (src/core/reader_text.cpp) and in the reader's language: the same English
// patterns, looked up in the same catalogue (assets/lang/<code>.json "ui"; setWords). tests/text_check.mjs runs
// both over every trip, in every language, and fails on any difference. Nothing else in the page formats: with the
// app running, it says everything.
'use strict';
(function () {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];
  const PREFIX = { about: 'about {0}', at_least: 'at least {0}', at_most: 'up to {0}' };
  let words = {};

  // The text in the reader's language, or the English (without a "[context] " prefix) when there is none.
  const t = (english) => words[english] || english.replace(/^\[[^\]]*\] /, '');
  // {0}, {1}, ... filled in.
  const fill = (pattern, ...args) => pattern.replace(/\{(\d)\}/g, (m, n) => (args[+n] !== undefined ? String(args[+n]) : ''));

  function parseDate(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s || '');
    return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
  }
  const month = (x) => t(MONTHS[x.m - 1]);
  const monthOf = (x) => fill(t('[month year] {0} {1}'), month(x), x.y);
  // "25–28 March 2018", "30 June – 2 July 2018", "31 December 2018 – 1 January 2019", "7 May 2018".
  function dateRange(from, to) {
    const a = parseDate(from), b = parseDate(to);
    if (!a) return '';
    if (!b || (a.y === b.y && a.m === b.m && a.d === b.d)) return fill(t('[day month year] {0} {1} {2}'), a.d, month(a), a.y);
    if (a.y === b.y && a.m === b.m) return fill(t('[days month year] {0}–{1} {2} {3}'), a.d, b.d, month(a), a.y);
    if (a.y === b.y) return fill(t('[across months] {0} {1} – {2} {3} {4}'), a.d, month(a), b.d, month(b), a.y);
    return fill(t('[across years] {0} {1} {2} – {3} {4} {5}'), a.d, month(a), a.y, b.d, month(b), b.y);
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
  // "about 13 h (Dandong to Beijing Railway Station)", "1,364 km", "16–20 h"; in Korean "약 13시간 (단둥~베이징역 구간)".
  function figureLine(f, unit, placeName) {
    const min = f.value !== undefined ? f.value : f.min, max = f.value !== undefined ? f.value : (f.max !== undefined ? f.max : min);
    let value = number(min);
    if (max !== min) value = fill(t('[range] {0}–{1}'), value, number(max));
    let text = fill(t('[number unit] {0} {1}'), value, t(unit));
    if (PREFIX[f.qualifier]) text = fill(t(PREFIX[f.qualifier]), text);
    if (f.from || f.to) text += fill(t(' ({0} to {1})'), placeName(f.from), placeName(f.to));
    return text;
  }
  // The desk's own notes are never shown to readers as a source; outlets are.
  const isDeskSource = (s) => /^(Desk fact sheet|Newsroom desk)/.test(s.outlet || '');
  const sourceName = (s) => (s.title ? `${s.outlet}: ${s.title}` : s.outlet);
  const modeWord = (mode) => (mode ? t(mode[0].toUpperCase() + mode.slice(1)) : '');
  // The trip data's own texts (titles, places ...) in the reader's language, keyed by their English.
  let dataWords = {};
  const data = (english) => (english && dataWords[english]) || english;
  // A catalogue (assets/lang/<code>.json, parsed), or null for English.
  function setWords(catalogue) {
    words = (catalogue && catalogue.ui) || {};
    dataWords = (catalogue && catalogue.data) || {};
  }

  globalThis.journeysText = Object.freeze({ dateRange, monthYear, tripDates, figureLine, isDeskSource, sourceName, modeWord, t, fill, data, setWords });
})();
