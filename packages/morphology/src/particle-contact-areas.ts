import {
  assertCallback,
  assertSignal,
  checkOptions,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
  type PhaseMap,
  type PhaseScheme,
  type ProgressCallback,
} from '@mgraph/core';
import type { MicrostructureGraph } from '@mgraph/graph';
import { contactFaceAreas } from './contact-face-areas.js';
import { graphVoxelGrid } from './graph-voxel-grid.js';
import { labelGrid } from './label-grid.js';
import type { UnitOptions } from './voxel-grid.js';

/** Options of {@link particleContactAreas}. */
export interface ParticleContactAreasOptions extends UnitOptions {
  /** The phase scheme; default the graph's `scheme` attribute (given, it must agree). */
  scheme?: PhaseScheme;
  /** Called after each plane with `(planesDone, planes)`. */
  onProgress?: ProgressCallback;
  /** Checked between planes; aborting throws core's `AbortError`. */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<ParticleContactAreasOptions> = {
  spacing: true,
  unit: true,
  scheme: true,
  onProgress: true,
  signal: true,
};

/**
 * Contact areas of every particle by face counting, written onto a copy of a microstructure
 * graph: the voxel faces between a particle's voxels and each face neighbour outside it,
 * each face with its physical area (product of the two other spacings; in 2D the other
 * spacing, a length), faces on the map's border not counted (TauFactor's face counting,
 * per particle).
 *
 * Written (every node and edge, 0 where there is no contact):
 * - node `area_<phase>` for every phase of the scheme: area against voxels of that phase
 *   that are not the particle (other particles of the same phase included), in `unit`^2;
 * - node `surfaceArea`: the sum of those, the particle's whole face-counted surface;
 * - edge `contactArea`: area of the faces the two particles share. The graph's edges come
 *   from a dilation window, so two particles a few voxels apart have an edge and
 *   `contactArea` 0: nothing is invented for them;
 * - graph `area_unit` (`unit^2`, `unit` in 2D), `edges_without_contact` (edges with
 *   `contactArea` 0) and `contacts_without_edge` (particle pairs sharing faces with no edge
 *   in the graph; their area is in `area_<phase>` but on no edge). Graph attribute names are
 *   lower case because GEXF's `<meta>` keeps no capitals.
 * The input graph is not changed. All values are numbers, so they survive the GraphML,
 * GEXF and JSON writers of `@mgraph/graph`.
 *
 * @param graph - a {@link MicrostructureGraph} of `instances` (node key = label)
 * @param phases - the uint8 phase map the instances were cut from
 * @param instances - integer label map (int32 / uint32 / uint16 / uint8) of the same shape;
 *   0 = no particle
 * @param options - `scheme` (the graph's), `spacing` (all 1), `unit` (`'voxel'`),
 *   `onProgress`, `signal`
 * @returns a new graph with the attributes above
 * @throws ShapeMismatchError when `instances`, `phases` and the graph's `shape` differ;
 *   InvalidArgumentError for a label with no node, a label on a voxel of another phase than
 *   its node's, a scheme the graph disagrees with, a bad map, spacing, unit or option;
 *   AbortError when `signal` fires
 *
 * @remarks
 * References: S. J. Cooper et al., SoftwareX 5 (2016) 203-210,
 * doi:10.1016/j.softx.2016.09.002 (TauFactor face counting).
 */
export function particleContactAreas(
  graph: MicrostructureGraph,
  phases: PhaseMap,
  instances: NdArray,
  options: ParticleContactAreasOptions | null = {},
): MicrostructureGraph {
  const fn = 'particleContactAreas';
  const opts = checkOptions(fn, options, KEYS);
  assertCallback(fn, 'options.onProgress', opts.onProgress);
  assertSignal(fn, 'options.signal', opts.signal);
  const grid = graphVoxelGrid(fn, graph, phases, instances, opts);
  const scheme = grid.scheme;
  const labels = labelGrid(fn, 'instances', instances, opts.spacing, opts.unit);
  const nodePhase = new Int16Array(labels.maxLabel + 1).fill(-1);
  graph.forEachNode((_, attr) => {
    if (Number.isInteger(attr.label) && attr.label > 0 && attr.label <= labels.maxLabel) {
      nodePhase[attr.label] = attr.phaseCode;
    }
  });
  checkLabelPhases(fn, labels.labels, grid.codes, nodePhase, scheme);
  const n = scheme.phases.length;
  const { perPhase, pairs } = contactFaceAreas(
    fn,
    labels.labels,
    grid.codes,
    grid.shape,
    grid.spacing,
    grid.ndim,
    n,
    labels.maxLabel,
    opts.onProgress,
    opts.signal,
  );
  const out = graph.copy() as MicrostructureGraph;
  out.updateEachNodeAttributes((_, attr) => {
    const l = attr.label;
    const extra: Record<string, number> = {};
    let total = 0;
    for (let p = 0; p < n; p++) {
      const a = l > 0 && l <= labels.maxLabel ? perPhase[l * n + p]! : 0;
      extra[`area_${scheme.phases[p]}`] = a;
      total += a;
    }
    return { ...attr, ...extra, surfaceArea: total };
  });
  let edgesWithoutContact = 0;
  let onEdges = 0;
  out.updateEachEdgeAttributes((_, attr) => {
    const lo = Math.min(attr.a, attr.b);
    const hi = Math.max(attr.a, attr.b);
    const area = pairs.get(lo)?.get(hi) ?? 0;
    if (area === 0) edgesWithoutContact++;
    else onEdges++;
    return { ...attr, contactArea: area };
  });
  let pairCount = 0;
  for (const row of pairs.values()) pairCount += row.size;
  out.setAttribute(
    'area_unit' as 'scheme',
    (grid.ndim === 3 ? `${grid.unit}^2` : grid.unit) as never,
  );
  out.setAttribute('edges_without_contact' as 'scheme', edgesWithoutContact as never);
  out.setAttribute('contacts_without_edge' as 'scheme', (pairCount - onEdges) as never);
  return out;
}

/** Every labelled voxel's phase is its node's phase (and every label has a node). */
function checkLabelPhases(
  fn: string,
  labels: ArrayLike<number>,
  codes: Uint8Array,
  nodePhase: Int16Array,
  scheme: PhaseScheme,
): void {
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l === 0 || nodePhase[l] === codes[i]) continue;
    if (nodePhase[l] === -1) {
      throw new InvalidArgumentError(
        fn,
        'instances',
        `label ${l} with no node in the graph`,
        'labels that are nodes of the graph (build the graph from these instances)',
      );
    }
    throw new InvalidArgumentError(
      fn,
      'instances',
      `label ${l} at a voxel of phase ${scheme.phases[codes[i]!]}`,
      `the phase of node ${l} (${scheme.phases[nodePhase[l]!] ?? nodePhase[l]})`,
    );
  }
}
