/**
 * Benchmark of @mgraph/electrochem on DESIGN.md's inputs: a 2048x2048 map of ~3,000
 * random overlapping discs (radius 6-20 px) and a 256^3 map of ~6,000 balls (radius
 * 4-10), seeded, each object with its own Ni K-edge energies; plus findPeaks on a long
 * signal and edgeEnergyMap on a 63-energy stack. Prints JSON; asserts nothing.
 *
 * Run: npm run bench (from packages/electrochem)
 */
import { createRng } from '@mgraph/core';
import ndarray from 'ndarray';
import { edgeEnergyMap, electrochemicalDescriptors, findPeaks } from '../src/index.js';
import { forEachInBall } from '../test/helpers.js';

function objects(shape: number[], count: number, rMin: number, rMax: number, seed: number) {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  const labels = new Int32Array(size);
  const energy = new Float32Array(size).fill(Number.NaN);
  for (let label = 1; label <= count; label++) {
    const r = rng.uniform(rMin, rMax);
    const c = shape.map((s) => rng.uniform(0, s));
    const s0 = rng.uniform(8341, 8347);
    const d = rng.random() < 0.7 ? rng.uniform(0.8, 3) : 0;
    forEachInBall(shape, c, r, (flat, dist) => {
      labels[flat] = label;
      energy[flat] = s0 + (dist < 0.8 * r ? -d / 2 : d / 2) + rng.normal(0, 0.15);
    });
  }
  return { labels: ndarray(labels, shape), energy: ndarray(energy, shape) };
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, (performance.now() - t0) / 1000];
}

const results: Record<string, unknown> = {};

for (const [name, shape, count, rMin, rMax] of [
  ['2d_2048', [2048, 2048], 3000, 6, 20],
  ['3d_256', [256, 256, 256], 6000, 4, 10],
] as const) {
  const { labels, energy } = objects([...shape], count, rMin, rMax, 2026);
  const [d, seconds] = time(() => electrochemicalDescriptors(energy, labels));
  results[`electrochemicalDescriptors_${name}`] = {
    seconds: Number(seconds.toFixed(3)),
    particles: d.length,
    valid: d.filter((p) => p.valid).length,
  };
}

{
  const rng = createRng(7);
  const x = Float64Array.from(
    { length: 1_000_000 },
    (_, i) => Math.sin(i / 50) + rng.normal(0, 0.3),
  );
  const [plain, s1] = time(() => findPeaks(x));
  const [all, s2] = time(() =>
    findPeaks(x, {
      height: 0,
      threshold: 0,
      distance: 20,
      prominence: 0.5,
      width: 2,
      plateauSize: 1,
    }),
  );
  results.findPeaks_1e6 = {
    seconds_no_condition: Number(s1.toFixed(3)),
    peaks: plain.peaks.length,
    seconds_all_conditions: Number(s2.toFixed(3)),
    peaks_all_conditions: all.peaks.length,
  };
}

{
  const energies = [
    ...Array.from({ length: 6 }, (_, i) => 8210 + 20 * i),
    ...Array.from({ length: 51 }, (_, i) => 8320 + i),
    ...Array.from({ length: 6 }, (_, i) => 8400 + 60 * i),
  ];
  const rng = createRng(3);
  const n = 512 * 512;
  const e0 = Float64Array.from({ length: n }, () => rng.uniform(8340, 8348));
  const stack = new Float32Array(energies.length * n);
  energies.forEach((E, k) => {
    for (let p = 0; p < n; p++) {
      stack[k * n + p] = 0.1 + 0.5 + Math.atan((E - e0[p]!) / 1.5) / Math.PI + rng.normal(0, 0.01);
    }
  });
  const st = ndarray(stack, [energies.length, 512, 512]);
  const [half, s1] = time(() => edgeEnergyMap(st, energies));
  const [, s2] = time(() => edgeEnergyMap(st, energies, { method: 'maxDerivative' }));
  let se = 0;
  for (let p = 0; p < n; p++) se += (half.edge.data[p]! - e0[p]!) ** 2;
  results.edgeEnergyMap_63x512x512 = {
    seconds_halfHeight: Number(s1.toFixed(3)),
    seconds_maxDerivative: Number(s2.toFixed(3)),
    rms_eV_halfHeight: Number(Math.sqrt(se / n).toFixed(4)),
  };
}

console.log(JSON.stringify(results, null, 2));
