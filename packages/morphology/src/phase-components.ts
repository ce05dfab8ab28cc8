import { AbortError, assertAllocation, type ProgressCallback } from '@mgraph/core';
import type { VoxelGrid } from './voxel-grid.js';

/**
 * Connected components of every phase at once, kept as runs: each row of the grid is cut into
 * runs of equal code (the runs of a row cover it), and runs of equal code that touch through
 * the connectivity are merged with a union-find. Nothing is stored per voxel: a voxel's
 * component is that of its run (the last run of its row starting at or before it).
 *
 * @internal
 */
export interface PhaseComponents {
  /** Start column of each run; a run ends where the next run of its row starts. */
  readonly runStart: Uint16Array | Uint32Array;
  /** First run of each row, `rows + 1` entries. */
  readonly rowRuns: Float64Array;
  /** Component id of each run. */
  readonly runComponent: Int32Array;
  /** Phase code of each component. */
  readonly code: Uint8Array;
  /**
   * Voxels of each component (Uint32 when the grid has fewer than 2^32 voxels), or `null`
   * when not asked for.
   */
  readonly voxels: Float64Array | Uint32Array | null;
  /**
   * Faces of the grid each component touches: bit `2 * axis` the low face, `2 * axis + 1`
   * the high face, internal axes `[z, y, x]`.
   */
  readonly faces: Uint8Array;
  /** Number of components. */
  readonly count: number;
}

/** Most runs: run and component ids are Int32. */
const MAX_RUNS = 2 ** 31 - 1;

/**
 * Label the components of every phase of `grid` (as `scipy.ndimage.label` of each phase's
 * mask with `generate_binary_structure(ndim, connectivity)`), with their volume and the grid
 * faces they touch.
 *
 * Memory: about 7 bytes per run (2 for the start column when rows are at most 65,536 long,
 * 4 for the union-find, 1 for the code) plus 2 bytes per component, 4 more (8 past 2^32
 * voxels) with `volumes`; a structure with runs of mean length L takes about
 * 7 / L + 6 / (voxels per component) bytes per voxel.
 *
 * @param connectivity - 1 (faces) .. 3 (faces, edges, corners) in 3D, 1..2 in 2D
 * @param volumes - whether to count the voxels of each component
 * @internal
 */
export function phaseComponents(
  fn: string,
  grid: VoxelGrid,
  connectivity: number,
  volumes: boolean,
  onProgress?: ProgressCallback,
  signal?: AbortSignal,
): PhaseComponents {
  const { codes, shape } = grid;
  const [nz, ny, nx] = shape;
  const rows = nz * ny;
  // pass 1: count the runs, so that the tables are allocated once at their size
  let runs = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * nx;
    runs++;
    for (let i = base + 1, e = base + nx; i < e; i++) if (codes[i] !== codes[i - 1]) runs++;
  }
  assertAllocation(fn, 'phases', `a map of ${grid.size} voxels in ${runs} runs`, runs, {
    limit: MAX_RUNS,
    bytesPerElement: 7,
    what: 'runs of equal phase',
    subject: 'a map',
  });
  const runStart = nx <= 65536 ? new Uint16Array(runs) : new Uint32Array(runs);
  const runCode = new Uint8Array(runs);
  const rowRuns = new Float64Array(rows + 1);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * nx;
    rowRuns[r] = k;
    runStart[k] = 0;
    runCode[k++] = codes[base]!;
    for (let x = 1; x < nx; x++) {
      const c = codes[base + x]!;
      if (c !== codes[base + x - 1]) {
        runStart[k] = x;
        runCode[k++] = c;
      }
    }
  }
  rowRuns[rows] = k;
  const parent = mergeRuns(
    { runStart, runCode, rowRuns, nx, ny, nz },
    backRows(grid.ndim, connectivity),
    onProgress,
    signal,
    fn,
  );
  return summarise(parent, { runStart, runCode, rowRuns, nx, ny, nz }, volumes);
}

interface RunTable {
  runStart: Uint16Array | Uint32Array;
  runCode: Uint8Array;
  rowRuns: Float64Array;
  nx: number;
  ny: number;
  nz: number;
}

/**
 * Earlier rows a row's runs meet: `(dz, dy, tol)` where `tol` = 1 lets runs meet diagonally
 * in x (the connectivity allows one more nonzero offset component), as the structuring
 * element `generate_binary_structure(ndim, connectivity)` does.
 */
