import { ConvergenceError, throwIfAborted } from '@mgraph/core';

/** A symmetric positive definite operator for {@link conjugateGradient}. @internal */
export interface SpdOperator {
  /** Unknowns. */
  size: number;
  /** `out = A x` (out is overwritten). */
  apply(x: Float64Array, out: Float64Array): void;
  /** The diagonal of `A` (the Jacobi preconditioner), every entry > 0. */
  diagonal: Float64Array;
}

/** What {@link conjugateGradient} returns. @internal */
export interface CgSolution {
  x: Float64Array;
  iterations: number;
  /** Final `||b - A x||_2 / ||b||_2` (0 for b = 0). */
  residual: number;
}

/**
 * Jacobi-preconditioned conjugate gradients for `A x = b`, Float64, from x = 0. Converged
 * when the recursively updated residual satisfies `||r||_2 <= tol * ||b||_2`.
 *
 * @throws ConvergenceError after `maxIter` iterations without convergence
 * @internal
 */
export function conjugateGradient(
  fn: string,
  a: SpdOperator,
  b: Float64Array,
  tol: number,
  maxIter: number,
  signal?: AbortSignal,
): CgSolution {
  const n = a.size;
  const x = new Float64Array(n);
  const r = Float64Array.from(b);
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const q = new Float64Array(n);
  const inv = new Float64Array(n);
  for (let i = 0; i < n; i++) inv[i] = 1 / a.diagonal[i]!;
  let bNorm = 0;
  for (let i = 0; i < n; i++) bNorm += b[i]! * b[i]!;
  bNorm = Math.sqrt(bNorm);
  if (bNorm === 0) return { x, iterations: 0, residual: 0 };
  let rz = 0;
  for (let i = 0; i < n; i++) {
    z[i] = r[i]! * inv[i]!;
    p[i] = z[i]!;
    rz += r[i]! * z[i]!;
  }
  let rNorm = bNorm;
  for (let it = 1; it <= maxIter; it++) {
    if ((it & 255) === 0) throwIfAborted(fn, signal);
    a.apply(p, q);
    let pq = 0;
    for (let i = 0; i < n; i++) pq += p[i]! * q[i]!;
    const alpha = rz / pq;
    let rr = 0;
    for (let i = 0; i < n; i++) {
      x[i]! += alpha * p[i]!;
      r[i]! -= alpha * q[i]!;
      rr += r[i]! * r[i]!;
    }
    rNorm = Math.sqrt(rr);
    if (rNorm <= tol * bNorm) return { x, iterations: it, residual: rNorm / bNorm };
    let rzNext = 0;
    for (let i = 0; i < n; i++) {
      z[i] = r[i]! * inv[i]!;
      rzNext += r[i]! * z[i]!;
    }
    const beta = rzNext / rz;
    rz = rzNext;
    for (let i = 0; i < n; i++) p[i] = z[i]! + beta * p[i]!;
  }
  throw new ConvergenceError(fn, maxIter, tol, `relative residual ${rNorm / bNorm}`);
}
