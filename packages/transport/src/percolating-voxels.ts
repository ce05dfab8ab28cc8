/**
 * The conducting voxels face-connected, through conducting voxels, to both faces normal to
 * `axis` (the first and the last plane of that axis): the voxels that carry a current
 * between the two faces. Two breadth-first floods, one from each face, on a copy of the
 * map with a one-voxel insulating border (so a neighbour index is never out of range).
 * Internal.
 *
 * @param conducts - 1 for a conducting voxel, row-major over `dims`
 * @param dims - `[n0, n1, n2]`
 * @param axis - 0, 1 or 2
 * @param conducting - number of conducting voxels (the queue size)
 * @returns 1 for a percolating voxel, else 0 (row-major over `dims`)
 * @internal
 */
export function percolatingVoxels(
  conducts: Uint8Array,
  dims: readonly [number, number, number],
  axis: number,
  conducting: number,
): Uint8Array {
  const [n0, n1, n2] = dims;
  const m1 = n2 + 2;
  const m0 = (n1 + 2) * m1;
  // Bit 4: conducts; bit 1: reached from plane 0; bit 2: reached from the last plane.
  const grid = new Uint8Array((n0 + 2) * m0);
  for (let i = 0; i < n0; i++) {
    for (let j = 0; j < n1; j++) {
      const src = (i * n1 + j) * n2;
      const dst = (i + 1) * m0 + (j + 1) * m1 + 1;
      for (let k = 0; k < n2; k++) grid[dst + k] = conducts[src + k]! << 2;
    }
  }
  const queue = new Int32Array(Math.max(conducting, 1));
  const steps = [m0, -m0, m1, -m1, 1, -1];
  for (const [bit, plane] of [
    [1, 0],
    [2, dims[axis]! - 1],
  ] as const) {
    let tail = 0;
    for (let i = 0; i < n0; i++) {
      for (let j = 0; j < n1; j++) {
        for (let k = 0; k < n2; k++) {
          if ((axis === 0 ? i : axis === 1 ? j : k) !== plane) continue;
          const p = (i + 1) * m0 + (j + 1) * m1 + k + 1;
          if (grid[p]! & 4 && !(grid[p]! & bit)) {
            grid[p]! |= bit;
            queue[tail++] = p;
          }
        }
      }
    }
    for (let head = 0; head < tail; head++) {
      const p = queue[head]!;
      for (let s = 0; s < 6; s++) {
        const q = p + steps[s]!;
        const g = grid[q]!;
        if (g & 4 && !(g & bit)) {
          grid[q] = g | bit;
          queue[tail++] = q;
        }
      }
    }
  }
  const out = new Uint8Array(conducts.length);
  for (let i = 0; i < n0; i++) {
    for (let j = 0; j < n1; j++) {
      const dst = (i * n1 + j) * n2;
      const src = (i + 1) * m0 + (j + 1) * m1 + 1;
      for (let k = 0; k < n2; k++) out[dst + k] = grid[src + k] === 7 ? 1 : 0;
    }
  }
  return out;
}
