import { AbortError, definePhaseScheme, InvalidArgumentError } from '@mgraph/core';
import { buildGraph } from '@mgraph/graph';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  marchingCubes,
  marchingCubesArea,
  marchingCubesAreas,
  particleContactAreas,
  particleSizes,
  particleSphericity,
} from '../src/index.js';

const SCHEME = definePhaseScheme({ name: 'two', phases: ['pore', 'solid'], objects: ['solid'] });
const N = 5;
const codes = new Uint8Array(N ** 3);
for (let i = 0; i < codes.length; i++) codes[i] = (i * 7) % 3 === 0 ? 1 : 0;
const phases = ndarray(codes, [N, N, N]);
const labels = ndarray(Int32Array.from(codes), [N, N, N]);
const field = ndarray(Float64Array.from(codes), [N, N, N]);
const graph = () => buildGraph(labels, { scheme: SCHEME, phases });

type Run = (options: Record<string, unknown>) => unknown;
const RUNS: [string, Run, number][] = [
  ['marchingCubes', (o) => marchingCubes(field, o), N - 1],
  ['marchingCubesArea', (o) => marchingCubesArea(field, o), N - 1],
  ['marchingCubesAreas', (o) => marchingCubesAreas(phases, SCHEME, o), N - 1],
  ['particleSizes', (o) => particleSizes(labels, o), N],
  ['particleSphericity', (o) => particleSphericity(labels, o), N - 1],
  ['particleContactAreas', (o) => particleContactAreas(graph(), phases, labels, o), N],
];

describe('options of the marching-cubes and particle measures', () => {
  for (const [name, run, planes] of RUNS) {
    it(`${name}: progress per plane, abort, unknown option, bad unit`, () => {
      const calls: [number, number][] = [];
      run({ onProgress: (d: number, t: number) => calls.push([d, t]) });
      expect(calls.at(-1)).toEqual([planes, planes]);
      const controller = new AbortController();
      controller.abort();
      expect(() => run({ signal: controller.signal })).toThrow(AbortError);
      expect(() => run({ spacng: [1, 1, 1] })).toThrow(/did you mean "spacing"/);
      expect(() => run({ unit: '' })).toThrow(InvalidArgumentError);
      expect(() => run({ onProgress: 3 })).toThrow(InvalidArgumentError);
    });
  }
});
