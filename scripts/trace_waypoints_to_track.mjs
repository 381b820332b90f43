#!/usr/bin/env node
// Moves the vertices of traced rail lines out of /places into the lines' compact "track" stretches.
//
// Until issue 15's traces, every point that shapes a drawn rail line was a place of its own ("waypoint": true,
// coord_note "Vertex of the traced 1942 line, not a station"), listed by id in lines[].places. About 700 such
// places made assets/trips.json heavy to load and to read. This script rewrites each run of trace vertices
// between two stations of a line as one stretch of that line:
//   {"from": "<station>", "to": "<next station>", "source": "<the vertices' coord source>", "points": [[lon, lat], ...]}
// in the line's travel order, with the coordinates exactly as they were (no rounding), and deletes the vertex
// places. Real stations (also those marked "waypoint") stay places. The rest of the file is left byte for byte
// as it was (the data stays what editors edit: one place per line, one line object per line plus its stretches).
// Running it again on converted data changes nothing.
//
// Usage: node scripts/trace_waypoints_to_track.mjs [assets/trips.json]
import {readFileSync, writeFileSync} from 'node:fs';

const file = process.argv[2] ?? 'assets/trips.json';
const text = readFileSync(file, 'utf8');
const data = JSON.parse(text);

const isTraceVertex = (p) => p.waypoint === true && (p.coord_note ?? '').startsWith('Vertex of the traced');
const places = new Map(data.places.map((p) => [p.id, p]));
const traceIds = new Set(data.places.filter(isTraceVertex).map((p) => p.id));
if (traceIds.size === 0) {
  console.log(`${file}: no trace vertices among the places; nothing to do`);
  process.exit(0);
}

// Formatting in the file's own style: "key": value, arrays of scalars on one line with ", ".
const scalar = (v) => JSON.stringify(v);
const flat = (v) => (Array.isArray(v) ? '[' + v.map(flat).join(', ') + ']' : scalar(v));
const POINTS_PER_ROW = 6;

function convertLine(line) {
  const stations = [];
  const track = [];
  let run = [];
  for (const id of line.places) {
    const p = places.get(id);
    if (!p) throw new Error(`line ${line.id}: unknown place ${id}`);
    if (!traceIds.has(id)) {
      if (run.length > 0) {
        if (stations.length === 0) throw new Error(`line ${line.id}: starts with trace vertices`);
        const sources = new Set(run.map((q) => q.coord_sources.join(',')));
        if (sources.size !== 1 || run[0].coord_sources.length !== 1)
          throw new Error(`line ${line.id}: ${stations.at(-1)}-${id} mixes trace sources ${[...sources]}`);
        track.push({from: stations.at(-1), to: id, source: run[0].coord_sources[0],
                    points: run.map((q) => [q.lon, q.lat])});
      }
      stations.push(id);
      run = [];
    } else {
      run.push(p);
    }
  }
  if (run.length > 0) throw new Error(`line ${line.id}: ends with trace vertices`);
  return {stations, track};
}

function formatLine(line, stations, track) {
  const head = [];
  for (const [k, v] of Object.entries(line)) {
    if (k === 'track') continue;
    head.push(`${scalar(k)}: ${flat(k === 'places' ? stations : v)}`);
  }
  const rows = track.map((s) => {
    const pts = [];
    for (let i = 0; i < s.points.length; i += POINTS_PER_ROW)
      pts.push('        ' + s.points.slice(i, i + POINTS_PER_ROW).map(flat).join(', '));
    return `      {"from": ${scalar(s.from)}, "to": ${scalar(s.to)}, "source": ${scalar(s.source)}, "points": [\n` +
           pts.join(',\n') + ']}';
  });
  return `    {${head.join(', ')},\n     "track": [\n${rows.join(',\n')}\n     ]}`;
}

const out = [];
let converted = 0, stretches = 0;
for (const rawLine of text.split('\n')) {
  const m = /^    \{"id": "([^"]+)"/.exec(rawLine);
  if (m && traceIds.has(m[1])) continue;  // a vertex place: now a point of a stretch
  const line = m && data.lines.find((l) => l.id === m[1] && rawLine.includes('"places": ['));
  if (line && line.places.some((id) => traceIds.has(id))) {
    if (line.track) throw new Error(`line ${line.id} has both trace places and a track`);
    const {stations, track} = convertLine(line);
    const trailingComma = rawLine.trimEnd().endsWith(',') ? ',' : '';
    out.push(formatLine(line, stations, track) + trailingComma);
    converted++, stretches += track.length;
    continue;
  }
  out.push(rawLine);
}
// A removed place may have been the last of /places: drop the comma then left before the closing bracket.
const result = out.join('\n').replace(/,(\n\s*\])/g, '$1');
// The result must hold the same lines, point for point.
const check = JSON.parse(result);
if (check.places.some(isTraceVertex)) throw new Error('a trace vertex place was not removed (not on one line?)');
writeFileSync(file, result);
console.log(`${file}: ${traceIds.size} trace vertex places moved into ${stretches} track stretches of ${converted} lines`);
