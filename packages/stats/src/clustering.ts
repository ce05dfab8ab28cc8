import { checkOptions } from '@mgraph/core';
import type { AbstractGraph as Graph } from 'graphology-types';
import { attributeOption, indexGraph, toRecord } from './graph-index.js';

/** Options of {@link clustering}. */
export interface ClusteringOptions {
  /**
   * Edge attribute of the weight for the weighted coefficient (geometric mean of the
   * normalised triangle weights); undefined for the plain coefficient. Default undefined.
   */
  weight?: string;
}

/**
 * Local clustering coefficient of every node, as networkx `clustering` on an undirected graph.
 *
 * Plain: `c_u = 2 T(u) / (deg(u) (deg(u) - 1))`, `T(u)` the triangles through `u`. Weighted:
 * `c_u = 1 / (deg(u) (deg(u) - 1)) * sum_{v,w} (ŵ_uv ŵ_uw ŵ_vw)^(1/3)` over ordered neighbour
 * pairs, `ŵ = w / max(w)` with the maximum over all edges (self-loops included). Self-loops
 * never count as neighbours; nodes of degree < 2 get 0.
 *
 * @param graph - simple undirected graphology graph
 * @param options - `weight` (default undefined: plain coefficient)
 * @returns clustering keyed by node
 * @throws InvalidArgumentError for a directed / multi graph or a non-finite weight
 *
 * @remarks
 * References: D. J. Watts, S. H. Strogatz, "Collective dynamics of small-world networks",
 * Nature 393 (1998), doi:10.1038/30918. J.-P. Onnela, J. Saramäki, J. Kertész, K. Kaski,
 * "Intensity and coherence of motifs in weighted complex networks", Phys. Rev. E 71 (2005),
 * doi:10.1103/PhysRevE.71.065103. networkx 2.8 `algorithms.cluster.clustering`.
 */
export function clustering(graph: Graph, options: ClusteringOptions = {}): Record<string, number> {
  const fn = 'clustering';
  const weight = attributeOption(fn, 'weight', checkOptions(fn, options, { weight: true }).weight);
  const { keys, offsets, targets, weights, loops, hasLoop } = indexGraph(fn, graph, weight);
  const n = keys.length;
  let maxWeight = 1;
  if (weight !== undefined && (targets.length > 0 || hasLoop.some((h) => h === 1))) {
    maxWeight = Number.NEGATIVE_INFINITY;
    for (const w of weights) if (w > maxWeight) maxWeight = w;
    for (let i = 0; i < n; i++) if (hasLoop[i] && loops[i]! > maxWeight) maxWeight = loops[i]!;
  }
  // mark[j] = 1 + position of j in i's adjacency, so the weight of (i, j) is at hand
  const mark = new Int32Array(n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    const deg = end - start;
    if (deg < 2) continue;
    for (let k = start; k < end; k++) mark[targets[k]!] = k + 1;
    let total = 0;
    for (let k = start; k < end; k++) {
      const j = targets[k]!;
      const wij = weights[k]! / maxWeight;
      for (let m = offsets[j]!; m < offsets[j + 1]!; m++) {
        const back = mark[targets[m]!]!;
        if (back === 0) continue;
        total +=
          weight === undefined
            ? 1
            : Math.cbrt(wij * (weights[m]! / maxWeight) * (weights[back - 1]! / maxWeight));
      }
    }
    for (let k = start; k < end; k++) mark[targets[k]!] = 0;
    out[i] = total === 0 ? 0 : total / (deg * (deg - 1));
  }
  return toRecord(keys, out);
}
