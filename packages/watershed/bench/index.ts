/**
 * Benchmark of @mgraph/watershed on DESIGN.md's inputs: a 2048x2048 mask of 3,000 random
 * overlapping discs (radius 6-20 px) and a 256^3 mask of 6,000 spheres (radius 4-10),
 * seeded. Prints JSON: seconds per step and peak resident memory. Never asserts timings.
 *
 * Run: npm run bench            (both inputs)
 *      npm run bench -- 2d      (one of them)
 * With MGRAPH_BENCH_DUMP=dir the masks are also written there (`mask-2d.u8`, `mask-3d.u8`,
 * raw row-major bytes) for `scripts/bench-reference.py`, which times scipy / scikit-image on
 * exactly these inputs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NdArray } from '@mgraph/core';
import ndarray from 'ndarray';
import {
  distanceTransformEdt,
  label,
  peakLocalMax,
  regionProps,
  splitTouching,
  watershed,
} from '../src/index.js';
import { balls } from './balls.js';

/**
 * CPU seconds (user + system, all threads of the process: V8 compiles and collects garbage on
 * helper threads) and wall-clock seconds of each step. The first call of each of the four
 * steps DESIGN.md has reference figures for pays for JIT compilation; it is reported in
 * `seconds` / `cpuSeconds`, and the median of three more calls in `secondsWarm` /
 * `cpuSecondsWarm` (steady state, as a library called in a loop sees it).
 */
const cpuSeconds: Record<string, Record<string, number>> = {};
const cpuSecondsWarm: Record<string, Record<string, number>> = {};
const secondsWarm: Record<string, Record<string, number>> = {};
let current = '';

function cpu<T>(f: () => T): [T, number, number] {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = f();
  const c = process.cpuUsage(c0);
  return [out, (c.user + c.system) / 1e6, (performance.now() - t0) / 1000];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function time<T>(step: string, f: () => T, warm = false): [T, number] {
  const [out, c, wall] = cpu(f);
  cpuSeconds[current] ??= {};
  cpuSeconds[current]![step] = c;
  if (warm) {
    const runs = [cpu(f), cpu(f), cpu(f)];
    cpuSecondsWarm[current] ??= {};
    cpuSecondsWarm[current]![step] = median(runs.map((r) => r[1]));
    secondsWarm[current] ??= {};
    secondsWarm[current]![step] = median(runs.map((r) => r[2]));
  }
  return [out, wall];
}

function run(name: string, mask: NdArray<Uint8Array>, withSplit: boolean) {
  const dump = process.env.MGRAPH_BENCH_DUMP;
  if (dump !== undefined) writeFileSync(join(dump, `mask-${mask.shape.length}d.u8`), mask.data);
  const seconds: Record<string, number> = {};
  current = name;
  const [edt, tEdt] = time('distanceTransformEdt', () => distanceTransformEdt(mask), true);
  seconds.distanceTransformEdt = tEdt;
  const [lab, tLab] = time('label', () => label(mask), true);
  seconds.label = tLab;
  const [peaks, tPeaks] = time(
    'peakLocalMax',
    () => peakLocalMax(edt, { minDistance: 5, labels: lab.labels, excludeBorder: false }),
    true,
  );
  seconds.peakLocalMax = tPeaks;
  const seeds = new Uint8Array(mask.size);
  const strides = mask.shape.map((_, d) => mask.shape.slice(d + 1).reduce((a, b) => a * b, 1));
  for (const c of peaks) seeds[c.reduce((s, x, d) => s + x * strides[d]!, 0)] = 1;
  const markers = label(ndarray(seeds, mask.shape)).labels;
  const neg = ndarray(
    edt.data.map((v) => -v),
    mask.shape,
  );
  const [ws, tWs] = time('watershed', () => watershed(neg, markers, { mask }), true);
  seconds.watershed = tWs;
  const [props, tProps] = time('regionProps', () => regionProps(ws));
  seconds.regionProps = tProps;
  const result: Record<string, unknown> = {
    input: name,
    shape: mask.shape,
    objects: lab.count,
    peaks: peaks.length,
    regions: props.length,
    seconds,
    secondsWarm: secondsWarm[name],
    cpuSeconds: cpuSeconds[name],
    cpuSecondsWarm: cpuSecondsWarm[name],
  };
  if (withSplit) {
    const [split, tSplit] = time('splitTouching', () => splitTouching(mask));
    seconds.splitTouching = tSplit;
    result.splitObjects = split.count;
    result.splitIterations = split.iterations;
  }
  return result;
}

const which = process.argv[2];
const results = [];
if (which === undefined || which === '2d') {
  results.push(run('2048^2, 3000 discs r 6-20', balls([2048, 2048], 3000, 6, 20, 1), true));
}
if (which === undefined || which === '3d') {
  results.push(run('256^3, 6000 spheres r 4-10', balls([256, 256, 256], 6000, 4, 10, 2), false));
}
console.log(
  JSON.stringify(
    {
      package: '@mgraph/watershed',
      node: process.version,
      results,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    },
    null,
    2,
  ),
);
