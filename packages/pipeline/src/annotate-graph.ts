import type { AnalysisGraph, ParticleRow } from './types.js';

/**
 * Structural features on every node (`tpbCount`, `concurrentChannel` as 0/1), and the
 * descriptors on active nodes whose descriptors are valid.
 */
export function annotateGraph(
  graph: AnalysisGraph,
  particles: readonly ParticleRow[],
  tpbCount: Record<string, number>,
  concurrent: Record<string, boolean>,
): void {
  for (const p of particles)
    if (p.descriptorsValid)
      graph.mergeNodeAttributes(p.node, {
        soc: p.soc,
        heterogeneity: p.heterogeneity,
        polarization: p.polarization,
      });
  graph.forEachNode((key) =>
    graph.mergeNodeAttributes(key, {
      tpbCount: tpbCount[key] ?? 0,
      concurrentChannel: concurrent[key] === true ? 1 : 0,
    }),
  );
}
