import { describe, expect, it } from 'vitest';
import {
  CATHODE_SCHEME,
  definePhaseScheme,
  InvalidArgumentError,
  phaseCode,
  phaseName,
  SOFC_ANODE_SCHEME,
} from '../src/index.js';

describe('PhaseScheme', () => {
  it('default cathode order is background, sse, nmc, graphite', () => {
    expect(CATHODE_SCHEME.phases).toEqual(['background', 'sse', 'nmc', 'graphite']);
    expect(phaseCode(CATHODE_SCHEME, 'nmc')).toBe(2);
    expect(phaseName(CATHODE_SCHEME, 3)).toBe('graphite');
  });
  it('other schemes can be declared (fuel-cell anode)', () => {
    expect(SOFC_ANODE_SCHEME.phases).toEqual(['pore', 'ni', 'ysz']);
    const s = definePhaseScheme('nmc-cbd', ['pore', 'nmc', 'cbd']);
    expect(phaseCode(s, 'cbd')).toBe(2);
    expect(Object.isFrozen(s.phases)).toBe(true);
  });
  it('rejects bad declarations and lookups with named arguments', () => {
    expect(() => definePhaseScheme('x', ['a'])).toThrow(InvalidArgumentError);
    expect(() => definePhaseScheme('x', ['a', 'a'])).toThrow('unique non-empty strings');
    expect(() => definePhaseScheme('', ['a', 'b'])).toThrow('argument name');
    expect(() => phaseCode(CATHODE_SCHEME, 'ysz')).toThrow(
      'phaseCode: argument phase must be one of "background", "sse", "nmc", "graphite" (scheme "cathode"), got "ysz"',
    );
    expect(() => phaseName(CATHODE_SCHEME, 4)).toThrow('an integer in 0..3');
  });
});
