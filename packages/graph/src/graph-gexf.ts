import { checkScheme, InvalidArgumentError } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import {
  domainEntries,
  formatLong,
  formatNumber,
  isPlainObject,
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
import { checkKeys, escapeXml, tagAttributes, xmlString } from './xml-text.js';

/*
 * The writer gives every value back exactly through its reader, or throws an
 * InvalidArgumentError naming the attribute (never a silent change). An attribute whose value
 * is `undefined` counts as absent.
 */

/** Graph attributes of {@link MicrostructureGraphAttributes}, by lower-cased name. */
const GRAPH_KEYS = new Map(
  ['scheme', 'shape', 'window', 'strength', 'weightScale'].map((k) => [k.toLowerCase(), k]),
);

type GexfType =
  | 'long'
  | 'double'
  | 'boolean'
  | 'string'
  | 'listlong'
  | 'listdouble'
  | 'listboolean'
  | 'liststring';

/**
 * Write a graph as GEXF 1.3 (readable by graphology-gexf, Gephi and networkx `read_gexf`).
 * Every node and edge attribute is a typed GEXF attribute: numbers `long` (integers below
 * 2^63) or `double` (NaN, +-Infinity and -0 written so they read back), `boolean`, `string`,
 * and arrays as GEXF list types (`listdouble`, `liststring`, ...; an empty array too). A
 * node's `label` attribute is also its GEXF label, an edge's numeric `weight` its GEXF
 * weight. Graph attributes go to `<meta>`: numbers, booleans and strings as text, arrays
 * and objects (the `scheme`) as JSON text.
 *
 * @param graph - any graphology graph
 * @returns GEXF XML text
 * @throws InvalidArgumentError when `graph` is not a graphology graph, or naming the
 *   attribute GEXF cannot give back: a node / edge attribute that is an object, `null`, an
 *   array mixing kinds or holding arrays / objects, or whose kind differs between nodes
 *   (GEXF declares one type per attribute); a graph attribute whose name is not a
 *   lower-case XML name (`<meta>` tags are read lower-cased), or whose text would read back
 *   as something else (a string such as `"12"`, `"true"`, `"[1]"` or `""`, a number in an
 *   array that JSON cannot hold); text with control characters XML cannot hold
 */
export function graphToGEXF(graph: AnyGraph): string {
  const fn = 'graphToGEXF';
  assertGraph(fn, graph);
  checkKeys(fn, graph, 'GEXF');
  const types: Record<'node' | 'edge', Map<string, GexfKind>> = {
    node: new Map(),
    edge: new Map(),
  };
  const numbers: Record<'node' | 'edge', Map<string, number[]>> = {
    node: new Map(),
    edge: new Map(),
  };
  const where = new Map<string, string>();
  const meta: string[] = [];
  for (const { domain, where: at, attributes } of domainEntries(graph)) {
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined) continue;
      const attr = `${at} attribute ${name}`;
      if (domain === 'graph') {
        meta.push(gexfMeta(fn, attr, name, value));
        continue;
      }
      const kind = gexfKind(fn, attr, value);
      if (typeof value === 'string') xmlString(fn, attr, 'GEXF', value, value);
      if (Array.isArray(value)) {
        for (const v of value) if (typeof v === 'string') xmlString(fn, attr, 'GEXF', v, value);
      }
      const before = types[domain].get(name);
      const merged = mergeGexf(before, kind);
      if (merged === undefined) {
        throw new InvalidArgumentError(
          fn,
          attr,
          value,
          `a value of the kind the attribute has elsewhere (${where.get(`${domain}:${name}`)} is ${before}; GEXF declares one type per attribute)`,
        );
      }
      if (before === undefined) where.set(`${domain}:${name}`, attr);
      types[domain].set(name, merged);
      const list = numbers[domain].get(name) ?? [];
      if (typeof value === 'number') list.push(value);
      else if (Array.isArray(value)) for (const v of value) if (typeof v === 'number') list.push(v);
      numbers[domain].set(name, list);
    }
  }
  const declared: Record<'node' | 'edge', Map<string, { id: string; type: GexfType }>> = {
    node: new Map(),
    edge: new Map(),
  };
  const declarations: string[] = [];
  for (const domain of ['node', 'edge'] as const) {
    if (types[domain].size === 0) continue;
    declarations.push(`    <attributes class="${domain}">`);
    for (const [name, kind] of types[domain]) {
      const values = numbers[domain].get(name)!;
      const type = (
        kind === 'number'
          ? numericType(values)
          : kind === 'listnumber'
            ? `list${numericType(values)}`
            : kind === 'list'
              ? 'liststring'
              : kind
      ) as GexfType;
      const id = String(declared.node.size + declared.edge.size);
      declared[domain].set(name, { id, type });
      declarations.push(
        `      <attribute id="${id}" title="${escapeXml(name, true)}" type="${type}"/>`,
      );
    }
    declarations.push('    </attributes>');
  }
  const attvalues = (domain: 'node' | 'edge', attributes: Attributes): string => {
    const parts: string[] = [];
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined) continue;
      const { id, type } = declared[domain].get(name)!;
      parts.push(
        `<attvalue for="${id}" value="${escapeXml(gexfValue(type, value as GexfValue), true)}"/>`,
      );
    }
    return parts.length === 0 ? '' : `<attvalues>${parts.join('')}</attvalues>`;
  };
  const nodes: string[] = [];
  graph.forEachNode((key, attributes) => {
    const label =
      attributes.label === undefined ? '' : ` label="${escapeXml(String(attributes.label), true)}"`;
    nodes.push(
      `      <node id="${escapeXml(key, true)}"${label}>${attvalues('node', attributes)}</node>`,
    );
  });
  const edges: string[] = [];
  graph.forEachEdge((key, attributes, source, target, _sa, _ta, undirected) => {
    const type = graph.type === 'mixed' ? ` type="${undirected ? 'undirected' : 'directed'}"` : '';
    const w = attributes.weight;
    const weight =
      typeof w === 'number' && Number.isFinite(w) ? ` weight="${formatNumber(w)}"` : '';
    edges.push(
      `      <edge id="${escapeXml(key, true)}" source="${escapeXml(source, true)}" target="${escapeXml(target, true)}"${type}${weight}>${attvalues('edge', attributes)}</edge>`,
    );
  });
  const edgeDefault = graph.type === 'directed' ? 'directed' : 'undirected';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">',
    meta.length === 0 ? '  <meta/>' : `  <meta>${meta.join('')}</meta>`,
    `  <graph defaultedgetype="${edgeDefault}">`,
    ...declarations,
    nodes.length === 0 ? '    <nodes/>' : '    <nodes>',
    ...(nodes.length === 0 ? [] : [...nodes, '    </nodes>']),
    edges.length === 0 ? '    <edges/>' : '    <edges>',
    ...(edges.length === 0 ? [] : [...edges, '    </edges>']),
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}

