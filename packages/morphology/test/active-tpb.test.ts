// Active TPB and per-particle TPB length against brute-force oracles (BFS components, every
// voxel edge looked at), on the seeded fixture volumes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definePhaseScheme, LI_ION_ELECTRODE_SCHEME } from '@mgraph/core';
import {
  buildGraph,
  graphFromGEXF,
  graphFromGraphML,
  graphFromJSON,
  graphToGEXF,
  graphToGraphML,
  graphToJSON,
} from '@mgraph/graph';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { type BoundaryReach, particleTpbLength, triplePhaseBoundaryDensity } from '../src/index.js';
import { edgeList } from './edge-list.js';
import { bruteTpb, floodComponents, forEachVoxelEdge, reachTest } from './oracle.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (name: string, shape: number[]) =>
  ndarray(new Uint8Array(readFileSync(join(dir, `${name}.u8`))), shape);
const CASES = [
  { name: 'blobs-3d', shape: [24, 22, 20] },
  { name: 'random-3d', shape: [14, 17, 19] },
  { name: 'blobs-2d', shape: [60, 50] },
  { name: 'random-2d', shape: [33, 41] },
];
const scheme = LI_ION_ELECTRODE_SCHEME; // pore, am, cbd; tpb am, pore, cbd

const REACHES: Record<string, BoundaryReach>[] = [
  {}, // defaults: am anywhere, pore low face of axis 0, cbd high face of axis 0
  { am: 'any-face', pore: 'either-face-of-axis-1', cbd: 'both-faces-of-axis-0' },
  { am: 'low-face-of-axis-1', pore: 'anywhere', cbd: 'high-face-of-axis-1' },
  { am: 'anywhere', pore: 'any-face', cbd: 'anywhere' },
];

describe.each(CASES)('active TPB of $name against a brute-force oracle', ({ name, shape }) => {
  const map = load(name, shape);
  const tpb = scheme.tpb!.map((p) => scheme.phases.indexOf(p));
  const counts: number[] = [];
  let all = 0;
  it.each(REACHES)('reach %o', (given) => {
    const r = triplePhaseBoundaryDensity(map, scheme, { reach: given });
    const reach = r.active!.reach;
    const tests = scheme.tpb!.map((p) => reachTest(reach[p]!, shape.length));
    const oracle = bruteTpb(map.data, shape, tpb, tests);
    expect(r.edges.axes.map(edgeList)).toEqual(oracle.all);
    expect(r.active!.edges.axes.map(edgeList)).toEqual(oracle.active);
    expect(r.active!.count).toBe(oracle.active.flat().length);
    counts.push(r.active!.count);
    all = r.count;
  });
  it('the reaches give some active edges and not always all of them', () => {
    expect(Math.max(...counts)).toBeGreaterThan(0);
    expect(Math.min(...counts)).toBeLessThan(all);
  });
});

describe.each(CASES)('particleTpbLength of $name', ({ name, shape }) => {
  const map = load(name, shape);
  // instances: every face-connected component of every phase is a particle (label id + 1)
  const { id } = floodComponents(map.data, shape);
  const labels = ndarray(
    Int32Array.from(id, (v) => v + 1),
    shape,
  );
  const graph = buildGraph(labels, { scheme, phases: map, window: 3 });
  const spacing = shape.length === 3 ? [0.5, 0.4, 0.3] : [0.5, 0.4];
  const before = JSON.stringify(graph.export());

  it('gives each TPB edge in full to each distinct particle among its voxels', () => {
    const out = particleTpbLength(graph, map, labels, { spacing, unit: 'um' });
    expect(JSON.stringify(graph.export())).toBe(before);
    expect(out).not.toBe(graph);
    const r = triplePhaseBoundaryDensity(map, scheme, { spacing });
    const tpb = scheme.tpb!.map((p) => scheme.phases.indexOf(p));
    const total = new Map<number, number>();
    const active = new Map<number, number>();
    const activeBits = r.active!.edges.axes;
    const len = shape.length === 3 ? spacing : [1];
    forEachVoxelEdge(shape, (axis, i, vox) => {
      if (!tpb.every((c) => vox.some((v) => map.data[v] === c))) return;
      const isActive = ((activeBits[axis]![i >> 3]! >> (i & 7)) & 1) === 1;
      for (const l of new Set(vox.map((v) => labels.data[v]!))) {
        total.set(l, (total.get(l) ?? 0) + len[axis]!);
        if (isActive) active.set(l, (active.get(l) ?? 0) + len[axis]!);
      }
    });
    const [t, a] =
      shape.length === 3 ? ['tpbLength', 'activeTpbLength'] : ['tpbPoints', 'activeTpbPoints'];
    let withTpb = 0;
    out.forEachNode((key, attr) => {
      const got = attr as unknown as Record<string, number>;
      const l = Number(key);
      const wantT = total.get(l) ?? 0;
      const wantA = active.get(l) ?? 0;
      expect(Math.abs(got[t]! - wantT)).toBeLessThanOrEqual(1e-12 * Math.max(1, wantT));
      expect(Math.abs(got[a]! - wantA)).toBeLessThanOrEqual(1e-12 * Math.max(1, wantA));
      if ((total.get(l) ?? 0) > 0) withTpb++;
    });
    expect(withTpb).toBeGreaterThan(2);
    expect(out.getAttribute('tpb_unit' as 'scheme')).toBe('um');
    // sum over the particles of one phase >= the total TPB (equal without shared edges)
    for (const phase of scheme.tpb!) {
      let sum = 0;
      out.forEachNode((_, attr) => {
        if (attr.phase === phase) sum += (attr as unknown as Record<string, number>)[t]!;
      });
      const whole = shape.length === 3 ? r.length! : r.count;
      expect(sum).toBeGreaterThanOrEqual(whole - 1e-9);
    }
  });

  it('writes TPB lengths and its tags so that JSON, GraphML and GEXF read them back', () => {
    const out = particleTpbLength(graph, map, labels, { spacing, unit: 'um' });
    const t = shape.length === 3 ? 'tpbLength' : 'tpbPoints';
    const tags = Object.fromEntries(
      Object.entries(out.getAttributes()).filter(([k]) => k.startsWith('tpb_')),
    );
    expect(tags.tpb_unit).toBe('um');
    expect(Object.keys(tags).sort()).toEqual(
      ['tpb_unit', ...scheme.tpb!.map((p) => `tpb_reach_${p}`)].sort(),
    );
    for (const back of [
      graphFromJSON(graphToJSON(out)),
      graphFromGraphML(graphToGraphML(out)),
      graphFromGEXF(graphToGEXF(out)),
    ]) {
      for (const [k, v] of Object.entries(tags)) expect(back.getAttribute(k as never)).toBe(v);
      out.forEachNode((key, attr) =>
        expect(back.getNodeAttribute(key, t as never)).toBe((attr as never)[t]),
      );
    }
  });
});

it('a scheme with four phases: the fourth phase fills the remaining voxel', () => {
  const four = definePhaseScheme({
    name: 'four',
    phases: ['w', 'a', 'b', 'c'],
    tpb: ['a', 'b', 'c'],
  });
  // a 2x2 block holding a, b, c, w around one point
  const map = ndarray(Uint8Array.from([1, 2, 3, 0]), [2, 2]);
  expect(triplePhaseBoundaryDensity(map, four).count).toBe(1);
  const noC = ndarray(Uint8Array.from([1, 2, 0, 0]), [2, 2]);
  expect(triplePhaseBoundaryDensity(noC, four).count).toBe(0);
});
