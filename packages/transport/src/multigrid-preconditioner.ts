import {
  applyStencil,
  gaussSeidel,
  layoutOf,
  liveRuns,
  type VoxelStencil,
} from './voxel-stencil.js';

/** Coarsen until a level has at most this many voxels; that level is solved exactly. */
const COARSEST_SIZE = 64;

interface Level {
  readonly stencil: VoxelStencil;
  /** Per axis, 1 when the next level halves this axis, else 0. */
  readonly shift: readonly [number, number, number];
  /** Solution and right-hand side of this level's correction equation. */
  readonly x: Float64Array;
  readonly b: Float64Array;
}

/**
 * A multigrid V-cycle used as the preconditioner of conjugate gradients: cell-centred
 * aggregation of 2 x 2 x 2 voxels, piecewise-constant transfer, coarse operators from the
 * summed (Galerkin) conductances halved along every halved axis (which is the operator the
 * coarse grid would discretise for a uniform medium), one forward Gauss-Seidel sweep before
 * and one backward sweep after each coarse correction (a symmetric preconditioner), a
 * dense Cholesky solve on the coarsest level. Internal.
 *
 * References: P. Wesseling, An Introduction to Multigrid Methods (1992), ch. 5 (cell-centred
 * multigrid); Y. Notay, "An aggregation-based algebraic multigrid method", Electron. Trans.
 * Numer. Anal. 37 (2010) (aggregation, scaled coarse corrections).
 *
 * @internal
 */
export class MultigridPreconditioner {
  readonly levels: Level[];
  private readonly coarse: { index: Int32Array; factor: Float64Array; n: number };

  /**
   * @param fine - the fine operator
   * @param axis - driving axis (its Dirichlet part of the diagonal is halved with the axis)
   */
  constructor(fine: VoxelStencil, axis: number) {
    this.levels = [];
    let stencil = fine;
    for (;;) {
      const [n0, n1, n2] = stencil.dims;
      const size = n0 * n1 * n2;
      const shift: [number, number, number] = [n0 > 1 ? 1 : 0, n1 > 1 ? 1 : 0, n2 > 1 ? 1 : 0];
      const last = size <= COARSEST_SIZE || shift.every((s) => s === 0);
      const first = this.levels.length === 0;
      const length = stencil.diagonal.length;
      this.levels.push({
        stencil,
        shift,
        x: new Float64Array(first ? 0 : length),
        b: new Float64Array(first ? 0 : length),
      });
      if (last) break;
      stencil = coarsen(stencil, shift, axis);
    }
    this.coarse = cholesky(this.levels[this.levels.length - 1]!.stencil);
  }

  /** `z = M^-1 r` (z is overwritten). */
  apply(r: Float64Array, z: Float64Array): void {
    this.cycle(0, z, r);
  }

  private cycle(l: number, x: Float64Array, b: Float64Array): void {
    const level = this.levels[l]!;
    x.fill(0);
    if (l === this.levels.length - 1) {
      solveCholesky(this.coarse, b, x);
      return;
    }
    const next = this.levels[l + 1]!;
    gaussSeidel(level.stencil, x, b, true);
    restrictResidual(level.stencil, level.shift, x, b, next.stencil, next.b);
    this.cycle(l + 1, next.x, next.b);
    prolongAdd(level.stencil, level.shift, next.x, next.stencil, x);
    gaussSeidel(level.stencil, x, b, false);
  }
}

/** Coarse operator of 2 x 2 x 2 aggregates (see {@link MultigridPreconditioner}). */
function coarsen(
  fine: VoxelStencil,
  shift: readonly [number, number, number],
  axis: number,
): VoxelStencil {
  const [n0, n1, n2] = fine.dims;
  const dims: [number, number, number] = [
    (n0 + shift[0]) >> shift[0],
    (n1 + shift[1]) >> shift[1],
    (n2 + shift[2]) >> shift[2],
  ];
  const { strides: cs, offset, length } = layoutOf(dims);
  const fs = fine.strides;
  // Galerkin (summed) diagonal and couplings of each aggregate.
  const diag = new Float64Array(length);
  const sums = [new Float64Array(length), new Float64Array(length), new Float64Array(length)];
  const fd = fine.diagonal;
  for (let i = 0; i < n0; i++) {
    for (let j = 0; j < n1; j++) {
      const row = fine.offset + i * fs[0] + j * fs[1];
      const crow = offset + (i >> shift[0]) * cs[0] + (j >> shift[1]) * cs[1];
      // Couplings along axes 0 and 1 are internal to the aggregate at an even index.
      const in0 = shift[0] === 1 && (i & 1) === 0;
      const in1 = shift[1] === 1 && (j & 1) === 0;
      for (let k = 0; k < n2; k++) {
        const p = row + k * fs[2];
        if (fd[p] === 0) continue;
        const c = crow + (k >> shift[2]) * cs[2];
        diag[c]! += fd[p]!;
        const in2 = shift[2] === 1 && (k & 1) === 0;
        const g0 = fine.couplings[0][p]!;
        const g1 = fine.couplings[1][p]!;
        const g2 = fine.couplings[2][p]!;
        if (in0) diag[c]! -= 2 * g0;
        else sums[0]![c]! += g0;
        if (in1) diag[c]! -= 2 * g1;
        else sums[1]![c]! += g1;
        if (in2) diag[c]! -= 2 * g2;
        else sums[2]![c]! += g2;
      }
    }
  }
  const couplings: [Float64Array, Float64Array, Float64Array] = [
    new Float64Array(length),
    new Float64Array(length),
    new Float64Array(length),
  ];
  const scale = shift.map((h) => (h === 1 ? 0.5 : 1));
  const out = new Float64Array(length);
  const end = offset + dims[0] * dims[1] * dims[2];
  for (let a = 0; a < 3; a++) {
    const g = sums[a]!;
    const stride = cs[a]!;
    const f = scale[a]!;
    for (let c = offset; c < end; c++) {
      const v = g[c]!;
      if (v === 0) continue;
      // What remains of the Galerkin diagonal after its couplings is the Dirichlet part.
      diag[c]! -= v;
      diag[c + stride]! -= v;
      const scaled = v * f;
      couplings[a][c] = scaled;
      out[c]! += scaled;
      out[c + stride]! += scaled;
    }
  }
  const s = scale[axis]!;
  const inverse = new Float64Array(length);
  for (let c = offset; c < end; c++) {
    out[c]! += Math.max(diag[c]!, 0) * s;
    if (out[c]! > 0) inverse[c] = 1 / out[c]!;
  }
  return {
    dims,
    strides: cs,
    offset,
    couplings,
    diagonal: out,
    inverse,
    runs: liveRuns(dims, offset, out),
  };
}

