import {
  assertCallback,
  assertSignal,
  checkOptions,
  InvalidArgumentError,
  type NdArray,
  type OptionKeys,
  type ProgressCallback,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { marchCubes } from './march-cubes.js';
import { scalarVolume } from './scalar-volume.js';

/** Options of {@link marchingCubes}. */
export interface MarchingCubesOptions {
  /** Isosurface value. Default `(min + max) / 2` of the volume (in float32, as scikit-image). */
  level?: number;
  /** Voxel size per axis in array order `[dz, dy, dx]`. Default `[1, 1, 1]`. */
  spacing?: readonly number[];
  /** Length unit of `spacing`, echoed in the result. Default `'voxel'`. */
  unit?: string;
  /**
   * `'descent'` (default, scikit-image's): the object is brighter than the outside;
   * `'ascent'`: darker (every triangle's winding reversed).
   */
  gradientDirection?: 'descent' | 'ascent';
  /** Called after each plane of cubes with `(planesDone, planes)`. */
  onProgress?: ProgressCallback;
  /** Checked between planes; aborting throws core's `AbortError`. */
  signal?: AbortSignal;
}

const KEYS: OptionKeys<MarchingCubesOptions> = {
  level: true,
  spacing: true,
  unit: true,
  gradientDirection: true,
  onProgress: true,
  signal: true,
};

/** The mesh {@link marchingCubes} returns. */
export interface MarchingCubesMesh {
  /** `[V, 3]` vertex coordinates in `unit`, array axis order (z, y, x), float64. */
  vertices: NdArray<Float64Array>;
  /** `[F, 3]` vertex indices of each triangle. */
  faces: NdArray<Uint32Array>;
  /** The length unit of `vertices`. */
  unit: string;
}

/**
 * Triangle mesh of the isosurface of a 3D volume at `level`, as scikit-image's
 * `skimage.measure.marching_cubes(volume, level, spacing=spacing)` (method `'lewiner'`,
 * `allow_degenerate=True`): the same triangles with the same vertex coordinates (float32
 * before scaling by `spacing`), vertices shared between neighbouring cubes. Vertex and
 * face order may differ from scikit-image's; normals and values are not computed. The
 * volume is read plane pair by plane pair; only the mesh grows. For an area alone use
 * {@link marchingCubesArea}, which never builds the mesh.
 *
 * The triangulation of each cube configuration was derived by probing scikit-image with the
 * 256 binary configurations (`scripts/make-mesh-tiling.py`). It is exact wherever Lewiner's
 * choice does not depend on the values: every unambiguous configuration, and ambiguous
 * ones (cases 3, 4, 6, 7, 10, 12, 13) whose eight corners lie at the same distance from the
 * level, as in a 0/1 indicator at 0.5. An ambiguous cube with other values is refused.
 *
 * @param volume - 3D numeric ndarray, at least 2 voxels per axis, finite values
 * @param options - `level`, `spacing` (`[1, 1, 1]`), `unit` (`'voxel'`), `gradientDirection`
 *   (`'descent'`), `onProgress`, `signal`
 * @returns `{ vertices, faces, unit }` (empty arrays when the level crosses no cube)
 * @throws InvalidArgumentError for a volume that is not 3D / numeric / finite / 2x2x2, a
 *   level outside the data range, a bad spacing or unit, an ambiguous cube whose corners do
 *   not tie; AbortError when `signal` fires
 *
 * References: T. Lewiner, H. Lopes, A. W. Vieira, G. Tavares, "Efficient implementation of
 * Marching Cubes' cases with topological guarantees", Journal of Graphics Tools 8(2) (2003)
 * 1-15, doi:10.1080/10867651.2003.10487582; scikit-image `marching_cubes`.
 */
export function marchingCubes(volume: NdArray, options?: MarchingCubesOptions): MarchingCubesMesh {
  const fn = 'marchingCubes';
  const o = checkOptions(fn, options, KEYS);
  const vol = scalarVolume(fn, volume, o.level, o.spacing, o.unit);
  const direction = o.gradientDirection ?? 'descent';
  if (direction !== 'descent' && direction !== 'ascent') {
    throw new InvalidArgumentError(
      fn,
      'options.gradientDirection',
      direction,
      "'descent' or 'ascent'",
    );
  }
  assertCallback(fn, 'options.onProgress', o.onProgress);
  assertSignal(fn, 'options.signal', o.signal);
  // vertex index + 1 of each edge (slots 0-2: along z, y, x from a voxel; 3: the cube centre)
  // in the two planes of voxels the current cubes span, as scikit-image's face layers: the
  // memory of the vertex index does not grow with the volume
  const [, ny, nx] = vol.shape;
  const layerSize = ny * nx * 4;
  let lower = new Float64Array(layerSize);
  let upper = new Float64Array(layerSize);
  let lowerZ = 0;
  let verts = new Float64Array(3 * 1024);
  let faces = new Uint32Array(3 * 1024);
  let nv = 0;
  let nf = 0;
  const vertexOf = (slot: number, positions: Float64Array, ids: Float64Array): number => {
    const id = ids[slot]!;
    const lz = Math.floor(id / layerSize);
    if (lz > lowerZ + 2) {
      lower.fill(0);
      upper.fill(0);
      lowerZ = lz - 1;
    }
    while (lz > lowerZ + 1) {
      const t = lower;
      lower = upper;
      upper = t;
      upper.fill(0);
      lowerZ++;
    }
    const layer = lz === lowerZ ? lower : upper;
    const local = id - lz * layerSize;
    const known = layer[local]!;
    if (known !== 0) return known - 1;
    if ((nv + 1) * 3 > verts.length) verts = grow(verts);
    verts[nv * 3] = positions[slot * 3]!;
    verts[nv * 3 + 1] = positions[slot * 3 + 1]!;
    verts[nv * 3 + 2] = positions[slot * 3 + 2]!;
    layer[local] = nv + 1;
    return nv++;
  };
  marchCubes(
    fn,
    vol.data,
    vol.shape,
    vol.level,
    vol.spacing,
    (tri, positions, ids) => {
      for (let t = 0; t < tri.length; t += 3) {
        if ((nf + 1) * 3 > faces.length) faces = grow(faces);
        const a = vertexOf(tri[t]!, positions, ids);
        const b = vertexOf(tri[t + 1]!, positions, ids);
        const c = vertexOf(tri[t + 2]!, positions, ids);
        faces[nf * 3] = direction === 'descent' ? a : c;
        faces[nf * 3 + 1] = b;
        faces[nf * 3 + 2] = direction === 'descent' ? c : a;
        nf++;
      }
    },
    o.onProgress,
    o.signal,
  );
  return {
    vertices: ndarray(verts.slice(0, nv * 3), [nv, 3]),
    faces: ndarray(faces.slice(0, nf * 3), [nf, 3]),
    unit: vol.unit,
  };
}

function grow<T extends Float64Array | Uint32Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
