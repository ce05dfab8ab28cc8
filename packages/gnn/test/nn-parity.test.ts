import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import {
  AdamW,
  clipGradNorm,
  gelu,
  LayerNorm,
  Linear,
  NNConv,
  ReLU,
  Sequential,
  type StateDict,
  Tensor,
  tensor,
} from '../src/index.js';
import { type FixtureArray, maxAbsDiff, values } from './fixtures.js';

interface NNConvCase {
  aggr: 'add' | 'mean';
  x_src: FixtureArray;
  x_dst: FixtureArray;
  edge_index: [number[], number[]];
  edge_attr: FixtureArray;
  params: Record<string, FixtureArray>;
  out: FixtureArray;
  upstream_grad: FixtureArray;
  grads: Record<string, FixtureArray>;
}
interface NNFixture {
  nnconv: NNConvCase[];
  layernorm_gelu: {
    x: FixtureArray;
    ln_weight: FixtureArray;
    ln_bias: FixtureArray;
    eps: number;
    y: FixtureArray;
    upstream_grad: FixtureArray;
    grad_x: FixtureArray;
    grad_ln_weight: FixtureArray;
    grad_ln_bias: FixtureArray;
  };
  adamw_clip: {
    p0: FixtureArray;
    grads: FixtureArray[];
    lr: number;
    weight_decay: number;
    betas: [number, number];
    eps: number;
    clip_max_norm: number;
    after_each_step: FixtureArray[];
  };
}

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fx = loadFixture<NNFixture>(FIXTURES, 'nn.json');
const leaf = (a: FixtureArray) => tensor(values(a), a.shape, { requiresGrad: true });

describe('NNConv against PyTorch Geometric (nn.json, float64)', () => {
  for (const c of fx.nnconv) {
    it(`aggr=${c.aggr}: output within 1e-10, every gradient within 1e-9`, () => {
      const edgeIn = c.edge_attr.shape[1]!;
      const hidden = c.params['nn.0.weight']!.shape[0]!;
      const [cs, cd] = [c.x_src.shape[1]!, c.x_dst.shape[1]!];
      const co = c.out.shape[1]!;
      const conv = new NNConv(
        [cs, cd],
        co,
        new Sequential([new Linear(edgeIn, hidden), new ReLU(), new Linear(hidden, cs * co)]),
        { aggr: c.aggr },
      );
      const state: StateDict = {};
      for (const [k, v] of Object.entries(c.params)) {
        state[k] = { shape: v.shape, dtype: 'float64', data: values(v) };
      }
      conv.loadStateDict(state);
      expect(Object.keys(conv.stateDict()).sort()).toEqual(Object.keys(c.params).sort());
      const xSrc = leaf(c.x_src);
      const xDst = leaf(c.x_dst);
      const attr = tensor(values(c.edge_attr), c.edge_attr.shape);
      const out = conv.forward(xSrc, xDst, c.edge_index, attr);
      expect(out.shape).toEqual(c.out.shape);
      expect(maxAbsDiff(out.data, values(c.out))).toBeLessThan(1e-10);
      out.backward(values(c.upstream_grad));
      const named = new Map(conv.namedParameters());
      for (const [k, g] of Object.entries(c.grads)) {
        const t = k === 'x_src' ? xSrc : k === 'x_dst' ? xDst : named.get(k)!;
        expect(t, k).toBeDefined();
        expect(maxAbsDiff(t.grad!, values(g)), k).toBeLessThan(1e-9);
      }
    });
  }
});

describe('LayerNorm + exact GELU against PyTorch (float64)', () => {
  it('y = gelu(layer_norm(x)) and its gradients', () => {
    const c = fx.layernorm_gelu;
    const ln = new LayerNorm(c.x.shape[1]!, { eps: c.eps });
    ln.loadStateDict({
      weight: { shape: c.ln_weight.shape, dtype: 'float64', data: values(c.ln_weight) },
      bias: { shape: c.ln_bias.shape, dtype: 'float64', data: values(c.ln_bias) },
    });
    const x = leaf(c.x);
    const y = gelu(ln.forward(x));
    expect(maxAbsDiff(y.data, values(c.y))).toBeLessThan(1e-12);
    y.backward(values(c.upstream_grad));
    expect(maxAbsDiff(x.grad!, values(c.grad_x))).toBeLessThan(1e-10);
    expect(maxAbsDiff(ln.weight.grad!, values(c.grad_ln_weight))).toBeLessThan(1e-10);
    expect(maxAbsDiff(ln.bias.grad!, values(c.grad_ln_bias))).toBeLessThan(1e-10);
  });
});

describe('AdamW + clip_grad_norm_ against PyTorch (float64)', () => {
  it('three steps follow the trajectory within 1e-12', () => {
    const c = fx.adamw_clip;
    const p = new Tensor(Float64Array.from(values(c.p0)), c.p0.shape, { requiresGrad: true });
    const opt = new AdamW([p], {
      lr: c.lr,
      weightDecay: c.weight_decay,
      betas: c.betas,
      eps: c.eps,
    });
    c.grads.forEach((g, step) => {
      p.grad = Float64Array.from(values(g));
      const norm = clipGradNorm([p], c.clip_max_norm);
      expect(norm).toBeGreaterThan(c.clip_max_norm); // clipping is exercised
      opt.step();
      expect(maxAbsDiff(p.data, values(c.after_each_step[step]!))).toBeLessThan(1e-12);
    });
  });
});
