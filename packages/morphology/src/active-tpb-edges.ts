import type { PhaseComponents } from './phase-components.js';
import type { TpbEdgeMap } from './tpb-edges.js';
import type { VoxelGrid } from './voxel-grid.js';

/** Reach of a TPB phase by code: face mask and whether all its bits are needed. */
export interface CodeReach {
  readonly code: number;
  readonly mask: number;
  readonly all: boolean;
}

/**
 * Whether a component touching the grid faces `faces` (bit `2 * axis` low, `2 * axis + 1`
 * high, internal axes `[z, y, x]`) reaches the boundary `r` asks for: always for an empty
 * mask (`'anywhere'`), else every bit of the mask (`all`) or any of them.
 *
 * Exported so that packages computing the active TPB piecewise (`@mgraph/blocks`' merge)
 * decide reach by exactly this rule.
 *
 * @param faces - the component's face bits
 * @param r - the reach of the component's phase (`mask`, `all`)
 * @returns true when the component reaches its boundary
 */
export function reachesBoundary(faces: number, r: Pick<CodeReach, 'mask' | 'all'>): boolean {
  const f = faces & r.mask;
  return r.mask === 0 || (r.all ? f === r.mask : f !== 0);
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
 * phase's boundary. Edges are visited in increasing voxel index per axis, so each of the four
 * voxel streams moves forward through the run tables: a run pointer per stream replaces a
 * search.
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
  const { rowRuns, runStart, runComponent, code, faces } = comps;
  // per component code: bit k when it is TPB phase k and its component reaches its boundary
  const okBit = new Uint8Array(comps.count);
  for (let id = 0; id < comps.count; id++) {
    reach.forEach((r, k) => {
      if (code[id] === r.code && reachesBoundary(faces[id]!, r)) okBit[id] = 1 << k;
    });
  }
  const axes = edges.axes.map((b) => new Uint8Array(b.length));
  const counts: [number, number, number] = [0, 0, 0];
  const row = new Float64Array(4);
  const run = new Float64Array(4);
  edges.axes.forEach((bits, axis) => {
    const offsets = EDGE_VOXELS[axis]!;
    row.fill(-1);
    const out = axes[axis]!;
    for (let byte = 0; byte < bits.length; byte++) {
      let word = bits[byte]!;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        word &= word - 1;
        const i = byte * 8 + bit;
        const z = Math.floor(i / plane);
        const rest = i - z * plane;
        const y = Math.floor(rest / nx);
        const x = rest - y * nx;
        let ok = 0;
        for (let k = 0; k < 4; k++) {
          const [dz, dy, dx] = offsets[k]!;
          const r = (z + dz) * ny + y + dy;
          const xx = x + dx;
          let j = run[k]!;
          if (row[k] !== r) {
            row[k] = r;
            j = rowRuns[r]!;
          }
          const end = rowRuns[r + 1]!;
          while (j + 1 < end && runStart[j + 1]! <= xx) j++;
          run[k] = j;
          ok |= okBit[runComponent[j]!]!;
        }
        if (ok === 7) {
          out[byte]! |= 1 << bit;
          counts[axis]!++;
        }
      }
    }
  });
  return { map: { shape: edges.shape.slice(), axes }, counts };
}
