/**
 * The seven-point (five-point in 2D) finite-volume operator of steady conduction on a voxel
 * grid, stored matrix-free. Every array holds the grid row-major from index `offset`, with
 * `offset` zeros before and after: a neighbour read past an edge of the grid lands on a
 * zero coupling (the last voxel along an axis has none) or in the margin, so the loops need
 * no bounds tests. Internal.
 *
 * @internal
 */
export interface VoxelStencil {
  /** Grid size `[n0, n1, n2]`; a 2D grid is one plane (`n0 = 1`). */
  readonly dims: readonly [number, number, number];
  /** Index step per axis; 0 for an axis of size 1 (it has no neighbours). */
  readonly strides: readonly [number, number, number];
  /** Index of voxel 0 (the margin before the grid; the same margin follows it). */
  readonly offset: number;
  /**
   * Conductance between voxel `p` and its next neighbour along each axis (`p + stride`),
   * 0 at the last index of the axis and wherever either voxel does not conduct.
   */
  readonly couplings: readonly [Float64Array, Float64Array, Float64Array];
  /**
   * Diagonal: the sum of the couplings of the voxel, plus its Dirichlet conductance on a
   * driving face. 0 marks a voxel outside the system (insulating or removed).
   */
  readonly diagonal: Float64Array;
  /** `1 / diagonal`, 0 outside the system. */
  readonly inverse: Float64Array;
  /** Runs of voxels of the system, see {@link liveRuns}. */
  readonly runs: LiveRuns;
}

/**
 * The voxels of the system as runs along axis 2: row `r = i * n1 + j` holds the runs
 * `runs[2 q], runs[2 q + 1]` (first and one-past-last `k`) for `q` in `rows[r]..rows[r + 1]`.
 * The loops visit these only, so insulating and removed voxels cost nothing.
 *
 * @internal
 */
export interface LiveRuns {
  readonly rows: Int32Array;
  readonly runs: Int32Array;
}

/** The {@link LiveRuns} of the voxels whose `diagonal` is not 0. @internal */
export function liveRuns(
  dims: readonly [number, number, number],
  offset: number,
  diagonal: Float64Array,
): LiveRuns {
  const [n0, n1, n2] = dims;
  const rows = new Int32Array(n0 * n1 + 1);
  let count = 0;
  for (let r = 0; r < n0 * n1; r++) {
    const base = offset + r * n2;
    for (let k = 0; k < n2; k++) {
      if (diagonal[base + k] !== 0 && (k === 0 || diagonal[base + k - 1] === 0)) count++;
    }
  }
  const runs = new Int32Array(2 * count);
  let q = 0;
  for (let r = 0; r < n0 * n1; r++) {
    rows[r] = q;
    const base = offset + r * n2;
    let k = 0;
    while (k < n2) {
      while (k < n2 && diagonal[base + k] === 0) k++;
      if (k === n2) break;
      runs[2 * q] = k;
      while (k < n2 && diagonal[base + k] !== 0) k++;
      runs[2 * q + 1] = k;
      q++;
    }
  }
  rows[n0 * n1] = q;
  return { rows, runs };
}

/** Grid size, strides and margin of `dims`. @internal */
export function layoutOf(dims: readonly [number, number, number]): {
  strides: [number, number, number];
  offset: number;
  length: number;
} {
  const strides: [number, number, number] = [
    dims[0] > 1 ? dims[1] * dims[2] : 0,
    dims[1] > 1 ? dims[2] : 0,
    dims[2] > 1 ? 1 : 0,
  ];
  const offset = Math.max(strides[0], strides[1], strides[2], 1);
  return { strides, offset, length: dims[0] * dims[1] * dims[2] + 2 * offset };
}

/**
 * `y = A x` over the voxels of the system (`y` is not written elsewhere).
 *
 * @returns `x . y` over the voxels of the system (the energy product conjugate gradients needs)
 * @internal
 */
export function applyStencil(s: VoxelStencil, x: Float64Array, y: Float64Array): number {
  const [s0, s1, s2] = s.strides;
  const [g0, g1, g2] = s.couplings;
  const d = s.diagonal;
  const { rows, runs } = s.runs;
  const n2 = s.dims[2];
  let dot = 0;
  for (let r = 0; r < rows.length - 1; r++) {
    const base = s.offset + r * n2;
    for (let q = rows[r]!; q < rows[r + 1]!; q++) {
      const end = base + runs[2 * q + 1]!;
      for (let p = base + runs[2 * q]!; p < end; p++) {
        const xp = x[p]!;
        const yp =
          d[p]! * xp -
          (g2[p - s2]! * x[p - s2]! +
            g2[p]! * x[p + s2]! +
            g1[p - s1]! * x[p - s1]! +
            g1[p]! * x[p + s1]! +
            g0[p - s0]! * x[p - s0]! +
            g0[p]! * x[p + s0]!);
        y[p] = yp;
        dot += xp * yp;
      }
    }
  }
  return dot;
}

/**
 * One Gauss-Seidel sweep for `A x = b`, in index order (`forward`) or reverse: a forward
 * sweep followed by a backward one is a symmetric smoother. Voxels outside the system are
 * not visited.
 *
 * @internal
 */
export function gaussSeidel(
  s: VoxelStencil,
  x: Float64Array,
  b: Float64Array,
  forward: boolean,
): void {
  const [s0, s1, s2] = s.strides;
  const [g0, g1, g2] = s.couplings;
  const inv = s.inverse;
  const { rows, runs } = s.runs;
  const n2 = s.dims[2];
  const nRuns = rows[rows.length - 1]!;
  if (forward) {
    for (let r = 0; r < rows.length - 1; r++) {
      const base = s.offset + r * n2;
      for (let q = rows[r]!; q < rows[r + 1]!; q++) {
        const end = base + runs[2 * q + 1]!;
        for (let p = base + runs[2 * q]!; p < end; p++) {
          x[p] =
            (b[p]! +
              g2[p - s2]! * x[p - s2]! +
              g2[p]! * x[p + s2]! +
              g1[p - s1]! * x[p - s1]! +
              g1[p]! * x[p + s1]! +
              g0[p - s0]! * x[p - s0]! +
              g0[p]! * x[p + s0]!) *
            inv[p]!;
        }
      }
    }
  } else {
    let r = rows.length - 2;
    for (let q = nRuns - 1; q >= 0; q--) {
      while (rows[r]! > q) r--;
      const base = s.offset + r * n2;
      const start = base + runs[2 * q]!;
      for (let p = base + runs[2 * q + 1]! - 1; p >= start; p--) {
        x[p] =
          (b[p]! +
            g2[p - s2]! * x[p - s2]! +
            g2[p]! * x[p + s2]! +
            g1[p - s1]! * x[p - s1]! +
            g1[p]! * x[p + s1]! +
            g0[p - s0]! * x[p - s0]! +
            g0[p]! * x[p + s0]!) *
          inv[p]!;
      }
    }
  }
}
