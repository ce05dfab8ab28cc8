import { assertNumber } from '@mgraph/core';

/**
 * Particle radius (voxels) the default halo of the block-wise particle splitting is made
 * for: 12, `generateComposite`'s default `nmcRadius` (`@mgraph/phantom`).
 */
export const DEFAULT_PARTICLE_RADIUS = 12;

/**
 * Halo of the block-wise particle splitting for particles of radius up to `particleRadius`
 * and watershed markers `minDistance` apart: `ceil(2 particleRadius + minDistance)`.
 *
 * Why: a voxel's Euclidean distance to the nearest non-particle voxel is at most the radius
 * of its particle, so the distance map of a block is exact up to `particleRadius` inside the
 * outer box's boundary; the marker of a particle cut by a block face lies up to one radius
 * beyond the face, and the `peak_local_max` window reaches `minDistance` further; the
 * flooding of that particle then reaches back across the face. Twice the radius plus the
 * window is where both blocks that share a face see the same particle, its centre and its
 * maxima window whole (PoreSpy's parallel SNOW uses a comparable halo of twice the largest
 * particle radius).
 *
 * @param minDistance - `minDistance` of the markers, voxels (default 5, `splitTouching`'s)
 * @param particleRadius - largest particle radius that matters, voxels (default
 *   {@link DEFAULT_PARTICLE_RADIUS})
 * @returns the halo in voxels, one number for every axis
 * @throws InvalidArgumentError for a negative or non-finite `minDistance` or `particleRadius`
 *
 * @remarks
 * References: Gostick et al., "PoreSpy: a Python toolkit for quantitative analysis of porous
 * media images", JOSS 4 (2019) 1296 (`snow_partitioning_parallel`: overlap of twice the
 * largest inscribed radius); Pape et al., elf (`blockwise watershed`, halo = object scale).
 */
export function segmentHalo(minDistance = 5, particleRadius = DEFAULT_PARTICLE_RADIUS): number {
  assertNumber('segmentHalo', 'minDistance', minDistance, { min: 0 });
  assertNumber('segmentHalo', 'particleRadius', particleRadius, { min: 0 });
  return Math.ceil(2 * particleRadius + minDistance);
}
