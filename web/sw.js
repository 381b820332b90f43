// The explainer's service worker: once a reader has loaded the page, it works offline (a teacher's classroom
// with no network, a reader on a train). Copied to dist/sw.js by scripts/make_sw.mjs, which fills in the list
// of files and a version that changes whenever any of them does.
//
// Cache first, for every file of the page: they are all fetched once at load, so a page never mixes two
// versions. A new deployment installs beside the old one and takes over when no page of the old one is open
// (no skipWaiting: a page that loaded version N must not receive version N+1's wasm halfway through).
'use strict';
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = 'journeys-' + VERSION;

self.addEventListener('install', (event) => {
  // Default cache mode: the files the page has just loaded come from the HTTP cache, not a second download.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) =>
    Promise.all(keys.filter((k) => k.startsWith('journeys-') && k !== CACHE).map((k) => caches.delete(k)))));
});

// Configuration a newsroom edits after deploying (web/embed.json: the host origins allowed to drive the embed)
// is not part of the build's version: network first, the cached copy only offline.
const NETWORK_FIRST = /\/web\/embed\.json$/;
// Another language's words, fonts and page text (web/lang.js): not installed with the rest (an English reader
// never downloads them), kept in this version's copy the first time a page fetches them, and served from it from
// then on.
const ON_DEMAND = /\/(assets\/(lang\/|fonts\/NotoSansCJK-)|web\/lang\.js$)/;

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (NETWORK_FIRST.test(url.pathname)) {
    event.respondWith(caches.open(CACHE).then((cache) => fetch(request).then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    }, () => cache.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error()))));
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })
    .then((hit) => hit || fetch(request).then((response) => {
      if (response.ok && ON_DEMAND.test(url.pathname)) cache.put(request, response.clone());
      return response;
    }))));
});
