/**
 * Neumaier's compensated sum, for totals of millions of small triangle areas: a naive running
 * sum loses up to `n` half-ulps of the total (about 5e-10 relative over the 10^7 triangles of
 * a 512^3 volume), where NumPy's pairwise `sum` (what scikit-image's `mesh_surface_area`
 * uses) stays near 1e-15. `state` is `[sum, compensation]`; the total is their sum.
 *
 * @internal
 */
export function addCompensated(state: Float64Array, x: number): void {
  const s = state[0]!;
  const t = s + x;
  state[1]! += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  state[0] = t;
}

/** The total of a {@link addCompensated} state. @internal */
export function compensatedTotal(state: Float64Array): number {
  return state[0]! + state[1]!;
}
