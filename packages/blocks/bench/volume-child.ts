// One measured step of bench/volume.ts in its own process (its peak RSS is the step's,
// worker threads included):
//   make DIR SIDE CHUNK            generate the SIDE^3 phase map chunk by chunk into
//                                  DIR/phases (Zarr v3, uncompressed)
//   blocks DIR BLOCK WORKERS       analyzeVolumeBlockwise on WORKERS (bench-executor.ts: 0 the
//                                  calling thread alone, N a pool of N threads, bullmq:N N
//                                  `mgraph worker` processes on a throwaway redis-server)
//   graph DIR BLOCK WORKERS        segmentVolumeBlockwise (instances + graph) on WORKERS
//   whole DIR                      readZarr of the whole map + @mgraph/morphology's functions
// prints one JSON line: seconds, peak RSS (MiB) and, for the analyses, a digest of the figures.
import { createHash } from 'node:crypto';
import { CATHODE_SCHEME, type PhaseMap } from '@mgraph/core';
import { readZarr, ZarrDirectoryStore } from '@mgraph/io/node';
import {
  interfacialAreas,
  phaseConnectivity,
  specificSurfaceArea,
  triplePhaseBoundaryDensity,
  volumeFractions,
} from '@mgraph/morphology';
import * as zarr from 'zarrita';
import { analyzeVolumeBlockwise, segmentVolumeBlockwise } from '../src/node.js';
import { benchExecutor } from './bench-executor.js';
import { type GenerateInput, generate } from './generate-chunk.js';

const [mode, dir, a, b] = process.argv.slice(2) as [string, string, string, string];
const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** CPU seconds of the process (user + system, all threads): the figure the load average does not inflate. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const digest = (figures: object) =>
  createHash('sha256').update(JSON.stringify(figures)).digest('hex').slice(0, 16);
const SEED = 19;

/** One generate input per chunk of a SIDE^3 volume. */
function generateTasks(side: number, chunk: number): { input: GenerateInput }[] {
  const tasks: { input: GenerateInput }[] = [];
  const grid = side / chunk;
  for (let z = 0; z < grid; z++)
    for (let y = 0; y < grid; y++)
      for (let x = 0; x < grid; x++) {
        const start = [z * chunk, y * chunk, x * chunk];
        tasks.push({ input: { dir, start, stop: start.map((s) => s + chunk), seed: SEED } });
      }
  return tasks;
}

