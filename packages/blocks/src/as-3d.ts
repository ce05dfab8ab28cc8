/**
 * A 2D shape or coordinate as 3D (`[rows, cols]` -> `[1, rows, cols]`, a coordinate
 * `[y, x]` -> `[pad, y, x]`); 3D as is. 2D volumes are one plane of the 3D code.
 */
export function as3d(v: readonly number[], pad = 1): [number, number, number] {
  return (v.length === 3 ? [v[0], v[1], v[2]] : [pad, v[0], v[1]]) as [number, number, number];
}
