// The two foundations of issue 19 together: a volume stored as OME-Zarr in chunks of the
// block shape, each block read alone (readRegion) and labelled, the partials stitched, each
// block read and labelled again and relabelled: block by block, the labels of the whole
// volume (@mgraph/watershed's label), with only one block in memory at a time.

import { openZarr, writeZarr } from '@mgraph/io';
import { label } from '@mgraph/watershed';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { blockPlan, type LabelPartial, labelBlock, stitchLabels } from '../src/index.js';

describe('blocks read from OME-Zarr', () => {
  it('label block by block from a Zarr store = label of the whole volume', async () => {
    const shape = [23, 19, 17];
    const mask = ndarray(
      Uint8Array.from({ length: 23 * 19 * 17 }, (_, i) =>
        ((i * 2654435761) >>> 28) % 3 === 0 ? 1 : 0,
      ),
      shape,
    );
    const whole = label(mask, { connectivity: 2 });
    for (const zarrFormat of [2, 3] as const) {
      const store = new Map<string, Uint8Array>();
      await writeZarr(store, mask, { chunks: [8, 8, 8], zarrFormat });
      const volume = await openZarr(store);
      const plan = blockPlan(volume.shape, volume.info.chunkShape);
      const partials: LabelPartial[] = [];
      for (const b of plan.blocks) {
        const box = await volume.readRegion(b.start, b.stop);
        partials.push(labelBlock(box, b, plan, { connectivity: 2 }).partial);
      }
      const { count, relabel } = stitchLabels(plan, partials, { connectivity: 2 });
      expect(count).toBe(whole.count);
      for (const b of plan.blocks) {
        const box = await volume.readRegion(b.start, b.stop);
        const local = labelBlock(box, b, plan, { connectivity: 2 }).labels;
        const ext = b.stop.map((s, d) => s - b.start[d]!);
        const expected = whole.labels.lo(...b.start).hi(...ext);
        for (let z = 0; z < ext[0]!; z++)
          for (let y = 0; y < ext[1]!; y++)
            for (let x = 0; x < ext[2]!; x++)
              expect(relabel[b.id]![local.get(z, y, x)]).toBe(expected.get(z, y, x));
      }
    }
  });
});
