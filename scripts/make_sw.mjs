// node scripts/make_sw.mjs DIST TEMPLATE: writes DIST/sw.js from TEMPLATE (web/sw.js) with the list of every
// file the page may load (everything in DIST but precompressed twins and the worker itself) and a version
// made from their contents, so any change to the page or its data makes browsers install the new files.
// Run by the dist/ assembly (src/app/CMakeLists.txt) before precompression; deterministic output.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const [dist, template] = process.argv.slice(2);
if (!dist || !template || !fs.existsSync(dist) || !fs.existsSync(template)) {
  console.error('usage: node scripts/make_sw.mjs DIST TEMPLATE');
  process.exit(2);
}

// For the sites that show or embed a link, not for the reader: link previews, per-trip link pages, oEmbed files.
// Neither installed nor kept.
const NOT_OFFLINE = /^(previews\/|trip\/|oembed\.json$)/;

function* files(dir, prefix = '') {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix + e.name;
    if (e.isDirectory()) yield* files(path.join(dir, e.name), rel + '/');
    else if (!/\.(gz|br)$/.test(e.name) && rel !== 'sw.js' && !NOT_OFFLINE.test(rel)) yield rel;
  }
}

// Files only some pages fetch, downloaded by those pages alone: not installed with the offline copy, but kept once a
// page has fetched them (web/sw.js). They count towards the version all the same. Another language's words and
// fonts (assets/lang/, the CJK subsets, web/lang.js: an English reader downloads none of them); the embed's
// scripts and settings (pym.js, web/embed.js, web/embed.json: only a page inside an article loads them); Export
// video's (web/video.mjs and the 176 KB muxer, loaded when a reader starts an export); the fonts' licences (read by
// people, never by the page); the base map's far part (assets/map-far.bin: fetched when a view first reaches past
// the near box); the trips as JSON and the HTML table that reads them (assets/trips.json, web/fallback.js and
// web/text.js: only a page whose map cannot run loads them; the map reads assets/trips.bin); and index.html, the
// same file as './', which is installed.
const ON_DEMAND = '^(assets/(lang/|fonts/NotoSansCJK-|fonts/[^/]*LICENSE|map-far\\.bin$|trips\\.json$)|web/(lang\\.js|pym\\.v1\\.min\\.js|embed\\.js|embed\\.json|video\\.mjs|mediabunny\\.min\\.mjs|fallback\\.js|text\\.js)$|index\\.html$)';
const onDemand = new RegExp(ON_DEMAND);
const all = [...files(dist)];
const list = all.filter((f) => !onDemand.test(f));
const hash = crypto.createHash('sha256');
for (const f of all) hash.update(f + '\0').update(fs.readFileSync(path.join(dist, f)));
const version = hash.digest('hex').slice(0, 16);
// './' is what a reader's address bar asks for (web/sw.js answers index.html from it).
const urls = ['./', ...list];
const text = fs.readFileSync(template, 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(urls, null, 0).replace(/","/g, '",\n  "'))
  .replace('__ON_DEMAND__', JSON.stringify(ON_DEMAND))
  .replace('__ON_DEMAND_FILES__', JSON.stringify(all.filter((f) => onDemand.test(f)), null, 0).replace(/","/g, '",\n  "'));
if (text.includes('__VERSION__') || text.includes('__FILES__') || text.includes('__ON_DEMAND__')) { console.error(`${template}: placeholders missing`); process.exit(1); }
// Minified as the page's other scripts are (scripts/publish.mjs): every visit downloads it. The readable one is web/sw.js.
const { code } = await minify(text, { compress: true, mangle: true });
fs.writeFileSync(path.join(dist, 'sw.js'), code + '\n');
console.log(`service worker ${version}: ${urls.length} files`);
