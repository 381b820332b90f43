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
const OUT = [join(ROOT, 'assets', 'map.bin'), join(ROOT, 'assets', 'map-far.bin')];
const PLACES = join(ROOT, 'assets', 'places.json');

// ---- Parameters (keep in step with assets/MAP.md) -----------------------------------------------------------
const VERSION = 3;
// The region every trip needs (Singapore 1.3°N to Vostochny 51.9°N, Dong Dang 106.7°E to Komsomolsk 137°E),
// with enough margin that a wide viewport with a sidebar never runs off the data: [lonMin, latMin, lonMax, latMax].
const REGION = [66, -12, 168, 64];
// The near part (assets/map.bin, downloaded with the page): every view of the Beijing, Dalian and Vladivostok trips
// on a phone, a desktop, an embed and a classroom screen (105-127°E, 29-48°N) with room to pan. The rest of the
// region, three quarters of the points (the South-East Asian islands, India, the Sea of Okhotsk, Siberia), and the
// detail boxes outside it are the far part (assets/map-far.bin), which the page downloads the first time a view
// reaches past the near box. Every detail box lies wholly inside the near box or wholly outside it.
const NEAR = [100, 24, 146, 54];
// 1:10m detail boxes. Edges on whole or half degrees, so that they are exact on both quantization grids.
const DETAIL_BOXES = [
  {name: 'Korean border (Yalu, Tumen, Khasan), Vladivostok, Bohai, Beijing', box: [115, 37, 134, 45]},
  {name: 'Sino-Vietnamese border, Dong Dang and Hanoi', box: [105, 20, 108, 23]},
  {name: 'Singapore', box: [103, 0.5, 105, 2]},
];
const LEVEL_BITS = [7, 10];           // coordinates are integers in units of 2^-bits degrees (~870 m, ~110 m of latitude)
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

// Clips every country to the zone's rectangles and quantizes the rings (no densifying: the loader splits long
// edges itself). Returns pieces {country, rect, rings}, rect in grid units; rings[0] outer, the rest holes.
function buildPieces(countries, rects, bits) {
  const s = 2 ** bits, pieces = [];
  const sorted = [...countries].sort((a, b) => a.properties.name.localeCompare(b.properties.name));
  for (const f of sorted) {
    const g = f.geometry;
    if (!g) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
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
            const q = quantize(piece[k], bits, true);
            if (q.length < 3 || ringArea(q) === 0) { if (k === 0) break; continue; }
            qrings.push(q);
          }
          if (qrings.length) pieces.push({country: countryId(f), name: f.properties.name, rect: r.map((v) => Math.round(v * s)), rings: qrings});
        }
      }
    }
  }
  return pieces;
}

