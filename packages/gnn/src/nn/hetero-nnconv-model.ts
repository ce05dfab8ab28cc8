import {
  assertAllocation,
  assertBoolean,
  assertNumber,
  CATHODE_SCHEME,
  checkOptions,
  createRng,
  InvalidArgumentError,
  type OptionKeys,
  type Rng,
  ShapeMismatchError,
} from '@mgraph/core';
import { add } from '../autograd/add.js';
import { dropout } from '../autograd/dropout.js';
import { gelu } from '../autograd/gelu.js';
import type { ScatterReduce } from '../autograd/scatter-rows.js';
import { type FloatDtype, Tensor } from '../autograd/tensor.js';
import { defaultNodeTypes } from '../data/from-graph.js';
import {
  allRelations,
  type FeatureMatrix,
  type HeteroGraph,
  validateHeteroGraph,
} from '../data/hetero-graph.js';
import { MAX_PARAMETERS } from '../limits.js';
import { type EdgeType, edgeTypeKey, HeteroConv } from './hetero-conv.js';
import { LayerNorm } from './layer-norm.js';
import { Linear } from './linear.js';
import { Module } from './module.js';
import { ModuleDict } from './module-dict.js';
import type { EdgeIndex } from './nn-conv.js';
import { NNConv } from './nn-conv.js';
import { ReLU, Sequential } from './sequential.js';

/** Options of {@link HeteroNNConvModel}. */
export interface HeteroNNConvModelOptions {
  /** Node-feature width (the same columns for every node type). Required. */
  inChannels: number;
  /** Edge-attribute width. Default 1 (contact strength). */
  edgeChannels?: number;
  /** Hidden width of both convolutions. Default 32. */
  hiddenChannels?: number;
  /** Hidden width of the edge MLP `Linear(edge, h) -> ReLU -> Linear(h, cin * cout)`. Default 16. */
  edgeHidden?: number;
  /** Outputs per target node. Default 3 (SOC, heterogeneity, polarization). */
  outChannels?: number;
  /** Dropout probability after each GELU while training. Default 0.1. */
  dropout?: number;
  /** NNConv aggregation, `'add'` (default, PyG's) or `'mean'`. */
  aggr?: ScatterReduce;
  /**
   * Node types, in the order of the data's `nodeTypes`. Default: the paper's cathode, the
   * node types {@link fromGraph} gives a graph of `CATHODE_SCHEME` (`['nmc', 'sse',
   * 'graphite']`); for other schemes build the model with {@link HeteroNNConvModel.forData},
   * which reads them from {@link fromGraph}'s output.
   */
  nodeTypes?: readonly string[];
  /** Relation name. Default `'contacts'`. */
  relation?: string;
  /** Node type read out by the head. Default: the cathode's active phase, `'nmc'`. */
  targetType?: string;
  /** Seed of the initial weights. Default 0. */
  seed?: number;
  /** Parameter and activation dtype. Default `'float64'`. */
  dtype?: FloatDtype;
}

/** Fully resolved {@link HeteroNNConvModelOptions}: rebuild a model with `new HeteroNNConvModel(config)`. */
export type HeteroNNConvModelConfig = Required<HeteroNNConvModelOptions>;

/**
 * Options of {@link HeteroNNConvModel.forData}: the model options that the data does not fix.
 */
export type HeteroNNConvModelDataOptions = Omit<
  HeteroNNConvModelOptions,
  'inChannels' | 'edgeChannels' | 'nodeTypes' | 'relation' | 'targetType'
>;

/** Options of {@link HeteroNNConvModel.forward}. */
export interface ForwardOptions {
  /** Apply dropout (training mode). Default false. */
  training?: boolean;
  /** Generator of the dropout masks; required when training with dropout > 0. */
  rng?: Rng;
}

