import type { AnalysisGraph, AnalysisNodeAttributes, ParticleRow } from './types.js';

/**
 * Structural features on every node (`tpbCount`, `concurrentChannel` as 0/1), the
 * descriptors on active nodes whose descriptors are valid, and the accessibility of the
 * active nodes when computed (`wired` always, resistances and `accessCurrent` only where
 * finite: absent rather than null, so every graph format exports them).
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
  for (const p of particles) {
    if (p.wired === undefined) continue;
    const access: AnalysisNodeAttributes = { wired: p.wired } as AnalysisNodeAttributes;
    if (p.ionicResistance != null) access.ionicResistance = p.ionicResistance;
    if (p.electronicResistance != null) access.electronicResistance = p.electronicResistance;
    if (p.accessCurrent != null) access.accessCurrent = p.accessCurrent;
    graph.mergeNodeAttributes(p.node, access);
  }
  graph.forEachNode((key) =>
    graph.mergeNodeAttributes(key, {
      tpbCount: tpbCount[key] ?? 0,
      concurrentChannel: concurrent[key] === true ? 1 : 0,
    }),
  );
}
