/**
 * Hostile inputs for every export of @mgraph/graph: wrong types, shapes, dtypes, NaN /
 * Infinity, views, option mistakes (null options, misspelled keys, non-boolean booleans),
 * huge sizes (refused before allocation), corrupt files, graphs with self-loops / no edges /
 * multi-edges. Each case asserts the typed error and a fragment of its message, or the
 * correct result; the last check is the peak RSS of this process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AbortError,
  CATHODE_SCHEME,
  FileError,
  InvalidArgumentError,
  ShapeMismatchError,
  SOFC_ANODE_SCHEME,
} from '@mgraph/core';
import { DirectedGraph, MultiUndirectedGraph, UndirectedGraph } from 'graphology';
import ndarray from 'ndarray';
import { afterAll, describe, expect, it } from 'vitest';
import { expectPeakRss, runCases, type TupleCase } from '../../../test-utils/hostile.js';
import {
  adjacencyCounts,
  buildGraph,
  concurrentChannels,
  encodeHeteroDataNpy,
  encodeNpy,
  graphFromGEXF,
  graphFromGraphML,
  graphFromJSON,
  graphToGEXF,
  graphToGraphML,
  graphToJSON,
  neighborPhaseCounts,
  toHeteroData,
  triplePhaseBoundaries,
} from '../src/index.js';
import { writeHeteroDataNpy } from '../src/node.js';
import { draw, SCENE, SCENE_PHASES } from './scene.js';

type Case = TupleCase;

/** A function as a JavaScript caller sees it: any arguments. */
const js = <F extends (...args: never[]) => unknown>(f: F) =>
  f as unknown as (...args: unknown[]) => ReturnType<F>;

const labels = draw(26, 14, SCENE);
const options = { scheme: CATHODE_SCHEME, phaseOfLabel: SCENE_PHASES, window: 3 };
const graph = buildGraph(labels, options);
const small = ndarray(Int32Array.from([1, 1, 2, 2, 0, 3]), [2, 3]);
const smallPhases = Uint8Array.from([0, 2, 1, 3]);
const smallGraph = () =>
  buildGraph(small, { scheme: CATHODE_SCHEME, phaseOfLabel: smallPhases, window: 3 });
const flipped = ndarray(small.data, [2, 3], [-3, -1], 5); // the same image, both axes reversed
const broadcast = ndarray(new Int32Array(1), [1e5, 1e5], [0, 0]); // 1e10 elements over 4 bytes
const aborted = (() => {
  const c = new AbortController();
  c.abort();
  return c.signal;
})();

/** The cathode triangle nmc-sse-graphite, as a graph of any class. */
function triangleOf<G extends UndirectedGraph | MultiUndirectedGraph | DirectedGraph>(g: G): G {
  g.setAttribute('scheme', CATHODE_SCHEME);
  g.addNode('1', { phase: 'nmc', label: 1, size: 4 });
  g.addNode('2', { phase: 'sse', label: 2, size: 5 });
  g.addNode('3', { phase: 'graphite', label: 3, size: 6 });
  g.addEdge('1', '2', { weight: 1 });
  g.addEdge('2', '3', { weight: 2 });
  g.addEdge('1', '3', { weight: 3 });
  return g;
}
const multi = (() => {
  const g = triangleOf(new MultiUndirectedGraph());
  g.addEdge('1', '2', { weight: 7 });
  return g;
})();
const looped = (() => {
  const g = triangleOf(new UndirectedGraph());
  g.addEdge('1', '1', { weight: 9 });
  return g;
})();
const noEdges = (() => {
  const g = new UndirectedGraph();
  g.setAttribute('scheme', CATHODE_SCHEME);
  g.addNode('1', { phase: 'nmc', label: 1, size: 1 });
  return g;
})();
const withNode = (attributes: Record<string, unknown>) => {
  const g = triangleOf(new UndirectedGraph());
  g.mergeNodeAttributes('1', attributes);
  return g;
};
const withEdgeWeight = (weight: number) => {
  const g = triangleOf(new UndirectedGraph());
  g.setEdgeAttribute('1', '2', 'weight', weight);
  return g;
};
const tmp = mkdtempSync(join(tmpdir(), 'mgraph-hostile-'));
const aFile = join(tmp, 'file.txt');
writeFileSync(aFile, 'x');

