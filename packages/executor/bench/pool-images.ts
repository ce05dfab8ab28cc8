/**
 * Benchmark: the image batch (bench/image-batch.ts) in one thread (`inThreadExecutor`) and on
 * the worker pool (`poolExecutor`, one thread per core), timed in the same run; prints the
 * speed-up and whether the per-image results are identical (hash of the outcomes).
 *
 *   npx tsx bench/pool-images.ts [images=1000] [threads=os.availableParallelism()]
 */
import { availableParallelism, loadavg } from 'node:os';
import { hashOutcomes, inThreadExecutor, poolExecutor } from '../src/index.js';
import { BENCH_IMAGES, benchImageBatch } from './image-batch.js';

const count = Number(process.argv[2] ?? BENCH_IMAGES);
const size = Number(process.argv[3] ?? availableParallelism());
const tasks = benchImageBatch(count);
const MODULE = '@mgraph/pipeline/tasks';

let t0 = performance.now();
const single = await inThreadExecutor(MODULE).run(tasks);
const singleSeconds = (performance.now() - t0) / 1000;

const pool = poolExecutor({ tasksModule: MODULE, size });
t0 = performance.now();
const pooled = await pool.run(tasks);
const poolSeconds = (performance.now() - t0) / 1000;
await pool.close();

const singleHash = hashOutcomes(single);
const poolHash = hashOutcomes(pooled);
console.log(
  JSON.stringify(
    {
      images: count,
      shape: [96, 96],
      threads: size,
      cores: availableParallelism(),
      loadAverage1m: Number(loadavg()[0]!.toFixed(1)),
      failed: {
        inThread: single.filter((o) => !o.ok).length,
        pool: pooled.filter((o) => !o.ok).length,
      },
      seconds: { inThread: Number(singleSeconds.toFixed(1)), pool: Number(poolSeconds.toFixed(1)) },
      imagesPerSecond: {
        inThread: Number((count / singleSeconds).toFixed(2)),
        pool: Number((count / poolSeconds).toFixed(2)),
      },
      speedUp: Number((singleSeconds / poolSeconds).toFixed(2)),
      identical: singleHash === poolHash,
      hash: { inThread: singleHash, pool: poolHash },
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    },
    null,
    2,
  ),
);
if (singleHash !== poolHash) process.exitCode = 1;
