/**
 * Hostile-input suite: every exported function and constructor of @mgraph/gnn against wrong
 * types, shapes and dtypes, NaN / Infinity, option mistakes (null options, misspelled keys,
 * non-boolean booleans), huge sizes and magnitudes, and corrupt inputs. Each case asserts
 * the typed error and a fragment of its message, or the correct result. Cases that would
 * need gigabytes assert that the error comes before any allocation: the peak RSS of this
 * test process is checked at the end.
 */
import {
  AbortError,
  createRng,
  InvalidArgumentError,
  ModelError,
  ShapeMismatchError,
} from '@mgraph/core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectPeakRss, itEachCase, optionCases } from '../../../test-utils/hostile.js';
import {
  AdamW,
  add,
  allRelations,
  batchedVecMat,
  batchGraphs,
  clipGradNorm,
  defaultNodeTypes,
  dropout,
  edgeTypeKey,
  erf,
  evaluate,
  fitStandardizer,
  fromGraph,
  gatherRows,
  gelu,
  gradCheck,
  HeteroConv,
  type HeteroGraph,
  HeteroNNConvModel,
  LayerNorm,
  Linear,
  layerNorm,
  ModuleDict,
  matmul,
  mean,
  mseLoss,
  mul,
  NNConv,
  predict,
  ReLU,
  regressionMetrics,
  relu,
  Sequential,
  scatterRows,
  splitGraphs,
  standardize,
  sum,
  Tensor,
  tensor,
  train,
  trainAsync,
  validateHeteroGraph,
} from '../src/index.js';
import { syntheticGraph, syntheticGraphs } from './synthetic-graphs.js';

type ErrorClass = typeof InvalidArgumentError | typeof ShapeMismatchError | typeof ModelError;

interface Case {
  name: string;
  run: () => unknown;
  /** Expected typed error and a fragment of its message; or `ok` checks the result. */
  error?: ErrorClass | typeof AbortError;
  message?: string | RegExp;
  ok?: (value: unknown) => void;
}

const t2 = () => tensor([1, 2, 3, 4], [2, 2]);
const graphsOf = (count: number, seed: number): HeteroGraph[] =>
  syntheticGraphs(count, seed, { nmc: 3, sse: 4, graphite: 3, radius: 0.45 }).map((g) =>
    fromGraph(g),
  );
const graphs = graphsOf(6, 3);
const tiny = { hiddenChannels: 4, edgeHidden: 3 };
const model = () => HeteroNNConvModel.forData(graphs[0]!, tiny);
const standardizer = fitStandardizer(graphs);
const fast = { maxEpochs: 2, model: tiny };

