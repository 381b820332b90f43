// node scripts/precompress.mjs DIR: writes FILE.gz (gzip -9) and FILE.br (brotli, quality 11) beside every
// compressible file under DIR, for static hosts that serve precompressed files (nginx gzip_static/brotli_static,
// Caddy precompressed, most CDNs). Skips files that compress by less than 10 % (PNG) and leaves the originals as
// they are. Run by the dist/ assembly (src/app/CMakeLists.txt); deterministic output.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.bin', '.ttf', '.otf', '.txt', '.svg']);
const dir = process.argv[2];
if (!dir || !fs.existsSync(dir)) { console.error('usage: node scripts/precompress.mjs DIR'); process.exit(2); }

function* files(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (COMPRESSIBLE.has(path.extname(e.name))) yield p;
  }
}

// Every file's gzip and brotli at once: the async zlib calls run on libuv's thread pool, so the slowest one
// (brotli 11 of journeys.wasm) is not followed by all the others on one core at the end of the build.
const gzip = (bytes) => new Promise((resolve, reject) =>
  zlib.gzip(bytes, { level: 9 }, (e, out) => (e ? reject(e) : resolve(out))));  // no name or time: same bytes every build
const brotli = (bytes) => new Promise((resolve, reject) => zlib.brotliCompress(bytes, { params: {
  [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }, (e, out) => (e ? reject(e) : resolve(out))));

let raw = 0, gz = 0, br = 0;
await Promise.all([...files(dir)].map(async (f) => {
  const bytes = fs.readFileSync(f);
  const [g, b] = await Promise.all([gzip(bytes), brotli(bytes)]);
  if (g.length < bytes.length * 0.9) { fs.writeFileSync(f + '.gz', g); gz += g.length; } else gz += bytes.length;
  if (b.length < bytes.length * 0.9) { fs.writeFileSync(f + '.br', b); br += b.length; } else br += bytes.length;
  raw += bytes.length;
}));
console.log(`precompressed ${dir}: ${raw} bytes, ${gz} with .gz, ${br} with .br`);
