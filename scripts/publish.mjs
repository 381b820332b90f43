// node scripts/publish.mjs DIST SOURCE_DIR [PUBLIC_URL]: the parts of dist/ that depend on where the page will live.
// Run by the dist/ assembly (src/app/CMakeLists.txt) after the page is copied and before sw.js is written; PUBLIC_URL
// is the build's JOURNEYS_PUBLIC_URL (README "Publishing"), empty for the default build.
//
//   * dist/index.html from SOURCE_DIR/index.html: og:image made absolute, and with a public URL the canonical link,
//     og:url and the oEmbed discovery link added at the "publish: public links" marker;
//   * dist/previews/: the committed link-preview images (SOURCE_DIR/previews/, made by scripts/make_previews.mjs);
//   * dist/trip/<id>/index.html for every trip of assets/trips.json: a real URL per trip (hashes never reach a
//     server, so a trip's own preview needs a page of its own). It carries the trip's title, summary and image and
//     sends a reader on to ../../#trip=<id> (keeping any hash of their own);
//   * dist/web/*.js and *.mjs minified from SOURCE_DIR/web/ by Terser (npm, package-lock): compressed and with
//     local names shortened (global and function names kept, so the page API and stack traces still read); in gzip
//     -9 page.js 9.6 -> 4.6 KB, a11y.js 4.4 -> 2.6 KB, the other scripts about half. The sources in web/ are what
//     to read and edit; the service worker's template (web/sw.js) is written by scripts/make_sw.mjs, not here;
//   * dist/assets/*.json and dist/assets/lang/*.json as the page reads them: no spaces between tokens, and without
//     what only editors read (keys starting with "_", a place's coord_note, a rail line's note, the notes of dates,
//     stops and legs he travelled), the rail track as steps of 1e-4 degrees ("points_e4", below): trips.json
//     64.1 -> 43.6 KB gzip -9 (2026-12-03, with the Russian lines' 70 stations). The
//     files in assets/ stay what editors edit, with their lines; tripcheck and the unit tests read those, and the
//     page's error messages for the one-line copy say where by the JSON path;
//   * dist/web/*.css minified by CSSO (npm, package-lock), comments and spaces only (restructure: false, so no
//     rule moves): page.css 2.2 -> 1.3 KB, a11y.css 2.5 -> 1.8 KB gzip -9;
//   * with a public URL only: dist/oembed.json and dist/trip/<id>/oembed.json (and oembed.<code>.json in each other
//     language of assets/lang/, with their own discovery links, hreflang="<code>"). An oEmbed `html` is pasted into
//     someone else's page, where a relative iframe src would point at their site: without a public URL there is
//     no oEmbed file and no discovery link rather than one that lies.
// Running it again on a dist/ rewrites every file it owns (the browser test publishes a copy under another URL).
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';
import { minify as minifyCss } from 'csso';

const [dist, source, publicUrlArg = ''] = process.argv.slice(2);
if (!dist || !source || !fs.existsSync(dist) || !fs.existsSync(path.join(source, 'index.html'))) {
  console.error('usage: node scripts/publish.mjs DIST SOURCE_DIR [PUBLIC_URL]');
  process.exit(2);
}
let publicUrl = publicUrlArg.trim();
if (publicUrl) {
  let u;
  try { u = new URL(publicUrl); } catch (e) { u = null; }
  if (!u || !/^https?:$/.test(u.protocol) || u.search || u.hash) {
    console.error(`JOURNEYS_PUBLIC_URL must be an absolute http(s) address without ?query or #hash, e.g. https://news.example/journeys/ (got "${publicUrl}")`);
    process.exit(2);
  }
  publicUrl = u.href.endsWith('/') ? u.href : u.href + '/';  // the folder the page lives in
}

const TITLE = "Kim Jong-un's journeys abroad";
const PROVIDER = 'Journeys explainer';
const IMAGE = { width: 1200, height: 630, type: 'image/png' };
// The iframe the oEmbed gives out: the Embed button's snippet (web/page.js copyEmbed), same attributes and height.
const EMBED_WIDTH = 720, EMBED_HEIGHT = 600;
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const iframe = (src, title = `${TITLE}: an animated map`) => `<iframe src="${esc(src)}" title="${esc(title)}" width="100%" height="${EMBED_HEIGHT}" ` +
  'style="border:0" sandbox="allow-scripts allow-same-origin allow-popups" allow="fullscreen" loading="lazy"></iframe>';
