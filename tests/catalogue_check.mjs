// Every catalogue of assets/lang/ names its language and font face; every reader-facing English text the code looks
// up (src/: w("…"), w.c("…"), words.c("…") and the arrays of labels they take; web/: t('…'), L('…'), and the page's
// notices) has its translation in each, with the same placeholders ({0}, {1} …); and a catalogue has no key nothing
// uses any more.
//   node tests/catalogue_check.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (f) => fs.readFileSync(path.join(root, f), 'utf8');
const files = (dir, ext) => fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith(ext)).map((f) => `${dir}/${f}`);

// C string literals (adjacent ones joined), with \x escapes decoded as UTF-8 bytes.
function cLiterals(text) {
  const out = [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"(?:\s*"((?:[^"\\]|\\.)*)")*/g)) {
    const joined = m[0].replace(/"\s*"/g, '').slice(1, -1);
    const bytes = [];
    for (let i = 0; i < joined.length; i++) {
      if (joined[i] === '\\' && joined[i + 1] === 'x') { bytes.push(parseInt(joined.slice(i + 2, i + 4), 16)); i += 3; }
      else if (joined[i] === '\\') { bytes.push(joined.charCodeAt(i + 1)); i += 1; }
      else bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
    out.push(Buffer.from(bytes).toString('utf8'));
  }
  return out;
}
// The argument text of each call `name(`, balanced parentheses.
function callArguments(text, name) {
  const out = [];
  const re = new RegExp(`(?<![A-Za-z0-9_])${name.replace('.', '\\.')}\\(`, 'g');
  for (const m of text.matchAll(re)) {
    let depth = 1, i = m.index + m[0].length;
    const start = i;
    for (; i < text.length && depth; i++) {
      if (text[i] === '"') { i++; while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1; }
      else if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
    }
    out.push(text.slice(start, i - 1));
  }
  return out;
}
// The initialiser of `static const … NAME[] = { … };`.
function arrayLiterals(text, name) {
  const m = new RegExp(`${name}\\[[^\\]]*\\]\\s*=\\s*\\{([\\s\\S]*?)\\};`).exec(text);
  return m ? cLiterals(m[1]) : [];
}

// report_to_page(level, "text" + part + "text" …) -> "text{0}text": literals kept, every other part a placeholder.
function noticePattern(args) {
  const body = args.replace(/^\s*\d\s*,/, '');
  if (body === args) return null;
  const parts = [];
  let depth = 0, start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '"') { i++; while (body[i] !== '"') i += body[i] === '\\' ? 2 : 1; }
    else if (body[i] === '(') depth++;
    else if (body[i] === ')') depth--;
    else if (body[i] === '+' && depth === 0) { parts.push(body.slice(start, i)); start = i + 1; }
  }
  parts.push(body.slice(start));
  let n = 0, pattern = '';
  for (const part of parts) {
    const literal = /^\s*(?:std::string\()?\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)?\s*$/.exec(part);
    pattern += literal ? cLiterals(literal[1]).join('') : `{${n++}}`;
  }
  return /[A-Za-z]{3}/.test(pattern.replace(/\{\d\}/g, '')) ? pattern : null;
}

