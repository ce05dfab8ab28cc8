import { AbortError, InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import {
  type EpochRecord,
  evaluate,
  fromGraph,
  type HeteroGraph,
  predict,
  regressionMetrics,
  train,
} from '../src/index.js';
import { syntheticGraphs } from './synthetic-graphs.js';

const tiny = { hiddenChannels: 6, edgeHidden: 4 };
const data = (count: number, seed: number): HeteroGraph[] =>
  syntheticGraphs(count, seed, { nmc: 3, sse: 6, graphite: 4, radius: 0.4 }).map((g) =>
    fromGraph(g),
  );

describe('regressionMetrics', () => {
  it('hand-worked RMSE, MAE and R^2', () => {
    // truth mean 2, SS_tot 2; errors 1, 0, -1 -> SSE 2
    const m = regressionMetrics([1, 2, 3], [0, 2, 4]);
    expect(m.rmse).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(m.mae).toBeCloseTo(2 / 3, 14);
    expect(m.r2).toBeCloseTo(0, 14);
    expect(regressionMetrics([1, 1], [1, 1]).r2).toBeNaN();
  });
});

describe('train', () => {
  const graphs = data(10, 1);

  it('same seed, same weights bit for bit; another seed differs', () => {
    const opts = { seed: 5, maxEpochs: 4, model: tiny };
    const a = train(graphs, opts);
    const b = train(graphs, opts);
    expect(JSON.stringify(b.model.stateDict())).toBe(JSON.stringify(a.model.stateDict()));
    expect(b.history).toEqual(a.history);
    const c = train(graphs, { ...opts, seed: 6 });
    expect(JSON.stringify(c.model.stateDict())).not.toBe(JSON.stringify(a.model.stateDict()));
  });

  it('splits 60/20/20 by graph, reports progress, stops early and restores the best weights', () => {
    const seen: number[] = [];
    const records: EpochRecord[] = [];
    const r = train(graphs, {
      seed: 2,
      maxEpochs: 60,
      patience: 3,
      lr: 0.05,
      model: tiny,
      onProgress: (done, total) => {
        expect(total).toBe(60);
        seen.push(done);
      },
      onEpoch: (rec) => records.push(rec),
    });
    expect([r.split.train.length, r.split.val.length, r.split.test.length]).toEqual([6, 2, 2]);
    expect(seen).toEqual(r.history.map((h) => h.epoch));
    expect(records).toEqual(r.history);
    const best = r.history[r.bestEpoch - 1]!;
    expect(Math.min(...r.history.map((h) => h.valLoss))).toBe(best.valLoss);
    // it did stop early (these settings stop well before maxEpochs), patience epochs after the best
    expect(r.history.length).toBeLessThan(60);
    expect(r.history.length).toBe(r.bestEpoch + 3);
    expect(r.history.at(-1)!.epoch).toBe(r.bestEpoch + 3);
    // the restored weights reproduce the best validation loss (MSE of z-scored targets)
    const val = r.split.val.map((i) => graphs[i]!);
    const pred = predict(r.model, val, r.standardizer);
    const ys = r.standardizer.y!;
    let se = 0;
    let n = 0;
    val.forEach((g, gi) => {
      for (let k = 0; k < g.y!.data.length; k++) {
        const c = k % 3;
        se += ((pred[gi]!.data[k]! - g.y!.data[k]!) / ys.std[c]!) ** 2;
        n++;
      }
    });
    expect(se / n).toBeCloseTo(best.valLoss, 9);
    expect(evaluate(r.model, val, r.standardizer)).toEqual(r.evaluation.val);
  });

  it('z-scoring is fitted on the training graphs only', () => {
    const r = train(graphs, { seed: 3, maxEpochs: 1, model: tiny });
    const sizes = r.split.train.flatMap((i) => {
      const m = graphs[i]!.x.nmc!;
      return Array.from({ length: m.rows }, (_, k) => m.data[k * m.cols]!);
    });
    expect(r.standardizer.x.nmc!.mean[0]).toBeCloseTo(
      sizes.reduce((a, b) => a + b, 0) / sizes.length,
      9,
    );
  });

  it('aborts through the signal and rejects bad input with typed errors', () => {
    const ctl = new AbortController();
    expect(() =>
      train(graphs, {
        maxEpochs: 50,
        model: tiny,
        signal: ctl.signal,
        onProgress: (done) => {
          if (done === 2) ctl.abort();
        },
      }),
    ).toThrow(AbortError);
    expect(() => train([], {})).toThrow(InvalidArgumentError);
    expect(() => train(graphs.slice(0, 1), { fractions: [0, 0.5, 0.5] })).toThrow(
      /train: argument graphs must be enough graphs for a training split with target nodes/,
    );
    expect(() => train([{ ...graphs[0]!, y: null }])).toThrow(InvalidArgumentError);
    const mixed = [graphs[0]!, fromGraph(syntheticGraphs(1, 9)[0]!, { features: ['size'] })];
    expect(() => train(mixed, { split: { train: [0, 1], val: [], test: [] } })).toThrow(
      InvalidArgumentError,
    );
  });
});
