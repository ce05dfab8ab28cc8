import type { PhaseScheme } from '@mgraph/core';
import type { MicrostructureGraph } from '@mgraph/graph';
import type { ParticleSizesResult, ParticleSphericityResult } from '@mgraph/morphology';

/**
 * Finish the report's graph for export (mutates the graph given, the caller's own copy):
 * node attributes `equivalentDiameter` and `touchesBorder` (`particleSizes`),
 * `surfaceAreaMarchingCubes` and `sphericity` (`particleSphericity`); one graph attribute
 * `unit_<attribute>` per numeric attribute naming its unit, so that a GraphML reader knows
 * what each number means (`particleTpbLength` has already set `tpb_unit` and
 * `tpb_reach_<phase>`).
 *
 * @param graph - the contact graph (`buildGraph` with `spacing` and `unit`, then
 *   `particleTpbLength` and `particleContactAreas` of `@mgraph/morphology`)
 * @param scheme - its phase scheme
 * @param sizes - `particleSizes` of the instances
 * @param shapes - `particleSphericity` of the instances
 * @param unit - the length unit
 */
export function annotateGraphUnits(
  graph: MicrostructureGraph,
  scheme: PhaseScheme,
  sizes: ParticleSizesResult,
  shapes: ParticleSphericityResult,
  unit: string,
): void {
  for (const p of sizes.particles)
    graph.mergeNodeAttributes(String(p.label), {
      equivalentDiameter: p.equivalentDiameter,
      touchesBorder: p.touchesBorder,
    } as never);
  for (const p of shapes.particles)
    graph.mergeNodeAttributes(String(p.label), {
      surfaceAreaMarchingCubes: p.surfaceArea,
      sphericity: p.sphericity,
    } as never);
  const units: Record<string, string> = {
    unit_size: 'voxel',
    unit_centroid: 'voxel',
    unit_bbox: 'voxel',
    unit_volume: `${unit}^3`,
    unit_physicalCentroid: unit,
    unit_equivalentDiameter: unit,
    unit_surfaceAreaMarchingCubes: `${unit}^2`,
    unit_sphericity: '-',
    unit_surfaceArea: `${unit}^2`,
    unit_countAB: 'voxel',
    unit_countBA: 'voxel',
    unit_strength: 'voxel',
    unit_contactArea: `${unit}^2`,
    unit_ionicResistance: 'ohm',
    unit_electronicResistance: 'ohm',
    unit_accessCurrent: 'A/V',
  };
  for (const phase of scheme.phases) units[`unit_area_${phase}`] = `${unit}^2`;
  if (graph.hasAttribute('tpb_unit' as never)) {
    units.unit_tpbLength = unit;
    units.unit_activeTpbLength = unit;
  }
  graph.mergeAttributes(units as never);
}
