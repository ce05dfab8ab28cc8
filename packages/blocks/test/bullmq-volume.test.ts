// The block-wise volume runs through BullMQ: two worker processes (test/fixtures/bullmq-worker.ts,
// @mgraph/executor's runWorker) on a throwaway Debian redis-server, the jobs carrying block
// boxes and store paths (never voxels), against the same runs in one thread:
// analyzeVolumeBlockwise's figures and segmentVolumeBlockwise's nodes, edges and label chunks
// (byte for byte) are identical; a worker SIGKILLed in the middle of a block changes nothing
// (its job is re-queued and run by the other); a corrupt chunk is reported with the blocks
// that read it, as in one thread.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATHODE_SCHEME, type Executor, type PhaseMap } from '@mgraph/core';
import { bullmqExecutor, inThreadExecutor } from '@mgraph/executor';
import { writeZarr } from '@mgraph/io/node';
import { generateComposite } from '@mgraph/phantom';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeNeeds, onPath } from '../../../test-utils/ci.js';
import {
  type JsonLinesProcess,
  startJsonLinesProcess,
} from '../../../test-utils/json-lines-process.js';
import { startRedis, type TestRedis } from '../../../test-utils/redis-server.js';
import { analyzeVolumeBlockwise, BlockTaskError, segmentVolumeBlockwise } from '../src/node.js';

const TASKS = new URL('../src/tasks.ts', import.meta.url);
/** The same handlers, each started 1 s late (a worker killed as it takes a block is mid-block). */
const SLOW_TASKS = new URL('./fixtures/slow-tasks.ts', import.meta.url);
const WORKER = fileURLToPath(new URL('./fixtures/bullmq-worker.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const QUEUE = 'volume';

interface Event {
  type: 'ready' | 'active' | 'completed' | 'failed' | 'error';
  pid: number;
  key?: string;
}

type WorkerProcess = JsonLinesProcess<Event>;

const workers: WorkerProcess[] = [];

/** Start a worker process and wait until it listens. */
async function startWorker(url: string): Promise<WorkerProcess> {
  const worker = startJsonLinesProcess<Event>(WORKER, [url, QUEUE], PACKAGE);
  workers.push(worker);
  await worker.next((e) => e.type === 'ready');
  return worker;
}

const completed = (w: WorkerProcess) => w.events.filter((e) => e.type === 'completed').length;

/** Every file under `dir` (relative path -> bytes). */
async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path.slice(dir.length), await readFile(path));
  }
  return out;
}

describeNeeds(onPath('redis-server'), 'redis-server (Debian package redis-server)')(
  'block-wise volumes through BullMQ with two worker processes = one thread',
  () => {
    let redis: TestRedis;
    let dir: string;
    let a: WorkerProcess;
    let b: WorkerProcess;
    const { phases } = generateComposite({ shape: [40, 40, 40], nmcRadius: 5, seed: 3 });
    const blockShape = [20, 20, 20];
    const bullmq = (tasksModule = TASKS): Executor =>
      bullmqExecutor({ connection: redis.url, queue: QUEUE, tasksModule });

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mgraph-blocks-bullmq-'));
      await writeZarr(join(dir, 'phases.zarr'), phases as PhaseMap, { chunks: [20, 20, 20] });
      redis = await startRedis({ appendonly: true });
      [a, b] = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
    }, 60_000);
    afterAll(async () => {
      for (const w of workers.splice(0)) if (w.child.exitCode === null) w.child.kill('SIGKILL');
      await redis?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('analyzeVolumeBlockwise: the same figures as one thread, the blocks shared by both workers', async () => {
      const options = {
        source: { store: join(dir, 'phases.zarr') },
        scheme: CATHODE_SCHEME,
        blockShape,
      };
      const local = await analyzeVolumeBlockwise(inThreadExecutor(TASKS), options);
      const executor = bullmq();
      try {
        expect(await analyzeVolumeBlockwise(executor, options)).toEqual(local);
      } finally {
        await executor.close();
      }
      expect(local.tpb!.count).toBeGreaterThan(0);
      expect(completed(a)).toBeGreaterThan(0);
      expect(completed(b)).toBeGreaterThan(0);
      expect(completed(a) + completed(b)).toBe(local.blocks);
    }, 120_000);

    const segment = (executor: Executor, output: string) =>
      segmentVolumeBlockwise(executor, {
        source: { store: join(dir, 'phases.zarr') },
        output: join(dir, output),
        scheme: CATHODE_SCHEME,
        blockShape,
        particleRadius: 6,
      });

    it('segmentVolumeBlockwise: nodes, edges and every label chunk byte-identical to one thread', async () => {
      const local = await segment(inThreadExecutor(TASKS), 'out-thread');
      const executor = bullmq();
      try {
        expect(await segment(executor, 'out-bullmq')).toEqual(local);
      } finally {
        await executor.close();
      }
      expect(local.count).toBeGreaterThan(20);
      const mine = await filesUnder(join(dir, 'out-thread'));
      const theirs = await filesUnder(join(dir, 'out-bullmq'));
      expect([...theirs.keys()].sort()).toEqual([...mine.keys()].sort());
      expect([...mine.keys()].filter((k) => k.startsWith('/instances/c/')).length).toBe(8);
      for (const [key, bytes] of mine) expect(theirs.get(key)!.equals(bytes)).toBe(true);
    }, 180_000);

    it('a worker SIGKILLed in the middle of a block: re-queued, same result', async () => {
      const local = await segment(inThreadExecutor(TASKS), 'out-kill-thread');
      a.events.length = 0;
      b.events.length = 0;
      const executor = bullmq(SLOW_TASKS);
      try {
        const run = segment(executor, 'out-kill-bullmq');
        // the first block worker a takes: kill it while the job is active
        const taken = await a.next((e) => e.type === 'active');
        a.child.kill('SIGKILL');
        const result = await run;
        expect(result).toEqual(local);
        // the killed block was finished by the other worker
        expect(b.events.some((e) => e.type === 'completed' && e.key === taken.key)).toBe(true);
      } finally {
        await executor.close();
      }
      const mine = await filesUnder(join(dir, 'out-kill-thread'));
      const theirs = await filesUnder(join(dir, 'out-kill-bullmq'));
      for (const [key, bytes] of mine) expect(theirs.get(key)!.equals(bytes)).toBe(true);
    }, 180_000);

    it('a corrupt chunk: BlockTaskError naming the blocks that read it, as in one thread', async () => {
      const copy = join(dir, 'corrupt.zarr');
      await writeZarr(copy, phases as PhaseMap, { chunks: [20, 20, 20] });
      await writeFile(join(copy, '0', '1', '0', '1'), new Uint8Array([1, 2, 3]));
      const options = { source: { store: copy }, scheme: CATHODE_SCHEME, blockShape };
      const local = await analyzeVolumeBlockwise(inThreadExecutor(TASKS), options).catch(
        (e: unknown) => e,
      );
      const executor = bullmq();
      const remote = await analyzeVolumeBlockwise(executor, options).catch((e: unknown) => e);
      await executor.close();
      expect(BlockTaskError.isInstance(local)).toBe(true);
      expect(BlockTaskError.isInstance(remote)).toBe(true);
      const keys = (e: unknown) => (e as BlockTaskError).failures.map((f) => f.key);
      expect(keys(remote)).toEqual(keys(local));
      expect(keys(remote).length).toBeGreaterThan(0);
      for (const f of (remote as BlockTaskError).failures)
        expect(f.error.message).toMatch(/chunk "\/0\/1\/0\/1"/);
    }, 120_000);
  },
);
