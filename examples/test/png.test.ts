import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng, pngDataUri } from '../paper-workflow/png.js';

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe('encodePng', () => {
  it('writes signature, IHDR with size and RGB type, and IDAT rows that inflate back', () => {
    const rgb = Uint8Array.from({ length: 3 * 2 * 3 }, (_, i) => i * 10);
    const png = encodePng(rgb, 3, 2);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
    expect(view.getUint32(16)).toBe(3);
    expect(view.getUint32(20)).toBe(2);
    expect(png[24]).toBe(8);
    expect(png[25]).toBe(2);
    expect(view.getUint32(29)).toBe(crc32(png.subarray(12, 29)));
    const idatLength = view.getUint32(33);
    expect(new TextDecoder().decode(png.subarray(37, 41))).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect([...raw]).toEqual([0, ...rgb.subarray(0, 9), 0, ...rgb.subarray(9)]);
    expect(new TextDecoder().decode(png.subarray(png.length - 8, png.length - 4))).toBe('IEND');
  });
  it('rejects a buffer of the wrong size', () => {
    expect(() => encodePng(new Uint8Array(5), 2, 2)).toThrow(/expected 2x2x3/);
  });
  it('makes a base64 data URI', () => {
    expect(pngDataUri(new Uint8Array(3), 1, 1)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });
});

describe('decodePng (test helper) reads what encodePng writes', () => {
  it('round-trips RGB pixels', async () => {
    const { decodePng } = await import('./png-decode.js');
    const rgb = Uint8Array.from({ length: 4 * 3 * 3 }, (_, i) => (i * 37) % 256);
    const { width, height, rgba } = decodePng(encodePng(rgb, 4, 3));
    expect([width, height]).toEqual([4, 3]);
    expect([...rgba.subarray(0, 8)]).toEqual([0, 37, 74, 255, 111, 148, 185, 255]);
  });
});
