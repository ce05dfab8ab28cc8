/**
 * @mgraph/watershed: split two touching discs with the distance map and a marker
 * watershed, then let `splitTouching` (with the paper's convexity refinement) do it in one
 * call; measure the pieces with `regionProps`.
 *
 * Run: npx tsx examples/watershed-basics.ts
 */
import {
  distanceTransformEdt,
  label,
  peakLocalMax,
  regionProps,
  splitTouching,
  watershed,
} from '@mgraph/watershed';
import ndarray from 'ndarray';

const rows = 40;
const cols = 60;
const mask = ndarray(new Uint8Array(rows * cols), [rows, cols]);
for (const [cy, cx, r] of [
  [20, 20, 12],
  [20, 40, 11],
])
  for (let y = 0; y < rows; y++)
    for (let x = 0; x < cols; x++) if ((y - cy) ** 2 + (x - cx) ** 2 <= r * r) mask.set(y, x, 1);

console.log('connected components:', label(mask).count); // the two discs touch: 1

const distance = distanceTransformEdt(mask);
const peaks = peakLocalMax(distance, { minDistance: 5, labels: label(mask).labels });
console.log('markers (row, col):', peaks.map((p) => `(${p.join(', ')})`).join(' '));

const markers = ndarray(new Int32Array(rows * cols), [rows, cols]);
for (const [i, [y, x]] of peaks.entries()) markers.set(y, x, i + 1);
const negated = ndarray(
  distance.data.map((d) => -d),
  [rows, cols],
);
const pieces = watershed(negated, markers, { mask });
console.log('watershed pieces:', new Set(pieces.data).size - 1);

const split = splitTouching(mask);
console.log('splitTouching:', split.count, 'particles after', split.iterations, 'pass(es)');
for (const r of regionProps(split.labels))
  console.log(`  particle ${r.label}: area ${r.area} px, solidity ${r.solidity.toFixed(3)}`);