/**
 * The paper's heterogeneous GNN (PyTorch Geometric layout and parameter names):
 *
 * ```
 * h1[t] = norm1[t](dropout(gelu(conv1(x)[t])))            for every node type t
 * h2    = norm2(h1[T] + dropout(gelu(conv2(h1)[T])))      residual, T = targetType
 * y     = head(h2)                                         (nodes of T, outChannels)
 * ```
 *
 * `conv1` is a {@link HeteroConv} with one {@link NNConv} per ordered pair of node types
 * (contacts in both directions); `conv2` holds the NNConvs of the relations that reach
 * `targetType` (the only node type read out, so the others would have no gradient). Each
 * NNConv turns the edge attribute (contact strength) into its per-edge weight matrix with
 * `Sequential(Linear(edge, edgeHidden), ReLU, Linear(edgeHidden, cin * cout))`.
 * Parameter names: `conv1.convs.<nmc___contacts___sse>.nn.0.weight`, ...,
 * `norm1.<type>.weight`, `conv2.convs.<...>.lin.weight`, `norm2.weight`, `head.weight`.
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, "Machine Learning Enabled Graph Analysis of Particulate
 * Composites: Application to Solid-state Battery Cathodes", arXiv:2512.16085; J. Gilmer et
 * al., ICML 2017 (NNConv); PyTorch Geometric `HeteroConv`, `NNConv`.
 */
export class HeteroNNConvModel extends Module {
  readonly config: HeteroNNConvModelConfig;
  readonly conv1: HeteroConv;
  readonly norm1: ModuleDict<LayerNorm>;
  readonly conv2: HeteroConv;
  readonly norm2: LayerNorm;
  readonly head: Linear;

  /**
   * A model for the graphs that {@link fromGraph} built: node types, target type, relation
   * name, feature and edge-attribute widths, and (for data with targets) the output width
   * from `data`; the other options as given.
   *
   * @param data - a {@link HeteroGraph} of the data set (any one: they share a schema)
   * @param options - {@link HeteroNNConvModelDataOptions}
   * @throws InvalidArgumentError for data that is not a HeteroGraph, or bad options
   * @example
   * const data = graphs.map((g) => fromGraph(g));
   * const model = HeteroNNConvModel.forData(data[0], { hiddenChannels: 16 });
   */
  static forData(data: HeteroGraph, options: HeteroNNConvModelDataOptions = {}): HeteroNNConvModel {
    const fn = 'HeteroNNConvModel.forData';
    validateHeteroGraph(fn, data, 'data');
    const relations = Object.values(data.relations);
    const names = new Set(relations.map((r) => r.edgeType[1]));
    if (names.size > 1) {
      throw new InvalidArgumentError(
        fn,
        'data.relations',
        [...names],
        'relations of one relation name (as fromGraph builds them)',
      );
    }
    const given = options as HeteroNNConvModelOptions | null | undefined;
    for (const k of [
      'inChannels',
      'edgeChannels',
      'nodeTypes',
      'relation',
      'targetType',
    ] as const) {
      if (given?.[k] !== undefined) {
        throw new InvalidArgumentError(fn, `options.${k}`, given[k], 'left out (read from data)');
      }
    }
    options = checkOptions(fn, options, DATA_KEYS);
    return new HeteroNNConvModel({
      ...options,
      inChannels: data.featureNames.length,
      edgeChannels: data.edgeFeatureNames.length,
      outChannels:
        options.outChannels ?? (data.targetNames.length > 0 ? data.targetNames.length : undefined),
      nodeTypes: data.nodeTypes,
      relation: relations[0]?.edgeType[1],
      targetType: data.targetType,
    });
  }

