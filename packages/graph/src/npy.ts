import { InvalidArgumentError, type TypedArray } from '@mgraph/core';
import type { HeteroDataArrays } from './hetero-data.js';

/** An array for {@link encodeNpy}: flat row-major data and its shape. */
export interface NpyArray {
  /** Row-major elements (`BigInt64Array` is written as int64). */
  data: TypedArray | BigInt64Array | BigUint64Array;
  /** Shape; its product must equal `data.length`. `[]` for a scalar. */
  shape: readonly number[];
}

const DESCR: Record<string, string> = {
  Int8Array: '|i1',
  Uint8Array: '|u1',
  Uint8ClampedArray: '|u1',
  Int16Array: '<i2',
  Uint16Array: '<u2',
  Int32Array: '<i4',
  Uint32Array: '<u4',
  Float32Array: '<f4',
  Float64Array: '<f8',
  BigInt64Array: '<i8',
  BigUint64Array: '<u8',
};

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Encode an array in NumPy's `.npy` format, version 1.0 (C order, little-endian), readable
 * with `numpy.load`.
 *
 * @param array - {@link NpyArray}: `data` (a typed array) and `shape`
 * @returns the file's bytes
 * @throws InvalidArgumentError when `data` is not a supported typed array or `shape` is not a
 *   list of non-negative integers whose product is `data.length`
 *
 * @remarks
 * References: NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays"
 * (numpy.lib.format).
 */
export function encodeNpy(array: NpyArray): Uint8Array {
  const fn = 'encodeNpy';
  const { data, shape } = array ?? ({} as NpyArray);
  const descr = ArrayBuffer.isView(data) ? DESCR[data.constructor.name] : undefined;
  if (descr === undefined) {
    throw new InvalidArgumentError(fn, 'array.data', data, 'a typed array');
  }
  if (
    !Array.isArray(shape) ||
    !shape.every((s) => Number.isInteger(s) && s >= 0) ||
    shape.reduce((p, s) => p * s, 1) !== data.length
  ) {
    throw new InvalidArgumentError(
      fn,
      'array.shape',
      shape,
      `non-negative integers whose product is data.length (${data.length})`,
    );
  }
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${dims}), }`;
  // magic (6) + version (2) + header length (2) + header + '\n', padded to 64 bytes
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64);
  header += '\n';
  const out = new Uint8Array(10 + header.length + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const body = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (LITTLE_ENDIAN || data.BYTES_PER_ELEMENT === 1) {
    out.set(body, 10 + header.length);
  } else {
    const n = data.BYTES_PER_ELEMENT;
    for (let i = 0; i < body.length; i += n) {
      for (let b = 0; b < n; b++) out[10 + header.length + i + b] = body[i + n - 1 - b]!;
    }
  }
  return out;
}

/**
 * The `.npy` files of {@link toHeteroData}'s arrays, by file name:
 * `<type>.x.npy` (float32 `[n, f]`), `<type>.label.npy` (int64 `[n]`, image label of each
 * row), `<src>__<rel>__<dst>.edge_index.npy` (int64 `[2, E]`),
 * `<src>__<rel>__<dst>.edge_attr.npy` (float32 `[E, k]`), and `meta.json` (node types, edge
 * types, feature and edge attribute names).
 *
 * @param data - arrays from {@link toHeteroData}
 * @returns file name -> bytes
 * @throws InvalidArgumentError when `data` is not {@link toHeteroData}'s arrays
 */
export function encodeHeteroDataNpy(data: HeteroDataArrays): Record<string, Uint8Array> {
  checkHeteroData('encodeHeteroDataNpy', data);
  const files: Record<string, Uint8Array> = {};
  for (const type of data.nodeTypes) {
    const node = data.nodes[type]!;
    files[`${type}.x.npy`] = encodeNpy({
      data: node.x,
      shape: [node.labels.length, node.features],
    });
    files[`${type}.label.npy`] = encodeNpy({
      data: BigInt64Array.from(node.labels, (l) => BigInt(l)),
      shape: [node.labels.length],
    });
  }
  for (const [src, rel, dst] of data.edgeTypes) {
    const name = `${src}__${rel}__${dst}`;
    const edge = data.edges[name]!;
    const count = edge.edgeIndex.length / 2;
    files[`${name}.edge_index.npy`] = encodeNpy({
      data: BigInt64Array.from(edge.edgeIndex, (i) => BigInt(i)),
      shape: [2, count],
    });
    files[`${name}.edge_attr.npy`] = encodeNpy({
      data: edge.edgeAttr,
      shape: [count, data.edgeAttributes.length],
    });
  }
  const meta = {
    nodeTypes: data.nodeTypes,
    edgeTypes: data.edgeTypes,
    features: data.features,
    edgeAttributes: data.edgeAttributes,
  };
  files['meta.json'] = new TextEncoder().encode(`${JSON.stringify(meta, null, 2)}\n`);
  return files;
}

/**
 * Throw unless `data` has the shape of {@link toHeteroData}'s arrays.
 *
 * @internal
 */
export function checkHeteroData(fn: string, data: unknown): void {
  const d = data as Partial<HeteroDataArrays> | null;
  if (
    typeof d !== 'object' ||
    d === null ||
    !Array.isArray(d.nodeTypes) ||
    !Array.isArray(d.edgeTypes) ||
    typeof d.nodes !== 'object' ||
    typeof d.edges !== 'object'
  ) {
    throw new InvalidArgumentError(fn, 'data', data, 'the arrays of toHeteroData');
  }
}
