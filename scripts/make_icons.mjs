// Regenerates assets/icons/{train,plane,car}.png: the vehicle icons that move along the routes, drawn from
// polygons below (our own drawings), 4x4 supersampled, white with a dark outline so they read on land and sea.
// Both point up (north); the app turns them to the heading. Run: node scripts/make_icons.mjs
import fs from 'node:fs';
import { PNG } from 'pngjs';

const SIZE = 64;
const SS = 4;  // supersampling per axis

// Shapes in a 0..1 square, y down, pointing up.
const plane = [[0.5, 0.05], [0.58, 0.13], [0.58, 0.37], [0.93, 0.57], [0.93, 0.67], [0.58, 0.56], [0.57, 0.79],
  [0.70, 0.88], [0.70, 0.95], [0.5, 0.90], [0.30, 0.95], [0.30, 0.88], [0.43, 0.79], [0.42, 0.56], [0.07, 0.67],
  [0.07, 0.57], [0.42, 0.37], [0.42, 0.13]];
const train = [[0.30, 0.10], [0.36, 0.05], [0.64, 0.05], [0.70, 0.10], [0.72, 0.92], [0.66, 0.96], [0.34, 0.96],
  [0.28, 0.92]];
const trainWindow = [[0.37, 0.13], [0.63, 0.13], [0.64, 0.30], [0.36, 0.30]];
// The car (the last 170 km to Hanoi): shorter than the train, with wing mirrors, windscreen and rear window.
const car = [[0.40, 0.14], [0.60, 0.14], [0.67, 0.20], [0.67, 0.36], [0.75, 0.37], [0.75, 0.43], [0.67, 0.43],
  [0.67, 0.84], [0.60, 0.90], [0.40, 0.90], [0.33, 0.84], [0.33, 0.43], [0.25, 0.43], [0.25, 0.37], [0.33, 0.36],
  [0.33, 0.20]];
const carWindows = [[[0.38, 0.31], [0.62, 0.31], [0.60, 0.45], [0.40, 0.45]],
  [[0.40, 0.70], [0.60, 0.70], [0.62, 0.79], [0.38, 0.79]]];

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

function draw(name, body, holes = [], fill = [255, 255, 255], outline = [28, 28, 36]) {
  const png = new PNG({ width: SIZE, height: SIZE });
  const ring = 2.5 / SIZE;  // outline width
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / SIZE, y = (py + (sy + 0.5) / SS) / SIZE;
          const inBody = inside(body, x, y);
          const nearEdge = edgeDistance(body, x, y) < ring;
          const inHole = holes.some((h) => inside(h, x, y));
          if (inBody || nearEdge) {
            const c = !inBody || inHole ? outline : fill;  // the outline sits outside the body
            r += c[0]; g += c[1]; b += c[2]; a += 255;
          }
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
  fs.writeFileSync(out, PNG.sync.write(png, { colorType: 6 }));
  console.log(`assets/icons/${name}.png: ${fs.statSync(out).size} bytes`);
}

draw('plane', plane);
draw('train', train, [trainWindow]);
draw('car', car, carWindows);
