import { checkScheme, InvalidArgumentError } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Attributes, SerializedGraph } from 'graphology-types';
import { type AnyGraph, assertGraph } from './graph-access.js';
import type { MicrostructureGraph } from './types.js';

/*
 * Every writer here either writes a value so that its reader gives it back exactly, or throws
 * an InvalidArgumentError naming the attribute (never a silent change). An attribute whose
 * value is `undefined` counts as absent, in every format.
 */

// ---------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------

/** Marker of -0 inside the JSON text before it is rewritten to `-0` (JSON.stringify drops the sign). */
const NEGATIVE_ZERO = '\u0000mgraph:-0';

/**
 * Serialise a graph as graphology's JSON format (`graph.export()`, stringified), losslessly:
 * strings, booleans, `null`, finite numbers (-0 and 2^60 included), and arrays and plain
 * objects of these (the graph's `scheme` is a JSON object).
 *
 * @param graph - any graphology graph
 * @returns JSON text
 * @throws InvalidArgumentError when `graph` is not a graphology graph, or an attribute holds
 *   a value JSON cannot (NaN, +-Infinity, a BigInt, a function, a typed array, a Map, a class
 *   instance, `undefined` inside an array), naming the attribute
 */
export function graphToJSON(graph: AnyGraph): string {
  const fn = 'graphToJSON';
  assertGraph(fn, graph);
  forEachAttribute(graph, (where, value) => checkJsonValue(fn, where, value));
  const text = JSON.stringify(graph.export(), (_key, value) =>
    Object.is(value, -0) ? NEGATIVE_ZERO : value,
  );
  return text.replaceAll(JSON.stringify(NEGATIVE_ZERO), '-0');
}

function checkJsonValue(fn: string, where: string, value: unknown): void {
  const bad = (why: string): never => {
    throw new InvalidArgumentError(
      fn,
      where,
      value,
      `a value JSON holds (string, boolean, null, finite number, arrays and plain objects of these; ${why})`,
    );
  };
  const walk = (v: unknown, inArray: boolean): void => {
    if (v === null || typeof v === 'boolean') return;
    if (typeof v === 'string') {
      if (v === NEGATIVE_ZERO) bad('this string is reserved');
      return;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) bad(`${v} has no JSON form`);
      return;
    }
    if (v === undefined) {
      if (inArray) bad('undefined inside an array would become null');
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], true);
      return;
    }
    if (typeof v === 'object' && isPlainObject(v)) {
      for (const w of Object.values(v)) walk(w, false);
      return;
    }
    bad(`${describeKind(v)} has no JSON form`);
  };
  walk(value, false);
}

/**
 * Read graphology JSON (from {@link graphToJSON} or `JSON.stringify(graph.export())`) into an
 * `UndirectedGraph`. A graph attribute `scheme` is revived as a checked `PhaseScheme`, so
 * the analyses read the graph as they read the one written.
 *
 * @param text - JSON text of a serialised undirected graph
 * @returns the graph
 * @throws InvalidArgumentError when `text` is not valid JSON of a serialised undirected,
 *   non-multi graph, or its graph attribute `scheme` is not a phase scheme
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

// ---------------------------------------------------------------------------------------
// shared by GEXF and GraphML
// ---------------------------------------------------------------------------------------

/** Call `visit(where, value)` for every graph, node and edge attribute (undefined skipped). */
function forEachAttribute(graph: AnyGraph, visit: (where: string, value: unknown) => void): void {
  for (const [name, value] of Object.entries(graph.getAttributes())) {
    if (value !== undefined) visit(`graph attribute ${name}`, value);
  }
  graph.forEachNode((key, attributes) => {
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== undefined) visit(`graph node ${JSON.stringify(key)} attribute ${name}`, value);
    }
  });
  graph.forEachEdge((key, attributes) => {
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== undefined) visit(`graph edge ${JSON.stringify(key)} attribute ${name}`, value);
    }
  });
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function describeKind(v: unknown): string {
  if (typeof v === 'bigint') return 'a BigInt';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  if (typeof v === 'object' && v !== null)
    return `a ${v.constructor?.name ?? 'null-prototype'} object`;
  return typeof v;
}

/** Characters XML 1.0 cannot hold at all (C0 controls but tab / LF / CR, lone surrogates, U+FFFE/F). */
const XML_ILLEGAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Check a string can be written in XML at all. */
function xmlString(fn: string, where: string, format: string, value: string, whole: unknown): void {
  if (XML_ILLEGAL.test(value)) {
    throw new InvalidArgumentError(
      fn,
      where,
      whole,
      `text ${format} (XML 1.0) can hold: no control character but tab, LF and CR, no lone surrogate`,
    );
  }
}

