import type { UndirectedGraph } from 'graphology';

/**
 * Attributes of a node of a {@link MicrostructureGraph}: one labelled object of the image.
 * The node key is `String(label)`.
 */
export interface MicrostructureNodeAttributes {
  /** The object's label in the instance map (>= 1). */
  label: number;
  /** Phase name in the scheme, e.g. `'nmc'`. */
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
  /** Name of the phase scheme, e.g. `'cathode'`. */
  scheme: string;
  /** Phase names of the scheme by code. */
  phases: string[];
  /** Image shape. */
  shape: number[];
  /** Side of the square / cube structuring element. */
  window: number;
  /** How `strength` combines the directed counts. */
  strength: string;
  /** Divisor from `strength` to `weight`. */
  weightScale: number;
}

/** The graph `buildGraph` returns: a graphology `UndirectedGraph`, node key = `String(label)`. */
export type MicrostructureGraph = UndirectedGraph<
  MicrostructureNodeAttributes,
  MicrostructureEdgeAttributes,
  MicrostructureGraphAttributes
>;
