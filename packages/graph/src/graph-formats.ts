import { checkScheme, InvalidArgumentError } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { parse as parseGexf, write as writeGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Attributes, SerializedGraph } from 'graphology-types';
import { type AnyGraph, assertGraph } from './graph-access.js';
import type { MicrostructureGraph } from './types.js';

/**
 * Serialise a graph as graphology's JSON format (`graph.export()`, stringified): lossless,
 * arrays and all attribute types kept (the graph's `scheme` is written as a JSON object).
 *
 * @param graph - any graphology graph
 * @returns JSON text
 * @throws InvalidArgumentError when `graph` is not a graphology graph
 */
export function graphToJSON(graph: AnyGraph): string {
  assertGraph('graphToJSON', graph);
  return JSON.stringify(graph.export());
}

/**
 * Read graphology JSON (from {@link graphToJSON} or `JSON.stringify(graph.export())`) into an
 * `UndirectedGraph`. A graph attribute `scheme` is revived as a checked `PhaseScheme`, so
 * the analyses read the graph as they read the one written.
 *
 * @param text - JSON text of a serialised undirected graph
 * @returns the graph
 * @throws InvalidArgumentError when `text` is not valid JSON of a serialised undirected graph,
 *   or its graph attribute `scheme` is not a phase scheme
 */
export function graphFromJSON(text: string): MicrostructureGraph {
  const fn = 'graphFromJSON';
  const graph = parseText(fn, text, 'graphology JSON of an undirected graph', (t) =>
    UndirectedGraph.from(JSON.parse(t) as SerializedGraph),
  );
  reviveScheme(fn, graph);
  return graph as unknown as MicrostructureGraph;
}

/**
 * Turn the graph attribute `scheme` back into a `PhaseScheme`: a JSON object string (as GEXF
 * and GraphML carry it) is parsed, and any object is checked and normalised with core's
 * `checkScheme`. Other strings (e.g. a bare scheme name written by another tool) are left as
 * they are; the analyses then refuse the graph unless given `options.scheme`.
 *
 * @throws InvalidArgumentError when the attribute is a JSON object that is not a scheme
 */
function reviveScheme(fn: string, graph: AnyGraph): void {
  let value = graph.getAttribute('scheme') as unknown;
  if (typeof value === 'string' && value.trimStart().startsWith('{')) {
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw new InvalidArgumentError(
        fn,
        'text (graph attribute scheme)',
        value,
        `a phase scheme as JSON text (${(error as Error).message})`,
      );
    }
  }
  if (typeof value === 'object' && value !== null) {
    graph.setAttribute('scheme', checkScheme(fn, 'text (graph attribute scheme)', value));
  }
}

/**
 * Write a graph as GEXF 1.3 with graphology's own writer (`graphology-gexf`). Node labels
 * are the `label` attribute (else the key), the GEXF edge weight is the `weight` attribute;
 * every node and edge attribute is also written as a typed GEXF attribute (arrays as list
 * types). Graph attributes go to `<meta>`, arrays and objects (the `scheme`) as JSON text.
 *
 * @param graph - any graphology graph
 * @returns GEXF XML text
 * @throws InvalidArgumentError when `graph` is not a graphology graph
 */
export function graphToGEXF(graph: AnyGraph): string {
  assertGraph('graphToGEXF', graph);
  const copy = graph.copy();
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(graph.getAttributes())) {
    attributes[key] = typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
  }
  copy.replaceAttributes(attributes);
  return writeGexf(copy, {
    version: '1.3',
    formatNode: (key, attributes) => ({
      label: String(attributes.label ?? key),
      attributes,
    }),
    formatEdge: (_key, attributes) => ({
      weight: typeof attributes.weight === 'number' ? attributes.weight : undefined,
      attributes,
    }),
  });
}

/** Graph attributes of {@link MicrostructureGraphAttributes}, by lower-cased name. */
const GRAPH_KEYS = new Map(
  ['scheme', 'shape', 'window', 'strength', 'weightScale'].map((k) => [k.toLowerCase(), k]),
);

