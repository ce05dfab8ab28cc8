import type { PhaseScheme } from '@mgraph/core';
import type { ConcurrentChannels, MicrostructureGraph, TriplePhaseBoundaries } from '@mgraph/graph';
import { sizeHistogram, type VolumeFractionsResult } from '@mgraph/morphology';
import { type Cell, columns, type Table } from './table.js';

/** Bins of the particle size distribution histogram. */
export const PSD_BINS = 20;

/**
 * The phases table: per phase its code, raw values, voxels, volume fraction, volume in
 * unit^3 and number of objects.
 *
 * @param scheme - the phase scheme
 * @param fractions - `volumeFractions` of `@mgraph/morphology`
 * @param objects - objects per object phase (`instanceSegmentation`'s `countByPhase`)
 * @returns the table `phases`
 */
export function phaseTable(
  scheme: PhaseScheme,
  fractions: VolumeFractionsResult,
  objects: Readonly<Record<string, number>>,
): Table {
  return {
    name: 'phases',
    title: 'Phases',
    description: `Voxels of each phase of scheme "${scheme.name}", their volume fraction and volume, and the objects cut from the phase (empty when the scheme does not cut it).`,
    columns: columns(
      ['phase', ''],
      ['code', ''],
      ['values', ''],
      ['voxels', 'voxel'],
      ['volumeFraction', '-'],
      ['volume', `${fractions.unit}^3`],
      ['objects', ''],
    ),
    rows: scheme.phases.map((phase, code) => ({
      phase,
      code,
      values: scheme.values[code]!.join(' '),
      voxels: fractions.voxels[phase]!,
      volumeFraction: fractions.fractions[phase]!,
      volume: fractions.volumes[phase]!,
      objects: objects[phase] ?? Number.NaN,
    })),
  };
}