const cases: Case[] = [
  // ---- adjacencyCounts / buildGraph: labels
  [
    'adjacencyCounts: null labels',
    () => js(adjacencyCounts)(null),
    InvalidArgumentError,
    'adjacencyCounts: argument labels',
  ],
  [
    'adjacencyCounts: a plain array',
    () => js(adjacencyCounts)([[1, 2]]),
    InvalidArgumentError,
    'adjacencyCounts: argument labels',
  ],
  [
    'adjacencyCounts: 1D',
    () => adjacencyCounts(ndarray(Int32Array.from([1, 2]), [2])),
    InvalidArgumentError,
    'adjacencyCounts: argument labels',
  ],
  [
    'adjacencyCounts: 4D',
    () => adjacencyCounts(ndarray(new Int32Array(16), [2, 2, 2, 2])),
    InvalidArgumentError,
    'adjacencyCounts: argument labels',
  ],
  [
    'adjacencyCounts: a fractional label',
    () => adjacencyCounts(ndarray(Float64Array.from([1, 1.5]), [1, 2])),
    InvalidArgumentError,
    'adjacencyCounts: argument labels[1] must be a non-negative integer label, got 1.5',
  ],
  [
    'adjacencyCounts: a negative label',
    () => adjacencyCounts(ndarray(Int16Array.from([1, -2]), [1, 2])),
    InvalidArgumentError,
    'labels[1]',
  ],
  [
    'adjacencyCounts: NaN label',
    () => adjacencyCounts(ndarray(Float32Array.from([Number.NaN, 1]), [1, 2])),
    InvalidArgumentError,
    'labels[0]',
  ],
  [
    'adjacencyCounts: label 3e9 (uint32)',
    () => adjacencyCounts(ndarray(Uint32Array.from([3e9, 1]), [1, 2])),
    InvalidArgumentError,
    'labels[0]',
  ],
  [
    'adjacencyCounts: label Infinity',
    () => adjacencyCounts(ndarray(Float64Array.from([1, Number.POSITIVE_INFINITY]), [1, 2])),
    InvalidArgumentError,
    'labels[1]',
  ],
  [
    'adjacencyCounts: string labels',
    () => adjacencyCounts(ndarray(['1', '2'] as never, [1, 2])),
    InvalidArgumentError,
    'labels[0]',
  ],
  [
    'adjacencyCounts: a view longer than its data',
    () => adjacencyCounts(ndarray(new Int32Array(3), [2, 2])),
    InvalidArgumentError,
    'adjacencyCounts: argument labels',
  ],
  [
    'adjacencyCounts: a reversed view counts as its copy',
    () => adjacencyCounts(flipped, { window: 3 }).count.length,
    (r) =>
      expect(r).toBe(
        adjacencyCounts(ndarray(Int32Array.from([3, 0, 2, 2, 1, 1]), [2, 3]), { window: 3 }).count
          .length,
      ),
  ],
  [
    'adjacencyCounts: a 1e10-element broadcast view refused before allocating',
    () => adjacencyCounts(broadcast),
    InvalidArgumentError,
    'must be a view whose copy can be allocated (10000000000 elements',
  ],
  [
    'adjacencyCounts: all background',
    () => adjacencyCounts(ndarray(new Uint8Array(12), [3, 4])).count.length,
    (r) => expect(r).toBe(0),
  ],
  [
    'adjacencyCounts: 0 x 5 image',
    () => adjacencyCounts(ndarray(new Uint8Array(0), [0, 5])).count.length,
    (r) => expect(r).toBe(0),
  ],
  // ---- adjacencyCounts / buildGraph: options
  [
    'adjacencyCounts: null options',
    () => js(adjacencyCounts)(small, null).count,
    (r) => expect(r).toEqual(adjacencyCounts(small).count),
  ],
  [
    'adjacencyCounts: "windw"',
    () => js(adjacencyCounts)(small, { windw: 3 }),
    InvalidArgumentError,
    'adjacencyCounts: argument options.windw must be a known option (did you mean "window"?)',
  ],
  [
    'adjacencyCounts: window 4',
    () => adjacencyCounts(small, { window: 4 }),
    InvalidArgumentError,
    'options.window must be an odd integer >= 1',
  ],
  [
    'adjacencyCounts: window NaN',
    () => adjacencyCounts(small, { window: Number.NaN }),
    InvalidArgumentError,
    'options.window',
  ],
  [
    'adjacencyCounts: window "7"',
    () => js(adjacencyCounts)(small, { window: '7' }),
    InvalidArgumentError,
    'options.window',
  ],
  [
    'adjacencyCounts: window 2^31-1 (larger than the image)',
    () => adjacencyCounts(small, { window: 2 ** 31 - 1 }).count.length,
    (r) => expect(r).toBe(6),
  ],
  [
    'adjacencyCounts: onProgress 1',
    () => js(adjacencyCounts)(small, { onProgress: 1 }),
    InvalidArgumentError,
    'options.onProgress',
  ],
  [
    'adjacencyCounts: signal "stop"',
    () => js(adjacencyCounts)(small, { signal: 'stop' }),
    InvalidArgumentError,
    'options.signal',
  ],
  [
    'adjacencyCounts: aborted signal',
    () => adjacencyCounts(labels, { signal: aborted }),
    AbortError,
    'adjacencyCounts: aborted',
  ],
  [
    'buildGraph: no options',
    () => js(buildGraph)(small),
    InvalidArgumentError,
    'buildGraph: argument options.scheme must be given (it has no default)',
  ],
  [
    'buildGraph: null options',
    () => js(buildGraph)(small, null),
    InvalidArgumentError,
    'options.scheme must be given',
  ],
  [
    'buildGraph: "shceme"',
    () => js(buildGraph)(small, { shceme: CATHODE_SCHEME }),
    InvalidArgumentError,
    'did you mean "scheme"?',
  ],
  [
    'buildGraph: a scheme name, not a scheme',
    () => js(buildGraph)(small, { scheme: 'cathode', phaseOfLabel: smallPhases }),
    InvalidArgumentError,
    'buildGraph: argument options.scheme must be a PhaseScheme',
  ],
  [
    'buildGraph: phaseOfLabel too short',
    () => buildGraph(small, { scheme: CATHODE_SCHEME, phaseOfLabel: [0, 2] }),
    InvalidArgumentError,
    'options.phaseOfLabel',
  ],
  [
    'buildGraph: neither phaseOfLabel nor phases',
    () => buildGraph(small, { scheme: CATHODE_SCHEME }),
    InvalidArgumentError,
    'options.phaseOfLabel',
  ],
  [
    'buildGraph: a background phase code',
    () => buildGraph(small, { scheme: CATHODE_SCHEME, phaseOfLabel: [0, 0, 1, 3] }),
    InvalidArgumentError,
    'buildGraph: argument options.phaseOfLabel[1]',
  ],
  [
    'buildGraph: phases of another shape',
    () => buildGraph(small, { scheme: CATHODE_SCHEME, phases: ndarray(new Uint8Array(4), [2, 2]) }),
    ShapeMismatchError,
    'buildGraph: argument options.phases (vs labels) must have shape [2, 3], got [2, 2]',
  ],
  [
    'buildGraph: weightScale 0',
    () => buildGraph(small, { scheme: CATHODE_SCHEME, phaseOfLabel: smallPhases, weightScale: 0 }),
    InvalidArgumentError,
    'options.weightScale',
  ],
  [
    'buildGraph: weightScale "min"',
    () =>
      js(buildGraph)(small, {
        scheme: CATHODE_SCHEME,
        phaseOfLabel: smallPhases,
        weightScale: 'min',
      }),
    InvalidArgumentError,
    'options.weightScale',
  ],
  [
    'buildGraph: strength "median"',
    () =>
      js(buildGraph)(small, {
        scheme: CATHODE_SCHEME,
        phaseOfLabel: smallPhases,
        strength: 'median',
      }),
    InvalidArgumentError,
    'options.strength',
  ],
  [
    'buildGraph: all background is an empty graph',
    () =>
      buildGraph(ndarray(new Uint8Array(6), [2, 3]), { scheme: CATHODE_SCHEME, phaseOfLabel: [0] })
        .order,
    (r) => expect(r).toBe(0),
  ],
  [
    'buildGraph: a reversed view gives the same graph',
    () =>
      buildGraph(flipped, { scheme: CATHODE_SCHEME, phaseOfLabel: smallPhases, window: 3 }).size,
    (r) => expect(r).toBe(smallGraph().size),
  ],
  // ---- analyses: graphs with self-loops, no edges, multi-edges; options
  [
    'triplePhaseBoundaries: a multigraph',
    () => triplePhaseBoundaries(multi as never),
    InvalidArgumentError,
    'triplePhaseBoundaries: argument graph must be a graph without parallel edges',
  ],
  [
    'triplePhaseBoundaries: a self-loop changes nothing',
    () => triplePhaseBoundaries(looped).triangles.length,
    (r) => expect(r).toBe(1),
  ],
  [
    'triplePhaseBoundaries: no edges',
    () => triplePhaseBoundaries(noEdges).triangles,
    (r) => expect(r).toEqual([]),
  ],
  [
    'triplePhaseBoundaries: a directed triangle',
    () => triplePhaseBoundaries(triangleOf(new DirectedGraph()) as never).triangles.length,
    (r) => expect(r).toBe(1),
  ],
  [
    'triplePhaseBoundaries: null options',
    () => js(triplePhaseBoundaries)(looped, null).triangles.length,
    (r) => expect(r).toBe(1),
  ],
  [
    'triplePhaseBoundaries: "phase"',
    () => js(triplePhaseBoundaries)(looped, { phase: ['nmc', 'sse', 'graphite'] }),
    InvalidArgumentError,
    'did you mean "phases"?',
  ],
  [
    'triplePhaseBoundaries: weight 0',
    () => js(triplePhaseBoundaries)(looped, { weight: 0 }),
    InvalidArgumentError,
    'options.weight',
  ],
  [
    'triplePhaseBoundaries: NaN weight',
    () => triplePhaseBoundaries(withNode({}), { weight: 'missing' }),
    InvalidArgumentError,
    'attribute missing must be a finite number > 0',
  ],
  [
    'triplePhaseBoundaries: not a graph',
    () => js(triplePhaseBoundaries)({}),
    InvalidArgumentError,
    'triplePhaseBoundaries: argument graph must be a graphology graph',
  ],
  [
    'concurrentChannels: a multigraph counts each contact once',
    () => concurrentChannels(multi as never).pairs.length,
    (r) => expect(r).toBe(0),
  ],
  [
    'concurrentChannels: no edges',
    () => concurrentChannels(noEdges).pairs,
    (r) => expect(r).toEqual([]),
  ],
  [
    'concurrentChannels: null options',
    () => js(concurrentChannels)(looped, null).pairs,
    (r) => expect(r).toEqual([]),
  ],
  [
    'concurrentChannels: directIonic "yes"',
    () => js(concurrentChannels)(looped, { directIonic: 'yes' }),
    InvalidArgumentError,
    'options.directIonic must be a boolean',
  ],
  [
    'concurrentChannels: "directElectric"',
    () => js(concurrentChannels)(looped, { directElectric: true }),
    InvalidArgumentError,
    'did you mean "directElectronic"?',
  ],
  [
    'concurrentChannels: active "pore"',
    () => concurrentChannels(looped, { active: 'pore' }),
    InvalidArgumentError,
    'options.active',
  ],
  [
    'neighborPhaseCounts: self-loop not counted',
    () => neighborPhaseCounts(looped)['1'],
    (r) => expect(r).toEqual({ sse: 1, nmc: 0, graphite: 1 }),
  ],
  [
    'neighborPhaseCounts: null options',
    () => js(neighborPhaseCounts)(noEdges, null),
    (r) => expect(r).toEqual({ 1: { sse: 0, nmc: 0, graphite: 0 } }),
  ],
  [
    'neighborPhaseCounts: "schema"',
    () => js(neighborPhaseCounts)(noEdges, { schema: CATHODE_SCHEME }),
    InvalidArgumentError,
    'did you mean "scheme"?',
  ],
  [
    'neighborPhaseCounts: another scheme',
    () => neighborPhaseCounts(noEdges, { scheme: SOFC_ANODE_SCHEME }),
    InvalidArgumentError,
    'neighborPhaseCounts: argument options.scheme',
  ],
  [
    'neighborPhaseCounts: a phase the scheme lacks',
    () => neighborPhaseCounts(withNode({ phase: 'pore' })),
    InvalidArgumentError,
    'neighborPhaseCounts: argument graph node 1 attribute phase',
  ],
  // ---- toHeteroData
  [
    'toHeteroData: label 3e9',
    () => toHeteroData(withNode({ label: 3e9 })),
    InvalidArgumentError,
    'toHeteroData: argument graph node 1 attribute label must be an integer in [-2^31, 2^31 - 1]',
  ],
  [
    'toHeteroData: feature 1e39',
    () => toHeteroData(withNode({ size: 1e39 })),
    InvalidArgumentError,
    'toHeteroData: argument graph node 1 attribute size must be number(s) float32 can hold',
  ],
  [
    'toHeteroData: feature 1e-50',
    () => toHeteroData(withNode({ size: 1e-50 })),
    InvalidArgumentError,
    'would be stored as 0',
  ],
  [
    'toHeteroData: feature NaN',
    () => toHeteroData(withNode({ size: Number.NaN })),
    InvalidArgumentError,
    'attribute size must be finite number(s)',
  ],
  [
    'toHeteroData: edge weight 1e39',
    () => toHeteroData(withEdgeWeight(-1e39)),
    InvalidArgumentError,
    'float32 can hold',
  ],
  [
    'toHeteroData: null options',
    () => js(toHeteroData)(looped, null).nodeTypes,
    (r) => expect(r).toEqual(['sse', 'nmc', 'graphite']),
  ],
  [
    'toHeteroData: "feature"',
    () => js(toHeteroData)(looped, { feature: ['size'] }),
    InvalidArgumentError,
    'did you mean "features"?',
  ],
  [
    'toHeteroData: relation "a__b"',
    () => toHeteroData(looped, { relation: 'a__b' }),
    InvalidArgumentError,
    'options.relation',
  ],
  [
    'toHeteroData: features a string',
    () => js(toHeteroData)(looped, { features: 'size' }),
    InvalidArgumentError,
    'options.features',
  ],
  [
    'toHeteroData: no edges',
    () => Object.values(toHeteroData(noEdges).edges).every((e) => e.edgeIndex.length === 0),
    (r) => expect(r).toBe(true),
  ],
  // ---- npy
  [
    'encodeNpy: a plain array',
    () => js(encodeNpy)({ data: [1, 2], shape: [2] }),
    InvalidArgumentError,
    'encodeNpy: argument array.data must be a typed array',
  ],
  [
    'encodeNpy: null',
    () => js(encodeNpy)(null),
    InvalidArgumentError,
    'encodeNpy: argument array.data',
  ],
  [
    'encodeNpy: shape product differs',
    () => encodeNpy({ data: new Float32Array(4), shape: [3] }),
    InvalidArgumentError,
    'encodeNpy: argument array.shape',
  ],
  [
    'encodeNpy: NaN in shape',
    () => encodeNpy({ data: new Float32Array(0), shape: [Number.NaN] }),
    InvalidArgumentError,
    'array.shape',
  ],
  [
    'encodeNpy: a DataView',
    () => js(encodeNpy)({ data: new DataView(new ArrayBuffer(4)), shape: [4] }),
    InvalidArgumentError,
    'array.data',
  ],
  [
    'encodeNpy: BigInt64Array',
    () => encodeNpy({ data: new BigInt64Array(2), shape: [2] }).length % 64,
    (r) => expect(r).toBe(16),
  ],
  [
    'encodeHeteroDataNpy: null',
    () => js(encodeHeteroDataNpy)(null),
    InvalidArgumentError,
    'encodeHeteroDataNpy',
  ],
  [
    'writeHeteroDataNpy: data first (old order)',
    () => js(writeHeteroDataNpy)(toHeteroData(looped), tmp),
    InvalidArgumentError,
    'writeHeteroDataNpy: argument dir must be a directory path',
  ],
  [
    'writeHeteroDataNpy: a file where the directory goes',
    () => writeHeteroDataNpy(join(aFile, 'sub'), toHeteroData(looped)),
    FileError,
    `writeHeteroDataNpy: cannot create directory ${JSON.stringify(join(aFile, 'sub'))}`,
  ],
  [
    'writeHeteroDataNpy: a directory where a file goes',
    () => writeHeteroDataNpy(tmp, toHeteroData(looped)).then((paths) => paths.length),
    (r) => expect(r).toBe(3 + 3 + 18 + 1),
  ],
  // ---- formats: corrupt text, unreadable values, other graph kinds
  [
    'graphFromJSON: not JSON',
    () => graphFromJSON('{"nodes": '),
    InvalidArgumentError,
    'graphFromJSON: argument text must be graphology JSON',
  ],
  [
    'graphFromJSON: a number',
    () => js(graphFromJSON)(3),
    InvalidArgumentError,
    'graphFromJSON: argument text',
  ],
  [
    'graphFromJSON: a directed graph',
    () => graphFromJSON(graphToJSON(triangleOf(new DirectedGraph()))),
    InvalidArgumentError,
    'graphFromJSON: argument text',
  ],
  [
    'graphFromJSON: a multigraph',
    () => graphFromJSON(graphToJSON(multi)),
    InvalidArgumentError,
    'graphFromJSON: argument text',
  ],
  [
    'graphToJSON: Infinity',
    () => graphToJSON(withNode({ size: Number.POSITIVE_INFINITY })),
    InvalidArgumentError,
    'graphToJSON: argument graph node "1" attribute size',
  ],
  [
    'graphToJSON: a BigInt',
    () => graphToJSON(withNode({ big: 1n })),
    InvalidArgumentError,
    'a BigInt has no JSON form',
  ],
  [
    'graphToJSON: a typed array',
    () => graphToJSON(withNode({ v: new Float32Array(2) })),
    InvalidArgumentError,
    'a Float32Array has no JSON form',
  ],
  [
    'graphToJSON: not a graph',
    () => js(graphToJSON)({}),
    InvalidArgumentError,
    'graphToJSON: argument graph must be a graphology graph',
  ],
  [
    'graphToJSON: the scene round-trips',
    () => graphFromJSON(graphToJSON(graph)).size,
    (r) => expect(r).toBe(graph.size),
  ],
  [
    'graphFromGraphML: truncated',
    () => graphFromGraphML(graphToGraphML(graph).slice(0, 500)),
    InvalidArgumentError,
    'graphFromGraphML: argument text must be GraphML XML',
  ],
  [
    'graphFromGraphML: double "abc"',
    () =>
      graphFromGraphML(
        graphToGraphML(noEdges)
          .replace('attr.name="size" attr.type="long"', 'attr.name="size" attr.type="double"')
          .replace('>1</data></node>', '>abc</data></node>'),
      ),
    InvalidArgumentError,
    'graphFromGraphML: argument text (GraphML attribute "size") must be a value of its declared type double, got "abc"',
  ],
  [
    'graphFromGraphML: boolean "yes"',
    () =>
      graphFromGraphML(
        '<graphml><key id="k" for="node" attr.name="f" attr.type="boolean"/><graph edgedefault="undirected"><node id="a"><data key="k">yes</data></node></graph></graphml>',
      ),
    InvalidArgumentError,
    'declared type boolean, got "yes"',
  ],
  [
    'graphFromGraphML: long beyond 2^53 not exact',
    () =>
      graphFromGraphML(
        '<graphml><key id="k" for="node" attr.name="n" attr.type="long"/><graph edgedefault="undirected"><node id="a"><data key="k">9007199254740993</data></node></graph></graphml>',
      ),
    InvalidArgumentError,
    'declared type long',
  ],
  [
    'graphFromGraphML: a typed default is cast',
    () =>
      (
        graphFromGraphML(
          '<graphml><key id="k" for="node" attr.name="n" attr.type="double"><default>2.5</default></key><graph edgedefault="undirected"><node id="a"/></graph></graphml>',
        ).getNodeAttributes('a') as unknown as { n: number }
      ).n,
    (r) => expect(r).toBe(2.5),
  ],
  [
    'graphFromGraphML: a directed file',
    () => graphFromGraphML(graphToGraphML(triangleOf(new DirectedGraph()))),
    InvalidArgumentError,
    'graphFromGraphML: argument text',
  ],
  [
    'graphToGraphML: an object attribute',
    () => graphToGraphML(withNode({ o: { a: 1 } })),
    InvalidArgumentError,
    'graphToGraphML: argument graph node "1" attribute o',
  ],
  [
    'graphToGraphML: an empty array',
    () => graphToGraphML(withNode({ c: [] })),
    InvalidArgumentError,
    'a non-empty array',
  ],
  [
    'graphToGraphML: a control character',
    () => graphToGraphML(withNode({ s: 'a\u0000b' })),
    InvalidArgumentError,
    'text GraphML (XML 1.0) can hold',
  ],
  [
    'graphToGraphML: kinds differ between nodes',
    () => graphToGraphML(withNode({ size: 'big' })),
    InvalidArgumentError,
    'graphToGraphML: argument graph node "2" attribute size must be a string (as graph node "1" attribute size: GraphML declares one type per key',
  ],
  [
    'graphToGraphML: a multigraph is written',
    () => graphToGraphML(multi).match(/<edge /g)?.length,
    (r) => expect(r).toBe(4),
  ],
  [
    'graphFromGraphML: its parallel edges are refused',
    () => graphFromGraphML(graphToGraphML(multi)),
    InvalidArgumentError,
    'parallel edges',
  ],
  [
    'graphFromGEXF: not XML',
    () => graphFromGEXF('<gexf'),
    InvalidArgumentError,
    'graphFromGEXF: argument text must be GEXF XML',
  ],
  [
    'graphFromGEXF: a multigraph',
    () => graphFromGEXF(graphToGEXF(multi)),
    InvalidArgumentError,
    'graphFromGEXF: argument text must be GEXF XML',
  ],
  [
    'graphFromGEXF: a directed graph',
    () => graphFromGEXF(graphToGEXF(triangleOf(new DirectedGraph()))),
    InvalidArgumentError,
    'graphFromGEXF: argument text must be GEXF XML',
  ],
  [
    'graphFromGEXF: listdouble "[1, x]"',
    () =>
      graphFromGEXF(
        graphToGEXF(withNode({ c: [1, 2] })).replace('value="[1, 2]"', 'value="[1, x]"'),
      ),
    InvalidArgumentError,
    'graphFromGEXF: argument text (GEXF attribute "c") must be a value of its declared type listlong',
  ],
  [
    'graphFromGEXF: no edges reads back',
    () => graphFromGEXF(graphToGEXF(noEdges)).order,
    (r) => expect(r).toBe(1),
  ],
  [
    'graphToGEXF: a nested object',
    () => graphToGEXF(withNode({ o: { k: 1 } })),
    InvalidArgumentError,
    'graphToGEXF: argument graph node "1" attribute o must be a number, boolean, string or array',
  ],
  [
    'graphToGEXF: a mixed array',
    () => graphToGEXF(withNode({ o: [1, 'a'] })),
    InvalidArgumentError,
    'an array of one kind',
  ],
  [
    'graphToGEXF: null',
    () => graphToGEXF(withNode({ o: null })),
    InvalidArgumentError,
    'GEXF has no null type',
  ],
  [
    'graphToGEXF: a graph attribute "12" (would read back as a number)',
    () => {
      const g = triangleOf(new UndirectedGraph());
      g.setAttribute('note', '12');
      return graphToGEXF(g);
    },
    InvalidArgumentError,
    'graphToGEXF: argument graph attribute note must be a value GEXF <meta> gives back',
  ],
  [
    'graphToGEXF: a camel-case graph attribute',
    () => {
      const g = triangleOf(new UndirectedGraph());
      g.setAttribute('myKey', 1);
      return graphToGEXF(g);
    },
    InvalidArgumentError,
    'a lower-case XML name',
  ],
  [
    'graphToGEXF: the scene round-trips',
    () => graphFromGEXF(graphToGEXF(graph)).size,
    (r) => expect(r).toBe(graph.size),
  ],
];

describe('graph: hostile inputs, every export', () => {
  runCases(cases);
  it(`has ${cases.length} cases`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  expectPeakRss('graph', cases.length);
});
