import { InvalidArgumentError, ModelError } from '@mgraph/core';
import { batchGraphs } from '../data/batch-graphs.js';
import type { FeatureMatrix, HeteroGraph } from '../data/hetero-graph.js';
import { type Standardizer, standardize } from '../data/standardizer.js';
import { HeteroNNConvModel } from '../nn/hetero-nnconv-model.js';

/**
 * Predict the targets of the `targetType` nodes of graphs, in original units: inputs are
 * z-scored with `standardizer`, the model runs in evaluation mode (no dropout), outputs are
 * mapped back with the target means and standard deviations.
 *
 * @param model - a trained {@link HeteroNNConvModel}
 * @param graphs - one or more graphs (not modified)
 * @param standardizer - the one fitted on the training graphs (returned by `train`)
 * @returns one `(target nodes, outChannels)` matrix per graph, rows in `nodeKeys[targetType]` order
 * @throws InvalidArgumentError when the standardizer has no target statistics or the
 *   graphs do not match the model (see {@link HeteroNNConvModel.forward})
 */
export function predict(
  model: HeteroNNConvModel,
  graphs: readonly HeteroGraph[],
  standardizer: Standardizer,
): FeatureMatrix[] {
  if (!(model instanceof HeteroNNConvModel)) {
    throw new InvalidArgumentError('predict', 'model', model, 'a HeteroNNConvModel');
  }
  if (!Array.isArray(graphs as unknown)) {
    throw new InvalidArgumentError('predict', 'graphs', graphs, 'an array of HeteroGraphs');
  }
  if (typeof standardizer !== 'object' || standardizer === null) {
    throw new InvalidArgumentError('predict', 'standardizer', standardizer, 'a Standardizer');
  }
  const ys = standardizer.y;
  if (ys === null)
    throw new InvalidArgumentError('predict', 'standardizer.y', ys, 'target statistics');
  if (graphs.length === 0) return [];
  const batch = batchGraphs(graphs.map((g) => standardize({ ...g, y: null }, standardizer)));
  const out = model.forward(batch).data;
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i]!)) {
      throw new ModelError(
        'predict',
        `output [${i}] (non-finite weights?)`,
        'a finite number',
        out[i],
      );
    }
  }
  const k = model.config.outChannels;
  const result: FeatureMatrix[] = [];
  let row = 0;
  for (const g of graphs) {
    const n = g.x[model.config.targetType]!.rows;
    const data = new Float64Array(n * k);
    for (let i = 0; i < n * k; i++) {
      const c = i % k;
      data[i] = out[row * k + i]! * ys.std[c]! + ys.mean[c]!;
    }
    row += n;
    result.push({ rows: n, cols: k, data });
  }
  return result;
}
