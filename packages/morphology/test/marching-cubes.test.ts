import { readFileSync } from 'node:fs';
import { definePhaseScheme, InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  marchingCubes,
  marchingCubesArea,
  marchingCubesAreas,
  meshSurfaceArea,
} from '../src/index.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const CONFIGS = fixture('mesh-configurations.json') as { spacing: number[]; areas: number[] };
interface AreaRef {
  phases: number[];
  pairs: { a: number; b: number; area: number }[];
}
interface AreaCase extends AreaRef {
  shape: number[];
  spacing: number[];
  map: number[];
}
const AREAS = fixture('mesh-areas.json') as {
  cases: AreaCase[];
  smooth: {
    shape: number[];
    spacing: number[];
    values: number[];
    level0: number;
    level2: number;
    defaultLevel: number;
    signedVolume0: number;
  };
  matbox: { shape: number[]; file: string; runs: (AreaRef & { spacing: number[] })[] };
};
const SCHEME3 = definePhaseScheme({ name: 'three', phases: ['a', 'b', 'c'] });
const SCHEME2 = definePhaseScheme({ name: 'two', phases: ['out', 'in'] });

/** |a - b| <= 1e-9 relative (absolute below 1). */
function expectClose(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

function expectAreas(r: ReturnType<typeof marchingCubesAreas>, ref: AreaRef): void {
  expect(r.phases.length).toBe(ref.phases.length);
  for (const [i, p] of r.phases.entries()) expectClose(p.area, ref.phases[i]!);
  expect(r.pairs.length).toBe(ref.pairs.length);
  for (const [i, p] of r.pairs.entries()) expectClose(p.area, ref.pairs[i]!.area);
}

function cube(config: number): ndarray.NdArray<Float64Array> {
  const data = new Float64Array(8);
  for (let k = 0; k < 8; k++) data[k] = (config >> k) & 1;
  return ndarray(data, [2, 2, 2]);
}

describe('marching cubes: every binary cube configuration', () => {
  it('gives the area scikit-image gives each of the 256 configurations (anisotropic)', () => {
    expect(CONFIGS.areas.filter((a) => a > 0).length).toBe(254);
    for (let c = 0; c < 256; c++) {
      const vol = cube(c);
      const { spacing } = CONFIGS;
      if (c > 0 && c < 255) {
        const mesh = marchingCubes(vol, { level: 0.5, spacing });
        expectClose(meshSurfaceArea(mesh.vertices, mesh.faces), CONFIGS.areas[c]!);
        expectClose(marchingCubesArea(vol, { spacing }).area, CONFIGS.areas[c]!);
      }
      // the phase-map path tabulates the same configurations
      const codes = ndarray(Uint8Array.from(vol.data), [2, 2, 2]);
      const r = marchingCubesAreas(codes, SCHEME2, { spacing });
      expectClose(r.phases[1]!.area, CONFIGS.areas[c]!);
    }
  });
});

describe('marchingCubesAreas: random three-phase maps, a ball, the MATBOX crop', () => {
  it('matches scikit-image per phase and per pair (2D: find_contours lengths)', () => {
    expect(AREAS.cases.length).toBe(7);
    for (const k of AREAS.cases) {
      const map = ndarray(Uint8Array.from(k.map), k.shape);
      const scheme = k.phases.length === 2 ? SCHEME2 : SCHEME3;
      const r = marchingCubesAreas(map, scheme, { spacing: k.spacing, unit: 'um' });
      expect(r.unit).toBe('um');
      expectAreas(r, k);
      const volume = k.shape.reduce((a, b) => a * b, 1) * k.spacing.reduce((a, b) => a * b, 1);
      expectClose(r.totalVolume, volume);
      expectClose(r.phases[0]!.specificArea, r.phases[0]!.area / volume);
      if (k.shape.length === 3) {
        // the general (float) path agrees on each indicator
        for (let p = 0; p < k.phases.length; p++) {
          const ind = ndarray(
            Float32Array.from(k.map, (v) => (v === p ? 1 : 0)),
            k.shape,
          );
          expectClose(marchingCubesArea(ind, { spacing: k.spacing }).area, k.phases[p]!);
        }
      }
    }
  });

  it('matches scikit-image on a 40^3 crop of the MATBOX NMC volume (0.398 um and anisotropic)', () => {
    const bytes = readFileSync(new URL(`./fixtures/${AREAS.matbox.file}`, import.meta.url));
    const map = ndarray(new Uint8Array(bytes), AREAS.matbox.shape);
    expect(map.size).toBe(40 ** 3);
    for (const run of AREAS.matbox.runs) {
      expectAreas(marchingCubesAreas(map, SCHEME3, { spacing: run.spacing, unit: 'um' }), run);
    }
  });

  it('matches scikit-image on a smooth field (interpolated vertices, float32 rounding)', () => {
    const s = AREAS.smooth;
    const field = ndarray(Float32Array.from(s.values), s.shape);
    const mesh = marchingCubes(field, { level: 0, spacing: s.spacing });
    expectClose(meshSurfaceArea(mesh.vertices, mesh.faces), s.level0);
    expectClose(marchingCubesArea(field, { level: 0, spacing: s.spacing }).area, s.level0);
    expectClose(marchingCubesArea(field, { level: 2, spacing: s.spacing }).area, s.level2);
    expectClose(marchingCubesArea(field).area, s.defaultLevel);
    // the same orientation: signed volume sum(v0 . (v1 x v2)) / 6; 'ascent' reverses it
    const signedVolume = (m: ReturnType<typeof marchingCubes>) => {
      const v = m.vertices.data;
      const f = m.faces.data;
      let s = 0;
      for (let t = 0; t < f.length; t += 3) {
        const [a, b, c] = [f[t]! * 3, f[t + 1]! * 3, f[t + 2]! * 3];
        s +=
          v[a]! * (v[b + 1]! * v[c + 2]! - v[b + 2]! * v[c + 1]!) -
          v[a + 1]! * (v[b]! * v[c + 2]! - v[b + 2]! * v[c]!) +
          v[a + 2]! * (v[b]! * v[c + 1]! - v[b + 1]! * v[c]!);
      }
      return s / 6;
    };
    expectClose(signedVolume(mesh), s.signedVolume0);
    const ascent = marchingCubes(field, {
      level: 0,
      spacing: s.spacing,
      gradientDirection: 'ascent',
    });
    expectClose(signedVolume(ascent), -s.signedVolume0);
    // a closed surface: every edge of the mesh is shared by exactly two triangles
    const f = mesh.faces.data;
    const edges = new Map<string, number>();
    for (let t = 0; t < f.length; t += 3) {
      for (let j = 0; j < 3; j++) {
        const a = f[t + j]!;
        const b = f[t + ((j + 1) % 3)]!;
        const key = a < b ? `${a},${b}` : `${b},${a}`;
        edges.set(key, (edges.get(key) ?? 0) + 1);
      }
    }
    expect([...edges.values()].every((n) => n === 2)).toBe(true);
  });
});

describe('marching cubes: edge cases', () => {
  it('a 3D map of one plane has no cube (area 0), unlike the same plane read as 2D', () => {
    const data = Uint8Array.of(0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1);
    const flat = marchingCubesAreas(ndarray(data, [1, 3, 4]), SCHEME2);
    expect(flat.phases.map((p) => p.area)).toEqual([0, 0]);
    const plane = marchingCubesAreas(ndarray(data, [3, 4]), SCHEME2, { spacing: [0.5, 2] });
    // find_contours: one straight segment across the 3 rows between columns 1 and 2
    expect(plane.phases.map((p) => p.area)).toEqual([1, 1]);
  });
});

describe('marching cubes: refusals', () => {
  it('refuses an ambiguous cube whose corners do not tie, naming it', () => {
    // configuration 0b1001 (corners 0 and 3 in: a face diagonal) with unequal distances
    const vol = ndarray(Float64Array.of(1, 0, 0, 0.8, 0, 0, 0, 0), [2, 2, 2]);
    expect(() => marchingCubesArea(vol, { level: 0.5 })).toThrow(InvalidArgumentError);
    expect(() => marchingCubes(vol, { level: 0.5 })).toThrow(/cube at \[0, 0, 0\]/);
    // the same configuration tied (0/1 at 0.5) is accepted
    const tied = ndarray(Float64Array.of(1, 0, 0, 1, 0, 0, 0, 0), [2, 2, 2]);
    expect(marchingCubesArea(tied, { level: 0.5 }).area).toBeGreaterThan(0);
  });

  it('refuses a level outside the data, a 2D array, bad spacing and unknown options', () => {
    const vol = cube(1);
    expect(() => marchingCubesArea(vol, { level: 2 })).toThrow(/options.level/);
    expect(() => marchingCubes(ndarray(new Float64Array(4), [2, 2]))).toThrow(InvalidArgumentError);
    expect(() => marchingCubes(vol, { spacing: [1, 1] })).toThrow(/options.spacing/);
    expect(() => marchingCubes(vol, { levle: 0.5 } as never)).toThrow(/did you mean "level"/);
    expect(() => marchingCubes(ndarray(new Float64Array(8).fill(Number.NaN), [2, 2, 2]))).toThrow(
      InvalidArgumentError,
    );
  });
});
