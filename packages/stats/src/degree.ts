import { checkOptions, InvalidArgumentError } from '@mgraph/core';
import type { AbstractGraph as Graph } from 'graphology-types';
import { attributeOption, indexGraph, toRecord } from './graph-index.js';

/**
 * Degree of every node, as networkx `G.degree`: the number of incident edges, a self-loop
 * counting twice.
 *
 * @param graph - simple undirected graphology graph
 * @returns degree keyed by node
 * @throws InvalidArgumentError when `graph` is not a simple undirected graphology graph
 * @example degree(graph)['12'] // 5
 */
export function degree(graph: Graph): Record<string, number> {
  return weightedSum('degree', graph, undefined);
}

/** Options of {@link weightedDegree}. */
export interface WeightedDegreeOptions {
  /** Edge attribute holding the weight; a missing attribute counts as 1. Default `'weight'`. */
  weight?: string;
}

/**
 * Weighted degree of every node, as networkx `G.degree(weight=...)`: the sum of the weights of
 * the incident edges, a self-loop counting twice.
 *
 * @param graph - simple undirected graphology graph
 * @param options - `weight` (default `'weight'`)
 * @returns weighted degree keyed by node
 * @throws InvalidArgumentError for a directed / multi graph or a non-finite weight
 */
export function weightedDegree(
  graph: Graph,
  options: WeightedDegreeOptions = {},
): Record<string, number> {
  const fn = 'weightedDegree';
  const checked = checkOptions(fn, options, { weight: true });
  const weight = attributeOption(fn, 'weight', checked.weight ?? 'weight');
  return weightedSum('weightedDegree', graph, weight);
}

function weightedSum(fn: string, graph: Graph, weight: string | undefined) {
  const { keys, offsets, weights, loops, hasLoop } = indexGraph(fn, graph, weight);
  const out = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    let s = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) s += weights[k]!;
    out[i] = s + (hasLoop[i] ? 2 * loops[i]! : 0);
    if (!Number.isFinite(out[i]!)) {
      throw new InvalidArgumentError(
        fn,
        `graph node ${JSON.stringify(keys[i])} edge attribute ${weight}`,
        out[i],
        'weights whose sum at a node fits a double (it overflows to Infinity)',
      );
    }
  }
  return toRecord(keys, out);
}
