import {
  assertAllocation,
  assertBoolean,
  assertNumber,
  checkOptions,
  createRng,
  InvalidArgumentError,
  type OptionKeys,
  type Rng,
  ShapeMismatchError,
} from '@mgraph/core';
import { add } from '../autograd/add.js';
import { batchedVecMat } from '../autograd/batched-vec-mat.js';
import { gatherRows } from '../autograd/gather-rows.js';
import { type ScatterReduce, scatterRows } from '../autograd/scatter-rows.js';
import { assertTensor, type FloatDtype, type Tensor } from '../autograd/tensor.js';
import { MAX_ELEMENTS } from '../limits.js';
import { parameter } from './init.js';
import { assertRngAndDtype, Linear } from './linear.js';
import { Module } from './module.js';
import type { Layer } from './sequential.js';

/** Edges of one relation: `index[0][k]` (source row) -> `index[1][k]` (destination row). */
export type EdgeIndex = readonly [ArrayLike<number>, ArrayLike<number>];

/** Options of {@link NNConv}. */
export interface NNConvOptions {
  /** Aggregation of the messages reaching a node: `'add'` (default) or `'mean'`. */
  aggr?: ScatterReduce;
  /** Add `lin(x_dst)` (parameter `lin.weight`, no bias). Default true. */
  rootWeight?: boolean;
  /** Add a learned `bias` (initialised to 0). Default true. */
  bias?: boolean;
  /** Generator for `lin.weight`. Default `createRng(0)`. */
  rng?: Rng;
  /** Parameter dtype. Default `'float64'`. */
  dtype?: FloatDtype;
}

/**
 * Edge-conditioned convolution (PyTorch Geometric `NNConv`, the continuous kernel-based
 * convolution of Gilmer et al.):
 * `out_i = lin(x_dst_i) + AGG_{j -> i} x_src_j @ nn(e_ji).view(cin, cout) + bias`.
 * The edge network `nn` maps each edge's attributes to a `cin * cout` row; parameters are
 * named `nn.*`, `lin.weight` and `bias` as in PyG, with PyG's initialisation of `lin`
 * (`U(-1/sqrt(cin_dst), 1/sqrt(cin_dst))`) and `bias` (zeros).
 *
 * @remarks
 * References: J. Gilmer et al., "Neural Message Passing for Quantum Chemistry", ICML 2017,
 * arXiv:1704.01212; PyTorch Geometric `torch_geometric.nn.conv.NNConv`.
 */
export class NNConv extends Module {
  readonly inSrc: number;
  readonly inDst: number;
  readonly outChannels: number;
  readonly nn: Layer;
  readonly lin: Linear | null;
  readonly bias: Tensor | null;
  readonly aggr: ScatterReduce;

  /**
   * @param inChannels - input width, or `[source width, destination width]` (bipartite)
   * @param outChannels - output width
   * @param nn - edge network from the edge-attribute width to `cin_src * outChannels`
   * @param options - see {@link NNConvOptions}
   * @throws InvalidArgumentError for bad widths or `aggr`
   */
  constructor(
    inChannels: number | readonly [number, number],
    outChannels: number,
    nn: Layer,
    options: NNConvOptions = {},
  ) {
    super();
    const [inSrc, inDst] = Array.isArray(inChannels)
      ? (inChannels as readonly [number, number])
      : [inChannels as number, inChannels as number];
    assertNumber('NNConv', 'inChannels', inSrc, { integer: true, min: 1 });
    assertNumber('NNConv', 'inChannels', inDst, { integer: true, min: 1 });
    assertNumber('NNConv', 'outChannels', outChannels, { integer: true, min: 1 });
    const {
      aggr = 'add',
      rootWeight = true,
      bias = true,
      rng = createRng(0),
      dtype = 'float64',
    } = checkOptions('NNConv', options, NNCONV_KEYS);
    if (aggr !== 'add' && aggr !== 'mean') {
      throw new InvalidArgumentError('NNConv', 'options.aggr', aggr, "'add' or 'mean'");
    }
    assertBoolean('NNConv', 'options.rootWeight', rootWeight);
    assertBoolean('NNConv', 'options.bias', bias);
    assertRngAndDtype('NNConv', rng, dtype);
    const layer = nn as Partial<Layer> | null;
    if (typeof layer !== 'object' || layer === null || typeof layer.forward !== 'function') {
      throw new InvalidArgumentError('NNConv', 'nn', nn, 'a Module with forward (e.g. Sequential)');
    }
    assertAllocation('NNConv', 'outChannels', outChannels, inDst * outChannels, {
      limit: MAX_ELEMENTS,
    });
    this.inSrc = inSrc;
    this.inDst = inDst;
    this.outChannels = outChannels;
    this.nn = nn;
    this.aggr = aggr;
    this.lin = rootWeight ? new Linear(inDst, outChannels, { bias: false, rng, dtype }) : null;
    this.bias = bias ? parameter([outChannels], dtype, { fill: 0 }) : null;
  }

