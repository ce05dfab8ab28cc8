/**
 * Where the shipped U-Net goes wrong: runs it on fresh phantom composites (seeds 900001..,
 * never used in training) and prints JSON with the mIoU, the share of wrong pixels that lie
 * on a phase boundary (a 4-neighbour of another phase) or within 1 / 2 pixels of one, and the
 * mIoU the same predictions would reach if every error off the boundaries were fixed.
 *
 *   npx tsx scripts/boundary-errors.ts [count=4] [size=512]
 *
 * Needs the built @mgraph/phantom and onnxruntime-node.
 */
import { generateComposite } from '@mgraph/phantom';
import { loadUNet, meanIoU } from '../src/node.js';

/** Chessboard distance (in pixels, capped at 3) of every pixel to a boundary pixel. */
function boundaryDistance(phases: Uint8Array, n: number): Uint8Array {
  const d = new Uint8Array(n * n).fill(3);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const p = phases[y * n + x];
      const differs =
        (x > 0 && phases[y * n + x - 1] !== p) ||
        (x < n - 1 && phases[y * n + x + 1] !== p) ||
        (y > 0 && phases[(y - 1) * n + x] !== p) ||
        (y < n - 1 && phases[(y + 1) * n + x] !== p);
      if (differs) d[y * n + x] = 0;
    }
  }
  for (let pass = 1; pass <= 2; pass++) {
    const prev = d.slice();
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        if (prev[y * n + x] !== 3) continue;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const yy = y + dy;
            const xx = x + dx;
            if (yy >= 0 && yy < n && xx >= 0 && xx < n && prev[yy * n + xx] === pass - 1) {
              d[y * n + x] = pass;
            }
          }
        }
      }
    }
  }
  return d;
}

function mIoU(confusion: number[][]): number[] {
  return confusion.map((row, c) => {
    const tp = row[c]!;
    const fp = confusion.reduce((s, r) => s + r[c]!, 0) - tp;
    const fn = row.reduce((s, v) => s + v, 0) - tp;
    return tp / (tp + fp + fn);
  });
}

const count = Number(process.argv[2] ?? 4);
const size = Number(process.argv[3] ?? 512);
const model = await loadUNet();
const confusion = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
const interiorFixed = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
const wrongWithin = [0, 0, 0];
let wrong = 0;
let boundaryPixels = 0;
for (let i = 0; i < count; i++) {
  const c = generateComposite({ shape: [size, size], seed: 900001 + i });
  const { phases } = await model.segment(c.image);
  const truth = c.phases.data as Uint8Array;
  const predicted = phases.data as Uint8Array;
  meanIoU(c.phases, phases).confusion.forEach((row, a) => {
    row.forEach((v, b) => {
      confusion[a]![b]! += v;
    });
  });
  const d = boundaryDistance(truth, size);
  for (let p = 0; p < truth.length; p++) {
    if (d[p] === 0) boundaryPixels++;
    const t = truth[p]!;
    const q = predicted[p]!;
    interiorFixed[t]![d[p] === 0 ? q : t]!++;
    if (q === t) continue;
    wrong++;
    for (let k = 0; k < 3; k++) if (d[p]! <= k) wrongWithin[k]!++;
  }
}
const round = (x: number) => Number(x.toFixed(4));
const perClass = mIoU(confusion);
const fixed = mIoU(interiorFixed);
console.log(
  JSON.stringify(
    {
      images: count,
      size,
      mIoU: round(perClass.reduce((a, b) => a + b, 0) / 4),
      perClass: perClass.map(round),
      errorRate: round(wrong / (count * size * size)),
      boundaryPixelShare: round(boundaryPixels / (count * size * size)),
      errorsOnBoundary: round(wrongWithin[0]! / wrong),
      errorsWithin1px: round(wrongWithin[1]! / wrong),
      errorsWithin2px: round(wrongWithin[2]! / wrong),
      mIoUWithBoundaryErrorsOnly: round(fixed.reduce((a, b) => a + b, 0) / 4),
      perClassWithBoundaryErrorsOnly: fixed.map(round),
    },
    null,
    2,
  ),
);
