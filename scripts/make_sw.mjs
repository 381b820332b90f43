// node scripts/make_sw.mjs DIST TEMPLATE: writes DIST/sw.js from TEMPLATE (web/sw.js) with the list of every
// file the page may load (everything in DIST but precompressed twins and the worker itself) and a version
// made from their contents, so any change to the page or its data makes browsers install the new files.
// Run by the dist/ assembly (src/app/CMakeLists.txt) before precompression; deterministic output.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [dist, template] = process.argv.slice(2);
if (!dist || !template || !fs.existsSync(dist) || !fs.existsSync(template)) {
  console.error('usage: node scripts/make_sw.mjs DIST TEMPLATE');
  process.exit(2);
}

// For the sites that show or embed a link, not for the reader: link previews, per-trip link pages, oEmbed files.
// Left out of the offline copy, so installing it downloads nothing the page does not use. So is the video muxer
// (176 KB gzip), fetched only when a reader exports a video: the first visit does not grow for it.
const NOT_OFFLINE = /^(previews\/|trip\/|oembed\.json$|web\/mediabunny\.min\.mjs$)/;

function* files(dir, prefix = '') {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix + e.name;
    if (e.isDirectory()) yield* files(path.join(dir, e.name), rel + '/');
    else if (!/\.(gz|br)$/.test(e.name) && rel !== 'sw.js' && !NOT_OFFLINE.test(rel)) yield rel;
  }
}

// Another language's words and fonts (assets/lang/, the CJK font subsets, web/lang.js) are downloaded only by the
// pages that show them: not installed with the offline copy (an English reader downloads none of them), but kept once a page
// has fetched them (web/sw.js ON_DEMAND). They count towards the version all the same.
const ON_DEMAND = /^(assets\/(lang\/|fonts\/NotoSansCJK-)|web\/lang\.js$)/;
const all = [...files(dist)];
const list = all.filter((f) => !ON_DEMAND.test(f));
const hash = crypto.createHash('sha256');
for (const f of all) hash.update(f + '\0').update(fs.readFileSync(path.join(dist, f)));
const version = hash.digest('hex').slice(0, 16);
// './' is what a reader's address bar asks for; index.html is the same file under its own name.
const urls = ['./', ...list];
const text = fs.readFileSync(template, 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(urls, null, 0).replace(/","/g, '",\n  "'));
if (text.includes('__VERSION__') || text.includes('__FILES__')) { console.error(`${template}: placeholders missing`); process.exit(1); }
fs.writeFileSync(path.join(dist, 'sw.js'), text);
console.log(`service worker ${version}: ${urls.length} files`);
