import {
  assertDtype,
  assertNdim,
  flatData,
  InvalidArgumentError,
  type NdArray,
  type TypedArray,
} from '@mgraph/core';
import { addCompensated, compensatedTotal } from './compensated-sum.js';
import { triangleArea } from './cube-geometry.js';

/**
 * Surface area of a triangle mesh, as scikit-image's `mesh_surface_area(verts, faces)`:
 * half the norm of `(v0 - v1) x (v0 - v2)` summed over the faces.
 *
 * @param vertices - `[V, 3]` float32 / float64 coordinates (e.g. {@link marchingCubes}'s)
 * @param faces - `[F, 3]` integer vertex indices
 * @returns the area, in the square of the vertices' unit
 * @throws InvalidArgumentError for arrays of the wrong rank, width or dtype, or a face index
 *   outside `0..V-1`
 *
 * @remarks
 * References: scikit-image `skimage.measure.mesh_surface_area`.
 */
export function meshSurfaceArea(vertices: NdArray, faces: NdArray): number {
  const fn = 'meshSurfaceArea';
  assertNdim(fn, 'vertices', vertices, 2);
  assertNdim(fn, 'faces', faces, 2);
  assertDtype(fn, 'vertices', vertices, ['float32', 'float64']);
  assertDtype(fn, 'faces', faces, ['int32', 'uint32', 'int16', 'uint16', 'uint8']);
  if (vertices.shape[1] !== 3) {
    throw new InvalidArgumentError(fn, 'vertices', vertices, 'a [V, 3] array of coordinates');
  }
  if (faces.shape[1] !== 3) {
    throw new InvalidArgumentError(fn, 'faces', faces, 'a [F, 3] array of vertex indices');
  }
  const v = flatData(vertices as NdArray<TypedArray>) as ArrayLike<number>;
  const f = flatData(faces as NdArray<TypedArray>) as ArrayLike<number>;
  const nv = vertices.shape[0]!;
  const p: number[][] = [[], [], []];
  const area = new Float64Array(2);
  for (let t = 0; t < f.length; t += 3) {
    for (let j = 0; j < 3; j++) {
      const i = f[t + j]!;
      if (!(i >= 0 && i < nv)) {
        throw new InvalidArgumentError(
          fn,
          `faces[${t / 3}][${j}]`,
          i,
          `a vertex index in 0..${nv - 1}`,
        );
      }
      p[j] = [v[i * 3]!, v[i * 3 + 1]!, v[i * 3 + 2]!];
    }
    addCompensated(area, triangleArea(p[0]!, p[1]!, p[2]!));
  }
  return compensatedTotal(area);
}
