/**
 * `@mgraph/graph`: microstructure contact graphs from labelled images (the paper's 7x7
 * dilation adjacency) that carry their phase scheme, triple phase boundaries, concurrent
 * ion / electron channels, neighbour phase counts, and exports (graphology JSON, GraphML, GEXF, PyTorch Geometric `HeteroData`
 * arrays as `.npy`). Browser-safe: the file writer `writeHeteroDataNpy` is in `@mgraph/graph/node`.
 *
 * @packageDocumentation
 */

/** The Fig. 3c category type, declared in `@mgraph/core` beside the scheme roles it is named from. */
export type { ChannelCategory } from '@mgraph/core';
export {
  type AdjacencyCounts,
  type AdjacencyCountsOptions,
  adjacencyCounts,
} from './adjacency-counts.js';
export { type BuildGraphOptions, buildGraph, type StrengthRule } from './build-graph.js';
export {
  type ChannelPair,
  type ConcurrentChannels,
  type ConcurrentChannelsOptions,
  concurrentChannels,
  type LinkType,
} from './concurrent-channels.js';
export { graphFromGEXF, graphToGEXF } from './graph-gexf.js';
export { graphFromGraphML, graphToGraphML } from './graph-graphml.js';
export { graphFromJSON, graphToJSON } from './graph-json.js';
export {
  type HeteroDataArrays,
  type HeteroDataOptions,
  type HeteroEdgeArrays,
  type HeteroNodeArrays,
  toHeteroData,
} from './hetero-data.js';
export {
  type NeighborPhaseCounts,
  type NeighborPhaseCountsOptions,
  neighborPhaseCounts,
} from './neighbor-phase-counts.js';
export { encodeHeteroDataNpy, encodeNpy, type NpyArray } from './npy.js';
export {
  type TriplePhaseBoundaries,
  type TriplePhaseBoundariesOptions,
  type TriplePhaseBoundary,
  triplePhaseBoundaries,
} from './triple-phase-boundaries.js';
export type {
  MicrostructureEdgeAttributes,
  MicrostructureGraph,
  MicrostructureGraphAttributes,
  MicrostructureNodeAttributes,
} from './types.js';