// Shared arcs: every ring edge is classified (coastline: one country; border: two countries; cut: on the edge
// of the zone rectangle it was clipped to, drawn as fill only), rings are cut at junctions (a vertex with
// other than two neighbours, or whose two edges differ in class or owners), and each arc is stored once;
// rings refer to arcs, forwards or reversed.
const ARC_COAST = 0, ARC_BORDER = 1, ARC_CUT = 2;
const key = (p) => (p[0] + 1048576) * 2097152 + (p[1] + 1048576);
function buildArcs(pieces) {
  const edges = new Map();            // undirected edge key -> {owners: Set, uses, cut}
  const ekey = (a, b) => { const ka = key(a), kb = key(b); return ka < kb ? `${ka}:${kb}` : `${kb}:${ka}`; };
  for (const piece of pieces) {
    const r = piece.rect;
    for (const ring of piece.rings) {
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i], b = ring[(i + 1) % ring.length];
        const k = ekey(a, b);
        let e = edges.get(k);
        if (!e) edges.set(k, e = {owners: new Set(), uses: 0, cut: false});
        e.owners.add(piece.country);
        e.uses++;
        if ((a[0] === b[0] && (a[0] === r[0] || a[0] === r[2])) || (a[1] === b[1] && (a[1] === r[1] || a[1] === r[3]))) e.cut = true;
      }
    }
  }
  let seams = 0;
  const classOf = (e) => {
    if (e.cut) return ARC_CUT;
    if (e.owners.size >= 2) return ARC_BORDER;
    if (e.uses >= 2) { seams++; return ARC_CUT; }  // two rings of one country meet: no line
    return ARC_COAST;
  };
  const signature = (e) => `${classOf(e)}/${[...e.owners].sort((x, y) => x - y).join(',')}`;
  const neighbours = new Map();       // vertex key -> Map(neighbour key -> edge signature)
  for (const piece of pieces) {
    for (const ring of piece.rings) {
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i], b = ring[(i + 1) % ring.length];
        const sig = signature(edges.get(ekey(a, b)));
        for (const [p, q] of [[a, b], [b, a]]) {
          let m = neighbours.get(key(p));
          if (!m) neighbours.set(key(p), m = new Map());
          m.set(key(q), sig);
        }
      }
    }
  }
  const isJunction = (p) => {
    const m = neighbours.get(key(p));
    if (m.size !== 2) return true;
    const [s1, s2] = [...m.values()];
    return s1 !== s2;
  };
  const arcs = [];                    // {points, cls, closed}
  const byKey = new Map();            // point sequence key -> arc index
  const seqKey = (pts) => pts.map(key).join(',');
  const addArc = (pts, closed) => {
    let fwd = pts, rev = [...pts].reverse();
    if (closed) {                     // rotate to start at the smallest vertex, in either direction
      const rot = (q) => { let m = 0; for (let i = 1; i < q.length; i++) if (key(q[i]) < key(q[m])) m = i; return [...q.slice(m), ...q.slice(0, m)]; };
      fwd = rot(fwd); rev = rot(rev);
    }
    const kf = seqKey(fwd), kr = seqKey(rev);
    if (byKey.has(kf)) return {arc: byKey.get(kf), rev: false};
    if (byKey.has(kr)) return {arc: byKey.get(kr), rev: true};
    const a = fwd[0], b = fwd[1];
    arcs.push({points: fwd, cls: classOf(edges.get(ekey(a, b))), closed, uses: 0});
    byKey.set(kf, arcs.length - 1);
    return {arc: arcs.length - 1, rev: false};
  };
  const shapes = [];                  // per piece: {country, rings: [[{arc, rev}]]}
  for (const piece of pieces) {
    const rings = [];
    for (const ring of piece.rings) {
      const n = ring.length;
      const j0 = ring.findIndex(isJunction);
      const refs = [];
      if (j0 < 0) {
        refs.push(addArc(ring, true));
      } else {
        let cur = [ring[j0]];
        for (let k = 1; k <= n; k++) {
          const p = ring[(j0 + k) % n];
          cur.push(p);
          if (k === n || isJunction(p)) { refs.push(addArc(cur, false)); cur = [p]; }
        }
      }
      for (const r of refs) arcs[r.arc].uses++;
      rings.push(refs);
    }
    shapes.push({country: piece.country, name: piece.name, rings});
  }
  // A closed arc is only ever one whole ring; the loader starts the ring where the arc starts, which may be a
  // different vertex than the clipper's, but it is the same ring.
  for (const a of arcs) if (a.uses > 2) throw new Error(`an arc is used by ${a.uses} rings`);
  return {arcs, shapes, seams};
}

