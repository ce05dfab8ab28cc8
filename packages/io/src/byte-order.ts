/** Byte order of this machine and in-place byte swapping. */

/** True on little-endian hosts (every platform Node.js and browsers run on today). */
export const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Reverse the bytes of each `width`-byte element in place.
 *
 * @param bytes - buffer to modify (a multiple of `width` bytes)
 * @param width - 2, 4 or 8 (1 does nothing)
 */
export function swapBytes(bytes: Uint8Array, width: number): void {
  if (width === 2) {
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      const t = bytes[i]!;
      bytes[i] = bytes[i + 1]!;
      bytes[i + 1] = t;
    }
  } else if (width === 4) {
    for (let i = 0; i + 3 < bytes.length; i += 4) {
      let t = bytes[i]!;
      bytes[i] = bytes[i + 3]!;
      bytes[i + 3] = t;
      t = bytes[i + 1]!;
      bytes[i + 1] = bytes[i + 2]!;
      bytes[i + 2] = t;
    }
  } else if (width === 8) {
    for (let i = 0; i + 7 < bytes.length; i += 8) {
      for (let a = i, b = i + 7; a < b; a++, b--) {
        const t = bytes[a]!;
        bytes[a] = bytes[b]!;
        bytes[b] = t;
      }
    }
  }
}
