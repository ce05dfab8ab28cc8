// Volumes at scale: a synthetic three-phase cathode (SSE matrix, NMC balls overlapping into
// clusters, graphite balls) of n^3 voxels through instances (instanceSegmentation), the graph
// (buildGraph with spacing and unit) and @mgraph/morphology's volume fractions, face-counted
// areas, TPB density and phase connectivity; per step: wall seconds, CPU seconds and the
// process's peak RSS so far. Each size runs in its own process (peak RSS is per process).
// With --reference (512^3 only), the NMC mask is also written to a temporary file and the
// watershed steps are timed on it here (distanceTransformEdt, label, peakLocalMax,
// watershed) and by scipy 1.10 / scikit-image 0.19 (volume-scale-reference.py), in the same
// run. Prints one JSON line per size.
//
//   flock /tmp/bigmem.lock npx tsx examples/bench/volume-scale.ts --sizes 512,1024 \
//     --reference --split-up-to 512
//
// --split-up-to N: above N^3, the NMC phase is cut into connected components instead of the
// convexity-refined watershed. --rss-every S: print RSS and peak RSS every S seconds (stderr),
// and every step as it ends, so that a run stopped early still reports how far it got.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CATHODE_SCHEME, createRng } from '@mgraph/core';
import { buildGraph } from '@mgraph/graph';
import {
  interfacialAreas,
  phaseConnectivity,
  specificSurfaceArea,
  triplePhaseBoundaryDensity,
  volumeFractions,
} from '@mgraph/morphology';
import {
  distanceTransformEdt,
  instanceSegmentation,
  label,
  peakLocalMax,
  peaksToMarkers,
  watershed,
} from '@mgraph/watershed';
import ndarray from 'ndarray';

const SPACING = [0.398, 0.398, 0.398];
const UNIT = 'um';
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};

/** NMC balls (radius 6-12 voxels, 30% of the volume before overlaps) and graphite balls
 * (radius 4-8, 8%) at seeded random centres in an SSE matrix. */
function syntheticCathode(n: number): Uint8Array {
  const phases = new Uint8Array(n * n * n).fill(1);
  const rng = createRng(17);
  const paint = (code: number, fraction: number, rMin: number, rMax: number) => {
    let painted = 0;
    while (painted < fraction * phases.length) {
      const r = Math.round(rng.uniform(rMin, rMax));
      const [z, y, x] = [0, 0, 0].map(() => rng.integer(0, n));
      for (let dz = -r; dz <= r; dz++) {
        const zz = z! + dz;
        if (zz < 0 || zz >= n) continue;
        for (let dy = -r; dy <= r; dy++) {
          const yy = y! + dy;
          if (yy < 0 || yy >= n) continue;
          const base = (zz * n + yy) * n;
          for (let dx = -r; dx <= r; dx++) {
            const xx = x! + dx;
            if (xx < 0 || xx >= n || dz * dz + dy * dy + dx * dx > r * r) continue;
            if (phases[base + xx] !== code) painted++;
            phases[base + xx] = code;
          }
        }
      }
    }
  };
  paint(2, 0.3, 6, 12);
  paint(3, 0.08, 4, 8);
  return phases;
}

function timed<T>(steps: Record<string, unknown>[], name: string, run: () => T): T {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = run();
  const cpu = process.cpuUsage(cpu0);
  const step = {
    step: name,
    seconds: +((performance.now() - t0) / 1000).toFixed(2),
    cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    peakRssGiB: +(process.resourceUsage().maxRSS / 2 ** 20).toFixed(2),
  };
  steps.push(step);
  process.stderr.write(`${JSON.stringify(step)}\n`); // as it happens, for runs stopped early
  return out;
}

/**
 * Every `seconds`, a worker thread prints the process's RSS and peak RSS to stderr (one JSON
 * line), even while the main thread is busy in a long synchronous step: a run stopped before
 * its end still shows how far it got and its memory so far.
 */
function logRss(n: number, seconds: number): Worker {
  // fs.writeSync on fd 2: a worker's process.stderr goes through the (busy) main thread
  const code = `
    const { writeSync } = require('node:fs');
    const t0 = Date.now();
    setInterval(() => {
      const g = (b) => +(b / 2 ** 30).toFixed(2);
      writeSync(2, JSON.stringify({ size: ${n}, seconds: Math.round((Date.now() - t0) / 1000),
        rssGiB: g(process.memoryUsage.rss()), peakRssGiB: g(process.resourceUsage().maxRSS * 1024) }) + '\\n');
    }, ${seconds * 1000});`;
  const worker = new Worker(code, { eval: true });
  worker.unref();
  return worker;
}

