// The block-wise volume analysis end to end: a three-phase map written as OME-Zarr (a
// directory, and the same directory served over HTTP on 127.0.0.1), analysed block by block
// through the task module by an executor, against @mgraph/morphology on the whole volume
// (identical figures); a corrupt chunk is reported with its block.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATHODE_SCHEME, type Executor, type PhaseMap } from '@mgraph/core';
import { inThreadExecutor, poolExecutor } from '@mgraph/executor';
import { writeZarr } from '@mgraph/io/node';
import {
  interfacialAreas,
  phaseConnectivity,
  specificSurfaceArea,
  triplePhaseBoundaryDensity,
  volumeFractions,
} from '@mgraph/morphology';
import ndarray from 'ndarray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeVolumeBlockwise, BlockTaskError } from '../src/node.js';
import { fromPlainJson } from '../src/plain-partials.js';
import tasks, { blockMorphologyTask } from '../src/tasks.js';

const TASKS = new URL('../src/tasks.ts', import.meta.url);
const serialExecutor = () => inThreadExecutor(TASKS);

/** Seeded lumpy three-phase map (runs along x, planes of drift): codes 0..3 of the cathode. */
function phantom(shape: [number, number, number], seed: number): PhaseMap {
  const n = shape[0] * shape[1] * shape[2];
  const data = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const keep = i > shape[2] && (s >>> 24) % 4 !== 0;
    data[i] = keep ? data[i - ((s >>> 16) % 2 === 0 ? 1 : shape[2])]! : (s >>> 8) % 4;
  }
  return ndarray(data, shape) as PhaseMap;
}

