// Builds assets/map.bin, the explainer's base map, from Natural Earth (npm world-atlas 2.0.2: admin-0 countries
// at 1:50m and 1:10m, public domain). Run from anywhere: `node scripts/make_map.mjs`. No network access.
//
// What it does (the format is specified in assets/MAP.md; the loader is src/core/map_asset.cpp):
//   1. Level 0 (1:50m) covers the whole region; level 1 (1:10m) covers only the detail boxes (the Korean border
//      region, the Sino-Vietnamese border at Dong Dang, Singapore). Level 0 is cut into zone 0 (the region
//      minus every detail box) and one zone per detail box, so the renderer always draws zone 0 at level 0
//      and, per detail box, either level 0 or level 1 of that zone.
//   2. Country polygons are clipped to each zone's rectangles (Sutherland–Hodgman, one rectangle at a time),
//      with every edge longer than DENSIFY_DEG split so that straight edges stay close to the curves they
//      stand for once projected; coordinates are quantized to a power-of-two grid of degrees; the land is
//      triangulated with earcut in the projected plane (the same Lambert azimuthal equal-area projection as
//      src/core/projection.cpp), so the triangles are valid where they are drawn.
//   3. Coastlines (topojson mesh arcs that belong to one country) and land borders (arcs shared by two
//      countries) are clipped as polylines (Liang–Barsky) to the same zones.
//   4. assets/places.json (hand-written) is checked against the 1:10m countries: every place must lie in, or
//      within PLACE_TOLERANCE_KM of, the country it names, and inside the region.
//   5. Everything is written delta- and varint-encoded after a header with magic, version, payload size and an
//      FNV-1a 32 checksum.
import {readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import * as topojson from 'topojson-client';
import earcut, {deviation} from 'earcut';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ATLAS = join(ROOT, 'node_modules', 'world-atlas');
const OUT = join(ROOT, 'assets', 'map.bin');
const PLACES = join(ROOT, 'assets', 'places.json');

// ---- Parameters (keep in step with assets/MAP.md) -----------------------------------------------------------
const VERSION = 1;
// The region every trip needs (Singapore 1.3°N to Vostochny 51.9°N, Dong Dang 106.7°E to Komsomolsk 137°E),
// with enough margin that a wide viewport with a sidebar never runs off the data: [lonMin, latMin, lonMax, latMax].
const REGION = [66, -12, 168, 64];
// 1:10m detail boxes. Edges on whole or half degrees, so that they are exact on both quantization grids.
const DETAIL_BOXES = [
  {name: 'Korean border (Yalu, Tumen, Khasan), Vladivostok, Bohai, Beijing', box: [115, 37, 134, 45]},
  {name: 'Sino-Vietnamese border, Dong Dang and Hanoi', box: [105, 20, 108, 23]},
  {name: 'Singapore', box: [103, 0.5, 105, 2]},
];
const LEVEL_BITS = [9, 11];          // coordinates are integers in units of 2^-bits degrees (~108 m, ~27 m)
const LEVEL_SOURCE = ['50m', '10m'];
// Suggested switch: draw level 1 in a detail box when the view shows fewer than this many km per CSS pixel.
const DETAIL_KM_PER_PX = 3.0;
const DENSIFY_DEG = 0.25;             // longest straight edge kept, in degrees
const PLACE_TOLERANCE_KM = 3;         // coastal airports and border bridges may sit just off the 1:10m outline

// Lambert azimuthal equal-area on the sphere; must match src/core/projection.cpp (used here only so that
// earcut triangulates in the plane where the triangles are drawn).
const R_KM = 6371.0088, LON0 = 120.0, LAT0 = 28.0;
const D2R = Math.PI / 180;
const sinLat0 = Math.sin(LAT0 * D2R), cosLat0 = Math.cos(LAT0 * D2R);
function project(lon, lat) {
  const l = (lon - LON0) * D2R, p = lat * D2R;
  const k = Math.sqrt(2 / (1 + sinLat0 * Math.sin(p) + cosLat0 * Math.cos(p) * Math.cos(l)));
  return [R_KM * k * Math.cos(p) * Math.sin(l),
          R_KM * k * (cosLat0 * Math.sin(p) - sinLat0 * Math.cos(p) * Math.cos(l))];
}

// ---- Geometry helpers -------------------------------------------------------------------------------------
// Rectangles are [xMin, yMin, xMax, yMax] in degrees; bounds may be ±Infinity (half-planes).
function rectMinus(r, b) {            // r \ b as up to four disjoint rectangles
  const [x0, y0, x1, y1] = r;
  const ix0 = Math.max(x0, b[0]), iy0 = Math.max(y0, b[1]), ix1 = Math.min(x1, b[2]), iy1 = Math.min(y1, b[3]);
  if (ix0 >= ix1 || iy0 >= iy1) return [r];
  const out = [];
  if (x0 < ix0) out.push([x0, y0, ix0, y1]);
  if (ix1 < x1) out.push([ix1, y0, x1, y1]);
  if (y0 < iy0) out.push([ix0, y0, ix1, iy0]);
  if (iy1 < y1) out.push([ix0, iy1, ix1, y1]);
  return out;
}

// Liang–Barsky for one segment: [t0, t1] of a→b inside r, or null. Points computed on an edge of r are snapped
// onto it exactly, so that the ring clipper can place them on the rectangle's perimeter.
function clipSegment(a, b, r) {
  let t0 = 0, t1 = 1, e0 = -1, e1 = -1;
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const tests = [[-dx, a[0] - r[0]], [dy, r[3] - a[1]], [dx, r[2] - a[0]], [-dy, a[1] - r[1]]];  // left top right bottom
  for (let e = 0; e < 4; e++) {
    const [p, q] = tests[e];
    if (p === 0) { if (q < 0) return null; continue; }
    const t = q / p;
    if (p < 0) { if (t > t1) return null; if (t > t0) { t0 = t; e0 = e; } }
    else { if (t < t0) return null; if (t < t1) { t1 = t; e1 = e; } }
  }
  const at = (t, e) => {
    if (e < 0) return t === 0 ? a : b;
    const p = [a[0] + t * dx, a[1] + t * dy];
    if (e === 0) p[0] = r[0]; else if (e === 1) p[1] = r[3]; else if (e === 2) p[0] = r[2]; else p[1] = r[1];
    return p;
  };
  return {t0, t1, pa: at(t0, e0), pb: at(t1, e1)};
}

const strictlyInside = (p, r) => p[0] > r[0] && p[0] < r[2] && p[1] > r[1] && p[1] < r[3];
const insideOrOn = (p, r) => p[0] >= r[0] && p[0] <= r[2] && p[1] >= r[1] && p[1] <= r[3];
function pointInRing(p, ring) {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i], b = ring[j];
    if ((a[1] > p[1]) !== (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]) c = !c;
  }
  return c;
}
// Position of a point on r's perimeter, counter-clockwise from the bottom-left corner.
function perimeterT(p, r) {
  const w = r[2] - r[0], h = r[3] - r[1];
  if (p[1] === r[1] && p[0] < r[2]) return p[0] - r[0];
  if (p[0] === r[2] && p[1] < r[3]) return w + (p[1] - r[1]);
  if (p[1] === r[3] && p[0] > r[0]) return w + h + (r[2] - p[0]);
  if (p[0] === r[0]) return 2 * w + h + (r[3] - p[1]);
  throw new Error(`point ${p} is not on the perimeter of ${r}`);
}

