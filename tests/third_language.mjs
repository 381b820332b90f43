// A third language is files only: a catalogue (tests/marked_language.mjs) dropped beside assets/trips.json's
// lang/ is a language tripcheck knows, checks and lists the missing translations of; nothing in the code names it.
// (tests/browser/language.test.mjs shows the same files make a language the page offers and the link keeps.)
//   node tests/third_language.mjs path/to/tripcheck
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE, markedCatalogue } from './marked_language.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tripcheck = process.argv[2];
assert.ok(tripcheck && fs.existsSync(tripcheck), 'usage: node tests/third_language.mjs path/to/tripcheck');
const korean = fs.readFileSync(path.join(root, 'assets/lang/ko.json'), 'utf8');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journeys-third-language-'));
fs.mkdirSync(path.join(dir, 'lang'));
fs.copyFileSync(path.join(root, 'assets/trips.json'), path.join(dir, 'trips.json'));
fs.copyFileSync(path.join(root, 'assets/lang/ko.json'), path.join(dir, 'lang/ko.json'));
const run = (...args) => spawnSync(tripcheck, [...args, path.join(dir, 'trips.json')], { encoding: 'utf8' });
const catalogue = path.join(dir, 'lang', `${CODE}.json`);

try {
  // Complete: valid, and the trip data read in it is the marked English.
  fs.writeFileSync(catalogue, markedCatalogue(korean));
  let r = run('--quiet');
  assert.equal(r.status, 0, r.stderr);
  r = run('--lang', CODE, '--reader-text');
  assert.equal(r.status, 0, r.stderr);
  const texts = JSON.parse(r.stdout);
  assert.match(Object.values(texts)[0].dates, /^【/, 'the dates in the third language\'s pattern');
  // Not a language of the files: refused, with the ones there are.
  r = run('--lang', 'qzz', '--quiet');
  assert.equal(r.status, 2);
  assert.match(r.stderr, new RegExp(`not one of en, ko, ${CODE}`));

  // Two texts without a translation: tripcheck refuses and names both, in that language's file.
  const data = Object.keys(JSON.parse(korean).data);
  const leaveOut = [data[0], data[data.length - 1]];
  fs.writeFileSync(catalogue, markedCatalogue(korean, { leaveOut }));
  r = run('--quiet');
  assert.equal(r.status, 1);
  // One line for each place a text is read (a station's name in every trip that stops there), the text shortened.
  const lines = r.stderr.split('\n').filter((l) => l.includes(`lang/${CODE}.json: no translation for `));
  for (const text of leaveOut) assert.ok(lines.some((l) => l.includes(text.slice(0, 40))), `${text} not listed:\n${r.stderr}`);
  assert.ok(r.stderr.includes(`lang/${CODE}.json: ${lines.length} reader-facing texts without a translation`), r.stderr);
  assert.doesNotMatch(r.stderr, /lang\/ko\.json/);

  // A catalogue that does not name its language is not one: said, and refused.
  fs.writeFileSync(catalogue, markedCatalogue(korean, { named: false }));
  r = run('--quiet');
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`lang/${CODE}\\.json: needs \\{"language"`));
  console.log(`third language ${CODE}: known, checked and its missing translations listed by tripcheck`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
