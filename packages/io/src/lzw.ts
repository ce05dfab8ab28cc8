/**
 * TIFF LZW (compression 5): MSB-first codes of 9 to 12 bits with "early change", code 256
 * clears the table, 257 ends the data.
 *
 * @remarks
 * References: Adobe, "TIFF Revision 6.0" (1992), section 13; libtiff's tif_lzw.c for the
 * early change and the end-of-data width.
 */

const CLEAR = 256;
const EOI = 257;

/**
 * Decode TIFF LZW data. Writes never pass `expected` bytes, so a hostile stream cannot
 * grow memory; the output is shorter than `expected` when the stream ends early.
 *
 * @param input - compressed bytes (not modified)
 * @param expected - bytes wanted
 * @returns decoded bytes
 * @throws Error on a code that is not in the table (a corrupt stream); callers wrap it
 */
export function decodeLzw(input: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  const prefix = new Int16Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  const first = new Uint8Array(4096);
  for (let i = 0; i < 256; i++) {
    suffix[i] = i;
    first[i] = i;
    length[i] = 1;
    prefix[i] = -1;
  }
  const totalBits = input.length * 8;
  let bit = 0;
  let width = 9;
  let next = 258;
  let prev = -1;
  let o = 0;
  const n = input.length;
  while (o < expected && bit + width <= totalBits) {
    const byte = bit >>> 3;
    const v =
      (input[byte]! << 16) |
      ((byte + 1 < n ? input[byte + 1]! : 0) << 8) |
      (byte + 2 < n ? input[byte + 2]! : 0);
    const code = (v >>> (24 - width - (bit & 7))) & ((1 << width) - 1);
    bit += width;
    if (code === EOI) break;
    if (code === CLEAR) {
      width = 9;
      next = 258;
      prev = -1;
      continue;
    }
    if (prev < 0) {
      if (code > 255) throw new Error(`LZW code ${code} after a clear code`);
      out[o++] = code;
      prev = code;
      continue;
    }
    if (code < next) {
      if (next < 4096) {
        prefix[next] = prev;
        suffix[next] = first[code]!;
        length[next] = length[prev]! + 1;
        first[next] = first[prev]!;
        next++;
      }
    } else if (code === next && next < 4096) {
      prefix[next] = prev;
      suffix[next] = first[prev]!;
      length[next] = length[prev]! + 1;
      first[next] = first[prev]!;
      next++;
    } else {
      throw new Error(`LZW code ${code} not in the table (next ${next})`);
    }
    const len = length[code]!;
    let c = code;
    let at = o + len - 1;
    while (c >= 0) {
      if (at < expected) out[at] = suffix[c]!;
      at--;
      c = prefix[c]!;
    }
    o += len;
    prev = code;
    if (next >= (1 << width) - 1 && width < 12) width++;
  }
  return o >= expected ? out : out.subarray(0, o);
}

/**
 * Encode bytes with TIFF LZW (as libtiff does: clear first, clear when the table fills,
 * end-of-information last).
 *
 * @param input - bytes to encode
 * @returns the encoded bytes
 */
export function encodeLzw(input: Uint8Array): Uint8Array {
  let out = new Uint8Array(Math.max(64, Math.ceil(input.length * 1.6) + 16));
  let o = 0;
  let acc = 0;
  let accBits = 0;
  const put = (code: number, width: number): void => {
    acc = (acc << width) | code;
    accBits += width;
    while (accBits >= 8) {
      if (o >= out.length) {
        const grown = new Uint8Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      accBits -= 8;
      out[o++] = (acc >>> accBits) & 0xff;
    }
    acc &= (1 << accBits) - 1;
  };
  // table: key (prefix code << 8 | byte) -> code
  let table = new Map<number, number>();
  let width = 9;
  let next = 258;
  put(CLEAR, width);
  if (input.length === 0) {
    put(EOI, width);
  } else {
    let current = input[0]!;
    for (let i = 1; i < input.length; i++) {
      const byte = input[i]!;
      const key = (current << 8) | byte;
      const found = table.get(key);
      if (found !== undefined) {
        current = found;
        continue;
      }
      put(current, width);
      table.set(key, next++);
      current = byte;
      if (next === 4094) {
        put(CLEAR, width);
        table = new Map();
        next = 258;
        width = 9;
      } else if (next >= 1 << width) {
        width++;
      }
    }
    put(current, width);
    next++;
    if (next === 4094) {
      put(CLEAR, width);
      width = 9;
    } else if (next >= 1 << width) {
      width++;
    }
    put(EOI, width);
  }
  if (accBits > 0) put(0, 8 - accBits);
  return out.slice(0, o);
}
