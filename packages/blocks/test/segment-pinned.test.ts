// The block-wise instances pinned: FNV-1a checksums of the int32 labels that
// instanceSegmentationBlockwise and instanceSegmentation gave on the 96^3 phantom before the
// refinement of @mgraph/watershed's splitTouching stopped re-measuring the whole image on
// every pass (commit 5b32e2f), and the exact agreement figures of the 3 x 3 x 3 blocks, so a
// speed-up of the segment pass that changes a single voxel fails here.
import { CATHODE_SCHEME, type LabelImage } from '@mgraph/core';
import { generateComposite } from '@mgraph/phantom';
import { instanceSegmentation } from '@mgraph/watershed';
import { describe, expect, it } from 'vitest';
import { instanceAgreement, instanceSegmentationBlockwise, segmentHalo } from '../src/index.js';

const scheme = CATHODE_SCHEME;

/** 32-bit FNV-1a of the labels' bytes (little-endian int32). */
function checksum(labels: LabelImage): number {
  const d = labels.data;
  const bytes = new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 16777619);
  return h >>> 0;
}

describe('block-wise instances pinned to the labels of commit 5b32e2f', () => {
  it('96^3 phantom: whole volume, one block and 3 x 3 x 3 blocks (halo 17) give the same labels as before', () => {
    const { phases } = generateComposite({ shape: [96, 96, 96], nmcRadius: 6, seed: 1 });
    const whole = instanceSegmentation(phases, { scheme });
    expect(whole.count).toBe(1149);
    expect(checksum(whole.labels)).toBe(3215069051);
    const one = instanceSegmentationBlockwise(phases, { scheme, blockShape: [96, 96, 96] });
    expect(checksum(one.labels)).toBe(3215069051);
    const blocks = instanceSegmentationBlockwise(phases, {
      scheme,
      blockShape: [32, 32, 32],
      halo: segmentHalo(5, 6),
    });
    expect(blocks.count).toBe(1149);
    expect(blocks.countByPhase).toEqual({ sse: 465, nmc: 447, graphite: 237 });
    expect(checksum(blocks.labels)).toBe(3033907380);
    const a = instanceAgreement(whole.labels, blocks.labels);
    expect([a.matched, a.reference, a.differingVoxels]).toEqual([1147, 1149, 14]);
  }, 240_000);
});
