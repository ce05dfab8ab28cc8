import type { TriplePhaseBoundaryResult } from '@mgraph/morphology';

/**
 * A per-voxel map of the voxel-edge TPB for the slice overlays: 1 where a TPB edge is stored
 * (the voxel whose corner the edge runs along, as `@mgraph/morphology`'s `TpbEdgeMap`
 * indexes it), 2 where that edge is active.
 *
 * @param tpb - `triplePhaseBoundaryDensity` of `@mgraph/morphology`
 * @returns 0 / 1 / 2 per voxel, row-major
 */
export function tpbVoxels(tpb: TriplePhaseBoundaryResult): Uint8Array {
  const size = tpb.edges.shape.reduce((a, b) => a * b, 1);
  const out = new Uint8Array(size);
  const mark = (axes: Uint8Array[], value: number) => {
    for (const bits of axes)
      for (let byte = 0; byte < bits.length; byte++) {
        const b = bits[byte]!;
        if (b === 0) continue;
        for (let k = 0; k < 8; k++) if ((b >> k) & 1) out[byte * 8 + k] = value;
      }
  };
  mark(tpb.edges.axes, 1);
  if (tpb.active) mark(tpb.active.edges.axes, 2);
  return out;
}