// The other languages: every assets/lang/<code>.json of dist/ (copied from SOURCE_DIR/assets/lang/, so a test can
// add one to a copy of dist/). The page learns them from dist/index.html's <html data-languages="ko 한국어|…">
// (web/page.js hands the list to the app); each page's oEmbed is in them too (oembed.<code>.json, found by a
// discovery link with hreflang), its title and the iframe's in that language and the iframe opening in it.
const LANGUAGES = fs.readdirSync(path.join(dist, 'assets', 'lang')).filter((f) => /^[a-z]{2,3}\.json$/.test(f)).sort()
  .map((f) => {
    const code = f.slice(0, -5);
    const catalogue = JSON.parse(fs.readFileSync(path.join(dist, 'assets', 'lang', f), 'utf8'));
    const name = String((catalogue.language || {}).name || '');
    if (!name || /[|<>"&]/.test(name)) {
      console.error(`assets/lang/${f}: needs "language": {"name": the language's name in itself (no | < > " &)}`);
      process.exit(1);
    }
    const ui = catalogue.ui || {}, data = catalogue.data || {};
    return { code, name, title: ui[TITLE] || TITLE, embedTitle: ui[`${TITLE}: an animated map`] || `${TITLE}: an animated map`,
      text: (english) => data[english] || english };
  });

function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(12) !== 0x49484452) throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

// Previews: copied as they are, each checked to be the size the tags announce.
const previewsSrc = path.join(source, 'previews');
const previewsDst = path.join(dist, 'previews');
fs.rmSync(previewsDst, { recursive: true, force: true });
fs.mkdirSync(previewsDst, { recursive: true });
for (const f of fs.readdirSync(previewsSrc).filter((f) => f.endsWith('.png'))) {
  const size = pngSize(path.join(previewsSrc, f));
  if (size.width !== IMAGE.width || size.height !== IMAGE.height) {
    console.error(`previews/${f} is ${size.width}×${size.height}, not ${IMAGE.width}×${IMAGE.height}: run node scripts/make_previews.mjs`);
    process.exit(1);
  }
  fs.copyFileSync(path.join(previewsSrc, f), path.join(previewsDst, f));
}
const preview = (name) => {
  if (!fs.existsSync(path.join(previewsDst, name + '.png'))) {
    console.error(`previews/${name}.png is missing: run node scripts/make_previews.mjs`);
    process.exit(1);
  }
  return `previews/${name}.png`;
};

function writeOembed(file, { title, src, image, embedTitle }) {
  fs.writeFileSync(file, JSON.stringify({
    version: '1.0', type: 'rich', title, provider_name: PROVIDER, provider_url: publicUrl,
    width: EMBED_WIDTH, height: EMBED_HEIGHT, html: iframe(src, embedTitle),
    thumbnail_url: publicUrl + image, thumbnail_width: IMAGE.width, thumbnail_height: IMAGE.height,
  }, null, 2) + '\n');
}
// `translated`: the other languages' {code, title} of this page (their oEmbed beside it: oembed.<code>.json).
const publicLinks = (pageUrl, oembedUrl, title, translated = []) => [
  `<link rel="canonical" href="${esc(pageUrl)}">`,
  `<meta property="og:url" content="${esc(pageUrl)}">`,
  `<link rel="alternate" type="application/json+oembed" href="${esc(oembedUrl)}" title="${esc(title)}">`,
  ...translated.map((l) => `<link rel="alternate" type="application/json+oembed" hreflang="${l.code}" ` +
    `href="${esc(oembedUrl.replace(/oembed\.json$/, `oembed.${l.code}.json`))}" title="${esc(l.title)}">`),
].join('\n');
function writeTranslatedOembeds(dir, { titleOf, hash, image }) {
  for (const l of LANGUAGES) {
    writeOembed(path.join(dir, `oembed.${l.code}.json`),
      { title: titleOf(l), src: `${publicUrl}#${hash}&lang=${l.code}`, image, embedTitle: l.embedTitle });
  }
}
for (const f of fs.readdirSync(dist).filter((f) => /^oembed\.[a-z]{2,3}\.json$/.test(f))) fs.rmSync(path.join(dist, f));

