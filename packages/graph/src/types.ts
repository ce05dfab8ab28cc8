import type { PhaseScheme } from '@mgraph/core';
import type { UndirectedGraph } from 'graphology';

/**
 * Attributes of a node of a {@link MicrostructureGraph}: one labelled object of the image.
 * The node key is `String(label)`.
 */
export interface MicrostructureNodeAttributes {
  /** The object's label in the instance map (>= 1). */
  label: number;
  /** Phase name in the scheme, e.g. `'nmc'`: always one of the scheme's object phases. */
  phase: string;
  /** Phase code in the scheme (index of `phase` in `scheme.phases`). */
  phaseCode: number;
  /** Pixel (voxel) count of the object. */
  size: number;
  /** Mean pixel coordinate, axis order of the image: `[row, col]` or `[plane, row, col]`. */
  centroid: number[];
  /**
   * Bounding box as in scikit-image `regionprops`: `[min0, min1, (min2), max0, max1, (max2)]`,
   * minima inclusive, maxima exclusive.
   */
  bbox: number[];
  /**
   * Physical volume (area in 2D): `size` times the voxel volume, in `unit`^ndim. Present when
   * `buildGraph` was given `spacing` or `unit`.
   */
  volume?: number;
  /**
   * Centroid in physical coordinates: `centroid[d] * spacing[d]`, in `unit` (voxel centres at
   * integer multiples of the spacing). Present when `buildGraph` was given `spacing` or `unit`.
   */
  physicalCentroid?: number[];
}

/**
 * Attributes of an edge of a {@link MicrostructureGraph}: a contact between objects `a < b`
 * (labels). `a` is the edge's source and `b` its target.
 */
export interface MicrostructureEdgeAttributes {
  /** Smaller label of the pair (the edge's source). */
  a: number;
  /** Larger label of the pair (the edge's target). */
  b: number;
  /** Pixels of `b` inside the mask of `a` dilated by the `window`^ndim square. */
  countAB: number;
  /** Pixels of `a` inside the mask of `b` dilated by the `window`^ndim square. */
  countBA: number;
  /** Contact strength: `countAB` and `countBA` combined by the `strength` option (unscaled). */
  strength: number;
  /** Edge weight: `strength / scale` (see the `weightScale` option of `buildGraph`). */
  weight: number;
}

/** Attributes of a {@link MicrostructureGraph} itself. */
export interface MicrostructureGraphAttributes {
  /**
   * The phase scheme of the graph (a plain JSON object: name, phases by code, raw values,
   * object phases, roles, TPB). Every analysis reads its phases and roles from here, every
   * export writes it and every reader revives it, so a graph cannot be analysed with another
   * scheme by mistake.
   */
  scheme: PhaseScheme;
  /** Image shape. */
  shape: number[];
  /** Side of the square / cube structuring element. */
  window: number;
  /** How `strength` combines the directed counts. */
  strength: string;
  /** Divisor from `strength` to `weight`. */
  weightScale: number;
  /**
   * Voxel size per axis, in `unit` (image axis order). Present when `buildGraph` was given
   * `spacing` or `unit`; the `window` and the contact counts stay in voxels.
   */
  spacing?: number[];
  /** Unit of `spacing`, node `volume` and `physicalCentroid` (e.g. `'um'`). Present with `spacing`. */
  unit?: string;
}

/** The graph `buildGraph` returns: a graphology `UndirectedGraph`, node key = `String(label)`. */
export type MicrostructureGraph = UndirectedGraph<
  MicrostructureNodeAttributes,
  MicrostructureEdgeAttributes,
  MicrostructureGraphAttributes
>;
