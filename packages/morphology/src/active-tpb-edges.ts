import { componentAt, type PhaseComponents } from './phase-components.js';
import { forEachEdge, type TpbEdgeMap } from './tpb-edges.js';
import type { VoxelGrid } from './voxel-grid.js';

/** Reach of the TPB phases by code: face mask and whether all its bits are needed. @internal */
export interface CodeReach {
  readonly code: number;
  readonly mask: number;
  readonly all: boolean;
}

/**
 * Offsets `(dz, dy, dx)` of the four voxels around an edge along internal axis 0, 1, 2
 * (the voxel itself and its neighbours at -1 along the two other axes).
 *
 * @internal
 */
export const EDGE_VOXELS: readonly (readonly (readonly [number, number, number])[])[] = [
  [
    [0, 0, 0],
    [0, 0, -1],
    [0, -1, 0],
    [0, -1, -1],
  ],
  [
    [0, 0, 0],
    [0, 0, -1],
    [-1, 0, 0],
    [-1, 0, -1],
  ],
  [
    [0, 0, 0],
    [0, -1, 0],
    [-1, 0, 0],
    [-1, -1, 0],
  ],
];

/**
 * The active subset of TPB edges: an edge is active when, for each of the three TPB phases,
 * at least one of the edge's voxels of that phase lies in a component that reaches the
 * phase's boundary.
 *
 * @returns the active edge map and the count per internal axis
 * @internal
 */
export function activeTpbEdges(
  grid: VoxelGrid,
  edges: TpbEdgeMap,
  comps: PhaseComponents,
  reach: readonly [CodeReach, CodeReach, CodeReach],
): { map: TpbEdgeMap; counts: [number, number, number] } {
  const [, ny, nx] = grid.shape;
  const plane = ny * nx;
  const bitOf = new Int8Array(256).fill(-1);
  reach.forEach((r, k) => {
    bitOf[r.code] = k;
  });
  const axes = edges.axes.map((b) => new Uint8Array(b.length));
  const counts: [number, number, number] = [0, 0, 0];
  forEachEdge(edges, (axis, i) => {
    const z = Math.floor(i / plane);
    const rest = i - z * plane;
    const y = Math.floor(rest / nx);
    const x = rest - y * nx;
    let ok = 0;
    for (const [dz, dy, dx] of EDGE_VOXELS[axis]!) {
      const id = componentAt(comps, (z + dz) * ny + y + dy, x + dx);
      const k = bitOf[comps.code[id]!]!;
      if (k < 0) continue;
      const { mask, all } = reach[k]!;
      const f = comps.faces[id]! & mask;
      if (mask === 0 || (all ? f === mask : f !== 0)) ok |= 1 << k;
    }
    if (ok === 7) {
      axes[axis]![i >>> 3]! |= 1 << (i & 7);
      counts[axis]!++;
    }
  });
  return { map: { shape: edges.shape.slice(), axes }, counts };
}