  /**
   * @param options - see {@link HeteroNNConvModelOptions}
   * @throws InvalidArgumentError for bad widths, probabilities or node types
   */
  constructor(options: HeteroNNConvModelOptions) {
    super();
    const fn = 'HeteroNNConvModel';
    if (options === undefined || options === null) {
      throw new InvalidArgumentError(fn, 'options', options, 'an object with inChannels');
    }
    checkOptions(fn, options, MODEL_KEYS);
    if (
      options.nodeTypes !== undefined &&
      (!Array.isArray(options.nodeTypes) ||
        !options.nodeTypes.every((t: unknown) => typeof t === 'string'))
    ) {
      throw new InvalidArgumentError(
        fn,
        'options.nodeTypes',
        options.nodeTypes,
        'an array of names',
      );
    }
    const config: HeteroNNConvModelConfig = {
      inChannels: options.inChannels,
      edgeChannels: options.edgeChannels ?? 1,
      hiddenChannels: options.hiddenChannels ?? 32,
      edgeHidden: options.edgeHidden ?? 16,
      outChannels: options.outChannels ?? 3,
      dropout: options.dropout ?? 0.1,
      aggr: options.aggr ?? 'add',
      nodeTypes: [...(options.nodeTypes ?? defaultNodeTypes(CATHODE_SCHEME))],
      relation: options.relation ?? 'contacts',
      targetType: options.targetType ?? CATHODE_SCHEME.active[0]!,
      seed: options.seed ?? 0,
      dtype: options.dtype ?? 'float64',
    };
    for (const k of [
      'inChannels',
      'edgeChannels',
      'hiddenChannels',
      'edgeHidden',
      'outChannels',
    ] as const) {
      assertNumber(fn, `options.${k}`, config[k], { integer: true, min: 1 });
    }
    assertNumber(fn, 'options.dropout', config.dropout, { min: 0, lessThan: 1 });
    assertNumber(fn, 'options.seed', config.seed);
    if (config.aggr !== 'add' && config.aggr !== 'mean') {
      throw new InvalidArgumentError(fn, 'options.aggr', config.aggr, "'add' or 'mean'");
    }
    for (const k of ['relation', 'targetType'] as const) {
      if (typeof config[k] !== 'string') {
        throw new InvalidArgumentError(fn, `options.${k}`, config[k], 'a name (string)');
      }
    }
    if (
      config.nodeTypes.length === 0 ||
      new Set(config.nodeTypes).size !== config.nodeTypes.length
    ) {
      throw new InvalidArgumentError(
        fn,
        'options.nodeTypes',
        config.nodeTypes,
        'a non-empty list of unique names',
      );
    }
    if (!config.nodeTypes.includes(config.targetType)) {
      throw new InvalidArgumentError(
        fn,
        'options.targetType',
        config.targetType,
        `one of ${config.nodeTypes.join(', ')}`,
      );
    }
    if (config.dtype !== 'float64' && config.dtype !== 'float32') {
      throw new InvalidArgumentError(fn, 'options.dtype', config.dtype, "'float64' or 'float32'");
    }
    // every parameter is allocated below: refuse a model past MAX_PARAMETERS first
    const count = parameterCount(config);
    if (count > MAX_PARAMETERS) {
      const widest = (
        ['hiddenChannels', 'edgeHidden', 'inChannels', 'edgeChannels', 'outChannels'] as const
      ).reduce((a, b) => (config[b] > config[a] ? b : a));
      assertAllocation(fn, `options.${widest}`, config[widest], count, {
        limit: MAX_PARAMETERS,
        what: 'parameters',
      });
    }
    this.config = config;
    const rng = createRng(config.seed);
    const { inChannels, hiddenChannels: h, edgeChannels, edgeHidden, aggr, dtype } = config;
    const conv = (cin: number, cout: number) =>
      new NNConv(
        cin,
        cout,
        new Sequential([
          new Linear(edgeChannels, edgeHidden, { rng, dtype }),
          new ReLU(),
          new Linear(edgeHidden, cin * cout, { rng, dtype }),
        ]),
        { aggr, rng, dtype },
      );
    const relations = allRelations(config.nodeTypes, config.relation);
    this.conv1 = new HeteroConv(relations.map((et) => [et, conv(inChannels, h)] as const));
    this.norm1 = new ModuleDict(
      config.nodeTypes.map((t) => [t, new LayerNorm(h, { dtype })] as const),
    );
    this.conv2 = new HeteroConv(
      relations.filter((et) => et[2] === config.targetType).map((et) => [et, conv(h, h)] as const),
    );
    this.norm2 = new LayerNorm(h, { dtype });
    this.head = new Linear(h, config.outChannels, { rng, dtype });
  }

  protected entries(): Array<[string, Module | Tensor]> {
    return [
      ['conv1', this.conv1],
      ['norm1', this.norm1],
      ['conv2', this.conv2],
      ['norm2', this.norm2],
      ['head', this.head],
    ];
  }

