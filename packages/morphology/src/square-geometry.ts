/**
 * Length of the marching-squares segments of each binary configuration of one square
 * (bit k = corner `dy * 2 + dx` inside) of a 0/1 indicator at level 0.5, with pixel size
 * `[sy, sx]`: what scikit-image's `find_contours(indicator, 0.5)` draws in that square
 * (segments join edge midpoints; both resolutions of a saddle have the same length).
 *
 * @internal
 */
export function binarySquareLengths(sy: number, sx: number): Float64Array {
  // edges: corners (0,1) at y = 0, (2,3) at y = 1, (0,2) at x = 0, (1,3) at x = 1
  const edges: [number, number, number, number][] = [
    [0, 1, 0, 0.5],
    [2, 3, 1, 0.5],
    [0, 2, 0.5, 0],
    [1, 3, 0.5, 1],
  ];
  const seg = (a: number[], b: number[]) => Math.hypot((a[0]! - b[0]!) * sy, (a[1]! - b[1]!) * sx);
  const out = new Float64Array(16);
  for (let c = 0; c < 16; c++) {
    const cut = edges
      .filter(([a, b]) => ((c >> a) & 1) !== ((c >> b) & 1))
      .map(([, , y, x]) => [y, x]);
    if (cut.length === 2) out[c] = seg(cut[0]!, cut[1]!);
    else if (cut.length === 4) out[c] = seg(cut[0]!, cut[2]!) + seg(cut[1]!, cut[3]!);
  }
  return out;
}
