import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATHODE_SCHEME, InvalidArgumentError, SOFC_ANODE_SCHEME } from '@mgraph/core';
import fc from 'fast-check';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  graphFromGEXF,
  graphFromGraphML,
  graphFromJSON,
  graphToGEXF,
  graphToGraphML,
  graphToJSON,
} from '../src/index.js';
import { draw, SCENE, SCENE_PHASES, stack } from './scene.js';

/** Everything of a graph, for equality (toEqual: NaN equals NaN, -0 differs from 0). */
function contents(g: UndirectedGraph) {
  return {
    attributes: g.getAttributes(),
    nodes: g.mapNodes((key, attr) => [key, attr]),
    edges: g.mapEdges((key, attr, s, t) => [key, [s, t].sort(), attr]),
  };
}

const FORMATS = [
  ['JSON', graphToJSON, graphFromJSON],
  ['GraphML', graphToGraphML, graphFromGraphML],
  ['GEXF', graphToGEXF, graphFromGEXF],
] as const;

// ---- arbitraries: every attribute kind ----------------------------------------------------
const specialStrings = fc.constantFrom(
  '',
  ' ',
  '<&>"\'',
  ']]>',
  'a, b | c',
  '[1, 2]',
  '{"k": 1}',
  '12',
  '-0',
  'NaN',
  'true',
  'tab\there',
  'line\nbreak',
  'cr\r\nlf',
  'ünïcödé',
  '😀',
  '\u0001',
);
const anyString = fc.oneof(fc.string({ maxLength: 8 }), specialStrings);
const specialNumbers = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  2 ** 60,
  -(2 ** 63),
  2 ** 63,
  1e300,
  5e-324,
  0.1,
  -7,
);
const anyNumber = fc.oneof(fc.double(), fc.integer(), specialNumbers);
const scalar = fc.oneof(anyNumber, anyString, fc.boolean());
const anyValue = fc.oneof(
  { weight: 4, arbitrary: scalar },
  fc.constant(null),
  fc.array(anyNumber, { maxLength: 4 }),
  fc.array(anyString, { maxLength: 3 }),
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('k', 'v', 'n'), scalar, { maxKeys: 2 }),
  fc.constant({ nested: { deep: [1, 'x', true, null] } }),
  fc.constant(undefined),
);
const attributeName = fc.constantFrom(
  'a',
  'b',
  'size',
  'label',
  'weight',
  'centroid',
  'centroid_0',
  'x_1',
  'Upper',
  'with space',
);
const attributes = (value: fc.Arbitrary<unknown>) =>
  fc.dictionary(attributeName, value, { maxKeys: 4 });

/** A simple undirected graph (self-loops allowed) with explicit edge keys. */
function graphOf(
  nodeValue: fc.Arbitrary<unknown>,
  graphValue: fc.Arbitrary<unknown>,
  keys: fc.Arbitrary<string> = anyString,
) {
  return fc
    .record({
      nodes: fc.uniqueArray(keys, { maxLength: 6 }),
      pairs: fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 8 }),
      graphAttributes: attributes(graphValue),
      nodeAttributes: fc.array(attributes(nodeValue), { minLength: 6, maxLength: 6 }),
      edgeAttributes: fc.array(attributes(nodeValue), { minLength: 8, maxLength: 8 }),
      scheme: fc.option(fc.constantFrom(CATHODE_SCHEME, SOFC_ANODE_SCHEME), { nil: undefined }),
    })
    .map(({ nodes, pairs, graphAttributes, nodeAttributes, edgeAttributes, scheme }) => {
      const g = new UndirectedGraph();
      g.replaceAttributes({ ...graphAttributes, ...(scheme ? { scheme } : {}) });
      nodes.forEach((key, i) => {
        g.addNode(key, nodeAttributes[i]);
      });
      pairs.forEach(([i, j], e) => {
        if (i >= nodes.length || j >= nodes.length) return;
        if (g.hasEdge(nodes[i]!, nodes[j]!)) return;
        g.addEdgeWithKey(`e${e}`, nodes[i]!, nodes[j]!, edgeAttributes[e]);
      });
      return g;
    });
}

