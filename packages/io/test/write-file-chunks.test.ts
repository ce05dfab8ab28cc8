// writeFileChunks (the streaming writer of writeTiff and zarrToTiff): every chunk lands in
// order, and a source that fails part-way leaves no partial file behind.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbortError, FileError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { decodeTiff, writeTiff } from '../src/node.js';
import { writeFileChunks } from '../src/write-file-chunks.js';

describe('writeFileChunks', () => {
  it('writes sync and async chunk sources byte for byte, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-chunks-'));
    const parts = [Uint8Array.from([1, 2, 3]), new Uint8Array(0), Uint8Array.from([4, 5])];
    await writeFileChunks('t', join(dir, 'sync.bin'), parts);
    async function* later(): AsyncGenerator<Uint8Array> {
      for (const p of parts) yield await Promise.resolve(p);
    }
    await writeFileChunks('t', join(dir, 'async.bin'), later());
    expect([...readFileSync(join(dir, 'sync.bin'))]).toEqual([1, 2, 3, 4, 5]);
    expect([...readFileSync(join(dir, 'async.bin'))]).toEqual([1, 2, 3, 4, 5]);
  });

  it('removes the partial file when the source throws after a chunk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-chunks-'));
    const path = join(dir, 'partial.bin');
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(1024);
      throw new AbortError('t');
    }
    await expect(writeFileChunks('t', path, failing())).rejects.toThrow(AbortError);
    expect(existsSync(path)).toBe(false);
  });

  it('names the function and path when the file cannot be created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-chunks-'));
    const path = join(dir, 'missing', 'x.bin');
    await expect(writeFileChunks('t', path, [new Uint8Array(1)])).rejects.toThrow(FileError);
  });

  it('writeTiff aborted after its first page leaves no file; unaborted it round-trips', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-chunks-'));
    const data = ndarray(
      Uint16Array.from({ length: 4 * 8 * 8 }, (_, i) => i),
      [4, 8, 8],
    );
    const controller = new AbortController();
    const path = join(dir, 'aborted.tif');
    const write = writeTiff(path, data, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 1) controller.abort();
      },
    });
    await expect(write).rejects.toThrow(AbortError);
    expect(existsSync(path)).toBe(false);
    await writeTiff(join(dir, 'whole.tif'), data);
    const back = decodeTiff(readFileSync(join(dir, 'whole.tif')));
    expect([...back.data.data]).toEqual([...data.data]);
  });
});
