/**
 * How the watershed's time per masked voxel grows with the volume: the 256^3 benchmark input
 * (6,000 spheres of radius 4-10) scaled down to 128^3 and 64^3 at the same density, each
 * flooded from its peak markers as in the benchmark. Prints JSON: median wall ms of three
 * (ten below 256^3) floods and ns per masked voxel. Never asserts timings.
 *
 * Run: npx tsx bench/flood-scaling.ts
 */
import ndarray from 'ndarray';
import { distanceTransformEdt, label, peakLocalMax, watershed } from '../src/index.js';
import { balls } from './balls.js';

const rows = [];
for (const n of [64, 128, 256]) {
  const mask = balls([n, n, n], Math.round(6000 * (n / 256) ** 3), 4, 10, 2);
  const edt = distanceTransformEdt(mask);
  const lab = label(mask);
  const peaks = peakLocalMax(edt, { minDistance: 5, labels: lab.labels, excludeBorder: false });
  const seeds = new Uint8Array(mask.size);
  for (const [z, y, x] of peaks) seeds[(z! * n + y!) * n + x!] = 1;
  const markers = label(ndarray(seeds, mask.shape)).labels;
  const neg = ndarray(
    edt.data.map((v) => -v),
    mask.shape,
  );
  let inMask = 0;
  for (const v of mask.data) inMask += v;
  const times: number[] = [];
  for (let i = 0; i < (n === 256 ? 3 : 10); i++) {
    const t0 = performance.now();
    watershed(neg, markers, { mask });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = times[times.length >> 1]!;
  rows.push({
    shape: [n, n, n],
    maskedVoxels: inMask,
    ms: +ms.toFixed(1),
    nsPerVoxel: Math.round((ms * 1e6) / inMask),
  });
}
console.log(
  JSON.stringify(
    { bench: 'watershed time per masked voxel', node: process.version, rows },
    null,
    2,
  ),
);
