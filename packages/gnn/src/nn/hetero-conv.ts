import { InvalidArgumentError } from '@mgraph/core';
import { add } from '../autograd/add.js';
import type { Tensor } from '../autograd/tensor.js';
import { Module } from './module.js';
import { ModuleDict } from './module-dict.js';
import type { EdgeIndex, NNConv } from './nn-conv.js';

/** A relation `[source node type, relation name, destination node type]`. */
export type EdgeType = readonly [string, string, string];

/**
 * The name PyTorch Geometric's `ModuleDict` gives a relation inside `HeteroConv.convs`
 * (PyG >= 2.3): `<src___rel___dst>`, so parameters read `convs.<nmc___contacts___sse>.lin.weight`.
 */
export function edgeTypeKey(edgeType: EdgeType): string {
  if (
    !Array.isArray(edgeType) ||
    edgeType.length !== 3 ||
    !edgeType.every((s) => typeof s === 'string')
  ) {
    throw new InvalidArgumentError(
      'edgeTypeKey',
      'edgeType',
      edgeType,
      'a [src, relation, dst] triple of names',
    );
  }
  return `<${edgeType.join('___')}>`;
}

/**
 * PyTorch Geometric's `HeteroConv` with `aggr='sum'`: one {@link NNConv} per relation; the
 * output of a node type is the sum, in relation order, of the outputs of every relation
 * whose destination it is. Every relation runs on every call (an empty edge set still
 * contributes its root weight and bias), which matches PyG when the `HeteroData` lists
 * every edge type.
 *
 * @remarks
 * References: PyTorch Geometric `torch_geometric.nn.conv.HeteroConv`; M. Schlichtkrull et
 * al., "Modeling Relational Data with Graph Convolutional Networks", ESWC 2018.
 */
export class HeteroConv extends Module {
  readonly edgeTypes: readonly EdgeType[];
  readonly convs: ModuleDict<NNConv>;

  /**
   * @param convs - `[relation, convolution]` pairs, in the order outputs are summed
   * @throws InvalidArgumentError for an empty or repeated relation list
   */
  constructor(convs: ReadonlyArray<readonly [EdgeType, NNConv]>) {
    super();
    const ok =
      Array.isArray(convs) &&
      convs.every(
        (c) =>
          Array.isArray(c) &&
          c.length === 2 &&
          Array.isArray(c[0]) &&
          c[0].length === 3 &&
          c[0].every((s: unknown) => typeof s === 'string') &&
          c[1] instanceof Module,
      );
    if (!ok) {
      throw new InvalidArgumentError(
        'HeteroConv',
        'convs',
        convs,
        'an array of [[src, relation, dst], NNConv] pairs',
      );
    }
    if (convs.length === 0) {
      throw new InvalidArgumentError('HeteroConv', 'convs', convs, 'at least one relation');
    }
    const keys = convs.map(([et]) => edgeTypeKey(et));
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i) {
        throw new InvalidArgumentError('HeteroConv', 'convs', key, 'a list of unique relations');
      }
    });
    this.edgeTypes = convs.map(([et]) => et);
    this.convs = new ModuleDict(convs.map(([, conv], i) => [keys[i]!, conv] as const));
  }

  protected entries(): Array<[string, Module | Tensor]> {
    return [['convs', this.convs]];
  }

  /**
   * @param x - features by node type
   * @param edges - per relation key ({@link edgeTypeKey}): edge index and `(E, width)` attributes
   * @returns outputs by destination node type (types no relation reaches are absent)
   * @throws InvalidArgumentError when a node type or relation is missing from the input
   */
  forward(
    x: Readonly<Record<string, Tensor>>,
    edges: Readonly<Record<string, { index: EdgeIndex; attr: Tensor }>>,
  ): Record<string, Tensor> {
    for (const [name, v] of [
      ['x', x],
      ['edges', edges],
    ] as const) {
      if (typeof v !== 'object' || v === null) {
        throw new InvalidArgumentError('HeteroConv.forward', name, v, 'an object keyed by type');
      }
    }
    const out: Record<string, Tensor> = {};
    for (const et of this.edgeTypes) {
      const key = edgeTypeKey(et);
      const [s, , d] = et;
      const rel = edges[key];
      if (rel === undefined)
        throw new InvalidArgumentError('HeteroConv.forward', `edges[${key}]`, rel, 'present');
      const xs = x[s];
      const xd = x[d];
      if (xs === undefined)
        throw new InvalidArgumentError('HeteroConv.forward', `x.${s}`, xs, 'present');
      if (xd === undefined)
        throw new InvalidArgumentError('HeteroConv.forward', `x.${d}`, xd, 'present');
      const y = this.convs.get(key)!.forward(xs, xd, rel.index, rel.attr);
      const prev = out[d];
      out[d] = prev === undefined ? y : add(prev, y);
    }
    return out;
  }
}
