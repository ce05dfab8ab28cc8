// `mgraph worker` as a user runs it (the bin, a child process) against a throwaway Debian
// redis-server on 127.0.0.1: it processes a bullmqExecutor run, reports the failing task on
// stderr, and on SIGTERM closes and exits 0. Bad flags fail before connecting.
import { spawn } from 'node:child_process';
import { bullmqExecutor } from '@mgraph/executor';
import { describe, expect, it } from 'vitest';
import { itNeeds, onPath } from '../../../test-utils/ci.js';
import { startRedis } from '../../../test-utils/redis-server.js';
import { BIN, type MgraphRun, runMgraph } from './run-mgraph.js';

const TASKS = new URL('./fixtures/worker-tasks.mjs', import.meta.url);

describe('mgraph worker', () => {
  it('prints its help and refuses bad flags before connecting (exit 1)', async () => {
    const help = await runMgraph(['worker', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: mgraph worker --redis URL/);
    const main = await runMgraph(['--help']);
    expect(main.stdout).toMatch(/worker +process bullmqExecutor jobs/);
    const refusals: Promise<{ run: MgraphRun; message: RegExp }>[] = [];
    for (const [args, message] of [
      [[], /argument --redis must be a Redis URL/],
      [
        ['--redis', 'http://u:pw@host'],
        /options\.connection must be a Redis URL.*"http:\/\/u:\*\*\*@host"/,
      ],
      [
        ['--redis', 'redis://127.0.0.1:1', '--concurrency', '0'],
        /--concurrency must be an integer >= 1, got "0"/,
      ],
      [['--redis', 'redis://127.0.0.1:1', '--queue', 'a:b'], /options\.queue/],
      [['--redis', 'redis://127.0.0.1:1', '--tasks'], /flags of mgraph worker/],
    ] as const) {
      refusals.push(runMgraph(['worker', ...args], 30_000).then((run) => ({ run, message })));
    }
    for (const { run, message } of await Promise.all(refusals)) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
    }
  });

  itNeeds(onPath('redis-server'), 'redis-server (Debian package redis-server)')(
    'processes a run, reports a failing task, closes on SIGTERM with exit 0',
    async () => {
      const redis = await startRedis();
      const child = spawn(
        process.execPath,
        [BIN, 'worker', '--redis', redis.url, '--queue', 'cli', '--lock-duration', '2000'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      const listening = new Promise<void>((resolve, reject) => {
        child.stderr!.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (stderr.includes('listening on queue cli')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${stderr}`)));
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      try {
        await listening;
        const executor = bullmqExecutor({
          connection: redis.url,
          queue: 'cli',
          tasksModule: TASKS,
        });
        const outcomes = await executor.run([
          { kind: 'rangeSum', input: { from: 0, to: 1000 }, key: 'a' },
          { kind: 'rangeSum', input: { from: 10, to: 20 }, key: 'b' },
          { kind: 'refuse', input: { block: '1-2-3' }, key: 'c' },
        ]);
        await executor.close();
        expect(outcomes).toEqual([
          { ok: true, key: 'a', value: 499_500 },
          { ok: true, key: 'b', value: 145 },
          {
            ok: false,
            key: 'c',
            error: { name: 'RangeError', message: 'block 1-2-3 refused' },
            attempts: 1,
          },
        ]);
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
        expect(stderr).toMatch(/mgraph worker: failed \S+ "c": RangeError: block 1-2-3 refused/);
        expect(stderr).toMatch(/SIGTERM: finishing the running tasks\nmgraph worker: closed\n$/);
      } finally {
        child.kill('SIGKILL');
        await redis.stop();
      }
    },
  );
});
