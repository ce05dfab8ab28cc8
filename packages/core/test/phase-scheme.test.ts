import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  applyScheme,
  CATHODE_SCHEME,
  checkScheme,
  definePhaseScheme,
  InvalidArgumentError,
  LI_ION_ELECTRODE_SCHEME,
  phaseCode,
  phaseName,
  SOFC_ANODE_SCHEME,
  samePhaseScheme,
  schemeOfGraph,
} from '../src/index.js';

const carrier = (scheme: unknown) => ({
  getAttribute: (name: string) => (name === 'scheme' ? scheme : undefined),
});

describe('PhaseScheme', () => {
  it("the cathode scheme is the paper's: background not cut into objects, NMC / SSE / graphite roles", () => {
    expect(CATHODE_SCHEME.phases).toEqual(['background', 'sse', 'nmc', 'graphite']);
    expect(CATHODE_SCHEME.objects).toEqual(['sse', 'nmc', 'graphite']);
    expect(CATHODE_SCHEME.active).toEqual(['nmc']);
    expect(CATHODE_SCHEME.ionic).toEqual(['sse']);
    expect(CATHODE_SCHEME.electronic).toEqual(['graphite']);
    expect(CATHODE_SCHEME.tpb).toEqual(['nmc', 'sse', 'graphite']);
    expect(phaseCode(CATHODE_SCHEME, 'nmc')).toBe(2);
    expect(phaseName(CATHODE_SCHEME, 3)).toBe('graphite');
  });
  it('code 0 is not special: the SOFC and Li-ion schemes cut their pores into objects', () => {
    expect(SOFC_ANODE_SCHEME.objects).toEqual(['pore', 'ni', 'ysz']);
    expect(SOFC_ANODE_SCHEME.tpb).toEqual(['ni', 'ysz', 'pore']);
    expect(SOFC_ANODE_SCHEME.active).toEqual([]);
    expect(LI_ION_ELECTRODE_SCHEME.objects).toEqual(['pore', 'am', 'cbd']);
    expect(LI_ION_ELECTRODE_SCHEME.ionic).toEqual(['pore']);
    const s = definePhaseScheme({ name: 'two', phases: ['a', 'b'] });
    expect(s.objects).toEqual(['a', 'b']);
    expect(s.values).toEqual([[0], [1]]);
    expect(s.tpb).toBeNull();
    expect(Object.isFrozen(s.values[0])).toBe(true);
  });
  it('is idempotent and JSON round-trips', () => {
    for (const s of [CATHODE_SCHEME, SOFC_ANODE_SCHEME, LI_ION_ELECTRODE_SCHEME]) {
      const back = definePhaseScheme(JSON.parse(JSON.stringify(s)));
      expect(back).toEqual(s);
      expect(samePhaseScheme(back, s)).toBe(true);
    }
    const moved = definePhaseScheme({ ...SOFC_ANODE_SCHEME, values: [[0], [128], [255]] });
    expect(samePhaseScheme(moved, SOFC_ANODE_SCHEME)).toBe(false);
  });
  it('objects are kept in code order whatever order they are given in', () => {
    const s = definePhaseScheme({ name: 'x', phases: ['a', 'b', 'c'], objects: ['c', 'a'] });
    expect(s.objects).toEqual(['a', 'c']);
  });
  it('rejects bad declarations and lookups with named arguments', () => {
    expect(() => definePhaseScheme({ name: 'x', phases: [] })).toThrow(InvalidArgumentError);
    expect(() => definePhaseScheme({ name: 'x', phases: ['a', 'a'] })).toThrow(
      'unique non-empty strings',
    );
    expect(() => definePhaseScheme({ name: '', phases: ['a', 'b'] })).toThrow('argument spec.name');
    expect(() => definePhaseScheme({ name: 'x', phases: ['a', 'b'], values: [[0], [0]] })).toThrow(
      "values no other phase has (0 is already code 0's)",
    );
    expect(() => definePhaseScheme({ name: 'x', phases: ['a', 'b'], values: [[0]] })).toThrow(
      'spec.values',
    );
    expect(() =>
      definePhaseScheme({ name: 'x', phases: ['a', 'b'], values: [[0], [1.5]] }),
    ).toThrow('integers');
    expect(() => definePhaseScheme({ name: 'x', phases: ['a', 'b'], objects: ['c'] })).toThrow(
      'spec.objects',
    );
    expect(() =>
      definePhaseScheme({ name: 'x', phases: ['a', 'b'], active: ['a'], ionic: ['a'] }),
    ).toThrow('"a" is active');
    expect(() =>
      definePhaseScheme({
        name: 'x',
        phases: ['a', 'b', 'c'],
        objects: ['a', 'b'],
        tpb: ['a', 'b', 'c'],
      }),
    ).toThrow('three distinct object phases');
    expect(() => phaseCode(CATHODE_SCHEME, 'ysz')).toThrow(
      'phaseCode: argument phase must be one of "background", "sse", "nmc", "graphite" (scheme "cathode"), got "ysz"',
    );
    expect(() => phaseName(CATHODE_SCHEME, 4)).toThrow('an integer in 0..3');
    expect(() => checkScheme('f', 'options.scheme', { name: 'x' })).toThrow(
      'f: argument options.scheme must be a PhaseScheme',
    );
  });
});

