import { checkScheme, InvalidArgumentError } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Attributes } from 'graphology-types';
import {
  type Domain,
  domainEntries,
  formatLong,
  formatNumber,
  numericType,
  type Scalar,
  type ScalarKind,
  scalarKind,
} from './attribute-values.js';
import { type AnyGraph, assertGraph } from './graph-access.js';
import { checkJsonValue } from './graph-json.js';
import { parseText } from './parse-text.js';
import { reviveScheme } from './revive-scheme.js';
import { badValue, canonical, NUMERIC } from './typed-value-text.js';
import type { MicrostructureGraph } from './types.js';
import { checkKeys, decodeEntities, escapeXml, tagAttributes, xmlString } from './xml-text.js';

/*
 * The writer gives every value back exactly through its reader, or throws an
 * InvalidArgumentError naming the attribute (never a silent change). An attribute whose value
 * is `undefined` counts as absent.
 */

/** `<desc>` of the key of element `i` of array attribute `name` (how the reader knows to fold it). */
const ARRAY_DESC = 'mgraph array element';

/**
 * Write a graph as GraphML (graphology has no GraphML writer, so this is mgraph's own,
 * readable by graphology-graphml, networkx `read_graphml`, Gephi and yEd). Each attribute
 * gets a typed `<key>` (`long` when every value is an integer below 2^63, else `double`,
 * NaN, +-Infinity and -0 included; `boolean`; `string`); an array attribute (`centroid`,
 * `bbox`, `shape`) is flattened to one key per element, `name_0`, `name_1`, ... (GraphML has
 * no list type), each marked `<desc>mgraph array element name[i]</desc>`, which
 * {@link graphFromGraphML} folds back into the array. The graph's `scheme` is written as a
 * JSON string (networkx `read_graphml` reads it as text, `json.loads` gives the scheme back).
 *
 * @param graph - any graphology graph (mixed graphs mark each edge `directed`)
 * @returns GraphML XML text
 * @throws InvalidArgumentError when `graph` is not a graphology graph, or naming the
 *   attribute GraphML cannot give back: an object (but the graph's `scheme`), `null`, an
 *   empty array or one holding arrays / objects, a value whose kind differs from the same
 *   attribute's elsewhere in its domain (one type per key), a flattened element colliding
 *   with an attribute of the same name (`centroid_0`), or text with control characters
 *   XML cannot hold
 */