// The rings the loader will rebuild from the arcs, densified the same way (every edge longer than DENSIFY_DEG
// split evenly in lon/lat), in degrees. Used here to check the triangulation the loader will do.
function ringPoints(arcs, refs, bits) {
  const pts = [];
  for (const {arc, rev} of refs) {
    const a = arcs[arc];
    const p = a.points, n = p.length;
    // Reversed, a closed arc still starts at its first point: p0, p(n-1), ..., p1 (as the loader does).
    let q = rev ? (a.closed ? [p[0], ...p.slice(1).reverse()] : [...p].reverse()) : p;
    if (a.closed) q = [...q, q[0]];
    for (let i = 0; i + 1 < q.length; i++) pts.push(q[i]);
  }
  return densifyGrid(pts, bits, true);
}
function densifyGrid(pts, bits, closed) {
  const unit = 2 ** -bits, step = DENSIFY_DEG * 2 ** bits, out = [];
  const n = pts.length, m = closed ? n : n - 1;
  for (let i = 0; i < m; i++) {
    const a = pts[i], b = pts[(i + 1) % n];
    out.push([a[0] * unit, a[1] * unit]);
    const steps = Math.ceil(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])) / step);
    for (let s = 1; s < steps; s++) out.push([(a[0] + (b[0] - a[0]) * s / steps) * unit, (a[1] + (b[1] - a[1]) * s / steps) * unit]);
  }
  if (!closed && n) out.push([pts[n - 1][0] * unit, pts[n - 1][1] * unit]);
  return out;
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
const clamp = (b) => [Math.max(b[0], REGION[0]), Math.max(b[1], REGION[1]), Math.min(b[2], REGION[2]), Math.min(b[3], REGION[3])];
const inside = (b, r) => b[0] >= r[0] && b[1] >= r[1] && b[2] <= r[2] && b[3] <= r[3];
const disjoint = (b, r) => b[2] <= r[0] || b[0] >= r[2] || b[3] <= r[1] || b[1] >= r[3];
if (!inside(NEAR, REGION)) throw new Error('the near box must lie inside the region');
// Part of each detail box: 0 (near) or 1 (far).
const boxPart = DETAIL_BOXES.map((d) => {
  if (inside(clamp(d.box), NEAR)) return 0;
  if (disjoint(clamp(d.box), NEAR)) return 1;
  throw new Error(`detail box ${d.name} straddles the near box's edge`);
});
// Zone 0: the near box outside its detail boxes; zone k: detail box k; the far zone (boxes + 1): the region outside
// the near box and the far detail boxes.
const FAR_ZONE = DETAIL_BOXES.length + 1;
let nearRects = [NEAR];
let farRects = rectMinus(REGION, NEAR);
DETAIL_BOXES.forEach((d, k) => {
  if (boxPart[k] === 0) nearRects = nearRects.flatMap((r) => rectMinus(r, d.box));
  else farRects = farRects.flatMap((r) => rectMinus(r, d.box));
});

const jobs = [{level: 0, zone: 0, part: 0, rects: nearRects}, {level: 0, zone: FAR_ZONE, part: 1, rects: farRects}];
DETAIL_BOXES.forEach((d, k) => {
  jobs.push({level: 0, zone: k + 1, part: boxPart[k], rects: [clamp(d.box)]});
  jobs.push({level: 1, zone: k + 1, part: boxPart[k], rects: [clamp(d.box)]});
});

const topo = LEVEL_SOURCE.map(loadTopology);
for (const job of jobs) {
  const {countries} = topo[job.level];
  const bits = LEVEL_BITS[job.level];
  const pieces = buildPieces(countries, job.rects, bits);
  const {arcs, shapes, seams} = buildArcs(pieces);

  // Check the triangulation the loader will make (the same rings, densified the same way, in the projected
  // plane): earcut must cover each piece's area.
  let worst = {dev: 0}, triangles = 0, landVertices = 0;
  for (const sh of shapes) {
    const flat = [], holes = [];
    for (const refs of sh.rings) {
      if (flat.length) holes.push(flat.length / 2);
      for (const [lon, lat] of ringPoints(arcs, refs, bits)) flat.push(...project(lon, lat));
    }
    const tri = earcut(flat, holes.length ? holes : null, 2);
    const dev = deviation(flat, holes.length ? holes : null, 2, tri);
    if (dev > worst.dev) worst = {dev, name: sh.name};
    triangles += tri.length / 3;
    landVertices += flat.length / 2;
  }
  if (worst.dev > 1e-4) throw new Error(`earcut deviation ${worst.dev} (${worst.name}) at level ${job.level} zone ${job.zone}`);

  const w = new Writer();
  w.u8(job.level); w.u8(job.zone); w.u8(bits); w.u8(0);
  // Arcs: a header each (point count, class, closed), then every point, delta-coded from the previous one
  // across arcs. An open arc that starts where the previous arc ended does not repeat that point (flag).
  w.varint(arcs.length);
  let prevEnd = null;
  const startsAtPrev = arcs.map((a) => {
    const r = !a.closed && prevEnd !== null && key(a.points[0]) === key(prevEnd);
    prevEnd = a.closed ? null : a.points[a.points.length - 1];
    return r;
  });
  arcs.forEach((a, i) => w.varint(a.points.length * 16 + (startsAtPrev[i] ? 8 : 0) + (a.closed ? 4 : 0) + a.cls));
  let px = 0, py = 0, points = 0;
  arcs.forEach((a, i) => {
    for (let k = startsAtPrev[i] ? 1 : 0; k < a.points.length; k++) {
      const [x, y] = a.points[k];
      w.zigzag(x - px); w.zigzag(y - py); px = x; py = y; points++;
    }
  });
  // Land: per piece (a polygon clipped to one rectangle), its country, its rings, each a list of arc
  // references: zigzag(arc - (previous arc + 1)) * 2 + reversed.
  w.varint(shapes.length);
  let prevArc = -1, prevCountry = 0;
  for (const sh of shapes) {
    w.zigzag(sh.country - prevCountry); prevCountry = sh.country;
    w.varint(sh.rings.length);
    for (const refs of sh.rings) {
      w.varint(refs.length);
      for (const {arc, rev} of refs) {
        const d = arc - (prevArc + 1);
        w.varint((d >= 0 ? 2 * d : -2 * d - 1) * 2 + (rev ? 1 : 0));
        prevArc = arc;
      }
    }
  }
  sections.push({tag: 'ZONE', bytes: w.bytes, part: job.part});
  const byCls = [0, 0, 0];
  for (const a of arcs) byCls[a.cls] += a.points.length;
  stats.push({...job, arcs: arcs.length, points, coast: byCls[0], border: byCls[1], cut: byCls[2], seams,
    pieces: shapes.length, landVertices, triangles, bytes: w.bytes.length, gzip: gzipSync(Buffer.from(w.bytes), {level: 9}).length});
}

