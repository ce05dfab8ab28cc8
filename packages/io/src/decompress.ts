import { unzlibSync } from 'fflate';
import { decodeLzw } from './lzw.js';
import { decodePackBits } from './packbits.js';

/**
 * Decompress one strip or tile.
 *
 * @param compression - TIFF compression code: 1, 5 (LZW), 8 / 32946 (Deflate), 32773 (PackBits)
 * @param input - the stored bytes (not modified)
 * @param expected - bytes the block must decode to
 * @returns `{ bytes, owned }`: `owned` is false when `bytes` is (a view of) the input; the
 *   result may be shorter than `expected` (a truncated or lying file: the caller checks)
 * @throws Error for a corrupt stream (the caller turns it into a typed error)
 */
export function decompressBlock(
  compression: number,
  input: Uint8Array,
  expected: number,
): { bytes: Uint8Array; owned: boolean } {
  switch (compression) {
    case 1:
      return { bytes: input.subarray(0, expected), owned: false };
    case 5:
      return { bytes: decodeLzw(input, expected), owned: true };
    case 8:
    case 32946:
      // with `out` given, fflate writes at most `expected` bytes
      return { bytes: unzlibSync(input, { out: new Uint8Array(expected) }), owned: true };
    case 32773:
      return { bytes: decodePackBits(input, expected), owned: true };
    default:
      throw new Error(`compression ${compression}`);
  }
}
