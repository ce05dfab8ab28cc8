/**
 * Default `convexityThreshold` of {@link splitTouching} and {@link instanceSegmentation}, by
 * number of dimensions: `2` is the paper's 0.95; `3` is 0.88, calibrated on 3D phantoms with
 * known instances (the README's "Convexity in 3D" and `examples/bench/convexity-3d.ts`).
 * Solidity is measured on voxels, and a digitised ball is less convex than a digitised disc,
 * so the paper's 2D threshold would send nearly every well-separated 3D particle through the
 * refinement; the 3D default lies below the solidity of single digitised particles and above
 * that of under-segmented pairs.
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (the 0.95 of the 2D refinement).
 */
export const DEFAULT_CONVEXITY_THRESHOLD: Readonly<{ 2: number; 3: number }> = Object.freeze({
  2: 0.95,
  3: 0.88,
});

/**
 * The default convexity threshold of an image of `ndim` dimensions (2 or 3).
 *
 * @internal
 */
export function defaultConvexityThreshold(ndim: number): number {
  return ndim === 3 ? DEFAULT_CONVEXITY_THRESHOLD[3] : DEFAULT_CONVEXITY_THRESHOLD[2];
}
