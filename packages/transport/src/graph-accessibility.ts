import { InvalidArgumentError } from '@mgraph/core';
import type {
  MicrostructureEdgeAttributes,
  MicrostructureGraph,
  MicrostructureGraphAttributes,
  MicrostructureNodeAttributes,
} from '@mgraph/graph';
import type { AbstractGraph } from 'graphology-types';
import type { ParticleAccessibility } from './kirchhoff-accessibility.js';

/** Node attributes {@link withAccessibility} adds to the active particles. */
export interface AccessibilityNodeAttributes extends MicrostructureNodeAttributes {
  /** Reaches both boundaries. */
  wired?: boolean;
  /** Resistance (ohm) to the ionic boundary; absent when there is no ionic path. */
  ionicResistance?: number;
  /** Resistance (ohm) to the electronic boundary; absent when there is no electronic path. */
  electronicResistance?: number;
  /** `1 / (ionicResistance + electronicResistance)` (A per V); absent unless wired. */
  accessCurrent?: number;
}

/** A contact graph with {@link AccessibilityNodeAttributes}. */
export type AccessibilityGraph = AbstractGraph<
  AccessibilityNodeAttributes,
  MicrostructureEdgeAttributes,
  MicrostructureGraphAttributes
>;

/**
 * A copy of the graph with the accessibility of each rated particle on its node: `wired`
 * always, `ionicResistance`, `electronicResistance` and `accessCurrent` only where finite
 * (absent, never NaN or null, so JSON, GraphML and GEXF exports round-trip them). The input
 * graph is not modified.
 *
 * @param graph - the graph {@link particleAccessibility} rated
 * @param accessibility - its result
 * @returns a new graph (graphology `copy`) with the attributes added
 * @throws InvalidArgumentError when a rated node is not in the graph
 */
export function withAccessibility(
  graph: MicrostructureGraph,
  accessibility: ParticleAccessibility,
): AccessibilityGraph {
  const fn = 'withAccessibility';
  if (
    typeof accessibility !== 'object' ||
    accessibility === null ||
    !Array.isArray(accessibility.particles)
  )
    throw new InvalidArgumentError(
      fn,
      'accessibility',
      accessibility,
      'the result of particleAccessibility',
    );
  const out = graph.copy() as unknown as AccessibilityGraph;
  for (const p of accessibility.particles) {
    if (!out.hasNode(p.node))
      throw new InvalidArgumentError(fn, 'accessibility', p.node, 'nodes of graph');
    const attributes: Partial<AccessibilityNodeAttributes> = { wired: p.wired };
    if (p.ionicResistance !== null) attributes.ionicResistance = p.ionicResistance;
    if (p.electronicResistance !== null) attributes.electronicResistance = p.electronicResistance;
    if (p.current !== null) attributes.accessCurrent = p.current;
    out.mergeNodeAttributes(p.node, attributes);
  }
  return out;
}