export function graphToGraphML(graph: AnyGraph): string {
  const fn = 'graphToGraphML';
  assertGraph(fn, graph);
  checkKeys(fn, graph, 'GraphML');
  const keys = new KeyTable(fn);
  const entries = domainEntries(graph).map((e) => ({
    ...e,
    flat: keys.flatten(e.domain, e.where, e.attributes),
  }));
  keys.checkCollisions();
  let graphDataXml = '';
  const nodes: string[] = [];
  const edges: string[] = [];
  const edgeKeys = graph.type === 'mixed' ? new Map<string, boolean>() : undefined;
  if (edgeKeys)
    graph.forEachEdge((key, _a, _s, _t, _sa, _ta, undirected) => edgeKeys.set(key, undirected));
  for (const { domain, element, flat } of entries) {
    const data = keys.render(domain, flat);
    if (domain === 'graph') graphDataXml = data;
    else if (domain === 'node') {
      nodes.push(`    <node id="${escapeXml(element, true)}">${data}</node>`);
    } else {
      const [source, target] = graph.extremities(element);
      const directed = edgeKeys !== undefined && !edgeKeys.get(element) ? ' directed="true"' : '';
      edges.push(
        `    <edge id="${escapeXml(element, true)}" source="${escapeXml(source!, true)}" target="${escapeXml(target!, true)}"${directed}>${data}</edge>`,
      );
    }
  }
  const edgeDefault = graph.type === 'directed' ? 'directed' : 'undirected';
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

type KeyType = 'long' | 'double' | 'boolean' | 'string';

/** GraphML `<key>` declarations, collected while the data is flattened and checked. */
interface GraphmlKey {
  id: string;
  name: string;
  domain: Domain;
  kind: ScalarKind;
  values: number[];
  array?: [string, number];
  where: string;
}

class KeyTable {
  private readonly keys = new Map<string, GraphmlKey>();

  constructor(private readonly fn: string) {}

  /** Flatten one element's attributes to `[key, scalar]`, checking what GraphML can hold. */
  flatten(domain: Domain, where: string, attributes: Attributes): [string, Scalar][] {
    const fn = this.fn;
    const out: [string, Scalar][] = [];
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined) continue;
      const attr = `${where} attribute ${name}`;
      if (Array.isArray(value)) {
        if (value.length === 0) {
          throw new InvalidArgumentError(
            fn,
            attr,
            value,
            'a non-empty array (GraphML writes arrays as one key per element)',
          );
        }
        value.forEach((v, i) => {
          if (scalarKind(v) === undefined) {
            throw new InvalidArgumentError(
              fn,
              attr,
              value,
              'an array of numbers, booleans or strings (GraphML has no nested types)',
            );
          }
          out.push([
            this.register(domain, attr, `${name}_${i}`, v as Scalar, [name, i]),
            v as Scalar,
          ]);
        });
        continue;
      }
      if (domain === 'graph' && name === 'scheme' && typeof value === 'object' && value !== null) {
        checkScheme(fn, attr, value);
        checkJsonValue(fn, attr, value);
        const text = JSON.stringify(value);
        out.push([this.register(domain, attr, name, text), text]);
        continue;
      }
      if (scalarKind(value) === undefined) {
        throw new InvalidArgumentError(
          fn,
          attr,
          value,
          `a number, boolean, string or array of these (GraphML has no ${value === null ? 'null' : 'object'} type; write JSON with graphToJSON)`,
        );
      }
      if (
        domain === 'graph' &&
        name === 'scheme' &&
        typeof value === 'string' &&
        value.trimStart().startsWith('{')
      ) {
        throw new InvalidArgumentError(
          fn,
          attr,
          value,
          'a PhaseScheme or a string not starting with "{" (it would be read as a scheme)',
        );
      }
      out.push([this.register(domain, attr, name, value as Scalar), value as Scalar]);
    }
    return out;
  }

  private register(
    domain: Domain,
    where: string,
    name: string,
    value: Scalar,
    array?: [string, number],
  ): string {
    const fn = this.fn;
    if (typeof value === 'string') xmlString(fn, where, 'GraphML', value, value);
    const id = `${domain}:${array ? '[]' : ''}${name}`;
    let key = this.keys.get(id);
    const kind = scalarKind(value)!;
    if (key === undefined) {
      key = { id: `${domain[0]}${this.keys.size}`, name, domain, kind, values: [], array, where };
      this.keys.set(id, key);
    } else if (key.kind !== kind) {
      throw new InvalidArgumentError(
        fn,
        where,
        value,
        `a ${key.kind} (as ${key.where}: GraphML declares one type per key, ${name})`,
      );
    }
    if (typeof value === 'number') key.values.push(value);
    return id;
  }

  /** An array element key and an attribute named alike would be one name to every reader. */
  checkCollisions(): void {
    const byName = new Map<string, GraphmlKey>();
    for (const key of this.keys.values()) {
      const other = byName.get(`${key.domain}:${key.name}`);
      if (other !== undefined) {
        const [array, scalar] = key.array ? [key, other] : [other, key];
        throw new InvalidArgumentError(
          this.fn,
          scalar.where,
          key.name,
          `a name other than ${JSON.stringify(key.name)}: element ${array.array![1]} of array attribute ${JSON.stringify(array.array![0])} (${array.where}) is written under that name`,
        );
      }
      byName.set(`${key.domain}:${key.name}`, key);
    }
  }

  render(domain: Domain, entries: [string, Scalar][]): string {
    void domain;
    return entries
      .map(([id, value]) => {
        const key = this.keys.get(id)!;
        const text =
          typeof value !== 'number'
            ? String(value)
            : numericType(key.values) === 'long'
              ? formatLong(value)
              : formatNumber(value);
        return `<data key="${key.id}">${escapeXml(text)}</data>`;
      })
      .join('');
  }

  declarations(): string[] {
    return [...this.keys.values()].map((key) => {
      const type: KeyType = key.kind === 'number' ? numericType(key.values) : key.kind;
      const head = `  <key id="${key.id}" for="${key.domain}" attr.name="${escapeXml(key.name, true)}" attr.type="${type}"`;
      return key.array
        ? `${head}><desc>${ARRAY_DESC} ${escapeXml(key.array[0])}[${key.array[1]}]</desc></key>`
        : `${head}/>`;
    });
  }
}

/**
 * Read GraphML with graphology's parser (`graphology-graphml`) into an `UndirectedGraph`.
 * Typed values are checked (a `double` "abc" is an error, not NaN; networkx's `inf` / `nan`
 * are read as +-Infinity / NaN; a `long` beyond 2^53 must be exact in a double; booleans
 * `true` / `false` / `1` / `0`), typed `<default>`s are cast, array elements written by
 * {@link graphToGraphML} (keys marked `mgraph array element`) are folded back into arrays,
 * and the graph attribute `scheme` (JSON text) is revived as a checked `PhaseScheme`.
 *
 * @param text - GraphML XML text
 * @returns the graph
 * @throws InvalidArgumentError when the text cannot be parsed as an undirected GraphML graph
 *   without parallel edges, a typed value does not parse as its type, or its graph
 *   attribute `scheme` is JSON text that is not a phase scheme
 */
