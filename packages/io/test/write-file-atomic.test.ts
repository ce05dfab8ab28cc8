import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/node.js';

describe('writeFileAtomic', () => {
  it('creates parent directories and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mgraph-atomic-'));
    const path = join(dir, 'a', 'b', 'table.csv');
    await writeFileAtomic(path, 'x,y\n1,2\n');
    expect(await readFile(path, 'utf8')).toBe('x,y\n1,2\n');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['table.csv']);
  });
  it('replaces an existing file whole, bytes included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mgraph-atomic-'));
    const path = join(dir, 'f.bin');
    await writeFile(path, 'old content that is longer');
    await writeFileAtomic(path, Uint8Array.from([1, 2, 3]));
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
  });
  it('keeps the old file and removes the temporary one when the rename fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mgraph-atomic-'));
    // the destination is a non-empty directory: the rename onto it must fail
    const target = join(dir, 'target');
    await writeFileAtomic(join(target, 'inside.txt'), 'keep me');
    await expect(writeFileAtomic(target, 'new')).rejects.toSatisfy(
      (e) => FileError.isInstance(e) && /writeFileAtomic/.test(String(e)),
    );
    expect(await readdir(dir)).toEqual(['target']);
    expect(await readFile(join(target, 'inside.txt'), 'utf8')).toBe('keep me');
  });
});
