// The executor a bench step runs on, from its WORKERS argument:
//   0          inThreadExecutor (the calling thread alone)
//   N          poolExecutor of N worker threads
//   bullmq:N   bullmqExecutor on a throwaway Debian redis-server (127.0.0.1, free port;
//              test-utils/redis-server.ts) with N `mgraph worker` processes (the CLI's bin,
//              built), each with a 10-minute job lock (a 256^3 block holds the event loop
//              for seconds); their CPU seconds and peak RSS are read from /proc before they
//              are stopped, since they are not the bench process's own.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Executor } from '@mgraph/core';
import { bullmqExecutor, inThreadExecutor, poolExecutor } from '@mgraph/executor';
import { startRedis } from '../../../test-utils/redis-server.js';

const MGRAPH = fileURLToPath(new URL('../../cli/bin/mgraph.js', import.meta.url));
const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** CPU seconds (user + system) and peak RSS (MiB) of a live process, from /proc. */
function processStats(pid: number): { cpuSeconds: number; peakRssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuSeconds, peakRssMiB: Math.round(Number(hwm?.[1] ?? 0) / 1024) };
}

export interface BenchExecutor {
  executor: Executor;
  /** Threads or processes working. */
  workers: number;
  /** Close the executor (and stop the workers and Redis); what the worker processes used. */
  close(): Promise<{ workerProcesses?: { cpuSeconds: number; peakRssMiB: number }[] }>;
}

export async function benchExecutor(spec: string, tasksModule: string): Promise<BenchExecutor> {
  if (!spec.startsWith('bullmq:')) {
    const workers = Number(spec);
    const executor =
      workers === 0 ? inThreadExecutor(tasksModule) : poolExecutor({ tasksModule, size: workers });
    return {
      executor,
      workers: Math.max(1, workers),
      close: async () => {
        await executor.close();
        return {};
      },
    };
  }
  const workers = Number(spec.slice('bullmq:'.length));
  const redis = await startRedis();
  const children: ChildProcess[] = [];
  for (let i = 0; i < workers; i++) {
    const child = spawn(
      process.execPath,
      [
        MGRAPH,
        'worker',
        '--redis',
        redis.url,
        '--queue',
        'bench',
        '--lock-duration',
        '600000',
        '--quiet',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    children.push(child);
  }
  const executor = bullmqExecutor({ connection: redis.url, queue: 'bench', tasksModule });
  return {
    executor,
    workers,
    close: async () => {
      await executor.close();
      const workerProcesses = children.map((c) => processStats(c.pid!));
      for (const c of children) c.kill('SIGTERM');
      await Promise.all(children.map((c) => new Promise((ok) => c.once('exit', ok))));
      await redis.stop();
      return { workerProcesses };
    },
  };
}