describe('schemeOfGraph', () => {
  it("reads the graph's scheme and refuses one that disagrees", () => {
    const g = carrier(JSON.parse(JSON.stringify(SOFC_ANODE_SCHEME)));
    expect(schemeOfGraph('f', g)).toEqual(SOFC_ANODE_SCHEME);
    expect(schemeOfGraph('f', g, SOFC_ANODE_SCHEME)).toEqual(SOFC_ANODE_SCHEME);
    expect(() => schemeOfGraph('f', g, CATHODE_SCHEME)).toThrow(
      'f: argument options.scheme must be the scheme the graph was built with ("sofc-anode": pore, ni, ysz), or left out',
    );
  });
  it("takes the caller's scheme for a graph without one, and throws when neither exists", () => {
    expect(schemeOfGraph('f', carrier(undefined), CATHODE_SCHEME)).toEqual(CATHODE_SCHEME);
    expect(() => schemeOfGraph('f', carrier(undefined))).toThrow('build the graph with buildGraph');
    expect(() => schemeOfGraph('f', carrier(['a', 'b']))).toThrow(
      'argument graph attribute scheme must be a PhaseScheme',
    );
  });
});

describe('applyScheme', () => {
  const sofc = definePhaseScheme({ ...SOFC_ANODE_SCHEME, values: [[0], [128], [255]] });
  it('maps raw values to codes for every integer dtype and views', () => {
    const raw = [255, 0, 128, 128, 0, 255];
    const codes = [2, 0, 1, 1, 0, 2];
    for (const Ctor of [
      Uint8Array,
      Uint16Array,
      Int16Array,
      Int32Array,
      Uint32Array,
      Float32Array,
      Float64Array,
    ]) {
      const out = applyScheme(ndarray(Ctor.from(raw), [2, 3]), sofc);
      expect(out.dtype).toBe('uint8');
      expect(out.shape).toEqual([2, 3]);
      expect(Array.from(out.data)).toEqual(codes);
    }
    const view = ndarray(Uint8Array.from(raw), [2, 3]).transpose(1, 0);
    expect(Array.from(applyScheme(view, sofc).data)).toEqual([2, 1, 0, 0, 1, 2]);
    const signed = definePhaseScheme({ name: 's', phases: ['lo', 'hi'], values: [[-5, -1], [7]] });
    expect(
      Array.from(applyScheme(ndarray(Int8Array.from([-5, 7, -1]), [3, 1]), signed).data),
    ).toEqual([0, 1, 0]);
  });
  it('does not mutate its input', () => {
    const data = Uint8Array.from([0, 128, 255, 0]);
    applyScheme(ndarray(data, [2, 2]), sofc);
    expect(Array.from(data)).toEqual([0, 128, 255, 0]);
  });
  it('names the values it found when one is not in the scheme', () => {
    const raw = ndarray(Uint8Array.from([0, 85, 170, 0]), [2, 2]);
    expect(() => applyScheme(raw, sofc)).toThrow(InvalidArgumentError);
    expect(() => applyScheme(raw, sofc)).toThrow('found 0, 85, 170, of which 2 unnamed: 85, 170');
    expect(() => applyScheme(ndarray(Float32Array.from([0, 0.5]), [2]), sofc)).toThrow(
      'unnamed: 0.5',
    );
  });
});
