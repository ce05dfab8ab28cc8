/**
 * Benchmark: the image batch (bench/image-batch.ts) in one thread (`inThreadExecutor`) and
 * through BullMQ (`bullmqExecutor`) with worker processes (`runWorker`, one task at a time
 * each) on a throwaway Debian redis-server on 127.0.0.1, timed in the same run; prints the
 * times, the speed-up and whether the per-image results are identical (hash of the outcomes).
 * The BullMQ time runs from `run()` to its return (queueing, processing, reading back); the
 * workers' start-up is printed apart.
 *
 *   npx tsx bench/bullmq-images.ts [images=1000] [workers=2]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startRedis } from '../../../test-utils/redis-server.js';
import { bullmqExecutor, hashOutcomes, inThreadExecutor } from '../src/index.js';
import { BENCH_IMAGES, benchImageBatch } from './image-batch.js';

const count = Number(process.argv[2] ?? BENCH_IMAGES);
const workers = Number(process.argv[3] ?? 2);
const tasks = benchImageBatch(count);
const MODULE = '@mgraph/pipeline/tasks';
// The test's worker process: runWorker printing JSON events; 60 s locks (an image blocks the
// event loop while it is analysed).
const WORKER = fileURLToPath(new URL('../test/fixtures/bullmq-worker-process.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));

let t0 = performance.now();
const single = await inThreadExecutor(MODULE).run(tasks);
const singleSeconds = (performance.now() - t0) / 1000;

const redis = await startRedis();
t0 = performance.now();
const children: ChildProcess[] = await Promise.all(
  Array.from(
    { length: workers },
    () =>
      new Promise<ChildProcess>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', WORKER, redis.url, 'bench', '60000'],
          { cwd: PACKAGE, stdio: ['ignore', 'pipe', 'inherit'] },
        );
        child.stdout!.on('data', (d: Buffer) => {
          if (d.toString().includes('"ready"')) resolve(child);
        });
        child.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
      }),
  ),
);
const startSeconds = (performance.now() - t0) / 1000;
const executor = bullmqExecutor({ connection: redis.url, queue: 'bench', tasksModule: MODULE });
t0 = performance.now();
const queued = await executor.run(tasks);
const bullmqSeconds = (performance.now() - t0) / 1000;
await executor.close();
await Promise.all(
  children.map((c) => {
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    return exited;
  }),
);
await redis.stop();

const singleHash = hashOutcomes(single);
const bullmqHash = hashOutcomes(queued);
console.log(
  JSON.stringify(
    {
      images: count,
      shape: [96, 96],
      workerProcesses: workers,
      cores: availableParallelism(),
      loadAverage1m: Number(loadavg()[0]!.toFixed(1)),
      failed: {
        inThread: single.filter((o) => !o.ok).length,
        bullmq: queued.filter((o) => !o.ok).length,
      },
      seconds: {
        inThread: Number(singleSeconds.toFixed(1)),
        bullmq: Number(bullmqSeconds.toFixed(1)),
        workerStart: Number(startSeconds.toFixed(1)),
      },
      imagesPerSecond: {
        inThread: Number((count / singleSeconds).toFixed(2)),
        bullmq: Number((count / bullmqSeconds).toFixed(2)),
      },
      speedUp: Number((singleSeconds / bullmqSeconds).toFixed(2)),
      identical: singleHash === bullmqHash,
      hash: { inThread: singleHash, bullmq: bullmqHash },
    },
    null,
    2,
  ),
);
