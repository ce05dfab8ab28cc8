import { assertFinite, InvalidArgumentError } from '@mgraph/core';
import type { SparseMarkers } from './peak-markers.js';
import { ValueRanks } from './value-ranks.js';

/** State of a pixel outside the mask (or on the padding, or on a watershed line) in an int32 flood state. */
export const BLOCKED = 2147483647;

/** State of a pixel outside the mask (or on the padding) in a Uint16 value-id array. */
export const SMALL_BLOCKED = 0xffff;

/**
 * The most distinct values for which a classic flood runs on value ranks: ids 0 .. 65,534
 * fit a Uint16 array next to {@link SMALL_BLOCKED}.
 */
export const MAX_RANKS = SMALL_BLOCKED;

/**
 * How the rows of an image lie in its padded copy (one pixel of padding on every side):
 * `n0` planes (1 in 2D) of `n1` rows of `n2` pixels; row (a, b) starts at padded position
 * `first + a * s0 + b * s1`.
 *
 * @param pstrides - row-major strides of the padded shape
 * @internal
 */
export function paddedRows(
  shape: readonly number[],
  pstrides: readonly number[],
): { n0: number; n1: number; n2: number; s0: number; s1: number; first: number } {
  const flat = shape.length === 2;
  const [n0, n1, n2] = (flat ? [1, ...shape] : shape) as [number, number, number];
  const [s0, s1] = (flat ? [0, ...pstrides] : pstrides) as [number, number];
  return { n0, n1, n2, s0, s1, first: flat ? s1 + 1 : s0 + s1 + 1 };
}

/** What a flood starts from, read from the image, the markers and the mask in one pass. */
export interface FloodStart {
  /** Pixels in the mask. */
  inMask: number;
  /** Marker label of each label index; index 0 is label 0. */
  labelOf: number[];
  /** Padded positions of the marker pixels, in row-major order. */
  markerAt: Int32Array;
  /** Label index of each marker pixel. */
  markerIndex: Int32Array;
  /**
   * By value id, when `ranked`: per padded pixel the id of its value in `table`
   * (0 .. table.size - 1, ids in order of first appearance), SMALL_BLOCKED outside the mask.
   */
  ids?: Uint16Array;
  table?: ValueRanks;
  /**
   * By value, otherwise: per padded pixel BLOCKED outside the mask, the label index at
   * markers, 0 elsewhere in the mask; and the pixel values.
   */
  state?: Int32Array;
  value?: Float64Array;
}

/**
 * Reads the image, markers (per pixel, or listed) and mask (flat, row-major, `shape`) into padded per-pixel arrays
 * (`pstrides`: row-major strides of `shape` + 2 on every axis), validating them: finite
 * values, markers only in the mask. With `ranked`, values become ids of a {@link ValueRanks}
 * table, and the scan gives up (returns undefined) at the first value beyond
 * {@link MAX_RANKS} distinct ones; otherwise values are kept as they are.
 *
 * @throws InvalidArgumentError for a non-finite value or a nonzero marker outside the mask
 * @internal
 */
export function readFloodStart(
  image: ArrayLike<number>,
  markers: ArrayLike<number> | SparseMarkers,
  mask: ArrayLike<number> | undefined,
  shape: readonly number[],
  pstrides: readonly number[],
  ranked: boolean,
): FloodStart | undefined {
  const psize = (shape[0]! + 2) * pstrides[0]!;
  const { n0, n1, n2, s0, s1, first } = paddedRows(shape, pstrides);
  const table = ranked ? new ValueRanks(Math.min(MAX_RANKS, psize)) : undefined;
  const ids = ranked ? new Uint16Array(psize).fill(SMALL_BLOCKED) : undefined;
  const state = ranked ? undefined : new Int32Array(psize).fill(BLOCKED);
  const value = ranked ? undefined : new Float64Array(psize);
  const labelOf = [0];
  const indexOf = new Map<number, number>();
  // typed, sized by a first count: a JavaScript array of one entry per marker voxel fails
  // near 2^27 entries
  const sparse = 'positions' in markers ? markers : undefined;
  const dense = sparse === undefined ? (markers as ArrayLike<number>) : undefined;
  let markerCount = sparse?.positions.length ?? 0;
  if (dense !== undefined) for (let i = 0; i < dense.length; i++) if (dense[i] !== 0) markerCount++;
  // sparse markers: the next one's position, and its index in the list
  let nextAt = sparse !== undefined && markerCount > 0 ? sparse.positions[0]! : -1;
  let j = 0;
  const markerAt = new Int32Array(markerCount);
  const markerIndex = new Int32Array(markerCount);
  let nMarkers = 0;
  let k = 0;
  let inMask = 0;
  let lastLabel = 0;
  let lastIndex = 0;
  let check = 0;
  for (let a = 0; a < n0; a++) {
    for (let b = 0; b < n1; b++) {
      let p = first + a * s0 + b * s1;
      for (let c = 0; c < n2; c++, k++, p++) {
        const v = image[k]!;
        // v - v is NaN for NaN and +-Infinity: summed without a branch, checked after the loop
        check += v - v;
        let m = 0;
        if (dense !== undefined) m = dense[k]!;
        else if (k === nextAt) {
          m = sparse!.labels[j++]!;
          nextAt = j < markerCount ? sparse!.positions[j]! : -1;
        }
        if (mask !== undefined && mask[k] === 0) {
          if (m !== 0) {
            throw new InvalidArgumentError(
              'watershed',
              `markers[${k}]`,
              m,
              '0 outside options.mask',
            );
          }
          continue;
        }
        inMask++;
        if (ids !== undefined) {
          const id = table!.insert(v);
          if (id < 0) return undefined;
          ids[p] = id;
        } else {
          state![p] = 0;
          value![p] = v;
        }
        if (m !== 0) {
          if (m !== lastLabel) {
            if (m > 2147483647) {
              throw new InvalidArgumentError(
                'watershed',
                `markers[${k}]`,
                m,
                'a label of at most 2147483647 (the labels are int32)',
              );
            }
            lastLabel = m;
            let index = indexOf.get(m);
            if (index === undefined) {
              index = labelOf.push(m) - 1;
              indexOf.set(m, index);
            }
            lastIndex = index;
          }
          markerAt[nMarkers] = p;
          markerIndex[nMarkers++] = lastIndex;
          if (state !== undefined) state[p] = lastIndex;
        }
      }
    }
  }
  if (check !== 0) assertFinite('watershed', 'image', image);
  return {
    inMask,
    labelOf,
    markerAt,
    markerIndex,
    ids,
    table,
    state,
    value,
  };
}
