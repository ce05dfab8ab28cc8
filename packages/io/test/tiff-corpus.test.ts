// Every case of the corpus decodes to exactly what tifffile reads: dtype, shape, every
// element (NaN where NaN, -0 where -0), spacing and unit.
import { describe, expect, it } from 'vitest';
import { decodeNpy, decodeTiff } from '../src/index.js';
import { corpusBytes, manifest } from './corpus.js';

const NPY_DTYPE: Record<string, string> = { bool: 'uint8' };

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): number {
  // element-for-element: Object.is tells NaN and -0 apart as tifffile's arrays hold them
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) diff++;
  return diff + Math.abs(a.length - b.length);
}

describe('TIFF corpus (tifffile / libtiff)', () => {
  it('has every dtype x compression x layout x byte order', () => {
    expect(manifest.cases.length).toBeGreaterThanOrEqual(400);
  });
  it.each(manifest.cases.map((c) => [c.file, c] as const))('%s', (_, c) => {
    const expected = decodeNpy(corpusBytes(c.expected));
    const got = decodeTiff(corpusBytes(c.file));
    expect(got.data.dtype).toBe(NPY_DTYPE[c.dtype] ?? c.dtype);
    expect(got.data.shape).toEqual(c.shape);
    expect(sameBits(got.data.data as ArrayLike<number>, expected.data as ArrayLike<number>)).toBe(
      0,
    );
    expect(got.spacing ?? null).toEqual(c.spacing);
    expect(got.unit ?? null).toEqual(c.unit);
    if (c.axes) expect(got.axes).toBe(c.axes);
  });
});
