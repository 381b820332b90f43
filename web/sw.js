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
// Files only some pages fetch (another language's words and fonts, the embed's scripts, Export video's, the base
// map's far part): not installed with the rest, so a first visit downloads only what it uses; kept in this version's
// copy the first time a page fetches them, and served from it from then on. Paths relative to the worker's folder
// (scripts/make_sw.mjs).
const ON_DEMAND = new RegExp(__ON_DEMAND__);
const ON_DEMAND_FILES = __ON_DEMAND_FILES__;
const CACHE = 'journeys-' + VERSION;

self.addEventListener('install', (event) => {
  // Default cache mode: the files the page has just loaded come from the HTTP cache, not a second download.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

// The on-demand files a page fetched before this worker ran (a Korean reader's fonts, the far part of the map for a
// link to a far trip): kept from the browser's HTTP cache, never downloaded for it ('only-if-cached').
function keepFetched() {
  return caches.open(CACHE).then((cache) => Promise.all(ON_DEMAND_FILES.map((file) =>
    fetch(new Request(file, { cache: 'only-if-cached', mode: 'same-origin' }))
      .then((response) => (response.ok ? cache.put(file, response) : null), () => null))));
}

self.addEventListener('activate', (event) => {
  // Then the first visit's page is taken over at once (a page of an older version never is: without skipWaiting,
  // this activates only once none is open), so what it fetches from now on goes through the worker and is kept.
  event.waitUntil(caches.keys().then((keys) =>
    Promise.all(keys.filter((k) => k.startsWith('journeys-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(keepFetched)
    .then(() => self.clients.claim()));
});

// Configuration a newsroom edits after deploying (web/embed.json: the host origins allowed to drive the embed)
// is not part of the build's version: network first, the cached copy only offline.
const NETWORK_FIRST = /^web\/embed\.json$/;
const HERE = new URL('./', self.location.href).href;

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(HERE)) return;
  const file = new URL(request.url).pathname.slice(new URL(HERE).pathname.length);
  if (NETWORK_FIRST.test(file)) {
    event.respondWith(caches.open(CACHE).then((cache) => fetch(request).then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    }, () => cache.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error()))));
    return;
  }
  // The page under its own name is the copy of './' (installed once, not twice).
  const key = file === 'index.html' ? HERE : request;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(key, { ignoreSearch: true })
    .then((hit) => hit || fetch(request).then((response) => {
      if (response.ok && ON_DEMAND.test(file)) cache.put(request, response.clone());
      return response;
    }))));
});
