// The Leaflet baseline of the benchmark (bench/run.mjs): land from Natural Earth on a canvas renderer and one
// route drawing itself from Pyongyang to Beijing, with the same small page API as the explainer where it applies:
//   window.baseline.ready           resolves after the first animation frame with every layer added;
//   window.baseline.getState()      { status: { framesDrawn } , view: { lat, lon, zoom } };
//   window.baseline.setView(lat, lon, zoom)   jumps there (no animation), Leaflet zoom levels;
//   window.baseline.takeFrameTimes()          { frameMs: [...] } since the last call: the JavaScript time of
//        each frame spent in the route's animation step, in Leaflet's canvas drawing and in view changes.
'use strict';
(function () {
  const PYONGYANG = [39.0392, 125.7625];
  const BEIJING = [39.9042, 116.4074];
  const ROUTE_POINTS = 240;     // the route as a fine polyline, revealed a point at a time
  const ROUTE_SECONDS = 8;      // one pass; then it starts again

  // Time spent in our code and in Leaflet's drawing, attributed to the frame it happens in. Nested timed calls
  // (a view change that redraws) count once.
  let depth = 0;
  let spentMs = 0;
  function timed(fn) {
    return function (...args) {
      if (depth++ > 0) { try { return fn.apply(this, args); } finally { depth--; } }
      const t0 = performance.now();
      try { return fn.apply(this, args); } finally { depth--; spentMs += performance.now() - t0; }
    };
  }

  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });
  const frameMs = [];
  let framesDrawn = 0;

  const renderer = L.canvas({ padding: 0.1 });
  renderer._draw = timed(renderer._draw);      // every paint of the canvas: route updates and full redraws
  renderer._update = timed(renderer._update);  // after a move or zoom: resize, reproject, redraw
  const map = L.map('map', { renderer, preferCanvas: true, zoomSnap: 0, zoomControl: true })
    .setView([39.5, 121], 5);
  map.attributionControl.addAttribution('Map data: <a href="https://www.naturalearthdata.com/">Natural Earth</a>');

  const route = [];
  for (let i = 0; i <= ROUTE_POINTS; i++) {
    const f = i / ROUTE_POINTS;
    route.push([PYONGYANG[0] + (BEIJING[0] - PYONGYANG[0]) * f, PYONGYANG[1] + (BEIJING[1] - PYONGYANG[1]) * f]);
  }

  fetch('land-50m.json')
    .then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then((topology) => {
      const land = topojson.feature(topology, topology.objects.land);
      L.geoJSON(land, { renderer, style: { color: '#7a8a7a', weight: 1, fillColor: '#f3efe4', fillOpacity: 1 } }).addTo(map);
      const line = L.polyline([PYONGYANG], { renderer, color: '#c0392b', weight: 3 }).addTo(map);
      L.circleMarker(PYONGYANG, { renderer, radius: 4, color: '#333' }).addTo(map);
      L.circleMarker(BEIJING, { renderer, radius: 4, color: '#333' }).addTo(map);

      const start = performance.now();
      const step = timed((now) => {
        const f = (((now - start) / 1000) % ROUTE_SECONDS) / ROUTE_SECONDS;
        line.setLatLngs(route.slice(0, 1 + Math.max(1, Math.round(f * ROUTE_POINTS))));
      });
      const frame = (now) => {
        frameMs.push(spentMs);  // the work since the previous frame began
        spentMs = 0;
        step(now);
        framesDrawn++;
        if (framesDrawn === 1) resolveReady(window.baseline);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);  // after Leaflet's own first redraw, which it asked for when layers were added
    });

  window.baseline = Object.freeze({
    ready,
    getState() {
      const c = map.getCenter();
      return { status: { framesDrawn }, view: { lat: c.lat, lon: c.lng, zoom: map.getZoom() } };
    },
    setView: timed((lat, lon, zoom) => { map.setView([lat, lon], zoom, { animate: false }); }),
    takeFrameTimes() { return { frameMs: frameMs.splice(0), heapBytes: 0 }; },
  });
})();
