import { CATHODE_SCHEME } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  distanceTransformEdt,
  instanceSegmentation,
  label,
  peakLocalMax,
  peaksToMarkers,
  regionProps,
  watershed,
} from '../src/index.js';

// One volume past 2^27 voxels (V8 fails on JavaScript arrays near 2^27 elements, and
// `TypedArray.from(source, mapFn)` lists its source in one) through every step that allocates
// per voxel, each run once, with answers known by construction. 513 x 512 x 512 voxels =
// 134,479,872 > 2^27 = 134,217,728. A lattice of 8^3 cells of 64^3 voxels (plane 512 empty) in
// an SSE matrix (code 1): cells with an even coordinate sum hold two NMC balls (code 2, radius
// 13) whose centres lie 24 voxels apart along x (they overlap: one component, two particles);
// the others one graphite ball (code 3, radius 20) at the cell centre. Expected: 512 NMC
// particles, 256 graphite, one SSE object. The first test runs the split path of
// instanceSegmentation (float32 squared distances, listed markers, reused buffers) and peaks
// at 1.7 GB (process maximum RSS, measured); the second, on float64 maps, at about 3 GB: run
// locally as `flock /tmp/bigmem.lock npx vitest run test/volume-scale.test.ts`. Not timed: about 40 s of
// CPU, minutes of wall clock on a loaded machine (hence the long timeouts).
const [P, R, C] = [513, 512, 512];
const CELL = 64;
const CELLS = 8;
const NMC_R = 13;
const NMC_DX = 12;
const GRAPHITE_R = 20;

interface Ball {
  z: number;
  y: number;
  x: number;
  r: number;
}

function lattice() {
  const phases = new Uint8Array(P * R * C).fill(1);
  const graphite: Ball[] = [];
  const pairs: [Ball, Ball][] = [];
  const paint = (b: Ball, code: number) => {
    for (let dz = -b.r; dz <= b.r; dz++) {
      for (let dy = -b.r; dy <= b.r; dy++) {
        for (let dx = -b.r; dx <= b.r; dx++) {
          if (dz * dz + dy * dy + dx * dx <= b.r * b.r) {
            phases[((b.z + dz) * R + b.y + dy) * C + b.x + dx] = code;
          }
        }
      }
    }
  };
  for (let i = 0; i < CELLS; i++) {
    for (let j = 0; j < CELLS; j++) {
      for (let k = 0; k < CELLS; k++) {
        const [z, y, x] = [i * CELL + 32, j * CELL + 32, k * CELL + 32];
        if ((i + j + k) % 2 === 0) {
          const pair: [Ball, Ball] = [
            { z, y, x: x - NMC_DX, r: NMC_R },
            { z, y, x: x + NMC_DX, r: NMC_R },
          ];
          for (const b of pair) paint(b, 2);
          pairs.push(pair);
        } else {
          const b = { z, y, x, r: GRAPHITE_R };
          paint(b, 3);
          graphite.push(b);
        }
      }
    }
  }
  return { phases, graphite, pairs };
}

/** Voxels of a digitised ball of radius r (integer centre), by brute force. */
function ballVoxels(r: number): number {
  let n = 0;
  for (let dz = -r; dz <= r; dz++)
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++) n += +(dz * dz + dy * dy + dx * dx <= r * r);
  return n;
}

const at = (b: { z: number; y: number; x: number }) => (b.z * R + b.y) * C + b.x;

