/**
 * Element-by-element comparison with scipy / scikit-image on the benchmark masks (the arrays
 * `scripts/reference-arrays.py` writes): distance map (max abs difference), labels, peak set,
 * and watershed labels for every connectivity, from the same markers. Prints one line per
 * mask.
 *
 * Run: npx tsx bench/compare-reference.ts /tmp/wsb
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ndarray from 'ndarray';
import { distanceTransformEdt, label, peakLocalMax, watershed } from '../src/index.js';

const dir = process.argv[2] ?? '/tmp/wsb';
const read = (name: string) => readFileSync(join(dir, name));
const int32 = (name: string) => new Int32Array(read(name).buffer.slice(0));
const differing = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
};

for (const [name, shape] of [
  ['2d', [2048, 2048]],
  ['3d', [256, 256, 256]],
] as const) {
  if (!existsSync(join(dir, `ws-${name}-c1.i32`))) continue;
  const mask = ndarray(new Uint8Array(read(`mask-${name}.u8`)), shape.slice());
  const edt = distanceTransformEdt(mask);
  const refEdt = new Float64Array(read(`edt-${name}.f64`).buffer.slice(0));
  let edtError = 0;
  for (let i = 0; i < refEdt.length; i++) {
    edtError = Math.max(edtError, Math.abs(refEdt[i]! - edt.data[i]!));
  }
  const lab = label(mask);
  const peaks = peakLocalMax(edt, { minDistance: 5, labels: lab.labels, excludeBorder: false });
  const refPeaks = int32(`peaks-${name}.i32`);
  const ours = new Set(peaks.map((c) => c.join(',')));
  const theirs = new Set<string>();
  for (let i = 0; i < refPeaks.length; i += shape.length) {
    theirs.add(Array.from(refPeaks.subarray(i, i + shape.length)).join(','));
  }
  const peakDiff =
    [...ours].filter((c) => !theirs.has(c)).length + [...theirs].filter((c) => !ours.has(c)).length;
  const markers = ndarray(int32(`markers-${name}.i32`), shape.slice());
  const neg = ndarray(
    edt.data.map((v) => -v),
    shape.slice(),
  );
  const floods = [];
  for (let c = 1; c <= shape.length; c++) {
    const ws = watershed(neg, markers, { mask, connectivity: c });
    floods.push(`connectivity ${c}: ${differing(ws.data, int32(`ws-${name}-c${c}.i32`))}`);
  }
  console.log(
    `${name}: EDT max |difference| ${edtError}; label: ${differing(lab.labels.data, int32(`label-${name}.i32`))} differing of ${mask.size}; peaks ${peaks.length} vs ${theirs.size}, ${peakDiff} not in both; watershed differing pixels, ${floods.join(', ')}`,
  );
}
