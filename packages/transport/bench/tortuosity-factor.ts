/**
 * Bench step of tortuosityFactor: the pore phase (code 0) of the MATBOX calendered NMC
 * cathode (examples/data/nmc-1-cal-cbd.tif, 251 x 301 x 301, 40% pore), cropped from its
 * corner to 128^3 and 256^3 (planes past 250 mirrored) and mirror-tiled to 512^3, driven
 * along axis 0, to TauFactor's default convergence
 * (`convCrit` 1e-2) and, up to 256^3, to the default relative residual 1e-6 (the rule the
 * SciPy ratio compares, SciPy's CG stopping at the same relative residual). Each
 * size runs in its own child process, so its peak RSS is its own; 512^3 runs under
 * `flock /tmp/bigmem.lock`. SciPy CG with a Jacobi preconditioner solves the same 128^3
 * system (scripts/fv_reference.py assembly) in the same run. Wall and CPU seconds are both
 * printed: on a shared machine the CPU time is the fairer figure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTiff } from '@mgraph/io/node';
import ndarray from 'ndarray';
import { type TortuosityFactorOptions, tortuosityFactor } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const VOLUME = join(here, '..', '..', '..', 'examples', 'data', 'nmc-1-cal-cbd.tif');

/** The pore phase (1) of the MATBOX volume, cropped or mirror-tiled to n^3. */
export async function porePhase(n: number): Promise<Uint8Array> {
  const image = await readTiff(VOLUME);
  const [d0, d1, d2] = image.data.shape as [number, number, number];
  const src = image.data;
  const mirror = (i: number, size: number) => {
    const period = 2 * size;
    const m = i % period;
    return m < size ? m : period - 1 - m;
  };
  const out = new Uint8Array(n ** 3);
  for (let i = 0; i < n; i++) {
    const a = mirror(i, d0);
    for (let j = 0; j < n; j++) {
      const b = mirror(j, d1);
      for (let k = 0; k < n; k++)
        out[(i * n + j) * n + k] = src.get(a, b, mirror(k, d2)) === 0 ? 1 : 0;
    }
  }
  return out;
}

/** One solve, timed (wall and CPU seconds). */
function timed(phases: ndarray.NdArray<Uint8Array>, options: TortuosityFactorOptions) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = tortuosityFactor(phases, options);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    seconds: Number(seconds.toFixed(2)),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    iterations: r.iterations,
    relativeResidual: r.relativeResidual,
    layerFluxSpread: r.layerFluxSpread,
    tau: r.tau,
    effectiveConductivity: r.effectiveConductivity,
    volumeFraction: r.volumeFraction,
    percolatingVolumeFraction: r.percolatingVolumeFraction,
  };
}

/**
 * One size, in this process: TauFactor's default convergence (`convCrit` 1e-2), then (up to
 * 256^3) the default residual rule (1e-6); prints one JSON line.
 */
async function child(n: number): Promise<void> {
  const phases = ndarray(await porePhase(n), [n, n, n]);
  const figures: Record<string, unknown> = {
    taufactorConvergence: timed(phases, { convCrit: 1e-2 }),
  };
  if (n <= 256) figures.residual1e6 = timed(phases, {});
  figures.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify(figures));
}

function runChild(n: number, lock: boolean): Record<string, unknown> {
  const self = fileURLToPath(import.meta.url);
  const tsx = join(here, '..', '..', '..', 'node_modules', '.bin', 'tsx');
  const args = [tsx, self, '--size', String(n)];
  const run = lock
    ? spawnSync('flock', ['/tmp/bigmem.lock', ...args], { encoding: 'utf8' })
    : spawnSync(args[0]!, args.slice(1), { encoding: 'utf8' });
  if (run.status !== 0) return { error: (run.stderr || String(run.error)).slice(-400) };
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

/** SciPy CG + Jacobi on the same 128^3 system: seconds, iterations and its tau. */
async function scipyJacobi(n: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'transport-bench-'));
  try {
    const file = join(dir, 'pore.raw');
    writeFileSync(file, await porePhase(n));
    const script = `
import sys, time, numpy as np
sys.path.insert(0, ${JSON.stringify(join(here, '..', 'scripts'))})
import fv_reference as f
import scipy.sparse.linalg as spla
p = np.fromfile(${JSON.stringify(file)}, dtype=np.uint8).reshape((${n},${n},${n}))
t0 = time.perf_counter()
A, rhs, assemble = f.assemble(p, [0.0, 1.0], 0, [1.0, 1.0, 1.0])
t1 = time.perf_counter()
c1 = time.process_time()
d = 1 / A.diagonal()
M = spla.LinearOperator(A.shape, matvec=lambda v: d * v)
it = [0]
def count(_): it[0] += 1
x, info = spla.cg(A, rhs, tol=1e-6, atol=0, maxiter=100000, M=M, callback=count)
t2 = time.perf_counter()
c2 = time.process_time()
r = assemble(x)
print('{"assembleSeconds": %.2f, "solveSeconds": %.2f, "solveCpuSeconds": %.2f, "iterations": %d, "tau": %.6f, "info": %d}' % (t1 - t0, t2 - t1, c2 - c1, it[0], r['tau'], info))
`;
    const run = spawnSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' });
    if (run.status !== 0) return { error: run.stderr.slice(-400) };
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** All sizes and the SciPy reference; returns the figures. */
export async function benchTortuosityFactor(
  sizes: readonly number[] = [128, 256, 512],
): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {};
  for (const n of sizes) figures[`${n}^3`] = runChild(n, n >= 512);
  const scipy = await scipyJacobi(128);
  figures['scipy cg + jacobi 128^3'] = scipy;
  const ours = ((figures['128^3'] as { residual1e6?: unknown }).residual1e6 ?? {}) as {
    seconds?: number;
    cpuSeconds?: number;
  };
  if (typeof ours.seconds === 'number' && typeof scipy.solveSeconds === 'number') {
    figures['scipy solve seconds / ours at 128^3'] = Number(
      (scipy.solveSeconds / ours.seconds).toFixed(2),
    );
  }
  if (typeof ours.cpuSeconds === 'number' && typeof scipy.solveCpuSeconds === 'number') {
    figures['scipy solve cpu seconds / ours at 128^3'] = Number(
      (scipy.solveCpuSeconds / ours.cpuSeconds).toFixed(2),
    );
  }
  return figures;
}

const sizeFlag = process.argv.indexOf('--size');
if (sizeFlag > 0) await child(Number(process.argv[sizeFlag + 1]));
