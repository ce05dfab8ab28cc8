import { createRng, InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import {
  type FeatureMatrix,
  fitLinearRegression,
  MLP,
  predictLinearRegression,
  regressionMetrics,
  trainMlp,
} from '../src/index.js';

/** Rows of x uniform in [-1, 1]^2 and y = sin(3 x0) + x1^2 (a function no line fits). */
function nonlinear(n: number, seed: number): { x: FeatureMatrix; y: FeatureMatrix } {
  const rng = createRng(seed);
  const x = new Float64Array(n * 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-1, 1);
    const b = rng.uniform(-1, 1);
    x.set([a, b], 2 * i);
    y[i] = Math.sin(3 * a) + b * b;
  }
  return { x: { rows: n, cols: 2, data: x }, y: { rows: n, cols: 1, data: y } };
}

describe('MLP', () => {
  it('has the PyTorch parameter names and shapes of nn.Sequential(Linear, ReLU, Linear, ReLU, Linear)', () => {
    const m = new MLP(3, 2, { hidden: [5, 4] });
    expect(m.namedParameters().map(([n, p]) => `${n} ${p.shape.join('x')}`)).toEqual([
      'net.0.weight 5x3',
      'net.0.bias 5',
      'net.2.weight 4x5',
      'net.2.bias 4',
      'net.4.weight 2x4',
      'net.4.bias 2',
    ]);
    expect(() => new MLP(3, 2, { hidden: [0] })).toThrow(InvalidArgumentError);
  });

  it('learns sin(3 x0) + x1^2 on held-out points where linear regression cannot', () => {
    const train = nonlinear(400, 1);
    const val = nonlinear(100, 2);
    const test = nonlinear(200, 3);
    const before = train.x.data.slice();
    const options = {
      hidden: [32, 32],
      seed: 0,
      lr: 1e-2,
      weightDecay: 0,
      maxEpochs: 300,
      patience: 30,
      validation: val,
    };
    const r = trainMlp(train.x, train.y, options);
    const truth = Array.from(test.y.data);
    const mlp = regressionMetrics(truth, Array.from(r.model.predict(test.x).data));
    const linear = regressionMetrics(
      truth,
      Array.from(predictLinearRegression(fitLinearRegression(train.x, train.y), test.x).data),
    );
    expect(mlp.r2).toBeGreaterThan(0.97);
    expect(linear.r2).toBeLessThan(0.75);
    expect(train.x.data).toEqual(before);
    // same seed, same weights
    const again = trainMlp(train.x, train.y, options);
    expect(again.model.stateDict()).toEqual(r.model.stateDict());
  }, 60_000);

  it('refuses bad options before training', () => {
    const { x, y } = nonlinear(10, 0);
    expect(() => trainMlp(x, y, { max_epochs: 3 } as never)).toThrow(/maxEpochs/);
    expect(() => trainMlp(x, y, { lr: -1 })).toThrow(InvalidArgumentError);
    expect(() => trainMlp(x, { rows: 9, cols: 1, data: new Float64Array(9) })).toThrow(/trainMlp/);
  });
});
