// fromGraph's accessibility columns: hand-computed 1 / (1 + R) and 0/1 wired, appended to the
// features; a graph that was never rated is an error, not columns of zeros.
import { CATHODE_SCHEME, InvalidArgumentError } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { ACCESSIBILITY_FEATURES, fromGraph } from '../src/index.js';

function rated(): UndirectedGraph {
  const g = new UndirectedGraph();
  g.setAttribute('scheme', CATHODE_SCHEME);
  // nmc 1: both paths; nmc 2: ionic only; nmc 3: not wired at all; sse 4, graphite 5: not rated.
  g.addNode('1', {
    phase: 'nmc',
    size: 100,
    wired: true,
    ionicResistance: 3,
    electronicResistance: 0.5,
    accessCurrent: 1 / 3.5,
  });
  g.addNode('2', { phase: 'nmc', size: 120, wired: false, ionicResistance: 1 });
  g.addNode('3', { phase: 'nmc', size: 90, wired: false });
  g.addNode('4', { phase: 'sse', size: 300 });
  g.addNode('5', { phase: 'graphite', size: 200 });
  for (const [a, b] of [
    ['1', '4'],
    ['1', '5'],
    ['2', '4'],
    ['3', '4'],
  ] as const)
    g.addEdge(a, b, { weight: 1 });
  return g;
}

describe('fromGraph({ accessibility: true })', () => {
  it('appends ionicAccess, electronicAccess, wired after the default features', () => {
    const data = fromGraph(rated(), { accessibility: true, targets: [] });
    const plain = fromGraph(rated(), { targets: [] });
    expect(data.featureNames).toEqual([...plain.featureNames, ...ACCESSIBILITY_FEATURES]);
    const k = plain.featureNames.length;
    const nmc = data.x.nmc!;
    const row = (r: number) => Array.from(nmc.data.subarray(r * nmc.cols + k, (r + 1) * nmc.cols));
    expect(row(0)).toEqual([1 / 4, 1 / 1.5, 1]);
    expect(row(1)).toEqual([1 / 2, 0, 0]);
    expect(row(2)).toEqual([0, 0, 0]);
    const sse = data.x.sse!;
    expect(Array.from(sse.data.subarray(k, sse.cols))).toEqual([0, 0, 0]);
    // The other columns are the plain ones.
    expect(Array.from(nmc.data).filter((_, i) => i % nmc.cols < k)).toEqual(
      Array.from(plain.x.nmc!.data),
    );
  });

  it('the same names work as built-in features', () => {
    const data = fromGraph(rated(), { features: ['wired', 'ionicAccess'], targets: [] });
    expect(Array.from(data.x.nmc!.data)).toEqual([1, 1 / 4, 0, 1 / 2, 0, 0]);
  });

  it('refuses a graph that was never rated, a non-boolean option and a bad resistance', () => {
    const g = rated();
    g.forEachNode((n) => g.removeNodeAttribute(n, 'wired'));
    expect(() => fromGraph(g, { accessibility: true, targets: [] })).toThrow(/wired/);
    expect(() => fromGraph(rated(), { accessibility: 'yes' as never, targets: [] })).toThrow(
      InvalidArgumentError,
    );
    const bad = rated();
    bad.setNodeAttribute('1', 'ionicResistance', 'low');
    expect(() => fromGraph(bad, { accessibility: true, targets: [] })).toThrow(/ionicAccess/);
  });
});
