/**
 * Benchmark of @mgraph/graph on DESIGN.md's inputs: a 2048x2048 mask of 3,000 random
 * overlapping discs (radius 6-20 px, seed 1) and a 256^3 mask of 6,000 spheres (radius 4-10,
 * seed 2), drawn exactly as @mgraph/watershed's benchmark draws them. Labels: a fixed
 * synthetic partition of the mask (each mask pixel goes to the covering disc whose centre is
 * nearest relative to its radius, a seeded power-Voronoi split of the discs), so that the
 * benchmark needs no watershed. Phases: each label drawn sse / nmc / graphite (0.3 / 0.5 /
 * 0.2) from a seeded generator. Prints JSON: wall-clock and CPU seconds per step (CPU time
 * is what to compare on a loaded machine) and peak resident memory. Never asserts timings.
 *
 * With `--watershed`, the labels are instead a marker watershed of the mask as in
 * @mgraph/watershed's benchmark (`distanceTransformEdt`, `peakLocalMax(minDistance 5)`,
 * `watershed(-edt, markers, { mask })`; a devDependency used by this script only).
 *
 * Run: npm run bench                 (both inputs)
 *      npm run bench -- 2d           (one of them)
 *      npm run bench -- --watershed  (watershed labels)
 *      npm run bench -- 3d --write D (also write D/labels-3d.npy and D/counts-3d.npy for
 *                                     scripts/reference-adjacency.py)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATHODE_SCHEME, createRng, type NdArray } from '@mgraph/core';
import ndarray from 'ndarray';
import {
  adjacencyCounts,
  buildGraph,
  concurrentChannels,
  encodeNpy,
  graphToGEXF,
  graphToGraphML,
  graphToJSON,
  neighborPhaseCounts,
  toHeteroData,
  triplePhaseBoundaries,
} from '../src/index.js';

/** Mask of random discs / spheres and its power-Voronoi partition (label = disc index + 1). */
function discs(shape: number[], count: number, rmin: number, rmax: number, seed: number) {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  const labels = new Int32Array(size);
  const best = new Float32Array(size).fill(Number.POSITIVE_INFINITY);
  const s3 = shape.length === 3 ? shape : [1, ...shape];
  const [, nr, nc] = s3 as [number, number, number];
  const flat = shape.length === 2;
  for (let k = 0; k < count; k++) {
    const r = rng.uniform(rmin, rmax);
    const c = s3.map((s, d) => (flat && d === 0 ? 0 : rng.uniform(0, s)));
    const lo = c.map((x, d) => (flat && d === 0 ? 0 : Math.max(0, Math.ceil(x - r))));
    const hi = c.map((x, d) => (flat && d === 0 ? 0 : Math.min(s3[d]! - 1, Math.floor(x + r))));
    for (let z = lo[0]!; z <= hi[0]!; z++) {
      for (let y = lo[1]!; y <= hi[1]!; y++) {
        for (let x = lo[2]!; x <= hi[2]!; x++) {
          const d2 = (z - c[0]!) ** 2 + (y - c[1]!) ** 2 + (x - c[2]!) ** 2;
          if (d2 > r * r) continue;
          const i = (z * nr + y) * nc + x;
          const rel = d2 / (r * r);
          if (rel < best[i]!) {
            best[i] = rel;
            labels[i] = k + 1;
          }
        }
      }
    }
  }
  return ndarray(labels, shape);
}

/** CPU seconds (user + system) of this process, for figures that machine load does not skew. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Run `f`, recording wall-clock and CPU seconds under `name`. */
/** Labels of a marker watershed of the discs' mask (@mgraph/watershed, loaded on demand). */
async function watershedLabels(partition: NdArray<Int32Array>): Promise<NdArray<Int32Array>> {
  const { distanceTransformEdt, label, peakLocalMax, watershed } = await import(
    '@mgraph/watershed'
  );
  const mask = ndarray(
    Uint8Array.from(partition.data, (v) => (v > 0 ? 1 : 0)),
    partition.shape,
  );
  const edt = distanceTransformEdt(mask);
  const peaks = peakLocalMax(edt, {
    minDistance: 5,
    labels: label(mask).labels,
    excludeBorder: false,
  });
  const seeds = new Uint8Array(mask.size);
  const strides = mask.shape.map((_, d) => mask.shape.slice(d + 1).reduce((a, b) => a * b, 1));
  for (const c of peaks) seeds[c.reduce((sum, x, d) => sum + x * strides[d]!, 0)] = 1;
  const markers = label(ndarray(seeds, mask.shape)).labels;
  const negated = ndarray(
    Float64Array.from(edt.data, (v) => -v),
    mask.shape,
  );
  return watershed(negated, markers, { mask }) as NdArray<Int32Array>;
}