/**
 * Sum the residual `b - A x` of the fine voxels of each aggregate into the coarse right-hand
 * side (the transpose of piecewise-constant prolongation).
 */
function restrictResidual(
  s: VoxelStencil,
  shift: readonly [number, number, number],
  x: Float64Array,
  b: Float64Array,
  coarse: VoxelStencil,
  out: Float64Array,
): void {
  out.fill(0);
  const [, n1, n2] = s.dims;
  const [s0, s1, s2] = s.strides;
  const [c0, c1, c2] = coarse.strides;
  const [g0, g1, g2] = s.couplings;
  const d = s.diagonal;
  const [h0, h1, h2] = shift;
  const { rows, runs } = s.runs;
  for (let r = 0; r < rows.length - 1; r++) {
    const i = Math.floor(r / n1);
    const j = r - i * n1;
    const base = s.offset + r * n2;
    const crow = coarse.offset + (i >> h0) * c0 + (j >> h1) * c1;
    for (let q = rows[r]!; q < rows[r + 1]!; q++) {
      const k1 = runs[2 * q + 1]!;
      for (let k = runs[2 * q]!; k < k1; k++) {
        const p = base + k;
        out[crow + (k >> h2) * c2]! +=
          b[p]! -
          d[p]! * x[p]! +
          g2[p - s2]! * x[p - s2]! +
          g2[p]! * x[p + s2]! +
          g1[p - s1]! * x[p - s1]! +
          g1[p]! * x[p + s1]! +
          g0[p - s0]! * x[p - s0]! +
          g0[p]! * x[p + s0]!;
      }
    }
  }
}

/** `x += P xc` on the voxels of the system (piecewise-constant prolongation). */
function prolongAdd(
  s: VoxelStencil,
  shift: readonly [number, number, number],
  xc: Float64Array,
  coarse: VoxelStencil,
  x: Float64Array,
): void {
  const [, n1, n2] = s.dims;
  const [c0, c1, c2] = coarse.strides;
  const [h0, h1, h2] = shift;
  const { rows, runs } = s.runs;
  for (let r = 0; r < rows.length - 1; r++) {
    const i = Math.floor(r / n1);
    const j = r - i * n1;
    const base = s.offset + r * n2;
    const crow = coarse.offset + (i >> h0) * c0 + (j >> h1) * c1;
    for (let q = rows[r]!; q < rows[r + 1]!; q++) {
      const k1 = runs[2 * q + 1]!;
      for (let k = runs[2 * q]!; k < k1; k++) x[base + k]! += xc[crow + (k >> h2) * c2]!;
    }
  }
}

/** Dense Cholesky factor of the coarsest operator over its live voxels. */
function cholesky(s: VoxelStencil): { index: Int32Array; factor: Float64Array; n: number } {
  const size = s.diagonal.length;
  const index = new Int32Array(size).fill(-1);
  let n = 0;
  for (let p = 0; p < size; p++) if (s.diagonal[p] !== 0) index[p] = n++;
  const a = new Float64Array(n * n);
  const unit = new Float64Array(size);
  const col = new Float64Array(size);
  for (let p = 0; p < size; p++) {
    if (index[p]! < 0) continue;
    unit.fill(0);
    unit[p] = 1;
    applyStencil(s, unit, col);
    for (let q = 0; q < size; q++) if (index[q]! >= 0) a[index[q]! * n + index[p]!] = col[q]!;
  }
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! ** 2;
    // A component without a Dirichlet voxel never reaches here (it was removed), but a
    // rounding-level pivot is kept positive so the preconditioner stays defined.
    const l = Math.sqrt(Math.max(d, 1e-300));
    a[j * n + j] = l;
    for (let i = j + 1; i < n; i++) {
      let v = a[i * n + j]!;
      for (let k = 0; k < j; k++) v -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = v / l;
    }
  }
  return { index, factor: a, n };
}

function solveCholesky(
  c: { index: Int32Array; factor: Float64Array; n: number },
  b: Float64Array,
  x: Float64Array,
): void {
  const { index, factor: a, n } = c;
  const y = new Float64Array(n);
  for (let p = 0; p < index.length; p++) if (index[p]! >= 0) y[index[p]!] = b[p]!;
  for (let i = 0; i < n; i++) {
    let v = y[i]!;
    for (let k = 0; k < i; k++) v -= a[i * n + k]! * y[k]!;
    y[i] = v / a[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let v = y[i]!;
    for (let k = i + 1; k < n; k++) v -= a[k * n + i]! * y[k]!;
    y[i] = v / a[i * n + i]!;
  }
  for (let p = 0; p < index.length; p++) if (index[p]! >= 0) x[p] = y[index[p]!]!;
}
