import { checkOptions, type ProgressCallback, throwIfAborted } from '@mgraph/core';
import type { AbstractGraph as Graph } from 'graphology-types';
import { sourceSweep, toRecord } from './graph-index.js';
import { breadthFirstPaths, dijkstraPaths } from './shortest-paths.js';

/** Options of {@link betweennessCentrality}. */
export interface BetweennessCentralityOptions {
  /** Divide by `(n - 1)(n - 2)` (networkx `normalized`); else halve (undirected). Default true. */
  normalized?: boolean;
  /**
   * Edge attribute read as a length (Dijkstra; a missing attribute counts as 1); undefined for
   * hop counts. Default undefined. Contact strength is not a length: pass e.g. its inverse.
   */
  weight?: string;
  /** Called after each source node with `(done, total)`. */
  onProgress?: ProgressCallback;
  /** Cancels between source nodes with an `AbortError`. */
  signal?: AbortSignal;
}

/**
 * Betweenness centrality of every node, as networkx `betweenness_centrality` (endpoints
 * excluded): `c(v) = sum_{s != v != t} sigma(s, t | v) / sigma(s, t)`, by Brandes'
 * accumulation from every source.
 *
 * Written here rather than wrapping graphology-metrics, whose indexed Brandes counts shortest
 * paths in a `Uint32Array` that wraps past 2^32 paths (reached on lattice-like contact
 * graphs); path counts here are doubles, as in networkx.
 *
 * @param graph - simple undirected graphology graph; self-loops are ignored
 * @param options - `normalized` (true), `weight` (undefined: hops), `onProgress`, `signal`
 * @returns betweenness keyed by node
 * @throws InvalidArgumentError for a directed / multi graph, or a weight that is not a finite
 *   number > 0; AbortError when `signal` fires
 *
 * @remarks
 * References: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25
 * (2001), doi:10.1080/0022250X.2001.9990249. networkx 2.8 `betweenness_centrality`.
 */
export function betweennessCentrality(
  graph: Graph,
  options: BetweennessCentralityOptions = {},
): Record<string, number> {
  const fn = 'betweennessCentrality';
  const checked = checkOptions(fn, options, {
    normalized: true,
    weight: true,
    onProgress: true,
    signal: true,
  });
  const {
    flag: normalized,
    attribute: weight,
    onProgress,
    signal,
    index,
  } = sourceSweep(fn, graph, checked, 'normalized', 'weight');
  const n = index.keys.length;
  const paths = weight === undefined ? breadthFirstPaths(index) : dijkstraPaths(index);
  const { order, sigma, preds, predCount } = paths;
  const { offsets } = index;
  const delta = new Float64Array(n);
  const out = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    throwIfAborted(fn, signal);
    paths.run(s);
    for (let k = 0; k < paths.count; k++) delta[order[k]!] = 0;
    for (let k = paths.count - 1; k >= 0; k--) {
      const w = order[k]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      const base = offsets[w]!;
      for (let p = 0; p < predCount[w]!; p++) {
        const v = preds[base + p]!;
        delta[v]! += sigma[v]! * coefficient;
      }
      if (w !== s) out[w]! += delta[w]!;
    }
    onProgress?.(s + 1, n);
  }
  const scale = normalized ? (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1) : 0.5;
  if (scale !== 1) for (let i = 0; i < n; i++) out[i]! *= scale;
  return toRecord(index.keys, out);
}
