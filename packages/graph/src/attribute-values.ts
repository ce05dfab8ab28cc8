import type { Attributes } from 'graphology-types';
import type { AnyGraph } from './graph-access.js';

/** Whether `v` is a plain object (`{}` or null prototype), not a class instance. */
export function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A number as text that `+text` (and Python's `float` / `int`) reads back exactly. */
export function formatNumber(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** A `long` value as its exact decimal digits (String(2 ** 60) is 1152921504606847000). */
export function formatLong(v: number): string {
  return BigInt(v).toString();
}

/** Integers written as `long` (exact in JavaScript and in a signed 64-bit integer). */
function isLong(v: number): boolean {
  return Number.isInteger(v) && !Object.is(v, -0) && Math.abs(v) < 2 ** 63;
}

/** An attribute value GEXF and GraphML write as one typed value, and its kind. */
export type Scalar = number | boolean | string;
export type ScalarKind = 'number' | 'boolean' | 'string';

export function scalarKind(v: unknown): ScalarKind | undefined {
  const t = typeof v;
  return t === 'number' || t === 'boolean' || t === 'string' ? (t as ScalarKind) : undefined;
}

/** Attributes of one graph element: name, value, where (for errors). */
export type Domain = 'graph' | 'node' | 'edge';

export function domainEntries(
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

/** Declared type of a numeric key: `long` when every value is a {@link isLong} integer. */
export function numericType(values: number[]): 'long' | 'double' {
  return values.every(isLong) ? 'long' : 'double';
}