// Clips one polygon (outer ring counter-clockwise, holes clockwise; no repeated closing point) to a rectangle
// with finite bounds: the parts of the rings inside r, joined along r's perimeter (Weiler–Atherton for a
// rectangle). Returns polygons as arrays of rings, each a proper simple polygon (no zero-width bridges).
function clipPolygon(rings, r) {
  const chains = [];                  // open paths from an entry point to an exit point, interior on the left
  const whole = [];                   // rings entirely inside r
  let enclosing = null;               // the ring that surrounds r entirely, if one crosses no edge of r
  for (const ring of rings) {
    const start = ring.findIndex((p) => !insideOrOn(p, r));
    if (start < 0) { whole.push(ring); continue; }
    const n = ring.length;
    let cur = null, crossed = false;
    for (let k = 0; k < n; k++) {
      const a = ring[(start + k) % n], b = ring[(start + k + 1) % n];
      const s = clipSegment(a, b, r);
      if (!s) { cur = null; continue; }
      if (!cur) { cur = [s.pa]; chains.push(cur); }
      cur.push(s.pb);
      if (s.t1 !== 1) cur = null;
    }
    const before = chains.length;
    for (let i = chains.length - 1; i >= 0; i--) {
      const c = chains[i];
      let len = 0;
      for (let j = 1; j < c.length; j++) len += Math.abs(c[j][0] - c[j - 1][0]) + Math.abs(c[j][1] - c[j - 1][1]);
      if (len === 0 || c.every((p) => !strictlyInside(p, r)) && c.length === 2) { chains.splice(i, 1); continue; }
      crossed = true;
    }
    void before;
    if (!crossed && pointInRing([(r[0] + r[2]) / 2, (r[1] + r[3]) / 2], ring)) enclosing = ring;
  }
  const polygons = [];
  if (chains.length) {
    const P = 2 * (r[2] - r[0]) + 2 * (r[3] - r[1]);
    const corners = [[r[0], r[1]], [r[2], r[1]], [r[2], r[3]], [r[0], r[3]]].map((p) => ({p, t: perimeterT(p, r)}));
    const tin = chains.map((c) => perimeterT(c[0], r));
    const tout = chains.map((c) => perimeterT(c[c.length - 1], r));
    const used = new Array(chains.length).fill(false);
    for (let i0 = 0; i0 < chains.length; i0++) {
      if (used[i0]) continue;
      const out = [];
      let i = i0;
      for (let guard = 0; !used[i]; guard++) {
        if (guard > chains.length) throw new Error('ring clipping did not close');
        used[i] = true;
        out.push(...chains[i]);
        let best = -1, bestD = Infinity;
        for (let j = 0; j < chains.length; j++) {
          if (used[j] && j !== i0) continue;
          const d = ((tin[j] - tout[i]) % P + P) % P;
          if (d < bestD) { bestD = d; best = j; }
        }
        if (best < 0) throw new Error('ring clipping found no next chain');
        const between = corners.map((c) => ({...c, d: ((c.t - tout[i]) % P + P) % P}))
          .filter((c) => c.d > 0 && c.d < bestD).sort((x, y) => x.d - y.d);
        for (const c of between) out.push(c.p);
        i = best;
      }
      polygons.push([out]);
    }
  } else if (enclosing && ringArea(enclosing) > 0) {
    polygons.push([[[r[0], r[1]], [r[2], r[1]], [r[2], r[3]], [r[0], r[3]]]]);
  }
  for (const ring of whole) {
    if (ringArea(ring) > 0) { polygons.push([ring]); continue; }
    const owner = polygons.find((poly) => pointInRing(ring[0], poly[0]));
    if (owner) owner.push(ring);
  }
  return polygons;
}

