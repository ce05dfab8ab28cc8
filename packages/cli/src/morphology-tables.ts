import type {
  InterfacialAreasResult,
  MarchingCubesAreasResult,
  PhaseConnectivityResult,
  SpecificSurfaceAreaResult,
  TriplePhaseBoundaryResult,
} from '@mgraph/morphology';
import { type Cell, columns, type Table } from './table.js';

/**
 * The areas table: the surface of every phase and the interface of every phase pair, by
 * face counting (TauFactor's definition) and by marching cubes (scikit-image's), each as an
 * area and as a specific area over the total volume.
 *
 * @param surface - `specificSurfaceArea` of `@mgraph/morphology`
 * @param pairs - `interfacialAreas`
 * @param mc - `marchingCubesAreas`
 * @returns the table `areas`
 */
export function areaTable(
  surface: SpecificSurfaceAreaResult,
  pairs: InterfacialAreasResult,
  mc: MarchingCubesAreasResult,
): Table {
  const u = surface.unit;
  const rows: Record<string, Cell>[] = [];
  for (const p of mc.phases)
    rows.push({
      surface: p.phase,
      area: surface.area[p.phase]!,
      specificArea: surface.specificArea[p.phase]!,
      areaMarchingCubes: p.area,
      specificAreaMarchingCubes: p.specificArea,
    });
  pairs.pairs.forEach((pair, i) => {
    const m = mc.pairs[i]!;
    rows.push({
      surface: pair.phases.join('|'),
      area: pair.area,
      specificArea: pair.specificArea,
      areaMarchingCubes: m.area,
      specificAreaMarchingCubes: m.specificArea,
    });
  });
  return {
    name: 'areas',
    title: 'Surface and interfacial areas',
    description: `The surface of each phase and the interface of each pair of phases (a|b), by face counting (faces between unlike voxels times the face area, TauFactor's definition) and by marching cubes (scikit-image's marching_cubes + mesh_surface_area of the indicator); specific areas are over the total volume ${surface.totalVolume} ${u}^3.`,
    columns: columns(
      ['surface', ''],
      ['area', `${u}^2`],
      ['specificArea', `1/${u}`],
      ['areaMarchingCubes', `${u}^2`],
      ['specificAreaMarchingCubes', `1/${u}`],
    ),
    rows,
  };
}

/**
 * The TPB table: voxel-edge triple phase boundary (total and active), as a count, TauFactor's
 * fraction of candidate edges, a length and a length per volume.
 *
 * @param tpb - `triplePhaseBoundaryDensity` of `@mgraph/morphology`
 * @returns the table `tpb`
 */
export function tpbTable(tpb: TriplePhaseBoundaryResult): Table {
  const u = tpb.unit;
  const rows: Record<string, Cell>[] = [
    { quantity: 'edges', value: tpb.count, unit: '' },
    { quantity: 'candidateEdges', value: tpb.candidates, unit: '' },
    { quantity: 'fraction', value: tpb.fraction, unit: '-' },
    { quantity: 'length', value: tpb.length ?? Number.NaN, unit: u },
    { quantity: 'density', value: tpb.density, unit: `${u}/${u}^3` },
  ];
  if (tpb.active) {
    const a = tpb.active;
    rows.push(
      { quantity: 'activeEdges', value: a.count, unit: '' },
      { quantity: 'activeLength', value: a.length ?? Number.NaN, unit: u },
      { quantity: 'activeDensity', value: a.density, unit: `${u}/${u}^3` },
      { quantity: 'activeFractionOfTpb', value: a.fractionOfTpb, unit: '-' },
    );
    for (const [phase, reach] of Object.entries(a.reach))
      rows.push({ quantity: `reach ${phase}`, value: reach, unit: '' });
  }
  return {
    name: 'tpb',
    title: `Triple phase boundary (${tpb.phases.join('-')})`,
    description:
      "Voxel edges whose four voxels hold the three TPB phases (TauFactor's triple_phase_boundary: the fraction is over the edges with four voxels); length and density in physical units. Active: edges where the component of each phase reaches the boundary given by its reach (Joos et al. 2014; axis 0 through the electrode).",
    columns: columns(['quantity', ''], ['value', ''], ['unit', '']),
    rows,
  };
}

/**
 * The connectivity table: for each phase and axis, the fractions of the phase that
 * percolate (touch both faces normal to the axis), end in one face (dead end) or touch
 * neither (isolated), as MATBOX and PoreSpy report them.
 *
 * @param result - `phaseConnectivity` of `@mgraph/morphology`
 * @returns the table `connectivity`
 */
export function connectivityTable(result: PhaseConnectivityResult): Table {
  const rows: Record<string, Cell>[] = [];
  for (const [phase, c] of Object.entries(result.phases))
    for (const [axis, a] of c.axes.entries())
      rows.push({
        phase,
        axis: ['z', 'y', 'x'][axis]!,
        volumeFraction: c.volumeFraction,
        percolating: a.percolating,
        deadEnd: a.deadEnd,
        isolated: a.isolated,
        components: c.components,
        unconnected: c.unconnected,
      });
  return {
    name: 'connectivity',
    title: 'Phase connectivity',
    description: `Fractions of each phase in components (connectivity ${result.connectivity}) touching both faces normal to the axis (percolating), one (deadEnd) or neither (isolated); unconnected: touching no face of the volume.`,
    columns: columns(
      ['phase', ''],
      ['axis', ''],
      ['volumeFraction', '-'],
      ['percolating', '-'],
      ['deadEnd', '-'],
      ['isolated', '-'],
      ['components', ''],
      ['unconnected', '-'],
    ),
    rows,
  };
}
