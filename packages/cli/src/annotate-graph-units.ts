import type { MicrostructureGraph } from '@mgraph/graph';

/**
 * Equivalent diameter of a volume: the diameter of the ball of that volume, `(6 V / pi)^(1/3)`
 * (scikit-image's `equivalent_diameter_area` in 3D).
 *
 * @param volume - a volume in unit^3
 * @returns the diameter in unit
 */
export function equivalentDiameter(volume: number): number {
  return Math.cbrt((6 * volume) / Math.PI);
}

/**
 * Write physical units onto a graph (mutates the graph given, which the caller has just
 * built): node attributes `volume` (unit^3, voxels x voxel volume), `equivalentDiameter`
 * (unit) and `centroidPhysical` (unit, centroid x spacing); graph attributes `spacing`,
 * `unit` and one `unit_<attribute>` per attribute saying its unit, so that a GraphML reader
 * knows what each number means; the object `tpbReach` of `particleTpbLength` becomes one
 * string attribute `tpbReach_<phase>` per TPB phase (GraphML has no object type).
 *
 * @param graph - the contact graph of `buildGraph`
 * @param spacing - voxel size `[dz, dy, dx]`
 * @param unit - unit of `spacing`
 */
export function annotateGraphUnits(
  graph: MicrostructureGraph,
  spacing: readonly number[],
  unit: string,
): void {
  const voxel = spacing.reduce((a, b) => a * b, 1);
  graph.forEachNode((key, a) => {
    const volume = a.size * voxel;
    graph.mergeNodeAttributes(key, {
      volume,
      equivalentDiameter: equivalentDiameter(volume),
      centroidPhysical: a.centroid.map((c, i) => c * spacing[i]!),
    } as never);
  });
  const units: Record<string, string> = {
    unit_size: 'voxel',
    unit_centroid: 'voxel',
    unit_bbox: 'voxel',
    unit_volume: `${unit}^3`,
    unit_equivalentDiameter: unit,
    unit_centroidPhysical: unit,
    unit_countAB: 'voxel',
    unit_countBA: 'voxel',
    unit_strength: 'voxel',
  };
  const reach = (graph.getAttributes() as { tpbReach?: Record<string, string> }).tpbReach;
  if (reach) {
    // GraphML holds no objects: one string attribute per TPB phase instead
    graph.removeAttribute('tpbReach' as never);
    for (const [phase, r] of Object.entries(reach)) units[`tpbReach_${phase}`] = r;
    units.unit_tpbLength = unit;
    units.unit_activeTpbLength = unit;
  }
  graph.mergeAttributes({ spacing: [...spacing], unit, ...units } as never);
}
