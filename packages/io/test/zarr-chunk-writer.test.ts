// createZarrWriter: an array written one chunk at a time (chunks in any order, each from its
// own small ndarray) is stored byte for byte as writeZarr stores the whole array (v2 and v3,
// gzip and none, edge chunks padded), and reads back through readZarr.
import { InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it, vi } from 'vitest';
import { createZarrWriter, readZarr, writeZarr } from '../src/index.js';

describe('createZarrWriter', () => {
  for (const zarrFormat of [2, 3] as const) {
    for (const compression of ['gzip', 'none'] as const) {
      it(`v${zarrFormat} ${compression}: chunk by chunk = writeZarr of the whole array`, async () => {
        const shape = [7, 10, 13];
        const data = Int32Array.from({ length: 7 * 10 * 13 }, (_, i) => ((i * 7919) % 1001) - 300);
        const whole = ndarray(data, shape);
        const options = { zarrFormat, compression, chunks: [4, 4, 5] };
        const reference = new Map<string, Uint8Array>();
        await writeZarr(reference, whole, options);
        const store = new Map<string, Uint8Array>();
        const writer = await createZarrWriter(store, shape, 'int32', options);
        expect(writer.grid).toEqual([2, 3, 3]);
        const coords: number[][] = [];
        for (let a = 0; a < 2; a++)
          for (let b = 0; b < 3; b++) for (let c = 0; c < 3; c++) coords.push([a, b, c]);
        for (const at of coords.reverse()) {
          const start = at.map((c, d) => c * writer.chunkShape[d]!);
          const ext = start.map((s, d) => Math.min(writer.chunkShape[d]!, shape[d]! - s));
          // a copy of the chunk's box (as a generator would make it), not a view of `whole`
          const box = new Int32Array(ext[0]! * ext[1]! * ext[2]!);
          const view = whole.lo(...start).hi(...ext);
          for (let z = 0, k = 0; z < ext[0]!; z++)
            for (let y = 0; y < ext[1]!; y++)
              for (let x = 0; x < ext[2]!; x++) box[k++] = view.get(z, y, x);
          await writer.writeChunk(at, ndarray(box, ext));
        }
        expect([...store.keys()].sort()).toEqual([...reference.keys()].sort());
        for (const [key, bytes] of reference)
          expect(Buffer.from(store.get(key)!).equals(Buffer.from(bytes))).toBe(true);
        const back = await readZarr(store);
        expect(Array.from(back.data.data as Int32Array)).toEqual(Array.from(data));
      });
    }
  }

  it('gzip chunks do not depend on the clock (header mtime 0): a rewrite gives the same bytes', async () => {
    const whole = ndarray(
      Int32Array.from({ length: 6 * 6 }, (_, i) => i * 31),
      [6, 6],
    );
    const write = async (isoTime: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(isoTime));
      try {
        const store = new Map<string, Uint8Array>();
        await writeZarr(store, whole, { zarrFormat: 2, compression: 'gzip', chunks: [3, 3] });
        return store;
      } finally {
        vi.useRealTimers();
      }
    };
    const early = await write('2026-01-01T00:00:00Z');
    const late = await write('2026-06-01T12:34:56Z');
    const chunkKeys = [...early.keys()].filter((k) => !k.endsWith('.zarray') && !k.includes('.z'));
    expect(chunkKeys.length).toBe(4);
    for (const key of chunkKeys) {
      const bytes = early.get(key)!;
      expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
      expect(Array.from(bytes.subarray(4, 8))).toEqual([0, 0, 0, 0]);
      expect(Buffer.from(late.get(key)!).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('refuses bad stores, shapes, dtypes, coordinates and chunk data', async () => {
    await expect(createZarrWriter({} as never, [4, 4], 'uint8')).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(createZarrWriter(new Map(), [4], 'uint8')).rejects.toThrow(/shape/);
    await expect(createZarrWriter(new Map(), [4, 4], 'int64' as never)).rejects.toThrow(/dtype/);
    await expect(createZarrWriter(new Map(), [4, 4], 'uint8', { chunks: [0, 2] })).rejects.toThrow(
      /chunks/,
    );
    const writer = await createZarrWriter(new Map(), [4, 5], 'uint8', { chunks: [2, 2] });
    const ok = ndarray(new Uint8Array(2), [2, 1]);
    await expect(writer.writeChunk([0, 2], ok)).resolves.toBeUndefined();
    await expect(writer.writeChunk([0, 3], ok)).rejects.toThrow(/coords/);
    await expect(writer.writeChunk([0, 0], ok)).rejects.toThrow(/chunk's shape 2 x 2/);
    await expect(writer.writeChunk([0, 2], ndarray(new Int32Array(2), [2, 1]))).rejects.toThrow(
      /uint8/,
    );
  });
});
