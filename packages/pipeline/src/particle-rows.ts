import type { ParticleDescriptors } from '@mgraph/electrochem';
import type { TriplePhaseBoundaries } from '@mgraph/graph';
import type { NodeMetricsRow } from '@mgraph/stats';
import type { AccessibilityColumns } from './particle-accessibility.js';
import type { AnalysisGraph, ParticleRow, TpbRow } from './types.js';

/** What the stages found, keyed by graph node: the inputs of {@link particleRows}. */
export interface StageResults {
  tpbCount: Record<string, number>;
  category: Record<string, ParticleRow['channelCategory']>;
  concurrent: Record<string, boolean>;
  /** `null` without an energy map: every row then says `'no energy map'`. */
  descriptors: ParticleDescriptors[] | null;
  metrics: NodeMetricsRow[];
  /** Accessibility columns by node; `null` without `options.transport`. */
  access: Record<string, AccessibilityColumns> | null;
}

/** The per-particle rows: graph attributes, descriptors, TPB and channel membership, metrics. */
export function particleRows(
  graph: AnalysisGraph,
  keys: readonly string[],
  found: StageResults,
): ParticleRow[] {
  const descriptors = new Map((found.descriptors ?? []).map((d) => [d.label, d]));
  const metrics = new Map(found.metrics.map((m) => [m.node, m]));
  return keys.map((node) => {
    const { label, phase, size } = graph.getNodeAttributes(node);
    const d = descriptors.get(label);
    const valid = d?.valid === true;
    const m = metrics.get(node)!;
    const tpbCount = found.tpbCount[node] ?? 0;
    return {
      node,
      label,
      phase,
      size,
      soc: valid ? d.soc! : Number.NaN,
      heterogeneity: valid ? d.heterogeneity! : Number.NaN,
      polarization: valid ? d.polarization! : Number.NaN,
      descriptorsValid: valid,
      descriptorNote: found.descriptors ? (d?.reason ?? '') : 'no energy map',
      tpbCount,
      inTpb: tpbCount > 0,
      channelCategory: found.category[node] ?? 'none',
      concurrentChannel: found.concurrent[node] === true,
      degree: m.degree,
      weightedDegree: m.weightedDegree,
      clustering: m.clustering,
      betweenness: m.betweenness,
      closeness: m.closeness,
      eigenvector: m.eigenvector,
      neighbors: { ...m.neighbors },
      ...(found.access ? found.access[node] : {}),
    };
  });
}

/** One row per triple phase boundary (none when the scheme declares no TPB). */
export function tpbRows(graph: AnalysisGraph, tpb: TriplePhaseBoundaries | null): TpbRow[] {
  return (tpb?.triangles ?? []).map((t) => ({
    nodes: [...t.nodes],
    label: graph.getNodeAttribute(t.nodes[0], 'label'),
    size: graph.getNodeAttribute(t.nodes[0], 'size'),
    perimeter: t.perimeter,
    interfaceRatio: t.ratio,
  }));
}
