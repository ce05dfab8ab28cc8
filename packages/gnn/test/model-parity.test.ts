import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import {
  type HeteroGraph,
  HeteroNNConvModel,
  type HeteroRelation,
  type StateDict,
} from '../src/index.js';
import { type FixtureArray, maxAbsDiff, values } from './fixtures.js';

interface ModelCase {
  aggr: 'add' | 'mean';
  config: {
    inChannels: number;
    hiddenChannels: number;
    edgeHidden: number;
    outChannels: number;
    edgeChannels: number;
  };
  state_dict: Record<string, FixtureArray>;
  x: Record<string, FixtureArray>;
  edges: Record<string, { src: number[]; dst: number[]; attr: FixtureArray }>;
  out: FixtureArray;
  upstream_grad: FixtureArray;
  grads: Record<string, FixtureArray>;
}

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fx = loadFixture<{ cases: ModelCase[] }>(FIXTURES, 'hetero_model.json');

function toGraph(c: ModelCase): HeteroGraph {
  const matrix = (a: FixtureArray) => ({
    rows: a.shape[0]!,
    cols: a.shape[1]!,
    data: Float64Array.from(values(a)),
  });
  const relations: Record<string, HeteroRelation> = {};
  for (const [key, e] of Object.entries(c.edges)) {
    const [s, r, d] = key.slice(1, -1).split('___') as [string, string, string];
    relations[key] = {
      edgeType: [s, r, d],
      src: Int32Array.from(e.src),
      dst: Int32Array.from(e.dst),
      attr: matrix(e.attr),
    };
  }
  const x = Object.fromEntries(Object.entries(c.x).map(([t, a]) => [t, matrix(a)]));
  return {
    nodeTypes: ['nmc', 'sse', 'graphite'],
    x,
    nodeKeys: Object.fromEntries(
      Object.entries(c.x).map(([t, a]) => [
        t,
        Array.from({ length: a.shape[0]! }, (_, i) => String(i)),
      ]),
    ),
    relations,
    featureNames: Array.from({ length: c.config.inChannels }, (_, i) => `f${i}`),
    edgeFeatureNames: ['weight'],
    targetType: 'nmc',
    targetNames: [],
    y: null,
  };
}

describe('HeteroNNConvModel against a PyTorch model with PyG names (hetero_model.json)', () => {
  for (const c of fx.cases) {
    it(`aggr=${c.aggr}: loads the PyTorch state dict; output within 1e-10, gradients within 1e-9`, () => {
      const model = new HeteroNNConvModel({ ...c.config, aggr: c.aggr, dropout: 0.1 });
      const state: StateDict = {};
      for (const [k, v] of Object.entries(c.state_dict))
        state[k] = { shape: v.shape, dtype: 'float64', data: values(v) };
      model.loadStateDict(state); // strict: the names and shapes are exactly PyTorch's
      const y = model.forward(toGraph(c));
      expect(y.shape).toEqual(c.out.shape);
      expect(maxAbsDiff(y.data, values(c.out))).toBeLessThan(1e-10);
      y.backward(values(c.upstream_grad));
      const named = new Map(model.namedParameters());
      expect([...named.keys()].sort()).toEqual(Object.keys(c.grads).sort());
      for (const [k, g] of Object.entries(c.grads)) {
        expect(maxAbsDiff(named.get(k)!.grad!, values(g)), k).toBeLessThan(1e-9);
      }
      // and back: our state dict is the PyTorch one
      const back = model.stateDict();
      for (const [k, v] of Object.entries(c.state_dict)) expect(back[k]!.data).toEqual(values(v));
    });
  }
});
