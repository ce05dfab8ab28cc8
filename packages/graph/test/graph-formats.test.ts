import { CATHODE_SCHEME, InvalidArgumentError } from '@mgraph/core';
import { DirectedGraph, MultiGraph, UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  graphFromGEXF,
  graphFromGraphML,
  graphFromJSON,
  graphToGEXF,
  graphToGraphML,
  graphToJSON,
  triplePhaseBoundaries,
} from '../src/index.js';
import { draw, SCENE, SCENE_PHASES, stack } from './scene.js';

const graph = buildGraph(stack(draw(26, 14, SCENE), 2), {
  scheme: CATHODE_SCHEME,
  phaseOfLabel: SCENE_PHASES,
  window: 3,
  weightScale: 'max',
});

/** Everything of a graph, for equality: nodes, edges (with ends) and graph attributes. */
function contents(g: UndirectedGraph) {
  return {
    attributes: g.getAttributes(),
    nodes: g.mapNodes((key, attr) => [key, attr]),
    edges: g.mapEdges((key, attr, s, t) => [key, s, t, attr]),
  };
}

describe('graph formats', () => {
  it('graphology JSON round-trips losslessly', () => {
    const text = graphToJSON(graph);
    expect(JSON.parse(text).options.type).toBe('undirected');
    expect(contents(graphFromJSON(text))).toEqual(contents(graph));
    expect(() => graphFromJSON('{"nodes": 3')).toThrow(InvalidArgumentError);
  });

  it('GraphML round-trips through graphology-graphml, arrays folded back', () => {
    const text = graphToGraphML(graph);
    expect(text).toContain(
      '<key id="n11" for="node" attr.name="centroid_0" attr.type="double"><desc>mgraph array element centroid[0]</desc></key>',
    );
    // the scheme is one string key holding JSON (what networkx reads as text)
    expect(text).toContain('<key id="g0" for="graph" attr.name="scheme" attr.type="string"/>');
    expect(text).toContain('<graph edgedefault="undirected">');
    // graphology's own parser on the raw text: flattened, typed
    const raw = parseGraphml(UndirectedGraph, text);
    expect(JSON.parse(raw.getAttribute('scheme') as string)).toEqual(CATHODE_SCHEME);
    expect(raw.getNodeAttribute('14', 'centroid_2')).toBe(1.5);
    expect(raw.getNodeAttribute('14', 'size')).toBe(32);
    // ours folds arrays back: identical graph
    const back = graphFromGraphML(text);
    expect(contents(back)).toEqual(contents(graph));
    expect(triplePhaseBoundaries(back)).toEqual(triplePhaseBoundaries(graph));
  });

  it('GraphML escapes text and writes directed and mixed graphs', () => {
    const g = new DirectedGraph();
    g.addNode('a<&>"\'', { name: 'x & y', flag: true, n: 1 });
    g.addNode('b', { name: 'z', flag: false, n: 2.5 });
    g.addEdgeWithKey('e1', 'a<&>"\'', 'b', { w: 1 });
    const text = graphToGraphML(g);
    expect(text).toContain('edgedefault="directed"');
    expect(text).toContain('attr.name="n" attr.type="double"');
    const back = parseGraphml(DirectedGraph, text);
    expect(back.getNodeAttributes('a<&>"\'')).toEqual({ name: 'x & y', flag: true, n: 1 });
    expect(back.hasDirectedEdge('a<&>"\'', 'b')).toBe(true);
    const mixed = new MultiGraph({ type: 'mixed' });
    mixed.addNode('u');
    mixed.addNode('v');
    mixed.addDirectedEdge('u', 'v', { obj: 'k' });
    mixed.addUndirectedEdge('u', 'v');
    const mixedText = graphToGraphML(mixed);
    expect(mixedText).toContain('directed="true"');
    // GraphML has no object type: an object attribute is refused, naming it
    mixed.addUndirectedEdge('v', 'u', { obj: { k: 1 } });
    expect(() => graphToGraphML(mixed)).toThrow(/attribute obj must be a number, boolean, string/);
  });

  it('revives the scheme on reading, refuses a broken one, and leaves a bare name unread', () => {
    const json = JSON.parse(graphToJSON(graph));
    json.attributes.scheme = { ...CATHODE_SCHEME, tpb: ['nmc', 'sse', 'nope'] };
    expect(() => graphFromJSON(JSON.stringify(json))).toThrow(
      'graphFromJSON: argument text (graph attribute scheme) must be a PhaseScheme (',
    );
    const gexf = graphToGEXF(graph).replace('"graphite"]}</scheme>', '"graphite"</scheme>');
    expect(() => graphFromGEXF(gexf)).toThrow(
      'graphFromGEXF: argument text (graph attribute scheme) must be a phase scheme as JSON text',
    );
    // a graph written before graphs carried their scheme (name + phases): read as it is, and
    // refused by the analyses with a typed error rather than read with a guessed scheme
    json.attributes.scheme = 'cathode';
    json.attributes.phases = ['background', 'sse', 'nmc', 'graphite'];
    const legacy = graphFromJSON(JSON.stringify(json));
    expect(legacy.getAttribute('scheme')).toBe('cathode');
    expect(() => triplePhaseBoundaries(legacy)).toThrow(
      'triplePhaseBoundaries: argument graph attribute scheme must be a PhaseScheme',
    );
  });

  it('GEXF round-trips through graphology-gexf', () => {
    const text = graphToGEXF(graph);
    expect(text).toContain('<gexf version="1.3"');
    expect(text).toContain('type="listdouble"');
    const raw = parseGexf(UndirectedGraph, text);
    expect(raw.getEdgeAttribute('14-16', 'weight')).toBe(1);
    const back = graphFromGEXF(text);
    expect(back.getAttributes()).toEqual(graph.getAttributes());
    expect(back.mapNodes((k, a) => [k, a])).toEqual(graph.mapNodes((k, a) => [k, a]));
    graph.forEachEdge((key, attr, s, t) => {
      expect(back.getEdgeAttributes(key)).toEqual(attr);
      expect(back.extremities(key).sort()).toEqual([s, t].sort());
    });
    expect(back.size).toBe(graph.size);
    expect(() => graphFromGEXF('<gexf></gexf>')).toThrow(InvalidArgumentError);
    expect(() => graphToGEXF(null as never)).toThrow('graphToGEXF: argument graph must be');
  });
});