// Liang–Barsky: the parts of a polyline inside r.
function clipLine(line, r) {
  const parts = [];
  let cur = null;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i], b = line[i + 1];
    let t0 = 0, t1 = 1;
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const tests = [[-dx, a[0] - r[0]], [dx, r[2] - a[0]], [-dy, a[1] - r[1]], [dy, r[3] - a[1]]];
    let ok = true;
    for (const [p, q] of tests) {
      if (p === 0) { if (q < 0) { ok = false; break; } continue; }
      const t = q / p;
      if (p < 0) { if (t > t1) { ok = false; break; } if (t > t0) t0 = t; }
      else { if (t < t0) { ok = false; break; } if (t < t1) t1 = t; }
    }
    if (!ok) { cur = null; continue; }
    const pa = t0 === 0 ? a : [a[0] + t0 * dx, a[1] + t0 * dy];
    const pb = t1 === 1 ? b : [a[0] + t1 * dx, a[1] + t1 * dy];
    if (!cur) { cur = [pa]; parts.push(cur); }
    cur.push(pb);
    if (t1 !== 1) cur = null;
  }
  return parts.filter((p) => p.length >= 2);
}

function densify(points, closed) {
  const out = [];
  const n = points.length, m = closed ? n : n - 1;
  for (let i = 0; i < m; i++) {
    const a = points[i], b = points[(i + 1) % n];
    out.push(a);
    const steps = Math.ceil(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])) / DENSIFY_DEG);
    for (let s = 1; s < steps; s++) out.push([a[0] + (b[0] - a[0]) * s / steps, a[1] + (b[1] - a[1]) * s / steps]);
  }
  if (!closed && n) out.push(points[n - 1]);
  return out;
}