/**
 * Read GEXF (e.g. from {@link graphToGEXF} or Gephi) with graphology's parser into an
 * `UndirectedGraph`. A node label that is an integer string and a node attribute `label`
 * become numbers again; graph attributes from `<meta>` get their names and types back
 * (numbers, JSON arrays), and `scheme` is revived as a checked `PhaseScheme`.
 *
 * @param text - GEXF XML text
 * @returns the graph
 * @throws InvalidArgumentError when the text cannot be parsed as an undirected GEXF graph, or
 *   its graph attribute `scheme` is JSON text that is not a phase scheme
 */
export function graphFromGEXF(text: string): MicrostructureGraph {
  const fn = 'graphFromGEXF';
  const graph = parseText(fn, text, 'GEXF XML', (t) => parseGexf(UndirectedGraph, t));
  graph.updateEachNodeAttributes((_key, attributes) => numericLabel(attributes));
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(graph.getAttributes())) {
    attributes[GRAPH_KEYS.get(key.toLowerCase()) ?? key] =
      typeof value === 'string' ? revive(value) : value;
  }
  graph.replaceAttributes(attributes);
  reviveScheme(fn, graph);
  return graph as unknown as MicrostructureGraph;
}

/** A `<meta>` string back to a number or array when it reads as one. */
function revive(value: string): unknown {
  if (/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(value)) return Number(value);
  if (value.startsWith('[')) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * Write a graph as GraphML (graphology has no GraphML writer, so this is mgraph's own,
 * readable by graphology-graphml, networkx `read_graphml`, Gephi and yEd). Each attribute
 * gets a typed `<key>` (`long` when every value is an integer, else `double`; `boolean`;
 * `string`); array attributes (`centroid`, `bbox`, `shape`) are flattened to one key per
 * element, `name_0`, `name_1`, ... (GraphML has no list type), which
 * {@link graphFromGraphML} folds back into arrays. Other objects, the graph's `scheme`
 * among them, are written as JSON strings (a `string` key: networkx `read_graphml` reads
 * it as text, `json.loads` gives the scheme back).
 *
 * @param graph - any graphology graph (mixed graphs mark each edge `directed`)
 * @returns GraphML XML text
 * @throws InvalidArgumentError when `graph` is not a graphology graph
 */
export function graphToGraphML(graph: AnyGraph): string {
  assertGraph('graphToGraphML', graph);
  const keys = new KeyTable();
  const graphData = keys.flatten('graph', graph.getAttributes());
  const nodes: string[] = [];
  graph.forEachNode((key, attributes) => {
    nodes.push(`    <node id="${escapeXml(key)}">${keys.data('node', attributes)}</node>`);
  });
  const edges: string[] = [];
  const edgeDefault = graph.type === 'directed' ? 'directed' : 'undirected';
  graph.forEachEdge((key, attributes, source, target, _sa, _ta, undirected) => {
    const directed = graph.type === 'mixed' && !undirected ? ' directed="true"' : '';
    edges.push(
      `    <edge id="${escapeXml(key)}" source="${escapeXml(source)}" target="${escapeXml(target)}"${directed}>${keys.data('edge', attributes)}</edge>`,
    );
  });
  const graphDataXml = keys.render('graph', graphData);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.declarations(),
    `  <graph edgedefault="${edgeDefault}">`,
    ...(graphDataXml ? [`    ${graphDataXml}`] : []),
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/**
 * Read GraphML with graphology's parser (`graphology-graphml`) into an `UndirectedGraph`,
 * folding flattened array attributes (`name_0` ... `name_{n-1}`, as {@link graphToGraphML}
 * writes them) back into arrays, and reviving the graph attribute `scheme` (JSON text) as a
 * checked `PhaseScheme`.
 *
 * @param text - GraphML XML text
 * @returns the graph
 * @throws InvalidArgumentError when the text cannot be parsed as GraphML, or its graph
 *   attribute `scheme` is JSON text that is not a phase scheme
 */
export function graphFromGraphML(text: string): MicrostructureGraph {
  const fn = 'graphFromGraphML';
  const graph = parseText(fn, text, 'GraphML XML', (t) => parseGraphml(UndirectedGraph, t));
  graph.updateEachNodeAttributes((_key, attributes) => foldArrays(attributes));
  graph.updateEachEdgeAttributes((_key, attributes) => foldArrays(attributes));
  graph.replaceAttributes(foldArrays(graph.getAttributes()));
  reviveScheme(fn, graph);
  return graph as unknown as MicrostructureGraph;
}

/** Run a parser, turning its failure into an InvalidArgumentError naming the format. */
function parseText(
  fn: string,
  text: string,
  format: string,
  parse: (text: string) => AnyGraph,
): AnyGraph {
  if (typeof text !== 'string') throw new InvalidArgumentError(fn, 'text', text, format);
  try {
    return parse(text);
  } catch (error) {
    throw new InvalidArgumentError(fn, 'text', text, `${format} (${(error as Error).message})`);
  }
}

type Domain = 'graph' | 'node' | 'edge';
type Scalar = number | boolean | string;

/** GraphML `<key>` declarations, collected while the data is written. */
class KeyTable {
  private readonly ids = new Map<string, { id: string; name: string; domain: Domain }>();
  private readonly types = new Map<string, 'long' | 'double' | 'boolean' | 'string'>();

  /** Flatten attributes to scalar entries, registering their keys and widening key types. */
  flatten(domain: Domain, attributes: Attributes): [string, Scalar][] {
    const entries: [string, Scalar][] = [];
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        value.forEach((v, i) => {
          entries.push([`${name}_${i}`, toScalar(v)]);
        });
      } else {
        entries.push([name, toScalar(value)]);
      }
    }
    for (const [name, value] of entries) {
      const id = `${domain}:${name}`;
      if (!this.ids.has(id)) {
        this.ids.set(id, { id: `${domain[0]}${this.ids.size}`, name, domain });
      }
      const type =
        typeof value === 'boolean'
          ? 'boolean'
          : typeof value === 'number'
            ? Number.isInteger(value)
              ? 'long'
              : 'double'
            : 'string';
      const before = this.types.get(id);
      this.types.set(id, widen(before, type));
    }
    return entries;
  }

  /** `<data>` elements of one node or edge. */
  data(domain: 'node' | 'edge', attributes: Attributes): string {
    return this.render(domain, this.flatten(domain, attributes));
  }

  render(domain: Domain, entries: [string, Scalar][]): string {
    return entries
      .map(
        ([name, value]) =>
          `<data key="${this.ids.get(`${domain}:${name}`)!.id}">${escapeXml(String(value))}</data>`,
      )
      .join('');
  }

  declarations(): string[] {
    return [...this.ids.entries()].map(
      ([key, { id, name, domain }]) =>
        `  <key id="${id}" for="${domain}" attr.name="${escapeXml(name)}" attr.type="${this.types.get(key)}"/>`,
    );
  }
}

