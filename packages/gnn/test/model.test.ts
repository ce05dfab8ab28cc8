import { createRng, InvalidArgumentError, ModelError, ShapeMismatchError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import {
  edgeTypeKey,
  fromGraph,
  HeteroConv,
  type HeteroGraph,
  HeteroNNConvModel,
  Linear,
  NNConv,
  ReLU,
  Sequential,
  sum,
  Tensor,
  tensor,
} from '../src/index.js';
import { syntheticGraph } from './synthetic-graphs.js';

const small = { hiddenChannels: 6, edgeHidden: 4, dropout: 0.2 };
const graph = (seed: number): HeteroGraph =>
  fromGraph(syntheticGraph(createRng(seed), { nmc: 4, sse: 6, graphite: 4, radius: 0.45 }));

describe('Linear', () => {
  it('has PyTorch shapes and draws from U(-1/sqrt(in), 1/sqrt(in)), seeded', () => {
    const l = new Linear(16, 300, { rng: createRng(1) });
    expect(l.weight.shape).toEqual([300, 16]);
    expect(l.bias!.shape).toEqual([300]);
    const w = Array.from(l.weight.data);
    expect(Math.max(...w)).toBeLessThan(0.25);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(-0.25);
    expect(Math.max(...w)).toBeGreaterThan(0.245); // 4800 draws fill the range
    expect(new Linear(16, 300, { rng: createRng(1) }).weight.data).toEqual(l.weight.data);
    expect(l.forward(tensor(new Array(32).fill(0), [2, 16])).data.slice(0, 300)).toEqual(
      l.bias!.data,
    );
  });
});

describe('HeteroConv', () => {
  it('sums the outputs of the relations reaching a node type', () => {
    const mk = (seed: number) =>
      new NNConv(
        2,
        3,
        new Sequential([
          new Linear(1, 4, { rng: createRng(seed) }),
          new ReLU(),
          new Linear(4, 6, { rng: createRng(seed + 1) }),
        ]),
        {
          rng: createRng(seed + 2),
        },
      );
    const ab = mk(1);
    const bb = mk(5);
    const conv = new HeteroConv([
      [['a', 'r', 'b'], ab],
      [['b', 'r', 'b'], bb],
    ]);
    const x = { a: tensor([1, 2, 3, 4], [2, 2]), b: tensor([0.5, -1, 2, 0.1, 0.3, 0.7], [3, 2]) };
    const e1 = {
      index: [
        [0, 1, 1],
        [2, 0, 2],
      ] as const,
      attr: tensor([0.2, 0.9, 0.4], [3, 1]),
    };
    const e2 = {
      index: [
        [0, 2],
        [1, 1],
      ] as const,
      attr: tensor([1.1, 0.6], [2, 1]),
    };
    const out = conv.forward(x, {
      [edgeTypeKey(['a', 'r', 'b'])]: e1,
      [edgeTypeKey(['b', 'r', 'b'])]: e2,
    });
    expect(Object.keys(out)).toEqual(['b']);
    const want = ab
      .forward(x.a, x.b, e1.index, e1.attr)
      .data.map((v, i) => v + bb.forward(x.b, x.b, e2.index, e2.attr).data[i]!);
    expect(out.b!.data).toEqual(want);
    expect(Object.keys(conv.stateDict())).toContain('convs.<b___r___b>.nn.2.weight');
    expect(() => conv.forward(x, {})).toThrow(InvalidArgumentError);
  });
});

describe('HeteroNNConvModel', () => {
  it('names its parameters as PyTorch Geometric and returns (NMC nodes, 3)', () => {
    const m = new HeteroNNConvModel({ inChannels: 4, ...small });
    const names = Object.keys(m.stateDict());
    expect(names).toContain('conv1.convs.<nmc___contacts___sse>.nn.0.weight');
    expect(names).toContain('conv1.convs.<graphite___contacts___graphite>.lin.weight');
    expect(names).toContain('conv2.convs.<sse___contacts___nmc>.bias');
    expect(names).toContain('norm1.graphite.weight');
    expect(names).toContain('norm2.bias');
    expect(names).toContain('head.weight');
    // 9 relations in conv1, 3 reaching nmc in conv2, 6 tensors each
    expect(names.filter((n) => n.startsWith('conv1.'))).toHaveLength(54);
    expect(names.filter((n) => n.startsWith('conv2.'))).toHaveLength(18);
    const sd = m.stateDict();
    expect(sd['conv1.convs.<nmc___contacts___sse>.nn.2.weight']!.shape).toEqual([24, 4]);
    expect(sd['conv2.convs.<nmc___contacts___nmc>.nn.2.weight']!.shape).toEqual([36, 4]);
    const g = graph(1);
    const y = m.forward(g);
    expect(y.shape).toEqual([g.x.nmc!.rows, 3]);
    expect(y.requiresGrad).toBe(true);
  });

  it('state dicts round-trip through JSON and load into a fresh model', () => {
    const a = new HeteroNNConvModel({ inChannels: 4, ...small, seed: 1 });
    const b = new HeteroNNConvModel({ inChannels: 4, ...small, seed: 2 });
    const g = graph(2);
    expect(b.forward(g).data).not.toEqual(a.forward(g).data);
    b.loadStateDict(JSON.parse(JSON.stringify(a.stateDict())));
    expect(b.forward(g).data).toEqual(a.forward(g).data);
    const sd = a.stateDict();
    sd['head.weight']!.data[0] = 123;
    expect(a.head.weight.data[0]).not.toBe(123);
  });

  it('loadStateDict rejects missing, extra and misshapen entries, leaving the model as it was', () => {
    const m = new HeteroNNConvModel({ inChannels: 4, ...small });
    const sd = m.stateDict();
    const before = m.head.weight.data.slice();
    const { 'head.bias': _drop, ...missing } = sd;
    expect(() => m.loadStateDict(missing)).toThrow(ModelError);
    expect(() => m.loadStateDict({ ...sd, 'head.extra': sd['head.bias']! })).toThrow(ModelError);
    expect(() => m.loadStateDict(missing, { strict: false })).not.toThrow();
    const bad = {
      ...sd,
      'head.weight': { ...sd['head.weight']!, data: sd['head.weight']!.data.map(() => 9) },
      'norm2.bias': { shape: [5], dtype: 'float64' as const, data: [0, 0, 0, 0, 0] },
    };
    expect(() => m.loadStateDict(bad)).toThrow(ShapeMismatchError);
    expect(m.head.weight.data).toEqual(before);
  });

  it('gradients of the whole model match finite differences', () => {
    const m = new HeteroNNConvModel({ inChannels: 4, ...small, dropout: 0 });
    const g = graph(3);
    m.zeroGrad();
    sum(m.forward(g)).backward();
    const h = 1e-6;
    const rng = createRng(9);
    for (const [name, p] of m.namedParameters()) {
      const k = rng.integer(0, p.size);
      const v = p.data[k]!;
      p.data[k] = v + h;
      const up = sum(m.forward(g)).item();
      p.data[k] = v - h;
      const down = sum(m.forward(g)).item();
      p.data[k] = v;
      expect(Math.abs(p.grad![k]! - (up - down) / (2 * h)), name).toBeLessThan(1e-6);
    }
  });

  it('dropout is seeded and only active in training; float32 agrees with float64', () => {
    const m = new HeteroNNConvModel({ inChannels: 4, ...small });
    const g = graph(4);
    const t1 = m.forward(g, { training: true, rng: createRng(3) }).data;
    expect(m.forward(g, { training: true, rng: createRng(3) }).data).toEqual(t1);
    expect(t1).not.toEqual(m.forward(g).data);
    expect(() => m.forward(g, { training: true })).toThrow(InvalidArgumentError);
    const m32 = new HeteroNNConvModel({ inChannels: 4, ...small, dtype: 'float32' });
    m32.loadStateDict(m.stateDict());
    const y32 = m32.forward(g);
    expect(y32.data).toBeInstanceOf(Float32Array);
    const y64 = m.forward(g).data;
    for (let i = 0; i < y64.length; i++)
      expect(Math.abs(y32.data[i]! - y64[i]!)).toBeLessThan(1e-4);
  });

  it('bad input gives typed errors', () => {
    const m = new HeteroNNConvModel({ inChannels: 4, ...small });
    const g = graph(5);
    const narrow = fromGraph(syntheticGraph(createRng(5)), { features: ['size'] });
    expect(() => m.forward(narrow)).toThrow(ShapeMismatchError);
    const key = edgeTypeKey(['sse', 'contacts', 'nmc']);
    const rel = g.relations[key]!;
    const out: HeteroGraph = {
      ...g,
      relations: { ...g.relations, [key]: { ...rel, src: rel.src.map(() => 99) } },
    };
    expect(() => m.forward(out)).toThrow(/src\[0\] must be an integer in \[0, \d+\), got 99/);
    const nan: HeteroGraph = {
      ...g,
      x: {
        ...g.x,
        nmc: { ...g.x.nmc!, data: g.x.nmc!.data.map((v, i) => (i === 2 ? Number.NaN : v)) },
      },
    };
    expect(() => m.forward(nan)).toThrow(InvalidArgumentError);
    expect(() => new HeteroNNConvModel({ inChannels: 0 })).toThrow(InvalidArgumentError);
    expect(() => new HeteroNNConvModel({ inChannels: 3, targetType: 'pore' })).toThrow(
      InvalidArgumentError,
    );
    expect(() => new Tensor(new Float64Array(2), [3])).toThrow(InvalidArgumentError);
  });
});