function runSize(n: number): void {
  const steps: Record<string, unknown>[] = [];
  const every = Number(value('--rss-every', '0'));
  const sampler = every > 0 ? logRss(n, every) : undefined;
  const shape = [n, n, n];
  const phases = timed(steps, 'generate', () => syntheticCathode(n));
  const map = ndarray(phases, shape);
  const split = n <= Number(value('--split-up-to', 'Infinity'));
  // peak RSS after each object phase (split phases run first: nmc, then sse and graphite)
  const phaseSteps: Record<string, unknown>[] = [];
  const t0 = performance.now();
  const instances = timed(
    steps,
    split ? 'instanceSegmentation' : 'instanceSegmentation (no split)',
    () =>
      instanceSegmentation(map, {
        scheme: CATHODE_SCHEME,
        ...(split ? {} : { split: [] }),
        onProgress: (done) => {
          const phase = {
            phasesDone: done,
            seconds: +((performance.now() - t0) / 1000).toFixed(2),
            peakRssGiB: +(process.resourceUsage().maxRSS / 2 ** 20).toFixed(2),
          };
          phaseSteps.push(phase);
          process.stderr.write(`${JSON.stringify(phase)}\n`);
        },
      }),
  );
  steps.push({ step: 'instanceSegmentation by phase', phases: phaseSteps });
  const graph = timed(steps, 'buildGraph', () =>
    buildGraph(instances.labels, {
      scheme: CATHODE_SCHEME,
      phaseOfLabel: instances.phaseOfLabel,
      spacing: SPACING,
      unit: UNIT,
    }),
  );
  const units = { spacing: SPACING, unit: UNIT };
  const fractions = timed(steps, 'volumeFractions', () =>
    volumeFractions(map, CATHODE_SCHEME, units),
  );
  const ssa = timed(steps, 'specificSurfaceArea', () =>
    specificSurfaceArea(map, CATHODE_SCHEME, units),
  );
  timed(steps, 'interfacialAreas', () => interfacialAreas(map, CATHODE_SCHEME, units));
  const tpb = timed(steps, 'triplePhaseBoundaryDensity', () =>
    triplePhaseBoundaryDensity(map, CATHODE_SCHEME, units),
  );
  timed(steps, 'phaseConnectivity', () => phaseConnectivity(map, CATHODE_SCHEME, units));
  const reference = n === 512 && flag('--reference') ? referenceSteps(phases, shape) : undefined;
  void sampler?.terminate();
  console.log(
    JSON.stringify(
      {
        shape,
        voxels: phases.length,
        objects: instances.countByPhase,
        graph: { nodes: graph.order, edges: graph.size },
        fractions: fractions.fractions,
        specificSurfaceArea: ssa.specificArea,
        tpb: {
          count: tpb.count,
          length: tpb.length,
          density: tpb.density,
        },
        steps,
        ...(reference === undefined ? {} : { reference }),
      },
      (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? +v.toPrecision(6) : v),
    ),
  );
}

/** The watershed steps on the NMC mask: here, and by scipy / scikit-image on the same mask. */
function referenceSteps(phases: Uint8Array, shape: number[]) {
  const mask = new Uint8Array(phases.length);
  for (let i = 0; i < mask.length; i++) mask[i] = phases[i] === 2 ? 1 : 0;
  const dir = mkdtempSync(join(tmpdir(), 'mgraph-volume-scale-'));
  try {
    const file = join(dir, 'nmc-mask.u8');
    writeFileSync(file, mask);
    const ours: Record<string, number> = {};
    const clock = <T>(name: string, run: () => T): T => {
      const cpu0 = process.cpuUsage();
      const out = run();
      const cpu = process.cpuUsage(cpu0);
      ours[name] = +((cpu.user + cpu.system) / 1e6).toFixed(2);
      return out;
    };
    const m = ndarray(mask, shape);
    const edt = clock('distance_transform_edt', () => distanceTransformEdt(m));
    const components = clock('label', () => label(m));
    const peaks = clock('peak_local_max', () =>
      peakLocalMax(edt, { minDistance: 5, labels: components.labels, excludeBorder: false }),
    );
    const relief = ndarray(Float64Array.from(edt.data), shape);
    for (let i = 0; i < relief.data.length; i++) relief.data[i] = -relief.data[i]!;
    const markers = peaksToMarkers(peaks, shape);
    const ws = clock('watershed', () => watershed(relief, markers, { mask: m }));
    let regions = 0;
    for (let i = 0; i < ws.data.length; i++) if (ws.data[i]! > regions) regions = ws.data[i]!;
    const script = fileURLToPath(new URL('volume-scale-reference.py', import.meta.url));
    const py = spawnSync('/usr/bin/python3', [script, file, shape.join(',')], { encoding: 'utf8' });
    if (py.status !== 0) throw new Error(`volume-scale-reference.py failed: ${py.stderr}`);
    return {
      note: 'CPU seconds on the NMC mask, same machine, same run',
      mgraph: { ...ours, peaks: peaks.length, regions },
      scipySkimage: JSON.parse(py.stdout),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const child = value('--child', '');
if (child !== '') runSize(Number(child));
else {
  for (const n of value('--sizes', '512').split(',').map(Number)) {
    const run = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), ...args, '--child', String(n)],
      { stdio: 'inherit' },
    );
    if (run.status !== 0) {
      console.log(JSON.stringify({ shape: [n, n, n], failed: run.status ?? run.signal }));
    }
  }
}