type GexfKind = ScalarKind | 'listnumber' | 'listboolean' | 'liststring' | 'list';
type GexfValue = Scalar | Scalar[];

/** Kind of a node / edge attribute value GEXF can hold, else a typed error. */
function gexfKind(fn: string, where: string, value: unknown): GexfKind {
  const scalar = scalarKind(value);
  if (scalar !== undefined) return scalar;
  if (Array.isArray(value)) {
    const kinds = new Set(value.map(scalarKind));
    if (kinds.has(undefined)) {
      throw new InvalidArgumentError(
        fn,
        where,
        value,
        'an array of numbers, booleans or strings (GEXF lists hold scalars only)',
      );
    }
    if (kinds.size > 1) {
      throw new InvalidArgumentError(
        fn,
        where,
        value,
        'an array of one kind: numbers, booleans or strings (GEXF lists have one type)',
      );
    }
    const [kind] = kinds;
    return kind === undefined ? 'list' : (`list${kind}` as GexfKind);
  }
  throw new InvalidArgumentError(
    fn,
    where,
    value,
    `a number, boolean, string or array of one of these (GEXF has no ${value === null ? 'null' : 'object'} type; write JSON with graphToJSON)`,
  );
}

/** Merge a value's kind into the attribute's kind so far; undefined when they conflict. */
function mergeGexf(before: GexfKind | undefined, kind: GexfKind): GexfKind | undefined {
  if (before === undefined || before === kind) return kind;
  if (before === 'list' && kind.startsWith('list')) return kind;
  if (kind === 'list' && before.startsWith('list')) return before;
  return undefined;
}