describe(`a ${P}x${R}x${C} volume (> 2^27 voxels), every per-voxel step once`, () => {
  const { phases, graphite, pairs } = lattice();
  const map = ndarray(phases, [P, R, C]);
  const graphiteVoxels = ballVoxels(GRAPHITE_R);

  it('instanceSegmentation (distance map, label, peaks, watershed, refinement) and regionProps', () => {
    expect(P * R * C).toBeGreaterThan(2 ** 27);
    const out = instanceSegmentation(map, { scheme: CATHODE_SCHEME });
    expect(out.countByPhase).toEqual({ sse: 1, nmc: 2 * pairs.length, graphite: graphite.length });
    expect(pairs.length).toBe(256);
    const labels = out.labels.data;
    // each pair: two particles, one at each centre, that share the pair's voxels between them
    const pairVoxels = 2 * ballVoxels(NMC_R) - lensVoxels();
    const props = regionProps(out.labels, { convex: false });
    const area = new Map(props.map((p) => [p.label, p.area]));
    for (const [a, b] of pairs) {
      const la = labels[at(a)]!;
      const lb = labels[at(b)]!;
      expect(out.phaseOfLabel[la]).toBe(2);
      expect(out.phaseOfLabel[lb]).toBe(2);
      expect(la).not.toBe(lb);
      expect(area.get(la)! + area.get(lb)!).toBe(pairVoxels);
      expect(Math.min(area.get(la)!, area.get(lb)!)).toBeGreaterThan(0.45 * pairVoxels);
    }
    // each graphite ball is one object of exactly its voxels, centred on the ball
    for (const b of graphite) {
      const l = labels[at(b)]!;
      expect(out.phaseOfLabel[l]).toBe(3);
      const p = props[l - 1]!;
      expect(p.label).toBe(l);
      expect(p.area).toBe(graphiteVoxels);
      expect(p.centroid).toEqual([b.z, b.y, b.x]);
      expect(p.bbox).toEqual([b.z - 20, b.y - 20, b.x - 20, b.z + 21, b.y + 21, b.x + 21]);
    }
    // the SSE matrix: everything else
    expect(area.get(1)).toBe(
      P * R * C - pairs.length * pairVoxels - graphite.length * graphiteVoxels,
    );
  }, 900_000);

  it('distanceTransformEdt, label, peakLocalMax, peaksToMarkers and watershed (graphite mask)', () => {
    const maskData = new Uint8Array(phases.length);
    for (let i = 0; i < phases.length; i++) maskData[i] = phases[i] === 3 ? 1 : 0;
    const mask = ndarray(maskData, [P, R, C]);
    const components = label(mask);
    expect(components.count).toBe(graphite.length);
    let edt: ReturnType<typeof distanceTransformEdt> | undefined = distanceTransformEdt(mask);
    // the nearest voxel outside a digitised ball of radius 20 is sqrt(401) from its centre
    // (401 = 20^2 + 1^2 is the smallest sum of three squares above 400)
    for (const b of graphite) expect(edt.get(b.z, b.y, b.x)).toBe(Math.sqrt(401));
    const peaks = peakLocalMax(edt, { minDistance: 5, labels: components.labels });
    expect(peaks).toEqual(graphite.map((b) => [b.z, b.y, b.x]));
    const relief = new Float64Array(phases.length);
    for (let i = 0; i < relief.length; i++) relief[i] = -edt.data[i]!;
    edt = undefined;
    const flooded = watershed(ndarray(relief, [P, R, C]), peaksToMarkers(peaks, [P, R, C]), {
      mask,
    }).data;
    // marker k + 1 sits at ball k's centre and floods exactly its ball: the components again
    for (let i = 0; i < flooded.length; i++) {
      if (flooded[i] !== components.labels.data[i]) {
        expect.fail(`voxel ${i}: watershed ${flooded[i]}, component ${components.labels.data[i]}`);
      }
    }
  }, 900_000);
});

/** Voxels in both balls of a pair (centres 2 NMC_DX apart along x), by brute force. */
function lensVoxels(): number {
  let n = 0;
  for (let dz = -NMC_R; dz <= NMC_R; dz++)
    for (let dy = -NMC_R; dy <= NMC_R; dy++)
      for (let dx = -NMC_R; dx <= NMC_R; dx++) {
        const inA = dz * dz + dy * dy + dx * dx <= NMC_R * NMC_R;
        const bx = dx - 2 * NMC_DX;
        if (inA && dz * dz + dy * dy + bx * bx <= NMC_R * NMC_R) n++;
      }
  return n;
}