/** A numeric node attribute written by `@mgraph/graph` or `@mgraph/morphology` (NaN when absent). */
function num(attributes: object, key: string): number {
  const v = (attributes as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : Number.NaN;
}

/**
 * The particles table (one row per object: label, phase, voxels, volume, equivalent
 * diameter, physical centroid, marching-cubes surface and sphericity, face-counted surface
 * and area against each phase, whether it touches the border, degree, TPB triangles and TPB
 * lengths, channel category) and the particle size distribution table (equivalent diameters
 * of each object phase in {@link PSD_BINS} equal bins from 0 to the largest, by
 * `sizeHistogram` of `@mgraph/morphology`).
 *
 * @param graph - the contact graph annotated by `annotateGraphUnits`
 * @param scheme - its phase scheme
 * @param unit - the length unit
 * @param tpb - TPB triangles, or null
 * @param channels - concurrent channels, or null
 * @returns the tables `particles` and `psd`
 */
export function particleTables(
  graph: MicrostructureGraph,
  scheme: PhaseScheme,
  unit: string,
  tpb: TriplePhaseBoundaries | null,
  channels: ConcurrentChannels | null,
): [Table, Table] {
  const rows: Record<string, Cell>[] = [];
  graph.forEachNode((key, a) => {
    const c = (a as { physicalCentroid?: number[] }).physicalCentroid ?? [];
    const row: Record<string, Cell> = {
      label: a.label,
      phase: a.phase,
      voxels: a.size,
      volume: num(a, 'volume'),
      equivalentDiameter: num(a, 'equivalentDiameter'),
      centroidZ: c[0] ?? Number.NaN,
      centroidY: c[1] ?? Number.NaN,
      centroidX: c[2] ?? Number.NaN,
      surfaceAreaMarchingCubes: num(a, 'surfaceAreaMarchingCubes'),
      sphericity: num(a, 'sphericity'),
      surfaceArea: num(a, 'surfaceArea'),
    };
    for (const phase of scheme.phases) row[`area_${phase}`] = num(a, `area_${phase}`);
    Object.assign(row, {
      touchesBorder: (a as { touchesBorder?: boolean }).touchesBorder ?? '',
      degree: graph.degree(key),
      tpbCount: tpb?.countByNode[key] ?? Number.NaN,
      tpbLength: num(a, 'tpbLength'),
      activeTpbLength: num(a, 'activeTpbLength'),
      channelCategory: channels?.categoryByNode[key] ?? '',
      ionicResistance: num(a, 'ionicResistance'),
      electronicResistance: num(a, 'electronicResistance'),
      accessCurrent: num(a, 'accessCurrent'),
      wired: (a as { wired?: boolean }).wired ?? '',
    });
    rows.push(row);
  });
  const particles: Table = {
    name: 'particles',
    title: 'Particles',
    description:
      'One row per object: voxels, volume, equivalent diameter (of the ball of the same volume), centroid, marching-cubes surface area and sphericity (Wadell), face-counted surface and its area against each phase (area_<phase>), whether it touches the border (its size and surface are cut), degree in the contact graph, TPB triangles it belongs to, length of voxel-edge TPB (total and active) on its surface, channel category, and for the active phase the Kirchhoff accessibility (resistance to the ionic boundary at the low face of axis z and to the electronic boundary at the high face, the current under 1 V, wired: reaches both; empty where there is no path).',
    columns: columns(
      ['label', ''],
      ['phase', ''],
      ['voxels', 'voxel'],
      ['volume', `${unit}^3`],
      ['equivalentDiameter', unit],
      ['centroidZ', unit],
      ['centroidY', unit],
      ['centroidX', unit],
      ['surfaceAreaMarchingCubes', `${unit}^2`],
      ['sphericity', '-'],
      ['surfaceArea', `${unit}^2`],
      ...scheme.phases.map((p): [string, string] => [`area_${p}`, `${unit}^2`]),
      ['touchesBorder', ''],
      ['degree', ''],
      ['tpbCount', ''],
      ['tpbLength', unit],
      ['activeTpbLength', unit],
      ['channelCategory', ''],
      ['ionicResistance', 'ohm'],
      ['electronicResistance', 'ohm'],
      ['accessCurrent', 'A/V'],
      ['wired', ''],
    ),
    rows,
  };
  const psdRows: Record<string, Cell>[] = [];
  for (const phase of scheme.objects) {
    const d = rows.filter((r) => r.phase === phase).map((r) => r.equivalentDiameter as number);
    if (d.length === 0) continue;
    const { edges, counts } = sizeHistogram(d, {
      bins: PSD_BINS,
      range: [0, d.reduce((m, v) => Math.max(m, v), 0)],
    });
    for (const [i, count] of counts.entries())
      psdRows.push({ phase, binLow: edges[i]!, binHigh: edges[i + 1]!, count });
  }
  const psd: Table = {
    name: 'psd',
    title: 'Particle size distribution',
    description: `Equivalent diameters of the objects of each phase in ${PSD_BINS} equal bins from 0 to the largest (numpy.histogram: a bin holds binLow <= d < binHigh, the last also d = binHigh).`,
    columns: columns(['phase', ''], ['binLow', unit], ['binHigh', unit], ['count', '']),
    rows: psdRows,
  };
  return [particles, psd];
}

/**
 * The contacts table (edges of the graph per pair of phases, with the summed contact
 * strength in voxels and the summed contact area of `particleContactAreas`) and the graph summary (nodes, edges, objects and mean degree per
 * phase, TPB triangles, channel categories).
 *
 * @param graph - the contact graph
 * @param tpb - TPB triangles, or null
 * @param channels - concurrent channels, or null
 * @returns the tables `contacts` and `graph`
 */
export function graphTables(
  graph: MicrostructureGraph,
  tpb: TriplePhaseBoundaries | null,
  channels: ConcurrentChannels | null,
): [Table, Table] {
  const scheme = graph.getAttribute('scheme');
  const pairs = new Map<
    string,
    { phaseA: string; phaseB: string; edges: number; strength: number; contactArea: number }
  >();
  graph.forEachEdge((_, e, __, ___, sa, ta) => {
    const [pa, pb] = [sa.phase, ta.phase].sort(
      (x, y) => scheme.phases.indexOf(x) - scheme.phases.indexOf(y),
    ) as [string, string];
    const key = `${pa}\u0000${pb}`;
    const entry = pairs.get(key) ?? {
      phaseA: pa,
      phaseB: pb,
      edges: 0,
      strength: 0,
      contactArea: 0,
    };
    entry.edges += 1;
    entry.strength += e.strength;
    entry.contactArea += num(e, 'contactArea');
    pairs.set(key, entry);
  });
  const contacts: Table = {
    name: 'contacts',
    title: 'Contacts',
    description: `Edges of the contact graph (objects within the ${graph.getAttribute('window')}^3 adjacency window) per pair of phases, their summed contact strength (voxels) and summed contact area (faces the two objects share, face counting; 0 for an edge whose objects are near but do not touch).`,
    columns: columns(
      ['phaseA', ''],
      ['phaseB', ''],
      ['edges', ''],
      ['strength', 'voxel'],
      ['contactArea', `${graph.getAttribute('unit' as never) ?? 'voxel'}^2`],
    ),
    rows: [...pairs.values()],
  };
  const rows: Record<string, Cell>[] = [
    { quantity: 'nodes', phase: 'all', value: graph.order },
    { quantity: 'edges', phase: 'all', value: graph.size },
  ];
  for (const phase of scheme.objects) {
    const nodes = graph.filterNodes((_, a) => a.phase === phase);
    const degree = nodes.reduce((s, n) => s + graph.degree(n), 0);
    rows.push({ quantity: 'nodes', phase, value: nodes.length });
    rows.push({
      quantity: 'meanDegree',
      phase,
      value: nodes.length ? degree / nodes.length : Number.NaN,
    });
  }
  if (tpb) {
    rows.push({
      quantity: 'tpbTriangles',
      phase: tpb.phases.join('-'),
      value: tpb.triangles.length,
    });
    const p0 = Object.entries(tpb.countByNode).filter(
      ([n, c]) => graph.getNodeAttribute(n, 'phase') === tpb.phases[0] && c > 0,
    );
    rows.push({ quantity: 'objectsInTpb', phase: tpb.phases[0], value: p0.length });
  }
  if (channels) {
    const { active } = channels.roles;
    for (const category of ['ionic-only', 'electronic-only', 'both', 'none'])
      rows.push({
        quantity: `channel ${category}`,
        phase: active,
        value: Object.values(channels.categoryByNode).filter((c) => c === category).length,
      });
    rows.push({ quantity: 'concurrentPairs', phase: active, value: channels.pairs.length });
  }
  const summary: Table = {
    name: 'graph',
    title: 'Graph summary',
    description:
      'The contact graph: nodes and mean degree per object phase, TPB triangles (three mutually touching objects of the TPB phases) and the active particles by channel category.',
    columns: columns(['quantity', ''], ['phase', ''], ['value', '']),
    rows,
  };
  return [contacts, summary];
}
