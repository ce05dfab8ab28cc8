import { checkOptions, type ProgressCallback, throwIfAborted } from '@mgraph/core';
import type { AbstractGraph as Graph } from 'graphology-types';
import { type GraphIndex, sourceSweep, toRecord } from './graph-index.js';
import { dijkstraPaths } from './shortest-paths.js';

/** Options of {@link closenessCentrality}. */
export interface ClosenessCentralityOptions {
  /**
   * Wasserman-Faust improvement (networkx `wf_improved`): scale by the fraction of the other
   * nodes that are reachable, so that small components do not score high. Default true.
   */
  wfImproved?: boolean;
  /**
   * Edge attribute read as a length (networkx `distance`; a missing attribute counts as 1);
   * undefined for hop counts. Default undefined.
   */
  distance?: string;
  /** Called after each source node with `(done, total)`. */
  onProgress?: ProgressCallback;
  /** Cancels between source nodes with an `AbortError`. */
  signal?: AbortSignal;
}

/**
 * Closeness centrality of every node, as networkx `closeness_centrality`:
 * `c(u) = (r - 1) / sum_v d(u, v)` over the `r` nodes reachable from `u` (itself included),
 * times `(r - 1) / (n - 1)` when `wfImproved`; 0 for an isolated node.
 *
 * Written here (breadth-first search, or Dijkstra for `distance`) rather than wrapping
 * graphology-metrics' closeness, which has no distance option, defaults to
 * `wassermanFaust: false`, and on a graph with self-loops gives isolated nodes a non-zero
 * closeness (its neighbourhood index miscounts loops).
 *
 * @param graph - simple undirected graphology graph; self-loops are ignored
 * @param options - `wfImproved` (true), `distance` (undefined: hops), `onProgress`, `signal`
 * @returns closeness keyed by node
 * @throws InvalidArgumentError for a directed / multi graph, or a distance that is not a
 *   finite number > 0; AbortError when `signal` fires
 *
 * @remarks
 * References: L. C. Freeman, "Centrality in networks: I. Conceptual clarification", Social
 * Networks 1 (1979), doi:10.1016/0378-8733(78)90021-7. S. Wasserman, K. Faust, "Social
 * Network Analysis", Cambridge University Press (1994), p. 201. networkx 2.8
 * `closeness_centrality`.
 */
export function closenessCentrality(
  graph: Graph,
  options: ClosenessCentralityOptions = {},
): Record<string, number> {
  const fn = 'closenessCentrality';
  const checked = checkOptions(fn, options, {
    wfImproved: true,
    distance: true,
    onProgress: true,
    signal: true,
  });
  const {
    flag: wfImproved,
    attribute: distance,
    onProgress,
    signal,
    index,
  } = sourceSweep(fn, graph, checked, 'wfImproved', 'distance');
  const n = index.keys.length;
  const search = distance === undefined ? hopDistances(index) : weightedDistances(index);
  const out = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    throwIfAborted(fn, signal);
    const [count, total] = search(s);
    if (total > 0 && n > 1) {
      const reached = count - 1;
      out[s] = wfImproved ? (reached / total) * (reached / (n - 1)) : reached / total;
    }
    onProgress?.(s + 1, n);
  }
  return toRecord(index.keys, out);
}

/** Breadth-first search from a source: `[nodes reached (source included), sum of hop distances]`. */
function hopDistances({ offsets, targets }: GraphIndex): (source: number) => [number, number] {
  const n = offsets.length - 1;
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let reached = 0;
  return (source) => {
    for (let k = 0; k < reached; k++) dist[queue[k]!] = -1;
    dist[source] = 0;
    queue[0] = source;
    let head = 0;
    let tail = 1;
    let total = 0;
    while (head < tail) {
      const v = queue[head++]!;
      const next = dist[v]! + 1;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
        const w = targets[k]!;
        if (dist[w] === -1) {
          dist[w] = next;
          total += next;
          queue[tail++] = w;
        }
      }
    }
    reached = tail;
    return [tail, total];
  };
}

/** Dijkstra search from a source: `[nodes reached, sum of distances in settling order]`. */
function weightedDistances(index: GraphIndex): (source: number) => [number, number] {
  const paths = dijkstraPaths(index);
  return (source) => {
    paths.run(source);
    let total = 0;
    for (let k = 0; k < paths.count; k++) total += paths.dist[paths.order[k]!]!;
    return [paths.count, total];
  };
}
