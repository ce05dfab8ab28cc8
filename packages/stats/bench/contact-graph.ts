import { CATHODE_SCHEME, createRng } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';

/** Shape of a seeded random contact graph standing in for DESIGN.md's benchmark inputs. */
export interface ContactGraphSpec {
  /** Number of objects (nodes). */
  count: number;
  /** Box side in pixels / voxels. */
  side: number;
  /** 2 (discs) or 3 (spheres). */
  ndim: 2 | 3;
  /** Radius range in pixels. */
  radius: [number, number];
  /** Dilation reach (Chebyshev radius 3 for the paper's 7x7 square). */
  reach: number;
  seed: number;
}

const PHASES = ['sse', 'nmc', 'graphite'] as const;

/**
 * Random geometric contact graph: `count` discs / spheres with uniform centres and radii; two
 * objects touch when their centres are closer than `r1 + r2 + reach` (one dilated by the 7x7
 * square overlaps the other), with the depth of the overlap, in pixels, as the contact weight.
 * Phases are drawn 40% NMC, 40% SSE, 20% graphite. Cell lists keep construction linear.
 */
export function contactGraph(spec: ContactGraphSpec): UndirectedGraph {
  const rng = createRng(spec.seed);
  const { count, side, ndim, radius, reach } = spec;
  const centres = new Float64Array(count * ndim);
  const radii = new Float64Array(count);
  const g = new UndirectedGraph();
  g.setAttribute('scheme', CATHODE_SCHEME);
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < ndim; d++) centres[i * ndim + d] = rng.uniform(0, side);
    radii[i] = rng.uniform(radius[0], radius[1]);
    const u = rng.random();
    g.addNode(String(i + 1), { label: i + 1, phase: PHASES[u < 0.4 ? 0 : u < 0.8 ? 1 : 2] });
  }
  const cell = 2 * radius[1] + reach;
  const cells = Math.ceil(side / cell);
  const buckets = new Map<number, number[]>();
  const key = (c: number[]) => c.reduce((k, v) => k * cells + v, 0);
  const cellOf = (i: number) =>
    Array.from({ length: ndim }, (_, d) =>
      Math.min(cells - 1, Math.floor(centres[i * ndim + d]! / cell)),
    );
  for (let i = 0; i < count; i++) {
    const k = key(cellOf(i));
    const list = buckets.get(k);
    if (list) list.push(i);
    else buckets.set(k, [i]);
  }
  const offsets: number[][] = [[]];
  for (let d = 0; d < ndim; d++) {
    const next: number[][] = [];
    for (const o of offsets) for (const s of [-1, 0, 1]) next.push([...o, s]);
    offsets.splice(0, offsets.length, ...next);
  }
  for (let i = 0; i < count; i++) {
    const c = cellOf(i);
    for (const o of offsets) {
      const n = c.map((v, d) => v + o[d]!);
      if (n.some((v) => v < 0 || v >= cells)) continue;
      for (const j of buckets.get(key(n)) ?? []) {
        if (j <= i) continue;
        let dist2 = 0;
        for (let d = 0; d < ndim; d++)
          dist2 += (centres[i * ndim + d]! - centres[j * ndim + d]!) ** 2;
        const gap = radii[i]! + radii[j]! + reach - Math.sqrt(dist2);
        if (gap > 0)
          g.addEdge(String(i + 1), String(j + 1), { weight: Math.max(1, Math.round(gap * 4)) });
      }
    }
  }
  return g;
}
