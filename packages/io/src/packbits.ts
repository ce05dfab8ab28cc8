/**
 * PackBits (TIFF compression 32773): Apple's byte-oriented run-length code.
 *
 * @remarks
 * References: Adobe, "TIFF Revision 6.0" (1992), section 9.
 */

/**
 * Decode PackBits data; stops at `expected` bytes (the rest of a strip is padding).
 *
 * @param input - compressed bytes (not modified)
 * @param expected - bytes wanted
 * @returns the decoded bytes, shorter than `expected` when the input runs out
 */
export function decodePackBits(input: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let i = 0;
  let o = 0;
  while (o < expected && i < input.length) {
    const n = input[i++]!;
    if (n < 128) {
      const count = Math.min(n + 1, expected - o, input.length - i);
      out.set(input.subarray(i, i + count), o);
      i += n + 1;
      o += count;
    } else if (n > 128) {
      if (i >= input.length) break;
      const count = Math.min(257 - n, expected - o);
      out.fill(input[i++]!, o, o + count);
      o += count;
    }
  }
  return o === expected ? out : out.subarray(0, o);
}

/**
 * Encode bytes with PackBits, each row on its own (as TIFF 6.0 asks).
 *
 * @param input - bytes to encode
 * @param rowBytes - length of one row in bytes
 * @returns the encoded bytes
 */
export function encodePackBits(input: Uint8Array, rowBytes: number): Uint8Array {
  const out = new Uint8Array(
    input.length +
      Math.ceil(input.length / 128) +
      2 * Math.ceil(input.length / Math.max(1, rowBytes)),
  );
  let o = 0;
  for (let start = 0; start < input.length; start += rowBytes) {
    const end = Math.min(input.length, start + rowBytes);
    let i = start;
    while (i < end) {
      let run = 1;
      while (i + run < end && run < 128 && input[i + run] === input[i]) run++;
      if (run >= 3) {
        out[o++] = 257 - run;
        out[o++] = input[i]!;
        i += run;
        continue;
      }
      // literal run: until three equal bytes start or 128 bytes
      let j = i;
      while (
        j < end &&
        j - i < 128 &&
        !(j + 2 < end && input[j] === input[j + 1] && input[j] === input[j + 2])
      ) {
        j++;
      }
      if (j === i) j = i + 1;
      out[o++] = j - i - 1;
      out.set(input.subarray(i, j), o);
      o += j - i;
      i = j;
    }
  }
  return out.slice(0, o);
}
