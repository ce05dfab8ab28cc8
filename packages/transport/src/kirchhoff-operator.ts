import type { SpdOperator } from './graph-laplacian-cg.js';
import type { Network } from './kirchhoff-network.js';

/**
 * A terminal node added to a grounded network: its conductances to free nodes (local
 * indices) and its total conductance (to free and to grounded nodes). @internal
 */
export interface Terminal {
  contacts: { f: number; g: number }[];
  total: number;
}

/**
 * The weighted Laplacian of `network` restricted to the `free` nodes (every other node held
 * at a fixed potential, so its conductances stay on the diagonal), optionally with one more
 * unknown: a `terminal` node connected to some free nodes (last row and column). Symmetric
 * positive definite when every connected part of the free nodes reaches a fixed node or the
 * terminal's grounded contacts. @internal
 */
export function groundedOperator(
  network: Network,
  free: readonly number[],
  terminal?: Terminal,
): SpdOperator {
  const m = free.length;
  const local = new Int32Array(network.nodes.length).fill(-1);
  free.forEach((i, f) => {
    local[i] = f;
  });
  // Free-free couplings in CSR over local indices.
  const indptr = new Int32Array(m + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const diagonal = new Float64Array(terminal ? m + 1 : m);
  free.forEach((i, f) => {
    for (let k = network.indptr[i]!; k < network.indptr[i + 1]!; k++) {
      const g = network.conductance[k]!;
      diagonal[f]! += g;
      const j = local[network.indices[k]!]!;
      if (j >= 0) {
        cols.push(j);
        vals.push(g);
      }
    }
    indptr[f + 1] = cols.length;
  });
  const indices = Int32Array.from(cols);
  const data = Float64Array.from(vals);
  if (terminal) {
    for (const { f, g } of terminal.contacts) diagonal[f]! += g;
    diagonal[m] = terminal.total;
  }
  return {
    size: diagonal.length,
    diagonal,
    apply(x, out) {
      for (let f = 0; f < m; f++) {
        let s = diagonal[f]! * x[f]!;
        for (let k = indptr[f]!; k < indptr[f + 1]!; k++) s -= data[k]! * x[indices[k]!]!;
        out[f] = s;
      }
      if (terminal) {
        const xt = x[m]!;
        let s = terminal.total * xt;
        for (const { f, g } of terminal.contacts) {
          out[f]! -= g * xt;
          s -= g * x[f]!;
        }
        out[m] = s;
      }
    },
  };
}
