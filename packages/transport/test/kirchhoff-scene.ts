// Small contact graphs for the graph-transport tests: cathode-scheme nodes with chosen
// centroids, boxes and contact areas.
import { CATHODE_SCHEME } from '@mgraph/core';
import type { MicrostructureGraph } from '@mgraph/graph';
import { UndirectedGraph } from 'graphology';

export interface SceneNode {
  key: string;
  phase: string;
  centroid: number[];
  bbox: number[];
}

export interface SceneEdge {
  a: string;
  b: string;
  contactArea?: number;
  weight?: number;
}

/** A MicrostructureGraph of the cathode scheme with these nodes and edges. */
export function sceneGraph(
  shape: number[],
  nodes: readonly SceneNode[],
  edges: readonly SceneEdge[],
): MicrostructureGraph {
  const g: MicrostructureGraph = new UndirectedGraph();
  g.replaceAttributes({
    scheme: CATHODE_SCHEME,
    shape,
    window: 7,
    strength: 'min',
    weightScale: 1,
  });
  for (const n of nodes)
    g.addNode(n.key, {
      label: Number(n.key),
      phase: n.phase,
      phaseCode: CATHODE_SCHEME.phases.indexOf(n.phase),
      size: 1,
      centroid: n.centroid,
      bbox: n.bbox,
    });
  for (const e of edges) {
    const [a, b] = Number(e.a) < Number(e.b) ? [e.a, e.b] : [e.b, e.a];
    const attributes: Record<string, number> = {
      a: Number(a),
      b: Number(b),
      countAB: 1,
      countBA: 1,
      strength: e.weight ?? 1,
      weight: e.weight ?? 1,
    };
    if (e.contactArea !== undefined) attributes.contactArea = e.contactArea;
    g.addUndirectedEdgeWithKey(`${a}-${b}`, a, b, attributes as never);
  }
  return g;
}

/**
 * A 2D node at the centre of a 10x10 image (every centroid the same, so with
 * `contactResistivity` 1 an edge's conductance is its `contactArea`), touching the low face
 * of axis 0 (`'low'`), the high face (`'high'`) or neither.
 */
export function node(
  key: string,
  phase: string,
  face: 'low' | 'high' | 'none' = 'none',
): SceneNode {
  const bbox = face === 'low' ? [0, 4, 6, 6] : face === 'high' ? [4, 4, 10, 6] : [3, 3, 7, 7];
  return { key, phase, centroid: [5, 5], bbox };
}
