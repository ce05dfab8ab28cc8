import type { TypedArray } from '@mgraph/core';
import { gzipSync } from 'fflate';
import { LITTLE_ENDIAN_HOST, swapBytes } from './byte-order.js';
import { BYTES_OF } from './dtype.js';
import type { ZarrLayout } from './zarr-layout.js';

/** A strided view: element `i` of axis `d` is `data[offset + sum(i_d * stride[d])]`. */
export interface StridedView {
  data: ArrayLike<number> & { [i: number]: number };
  shape: readonly number[];
  stride: readonly number[];
  offset: number;
}

/**
 * Copy the box `extent` starting at `srcStart` of `src` to the box starting at `dstStart`
 * of `dst` (both any strides, same number of axes).
 */
export function copyBox(
  src: StridedView,
  srcStart: readonly number[],
  dst: StridedView,
  dstStart: readonly number[],
  extent: readonly number[],
): void {
  const nd = extent.length;
  if (extent.some((e) => e <= 0)) return;
  const idx = new Array<number>(nd).fill(0);
  const last = nd - 1;
  const n = extent[last]!;
  const ss = src.stride[last]!;
  const ds = dst.stride[last]!;
  const s = src.data;
  const t = dst.data;
  // contiguous rows of typed arrays: one set() per row
  const whole =
    ss === 1 &&
    ds === 1 &&
    typeof (s as TypedArray).subarray === 'function' &&
    typeof (t as TypedArray).set === 'function';
  for (;;) {
    let si = src.offset;
    let di = dst.offset;
    for (let d = 0; d < nd; d++) {
      si += (srcStart[d]! + (d === last ? 0 : idx[d]!)) * src.stride[d]!;
      di += (dstStart[d]! + (d === last ? 0 : idx[d]!)) * dst.stride[d]!;
    }
    if (whole) (t as TypedArray).set((s as TypedArray).subarray(si, si + n), di);
    else for (let k = 0; k < n; k++) t[di + k * ds] = s[si + k * ss]!;
    let d = last - 1;
    while (d >= 0 && ++idx[d]! === extent[d]) idx[d--] = 0;
    if (d < 0) return;
  }
}

/** Row-major strides of a shape. */
export function cStrides(shape: readonly number[]): number[] {
  const stride = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    stride[d] = s;
    s *= shape[d]!;
  }
  return stride;
}

/**
 * The stored bytes of a full chunk (fresh bytes): little-endian elements, gzip-compressed when
 * asked. The gzip header's modification time is 0 (as numcodecs' GZip writes it), so the same
 * chunk always gives the same bytes: rewriting a chunk (a retried block task) is idempotent.
 */
export function encodeChunk(layout: ZarrLayout, chunk: TypedArray): Uint8Array {
  const view = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const width = BYTES_OF[layout.dtype];
  if (LITTLE_ENDIAN_HOST || width === 1) {
    if (layout.compression === 'gzip')
      return gzipSync(view, { level: layout.level as 1, mtime: 0 });
    // a copy: the caller refills its chunk buffer, and a store may keep the bytes (a Map)
    return view.slice();
  }
  const swapped = view.slice();
  swapBytes(swapped, width);
  return layout.compression === 'gzip'
    ? gzipSync(swapped, { level: layout.level as 1, mtime: 0 })
    : swapped;
}
