// Bad files are typed errors, raised before any large allocation, from bytes and from files.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { decodeNpy, decodeTiff } from '../src/index.js';
import { readNpy, readTiff, readTiffPlanes } from '../src/node.js';
import { CORPUS, corpusBytes, manifest } from './corpus.js';

const tiffs = manifest.bad.filter((b) => b.file.endsWith('.tif'));

describe('bad TIFF files', () => {
  it('covers every case of the issue', () => {
    const names = tiffs.map((b) => b.file).join(' ');
    for (const n of [
      'lzma-34925',
      'unknown-compression',
      'truncated-strips',
      'strip-offset-past-eof',
      'more-columns',
      'claims-30000x30000-114-bytes',
      'ifd-loop-326-bytes',
      'claims-1e15-voxels-imagej',
    ]) {
      expect(names).toContain(n);
    }
  });

  it.each(tiffs.map((b) => [b.file, b] as const))(
    '%s is a typed error from bytes and from the file',
    async (_, b) => {
      const bytes = corpusBytes(b.file);
      expect(bytes.length).toBe(b.bytes);
      let error: unknown;
      try {
        decodeTiff(bytes);
      } catch (e) {
        error = e;
      }
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      const message = (error as Error).message;
      expect(message).toMatch(/^decodeTiff: argument bytes must be/);
      expect(message).toMatch(new RegExp(b.error));
      const path = join(CORPUS, b.file);
      await expect(readTiff(path)).rejects.toThrow(
        new RegExp(`^readTiff: argument source must be .*(${b.error})`),
      );
      await expect(readTiffPlanes(path).next()).rejects.toThrow(InvalidArgumentError);
    },
  );

  it('LZMA names the compression and says how to convert (never zeros)', () => {
    expect(() => decodeTiff(corpusBytes('bad/lzma-34925.tif'))).toThrow(
      /LZMA \(compression 34925\).*tifffile\.imwrite\('out\.tif', tifffile\.imread\('in\.tif'\), compression='zlib'\).*tiffcp -c zip/,
    );
  });

  it('an IFD chain that loops is reported, not followed', () => {
    expect(() => decodeTiff(corpusBytes('bad/ifd-loop-326-bytes.tif'))).toThrow(
      /points back to the IFD at byte 8 \(a loop\)/,
    );
  });

  it('the 114-byte file claiming 30000 x 30000 fails on its strip, before allocating 900 MB', () => {
    expect(() => decodeTiff(corpusBytes('bad/claims-30000x30000-114-bytes.tif'))).toThrow(
      /strip 0 of page 0 \(900000000 bytes from byte 110\) ends past the end of the file \(114 bytes\)/,
    );
  });

  it('an .npy header claiming 1e15 elements is a typed error', async () => {
    expect(() => decodeNpy(corpusBytes('bad/claims-1e15-voxels.npy'))).toThrow(
      /decodeNpy: argument bytes must be an \.npy file that holds the data its header claims/,
    );
    await expect(readNpy(join(CORPUS, 'bad/claims-1e15-voxels.npy'))).rejects.toThrow(
      InvalidArgumentError,
    );
  });
});

describe('peak memory on files claiming 100,000 x 100,000 x 100,000 voxels', () => {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const script = join(here, 'rss-child.ts');
  function measure(mode: string): { rss: number; arrayBuffers: number; outcome: string } {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, mode], {
      encoding: 'utf8',
      cwd: join(here, '..'),
    });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    return { rss: r.maxRssBytes, arrayBuffers: r.arrayBuffers, outcome: r.outcome };
  }

  it('stays under the file size x 16 + the baseline of a node process that loaded the package (RSS and typed arrays)', () => {
    const baseline = measure('baseline');
    for (const mode of ['tiff-bytes', 'tiff-file', 'npy-bytes', 'npy-file', 'tiff-114']) {
      const file =
        mode === 'tiff-114'
          ? 'bad/claims-30000x30000-114-bytes.tif'
          : mode.startsWith('tiff')
            ? 'bad/claims-1e15-voxels-imagej.tif'
            : 'bad/claims-1e15-voxels.npy';
      const size = statSync(join(CORPUS, file)).size;
      const { rss, arrayBuffers, outcome } = measure(mode);
      // 16 MB of slack for the garbage collector's timing and the code the read and error paths
      // load beyond the baseline (8 MB was exceeded by 0.5-0.7 MB in 1 of 3 runs once the main
      // entry grew); an allocation sized by the claimed voxels would be gigabytes
      expect(rss, `${mode}: ${rss} bytes, baseline ${baseline.rss}`).toBeLessThan(
        baseline.rss + 16 * size + 16e6,
      );
      expect(arrayBuffers, `${mode}: typed arrays`).toBeLessThan(
        baseline.arrayBuffers + 16 * size + 1e6,
      );
      expect(outcome, mode).toBe('InvalidArgumentError');
    }
  }, 120_000);
});
