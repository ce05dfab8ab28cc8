import type { LabelImage, PhaseMap } from '@mgraph/core';
import { encodePng } from '@mgraph/io';
import ndarray from 'ndarray';

/** Colours of phase codes 0, 1, 2, ... (then repeated). */
export const PHASE_COLORS: readonly (readonly [number, number, number])[] = [
  [40, 40, 48],
  [242, 142, 43],
  [78, 121, 167],
  [89, 161, 79],
  [225, 87, 89],
  [176, 122, 161],
  [237, 201, 72],
  [118, 183, 178],
];

/** Colour of TPB voxels in the overlays. */
export const TPB_COLOR: readonly [number, number, number] = [255, 0, 255];

/** Colour of active TPB voxels in the overlays. */
export const ACTIVE_TPB_COLOR: readonly [number, number, number] = [255, 255, 0];

/** One orthogonal plane of the volume through its centre. */
export interface SlicePlane {
  /** `'xy'` (a plane of constant z), `'xz'` (constant y) or `'yz'` (constant x). */
  name: 'xy' | 'xz' | 'yz';
  /** Index of the plane along its normal axis. */
  index: number;
  /** Rows and columns of the plane's image. */
  height: number;
  width: number;
  /** Voxel size along the image's rows and columns (for the aspect ratio). */
  rowSpacing: number;
  colSpacing: number;
}

/** The three layers of one plane as PNG data URIs. */
export interface SliceFigure {
  plane: SlicePlane;
  /** Phase colours. */
  phases: string;
  /** Instances: one colour per label, boundaries dark, unlabelled voxels in their phase colour dimmed. */
  instances: string;
  /** Phases dimmed, TPB voxels in magenta, active TPB voxels in yellow. */
  tpb: string;
}

/** The central xy, xz and yz planes of a `(z, y, x)` shape. */
export function centralPlanes(shape: readonly number[], spacing: readonly number[]): SlicePlane[] {
  const [nz, ny, nx] = shape as [number, number, number];
  const [dz, dy, dx] = spacing as [number, number, number];
  return [
    { name: 'xy', index: nz >> 1, height: ny, width: nx, rowSpacing: dy, colSpacing: dx },
    { name: 'xz', index: ny >> 1, height: nz, width: nx, rowSpacing: dz, colSpacing: dx },
    { name: 'yz', index: nx >> 1, height: nz, width: ny, rowSpacing: dz, colSpacing: dy },
  ];
}

/** Flat index in a row-major `(z, y, x)` volume of pixel `(r, c)` of a plane. */
function voxelIndex(plane: SlicePlane, shape: readonly number[], r: number, c: number): number {
  const [, ny, nx] = shape as [number, number, number];
  if (plane.name === 'xy') return (plane.index * ny + r) * nx + c;
  if (plane.name === 'xz') return (r * ny + plane.index) * nx + c;
  return (r * ny + c) * nx + plane.index;
}

/** A stable, well-spread colour for a label. */
function labelColor(label: number): [number, number, number] {
  const h = ((label * 0.618033988749895) % 1) * 6;
  const i = Math.floor(h);
  const f = h - i;
  const [v, p, q, t] = [230, 70, Math.round(230 - 160 * f), Math.round(70 + 160 * f)];
  return (
    [
      [v, t, p],
      [q, v, p],
      [p, v, t],
      [p, q, v],
      [t, p, v],
      [v, p, q],
    ] as const
  )[i % 6]!.slice() as [number, number, number];
}

const dim = (c: readonly number[]) => c.map((v) => Math.round(v * 0.45)) as number[];

/**
 * Render the three central orthogonal planes of a volume as PNG layers: phases, instances
 * and the TPB voxels given.
 *
 * @param phases - 3D phase map
 * @param labels - instance labels of the same shape
 * @param tpb - 0 / 1 (TPB) / 2 (active TPB) per voxel, row-major, or null (no TPB)
 * @param spacing - voxel size `[dz, dy, dx]`
 * @returns one {@link SliceFigure} per plane (xy, xz, yz)
 */
export function sliceFigures(
  phases: PhaseMap,
  labels: LabelImage,
  tpb: Uint8Array | null,
  spacing: readonly number[],
): SliceFigure[] {
  const shape = phases.shape;
  const p = phases.data as Uint8Array;
  const l = labels.data as Int32Array;
  return centralPlanes(shape, spacing).map((plane) => {
    const n = plane.width * plane.height;
    const layers = [new Uint8Array(n * 3), new Uint8Array(n * 3), new Uint8Array(n * 3)] as const;
    const at = (r: number, c: number) => voxelIndex(plane, shape, r, c);
    for (let r = 0; r < plane.height; r++)
      for (let c = 0; c < plane.width; c++) {
        const v = at(r, c);
        const phase = PHASE_COLORS[p[v]! % PHASE_COLORS.length]!;
        const o = (r * plane.width + c) * 3;
        layers[0].set(phase, o);
        const label = l[v]!;
        const edge =
          label !== 0 &&
          ((r > 0 && l[at(r - 1, c)] !== label) ||
            (c > 0 && l[at(r, c - 1)] !== label) ||
            (r + 1 < plane.height && l[at(r + 1, c)] !== label) ||
            (c + 1 < plane.width && l[at(r, c + 1)] !== label));
        layers[1].set(label === 0 ? dim(phase) : edge ? [20, 20, 20] : labelColor(label), o);
        const t = tpb?.[v] ?? 0;
        layers[2].set(t === 2 ? ACTIVE_TPB_COLOR : t === 1 ? TPB_COLOR : dim(phase), o);
      }
    const uri = (rgb: Uint8Array) =>
      `data:image/png;base64,${Buffer.from(encodePng(ndarray(rgb, [plane.height, plane.width, 3]))).toString('base64')}`;
    return { plane, phases: uri(layers[0]), instances: uri(layers[1]), tpb: uri(layers[2]) };
  });
}