/** Escape text for XML content or an attribute value, keeping CR (and in attributes tab / LF). */
function escapeXml(text: string, attribute = false): string {
  let out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  out = out.replace(/\r/g, '&#13;');
  if (attribute) {
    out = out
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/\n/g, '&#10;')
      .replace(/\t/g, '&#9;');
  }
  return out;
}

/** A number as text that `+text` (and Python's `float` / `int`) reads back exactly. */
function formatNumber(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** A `long` value as its exact decimal digits (String(2 ** 60) is 1152921504606847000). */
function formatLong(v: number): string {
  return BigInt(v).toString();
}

/** Integers written as `long` (exact in JavaScript and in a signed 64-bit integer). */
function isLong(v: number): boolean {
  return Number.isInteger(v) && !Object.is(v, -0) && Math.abs(v) < 2 ** 63;
}

type Scalar = number | boolean | string;
type ScalarKind = 'number' | 'boolean' | 'string';

function scalarKind(v: unknown): ScalarKind | undefined {
  const t = typeof v;
  return t === 'number' || t === 'boolean' || t === 'string' ? (t as ScalarKind) : undefined;
}

/** Attributes of one graph element: name, value, where (for errors). */
type Domain = 'graph' | 'node' | 'edge';

function domainEntries(
  graph: AnyGraph,
): { domain: Domain; where: string; element: string; attributes: Attributes }[] {
  const out: { domain: Domain; where: string; element: string; attributes: Attributes }[] = [
    { domain: 'graph', where: 'graph', element: '', attributes: graph.getAttributes() },
  ];
  graph.forEachNode((key, attributes) => {
    out.push({
      domain: 'node',
      where: `graph node ${JSON.stringify(key)}`,
      element: key,
      attributes,
    });
  });
  graph.forEachEdge((key, attributes) => {
    out.push({
      domain: 'edge',
      where: `graph edge ${JSON.stringify(key)}`,
      element: key,
      attributes,
    });
  });
  return out;
}

/** Keys (nodes, edges) must be writable in XML. */
function checkKeys(fn: string, graph: AnyGraph, format: string): void {
  graph.forEachNode((key) => xmlString(fn, `graph node ${JSON.stringify(key)}`, format, key, key));
  graph.forEachEdge((key) => xmlString(fn, `graph edge ${JSON.stringify(key)}`, format, key, key));
}

/** Declared type of a numeric key: `long` when every value is a {@link isLong} integer. */
function numericType(values: number[]): 'long' | 'double' {
  return values.every(isLong) ? 'long' : 'double';
}

// ---------------------------------------------------------------------------------------
// GEXF
// ---------------------------------------------------------------------------------------

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

/** Attribute assignments (`name="value"`) of one XML start tag, entities decoded. */
function tagAttributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    return String.fromCodePoint(
      lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number(lower.slice(1)),
    );
  });
}

const NUMERIC = new Set(['byte', 'short', 'integer', 'int', 'long', 'float', 'double']);
const INTEGER = new Set(['byte', 'short', 'integer', 'int', 'long']);
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*(e[-+]?\d+)?|\.\d+(e[-+]?\d+)?|infinity|inf|nan)$/i;

/**
 * Check one typed value's text and return its canonical form (what `+text` reads exactly),
 * or undefined when it is not of its type.
 */
function canonical(type: string, raw: string): string | undefined {
  const text = raw.trim();
  if (type === 'boolean') {
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === '1') return 'true';
    if (lower === 'false' || lower === '0') return 'false';
    return undefined;
  }
  if (!NUMBER_TEXT.test(text)) return undefined;
  const lower = text.toLowerCase().replace(/^\+/, '');
  if (/^-?(inf|infinity)$/.test(lower)) return lower.startsWith('-') ? '-Infinity' : 'Infinity';
  if (/^-?nan$/.test(lower)) return 'NaN';
  if (INTEGER.has(type)) {
    if (!/^-?\d+$/.test(lower)) return undefined;
    // a long beyond 2^53 must be one a double holds exactly
    if (BigInt(Number(lower)) !== BigInt(lower)) return undefined;
  }
  return text;
}

function badValue(fn: string, format: string, name: string, type: string, raw: string): never {
  throw new InvalidArgumentError(
    fn,
    `text (${format} attribute ${JSON.stringify(name)})`,
    raw,
    `a value of its declared type ${type}`,
  );
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

// ---------------------------------------------------------------------------------------
// GraphML
// ---------------------------------------------------------------------------------------

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