function time<T>(name: string, f: () => T): T {
  const t0 = performance.now();
  const c0 = cpu();
  const out = f();
  wall[name] = (performance.now() - t0) / 1000;
  cpuSeconds[name] = cpu() - c0;
  return out;
}

let wall: Record<string, number> = {};
let cpuSeconds: Record<string, number> = {};

function run(name: string, tag: string, labels: NdArray<Int32Array>, writeDir?: string) {
  wall = {};
  cpuSeconds = {};
  const counts = time('adjacencyCountsFirstCall', () => adjacencyCounts(labels));
  const repeats: [number, number][] = [];
  for (let i = 0; i < 3; i++) {
    time('adjacencyCounts', () => adjacencyCounts(labels));
    repeats.push([wall.adjacencyCounts!, cpuSeconds.adjacencyCounts!]);
  }
  wall.adjacencyCounts = Math.min(...repeats.map((r) => r[0]));
  cpuSeconds.adjacencyCounts = Math.min(...repeats.map((r) => r[1]));
  const rng = createRng(7);
  const phaseOfLabel = new Uint8Array(counts.maxLabel + 1);
  for (let l = 1; l <= counts.maxLabel; l++) {
    const u = rng.random();
    phaseOfLabel[l] = u < 0.3 ? 1 : u < 0.8 ? 2 : 3;
  }
  const graph = time('buildGraph', () =>
    buildGraph(labels, { phaseOfLabel, scheme: CATHODE_SCHEME }),
  );
  const tpb = time('triplePhaseBoundaries', () => triplePhaseBoundaries(graph));
  const channels = time('concurrentChannels', () => concurrentChannels(graph));
  time('neighborPhaseCounts', () => neighborPhaseCounts(graph));
  time('toHeteroData', () => toHeteroData(graph));
  time('graphToJSON', () => graphToJSON(graph));
  time('graphToGraphML', () => graphToGraphML(graph));
  time('graphToGEXF', () => graphToGEXF(graph));
  if (writeDir) {
    mkdirSync(writeDir, { recursive: true });
    writeFileSync(
      join(writeDir, `labels-${tag}.npy`),
      encodeNpy({ data: labels.data, shape: labels.shape }),
    );
    const triples = new Int32Array(3 * counts.source.length);
    counts.source.forEach((a, i) => {
      triples.set([a, counts.target[i]!, counts.count[i]!], 3 * i);
    });
    writeFileSync(
      join(writeDir, `counts-${tag}.npy`),
      encodeNpy({ data: triples, shape: [counts.source.length, 3] }),
    );
  }
  return {
    input: name,
    shape: labels.shape,
    objects: graph.order,
    directedPairs: counts.source.length,
    edges: graph.size,
    triplePhaseBoundaries: tpb.triangles.length,
    concurrentPairs: channels.pairs.length,
    note: 'adjacencyCounts = best of 3 calls after the first',
    seconds: wall,
    cpuSeconds,
  };
}

const args = process.argv.slice(2);
const which = args.find((a) => a === '2d' || a === '3d');
const w = args.indexOf('--write');
const writeDir = w >= 0 ? args[w + 1] : undefined;
const useWatershed = args.includes('--watershed');
const kind = useWatershed ? 'watershed labels' : 'power-Voronoi labels';
const results = [];
for (const [tag, name, shape, count, rmin, rmax, seed] of [
  ['2d', '2048^2, 3000 discs r 6-20', [2048, 2048], 3000, 6, 20, 1],
  ['3d', '256^3, 6000 spheres r 4-10', [256, 256, 256], 6000, 4, 10, 2],
] as const) {
  if (which !== undefined && which !== tag) continue;
  const partition = discs([...shape], count, rmin, rmax, seed);
  const labels = useWatershed ? await watershedLabels(partition) : partition;
  results.push(run(`${name}, ${kind}`, tag, labels, writeDir));
}
console.log(
  JSON.stringify(
    {
      package: '@mgraph/graph',
      node: process.version,
      results,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    },
    null,
    2,
  ),
);
