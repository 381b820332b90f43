// Regenerates assets/icons/{train,plane,car}.png: the vehicle icons that move along the routes, drawn from
// polygons below (our own drawings), 4x4 supersampled at 128 px, white with a dark outline so they read on land and sea.
// Both point up (north); the app turns them to the heading. Run: node scripts/make_icons.mjs
import fs from 'node:fs';
import { PNG } from 'pngjs';

const SIZE = 128;  // sampled down by the GPU's mipmaps to 16-26 CSS px, up to 60 px in classroom mode
const SS = 4;  // supersampling per axis

// Shapes in a 0..1 square, y down, pointing up. Each is drawn from above, as the map sees it, in shapes that still
// read at 16 px: a plane by its wings, a train as a string of cars behind a nose (one long box read as a phone),
// a car by its wheels and windscreen.
const plane = [[0.5, 0.03], [0.59, 0.12], [0.59, 0.36], [0.95, 0.56], [0.95, 0.68], [0.59, 0.57], [0.58, 0.78],
  [0.72, 0.88], [0.72, 0.96], [0.5, 0.91], [0.28, 0.96], [0.28, 0.88], [0.42, 0.78], [0.41, 0.57], [0.05, 0.68],
  [0.05, 0.56], [0.41, 0.36], [0.41, 0.12]];
const rect = (x0, y0, x1, y1) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
// The train: a locomotive with a pointed nose and a dark windscreen, then a coach, on a track whose sleepers stick
// out on both sides (the map symbol of a railway: a line with cross ticks). One long box alone read as a phone.
const locomotive = [[0.37, 0.13], [0.44, 0.04], [0.56, 0.04], [0.63, 0.13], [0.66, 0.22], [0.66, 0.49], [0.34, 0.49],
  [0.34, 0.22]];
const sleepers = [0.12, 0.31, 0.50, 0.69, 0.88].map((y) => ({ poly: rect(0.17, y - 0.03, 0.83, y + 0.03), dark: true, bare: true }));
const train = [
  ...sleepers,
  { poly: locomotive },
  { poly: [[0.39, 0.15], [0.61, 0.15], [0.63, 0.25], [0.37, 0.25]], dark: true },  // windscreen
  { poly: rect(0.34, 0.55, 0.66, 0.97) },
];
// The car (the last 170 km to Hanoi): a body with four wheels outside it, a wide windscreen and a rear window.
const car = [
  { poly: rect(0.25, 0.20, 0.33, 0.34), dark: true }, { poly: rect(0.67, 0.20, 0.75, 0.34), dark: true },
  { poly: rect(0.25, 0.64, 0.33, 0.78), dark: true }, { poly: rect(0.67, 0.64, 0.75, 0.78), dark: true },
  { poly: [[0.40, 0.08], [0.60, 0.08], [0.68, 0.15], [0.68, 0.86], [0.61, 0.93], [0.39, 0.93], [0.32, 0.86],
    [0.32, 0.15]] },
  { poly: [[0.36, 0.30], [0.64, 0.30], [0.61, 0.44], [0.39, 0.44]], dark: true },
  { poly: [[0.39, 0.74], [0.61, 0.74], [0.63, 0.83], [0.37, 0.83]], dark: true },
];

function inside(poly, x, y) {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i], [xj, yj] = poly[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

// Distance from (x, y) to the polygon's outline, for the outline ring.
function edgeDistance(poly, x, y) {
  let best = Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [ax, ay] = poly[j], [bx, by] = poly[i];
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

// parts: drawn in order, later ones on top; each white (or `dark`: the outline's colour), and every part gets a
// dark ring outside it (unless `bare`) so the icon reads on the red or blue disc under it and on any map.
function draw(name, parts, fill = [255, 255, 255], outline = [30, 30, 30]) {
  const png = new PNG({ width: SIZE, height: SIZE });
  const ring = 5 / SIZE;  // outline width: 0.6 px at 16 px, enough to part the cars
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / SIZE, y = (py + (sy + 0.5) / SS) / SIZE;
          let c = null;
          for (const part of parts) if (inside(part.poly, x, y)) c = part.dark ? outline : fill;
          if (!c && parts.some((part) => !part.bare && edgeDistance(part.poly, x, y) < ring)) c = outline;
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 255; }
        }
      }
      const n = SS * SS, i = (py * SIZE + px) * 4;
      // Premultiplied sums back to straight alpha.
      png.data[i] = a ? Math.round((r / a) * 255) : 0;
      png.data[i + 1] = a ? Math.round((g / a) * 255) : 0;
      png.data[i + 2] = a ? Math.round((b / a) * 255) : 0;
      png.data[i + 3] = Math.round(a / n);
    }
  }
  const out = new URL(`../assets/icons/${name}.png`, import.meta.url);
  // Grey and alpha only (white and a neutral dark): half the bytes of RGBA (7.0 -> 4.5 KB gzip for the three).
  fs.writeFileSync(out, PNG.sync.write(png, { colorType: 4, inputColorType: 6, deflateLevel: 9 }));
  console.log(`assets/icons/${name}.png: ${fs.statSync(out).size} bytes`);
}

draw('plane', [{ poly: plane }]);
draw('train', train);
draw('car', car);