function toScalar(value: unknown): Scalar {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  return JSON.stringify(value);
}

function widen(
  before: 'long' | 'double' | 'boolean' | 'string' | undefined,
  type: 'long' | 'double' | 'boolean' | 'string',
): 'long' | 'double' | 'boolean' | 'string' {
  if (before === undefined || before === type) return type;
  const numeric = (t: string) => t === 'long' || t === 'double';
  if (numeric(before) && numeric(type)) return 'double';
  return 'string';
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Fold `name_0`, ..., `name_{n-1}` (all present, `name` itself absent) into `name: [...]`. */
function foldArrays(attributes: Attributes): Attributes {
  const groups = new Map<string, Map<number, unknown>>();
  for (const [key, value] of Object.entries(attributes)) {
    const m = /^(.+)_(\d+)$/.exec(key);
    if (!m) continue;
    const group = groups.get(m[1]!) ?? new Map<number, unknown>();
    group.set(Number(m[2]), value);
    groups.set(m[1]!, group);
  }
  const out: Attributes = { ...attributes };
  for (const [name, group] of groups) {
    if (name in attributes) continue;
    const values = Array.from({ length: group.size }, (_, i) => group.get(i));
    if (!values.every((_, i) => group.has(i))) continue;
    values.forEach((_, i) => {
      delete out[`${name}_${i}`];
    });
    out[name] = values;
  }
  return out;
}

function numericLabel(attributes: Attributes): Attributes {
  const label = attributes.label;
  if (typeof label === 'string' && /^-?\d+$/.test(label)) {
    return { ...attributes, label: Number(label) };
  }
  return attributes;
}