// The data, as the page reads it (a file that is not JSON is left as it is: the page says what is wrong with it).
const editorsOnly = (key) => key.startsWith('_') || key === 'coord_note';
const compact = (value) => Array.isArray(value) ? value.map(compact)
  : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => !editorsOnly(k)).map(([k, v]) => [k, compact(v)]))
  : value;
// The rail lines' traced track (most of the file): each stretch's [lon, lat] points as "points_e4", whole numbers
// of 1e-4 degrees, the first point as it is and each next as the step from the one before (core::load_trips reads
// both forms). Rounded to 1e-4 degrees (at most 6 m off: under a CSS pixel at the closest zoom, 7.8 m per pixel,
// and finer than the 1:10m map under the line); the points are written to 5 decimals: -2.6 KB gzip.
// A line's "note" (how its stations and track were traced) is for editors too: the page shows no line note.
function compactTracks(data) {
  for (const line of Array.isArray(data.lines) ? data.lines : []) {
    if (line && typeof line === 'object') delete line.note;
    for (const stretch of Array.isArray(line && line.track) ? line.track : []) {
      const points = stretch && stretch.points;
      if (!Array.isArray(points) || !points.every((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite))) continue;
      let x = 0, y = 0;
      stretch.points_e4 = points.flatMap(([lon, lat]) => {
        const [nx, ny] = [Math.round(lon * 1e4), Math.round(lat * 1e4)];
        const step = [nx - x, ny - y];
        [x, y] = [nx, ny];
        return step;
      });
      delete stretch.points;
    }
  }
}
// Notes the page never shows (TRIPS-DATA.md: they are the desk's, untranslated): a date's or time's, a stop's and a
// leg's he travelled (the page shows the notes of reported figures and of what-if legs): -1.8 KB gzip. And a
// source's publication date, which the page does not show either (outlet, headline, address and what we took).
function dropUnshownNotes(data) {
  for (const source of Array.isArray(data.sources) ? data.sources : []) if (source && typeof source === 'object') delete source.date;
  const times = ['depart', 'arrive', 'return_depart', 'return_arrive'];
  for (const trip of Array.isArray(data.trips) ? data.trips : []) {
    if (!trip || typeof trip !== 'object') continue;
    for (const k of times) if (trip[k] && typeof trip[k] === 'object') delete trip[k].note;
    for (const legs of [trip.outbound, trip.return]) {
      for (const leg of Array.isArray(legs) ? legs : []) {
        if (!leg || typeof leg !== 'object') continue;
        delete leg.note;
        for (const stop of Array.isArray(leg.stops) ? leg.stops : []) {
          if (!stop || typeof stop !== 'object') continue;
          delete stop.note;
          if (stop.when && typeof stop.when === 'object') delete stop.when.note;
        }
      }
    }
  }
}
for (const dir of ['assets', path.join('assets', 'lang')]) {
  for (const f of fs.readdirSync(path.join(dist, dir)).filter((f) => f.endsWith('.json'))) {
    const file = path.join(dist, dir, f);
    let data;
    try { data = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { continue; }
    if (f === 'trips.json') { compactTracks(data); dropUnshownNotes(data); }
    fs.writeFileSync(file, JSON.stringify(compact(data)) + '\n');
  }
}

// The page's scripts and styles, minified (pym and Mediabunny come minified: *.min.*).
for (const f of fs.readdirSync(path.join(source, 'web')).filter((f) => /\.m?js$/.test(f) && !/\.min\./.test(f) && f !== 'sw.js')) {
  const code = fs.readFileSync(path.join(source, 'web', f), 'utf8');
  let out;
  try {
    out = await minify(code, { module: f.endsWith('.mjs'), compress: true, mangle: { keep_fnames: true } });
  } catch (e) {
    console.error(`web/${f}: ${e.message} (line ${e.line}, column ${e.col})`);
    process.exit(1);
  }
  fs.writeFileSync(path.join(dist, 'web', f), out.code + '\n');
}
for (const f of fs.readdirSync(path.join(source, 'web')).filter((f) => f.endsWith('.css'))) {
  const css = fs.readFileSync(path.join(source, 'web', f), 'utf8');
  fs.writeFileSync(path.join(dist, 'web', f), minifyCss(css, { restructure: false, filename: `web/${f}` }).css + '\n');
}

// The page.
const MARKER = '<!-- publish: public links -->';
let page = fs.readFileSync(path.join(source, 'index.html'), 'utf8');
if (!page.includes(MARKER) || !page.includes('content="previews/journeys.png"') || !page.includes('<html lang="en">')) {
  console.error(`${source}/index.html: the "${MARKER}" marker, the og:image tag or <html lang="en"> is missing`);
  process.exit(1);
}
if (LANGUAGES.length) page = page.replace('<html lang="en">', `<html lang="en" data-languages="${LANGUAGES.map((l) => `${l.code} ${l.name}`).join('|')}">`);
preview('journeys');
if (publicUrl) {
  page = page.replace('content="previews/journeys.png"', `content="${esc(publicUrl)}previews/journeys.png"`)
    .replace(MARKER, publicLinks(publicUrl, publicUrl + 'oembed.json', TITLE, LANGUAGES));
  writeOembed(path.join(dist, 'oembed.json'), { title: TITLE, src: publicUrl + '#embed', image: 'previews/journeys.png' });
  writeTranslatedOembeds(dist, { titleOf: (l) => l.title, hash: 'embed', image: 'previews/journeys.png' });
} else {
  page = page.replace(MARKER + '\n', '');
  fs.rmSync(path.join(dist, 'oembed.json'), { force: true });
}
fs.writeFileSync(path.join(dist, 'index.html'), page);

// A page per trip.
const trips = JSON.parse(fs.readFileSync(path.join(source, 'assets', 'trips.json'), 'utf8')).trips;
fs.rmSync(path.join(dist, 'trip'), { recursive: true, force: true });
for (const trip of trips) {
  if (!/^[a-z0-9-]+$/.test(trip.id)) { console.error(`trip id "${trip.id}" cannot be a folder name`); process.exit(1); }
  const dir = path.join(dist, 'trip', trip.id);
  fs.mkdirSync(dir, { recursive: true });
  const image = preview(trip.id);
  const title = `${trip.title} · ${TITLE}`;
  const tripTitle = (l) => `${l.text(trip.title)} · ${l.title}`;
  const description = trip.summary || trip.purpose || '';
  const pageUrl = publicUrl && `${publicUrl}trip/${trip.id}/`;
  const target = `../../#trip=${trip.id}`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<meta name="description" content="${esc(description)}">
<meta name="theme-color" content="#cddde9">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${esc(PROVIDER)}">
<meta property="og:title" content="${esc(title)}">
<meta property="og:description" content="${esc(description)}">
<meta property="og:image" content="${esc(publicUrl ? publicUrl + image : '../../' + image)}">
<meta property="og:image:type" content="${IMAGE.type}">
<meta property="og:image:width" content="${IMAGE.width}">
<meta property="og:image:height" content="${IMAGE.height}">
<meta property="og:image:alt" content="${esc(`Map of the journey: ${trip.title}`)}">
<meta name="twitter:card" content="summary_large_image">
${pageUrl ? publicLinks(pageUrl, pageUrl + 'oembed.json', title, LANGUAGES.map((l) => ({ code: l.code, title: tripTitle(l) }))) + '\n' : ''}<script>
// Readers go on to the explainer with this trip open; their own hash (mode, time...) comes along.
location.replace(${JSON.stringify(target)} + (location.hash.length > 1 ? '&' + location.hash.slice(1) : ''));
</script>
</head>
<body>
<p><a href="${esc(target)}">${esc(trip.title)}: open the explainer</a></p>
</body>
</html>
`;
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  if (publicUrl) {
    writeOembed(path.join(dir, 'oembed.json'), { title, src: `${publicUrl}#trip=${trip.id}&embed`, image });
    writeTranslatedOembeds(dir, { titleOf: tripTitle, hash: `trip=${trip.id}&embed`, image });
  }
}
console.log(`published ${trips.length} trip pages, ${publicUrl ? 'public URL ' + publicUrl : 'no public URL (relative links, no oEmbed)'}`);
