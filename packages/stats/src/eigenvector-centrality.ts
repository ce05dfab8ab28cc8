import { assertNumber, ConvergenceError, checkOptions, InvalidArgumentError } from '@mgraph/core';
import type { AbstractGraph as Graph } from 'graphology-types';
import { attributeOption, indexGraph, toRecord } from './graph-index.js';

/** Options of {@link eigenvectorCentrality}. */
export interface EigenvectorCentralityOptions {
  /** Maximum number of power iterations (networkx `max_iter`). Default 100. */
  maxIter?: number;
  /** Convergence when `sum |x - x_last| < n * tol` (networkx `tol`). Default 1e-6. */
  tol?: number;
  /** Edge attribute of the weight (a missing attribute counts as 1); undefined: all 1. Default undefined. */
  weight?: string;
}

/**
 * Eigenvector centrality of every node, the power iteration of networkx
 * `eigenvector_centrality`, step for step: start from `1 / n` everywhere; each step
 * `x <- (A + I) x` (left multiplication, a self-loop adding its weight once), then divide by
 * the Euclidean norm (1 when it is 0); stop when the L1 change is below `n * tol`.
 *
 * @param graph - simple undirected graphology graph with at least one node
 * @param options - `maxIter` (100), `tol` (1e-6), `weight` (undefined)
 * @returns centrality keyed by node, unit Euclidean norm
 * @throws InvalidArgumentError for an empty, directed or multi graph, a bad option or a
 *   non-finite weight
 * @throws ConvergenceError when `maxIter` iterations do not meet `tol`
 *
 * @remarks
 * References: P. Bonacich, "Power and centrality: a family of measures", Am. J. Sociol. 92
 * (1987), doi:10.1086/228631. networkx 2.8 `eigenvector_centrality`.
 */
export function eigenvectorCentrality(
  graph: Graph,
  options: EigenvectorCentralityOptions = {},
): Record<string, number> {
  const fn = 'eigenvectorCentrality';
  const checked = checkOptions(fn, options, { maxIter: true, tol: true, weight: true });
  const { maxIter = 100, tol = 1e-6 } = checked;
  assertNumber(fn, 'options.maxIter', maxIter, { integer: true, min: 1 });
  assertNumber(fn, 'options.tol', tol, { greaterThan: 0 });
  const weight = attributeOption(fn, 'weight', checked.weight);
  const { keys, offsets, targets, weights, loops } = indexGraph(fn, graph, weight);
  const n = keys.length;
  if (n === 0) {
    throw new InvalidArgumentError(fn, 'graph', graph, 'a graph with at least one node (got 0)');
  }
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let change = Number.POSITIVE_INFINITY;
  for (let iter = 0; iter < maxIter; iter++) {
    next.set(x);
    for (let v = 0; v < n; v++) {
      const xv = x[v]!;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) next[targets[k]!]! += xv * weights[k]!;
      next[v]! += xv * loops[v]!;
    }
    const norm = euclideanNorm(next) || 1;
    change = 0;
    for (let v = 0; v < n; v++) {
      next[v]! /= norm;
      change += Math.abs(next[v]! - x[v]!);
    }
    [x, next] = [next, x];
    if (change < n * tol) return toRecord(keys, x);
  }
  throw new ConvergenceError(fn, maxIter, tol, `last L1 change ${change} >= n * tol = ${n * tol}`);
}

/** Euclidean norm without overflow or underflow (scaled sum of squares, as `math.hypot`). */
function euclideanNorm(values: Float64Array): number {
  let scale = 0;
  for (const v of values) scale = Math.max(scale, Math.abs(v));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let sum = 0;
  for (const v of values) {
    const r = v / scale;
    sum += r * r;
  }
  return scale * Math.sqrt(sum);
}
