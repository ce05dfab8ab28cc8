import { InvalidArgumentError } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { isPlainObject } from './attribute-values.js';
import { type AnyGraph, assertGraph } from './graph-access.js';
import { parseText } from './parse-text.js';
import { reviveScheme } from './revive-scheme.js';
import type { MicrostructureGraph } from './types.js';

/*
 * The writer gives every value back exactly through its reader, or throws an
 * InvalidArgumentError naming the attribute (never a silent change). An attribute whose value
 * is `undefined` counts as absent.
 */

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

/**
 * Check `value` is one JSON holds exactly, else throw naming `where` (GEXF `<meta>` and
 * GraphML's `scheme` are JSON text too).
 */
export function checkJsonValue(fn: string, where: string, value: unknown): void {
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

function describeKind(v: unknown): string {
  if (typeof v === 'bigint') return 'a BigInt';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  if (typeof v === 'object' && v !== null)
    return `a ${v.constructor?.name ?? 'null-prototype'} object`;
  return typeof v;
}
