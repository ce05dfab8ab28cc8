/**
 * TIFF predictors: horizontal differencing (Predictor 2) and the floating-point predictor
 * (Predictor 3), undone on decode and applied on encode, row by row.
 *
 * @remarks
 * References: Adobe, "TIFF Revision 6.0" (1992), section 14; Adobe Photoshop "TIFF
 * Technical Note 3" (2005) for the floating-point predictor (byte planes most significant
 * first, then byte differencing), as libtiff's tif_predict.c implements it.
 */

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

type UintView = Uint8Array | Uint16Array | Uint32Array | BigUint64Array;

function uintView(bytes: Uint8Array, bytesPerSample: number): UintView {
  const { buffer, byteOffset, byteLength } = bytes;
  if (bytesPerSample === 1) return bytes;
  if (bytesPerSample === 2) return new Uint16Array(buffer, byteOffset, byteLength / 2);
  if (bytesPerSample === 4) return new Uint32Array(buffer, byteOffset, byteLength / 4);
  return new BigUint64Array(buffer, byteOffset, byteLength / 8);
}

/**
 * Undo horizontal differencing in place on native-order samples.
 *
 * @param data - `rows` rows of `rowLength` samples (pixels x samples per pixel), native
 *   byte order, aligned to `bytesPerSample`; modified in place
 * @param bytesPerSample - 1, 2, 4 or 8
 * @param samples - samples per pixel (the differencing stride)
 * @param rowLength - samples in one row
 * @param rows - rows in the block
 */
export function undoHorizontal(
  data: Uint8Array,
  bytesPerSample: number,
  samples: number,
  rowLength: number,
  rows: number,
): void {
  const v = uintView(data, bytesPerSample);
  if (v instanceof BigUint64Array) {
    for (let r = 0; r < rows; r++) {
      const base = r * rowLength;
      for (let i = samples; i < rowLength; i++) {
        v[base + i] = BigInt.asUintN(64, v[base + i]! + v[base + i - samples]!);
      }
    }
    return;
  }
  for (let r = 0; r < rows; r++) {
    const base = r * rowLength;
    for (let i = base + samples, end = base + rowLength; i < end; i++) {
      v[i] = v[i]! + v[i - samples]!; // the typed array wraps modulo 2^bits
    }
  }
}

/** Apply horizontal differencing in place (the inverse of {@link undoHorizontal}). */
export function applyHorizontal(
  data: Uint8Array,
  bytesPerSample: number,
  samples: number,
  rowLength: number,
  rows: number,
): void {
  const v = uintView(data, bytesPerSample);
  for (let r = 0; r < rows; r++) {
    const base = r * rowLength;
    if (v instanceof BigUint64Array) {
      for (let i = rowLength - 1; i >= samples; i--) {
        v[base + i] = BigInt.asUintN(64, v[base + i]! - v[base + i - samples]!);
      }
    } else {
      for (let i = base + rowLength - 1; i >= base + samples; i--) v[i] = v[i]! - v[i - samples]!;
    }
  }
}

/**
 * Undo the floating-point predictor: byte differencing, then byte planes (most significant
 * first) back to values. The result is in native byte order whatever the file's order.
 *
 * @param data - the decompressed block, file layout (not modified)
 * @param bytesPerSample - 4 or 8
 * @param samples - samples per pixel
 * @param rowLength - samples in one row
 * @param rows - rows in the block
 * @returns a new buffer of `rows * rowLength * bytesPerSample` bytes, native order
 */
export function undoFloatingPoint(
  data: Uint8Array,
  bytesPerSample: number,
  samples: number,
  rowLength: number,
  rows: number,
): Uint8Array {
  const rowBytes = rowLength * bytesPerSample;
  const out = new Uint8Array(rows * rowBytes);
  const row = new Uint8Array(rowBytes);
  for (let r = 0; r < rows; r++) {
    row.set(data.subarray(r * rowBytes, (r + 1) * rowBytes));
    for (let i = samples; i < rowBytes; i++) row[i] = (row[i]! + row[i - samples]!) & 0xff;
    const base = r * rowBytes;
    for (let b = 0; b < bytesPerSample; b++) {
      const dst = LITTLE_ENDIAN_HOST ? bytesPerSample - 1 - b : b;
      const plane = b * rowLength;
      for (let k = 0; k < rowLength; k++) out[base + k * bytesPerSample + dst] = row[plane + k]!;
    }
  }
  return out;
}

/**
 * Apply the floating-point predictor (inverse of {@link undoFloatingPoint}).
 *
 * @param data - native-order float samples, `rows` rows of `rowLength` (not modified)
 * @returns a new buffer in the file layout of the predictor
 */
export function applyFloatingPoint(
  data: Uint8Array,
  bytesPerSample: number,
  samples: number,
  rowLength: number,
  rows: number,
): Uint8Array {
  const rowBytes = rowLength * bytesPerSample;
  const out = new Uint8Array(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const base = r * rowBytes;
    for (let b = 0; b < bytesPerSample; b++) {
      const src = LITTLE_ENDIAN_HOST ? bytesPerSample - 1 - b : b;
      const plane = base + b * rowLength;
      for (let k = 0; k < rowLength; k++) out[plane + k] = data[base + k * bytesPerSample + src]!;
    }
    for (let i = rowBytes - 1; i >= samples; i--)
      out[base + i] = (out[base + i]! - out[base + i - samples]!) & 0xff;
  }
  return out;
}