// META first: region, detail boxes, switch scale, credit, the near box and which part the file holds.
function meta(part) {
  const w = new Writer();
  for (const v of REGION) w.i32(micro(v));
  w.u32(DETAIL_BOXES.length);
  for (const d of DETAIL_BOXES) for (const v of clamp(d.box)) w.i32(micro(v));
  w.u32(Math.round(DETAIL_KM_PER_PX * 1000));   // metres per CSS pixel
  w.str8('Natural Earth admin-0 countries 1:50m and 1:10m (public domain) via world-atlas 2.0.2');
  for (const v of NEAR) w.i32(micro(v));
  w.u8(part);
  return {tag: 'META', bytes: w.bytes};
}
// CTRY second: the countries the land groups name (the same table in both parts).
const countries = (() => {
  const w = new Writer();
  w.u32(countryTable.length);
  for (const c of countryTable) { w.u16(c.iso); w.str8(c.name); }
  return {tag: 'CTRY', bytes: w.bytes};
})();

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

function mapFile(part) {
  const own = [meta(part), countries, ...sections.filter((z) => z.part === part)];
  const payload = new Writer();
  payload.u32(own.length);
  let offset = 4 + 12 * own.length;
  for (const z of own) { payload.tag(z.tag); payload.u32(offset); payload.u32(z.bytes.length); offset += z.bytes.length; }
  for (const z of own) for (const b of z.bytes) payload.u8(b);
  const file = new Writer();
  file.tag('JMAP');
  file.u32(VERSION);
  file.u32(payload.bytes.length);
  file.u32(fnv1a(payload.bytes));
  return Buffer.from([...file.bytes, ...payload.bytes]);
}
const outs = [mapFile(0), mapFile(1)];
outs.forEach((bytes, part) => writeFileSync(OUT[part], bytes));

for (const s of stats) {
  console.log(`${s.part ? 'far ' : 'near'} level ${s.level} zone ${s.zone}: ${s.arcs} arcs, ${s.points} points stored (coastline ${s.coast}, ` +
    `border ${s.border}, cut ${s.cut}${s.seams ? `, ${s.seams} seam edges` : ''}); ${s.pieces} land pieces, ` +
    `${s.landVertices} land vertices, ${s.triangles} triangles at load; ${s.bytes} bytes (${s.gzip} gzip alone)`);
}
console.log(`${countryTable.length} countries`);
outs.forEach((bytes, part) =>
  console.log(`assets/${part ? 'map-far' : 'map'}.bin: ${bytes.length} bytes, ${gzipSync(bytes, {level: 9}).length} bytes gzip -9`));
