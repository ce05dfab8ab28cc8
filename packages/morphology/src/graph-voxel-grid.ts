import {
  assertSameShape,
  InvalidArgumentError,
  type NdArray,
  type PhaseMap,
  type PhaseScheme,
  ShapeMismatchError,
  schemeOfGraph,
} from '@mgraph/core';
import type { MicrostructureGraph } from '@mgraph/graph';
import { type UnitOptions, type VoxelGrid, voxelGrid } from './voxel-grid.js';

/** Options of {@link graphVoxelGrid}: the unit options and the scheme. */
export interface GraphVoxelGridOptions extends UnitOptions {
  /** The phase scheme; default the graph's `scheme` attribute (given, it must agree). */
  scheme?: PhaseScheme;
}

/**
 * The voxel grid of the phase map a graph was built from (the per-particle measures that
 * annotate a graph start here): checks that `graph` is a graph, takes its scheme (or
 * `options.scheme`, which must agree), checks `phases` against it, and checks that
 * `instances`, `phases` and the graph's `shape` attribute (when it has one) agree.
 *
 * @param fn - the calling function, named in errors
 * @param graph - the graph (`buildGraph` of `@mgraph/graph`)
 * @param phases - the uint8 phase map
 * @param instances - the label map, of the shape of `phases`
 * @param options - `scheme` (the graph's), `spacing` (all 1), `unit` (`'voxel'`)
 * @returns the checked grid of `phases`
 * @throws InvalidArgumentError for a value that is not a graph, a scheme the graph
 *   disagrees with, a bad phase map, spacing or unit; ShapeMismatchError when `instances`,
 *   `phases` and the graph's `shape` differ
 */
export function graphVoxelGrid(
  fn: string,
  graph: MicrostructureGraph,
  phases: PhaseMap,
  instances: NdArray,
  options: GraphVoxelGridOptions,
): VoxelGrid {
  if (typeof graph !== 'object' || graph === null || typeof graph.copy !== 'function') {
    throw new InvalidArgumentError(fn, 'graph', graph, 'a MicrostructureGraph (buildGraph)');
  }
  const scheme = schemeOfGraph(fn, graph, options.scheme);
  const grid = voxelGrid(fn, phases, scheme, { spacing: options.spacing, unit: options.unit });
  assertSameShape(fn, 'phases', phases, 'instances', instances);
  const graphShape = graph.getAttribute('shape');
  if (
    Array.isArray(graphShape) &&
    (graphShape.length !== phases.shape.length || graphShape.some((s, d) => s !== phases.shape[d]))
  ) {
    throw new ShapeMismatchError(fn, 'phases (vs graph attribute shape)', graphShape, phases.shape);
  }
  return grid;
}
