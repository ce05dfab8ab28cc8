import {
  assertAllocation,
  assertNumber,
  checkOptions,
  createRng,
  InvalidArgumentError,
  type OptionKeys,
} from '@mgraph/core';
import { MAX_GRAPHS } from '../limits.js';

const KEYS: OptionKeys<SplitGraphsOptions> = { fractions: true, seed: true };

/** Graph positions of each split. */
export interface GraphSplit {
  train: number[];
  val: number[];
  test: number[];
}

/** Options of {@link splitGraphs}. */
export interface SplitGraphsOptions {
  /** `[train, val, test]`, non-negative, summing to 1. Default `[0.6, 0.2, 0.2]` (the paper's). */
  fractions?: readonly [number, number, number];
  /** Seed of the shuffle. Default 0. */
  seed?: number;
}

/**
 * Seeded random split of `count` graphs into train / validation / test by graph (never by
 * node): a Fisher-Yates shuffle of `0..count-1`, then the first `round(count * train)`
 * positions train, the next `round(count * val)` validate, the rest test (73 graphs at the
 * paper's 60/20/20: 44 / 15 / 14). Each list is sorted.
 *
 * @param count - number of graphs (integer >= 0)
 * @param options - {@link SplitGraphsOptions}: `fractions` ([0.6, 0.2, 0.2]), `seed` (0)
 * @returns the three index lists
 * @throws InvalidArgumentError for bad fractions or count
 */
export function splitGraphs(count: number, options: SplitGraphsOptions = {}): GraphSplit {
  const { fractions = [0.6, 0.2, 0.2], seed = 0 } = checkOptions('splitGraphs', options, KEYS);
  if (!Number.isInteger(count) || count < 0) {
    throw new InvalidArgumentError('splitGraphs', 'count', count, 'an integer >= 0');
  }
  assertAllocation('splitGraphs', 'count', count, count, { limit: MAX_GRAPHS, what: 'graphs' });
  assertNumber('splitGraphs', 'options.seed', seed);
  const okFractions =
    Array.isArray(fractions) &&
    fractions.length === 3 &&
    fractions.every((f) => Number.isFinite(f) && f >= 0) &&
    Math.abs(fractions[0] + fractions[1] + fractions[2] - 1) < 1e-9;
  if (!okFractions) {
    throw new InvalidArgumentError(
      'splitGraphs',
      'options.fractions',
      fractions,
      'three non-negative numbers summing to 1',
    );
  }
  const order = createRng(seed).shuffle(Array.from({ length: count }, (_, i) => i));
  const nTrain = Math.round(count * fractions[0]);
  const nVal = Math.min(count - nTrain, Math.round(count * fractions[1]));
  const sorted = (a: number[]) => a.sort((p, q) => p - q);
  return {
    train: sorted(order.slice(0, nTrain)),
    val: sorted(order.slice(nTrain, nTrain + nVal)),
    test: sorted(order.slice(nTrain + nVal)),
  };
}
