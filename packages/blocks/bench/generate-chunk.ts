// The bench's generator: write one chunk of the phase map into the Zarr v3 array (uncompressed)
// created beforehand, so that the volume is generated chunk by chunk, never in memory.
import { ZarrDirectoryStore } from '@mgraph/io/node';
import * as zarr from 'zarrita';
import { phasesBox } from './phantom-box.js';

export interface GenerateInput {
  dir: string;
  start: number[];
  stop: number[];
  seed: number;
}

/** Compute and write the chunk `[start, stop)`; returns its voxel count. */
export async function generate({ dir, start, stop, seed }: GenerateInput): Promise<number> {
  const arr = await zarr.open.v3(zarr.root(new ZarrDirectoryStore(dir)).resolve('phases'), {
    kind: 'array',
  });
  const ext = stop.map((s, d) => s - start[d]!);
  const data = phasesBox(start, stop, seed);
  await zarr.set(
    arr as zarr.Array<'uint8', ZarrDirectoryStore>,
    start.map((s, d) => zarr.slice(s, stop[d]!)),
    { data, shape: ext, stride: [ext[1]! * ext[2]!, ext[2]!, 1] },
  );
  return data.length;
}
