import { assertNumber, checkOptions, InvalidArgumentError, type OptionKeys } from '@mgraph/core';
import type { MicrostructureGraph } from '@mgraph/graph';
import { checkGraph } from './kirchhoff-network.js';

/** Options of {@link faceNodes}. */
export interface FaceNodesOptions {
  /** Only nodes of these phases. Default: every phase. */
  phases?: readonly string[];
}

const KEYS: OptionKeys<FaceNodesOptions> = { phases: true };

/**
 * The nodes of a contact graph whose objects touch one face of the image (volume): those
 * whose bounding box (`bbox`, scikit-image order, maxima exclusive) reaches index 0
 * (`'low'`) or `shape[axis]` (`'high'`) along `axis`. The boundary sets of
 * {@link kirchhoffCurrents} and {@link particleAccessibility}.
 *
 * @param graph - a `MicrostructureGraph` (`buildGraph` of `@mgraph/graph`), with `shape`
 * @param axis - axis normal to the face, `0 .. ndim - 1`
 * @param side - `'low'` (index 0) or `'high'` (index `shape[axis] - 1`)
 * @param options - {@link FaceNodesOptions}: `phases` (all)
 * @returns node keys in graph order
 * @throws InvalidArgumentError for a graph without scheme or shape, a bad axis or side, an
 *   unknown option or phase, or a node without a bbox of `2 * ndim` integers
 */
export function faceNodes(
  graph: MicrostructureGraph,
  axis: number,
  side: 'low' | 'high',
  options: FaceNodesOptions | null = {},
): string[] {
  const fn = 'faceNodes';
  const { scheme, shape } = checkGraph(fn, graph);
  const ndim = shape.length;
  assertNumber(fn, 'axis', axis, { integer: true, min: 0, max: ndim - 1 });
  if (side !== 'low' && side !== 'high')
    throw new InvalidArgumentError(fn, 'side', side, "'low' or 'high'");
  const { phases } = checkOptions(fn, options, KEYS);
  if (
    phases !== undefined &&
    (!Array.isArray(phases) || !phases.every((p) => scheme.phases.includes(p)))
  )
    throw new InvalidArgumentError(
      fn,
      'options.phases',
      phases,
      `phases of scheme ${JSON.stringify(scheme.name)} (${scheme.phases.join(', ')})`,
    );
  return graph.filterNodes((key, attributes) => {
    if (phases !== undefined && !phases.includes(attributes.phase)) return false;
    const box = attributes.bbox;
    if (!Array.isArray(box) || box.length !== 2 * ndim || !box.every(Number.isInteger))
      throw new InvalidArgumentError(
        fn,
        `graph node ${JSON.stringify(key)} bbox`,
        box,
        `${2 * ndim} integers (minima, then exclusive maxima)`,
      );
    return side === 'low' ? box[axis] === 0 : box[ndim + axis] === shape[axis];
  });
}