  /**
   * Predict the (z-scored) targets of the `targetType` nodes.
   *
   * @param graph - input (usually standardised; see `standardize`), as {@link fromGraph} builds it
   * @param options - see {@link ForwardOptions}
   * @returns `(nodes of targetType, outChannels)`, differentiable with respect to the parameters
   * @throws ShapeMismatchError when the feature or edge-attribute width differs from the model's
   * @throws InvalidArgumentError for a graph with other node types or relations, NaN
   *   features, edge indices out of range, or training with dropout but no `rng`
   */
  forward(graph: HeteroGraph, options: ForwardOptions = {}): Tensor {
    const fn = 'HeteroNNConvModel.forward';
    const { training = false, rng } = checkOptions(fn, options, FORWARD_KEYS);
    assertBoolean(fn, 'options.training', training);
    const { nodeTypes, targetType, inChannels, edgeChannels, dtype, dropout: p } = this.config;
    validateHeteroGraph(fn, graph);
    if (graph.featureNames.length !== inChannels) {
      throw new ShapeMismatchError(
        fn,
        'graph.x (feature width)',
        [inChannels],
        [graph.featureNames.length],
      );
    }
    if (graph.edgeFeatureNames.length !== edgeChannels) {
      throw new ShapeMismatchError(
        fn,
        'graph edge attributes (width)',
        [edgeChannels],
        [graph.edgeFeatureNames.length],
      );
    }
    const drop = training && p > 0;
    if (drop && rng === undefined) {
      throw new InvalidArgumentError(
        fn,
        'options.rng',
        rng,
        'a generator when training with dropout',
      );
    }
    const x: Record<string, Tensor> = {};
    for (const t of nodeTypes) {
      const m = graph.x[t];
      if (m === undefined)
        throw new InvalidArgumentError(fn, `graph.x.${t}`, m, 'present (model node type)');
      x[t] = asTensor(m, dtype);
    }
    const edges: Record<string, { index: EdgeIndex; attr: Tensor }> = {};
    for (const et of this.conv1.edgeTypes) {
      const key = edgeTypeKey(et as EdgeType);
      const rel = graph.relations[key];
      if (rel === undefined)
        throw new InvalidArgumentError(
          fn,
          `graph.relations[${key}]`,
          rel,
          'present (model relation)',
        );
      edges[key] = { index: [rel.src, rel.dst], attr: asTensor(rel.attr, dtype) };
    }
    const maybeDrop = (t: Tensor) => (drop ? dropout(t, p, rng!) : t);
    const c1 = this.conv1.forward(x, edges);
    const h1: Record<string, Tensor> = {};
    for (const t of nodeTypes) h1[t] = this.norm1.get(t)!.forward(maybeDrop(gelu(c1[t]!)));
    const c2 = this.conv2.forward(h1, edges);
    const h2 = this.norm2.forward(add(h1[targetType]!, maybeDrop(gelu(c2[targetType]!))));
    return this.head.forward(h2);
  }
}

const MODEL_KEYS: OptionKeys<HeteroNNConvModelOptions> = {
  inChannels: true,
  edgeChannels: true,
  hiddenChannels: true,
  edgeHidden: true,
  outChannels: true,
  dropout: true,
  aggr: true,
  nodeTypes: true,
  relation: true,
  targetType: true,
  seed: true,
  dtype: true,
};

const DATA_KEYS: OptionKeys<HeteroNNConvModelDataOptions> = {
  hiddenChannels: true,
  edgeHidden: true,
  outChannels: true,
  dropout: true,
  aggr: true,
  seed: true,
  dtype: true,
};

const FORWARD_KEYS: OptionKeys<ForwardOptions> = { training: true, rng: true };

/** Number of parameters of a model of `config`, computed without allocating it. */
function parameterCount(config: HeteroNNConvModelConfig): number {
  const { inChannels: cin, hiddenChannels: h, edgeChannels: e, edgeHidden: eh } = config;
  const types = config.nodeTypes.length;
  // NNConv: edge MLP Linear(e, eh) + Linear(eh, a * b), root Linear(a, b) without bias, bias b
  const conv = (a: number, b: number) => e * eh + eh + eh * a * b + a * b + a * b + b;
  return (
    types * types * conv(cin, h) +
    types * conv(h, h) +
    types * 2 * h +
    2 * h +
    h * config.outChannels +
    config.outChannels
  );
}

function asTensor(m: FeatureMatrix, dtype: FloatDtype): Tensor {
  const data = dtype === 'float32' ? Float32Array.from(m.data) : m.data;
  return new Tensor(data, [m.rows, m.cols]);
}
