import { join } from 'node:path';
import { InvalidArgumentError } from '@mgraph/core';
import { writeFileAtomic, ZarrDirectoryStore } from '@mgraph/io/node';
import * as zarr from 'zarrita';
import type { Block } from './block-plan.js';

/**
 * Create (or replace the metadata of) an int32 Zarr v3 array of `shape` in chunks of
 * `blockShape` at `path` of the directory store `dir`: one chunk per block, so that a block's
 * labels are one chunk file, written whole by {@link writeLabelChunk}.
 *
 * @internal
 */
export async function createLabelArray(
  dir: string,
  path: string,
  shape: readonly number[],
  blockShape: readonly number[],
): Promise<void> {
  await zarr.create(zarr.root(new ZarrDirectoryStore(dir)).resolve(path), {
    shape: shape.slice(),
    chunkShape: blockShape.map((b, d) => Math.min(b, shape[d]!)),
    dtype: 'int32',
    fillValue: 0,
    codecs: [{ name: 'bytes', configuration: { endian: 'little' } }],
  });
}

/**
 * Write one block's labels as its chunk of the array made by {@link createLabelArray}. The
 * chunk file is written to a temporary name and renamed (`@mgraph/io/node`'s
 * `writeFileAtomic`): a task killed mid-write leaves the old chunk or none, never half of
 * one, and the same labels give the same bytes (a retried task writes the same file).
 *
 * @throws InvalidArgumentError when `dir` is a URL (an output store must be a directory)
 * @internal
 */
export async function writeLabelChunk(
  fn: string,
  dir: string,
  path: string,
  block: Block,
  labels: Int32Array,
): Promise<void> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(dir)) {
    throw new InvalidArgumentError(fn, 'output', dir, 'a directory path (outputs are written)');
  }
  const store = new ZarrDirectoryStore(dir);
  const atomic = {
    get: (key: `/${string}`) => store.get(key),
    set: (key: `/${string}`, value: Uint8Array) => writeFileAtomic(join(dir, key), value),
  };
  const arr = await zarr.open.v3(zarr.root(atomic).resolve(path), { kind: 'array' });
  const ext = block.stop.map((s, d) => s - block.start[d]!);
  const stride = ext.map((_, d) => ext.slice(d + 1).reduce((a, b) => a * b, 1));
  await zarr.set(
    arr as zarr.Array<'int32', typeof atomic>,
    block.start.map((s, d) => zarr.slice(s, block.stop[d]!)),
    { data: labels, shape: ext, stride },
  );
}