describe('analyzeVolumeBlockwise over OME-Zarr = @mgraph/morphology on the whole volume', () => {
  let dir: string;
  let server: Server;
  let url: string;
  const shape: [number, number, number] = [48, 40, 44];
  const phases = phantom(shape, 7);
  const spacing = [0.5, 0.4, 0.4];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mgraph-blocks-'));
    await writeZarr(join(dir, 'phases.zarr'), phases, {
      chunks: [16, 16, 16],
      spacing,
      unit: 'um',
    });
    server = createServer(async (req, res) => {
      try {
        const body = await readFile(join(dir, decodeURIComponent(req.url!.split('?')[0]!)));
        res.writeHead(200).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    url = `http://127.0.0.1:${port}/phases.zarr`;
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    await rm(dir, { recursive: true, force: true });
  });

  it('directory store and HTTP: every figure identical; spacing and unit from the OME metadata', async () => {
    const o = { spacing, unit: 'micrometer' };
    const whole = triplePhaseBoundaryDensity(phases, CATHODE_SCHEME, { ...o, connectivity: 2 });
    const { edges, active: wholeActive, ...total } = whole;
    const { edges: activeEdges, ...active } = wholeActive!;
    expect(edges.axes).toHaveLength(3);
    expect(activeEdges.axes).toHaveLength(3);
    // the active TPB is a strict, non-empty part of the TPB on this map
    expect(active.count).toBeGreaterThan(10);
    expect(active.count).toBeLessThan(total.count);
    const tpb = { ...total, active };
    const expected = {
      volumeFractions: volumeFractions(phases, CATHODE_SCHEME, o),
      surfaceAreas: specificSurfaceArea(phases, CATHODE_SCHEME, o),
      interfacialAreas: interfacialAreas(phases, CATHODE_SCHEME, o),
      tpb,
      connectivity: phaseConnectivity(phases, CATHODE_SCHEME, { ...o, connectivity: 2 }),
      shape,
      blocks: 27,
    };
    expect(tpb.count).toBeGreaterThan(100);
    for (const store of [join(dir, 'phases.zarr'), url]) {
      const seen: number[] = [];
      const got = await analyzeVolumeBlockwise(serialExecutor(), {
        source: { store },
        scheme: CATHODE_SCHEME,
        blockShape: [16, 16, 16],
        connectivity: 2,
        onProgress: (p) => seen.push(p.done),
      });
      expect(got).toEqual(expected);
      expect(seen).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    }
    // blocks that are not the chunks (several chunks per block, blocks across chunks)
    const other = await analyzeVolumeBlockwise(serialExecutor(), {
      source: { store: url },
      scheme: CATHODE_SCHEME,
      blockShape: [30, 17, 44],
      connectivity: 2,
    });
    expect(other).toEqual({ ...expected, blocks: 2 * 3 * 1 });
    // the reach option as morphology's; active: false leaves the active TPB out
    const reach = { sse: 'both-faces-of-axis-2', graphite: 'any-face' } as const;
    const reached = await analyzeVolumeBlockwise(serialExecutor(), {
      source: { store: url },
      scheme: CATHODE_SCHEME,
      blockShape: [16, 20, 16],
      reach,
    });
    const { edges: reachedEdges, ...reachedActive } = triplePhaseBoundaryDensity(
      phases,
      CATHODE_SCHEME,
      { ...o, reach },
    ).active!;
    expect(reachedEdges.axes).toHaveLength(3);
    expect(reached.tpb?.active).toEqual(reachedActive);
    expect(reachedActive.count).not.toBe(active.count);
    const without = await analyzeVolumeBlockwise(serialExecutor(), {
      source: { store: url },
      scheme: CATHODE_SCHEME,
      blockShape: [16, 16, 16],
      connectivity: 2,
      active: false,
    });
    expect(without).toEqual({ ...expected, tpb: { ...total, active: null } });
  });

  it('a pool of 2 worker threads (1 block in flight per thread) gives the same result as one thread', async () => {
    const options = {
      source: { store: url },
      scheme: CATHODE_SCHEME,
      blockShape: [16, 16, 16],
      connectivity: 1,
    };
    const pool = poolExecutor({ tasksModule: TASKS, size: 2 });
    try {
      const onPool = await analyzeVolumeBlockwise(pool, options);
      const inThread = await analyzeVolumeBlockwise(serialExecutor(), options);
      expect(onPool).toEqual(inThread);
      expect(onPool.connectivity).toEqual(
        phaseConnectivity(phases, CATHODE_SCHEME, { spacing, unit: 'micrometer' }),
      );
    } finally {
      await pool.close();
    }
  });

  it('task results are plain JSON (typed arrays run-length encoded), decoded exactly', async () => {
    const input = {
      source: { store: join(dir, 'phases.zarr') },
      blockShape: [16, 16, 16],
      block: 13,
      scheme: CATHODE_SCHEME,
    };
    const context = { signal: new AbortController().signal, attempt: 1, key: 'block-13' };
    const out = await tasks.blockMorphology(input, context);
    const text = JSON.stringify(out);
    expect(JSON.parse(text)).toEqual(out);
    const direct = await blockMorphologyTask(input, context);
    expect(direct.labels.phases[1]!.labels.low[0]).toBeInstanceOf(Int32Array);
    expect(fromPlainJson(JSON.parse(text))).toEqual(direct);
    // the faces of a 16^3 block of 4 phases: 4 x 6 x 256 int32 labels, shorter as runs
    expect(text.length).toBeLessThan(4 * 6 * 256 * 4);
  });

  it('a corrupt chunk fails the blocks that read it: BlockTaskError with their keys and the chunk', async () => {
    const copy = join(dir, 'corrupt.zarr');
    await writeZarr(copy, phases, { chunks: [16, 16, 16] });
    // chunk (1, 2, 0) is block 15 (grid 3 x 3 x 3); blocks 16, 24, 25 read it as their low halo
    await writeFile(join(copy, '0', '1', '2', '0'), new Uint8Array([1, 2, 3]));
    const error = await analyzeVolumeBlockwise(serialExecutor(), {
      source: { store: copy },
      scheme: CATHODE_SCHEME,
      blockShape: [16, 16, 16],
    }).catch((e: unknown) => e);
    expect(BlockTaskError.isInstance(error)).toBe(true);
    const failures = (error as BlockTaskError).failures;
    expect(failures.map((f) => f.key)).toEqual(['block-15', 'block-16', 'block-24', 'block-25']);
    for (const f of failures) expect(f.error.message).toMatch(/chunk "\/0\/1\/2\/0"/);
    expect((error as Error).message).toMatch(
      /^analyzeVolumeBlockwise: 4 of 27 blocks failed; first block-15: InvalidArgumentError/,
    );
  });

  it('refuses a bad source or block shape before any task runs', async () => {
    const never: Executor = {
      run: () => Promise.reject(new Error('no task may run')),
      close: () => Promise.resolve(),
    };
    const base = { scheme: CATHODE_SCHEME, blockShape: [16, 16, 16] };
    await expect(analyzeVolumeBlockwise(never, { ...base, source: { store: '' } })).rejects.toThrow(
      /options.source/,
    );
    await expect(
      analyzeVolumeBlockwise(never, {
        ...base,
        source: { store: join(dir, 'phases.zarr') },
        blockShape: [16, 16],
      }),
    ).rejects.toThrow(/options.blockShape/);
    await expect(
      analyzeVolumeBlockwise(never, {
        ...base,
        source: { store: join(dir, 'phases.zarr') },
        tpbPhases: ['sse', 'nmc', 'pore'],
      }),
    ).rejects.toThrow(/tpbPhases/);
    await expect(
      analyzeVolumeBlockwise(never, {
        ...base,
        source: { store: join(dir, 'phases.zarr') },
        reach: { sse: 'low-face-of-axis-3' as 'low-face-of-axis-0' },
      }),
    ).rejects.toThrow(/options\.reach\.sse/);
  });
});