// Quantize to the level grid and drop repeated points (and, for rings, the closing repeat).
function quantize(points, bits, closed) {
  const s = 2 ** bits, out = [];
  for (const p of points) {
    const q = [Math.round(p[0] * s), Math.round(p[1] * s)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (closed && out.length > 1) {
    const f = out[0], l = out[out.length - 1];
    if (f[0] === l[0] && f[1] === l[1]) out.pop();
  }
  return out;
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a / 2;
}

// ---- Building the layers ----------------------------------------------------------------------------------
function loadTopology(res) {
  const topo = JSON.parse(readFileSync(join(ATLAS, `countries-${res}.json`), 'utf8'));
  const countries = topojson.feature(topo, topo.objects.countries).features;
  const coast = topojson.mesh(topo, topo.objects.countries, (a, b) => a === b);
  const borders = topojson.mesh(topo, topo.objects.countries, (a, b) => a !== b);
  return {countries, coast, borders};
}

const countryTable = [];              // {iso, name}
const countryIndex = new Map();
function countryId(feature) {
  const name = feature.properties.name;
  if (!countryIndex.has(name)) {
    countryIndex.set(name, countryTable.length);
    countryTable.push({iso: feature.id ? Number(feature.id) : 0, name});
  }
  return countryIndex.get(name);
}

function buildLand(countries, rects, bits) {
  const verts = [];                   // quantized [x, y]
  const indices = [];
  const groups = [];                  // {country, count}
  let worst = {dev: 0};
  const sorted = [...countries].sort((a, b) => a.properties.name.localeCompare(b.properties.name));
  for (const f of sorted) {
    const g = f.geometry;
    if (!g) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const start = indices.length;
    for (const poly of polys) {
      // GeoJSON rings repeat their first point; world-atlas winds outer rings clockwise in lon/lat.
      const rings = poly.map((ring, k) => {
        const open = ring.slice(0, -1);
        return (ringArea(open) > 0) === (k === 0) ? open : open.reverse();
      });
      for (const r of rects) {
        for (const piece of clipPolygon(rings, r)) {
          const qrings = [];
          for (let k = 0; k < piece.length; k++) {
            const q = quantize(densify(piece[k], true), bits, true);
            if (q.length < 3 || ringArea(q) === 0) { if (k === 0) break; continue; }
            qrings.push(q);
          }
          if (!qrings.length) continue;
          const flat = [], holes = [];
          for (const ring of qrings) {
            if (flat.length) holes.push(flat.length / 2);
            for (const [x, y] of ring) flat.push(...project(x / 2 ** bits, y / 2 ** bits));
          }
          const tri = earcut(flat, holes.length ? holes : null, 2);
          const dev = deviation(flat, holes.length ? holes : null, 2, tri);
          if (dev > worst.dev) worst = {dev, name: f.properties.name, r};
          const base = verts.length;
          for (const ring of qrings) for (const p of ring) verts.push(p);
          for (const i of tri) indices.push(base + i);
        }
      }
    }
    if (indices.length > start) groups.push({country: countryId(f), count: indices.length - start});
  }
  return {verts, indices, groups, worst};
}

function buildLines(mesh, rects, bits) {
  const parts = [];
  for (const line of mesh.coordinates) {
    for (const r of rects) {
      for (const piece of clipLine(line, r)) {
        const q = quantize(densify(piece, false), bits, false);
        if (q.length >= 2) parts.push(q);
      }
    }
  }
  return parts;
}

// ---- Encoding ---------------------------------------------------------------------------------------------
class Writer {
  constructor() { this.bytes = []; }
  u8(v) { this.bytes.push(v & 255); }
  u16(v) { this.u8(v); this.u8(v >>> 8); }
  u32(v) { this.u16(v & 0xffff); this.u16(v >>> 16); }
  i32(v) { this.u32(v >>> 0); }
  varint(v) {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error(`varint out of range: ${v}`);
    while (v >= 128) { this.u8((v % 128) | 128); v = Math.floor(v / 128); }
    this.u8(v);
  }
  zigzag(v) { this.varint(v >= 0 ? 2 * v : -2 * v - 1); }
  str8(s) { const b = Buffer.from(s, 'utf8'); if (b.length > 255) throw new Error('name too long'); this.u8(b.length); for (const c of b) this.u8(c); }
  tag(t) { for (const c of t) this.u8(c.charCodeAt(0)); }
  points(pts) {
    let px = 0, py = 0;
    for (const [x, y] of pts) { this.zigzag(x - px); this.zigzag(y - py); px = x; py = y; }
  }
}

function fnv1a(bytes) {
  let h = 0x811c9dc5;
  for (const b of bytes) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}
const micro = (deg) => Math.round(deg * 1e6);

// ---- Main -------------------------------------------------------------------------------------------------
const sections = [];                  // {tag, bytes, info}
const stats = [];
let zoneRects0 = [REGION];
for (const d of DETAIL_BOXES) zoneRects0 = zoneRects0.flatMap((r) => rectMinus(r, d.box));
const clamp = (b) => [Math.max(b[0], REGION[0]), Math.max(b[1], REGION[1]), Math.min(b[2], REGION[2]), Math.min(b[3], REGION[3])];

const jobs = [{level: 0, zone: 0, rects: zoneRects0}];
DETAIL_BOXES.forEach((d, k) => {
  jobs.push({level: 0, zone: k + 1, rects: [clamp(d.box)]});
  jobs.push({level: 1, zone: k + 1, rects: [clamp(d.box)]});
});

const topo = LEVEL_SOURCE.map(loadTopology);
for (const job of jobs) {
  const {countries, coast, borders} = topo[job.level];
  const bits = LEVEL_BITS[job.level];
  const head = (w) => { w.u8(job.level); w.u8(job.zone); w.u8(bits); w.u8(0); };

  const land = buildLand(countries, job.rects, bits);
  if (land.worst.dev > 1e-4) {
    throw new Error(`earcut deviation ${land.worst.dev} (${land.worst.name} in ${land.worst.r}) at level ${job.level} zone ${job.zone}`);
  }
  {
    const w = new Writer();
    head(w);
    w.varint(land.verts.length);
    w.points(land.verts);
    // Triangles: each rotated to start at its smallest index (the winding is kept), sorted within its group,
    // then written as the delta of that first index from the previous triangle's and the two offsets from it.
    const tris = [];
    let at = 0;
    for (const g of land.groups) {
      const group = [];
      for (let i = at; i < at + g.count; i += 3) {
        const t = land.indices.slice(i, i + 3);
        const m = t.indexOf(Math.min(...t));
        group.push([t[m], t[(m + 1) % 3], t[(m + 2) % 3]]);
      }
      group.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      tris.push(...group);
      at += g.count;
    }
    w.varint(tris.length);
    let prev = 0;
    for (const [a, b, c] of tris) { w.zigzag(a - prev); w.varint(b - a); w.varint(c - a); prev = a; }
    w.varint(land.groups.length);
    for (const g of land.groups) { w.varint(g.country); w.varint(g.count); }
    sections.push({tag: 'LAND', bytes: w.bytes});
    stats.push({layer: 'LAND', ...job, vertices: land.verts.length, triangles: land.indices.length / 3, bytes: w.bytes.length});
  }
  for (const [tag, mesh] of [['COAS', coast], ['BORD', borders]]) {
    const parts = buildLines(mesh, job.rects, bits);
    const w = new Writer();
    head(w);
    const all = parts.flat();
    w.varint(all.length);
    w.points(all);
    w.varint(parts.length);
    for (const p of parts) w.varint(p.length);
    sections.push({tag, bytes: w.bytes});
    stats.push({layer: tag, ...job, vertices: all.length, parts: parts.length, bytes: w.bytes.length});
  }
}

{ // META first: region, detail boxes, switch scale, credit.
  const w = new Writer();
  for (const v of REGION) w.i32(micro(v));
  w.u32(DETAIL_BOXES.length);
  for (const d of DETAIL_BOXES) for (const v of clamp(d.box)) w.i32(micro(v));
  w.u32(Math.round(DETAIL_KM_PER_PX * 1000));   // metres per CSS pixel
  w.str8('Natural Earth admin-0 countries 1:50m and 1:10m (public domain) via world-atlas 2.0.2');
  sections.unshift({tag: 'META', bytes: w.bytes});
}
{ // CTRY second: the countries the land groups name.
  const w = new Writer();
  w.u32(countryTable.length);
  for (const c of countryTable) { w.u16(c.iso); w.str8(c.name); }
  sections.splice(1, 0, {tag: 'CTRY', bytes: w.bytes});
}

// ---- Checking assets/places.json ---------------------------------------------------------------------------
{
  const {places} = JSON.parse(readFileSync(PLACES, 'utf8'));
  const byIso = new Map();
  for (const f of topo[1].countries) if (f.id && f.geometry) byIso.set(Number(f.id), f);
  const kinds = new Set(['capital', 'city', 'crossing', 'airport', 'site']);
  const ids = new Set();
  const problems = [];
  const kmPerDeg = 6371.0088 * D2R;
  for (const p of places) {
    if (ids.has(p.id)) problems.push(`${p.id}: duplicate id`);
    ids.add(p.id);
    if (!kinds.has(p.kind)) problems.push(`${p.id}: unknown kind ${p.kind}`);
    if (!Number.isInteger(p.rank) || p.rank < 1 || p.rank > 9) problems.push(`${p.id}: rank must be an integer 1..9`);
    if (!(p.lon >= REGION[0] && p.lon <= REGION[2] && p.lat >= REGION[1] && p.lat <= REGION[3])) problems.push(`${p.id}: outside the region`);
    const f = byIso.get(p.country);
    if (!f) { problems.push(`${p.id}: no country ${p.country} in Natural Earth`); continue; }
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    let inside = false, best = Infinity;
    const kx = Math.cos(p.lat * D2R);
    for (const poly of polys) {
      let inThis = pointInRing([p.lon, p.lat], poly[0]);
      for (let k = 1; k < poly.length; k++) if (pointInRing([p.lon, p.lat], poly[k])) inThis = false;
      inside ||= inThis;
      for (const ring of poly) {
        for (let i = 0; i + 1 < ring.length; i++) {   // distance to each edge, locally flat
          const ax = (ring[i][0] - p.lon) * kx, ay = ring[i][1] - p.lat;
          const bx = (ring[i + 1][0] - p.lon) * kx, by = ring[i + 1][1] - p.lat;
          const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
          const t = len2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
          best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy) * kmPerDeg);
        }
      }
    }
    if (!inside && best > PLACE_TOLERANCE_KM) problems.push(`${p.id}: ${best.toFixed(1)} km outside ${f.properties.name}`);
  }
  if (problems.length) throw new Error(`assets/places.json:\n  ${problems.join('\n  ')}`);
  console.log(`assets/places.json: ${places.length} places, each in its country`);
}

const payload = new Writer();
payload.u32(sections.length);
let offset = 4 + 12 * sections.length;
for (const s of sections) { payload.tag(s.tag); payload.u32(offset); payload.u32(s.bytes.length); offset += s.bytes.length; }
for (const s of sections) for (const b of s.bytes) payload.u8(b);

const file = new Writer();
file.tag('JMAP');
file.u32(VERSION);
file.u32(payload.bytes.length);
file.u32(fnv1a(payload.bytes));
const out = Buffer.from([...file.bytes, ...payload.bytes]);
writeFileSync(OUT, out);

for (const s of stats) {
  console.log(`${s.layer} level ${s.level} zone ${s.zone}: ${s.vertices} vertices, ` +
    (s.triangles !== undefined ? `${s.triangles} triangles` : `${s.parts} parts`) + `, ${s.bytes} bytes`);
}
console.log(`${countryTable.length} countries`);
console.log(`assets/map.bin: ${out.length} bytes, ${gzipSync(out, {level: 9}).length} bytes gzip -9`);