function gexfValue(type: GexfType, value: GexfValue): string {
  if (type === 'string') return value as string;
  const number = type === 'long' || type === 'listlong' ? formatLong : formatNumber;
  if (!type.startsWith('list')) return typeof value === 'number' ? number(value) : String(value);
  const items = value as Scalar[];
  const item = (v: Scalar) =>
    typeof v === 'number' ? number(v) : typeof v === 'string' ? JSON.stringify(v) : String(v);
  return `[${items.map(item).join(', ')}]`;
}

/** A graph attribute as a `<meta>` child, or a typed error when it would not read back. */
function gexfMeta(fn: string, where: string, name: string, value: unknown): string {
  const tag = name.toLowerCase();
  if (
    !/^[a-z_][a-z0-9_.-]*$/.test(tag) ||
    tag.startsWith('xml') ||
    (GRAPH_KEYS.get(tag) ?? tag) !== name
  ) {
    throw new InvalidArgumentError(
      fn,
      where,
      value,
      `under a name GEXF <meta> gives back: a lower-case XML name (or one of ${[...GRAPH_KEYS.values()].join(', ')}); ${JSON.stringify(name)} would be read as ${JSON.stringify(GRAPH_KEYS.get(tag) ?? tag)} or is not an XML name`,
    );
  }
  let text: string;
  if (typeof value === 'number') text = formatNumber(value);
  else if (typeof value === 'string' || typeof value === 'boolean') text = String(value);
  else if (
    typeof value === 'object' &&
    value !== null &&
    (Array.isArray(value) || isPlainObject(value))
  ) {
    if (name === 'scheme' && !Array.isArray(value)) checkScheme(fn, where, value);
    checkJsonValue(fn, where, value);
    text = JSON.stringify(value);
    if (hasNegativeZero(value)) text = ''; // JSON text drops the sign: refused below
    if (name === 'scheme' && !Array.isArray(value) && text !== '') {
      xmlString(fn, where, 'GEXF', text, value);
      return `<${tag}>${escapeXml(text)}</${tag}>`; // revived by reviveScheme
    }
  } else {
    text = '';
  }
  xmlString(fn, where, 'GEXF', text, value);
  const back = text.trim() === '' ? undefined : reviveMeta(name, text);
  if (!sameValue(back, value)) {
    throw new InvalidArgumentError(
      fn,
      where,
      value,
      `a value GEXF <meta> gives back (it is untyped text: this one would be read as ${back === undefined ? 'nothing' : (JSON.stringify(back) ?? String(back))})`,
    );
  }
  return `<${tag}>${escapeXml(text)}</${tag}>`;
}

function hasNegativeZero(v: unknown): boolean {
  if (Object.is(v, -0)) return true;
  if (typeof v === 'object' && v !== null) return Object.values(v).some(hasNegativeZero);
  return false;
}

/** Read a `<meta>` text back: a number, a boolean, JSON (arrays, objects), else the string. */
function reviveMeta(name: string, value: string): unknown {
  if (/^-?(\d+(\.\d*)?(e[-+]?\d+)?|\.\d+(e[-+]?\d+)?|Infinity)$|^NaN$/i.test(value)) {
    return Number(value);
  }
  if (value === 'true' || value === 'false') return value === 'true';
  if (value.startsWith('[') || (value.startsWith('{') && name !== 'scheme')) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/** Deep equality with Object.is on numbers (NaN equals NaN, -0 differs from 0). */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Attributes)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Attributes)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.hasOwn(b, k) && sameValue((a as Attributes)[k], (b as Attributes)[k]),
  );
}

