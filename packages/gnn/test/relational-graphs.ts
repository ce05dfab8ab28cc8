import type { Composite, RelationalDescriptors } from '@mgraph/phantom';
import { fromGraph, type HeteroGraph } from '../src/index.js';
import { contactGraph, STRUCTURE_FEATURES } from './phantom-graph.js';

/**
 * Test and bench helper: the graphs of the relational phantom runs (the acceptance test
 * and bench/relational.ts): each composite's contact graph with the structural node
 * features (size, degrees, neighbour counts per phase) and the targets of
 * `relationalDescriptors`.
 *
 * @param composites - the composites `rel` was computed from
 * @param rel - their relational descriptors (targets)
 * @param edge - `'constant'`: one edge attribute equal to 1 (default); `'contact strength'`:
 *   `fromGraph`'s default, the contact `weight`
 */
export function relationalGraphs(
  composites: readonly Composite[],
  rel: RelationalDescriptors,
  edge: 'constant' | 'contact strength' = 'constant',
): HeteroGraph[] {
  return composites.map((c, k) =>
    fromGraph(contactGraph(c.instances as never, c.phaseOfLabel), {
      features: STRUCTURE_FEATURES,
      ...(edge === 'constant' ? { edgeFeatures: [{ name: 'one', value: () => 1 }] } : {}),
      targetValues: Object.fromEntries(
        rel.particles[k]!.map((p) => [
          String(p.label),
          { soc: p.soc, heterogeneity: p.heterogeneity, polarization: p.polarization },
        ]),
      ),
    }),
  );
}