describe('graph export round trips (fast-check): back exactly, or a typed error naming the attribute', () => {
  for (const [name, write, read] of FORMATS) {
    it(`${name}: every attribute kind, empty graphs, NaN, +-Infinity, -0, 2^60, arrays, objects, XML specials`, () => {
      let written = 0;
      let refused = 0;
      fc.assert(
        fc.property(graphOf(anyValue, anyValue), (g) => {
          let text: string;
          try {
            text = write(g);
          } catch (error) {
            expect(InvalidArgumentError.isInstance(error)).toBe(true);
            expect((error as Error).message).toMatch(/argument graph (attribute|node|edge) /);
            refused++;
            return;
          }
          written++;
          expect(contents(read(text))).toEqual(contents(g));
        }),
        { numRuns: 300, seed: 20261206 },
      );
      // the generator is hostile, but not every graph may be refused
      expect(written).toBeGreaterThan(20);
      expect(refused).toBeGreaterThan(20);
    });
  }

  // values each format can hold must never be refused
  const jsonValue = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(-0, 2 ** 60, 1e300, 5e-324),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.integer(), fc.string()), { maxKeys: 3 }),
  );
  it('JSON: every JSON value round-trips (no refusal)', () => {
    fc.assert(
      fc.property(graphOf(jsonValue, jsonValue, fc.string()), (g) => {
        expect(contents(graphFromJSON(graphToJSON(g)))).toEqual(contents(g));
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  /** XML formats: one kind per attribute name (GraphML and GEXF declare one type per key). */
  const xmlAttributes = (graphLevel: boolean) =>
    fc.record(
      {
        n: fc.oneof(anyNumber, fc.double()),
        s: graphLevel
          ? fc.string().map((s) => `x${s}`)
          : fc.oneof(
              fc.string(),
              specialStrings.filter((s) => s !== '\u0001'),
            ),
        b: fc.boolean(),
        arr: fc.array(anyNumber, { minLength: 1, maxLength: 4 }),
        sarr: graphLevel
          ? fc.array(fc.string(), { minLength: 1, maxLength: 3 })
          : fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
  const xmlGraph = fc
    .record({
      nodes: fc.uniqueArray(fc.oneof(fc.string(), fc.constantFrom('<&>', 'a\nb', '\t')), {
        maxLength: 6,
      }),
      pairs: fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 8 }),
      graphAttributes: xmlAttributes(true),
      nodeAttributes: fc.array(xmlAttributes(false), { minLength: 6, maxLength: 6 }),
      edgeAttributes: fc.array(xmlAttributes(false), { minLength: 8, maxLength: 8 }),
      scheme: fc.option(fc.constantFrom(CATHODE_SCHEME, SOFC_ANODE_SCHEME), { nil: undefined }),
    })
    .map(({ nodes, pairs, graphAttributes, nodeAttributes, edgeAttributes, scheme }) => {
      const g = new UndirectedGraph();
      // GEXF <meta> has no typed arrays of NaN / -0 (JSON text): keep graph arrays JSON-safe
      const { arr, ...rest } = graphAttributes;
      const safe = arr?.filter((v) => Number.isFinite(v) && !Object.is(v, -0));
      g.replaceAttributes({
        ...rest,
        ...(safe && safe.length > 0 ? { arr: safe } : {}),
        ...(scheme ? { scheme } : {}),
      });
      nodes.forEach((key, i) => {
        g.addNode(key, nodeAttributes[i]);
      });
      pairs.forEach(([i, j], e) => {
        if (i >= nodes.length || j >= nodes.length || g.hasEdge(nodes[i]!, nodes[j]!)) return;
        g.addEdgeWithKey(`e${e}`, nodes[i]!, nodes[j]!, edgeAttributes[e]);
      });
      return g;
    });
  for (const [name, write, read] of FORMATS.slice(1)) {
    it(`${name}: values of one kind per attribute round-trip (no refusal)`, () => {
      fc.assert(
        fc.property(xmlGraph, (g) => {
          expect(contents(read(write(g)))).toEqual(contents(g));
        }),
        { numRuns: 200, seed: 2 },
      );
    });
  }

  it('the cases of the issue', () => {
    // GEXF of a graph without edges reads back
    const lone = new UndirectedGraph();
    lone.addNode('x', { size: 3 });
    expect(contents(graphFromGEXF(graphToGEXF(lone)))).toEqual(contents(lone));
    expect(graphFromGEXF(graphToGEXF(new UndirectedGraph())).order).toBe(0);
    // JSON refuses NaN / Infinity instead of writing null
    const nan = new UndirectedGraph();
    nan.addNode('a', { size: Number.NaN });
    expect(() => graphToJSON(nan)).toThrow('graphToJSON: argument graph node "a" attribute size');
    nan.setNodeAttribute('a', 'size', -0);
    expect(Object.is(graphFromJSON(graphToJSON(nan)).getNodeAttribute('a', 'size'), -0)).toBe(true);
    // GraphML: an array's element colliding with a scalar of that name
    const clash = new UndirectedGraph();
    clash.addNode('a', { centroid: [1, 2] });
    clash.addNode('b', { centroid_0: 5 });
    expect(() => graphToGraphML(clash)).toThrow(
      /attribute centroid_0 must be a name other than "centroid_0": element 0 of array attribute "centroid"/,
    );
    // a scalar named like an element is not folded when there is no array
    const scalar = new UndirectedGraph();
    scalar.addNode('b', { centroid_0: 5 });
    expect(graphFromGraphML(graphToGraphML(scalar)).getNodeAttributes('b')).toEqual({
      centroid_0: 5,
    });
    // GEXF refuses a nested object instead of writing [object Object]
    const nested = new UndirectedGraph();
    nested.addNode('a', { o: { k: 1 } });
    expect(() => graphToGEXF(nested)).toThrow(
      'graphToGEXF: argument graph node "a" attribute o must be a number, boolean, string or array',
    );
    // a GraphML double "abc" is an error, not NaN; networkx's inf / nan read as numbers
    const text = graphToGraphML(lone).replace('>3</data>', '>abc</data>');
    expect(text).toContain('>abc</data>');
    expect(() => graphFromGraphML(text.replace('attr.type="long"', 'attr.type="double"'))).toThrow(
      'graphFromGraphML: argument text (GraphML attribute "size") must be a value of its declared type double, got "abc"',
    );
    const inf = graphToGraphML(lone).replace('>3</data>', '>-inf</data>');
    expect(
      graphFromGraphML(inf.replace('attr.type="long"', 'attr.type="double"')).getNodeAttribute(
        'x',
        'size',
      ),
    ).toBe(Number.NEGATIVE_INFINITY);
    // parallel edges are refused on reading, not merged
    const parallel = graphToGraphML(lone).replace(
      '  </graph>',
      '    <edge source="x" target="x"/>\n    <edge source="x" target="x"/>\n  </graph>',
    );
    expect(() => graphFromGraphML(parallel)).toThrow('parallel edges');
  });
});

describe('networkx reads our GraphML', () => {
  const python = '/usr/bin/python3';
  const hasNetworkx = (() => {
    if (!existsSync(python)) return false;
    try {
      execFileSync(python, ['-c', 'import networkx'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!hasNetworkx)(
    'read_graphml gives the same attributes (NaN, +-Infinity, -0, 2^60, XML specials, arrays as name_i)',
    () => {
      const graph = buildGraph(stack(draw(26, 14, SCENE), 2), {
        scheme: CATHODE_SCHEME,
        phaseOfLabel: SCENE_PHASES,
        window: 3,
      });
      const first = graph.nodes()[0]!;
      (graph as unknown as UndirectedGraph).mergeNodeAttributes(first, {
        nan: Number.NaN,
        inf: Number.POSITIVE_INFINITY,
        ninf: Number.NEGATIVE_INFINITY,
        negzero: -0,
        big: 2 ** 60,
        text: '<&>"\' tab\t nl\n',
        flag: true,
      });
      const dir = mkdtempSync(join(tmpdir(), 'mgraph-graphml-'));
      try {
        const file = join(dir, 'g.graphml');
        writeFileSync(file, graphToGraphML(graph));
        const script = [
          'import json, sys, math, networkx as nx',
          'g = nx.read_graphml(sys.argv[1])',
          'enc = lambda v: ["float", repr(v)] if isinstance(v, float) else [type(v).__name__, v]',
          'print(json.dumps({"graph": {k: enc(v) for k, v in g.graph.items()},',
          '  "nodes": {n: {k: enc(v) for k, v in d.items()} for n, d in g.nodes(data=True)},',
          '  "edges": len(g.edges())}))',
        ].join('\n');
        const out = JSON.parse(execFileSync(python, ['-c', script, file], { encoding: 'utf8' }));
        const value = ([type, v]: [string, unknown]) => {
          if (type !== 'float') return v;
          const r = v as string;
          return r === 'nan'
            ? Number.NaN
            : r === 'inf'
              ? Number.POSITIVE_INFINITY
              : r === '-inf'
                ? Number.NEGATIVE_INFINITY
                : Number(r);
        };
        expect(out.edges).toBe(graph.size);
        expect(JSON.parse(value(out.graph.scheme) as string)).toEqual(CATHODE_SCHEME);
        const node = out.nodes[first];
        expect(value(node.nan)).toBeNaN();
        expect(value(node.inf)).toBe(Number.POSITIVE_INFINITY);
        expect(value(node.ninf)).toBe(Number.NEGATIVE_INFINITY);
        expect(Object.is(value(node.negzero), -0)).toBe(true);
        expect(node.big).toEqual(['int', 2 ** 60]);
        expect(node.text).toEqual(['str', '<&>"\' tab\t nl\n']);
        expect(node.flag).toEqual(['bool', true]);
        graph.forEachNode((key, attr) => {
          const n = out.nodes[key];
          expect(n.size).toEqual(['int', attr.size]);
          expect(n.phase).toEqual(['str', attr.phase]);
          attr.centroid.forEach((c: number, i: number) => {
            expect(value(n[`centroid_${i}`])).toBe(c);
          });
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
