import { CATHODE_SCHEME, createRng, LI_ION_ELECTRODE_SCHEME, type PhaseScheme } from '@mgraph/core';
import { touchingDiscs } from './composites.js';

/** Balls of radius rMin..rMax at seeded random centres, painted with `code` (in place). */
export function paintBalls(
  phases: Uint8Array,
  shape: readonly number[],
  seed: number,
  code: number,
  count: number,
  rMin: number,
  rMax: number,
): void {
  const [np, nr, nc] = shape as [number, number, number];
  const rng = createRng(seed);
  for (let k = 0; k < count; k++) {
    const r = Math.round(rng.uniform(rMin, rMax));
    const [z, y, x] = [rng.integer(0, np), rng.integer(0, nr), rng.integer(0, nc)];
    for (let dz = -r; dz <= r; dz++) {
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const [a, b, c] = [z + dz, y + dy, x + dx];
          if (a < 0 || b < 0 || c < 0 || a >= np || b >= nr || c >= nc) continue;
          if (dz * dz + dy * dy + dx * dx <= r * r) phases[(a * nr + b) * nc + c] = code;
        }
      }
    }
  }
}

/** A splitTouching case: a 0/1 mask and the options it runs with. */
export interface SplitCase {
  name: string;
  shape: number[];
  mask: Uint8Array;
  options: Record<string, unknown>;
}

/** An instanceSegmentation case: a phase map, its scheme and options. */
export interface InstanceCase {
  name: string;
  shape: number[];
  phases: Uint8Array;
  scheme: PhaseScheme;
  options: Record<string, unknown>;
}

function balls3d(n: number, seed: number, count: number): Uint8Array {
  const mask = new Uint8Array(n * n * n);
  paintBalls(mask, [n, n, n], seed, 1, count, 4, 9);
  return mask;
}

/**
 * Isolated pixels at every even (row, col) of a 560 x 560 image (73,600 one-pixel objects,
 * each its own marker: more labels than a Uint16 flood state holds beside the value ids)
 * and two overlapping discs of radius 30 in the middle, centres 60 apart (cleared of the
 * dots first): 73,602 objects.
 */
export function manyMarkers(): Uint8Array {
  const n = 560;
  const mask = new Uint8Array(n * n);
  for (let y = 0; y < n; y += 2) for (let x = 0; x < n; x += 2) mask[y * n + x] = 1;
  for (let y = 200; y < 320; y++) {
    for (let x = 180; x < 340; x++) {
      const inside = Math.hypot(y - 260, x - 230) <= 30 || Math.hypot(y - 260, x - 290) <= 30;
      mask[y * n + x] = inside ? 1 : 0;
    }
  }
  return mask;
}

/** The splitTouching cases of `test/fixtures/split-reference.json`. */
export function splitCases(): SplitCase[] {
  const discs = touchingDiscs(3, 30, 200).truth;
  const disc = new Uint8Array(discs.length);
  for (let i = 0; i < disc.length; i++) disc[i] = discs[i] !== 0 ? 1 : 0;
  return [
    { name: '2D touching discs', shape: [200, 200], mask: disc, options: {} },
    {
      name: '2D touching discs, connectivity 2, minDistance 3',
      shape: [200, 200],
      mask: disc,
      options: { connectivity: 2, minDistance: 3 },
    },
    { name: '3D balls 64^3', shape: [64, 64, 64], mask: balls3d(64, 5, 90), options: {} },
    {
      name: '3D balls 64^3, threshold 0.95, connectivity 3',
      shape: [64, 64, 64],
      mask: balls3d(64, 6, 90),
      options: { convexityThreshold: 0.95, connectivity: 3 },
    },
    {
      name: '3D balls 48^3, single pass',
      shape: [48, 48, 48],
      mask: balls3d(48, 7, 60),
      options: { maxIterations: 0 },
    },
  ];
}

/** The instanceSegmentation cases of `test/fixtures/split-reference.json`. */
export function instanceCases(): InstanceCase[] {
  const n = 64;
  const cathode = new Uint8Array(n * n * n).fill(1);
  paintBalls(cathode, [n, n, n], 11, 2, 70, 4, 9);
  paintBalls(cathode, [n, n, n], 12, 3, 60, 2, 5);
  paintBalls(cathode, [n, n, n], 13, 0, 40, 2, 4);
  const electrode = new Uint8Array(n * n * n);
  paintBalls(electrode, [n, n, n], 14, 1, 80, 4, 8);
  paintBalls(electrode, [n, n, n], 15, 2, 80, 2, 4);
  return [
    {
      name: '3D cathode (sse, nmc split, graphite)',
      shape: [n, n, n],
      phases: cathode,
      scheme: CATHODE_SCHEME,
      options: {},
    },
    {
      name: '3D electrode (pores and cbd split too, minSize 5)',
      shape: [n, n, n],
      phases: electrode,
      scheme: LI_ION_ELECTRODE_SCHEME,
      options: { split: ['pore', 'am'], minSize: 5 },
    },
  ];
}

/** Run-length code of a label array: `[value, run, value, run, ...]`. */
export function runLengths(labels: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length; ) {
    let j = i + 1;
    while (j < labels.length && labels[j] === labels[i]) j++;
    out.push(labels[i]!, j - i);
    i = j;
  }
  return out;
}