  protected entries(): Array<[string, Module | Tensor]> {
    const out: Array<[string, Module | Tensor]> = [['nn', this.nn]];
    if (this.lin !== null) out.push(['lin', this.lin]);
    if (this.bias !== null) out.push(['bias', this.bias]);
    return out;
  }

  /**
   * @param xSrc - `(nSrc, cin_src)` source-node features
   * @param xDst - `(nDst, cin_dst)` destination-node features
   * @param edgeIndex - `[source rows, destination rows]`
   * @param edgeAttr - `(E, edge width)`
   * @returns `(nDst, outChannels)`
   * @throws ShapeMismatchError for inputs of the wrong width or edge count
   * @throws InvalidArgumentError for an edge index out of range
   */
  forward(xSrc: Tensor, xDst: Tensor, edgeIndex: EdgeIndex, edgeAttr: Tensor): Tensor {
    const fn = 'NNConv.forward';
    assertTensor(fn, 'xSrc', xSrc);
    assertTensor(fn, 'xDst', xDst);
    assertTensor(fn, 'edgeAttr', edgeAttr);
    const isIndex = (a: unknown) =>
      typeof a === 'object' && a !== null && typeof (a as ArrayLike<number>).length === 'number';
    if (!Array.isArray(edgeIndex) || edgeIndex.length !== 2 || !edgeIndex.every(isIndex)) {
      throw new InvalidArgumentError(
        fn,
        'edgeIndex',
        edgeIndex,
        'a [src, dst] pair of index arrays',
      );
    }
    if (xSrc.cols !== this.inSrc || xSrc.shape.length !== 2) {
      throw new ShapeMismatchError(fn, 'xSrc', [xSrc.rows, this.inSrc], xSrc.shape);
    }
    if (xDst.cols !== this.inDst || xDst.shape.length !== 2) {
      throw new ShapeMismatchError(fn, 'xDst', [xDst.rows, this.inDst], xDst.shape);
    }
    const [src, dst] = edgeIndex;
    if (src.length !== dst.length || edgeAttr.rows !== src.length) {
      throw new ShapeMismatchError(fn, 'edgeAttr', [src.length, edgeAttr.cols], edgeAttr.shape);
    }
    const weights = this.nn.forward(edgeAttr);
    const messages = batchedVecMat(gatherRows(xSrc, src), weights, this.outChannels);
    let out = scatterRows(messages, dst, xDst.rows, this.aggr);
    if (this.lin !== null) out = add(out, this.lin.forward(xDst));
    if (this.bias !== null) out = add(out, this.bias);
    return out;
  }
}

const NNCONV_KEYS: OptionKeys<NNConvOptions> = {
  aggr: true,
  rootWeight: true,
  bias: true,
  rng: true,
  dtype: true,
};