export function graphFromGraphML(text: string): MicrostructureGraph {
  const fn = 'graphFromGraphML';
  let keys: Map<string, { domain: string; name: string; type: string; array?: [string, number] }> =
    new Map();
  let checked: unknown = text;
  if (typeof text === 'string') {
    keys = graphmlKeys(text);
    checked = text.replace(
      /<data\b([^>]*?)(\/>|>([\s\S]*?)<\/data>)/g,
      (whole, attrs: string, _end: string, body?: string) => {
        const key = keys.get(tagAttributes(attrs).get('key') ?? '');
        if (key === undefined || !(NUMERIC.has(key.type) || key.type === 'boolean')) return whole;
        const raw = decodeEntities((body ?? '').replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, '$1'));
        const fixed = canonical(key.type, raw) ?? badValue(fn, 'GraphML', key.name, key.type, raw);
        return `<data${attrs}>${fixed}</data>`;
      },
    );
  }
  const graph = parseText(fn, checked as string, 'GraphML XML', (t) => {
    const g = parseGraphml(UndirectedGraph, t);
    const written = (t.match(/<edge\b/g) ?? []).length;
    if (g.multi || written !== g.size)
      throw new Error('parallel edges (an undirected simple graph has none)');
    if (g.type !== 'undirected') throw new Error('directed edges (the graph read is undirected)');
    return g;
  });
  const typeOf = new Map<string, { type: string; array?: [string, number] }>();
  for (const key of keys.values()) typeOf.set(`${key.domain}:${key.name}`, key);
  const fix = (domain: string) => (_key: string, attributes: Attributes) =>
    foldArrays(castDefaults(fn, domain, attributes, typeOf), domain, typeOf);
  graph.updateEachNodeAttributes(fix('node'));
  graph.updateEachEdgeAttributes(fix('edge'));
  graph.replaceAttributes(fix('graph')('', graph.getAttributes()));
  reviveScheme(fn, graph);
  return graph as unknown as MicrostructureGraph;
}

/** The `<key>` declarations of a GraphML text, by id. */
function graphmlKeys(
  text: string,
): Map<string, { domain: string; name: string; type: string; array?: [string, number] }> {
  const keys = new Map<
    string,
    { domain: string; name: string; type: string; array?: [string, number] }
  >();
  for (const m of text.matchAll(/<key\b([^>]*?)(\/>|>([\s\S]*?)<\/key>)/g)) {
    const a = tagAttributes(m[1]!);
    const id = a.get('id');
    if (id === undefined) continue;
    const desc = /<desc>([\s\S]*?)<\/desc>/.exec(m[3] ?? '');
    const marked = desc
      ? new RegExp(`^${ARRAY_DESC} ([\\s\\S]+)\\[(\\d+)\\]$`).exec(decodeEntities(desc[1]!))
      : null;
    keys.set(id, {
      domain: a.get('for') ?? 'node',
      name: a.get('attr.name') ?? id,
      type: a.get('attr.type') ?? 'string',
      array: marked ? [marked[1]!, Number(marked[2])] : undefined,
    });
  }
  return keys;
}

/** graphology-graphml leaves `<default>` values as text: cast those of typed keys. */
function castDefaults(
  fn: string,
  domain: string,
  attributes: Attributes,
  typeOf: Map<string, { type: string }>,
): Attributes {
  let out = attributes;
  for (const [name, value] of Object.entries(attributes)) {
    const type = typeOf.get(`${domain}:${name}`)?.type;
    if (typeof value !== 'string' || type === undefined || type === 'string') continue;
    if (!(NUMERIC.has(type) || type === 'boolean')) continue;
    const fixed = canonical(type, value) ?? badValue(fn, 'GraphML', name, type, value);
    if (out === attributes) out = { ...attributes };
    out[name] = type === 'boolean' ? fixed === 'true' : Number(fixed);
  }
  return out;
}

/** Fold the keys marked as elements of array `name` back into `name: [...]`. */
function foldArrays(
  attributes: Attributes,
  domain: string,
  typeOf: Map<string, { array?: [string, number] }>,
): Attributes {
  const groups = new Map<string, Map<number, unknown>>();
  for (const [key, value] of Object.entries(attributes)) {
    const array = typeOf.get(`${domain}:${key}`)?.array;
    if (array === undefined) continue;
    const group = groups.get(array[0]) ?? new Map<number, unknown>();
    group.set(array[1], value);
    groups.set(array[0], group);
  }
  if (groups.size === 0) return attributes;
  const out: Attributes = { ...attributes };
  for (const [name, group] of groups) {
    const values = Array.from({ length: group.size }, (_, i) => group.get(i));
    if (name in attributes || !values.every((_, i) => group.has(i))) continue;
    values.forEach((_, i) => {
      delete out[`${name}_${i}`];
    });
    out[name] = values;
  }
  return out;
}
