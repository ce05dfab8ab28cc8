import {
  assertAllocation,
  assertCallback,
  assertDtype,
  assertSignal,
  checkOptions,
  flatData,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
  type PhaseMap,
  type PhaseScheme,
  type ProgressCallback,
} from '@mgraph/core';
import type { MicrostructureGraph } from '@mgraph/graph';
import { activeTpbEdges, EDGE_VOXELS } from './active-tpb-edges.js';
import type { BoundaryReach } from './boundary-reach.js';
import { graphVoxelGrid } from './graph-voxel-grid.js';
import { phaseComponents } from './phase-components.js';
import { type TpbEdgeMap, tpbEdges } from './tpb-edges.js';
import { tpbSetup } from './triple-phase-boundary-density.js';
import type { UnitOptions, VoxelGrid } from './voxel-grid.js';

/** Options of {@link particleTpbLength}. */
export interface ParticleTpbLengthOptions extends UnitOptions {
  /** The phase scheme; default the graph's `scheme` attribute (given, it must agree). */
  scheme?: PhaseScheme;
  /** The three phases that meet. Default the scheme's `tpb`. */
  tpbPhases?: readonly [string, string, string];
  /** Boundary each TPB phase must reach for an active edge, as in `triplePhaseBoundaryDensity`. */
  reach?: Readonly<Record<string, BoundaryReach>>;
  /** Connectivity of the phase components of the active TPB (1..ndim). Default 1. */
  connectivity?: number;
  /** Called with `(planes done, planes)` by the edge search and the component merge. */
  onProgress?: ProgressCallback;
  /** Checked between planes; an aborted signal throws core's `AbortError`. */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<ParticleTpbLengthOptions> = {
  spacing: true,
  unit: true,
  scheme: true,
  tpbPhases: true,
  reach: true,
  connectivity: true,
  onProgress: true,
  signal: true,
};

/**
 * Per-particle triple phase boundary written onto a copy of a microstructure graph. Every TPB
 * edge (as `triplePhaseBoundaryDensity` finds it) is given, in full, to each distinct
 * particle of a TPB phase among its four voxels: a particle's value is the length of TPB line
 * on its own surface, so a line where one NMC, one SSE and one graphite particle meet counts
 * once for each of the three (as the paper's per-particle TPB counts each particle of a
 * triangle), and a line touched by two particles of the same phase counts for both. Voxels of
 * label 0 and particles of a fourth phase get nothing.
 *
 * Node attributes written (every node, 0 where there is no TPB): in 3D `tpbLength` and
 * `activeTpbLength` in `unit` (each edge along axis d is `spacing[d]` long); in 2D
 * `tpbPoints` and `activeTpbPoints` (counts of TPB points). Graph attributes `tpb_unit`
 * (the unit) and `tpb_reach_<phase>` (the reach used for each TPB phase) are set: plain
 * lower-case strings, so the graph stays writable as JSON, GraphML and GEXF. The input graph is not changed.
 *
 * @param graph - a {@link MicrostructureGraph} of `instances` (node key = label)
 * @param phases - the uint8 phase map the instances were cut from
 * @param instances - integer label map (int32 / uint32 / uint16 / uint8) of the same shape,
 *   as `instanceSegmentation` of `@mgraph/watershed` returns; 0 = no particle
 * @param options - `scheme` (the graph's), `tpbPhases` (the scheme's tpb), `reach`
 *   (`defaultBoundaryReach`), `connectivity` (1), `spacing` (all 1), `unit` (`'voxel'`),
 *   `onProgress`, `signal`
 * @returns a new graph, the input's nodes, edges and attributes plus the TPB attributes
 * @throws ShapeMismatchError when `instances`, `phases` and the graph's `shape` differ;
 *   InvalidArgumentError for a label on the TPB with no node or a node of another phase, a
 *   scheme the graph disagrees with, and the errors of `triplePhaseBoundaryDensity`
 *
 * @remarks
 * References: J. Joos et al., J. Power Sources 246 (2014) 819-830,
 * doi:10.1016/j.jpowsour.2013.08.025.
 */
export function particleTpbLength(
  graph: MicrostructureGraph,
  phases: PhaseMap,
  instances: NdArray,
  options: ParticleTpbLengthOptions | null = {},
): MicrostructureGraph {
  const fn = 'particleTpbLength';
  const opts = checkOptions(fn, options, KEYS);
  assertCallback(fn, 'options.onProgress', opts.onProgress);
  assertSignal(fn, 'options.signal', opts.signal);
  const grid = graphVoxelGrid(fn, graph, phases, instances, opts);
  assertDtype(fn, 'instances', instances, ['int32', 'uint32', 'uint16', 'uint8']);
  const setup = tpbSetup(fn, grid.scheme, grid.ndim, opts);
  const labels = flatData(instances as NdArray<Int32Array>);
  let maxLabel = 0;
  graph.forEachNode((_, attr) => {
    if (Number.isInteger(attr.label) && attr.label > maxLabel) maxLabel = attr.label;
  });
  assertAllocation(fn, 'graph', `a graph whose largest label is ${maxLabel}`, maxLabel + 1, {
    limit: 2 ** 31,
    bytesPerElement: 18,
    what: 'label slots',
    subject: 'a graph',
  });
  const nodePhase = new Int16Array(maxLabel + 1).fill(-1);
  graph.forEachNode((_, attr) => {
    if (Number.isInteger(attr.label) && attr.label > 0) nodePhase[attr.label] = attr.phaseCode;
  });
  const found = tpbEdges(fn, grid, setup.codes, opts.onProgress, opts.signal);
  const comps = phaseComponents(fn, grid, setup.connectivity, false, opts.onProgress, opts.signal);
  const active = activeTpbEdges(grid, found.map, comps, setup.codeReach);
  const isTpb = new Uint8Array(256);
  for (const c of setup.codes) isTpb[c] = 1;
  const check = { fn, labels, nodePhase, isTpb, grid };
  const total = perLabel(check, found.map);
  const act = perLabel(check, active.map);
  const out = graph.copy() as MicrostructureGraph;
  const three = grid.ndim === 3;
  out.updateEachNodeAttributes((_, attr) => {
    const l = attr.label;
    const t = l > 0 && l <= maxLabel ? total[l]! : 0;
    const a = l > 0 && l <= maxLabel ? act[l]! : 0;
    return three
      ? { ...attr, tpbLength: t, activeTpbLength: a }
      : { ...attr, tpbPoints: t, activeTpbPoints: a };
  });
  const tags: Record<string, string> = { tpb_unit: grid.unit };
  for (const [phase, reach] of Object.entries(setup.reach)) tags[`tpb_reach_${phase}`] = reach;
  out.mergeAttributes(tags as never);
  return out;
}

interface LabelCheck {
  fn: string;
  labels: ArrayLike<number>;
  nodePhase: Int16Array;
  isTpb: Uint8Array;
  grid: VoxelGrid;
}

/** TPB length (points in 2D) of every label: each edge in full to each distinct label. */
function perLabel(c: LabelCheck, edges: TpbEdgeMap): Float64Array {
  const { labels, nodePhase, isTpb, grid, fn } = c;
  const [, ny, nx] = grid.shape;
  const plane = ny * nx;
  const lengths = grid.ndim === 3 ? grid.spacing : [1, 1, 1];
  const out = new Float64Array(nodePhase.length);
  const seen = new Float64Array(4);
  edges.axes.forEach((bits, axis) => {
    // flat offsets of the edge's four voxels
    const offsets = Int32Array.from(
      EDGE_VOXELS[axis]!,
      ([dz, dy, dx]) => dz * plane + dy * nx + dx,
    );
    const length = lengths[axis]!;
    for (let byte = 0; byte < bits.length; byte++) {
      let word = bits[byte]!;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        word &= word - 1;
        const i = byte * 8 + bit;
        let n = 0;
        for (let k = 0; k < 4; k++) {
          const v = i + offsets[k]!;
          const code = grid.codes[v]!;
          const l = labels[v]!;
          if (l === 0 || isTpb[code] === 0) continue;
          if (l >= nodePhase.length || nodePhase[l] === -1) {
            throw new InvalidArgumentError(
              fn,
              'instances',
              `label ${l} on a triple phase boundary`,
              'labels that are nodes of the graph (build the graph from these instances)',
            );
          }
          if (nodePhase[l] !== code) {
            throw new InvalidArgumentError(
              fn,
              'instances',
              `label ${l} at a voxel of phase ${grid.scheme.phases[code]}`,
              `the phase of node ${l} (${grid.scheme.phases[nodePhase[l]!] ?? nodePhase[l]})`,
            );
          }
          let dup = false;
          for (let m = 0; m < n; m++) if (seen[m] === l) dup = true;
          if (!dup) seen[n++] = l;
        }
        for (let m = 0; m < n; m++) out[seen[m]!]! += length;
      }
    }
  });
  return out;
}