if (mode === 'make') {
  const side = Number(a);
  const chunk = Number(b);
  const shape = [side, side, side];
  const t0 = performance.now();
  await zarr.create(zarr.root(new ZarrDirectoryStore(dir)).resolve('phases'), {
    shape,
    chunkShape: [chunk, chunk, chunk],
    dtype: 'uint8',
    // zarrita encodes no gzip: raw chunks (1 byte per voxel on disk)
    codecs: [{ name: 'bytes', configuration: { endian: 'little' } }],
  });
  // chunk by chunk in this thread (the pool cannot load a TypeScript task module from a
  // tsx-run caller here); one chunk in memory at a time
  const tasks = generateTasks(side, chunk);
  for (const t of tasks) await generate(t.input);
  console.log(
    JSON.stringify({
      seconds: (performance.now() - t0) / 1000,
      cpuSeconds: cpuSeconds(),
      peakRssMiB: peakMiB(),
      chunks: tasks.length,
    }),
  );
} else if (mode === 'blocks') {
  const block = Number(a);
  const { executor, workers, close } = await benchExecutor(
    b,
    import.meta.resolve('@mgraph/blocks/tasks'),
  );
  const t0 = performance.now();
  let tasksDone = t0;
  const result = await analyzeVolumeBlockwise(executor, {
    source: { store: dir, path: 'phases' },
    scheme: CATHODE_SCHEME,
    blockShape: [block, block, block],
    onProgress: () => {
      tasksDone = performance.now();
    },
  });
  const t1 = performance.now();
  const processes = await close();
  const { shape, blocks, ...figures } = result;
  console.log(
    JSON.stringify({
      seconds: (t1 - t0) / 1000,
      tasksSeconds: (tasksDone - t0) / 1000,
      mergeSeconds: (t1 - tasksDone) / 1000,
      threadSecondsPerBlock: (((tasksDone - t0) / 1000) * workers) / blocks,
      cpuSeconds: cpuSeconds(),
      peakRssMiB: peakMiB(),
      ...processes,
      blocks,
      digest: digest(figures),
      fractions: figures.volumeFractions.fractions,
      tpbDensity: figures.tpb?.density,
      tpbEdges: figures.tpb?.count,
      activeTpbEdges: figures.tpb?.active?.count,
      components: Object.fromEntries(
        Object.entries(figures.connectivity.phases).map(([k, v]) => [k, v.components]),
      ),
      percolatingAxis0: Object.fromEntries(
        Object.entries(figures.connectivity.phases).map(([k, v]) => [k, v.axes[0]!.percolating]),
      ),
    }),
  );
} else if (mode === 'graph') {
  // instances + contact graph (three passes) on a pool of WORKERS threads
  const block = Number(a);
  const { executor, close } = await benchExecutor(b, import.meta.resolve('@mgraph/blocks/tasks'));
  const passEnd: Record<string, number> = {};
  // CPU seconds of this process (its pool threads included, not BullMQ worker processes)
  // when each pass ended, counted from the run's start
  const passEndCpu: Record<string, number> = {};
  const t0 = performance.now();
  const cpu0 = cpuSeconds();
  const graph = await segmentVolumeBlockwise(executor, {
    source: { store: dir, path: 'phases' },
    output: `${dir}/out-${b.replace(':', '-')}`,
    scheme: CATHODE_SCHEME,
    blockShape: [block, block, block],
    onProgress: (p) => {
      passEnd[p.pass] = (performance.now() - t0) / 1000;
      passEndCpu[p.pass] = cpuSeconds() - cpu0;
    },
  });
  const t1 = performance.now();
  const processes = await close();
  console.log(
    JSON.stringify({
      seconds: (t1 - t0) / 1000,
      passEndSeconds: passEnd,
      passEndCpuSeconds: passEndCpu,
      cpuSeconds: cpuSeconds(),
      peakRssMiB: peakMiB(),
      ...processes,
      blocks: graph.blocks,
      instances: graph.count,
      edges: graph.edges.source.length / 2,
      graphDigest: digest({ count: graph.count, nodes: graph.nodes, edges: graph.edges }),
    }),
  );
} else if (mode === 'whole') {
  const t0 = performance.now();
  const image = await readZarr(dir, { path: 'phases' });
  const phases = image.data as PhaseMap;
  const tRead = performance.now();
  const { edges, active, ...total } = triplePhaseBoundaryDensity(phases, CATHODE_SCHEME);
  if (active === null) throw new Error('unexpected TPB result');
  const { edges: activeEdges, ...activeFigures } = active;
  const tpb = { ...total, active: activeFigures };
  const figures = {
    volumeFractions: volumeFractions(phases, CATHODE_SCHEME),
    surfaceAreas: specificSurfaceArea(phases, CATHODE_SCHEME),
    interfacialAreas: interfacialAreas(phases, CATHODE_SCHEME),
    tpb,
    connectivity: phaseConnectivity(phases, CATHODE_SCHEME),
  };
  const t1 = performance.now();
  if (edges.axes.length !== 3 || activeEdges.axes.length !== 3) {
    throw new Error('unexpected TPB result');
  }
  console.log(
    JSON.stringify({
      seconds: (t1 - t0) / 1000,
      readSeconds: (tRead - t0) / 1000,
      cpuSeconds: cpuSeconds(),
      peakRssMiB: peakMiB(),
      digest: digest(figures),
    }),
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}
