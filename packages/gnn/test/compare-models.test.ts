import { InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import {
  compareModels,
  fitLinearRegression,
  fromGraph,
  ownFeatureTable,
  predictLinearRegression,
  regressionMetrics,
  standardize,
} from '../src/index.js';
import { syntheticGraphs } from './synthetic-graphs.js';

describe('compareModels: four models on one split', () => {
  const graphs = syntheticGraphs(12, 5).map((g) => fromGraph(g));
  const cmp = compareModels(graphs, {
    seed: 2,
    gnn: { maxEpochs: 3, model: { hiddenChannels: 4, edgeHidden: 4 } },
    mlp: { maxEpochs: 5 },
  });

  it("scores the GNN and the mean baseline as train's own evaluation does", () => {
    for (const [name, e] of Object.entries(cmp.gnn.evaluation.test.targets)) {
      expect(cmp.test[name]!.gnn.rmse).toBeCloseTo(e.rmse, 12);
      expect(cmp.test[name]!.gnn.r2).toBeCloseTo(e.r2, 12);
      expect(cmp.test[name]!.mean.rmse).toBeCloseTo(e.baseline.rmse, 12);
    }
    expect(cmp.nodes.test).toBe(cmp.gnn.evaluation.test.nodes);
  });

  it('fits linear regression on the z-scored own features of the training graphs only', () => {
    const s = cmp.gnn.standardizer;
    const table = (idx: number[]) => ownFeatureTable(idx.map((i) => standardize(graphs[i]!, s)));
    const trainRows = table(cmp.split.train);
    const testRows = table(cmp.split.test);
    const p = predictLinearRegression(fitLinearRegression(trainRows.x, trainRows.y), testRows.x);
    const k = testRows.y.cols;
    graphs[0]!.targetNames.forEach((name, c) => {
      const col = (d: Float64Array) =>
        Array.from(
          { length: testRows.y.rows },
          (_, r) => d[r * k + c]! * s.y!.std[c]! + s.y!.mean[c]!,
        );
      const want = regressionMetrics(col(testRows.y.data), col(p.data));
      expect(cmp.test[name]!.linear.rmse).toBeCloseTo(want.rmse, 10);
    });
  });

  it('refuses unknown options and an empty test split', () => {
    expect(() => compareModels(graphs, { sed: 1 } as never)).toThrow(/seed/);
    expect(() => compareModels(graphs, { split: { train: [0, 1], val: [2], test: [] } })).toThrow(
      InvalidArgumentError,
    );
  });
});