const cases: Case[] = [
  // ---------- autograd ops: wrong types, shapes, dtypes, NaN
  ...(
    [
      ['add', (a: unknown) => add(a as Tensor, t2())],
      ['mul', (a: unknown) => mul(t2(), a as Tensor)],
      ['matmul', (a: unknown) => matmul(a as Tensor, t2())],
      ['mseLoss', (a: unknown) => mseLoss(a as Tensor, t2())],
      ['relu', (a: unknown) => relu(a as Tensor)],
      ['gelu', (a: unknown) => gelu(a as Tensor)],
      ['sum', (a: unknown) => sum(a as Tensor)],
      ['mean', (a: unknown) => mean(a as Tensor)],
      ['dropout', (a: unknown) => dropout(a as Tensor, 0.5, createRng(0))],
      ['gatherRows', (a: unknown) => gatherRows(a as Tensor, [0])],
      ['scatterRows', (a: unknown) => scatterRows(a as Tensor, [0], 1)],
      ['layerNorm', (a: unknown) => layerNorm(a as Tensor, tensor([1, 1]), tensor([0, 0]))],
      ['batchedVecMat', (a: unknown) => batchedVecMat(a as Tensor, t2(), 1)],
      ['clipGradNorm', (a: unknown) => clipGradNorm([a as Tensor], 1)],
    ] as const
  ).map(
    ([name, f]): Case => ({
      name: `${name}: a plain array instead of a Tensor`,
      run: () => f([1, 2, 3, 4]),
      error: InvalidArgumentError,
      message: 'a Tensor',
    }),
  ),
  {
    name: 'add: float32 + float64',
    run: () => add(t2(), tensor([1, 2, 3, 4], [2, 2], { dtype: 'float32' })),
    error: InvalidArgumentError,
    message: 'of dtype float64',
  },
  {
    name: 'mul: shapes that do not broadcast',
    run: () => mul(t2(), tensor([1, 2, 3])),
    error: ShapeMismatchError,
    message: 'must have shape [2, 2]',
  },
  {
    name: 'add: NaN propagates as IEEE arithmetic (correct result)',
    run: () => add(tensor([Number.NaN, 1]), tensor([1, Number.POSITIVE_INFINITY])).data,
    ok: (v) =>
      expect(Array.from(v as Float64Array)).toEqual([Number.NaN, Number.POSITIVE_INFINITY]),
  },
  {
    name: 'matmul: inner dimensions differ',
    run: () => matmul(tensor([1, 2], [1, 2]), tensor([1, 2, 3], [3, 1])),
    error: ShapeMismatchError,
  },
  ...optionCases(
    'matmul',
    (o) => matmul(t2(), t2(), o as never),
    { transpose_b: true },
    'transposeB',
  ),
  {
    name: 'matmul: transposeB must be a boolean',
    run: () => matmul(t2(), t2(), { transposeB: 1 as never }),
    error: InvalidArgumentError,
    message: 'options.transposeB must be true or false',
  },
  {
    name: 'matmul: a result past 2^27 elements is refused before allocation',
    // (2^20 x 1) @ (1 x 2^20) would be 2^40 elements (8 TiB)
    run: () =>
      matmul(
        new Tensor(new Float64Array(2 ** 20), [2 ** 20, 1]),
        new Tensor(new Float64Array(2 ** 20), [1, 2 ** 20]),
      ),
    error: InvalidArgumentError,
    message: /1099511627776 elements, 8\.00 TiB/,
  },
  {
    name: 'scatterRows: size 1e12 is refused before allocation',
    run: () => scatterRows(tensor([1, 2], [1, 2]), [0], 1e12),
    error: InvalidArgumentError,
    message: 'this one needs 2000000000000 elements',
  },
  {
    name: 'scatterRows: index not an array',
    run: () => scatterRows(tensor([1, 2], [1, 2]), 5 as never, 1),
    error: InvalidArgumentError,
    message: 'an array of row indices',
  },
  {
    name: 'scatterRows: NaN index',
    run: () => scatterRows(tensor([1, 2], [1, 2]), [Number.NaN], 1),
    error: InvalidArgumentError,
    message: 'index[0] must be an integer in [0, 1)',
  },
  {
    name: 'gatherRows: index out of range',
    run: () => gatherRows(t2(), [2]),
    error: InvalidArgumentError,
    message: 'index[0]',
  },
  {
    name: 'gatherRows: index null',
    run: () => gatherRows(t2(), null as never),
    error: InvalidArgumentError,
    message: 'an array of row indices',
  },
  {
    name: 'dropout: rng missing',
    run: () => dropout(t2(), 0.5, undefined as never),
    error: InvalidArgumentError,
    message: 'a generator from createRng',
  },
  {
    name: 'dropout: p = NaN',
    run: () => dropout(t2(), Number.NaN, createRng(0)),
    error: InvalidArgumentError,
    message: 'argument p',
  },
  {
    name: 'layerNorm: eps = 0',
    run: () => layerNorm(t2(), tensor([1, 1]), tensor([0, 0]), 0),
    error: InvalidArgumentError,
    message: 'eps must be a finite number > 0',
  },
  {
    name: 'batchedVecMat: cout = Infinity',
    run: () => batchedVecMat(t2(), t2(), Number.POSITIVE_INFINITY),
    error: InvalidArgumentError,
    message: 'cout',
  },
  {
    name: 'erf: a string',
    run: () => erf('1' as never),
    error: InvalidArgumentError,
    message: 'argument z must be a number',
  },
  {
    name: 'erf: Infinity -> 1 (correct result)',
    run: () => erf(Number.POSITIVE_INFINITY),
    ok: (v) => expect(v).toBe(1),
  },
  // ---------- Tensor / tensor
  {
    name: 'Tensor: data a plain array',
    run: () => new Tensor([1, 2] as never, [2]),
    error: InvalidArgumentError,
    message: 'a Float64Array or Float32Array',
  },
  {
    name: 'Tensor: shape not an array',
    run: () => new Tensor(new Float64Array(2), 2 as never),
    error: InvalidArgumentError,
    message: 'argument shape',
  },
  {
    name: 'Tensor: shape product differs from data.length',
    run: () => new Tensor(new Float64Array(3), [2, 2]),
    error: InvalidArgumentError,
    message: 'data.length = 3',
  },
  ...optionCases(
    'Tensor',
    (o) => new Tensor(new Float64Array(1), [1], o as never),
    { requiresgrad: true },
    'requiresGrad',
  ),
  {
    name: 'Tensor: requiresGrad must be a boolean',
    run: () => new Tensor(new Float64Array(1), [1], { requiresGrad: 'yes' as never }),
    error: InvalidArgumentError,
    message: 'options.requiresGrad must be true or false',
  },
  ...optionCases('tensor', (o) => tensor([1], [1], o as never), { dtyp: 'float32' }, 'dtype'),
  {
    name: 'tensor: dtype int32',
    run: () => tensor([1], [1], { dtype: 'int32' as never }),
    error: InvalidArgumentError,
    message: "'float64' or 'float32'",
  },
  {
    name: 'tensor: values a number',
    run: () => tensor(3 as never),
    error: InvalidArgumentError,
    message: 'an array of numbers',
  },
  {
    name: 'tensor: 1e39 in float32 becomes Infinity (IEEE rounding, as Float32Array does)',
    run: () => tensor([1e39], [1], { dtype: 'float32' }).data[0],
    ok: (v) => expect(v).toBe(Number.POSITIVE_INFINITY),
  },
  {
    name: 'Tensor.backward: upstream not an array',
    run: () => tensor([1], [1], { requiresGrad: true }).backward(3 as never),
    error: InvalidArgumentError,
    message: 'upstream',
  },
  {
    name: 'Tensor.item: more than one element',
    run: () => t2().item(),
    error: ShapeMismatchError,
  },
  // ---------- gradCheck
  ...optionCases(
    'gradCheck',
    (o) => gradCheck((x) => sum(x), [tensor([1, 2])], o as never),
    { steps: 1e-6 },
    'step',
  ),
  {
    name: 'gradCheck: fn not a function',
    run: () => gradCheck(3 as never, [tensor([1])]),
    error: InvalidArgumentError,
    message: 'argument fn',
  },
  {
    name: 'gradCheck: step = 0',
    run: () => gradCheck((x) => sum(x), [tensor([1])], { step: 0 }),
    error: InvalidArgumentError,
    message: 'options.step',
  },
  {
    name: 'gradCheck: inputs[0] not a tensor',
    run: () => gradCheck((x) => sum(x), [[1]] as never),
    error: InvalidArgumentError,
    message: 'inputs[0]',
  },
  // ---------- layers
  ...optionCases('Linear', (o) => new Linear(2, 2, o as never), { bais: false }, 'bias'),
  {
    name: 'Linear: bias must be a boolean',
    run: () => new Linear(2, 2, { bias: 0 as never }),
    error: InvalidArgumentError,
    message: 'options.bias must be true or false',
  },
  {
    name: 'Linear: rng not a generator',
    run: () => new Linear(2, 2, { rng: 42 as never }),
    error: InvalidArgumentError,
    message: 'options.rng',
  },
  {
    name: 'Linear: 1e6 x 1e6 weights refused before allocation',
    run: () => new Linear(1e6, 1e6),
    error: InvalidArgumentError,
    message: 'this one needs 1000000000000 elements, 7.28 TiB',
  },
  {
    name: 'Linear: forward of a non-tensor',
    run: () => new Linear(2, 2).forward([1, 2] as never),
    error: InvalidArgumentError,
    message: 'a Tensor',
  },
  ...optionCases('LayerNorm', (o) => new LayerNorm(2, o as never), { esp: 1e-5 }, 'eps'),
  {
    name: 'LayerNorm: dtype int8',
    run: () => new LayerNorm(2, { dtype: 'int8' as never }),
    error: InvalidArgumentError,
    message: 'options.dtype',
  },
  {
    name: 'LayerNorm: 1e12 channels refused before allocation',
    run: () => new LayerNorm(1e12),
    error: InvalidArgumentError,
    message: 'this one needs 1000000000000 elements',
  },
  ...optionCases(
    'NNConv',
    (o) => new NNConv(2, 2, new Sequential([new Linear(1, 4)]), o as never),
    { root_weight: false },
    'rootWeight',
  ),
  {
    name: 'NNConv: rootWeight must be a boolean',
    run: () => new NNConv(2, 2, new Sequential([new Linear(1, 4)]), { rootWeight: 'no' as never }),
    error: InvalidArgumentError,
    message: 'options.rootWeight must be true or false',
  },
  {
    name: 'NNConv: nn not a module',
    run: () => new NNConv(2, 2, {} as never),
    error: InvalidArgumentError,
    message: 'argument nn',
  },
  {
    name: 'NNConv: inChannels a string',
    run: () => new NNConv('2' as never, 2, new Sequential([])),
    error: InvalidArgumentError,
    message: 'inChannels',
  },
  {
    name: 'NNConv.forward: edgeIndex not a pair',
    run: () => {
      const c = new NNConv(2, 2, new Sequential([new Linear(1, 4)]));
      return c.forward(t2(), t2(), 5 as never, tensor([1], [1, 1]));
    },
    error: InvalidArgumentError,
    message: 'a [src, dst] pair',
  },
  {
    name: 'Sequential: layers not an array',
    run: () => new Sequential(5 as never),
    error: InvalidArgumentError,
    message: 'an array of layers',
  },
  {
    name: 'Sequential: a layer that is a function',
    run: () => new Sequential([((x: Tensor) => x) as never]),
    error: InvalidArgumentError,
    message: 'layers[0]',
  },
  {
    name: 'ReLU.forward: a plain array',
    run: () => new ReLU().forward([1] as never),
    error: InvalidArgumentError,
    message: 'a Tensor',
  },
  {
    name: 'ModuleDict: items an object',
    run: () => new ModuleDict({ a: new ReLU() } as never),
    error: InvalidArgumentError,
    message: '[name, Module] pairs',
  },
  {
    name: 'HeteroConv: convs null',
    run: () => new HeteroConv(null as never),
    error: InvalidArgumentError,
    message: 'argument convs',
  },
  {
    name: 'edgeTypeKey: a string',
    run: () => edgeTypeKey('nmc' as never),
    error: InvalidArgumentError,
    message: 'a [src, relation, dst] triple',
  },
  // ---------- optimizers
  ...optionCases(
    'AdamW',
    (o) => new AdamW([tensor([1], [1], { requiresGrad: true })], o as never),
    { weight_decay: 0 },
    'weightDecay',
  ),
  {
    name: 'AdamW: params not an array',
    run: () => new AdamW(tensor([1]) as never),
    error: InvalidArgumentError,
    message: 'an array of tensors',
  },
  {
    name: 'AdamW: lr = NaN',
    run: () => new AdamW([], { lr: Number.NaN }),
    error: InvalidArgumentError,
    message: 'options.lr',
  },
  {
    name: 'clipGradNorm: maxNorm = Infinity',
    run: () => clipGradNorm([], Number.POSITIVE_INFINITY),
    error: InvalidArgumentError,
    message: 'maxNorm',
  },
  // ---------- model
  {
    name: 'HeteroNNConvModel: options null (inChannels is required)',
    run: () => new HeteroNNConvModel(null as never),
    error: InvalidArgumentError,
    message: 'an object with inChannels',
  },
  {
    name: 'HeteroNNConvModel: misspelled option',
    run: () => new HeteroNNConvModel({ inChannels: 4, hidden_channels: 8 } as never),
    error: InvalidArgumentError,
    message: 'did you mean "hiddenChannels"',
  },
  {
    name: 'HeteroNNConvModel: hiddenChannels 1e6 refused before allocation',
    run: () => new HeteroNNConvModel({ inChannels: 4, hiddenChannels: 1e6 }),
    error: InvalidArgumentError,
    message:
      /options\.hiddenChannels .*at most 33554432 parameters \(this one needs \d+ parameters/,
  },
  {
    name: 'HeteroNNConvModel: edgeHidden 1e9 refused before allocation',
    run: () => new HeteroNNConvModel({ inChannels: 4, edgeHidden: 1e9 }),
    error: InvalidArgumentError,
    message: 'options.edgeHidden',
  },
  {
    name: 'HeteroNNConvModel: nodeTypes a string',
    run: () => new HeteroNNConvModel({ inChannels: 4, nodeTypes: 'nmc' as never }),
    error: InvalidArgumentError,
    message: 'options.nodeTypes',
  },
  {
    name: 'HeteroNNConvModel: aggr max',
    run: () => new HeteroNNConvModel({ inChannels: 4, aggr: 'max' as never }),
    error: InvalidArgumentError,
    message: "'add' or 'mean'",
  },
  {
    name: 'HeteroNNConvModel: seed NaN',
    run: () => new HeteroNNConvModel({ inChannels: 4, seed: Number.NaN }),
    error: InvalidArgumentError,
    message: 'options.seed',
  },
  ...optionCases(
    'HeteroNNConvModel.forData',
    (o) => HeteroNNConvModel.forData(graphs[0]!, o as never),
    { hiddenChanels: 4 },
    'hiddenChannels',
  ),
  {
    name: 'HeteroNNConvModel.forData: inChannels is read from the data',
    run: () => HeteroNNConvModel.forData(graphs[0]!, { inChannels: 3 } as never),
    error: InvalidArgumentError,
    message: 'left out (read from data)',
  },
  ...optionCases(
    'HeteroNNConvModel.forward',
    (o) => model().forward(graphs[0]!, o as never),
    { trainig: true },
    'training',
  ),
  {
    name: 'HeteroNNConvModel.forward: training must be a boolean',
    run: () => model().forward(graphs[0]!, { training: 'yes' as never }),
    error: InvalidArgumentError,
    message: 'options.training must be true or false',
  },
  {
    name: 'HeteroNNConvModel.forward: a graph with a NaN feature',
    run: () => {
      const g = graphs[0]!;
      const data = Float64Array.from(g.x.nmc!.data);
      data[0] = Number.NaN;
      return model().forward({ ...g, x: { ...g.x, nmc: { ...g.x.nmc!, data } } });
    },
    error: InvalidArgumentError,
    message: 'a finite number',
  },
  ...optionCases(
    'loadStateDict',
    (o) => {
      const m = model();
      m.loadStateDict(m.stateDict(), o as never);
    },
    { strcit: false },
    'strict',
  ),
  {
    name: 'loadStateDict: strict must be a boolean',
    run: () => model().loadStateDict({}, { strict: 'false' as never }),
    error: InvalidArgumentError,
    message: 'options.strict must be true or false',
  },
  {
    name: 'loadStateDict: 1e39 into a float32 model (would be stored as Infinity)',
    run: () => {
      const m = HeteroNNConvModel.forData(graphs[0]!, { ...tiny, dtype: 'float32' });
      const state = m.stateDict();
      state['head.bias']!.data[0] = 1e39;
      m.loadStateDict(state);
    },
    error: InvalidArgumentError,
    message: 'inside the float32 range',
  },
  {
    name: 'loadStateDict: 1e39 into a float64 model is kept (correct result)',
    run: () => {
      const m = model();
      const state = m.stateDict();
      state['head.bias']!.data[0] = 1e39;
      m.loadStateDict(state);
      return m.head.bias!.data[0];
    },
    ok: (v) => expect(v).toBe(1e39),
  },
  {
    name: 'loadStateDict: NaN value',
    run: () => {
      const m = model();
      const state = m.stateDict();
      state['head.bias']!.data[0] = Number.NaN;
      m.loadStateDict(state);
    },
    error: InvalidArgumentError,
    message: 'head.bias"].data[0] must be a finite number',
  },
  {
    name: 'loadStateDict: an array instead of a state dict',
    run: () => model().loadStateDict([] as never),
    error: InvalidArgumentError,
    message: 'an object of { shape, data } entries',
  },
  {
    name: 'loadStateDict: corrupt entry (data a string)',
    run: () => {
      const m = model();
      const state = m.stateDict();
      (state['head.bias'] as unknown as { data: string }).data = 'abc';
      m.loadStateDict(state);
    },
    error: InvalidArgumentError,
    message: 'a { shape, data } entry',
  },
  {
    name: 'loadStateDict: wrong shape',
    run: () => {
      const m = model();
      const state = m.stateDict();
      state['head.bias']!.shape = [99];
      m.loadStateDict(state);
    },
    error: ShapeMismatchError,
  },
  // ---------- data
  ...optionCases('splitGraphs', (o) => splitGraphs(10, o as never), { sed: 1 }, 'seed'),
  {
    name: 'splitGraphs(1e9) refused before allocation',
    run: () => splitGraphs(1e9),
    error: InvalidArgumentError,
    message: 'at most 16777216 graphs (this one needs 1000000000 graphs',
  },
  {
    name: 'splitGraphs: count NaN',
    run: () => splitGraphs(Number.NaN),
    error: InvalidArgumentError,
    message: 'an integer >= 0',
  },
  {
    name: 'splitGraphs: fractions not summing to 1',
    run: () => splitGraphs(10, { fractions: [0.5, 0.5, 0.5] }),
    error: InvalidArgumentError,
    message: 'summing to 1',
  },
  {
    name: 'splitGraphs: seed NaN',
    run: () => splitGraphs(10, { seed: Number.NaN }),
    error: InvalidArgumentError,
    message: 'options.seed',
  },
  ...optionCases(
    'fromGraph',
    (o) => fromGraph(syntheticGraph(createRng(1)), o as never),
    { edge_features: ['weight'] },
    'edgeFeatures',
  ),
  {
    name: 'fromGraph: features a string',
    run: () => fromGraph(syntheticGraph(createRng(1)), { features: 'size' as never }),
    error: InvalidArgumentError,
    message: 'options.features',
  },
  {
    name: 'fromGraph: targets a string',
    run: () => fromGraph(syntheticGraph(createRng(1)), { targets: 'soc' as never }),
    error: InvalidArgumentError,
    message: 'options.targets',
  },
  {
    name: 'fromGraph: an Infinity node attribute',
    run: () => {
      const g = syntheticGraph(createRng(1));
      g.setNodeAttribute(g.nodes()[0]!, 'size', Number.POSITIVE_INFINITY);
      return fromGraph(g);
    },
    error: InvalidArgumentError,
    message: 'feature size must be a finite number',
  },
  {
    name: 'fromGraph: not a graph',
    run: () => fromGraph({} as never),
    error: InvalidArgumentError,
    message: 'a graphology graph',
  },
  {
    name: 'defaultNodeTypes: not a scheme',
    run: () => defaultNodeTypes({} as never),
    error: InvalidArgumentError,
    message: 'a PhaseScheme',
  },
  {
    name: 'allRelations: nodeTypes a string',
    run: () => allRelations('nmc' as never, 'contacts'),
    error: InvalidArgumentError,
    message: 'an array of names',
  },
  {
    name: 'validateHeteroGraph: null graph',
    run: () => validateHeteroGraph('f', null as never),
    error: InvalidArgumentError,
    message: 'a HeteroGraph',
  },
  {
    name: 'validateHeteroGraph: edge index out of range (corrupt input)',
    run: () => {
      const g = graphs[0]!;
      const key = Object.keys(g.relations).find((k) => g.relations[k]!.src.length > 0)!;
      const rel = g.relations[key]!;
      const src = Int32Array.from(rel.src);
      src[0] = 1e6;
      validateHeteroGraph('f', { ...g, relations: { ...g.relations, [key]: { ...rel, src } } });
    },
    error: InvalidArgumentError,
  },
  {
    name: 'batchGraphs: not an array',
    run: () => batchGraphs(graphs[0] as never),
    error: InvalidArgumentError,
    message: 'an array of HeteroGraphs',
  },
  {
    name: 'batchGraphs: a null entry',
    run: () => batchGraphs([graphs[0]!, null as never]),
    error: InvalidArgumentError,
    message: 'graphs[1]',
  },
  {
    name: 'fitStandardizer: not an array',
    run: () => fitStandardizer(5 as never),
    error: InvalidArgumentError,
    message: 'at least one graph',
  },
  {
    name: 'standardize: standardizer null',
    run: () => standardize(graphs[0]!, null as never),
    error: InvalidArgumentError,
    message: 'a Standardizer',
  },
  {
    name: 'standardize: a std of 0 (corrupt standardizer)',
    run: () =>
      standardize(graphs[0]!, {
        ...standardizer,
        edge: { mean: standardizer.edge.mean, std: standardizer.edge.std.map(() => 0) },
      }),
    error: InvalidArgumentError,
    message: 's.edge',
  },
  // ---------- training and evaluation
  ...optionCases(
    'train',
    (o) => train(graphs, (typeof o === 'object' && o !== null ? { ...fast, ...o } : o) as never),
    { max_epochs: 1 },
    'maxEpochs',
  ),
  {
    name: 'train: options.model misspelled',
    run: () => train(graphs, { maxEpochs: 1, model: { hidenChannels: 4 } as never }),
    error: InvalidArgumentError,
    message: 'options.model.hidenChannels',
  },
  {
    name: 'train: train and test sets overlap',
    run: () => train(graphs, { ...fast, split: { train: [0, 1, 2], val: [3], test: [2, 4] } }),
    error: InvalidArgumentError,
    message: 'positions not already in split.train',
  },
  {
    name: 'train: a position repeated in train',
    run: () => train(graphs, { ...fast, split: { train: [0, 0, 1], val: [3], test: [4] } }),
    error: InvalidArgumentError,
    message: 'must be disjoint, each position once',
  },
  {
    name: 'train: split.val not an array',
    run: () => train(graphs, { ...fast, split: { train: [0], val: 3, test: [] } as never }),
    error: InvalidArgumentError,
    message: 'options.split.val',
  },
  {
    name: 'train: lr = Infinity',
    run: () => train(graphs, { ...fast, lr: Number.POSITIVE_INFINITY }),
    error: InvalidArgumentError,
    message: 'options.lr',
  },
  {
    name: 'train: a learning rate that makes the loss overflow',
    run: () => train(graphs, { ...fast, maxEpochs: 5, lr: 1e300, clipNorm: 1e300 }),
    error: ModelError,
    message: 'diverged',
  },
  {
    name: 'train: graphs with NaN targets',
    run: () => {
      const g = graphs[0]!;
      const data = Float64Array.from(g.y!.data);
      data[1] = Number.NaN;
      return train([{ ...g, y: { ...g.y!, data } }, ...graphs.slice(1)], fast);
    },
    error: InvalidArgumentError,
    message: 'a finite number',
  },
  {
    name: 'train: onEpoch not a function',
    run: () => train(graphs, { ...fast, onEpoch: 'log' as never }),
    error: InvalidArgumentError,
    message: 'options.onEpoch',
  },
  {
    name: 'train: signal not an AbortSignal',
    run: () => train(graphs, { ...fast, signal: {} as never }),
    error: InvalidArgumentError,
    message: 'an AbortSignal',
  },
  {
    name: 'trainAsync: misspelled option rejects',
    run: () => trainAsync(graphs, { maxEpoch: 1 } as never),
    error: InvalidArgumentError,
    message: 'did you mean "maxEpochs"',
  },
  {
    name: 'trainAsync: same result as train, bit for bit',
    run: async () => {
      const a = train(graphs, { ...fast, seed: 3 });
      const b = await trainAsync(graphs, { ...fast, seed: 3 });
      return [JSON.stringify(a.model.stateDict()), JSON.stringify(b.model.stateDict())];
    },
    ok: (v) => expect((v as string[])[1]).toBe((v as string[])[0]),
  },
  {
    name: 'evaluate: model not a model',
    run: () => evaluate({} as never, graphs, standardizer),
    error: InvalidArgumentError,
    message: 'a HeteroNNConvModel',
  },
  {
    name: 'evaluate: graphs not an array',
    run: () => evaluate(model(), 5 as never, standardizer),
    error: InvalidArgumentError,
    message: 'an array of HeteroGraphs',
  },
  {
    name: 'predict: standardizer null',
    run: () => predict(model(), graphs, null as never),
    error: InvalidArgumentError,
    message: 'a Standardizer',
  },
  {
    name: 'predict: weights overflowed to Infinity give a typed error, not Infinity',
    run: () => {
      const m = model();
      m.head.bias!.data.fill(Number.POSITIVE_INFINITY);
      return predict(m, graphs, standardizer);
    },
    error: ModelError,
    message: 'non-finite weights',
  },
  {
    name: 'regressionMetrics: NaN prediction',
    run: () => regressionMetrics([1, 2], [1, Number.NaN]),
    error: InvalidArgumentError,
    message: 'predicted[1] must be a finite number',
  },
  {
    name: 'regressionMetrics: truth a number',
    run: () => regressionMetrics(3 as never, [1]),
    error: InvalidArgumentError,
    message: 'an array of numbers',
  },
];

describe('@mgraph/gnn hostile inputs', () => {
  itEachCase(cases);

  it('trainAsync lets AbortSignal.timeout fire mid-training (train cannot be interrupted)', async () => {
    const started = Date.now();
    const epochs: number[] = [];
    const run = trainAsync(graphs, {
      model: tiny,
      maxEpochs: 100_000,
      patience: 100_000,
      signal: AbortSignal.timeout(150),
      onEpoch: (r) => epochs.push(r.epoch),
    });
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(epochs.length).toBeGreaterThan(0);
    expect(epochs.length).toBeLessThan(100_000);
  });

  afterAll(() => {
    expectPeakRss('gnn', cases.length + 1);
  });
});
