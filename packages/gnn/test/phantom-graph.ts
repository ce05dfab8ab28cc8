import { CATHODE_SCHEME } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';

/** Node features of the phantom tests: size, degrees and the neighbour count per cathode phase. */
export const STRUCTURE_FEATURES = [
  'logSize',
  'degree',
  'weightedDegree',
  'nmcNeighbors',
  'sseNeighbors',
  'graphiteNeighbors',
];

/**
 * Test helper (the real one is `buildGraph` of `@mgraph/graph`, not a dependency here): the
 * microstructure graph of a 2D instance map with the paper's rule. Objects a and b are in
 * contact when b has pixels inside the 7x7 dilation of a; the directed counts are those
 * pixels, `strength` their mean and `weight = strength / 3`. Node attributes: `label`,
 * `phase` (scheme name), `size` (pixels); graph attribute `scheme` (the cathode's).
 */
export function contactGraph(
  labels: { data: Int32Array; shape: number[] },
  phaseOfLabel: Uint8Array,
): UndirectedGraph {
  const [rows, cols] = labels.shape as [number, number];
  const lab = labels.data;
  const size = new Map<number, number>();
  for (const l of lab) if (l > 0) size.set(l, (size.get(l) ?? 0) + 1);
  const g = new UndirectedGraph();
  g.setAttribute('scheme', CATHODE_SCHEME);
  for (const l of [...size.keys()].sort((a, b) => a - b)) {
    g.addNode(String(l), {
      label: l,
      phase: CATHODE_SCHEME.phases[phaseOfLabel[l]!],
      size: size.get(l),
    });
  }
  // count[a][b]: pixels of b inside the dilation of a
  const count = new Map<string, number>();
  const seen = new Set<number>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const b = lab[r * cols + c]!;
      if (b === 0) continue;
      seen.clear();
      for (let dr = -3; dr <= 3; dr++) {
        for (let dc = -3; dc <= 3; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if (rr < 0 || cc < 0 || rr >= rows || cc >= cols) continue;
          const a = lab[rr * cols + cc]!;
          if (a === 0 || a === b || seen.has(a)) continue;
          seen.add(a);
          count.set(`${a},${b}`, (count.get(`${a},${b}`) ?? 0) + 1);
        }
      }
    }
  }
  for (const [k, ab] of count) {
    const [a, b] = k.split(',').map(Number) as [number, number];
    if (a > b) continue;
    const ba = count.get(`${b},${a}`) ?? 0;
    const strength = (ab + ba) / 2;
    g.addEdge(String(a), String(b), { weight: strength / 3, strength });
  }
  return g;
}
