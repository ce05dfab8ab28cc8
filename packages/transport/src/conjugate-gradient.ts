import { ConvergenceError, type ProgressCallback, throwIfAborted } from '@mgraph/core';
import type { MultigridPreconditioner } from './multigrid-preconditioner.js';
import { applyStencil, type VoxelStencil } from './voxel-stencil.js';

/** Stopping rule and callbacks of {@link conjugateGradient}. @internal */
export interface CgControl {
  /** Stop when `||b - A x||_2 <= tolerance ||b||_2`. */
  tolerance: number;
  /** Most iterations before a {@link ConvergenceError}. */
  maxIterations: number;
  /** A second stopping rule, asked after each iteration with the current solution. */
  stop?: (x: Float64Array) => boolean;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
  /** Name of the exported function, for errors. */
  fn: string;
}

/**
 * Preconditioned conjugate gradients for `A x = b` from `x = 0` (Float64 vectors and
 * accumulations). `b` is overwritten (it becomes the residual). Stops at `tolerance` or
 * when `stop` says so. `signal` is checked and `onProgress(iteration, maxIterations)` called
 * after every iteration.
 *
 * References: M. R. Hestenes, E. Stiefel, J. Res. Natl. Bur. Stand. 49 (1952) 409-436;
 * Y. Saad, Iterative Methods for Sparse Linear Systems, 2nd ed. (2003), Algorithm 9.1.
 *
 * @returns the solution, the iterations taken and the final relative residual
 * @throws ConvergenceError when `maxIterations` pass without meeting `tolerance`
 * @throws AbortError when `signal` aborts
 * @internal
 */
export function conjugateGradient(
  stencil: VoxelStencil,
  preconditioner: MultigridPreconditioner,
  b: Float64Array,
  control: CgControl,
): { x: Float64Array; iterations: number; relativeResidual: number } {
  const n = b.length;
  const x = new Float64Array(n);
  const r = b;
  const z = new Float64Array(n);
  const q = new Float64Array(n);
  const bNorm = Math.sqrt(dot(b, b));
  if (bNorm === 0) return { x, iterations: 0, relativeResidual: 0 };
  preconditioner.apply(r, z);
  const p = Float64Array.from(z);
  let rz = dot(r, z);
  let residual = 1;
  for (let it = 1; it <= control.maxIterations; it++) {
    const alpha = rz / applyStencil(stencil, p, q);
    let rr = 0;
    for (let i = 0; i < n; i++) {
      x[i]! += alpha * p[i]!;
      const ri = r[i]! - alpha * q[i]!;
      r[i] = ri;
      rr += ri * ri;
    }
    residual = Math.sqrt(rr) / bNorm;
    control.onProgress?.(it, control.maxIterations);
    throwIfAborted(control.fn, control.signal);
    if (residual <= control.tolerance || control.stop?.(x)) {
      return { x, iterations: it, relativeResidual: residual };
    }
    preconditioner.apply(r, z);
    const rzNext = dot(r, z);
    const beta = rzNext / rz;
    rz = rzNext;
    for (let i = 0; i < n; i++) p[i] = z[i]! + beta * p[i]!;
  }
  throw new ConvergenceError(
    control.fn,
    control.maxIterations,
    control.tolerance,
    `relative residual ${residual.toExponential(3)}`,
  );
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
