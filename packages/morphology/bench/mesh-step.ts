/**
 * One step of the marching-cubes bench, run in its own process so that its peak RSS is its
 * own: `tsx bench/mesh-step.ts <step> <dir> <n>` reads `<dir>/phases.u8` and
 * `<dir>/labels.i32` (n^3 voxels) and prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definePhaseScheme } from '@mgraph/core';
import { buildGraph } from '@mgraph/graph';
import ndarray from 'ndarray';
import {
  marchingCubesArea,
  marchingCubesAreas,
  particleContactAreas,
  particleSizes,
  particleSphericity,
} from '../src/index.js';

const [step, dir, size] = process.argv.slice(2) as [string, string, string];
const n = Number(size);
const shape = [n, n, n];
const scheme = definePhaseScheme({
  name: 'bench',
  phases: ['pore', 'p1', 'p2'],
  objects: ['p1', 'p2'],
});
const phases = () => {
  const b = readFileSync(join(dir, 'phases.u8'));
  return ndarray(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), shape);
};
const labels = () => {
  const b = readFileSync(join(dir, 'labels.i32'));
  return ndarray(new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4), shape);
};
const spacing = [0.5, 0.398, 0.398];
const opts = { spacing, unit: 'um' };

let result: Record<string, unknown> = {};
let seconds = 0;
let inputRss = 0;
const time = <T>(f: () => T): T => {
  inputRss = process.memoryUsage().rss;
  const t = performance.now();
  const out = f();
  seconds = (performance.now() - t) / 1000;
  return out;
};
if (step === 'marchingCubesAreas') {
  const p = phases();
  const r = time(() => marchingCubesAreas(p, scheme, opts));
  result = { areas: r.phases.map((x) => x.area) };
} else if (step === 'marchingCubesArea') {
  // the general (float) path on the pore indicator
  const p = phases().data;
  const ind = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++) ind[i] = p[i] === 0 ? 1 : 0;
  const r = time(() => marchingCubesArea(ndarray(ind, shape), opts));
  result = { area: r.area };
} else if (step === 'particleSizes') {
  const l = labels();
  const r = time(() => particleSizes(l, opts));
  result = { particles: r.particles.length };
} else if (step === 'particleSphericity') {
  const l = labels();
  const r = time(() => particleSphericity(l, opts));
  result = { particles: r.particles.length };
} else if (step === 'particleContactAreas') {
  const p = phases();
  const l = labels();
  const t = performance.now();
  const g = buildGraph(l, { scheme, phases: p });
  const graphSeconds = (performance.now() - t) / 1000;
  const out = time(() => particleContactAreas(g, p, l, opts));
  result = {
    graphSeconds,
    edges: out.size,
    edgesWithoutContact: out.getAttribute('edges_without_contact' as 'scheme'),
  };
} else throw new Error(`unknown step ${step}`);
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(
  JSON.stringify({
    step,
    seconds,
    peakRssMiB: Math.round(peakRss / 2 ** 20),
    inputRssMiB: Math.round(inputRss / 2 ** 20),
    bytesPerVoxelAboveInput: Number(((peakRss - inputRss) / n ** 3).toFixed(2)),
    ...result,
  }),
);