/**
 * Read GEXF (e.g. from {@link graphToGEXF} or Gephi) with graphology's parser into an
 * `UndirectedGraph`. Typed attribute values are checked (a `double` "abc" is an error, not
 * NaN; `inf` / `nan` as networkx writes them are read as +-Infinity / NaN), graph attributes
 * from `<meta>` get their names and types back (numbers, booleans, JSON arrays and objects),
 * and `scheme` is revived as a checked `PhaseScheme`.
 *
 * @param text - GEXF XML text
 * @returns the graph
 * @throws InvalidArgumentError when the text cannot be parsed as an undirected GEXF graph
 *   without parallel edges, a typed value does not parse as its type, or its graph attribute
 *   `scheme` is JSON text that is not a phase scheme
 */
export function graphFromGEXF(text: string): MicrostructureGraph {
  const fn = 'graphFromGEXF';
  const checked = typeof text === 'string' ? checkGexfValues(fn, text) : text;
  const graph = parseText(fn, checked, 'GEXF XML', (t) =>
    parseGexf(UndirectedGraph, t, { respectInputGraphType: true }),
  );
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(graph.getAttributes())) {
    const name = GRAPH_KEYS.get(key.toLowerCase()) ?? key;
    attributes[name] = typeof value === 'string' ? reviveMeta(name, value) : value;
  }
  graph.replaceAttributes(attributes);
  reviveScheme(fn, graph);
  return graph as unknown as MicrostructureGraph;
}

/**
 * Check every typed `<attvalue>` of a GEXF text against its declared type and rewrite
 * networkx's `inf` / `nan` so that graphology's `+text` reads them.
 */
function checkGexfValues(fn: string, text: string): string {
  const types = new Map<string, { name: string; type: string }>();
  for (const block of text.matchAll(/<attributes\b([^>]*)>([\s\S]*?)<\/attributes>/g)) {
    const cls = tagAttributes(block[1]!).get('class') ?? 'node';
    for (const tag of block[2]!.matchAll(/<attribute\b([^>]*?)\/?>/g)) {
      const a = tagAttributes(tag[1]!);
      const id = a.get('id') ?? a.get('for');
      if (id !== undefined) {
        types.set(`${cls}:${id}`, { name: a.get('title') ?? id, type: a.get('type') ?? 'string' });
      }
    }
  }
  const edgesAt = text.search(/<edges\b/);
  return text.replace(/<attvalue\b([^>]*?)\/?>/g, (tag, body: string, at: number) => {
    const a = tagAttributes(body);
    const id = a.get('for') ?? a.get('id');
    const cls = edgesAt >= 0 && at > edgesAt ? 'edge' : 'node';
    const spec = id === undefined ? undefined : types.get(`${cls}:${id}`);
    const raw = a.get('value');
    if (spec === undefined || raw === undefined) return tag;
    const base = spec.type.startsWith('list') ? spec.type.slice(4) : spec.type;
    if (!NUMERIC.has(base) && base !== 'boolean') return tag;
    let fixed: string;
    if (spec.type.startsWith('list')) {
      const inner = raw.trim().replace(/^\[|\]$/g, '');
      const pieces = inner.trim() === '' ? [] : inner.split(/\s*[,|]\s*/);
      fixed = `[${pieces
        .map(
          (p) =>
            canonical(base, p.replace(/^["']|["']$/g, '')) ??
            badValue(fn, 'GEXF', spec.name, spec.type, raw),
        )
        .join(', ')}]`;
    } else {
      fixed = canonical(base, raw) ?? badValue(fn, 'GEXF', spec.name, spec.type, raw);
    }
    return tag.replace(/\bvalue\s*=\s*("[^"]*"|'[^']*')/, `value="${escapeXml(fixed, true)}"`);
  });
}
