import type { GraphIndex } from './graph-index.js';

/**
 * Single-source shortest paths for Brandes-style accumulation, reused across sources.
 * After `run(s)`: `order[0 .. count)` lists the reached nodes by non-decreasing distance,
 * `dist[v]` is the distance (`-1` when unreached), `sigma[v]` the number of shortest paths
 * (a double, as in networkx, so that it never wraps) and the predecessors of `v` on those
 * paths are `preds[index.offsets[v] .. index.offsets[v] + predCount[v])`.
 */
export interface ShortestPaths {
  readonly order: Int32Array;
  readonly dist: Float64Array;
  readonly sigma: Float64Array;
  readonly preds: Int32Array;
  readonly predCount: Int32Array;
  count: number;
  run(source: number): void;
}

/**
 * Breadth-first search (every edge has length 1), as networkx
 * `_single_source_shortest_path_basic`.
 */
export function breadthFirstPaths(index: GraphIndex): ShortestPaths {
  const { offsets, targets } = index;
  const n = offsets.length - 1;
  const state = allocate(n, targets.length);
  const { order, dist, sigma, preds, predCount } = state;
  dist.fill(-1);
  state.run = (source) => {
    resetVisited(state);
    dist[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++]!;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
        const w = targets[k]!;
        if (dist[w] === -1) {
          dist[w] = next;
          order[tail++] = w;
        }
        if (dist[w] === next) {
          sigma[w]! += sv;
          preds[offsets[w]! + predCount[w]!++] = v;
        }
      }
    }
    state.count = tail;
  };
  return state;
}

/**
 * Dijkstra search over the edge values of `index` (positive distances), as networkx
 * `_single_source_dijkstra_path_basic`: nodes settled by distance, and paths of exactly equal
 * length counted together.
 */
export function dijkstraPaths(index: GraphIndex): ShortestPaths {
  const { offsets, targets, weights } = index;
  const n = offsets.length - 1;
  const state = allocate(n, targets.length);
  const { order, dist, sigma, preds, predCount } = state;
  const seen = new Float64Array(n);
  const heap = new IndexedMinHeap(n);
  dist.fill(-1);
  seen.fill(-1);
  state.run = (source) => {
    // every node pushed on the heap was settled, so the settled list covers `seen` too
    for (let k = 0; k < state.count; k++) seen[order[k]!] = -1;
    resetVisited(state);
    heap.clear();
    seen[source] = 0;
    sigma[source] = 1;
    heap.push(0, source);
    let count = 0;
    while (heap.size > 0) {
      const d = heap.topKey();
      const v = heap.pop();
      dist[v] = d;
      order[count++] = v;
      const sv = sigma[v]!;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
        const w = targets[k]!;
        const alt = d + weights[k]!;
        if (dist[w] === -1 && (seen[w] === -1 || alt < seen[w]!)) {
          seen[w] = alt;
          heap.push(alt, w);
          sigma[w] = sv;
          preds[offsets[w]!] = v;
          predCount[w] = 1;
        } else if (alt === seen[w]) {
          sigma[w]! += sv;
          preds[offsets[w]! + predCount[w]!++] = v;
        }
      }
    }
    state.count = count;
  };
  return state;
}

/** Undo the previous search on the nodes it reached only (O(reached), not O(n), per source). */
function resetVisited(state: ShortestPaths): void {
  const { order, dist, sigma, predCount } = state;
  for (let k = 0; k < state.count; k++) {
    const v = order[k]!;
    dist[v] = -1;
    sigma[v] = 0;
    predCount[v] = 0;
  }
  state.count = 0;
}

function allocate(n: number, m: number): ShortestPaths {
  return {
    order: new Int32Array(n),
    dist: new Float64Array(n),
    sigma: new Float64Array(n),
    preds: new Int32Array(m),
    predCount: new Int32Array(n),
    count: 0,
    run: () => undefined,
  };
}

/**
 * Indexed binary min-heap of nodes keyed by distance: each node is in the heap at most once
 * and a shorter distance moves it up (decrease-key), so a search holds at most n entries
 * instead of one per relaxation. Keys live beside the nodes in heap order for locality. Nodes
 * of equal distance may settle in any (deterministic) order: Brandes' accumulation and the
 * path counts only need non-decreasing distances, so only the last bits of sums can differ
 * from networkx's FIFO order.
 */
class IndexedMinHeap {
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(n: number) {
    this.keys = new Float64Array(n);
    this.nodes = new Int32Array(n);
    this.position = new Int32Array(n).fill(-1);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.nodes[i]!] = -1;
    this.size = 0;
  }

  /** The smallest key. */
  topKey(): number {
    return this.keys[0]!;
  }

  /** Insert `node` with `key`, or lower its key when it is in the heap already. */
  push(key: number, node: number): void {
    const { keys, nodes, position } = this;
    let i = position[node]!;
    if (i < 0) i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      nodes[i] = nodes[parent]!;
      position[nodes[i]!] = i;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
    position[node] = i;
  }

  /** Remove and return the node of smallest key. */
  pop(): number {
    const { keys, nodes, position } = this;
    const top = nodes[0]!;
    position[top] = -1;
    const size = --this.size;
    if (size === 0) return top;
    const key = keys[size]!;
    const node = nodes[size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      nodes[i] = nodes[child]!;
      position[nodes[i]!] = i;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    position[node] = i;
    return top;
  }
}
