// Bad input is refused with core's typed errors naming function, argument and value.
import {
  AbortError,
  CATHODE_SCHEME,
  definePhaseScheme,
  InvalidArgumentError,
  LI_ION_ELECTRODE_SCHEME,
  ShapeMismatchError,
} from '@mgraph/core';
import { buildGraph } from '@mgraph/graph';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  defaultBoundaryReach,
  interfacialAreas,
  particleTpbLength,
  phaseConnectivity,
  specificSurfaceArea,
  triplePhaseBoundaryDensity,
  volumeFractions,
} from '../src/index.js';

const map = ndarray(Uint8Array.from([0, 1, 2, 1, 2, 0, 2, 0, 1]), [3, 3]);
const S = LI_ION_ELECTRODE_SCHEME;
const measures = {
  volumeFractions,
  specificSurfaceArea,
  interfacialAreas,
  phaseConnectivity,
  triplePhaseBoundaryDensity,
} as const;

describe.each(Object.entries(measures))('%s', (name, f) => {
  it('refuses a code the scheme does not have', () => {
    const bad = ndarray(Uint8Array.from([0, 1, 3, 0]), [2, 2]);
    expect(() => f(bad, S)).toThrow(InvalidArgumentError);
    expect(() => f(bad, S)).toThrow(new RegExp(`${name}.*code 3`));
  });
  it('refuses a non-uint8 map, a 1D map and a bad spacing or unit', () => {
    expect(() => f(ndarray(new Float32Array(4), [2, 2]) as never, S)).toThrow(/uint8/);
    expect(() => f(ndarray(new Uint8Array(4), [4]), S)).toThrow(InvalidArgumentError);
    expect(() => f(map, S, { spacing: [1, 1, 1] })).toThrow(/options\.spacing/);
    expect(() => f(map, S, { spacing: [1, -1] })).toThrow(/options\.spacing/);
    expect(() => f(map, S, { unit: '' })).toThrow(/options\.unit/);
  });
  it('names the closest option of a misspelt one', () => {
    expect(() => f(map, S, { spacnig: [1, 1] } as never)).toThrow(/did you mean "spacing"/);
  });
});

describe('options of the TPB and connectivity', () => {
  it('a scheme without tpb needs tpbPhases', () => {
    const plain = definePhaseScheme({ name: 'p', phases: ['a', 'b', 'c'] });
    expect(() => triplePhaseBoundaryDensity(map, plain)).toThrow(/scheme\.tpb/);
    expect(triplePhaseBoundaryDensity(map, plain, { tpbPhases: ['a', 'b', 'c'] }).count).toBe(4);
    expect(() => triplePhaseBoundaryDensity(map, plain, { tpbPhases: ['a', 'a', 'c'] })).toThrow(
      /options\.tpbPhases/,
    );
  });
  it('reach: unknown phase, unknown value, axis the map lacks', () => {
    expect(() => triplePhaseBoundaryDensity(map, S, { reach: { nmc: 'any-face' } })).toThrow(
      /options\.reach\.nmc/,
    );
    expect(() => triplePhaseBoundaryDensity(map, S, { reach: { am: 'top' as never } })).toThrow(
      /options\.reach\.am/,
    );
    expect(() =>
      triplePhaseBoundaryDensity(map, S, { reach: { am: 'low-face-of-axis-2' } }),
    ).toThrow(/axis-N' with N in 0\.\.1/);
  });
  it('connectivity outside 1..ndim; active must be a boolean', () => {
    expect(() => phaseConnectivity(map, S, { connectivity: 3 })).toThrow(/options\.connectivity/);
    expect(() => triplePhaseBoundaryDensity(map, S, { active: 1 as never })).toThrow(
      /options\.active/,
    );
  });
  it('an aborted signal throws AbortError', () => {
    const signal = AbortSignal.abort();
    expect(() => phaseConnectivity(map, S, { signal })).toThrow(AbortError);
    expect(() => triplePhaseBoundaryDensity(map, S, { signal })).toThrow(AbortError);
    expect(() => specificSurfaceArea(map, S, { signal })).toThrow(AbortError);
    expect(() => interfacialAreas(map, S, { signal })).toThrow(AbortError);
  });
  it('onProgress reports every plane', () => {
    const calls: [number, number][] = [];
    interfacialAreas(ndarray(new Uint8Array(24), [4, 3, 2]), S, {
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });
  it('defaults of the documented schemes', () => {
    expect(defaultBoundaryReach(CATHODE_SCHEME)).toEqual({
      nmc: 'anywhere',
      sse: 'low-face-of-axis-0',
      graphite: 'high-face-of-axis-0',
    });
    expect(defaultBoundaryReach(S)).toEqual({
      am: 'anywhere',
      pore: 'low-face-of-axis-0',
      cbd: 'high-face-of-axis-0',
    });
  });
  it('an empty phase has fractions 0, not NaN', () => {
    const r = phaseConnectivity(ndarray(new Uint8Array(6), [2, 3]), S);
    expect(r.phases.cbd).toEqual({
      voxels: 0,
      volumeFraction: 0,
      components: 0,
      axes: [
        { percolating: 0, deadEnd: 0, isolated: 0 },
        { percolating: 0, deadEnd: 0, isolated: 0 },
      ],
      unconnected: 0,
    });
  });
});

describe('particleTpbLength', () => {
  const labels = ndarray(Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), [3, 3]);
  const graph = buildGraph(labels, { scheme: S, phases: map, window: 3 });
  it('refuses instances of another shape, labels without a node, a disagreeing scheme', () => {
    expect(() => particleTpbLength(graph, map, ndarray(new Int32Array(4), [2, 2]))).toThrow(
      ShapeMismatchError,
    );
    const extra = ndarray(Int32Array.from([1, 2, 3, 4, 50, 6, 7, 8, 9]), [3, 3]);
    expect(() => particleTpbLength(graph, map, extra)).toThrow(/label 50/);
    expect(() => particleTpbLength(graph, map, labels, { scheme: CATHODE_SCHEME })).toThrow(
      /options\.scheme/,
    );
    const swapped = ndarray(Int32Array.from([2, 1, 3, 4, 5, 6, 7, 8, 9]), [3, 3]);
    expect(() => particleTpbLength(graph, map, swapped)).toThrow(/phase of node/);
  });
});
