/**
 * Benchmark of the block-wise volume analysis (issue 19): a SIDE^3 three-phase map generated
 * chunk by chunk into Zarr (bench/phantom-box.ts: seeded value noise, cathode codes; chunks
 * of 128^3, uncompressed) in one thread, then volume fractions + face-counting areas + TPB
 * density + phase connectivity by `analyzeVolumeBlockwise` in blocks of BLOCK^3 on
 * `@mgraph/executor`'s pool (2 threads) and in one thread (`inThreadExecutor`), and
 * `@mgraph/morphology` on the whole volume read into memory (the reference: same figures,
 * compared by digest). Each step in its own process: seconds and peak RSS (MiB, worker threads
 * included). On demand: `bullmq` (the same analysis through BullMQ with two `mgraph worker`
 * processes on a throwaway redis-server: build @mgraph/cli too), and instances + contact graph
 * by `segmentVolumeBlockwise` on the pool (`graph`), in one thread (`graph-thread`) and
 * through BullMQ (`graph-bullmq`). Prints JSON; never asserts timings.
 *
 * Run (builds first: the pool loads dist/tasks.js):
 *   npm run build -w @mgraph/blocks && npx tsx bench/volume.ts 512 256            (all steps)
 *   flock <lock> npx tsx bench/volume.ts 1024 256 pool                            (pool only)
 *   npx tsx bench/volume.ts 256 128 graph        (instances + graph: segmentVolumeBlockwise)
 *   npx tsx bench/volume.ts 256 128 pool bullmq  (pool of 2 threads vs BullMQ, 2 processes)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const [sideArg = '512', blockArg = '256', ...only] = process.argv.slice(2);
const steps = only.length > 0 ? only : ['pool', 'thread', 'whole'];
/** One step in its own process; its JSON line is also written to stderr as it ends. */
const child = (...args: string[]) => {
  const line = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(here, 'volume-child.ts'), ...args],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  )
    .trim()
    .split('\n')
    .pop()!;
  process.stderr.write(`${JSON.stringify({ step: args[0], workers: args[3] })} ${line}\n`);
  return JSON.parse(line);
};

const dir = mkdtempSync(join(tmpdir(), 'blocks-volume-bench-'));
try {
  const load = [loadavg()[0]];
  const make = child('make', dir, sideArg, '128');
  const runs: Record<string, Record<string, unknown>> = {};
  if (steps.includes('pool')) runs.pool2 = child('blocks', dir, blockArg, '2');
  if (steps.includes('thread')) runs.thread = child('blocks', dir, blockArg, '0');
  if (steps.includes('whole')) runs.whole = child('whole', dir);
  if (steps.includes('bullmq')) runs.bullmq2 = child('blocks', dir, blockArg, 'bullmq:2');
  if (steps.includes('graph')) runs.graphPool2 = child('graph', dir, blockArg, '2');
  if (steps.includes('graph-thread')) runs.graphThread = child('graph', dir, blockArg, '0');
  if (steps.includes('graph-bullmq')) runs.graphBullmq2 = child('graph', dir, blockArg, 'bullmq:2');
  load.push(loadavg()[0]);
  const digested = Object.values(runs).filter((r) => r.digest !== undefined);
  const digests = new Set(digested.map((r) => r.digest));
  const graphs = Object.values(runs).filter((r) => r.graphDigest !== undefined);
  const speedUp =
    runs.pool2 && runs.thread
      ? (runs.thread.seconds as number) / (runs.pool2.seconds as number)
      : undefined;
  console.log(
    JSON.stringify(
      {
        side: Number(sideArg),
        blockShape: Number(blockArg),
        make,
        runs,
        // null when fewer than two runs have figures to compare
        identical: digested.length < 2 ? null : digests.size === 1,
        graphsIdentical:
          graphs.length < 2 ? null : new Set(graphs.map((r) => r.graphDigest)).size === 1,
        speedUpPool2OverThread: speedUp,
        loadAverage1min: load,
        node: process.version,
      },
      null,
      1,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