function backRows(ndim: number, connectivity: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let dz = ndim === 3 ? -1 : 0; dz <= 0; dz++) {
    for (let dy = -1; dy <= 1; dy++) {
      if (dz === 0 && dy >= 0) continue;
      const m = (dz !== 0 ? 1 : 0) + (dy !== 0 ? 1 : 0);
      if (m > connectivity) continue;
      out.push([dz, dy, m < connectivity ? 1 : 0]);
    }
  }
  return out;
}

function find(parent: Int32Array, k: number): number {
  let x = k;
  while (parent[x] !== x) {
    const p = parent[x]!;
    parent[x] = parent[p]!;
    x = p;
  }
  return x;
}

/** Union keeping the smaller root, so every parent index is at most its child's. */
function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra < rb) parent[rb] = ra;
  else if (rb < ra) parent[ra] = rb;
}

function mergeRuns(
  t: RunTable,
  back: [number, number, number][],
  onProgress: ProgressCallback | undefined,
  signal: AbortSignal | undefined,
  fn: string,
): Int32Array {
  const { runStart, runCode, rowRuns, nx, ny, nz } = t;
  const runs = rowRuns[nz * ny]!;
  const parent = new Int32Array(runs);
  for (let k = 0; k < runs; k++) parent[k] = k;
  for (let z = 0; z < nz; z++) {
    if (signal?.aborted) throw new AbortError(fn);
    for (let y = 0; y < ny; y++) {
      const r = z * ny + y;
      const first = rowRuns[r]!;
      const last = rowRuns[r + 1]!;
      for (const [dz, dy, tol] of back) {
        const yy = y + dy;
        if (z + dz < 0 || yy < 0 || yy >= ny) continue;
        const pr = r + dz * ny + dy;
        let j = rowRuns[pr]!;
        const jEnd = rowRuns[pr + 1]!;
        let k = first;
        // both rows are covered by their runs: walk them together; runs [a, b) and [pa, pb)
        // of equal code meet when pa < b + tol and a < pb + tol
        while (j < jEnd && k < last) {
          const pa = runStart[j]!;
          const pb = j + 1 < jEnd ? runStart[j + 1]! : nx;
          const a = runStart[k]!;
          const b = k + 1 < last ? runStart[k + 1]! : nx;
          if (runCode[j] === runCode[k] && pa < b + tol && a < pb + tol) union(parent, j, k);
          // advance the run that ends first; on a tie both (the next pair starts together)
          if (pb < b) j++;
          else if (b < pb) k++;
          else {
            if (tol === 1) {
              // diagonal contacts across the shared end: (j, k + 1) and (j + 1, k)
              if (k + 1 < last && runCode[j] === runCode[k + 1]) union(parent, j, k + 1);
              if (j + 1 < jEnd && runCode[j + 1] === runCode[k]) union(parent, j + 1, k);
            }
            j++;
            k++;
          }
        }
      }
    }
    onProgress?.(z + 1, nz);
  }
  return parent;
}

/** Component ids, codes, volumes and touched faces from the merged runs. */
function summarise(parent: Int32Array, t: RunTable, volumes: boolean): PhaseComponents {
  const { runStart, runCode, rowRuns, nx, ny, nz } = t;
  const runs = parent.length;
  // parents never exceed their child, so one ascending pass flattens every tree; roots are
  // then numbered in ascending order and written as -(id + 1)
  let count = 0;
  for (let k = 0; k < runs; k++) {
    const p = parent[k]!;
    parent[k] = p === k ? -++count : parent[p]!;
  }
  for (let k = 0; k < runs; k++) parent[k] = -parent[k]! - 1;
  const code = new Uint8Array(count);
  const voxels = !volumes
    ? null
    : nz * ny * nx < 2 ** 32
      ? new Uint32Array(count)
      : new Float64Array(count);
  const faces = new Uint8Array(count);
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      const r = z * ny + y;
      const last = rowRuns[r + 1]!;
      let rowFaces = 0;
      if (z === 0) rowFaces |= 1;
      if (z === nz - 1) rowFaces |= 2;
      if (y === 0) rowFaces |= 4;
      if (y === ny - 1) rowFaces |= 8;
      for (let k = rowRuns[r]!; k < last; k++) {
        const id = parent[k]!;
        const a = runStart[k]!;
        const b = k + 1 < last ? runStart[k + 1]! : nx;
        code[id] = runCode[k]!;
        if (voxels !== null) voxels[id]! += b - a;
        faces[id]! |= rowFaces | (a === 0 ? 16 : 0) | (b === nx ? 32 : 0);
      }
    }
  }
  return { runStart, rowRuns, runComponent: parent, code, voxels, faces, count };
}
