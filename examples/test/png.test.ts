import { encodePng } from '@mgraph/io';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { pngDataUri } from '../paper-workflow/png-data-uri.js';

describe('pngDataUri', () => {
  it('makes a base64 data URI of the PNG of the RGB bytes', () => {
    const uri = pngDataUri(Uint8Array.from([1, 2, 3, 4, 5, 6]), 2, 1);
    expect(uri).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    const png = Buffer.from(uri.slice('data:image/png;base64,'.length), 'base64');
    expect([...png]).toEqual([
      ...encodePng(ndarray(Uint8Array.from([1, 2, 3, 4, 5, 6]), [1, 2, 3])),
    ]);
  });
  it('refuses RGB bytes that disagree with the size', () => {
    expect(() => pngDataUri(new Uint8Array(5), 2, 2)).toThrow(/encodePng/);
  });
});

describe('decodePng (test helper) reads what encodePng writes', () => {
  it('round-trips RGB pixels', async () => {
    const { decodePng } = await import('./png-decode.js');
    const rgb = Uint8Array.from({ length: 4 * 3 * 3 }, (_, i) => (i * 37) % 256);
    const { width, height, rgba } = decodePng(encodePng(ndarray(rgb, [3, 4, 3])));
    expect([width, height]).toEqual([4, 3]);
    expect([...rgba.subarray(0, 8)]).toEqual([0, 37, 74, 255, 111, 148, 185, 255]);
  });
});