const used = new Set();
for (const f of [...files('src/core', '.cpp'), ...files('src/ui', '.cpp'), ...files('src/render', '.cpp'), ...files('src/app', '.cpp')]) {
  const text = read(f);
  // Looked up by the callee: figure_rows(…, "km", "Reported distance: {0}"), units, the page's notices.
  // A notice put together from parts ("Could not draw the map: " + error) is shown by the page in the reader's
  // language through its pattern, "Could not draw the map: {0}" (web/page.js translateMessage).
  for (const args of callArguments(text, 'report_to_page')) {
    const message = noticePattern(args);
    if (message) used.add(message);
  }
  // page_cannot_run("why"): the page shows it as an error notice too.
  for (const args of callArguments(text, 'page_cannot_run')) {
    const message = noticePattern('2,' + args);
    if (message) used.add(message);
  }
  for (const call of ['w', 'w.c', 'words.c', 'figure_rows', 'figure_text', 'figure_line']) for (const args of callArguments(text, call)) cLiterals(args).forEach((s) => used.add(s));
  for (const array of ['kMonths', 'kFilters', 'kShortFilters', 'kLabels']) arrayLiterals(text, array).forEach((s) => used.add(s));
  // {"label", "id"} pairs: the labels only.
  const actions = /kActions\[\]\s*=\s*\{([\s\S]*?)\};/.exec(text);
  if (actions) for (const m of actions[1].matchAll(/\{\s*("(?:[^"\\]|\\.)*")\s*,/g)) cLiterals(m[1]).forEach((s) => used.add(s));
  const keys = /kKeyHelp\[\d*\]\s*=\s*\{([\s\S]*?)\};/.exec(text);
  if (keys) cLiterals(keys[1]).forEach((s) => used.add(s));
}
for (const f of ['src/core/session.cpp']) for (const m of read(f).matchAll(/trips_error = ("(?:[^"\\]|\\.)*")/g)) cLiterals(m[1]).forEach((s) => used.add(s));
for (const f of files('web', '.js')) {
  const text = read(f);
  for (const m of text.matchAll(/(?<![A-Za-z0-9_.])(?:t|L|tf)\((['"])((?:(?!\1)[^\\]|\\.)*)\1[,)]/g)) used.add(m[2].replace(/\\(.)/g, '$1'));
  for (const m of text.matchAll(/(?:notice\(\d, |fail\()'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\(.)/g, '$1'));
}
for (const m of read('index.html').matchAll(/data-english="([^"]*)"/g)) used.add(m[1]);
used.add(read('index.html').match(/<meta name="description" content="([^"]*)"/)[1]);
for (const s of [...used]) if (!/[A-Za-z]/.test(s)) used.delete(s);  // "·", "" …: nothing to translate

const placeholders = (s) => [...new Set(s.match(/\{\d\}/g) || [])].sort().join();
let checked = 0;
for (const file of fs.readdirSync(path.join(root, 'assets/lang')).filter((f) => /^[a-z]{2,3}\.json$/.test(f))) {
  const { ui, language } = JSON.parse(read(`assets/lang/${file}`));
  // What makes it a language (the app's list, scripts/publish.mjs) and its font (scripts/make_cjk_fonts.py).
  assert.ok(language && typeof language.name === 'string' && language.name && !/[|<>"&]/.test(language.name),
    `assets/lang/${file}: "language": {"name": its name in itself} is missing`);
  assert.ok(/^Noto Sans CJK (KR|JP|SC|TC|HK)$/.test(language.font), `assets/lang/${file}: "language": {"font": a face of Noto Sans CJK}`);
  const missing = [...used].filter((s) => !(s in ui)).sort();
  assert.deepEqual(missing, [], `assets/lang/${file} lacks these texts of the code`);
  const unused = Object.keys(ui).filter((k) => !used.has(k) && /[A-Za-z]/.test(k)).sort();
  assert.deepEqual(unused, [], `assets/lang/${file} has texts nothing uses`);
  for (const [english, text] of Object.entries(ui)) {
    // A translation may drop {1} (English's padded minutes) for {2}, never invent one.
    const allowed = new Set(english.match(/\{\d\}/g) || []);
    if (english.endsWith('{0} h {1} min')) allowed.add('{2}');
    for (const p of text.match(/\{\d\}/g) || []) assert.ok(allowed.has(p), `${file}: "${text}" uses ${p}, which "${english}" has not`);
    if (!english.endsWith('{0} h {1} min')) assert.equal(placeholders(text), placeholders(english), `${file}: "${english}" -> "${text}"`);
    checked++;
  }
}
assert.ok(used.size > 150, `only ${used.size} texts found in the code`);
console.log(`${used.size} texts of the code, ${checked} translations checked`);
