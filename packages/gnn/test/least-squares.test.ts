import { readFileSync } from 'node:fs';
import { InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import {
  type FeatureMatrix,
  fitLinearRegression,
  leastSquares,
  predictLinearRegression,
} from '../src/index.js';
import { maxAbsDiff } from './fixtures.js';

// numpy.linalg.lstsq(a, b, rcond=None), written by scripts/make-lstsq-fixture.py
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/lstsq.json', import.meta.url), 'utf8'),
) as {
  lstsq: Array<{
    name: string;
    a: { rows: number; cols: number; data: number[] };
    b: { rows: number; cols: number; data: number[] };
    x: number[];
    rank: number;
    singularValues: number[];
  }>;
  regression: {
    x: { rows: number; cols: number; data: number[] };
    y: { rows: number; cols: number; data: number[] };
    intercept: number[];
    coef: number[];
    rank: number;
  };
};
const matrix = (m: { rows: number; cols: number; data: number[] }): FeatureMatrix => ({
  rows: m.rows,
  cols: m.cols,
  data: Float64Array.from(m.data),
});

describe('leastSquares = numpy.linalg.lstsq(rcond=None)', () => {
  for (const c of fixture.lstsq) {
    it(c.name, () => {
      const a = matrix(c.a);
      const before = a.data.slice();
      const r = leastSquares(a, matrix(c.b));
      const scale = Math.max(1, ...c.x.map(Math.abs));
      expect(maxAbsDiff(r.x.data, c.x) / scale).toBeLessThan(1e-10);
      expect(r.rank).toBe(c.rank);
      expect(maxAbsDiff(r.singularValues, c.singularValues) / c.singularValues[0]!).toBeLessThan(
        1e-12,
      );
      expect(a.data).toEqual(before);
    });
  }

  it('refuses mismatched rows and non-finite values', () => {
    const a = matrix({ rows: 2, cols: 1, data: [1, 2] });
    expect(() => leastSquares(a, matrix({ rows: 3, cols: 1, data: [1, 2, 3] }))).toThrow(
      ShapeMismatchError,
    );
    expect(() => leastSquares(a, matrix({ rows: 2, cols: 1, data: [1, Number.NaN] }))).toThrow(
      InvalidArgumentError,
    );
    expect(() => leastSquares(a, a, -1)).toThrow(InvalidArgumentError);
  });
});

describe('fitLinearRegression: least squares on [1, x]', () => {
  it('matches numpy lstsq with an intercept column, collinear features included', () => {
    const { x, y, intercept, coef, rank } = fixture.regression;
    const model = fitLinearRegression(matrix(x), matrix(y));
    expect(maxAbsDiff(model.intercept, intercept)).toBeLessThan(1e-10);
    expect(maxAbsDiff(model.coef.data, coef)).toBeLessThan(1e-10);
    expect(model.rank).toBe(rank);
  });

  it('recovers an exact affine map and predicts with it', () => {
    // y = 3 - 2 x0 + 0.5 x1 on a 4-point design: exact fit
    const x = matrix({ rows: 4, cols: 2, data: [0, 0, 1, 0, 0, 1, 2, 3] });
    const y = matrix({ rows: 4, cols: 1, data: [3, 1, 3.5, 0.5] });
    const model = fitLinearRegression(x, y);
    expect(model.intercept[0]).toBeCloseTo(3, 12);
    expect(Array.from(model.coef.data)).toEqual([expect.closeTo(-2, 12), expect.closeTo(0.5, 12)]);
    const p = predictLinearRegression(model, matrix({ rows: 1, cols: 2, data: [10, 4] }));
    expect(p.data[0]).toBeCloseTo(3 - 20 + 2, 10);
    expect(() => predictLinearRegression(model, matrix({ rows: 1, cols: 1, data: [1] }))).toThrow(
      ShapeMismatchError,
    );
  });
});
