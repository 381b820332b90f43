// The fallback's words (web/text.js, used where the app cannot run) against the app's (src/core/reader_text.cpp,
// printed by `tripcheck --reader-text`), for every trip: dates, month, every reported figure, the sources shown.
// Any difference fails: the two once said "at most" and "up to", "1,364.0" and "1,364". In English and in every
// language of assets/lang/ (tripcheck --lang, web/text.js setWords with the same catalogue).
//   node tests/text_check.mjs path/to/tripcheck [assets/trips.json]
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [tripcheck, file = path.join(root, 'assets/trips.json')] = process.argv.slice(2);
if (!tripcheck) throw new Error('usage: node tests/text_check.mjs path/to/tripcheck [trips.json]');
await import(path.join(root, 'web/text.js'));
const text = globalThis.journeysText;

const data = JSON.parse(fs.readFileSync(file, 'utf8'));
const places = new Map(data.places.map((p) => [p.id, p]));
const sources = new Map(data.sources.map((s) => [s.id, s]));
const placeName = (id) => text.data((places.get(id) || {}).name) || id;
const langDir = path.join(path.dirname(file), 'lang');
const languages = ['en', ...fs.readdirSync(langDir).filter((f) => /^[a-z]{2}\.json$/.test(f)).map((f) => f.slice(0, 2))];
for (const language of languages) {
const core = JSON.parse(execFileSync(tripcheck, ['--reader-text', '--lang', language, file], { encoding: 'utf8' }));
text.setWords(language === 'en' ? null : JSON.parse(fs.readFileSync(path.join(langDir, language + '.json'), 'utf8')));
let compared = 0;
for (const trip of data.trips) {
  const want = core[trip.id];
  assert.ok(want, `tripcheck printed nothing for ${trip.id}`);
  const figures = [];
  for (const leg of trip.outbound || []) {
    for (const f of leg.reported_distance_km || []) figures.push(text.figureLine(f, 'km', placeName));
    for (const f of leg.reported_duration_h || []) figures.push(text.figureLine(f, 'h', placeName));
  }
  const shown = (trip.sources || []).map((id) => sources.get(id)).filter((s) => s && !text.isDeskSource(s)).map(text.sourceName);
  const got = { dates: text.tripDates(trip), month: text.monthYear(trip.depart && trip.depart.date), figures, sources: shown };
  assert.deepEqual(got, want, `${trip.id} (${language}): the fallback and the app say different things`);
  compared += 1 + figures.length + shown.length;
}
assert.equal(Object.keys(core).length, data.trips.length);
assert.ok(compared > 30, `only ${compared} texts compared`);
console.log(`web/text.js and the core agree on ${compared} texts over ${data.trips.length} trips in ${language}`);
}
