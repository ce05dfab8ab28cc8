/**
 * The GNN where there is something relational to learn: a small extra run on the relational
 * phantom of @mgraph/phantom (`relationalDescriptors`: descriptors that depend on the
 * neighbours' contact counts and sizes, plus noise of known size, so R^2* is known), with the
 * graphs built by @mgraph/graph from the truth instances, and the same four models as on the
 * demo's data (mean, linear regression, MLP, GNN).
 */
import { CATHODE_SCHEME } from '@mgraph/core';
import { COMPARED_MODELS, compareModels, fromGraph, type ModelComparison } from '@mgraph/gnn';
import { buildGraph } from '@mgraph/graph';
import { generateComposite, RELATIONAL_TARGETS, relationalDescriptors } from '@mgraph/phantom';

/** Sizes of the relational run: kept small so the demo stays within its time budget. */
export const RELATIONAL_RUN = {
  /** Composites (graphs), seeds 500.. . */
  graphs: 30,
  /** Side of each composite, px (NMC radius 7 px, SSE grains 14 px: about 45 NMC nodes each). */
  size: 128,
  /** Noise standard deviation in units of the signal's: R^2* = 1 / (1 + noise^2) = 0.9. */
  noise: 1 / 3,
  /** Most GNN epochs (patience 10), or the workflow's `--epochs` when lower. */
  epochs: 40,
} as const;

/**
 * The structural node features (size, degrees, neighbour counts per cathode phase): what the
 * GNN of the relational run sees, and the first columns of the workflow's GNN step.
 */
export const STRUCTURE_FEATURES = [
  'logSize',
  'degree',
  'weightedDegree',
  'nmcNeighbors',
  'sseNeighbors',
  'graphiteNeighbors',
] as const;

/** One row of the models table: test R^2 of each model for one target. */
export interface ModelComparisonRow {
  /** Which data: the demo's batch or the relational phantom. */
  data: string;
  target: string;
  /** Best achievable R^2 where the generator knows it, else null. */
  r2Star: number | null;
  mean: number;
  linear: number;
  mlp: number;
  gnn: number;
}

/** The table rows of a comparison. */
export function comparisonRows(
  data: string,
  cmp: ModelComparison,
  r2Star: Record<string, number> | null,
): ModelComparisonRow[] {
  return Object.entries(cmp.test).map(([target, r]) => ({
    data,
    target,
    r2Star: r2Star?.[target] ?? null,
    ...(Object.fromEntries(COMPARED_MODELS.map((m) => [m, r[m].r2])) as Record<
      (typeof COMPARED_MODELS)[number],
      number
    >),
  }));
}

/**
 * Generate the relational phantom, train and score the four models on it.
 *
 * @param seed - seed of the split, the weights and the noise
 * @param maxEpochs - the workflow's epoch cap (the run uses at most {@link RELATIONAL_RUN}'s)
 * @param signal - aborts between GNN epochs
 * @returns the table rows (with R^2*) and the node counts
 */
export function runRelationalGnn(
  seed: number,
  maxEpochs: number,
  signal?: AbortSignal,
): { rows: ModelComparisonRow[]; nodes: ModelComparison['nodes']; seconds: number } {
  const t0 = performance.now();
  const composites = Array.from({ length: RELATIONAL_RUN.graphs }, (_, i) =>
    generateComposite({
      shape: [RELATIONAL_RUN.size, RELATIONAL_RUN.size],
      seed: 500 + i,
      nmcRadius: 7,
      sseGrainRadius: 14,
    }),
  );
  const rel = relationalDescriptors(composites, { seed, noise: RELATIONAL_RUN.noise });
  const graphs = composites.map((c, k) =>
    fromGraph(buildGraph(c.instances, { scheme: CATHODE_SCHEME, phaseOfLabel: c.phaseOfLabel }), {
      features: STRUCTURE_FEATURES,
      // a constant edge attribute: at this size the per-edge matrices of the contact
      // strength overfit (see @mgraph/gnn's relational bench)
      edgeFeatures: [{ name: 'one', value: () => 1 }],
      targetValues: Object.fromEntries(
        rel.particles[k]!.map((p) => [
          String(p.label),
          Object.fromEntries(RELATIONAL_TARGETS.map((t) => [t, p[t]])),
        ]),
      ),
    }),
  );
  const cmp = compareModels(graphs, {
    seed,
    gnn: {
      maxEpochs: Math.min(RELATIONAL_RUN.epochs, maxEpochs),
      patience: 10,
      lr: 5e-3,
      batchSize: 2,
      model: { hiddenChannels: 8, edgeHidden: 4, dropout: 0 },
      signal,
    },
  });
  return {
    rows: comparisonRows('relational phantom', cmp, rel.r2Star),
    nodes: cmp.nodes,
    seconds: (performance.now() - t0) / 1000,
  };
}
