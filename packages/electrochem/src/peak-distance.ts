import {
  assertNumber,
  checkOptions,
  InvalidArgumentError,
  NI_K_EDGE_REFERENCE,
} from '@mgraph/core';

/** How {@link peakDistance} obtained its value. */
export type PeakDistanceRule =
  | 'two-peaks'
  | 'split-at-reference'
  | 'span'
  | 'single-peak'
  | 'no-peak';

/** Options of {@link peakDistance}. */
export interface PeakDistanceOptions {
  /** Energy (eV) splitting the peaks into a low and a high group when there are more than two. Default 8344 (the paper's). */
  reference?: number;
  /**
   * Value for a single dominant peak. Default `'zero'`: one population means no measurable
   * separation between discharged and charged domains, the limit of the two-peak distance
   * as the peaks merge, and it keeps the particle in the statistics (note that
   * `log(polarization)` is then -Infinity: filter on `rule` before taking logs).
   * `'invalid'` gives `null`.
   */
  singlePeak?: 'zero' | 'invalid';
}

/** Result of {@link peakDistance}. */
export interface PeakDistance {
  /** The distance in eV (>= 0), or null when it is undefined (no peak, or a single peak with `singlePeak: 'invalid'`). */
  value: number | null;
  /** Which case of the rule applied. */
  rule: PeakDistanceRule;
}

/**
 * Peak distance (the paper's polarization) from the positions of the dominant peaks of a
 * particle's energy histogram:
 * - two peaks: their distance (`'two-peaks'`);
 * - more than two: mean position of the peaks at or above `reference` minus the mean
 *   position of those below it (`'split-at-reference'`); when all of them lie on one side,
 *   the distance between the lowest and the highest (`'span'`);
 * - one peak: 0 or null, per `singlePeak` (`'single-peak'`);
 * - none: null (`'no-peak'`).
 *
 * @param positions - energies of the dominant peaks (any order)
 * @param options - {@link PeakDistanceOptions}
 * @returns {@link PeakDistance}
 * @throws InvalidArgumentError for a non-finite position or reference, or an unknown `singlePeak`
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, "Machine Learning Enabled Graph Analysis of Particulate
 * Composites: Application to Solid-state Battery Cathodes", arXiv:2512.16085 (peak
 * distance of the Ni K-edge energy distribution as the polarization descriptor).
 */
export function peakDistance(
  positions: ArrayLike<number>,
  options: PeakDistanceOptions = {},
): PeakDistance {
  const fn = 'peakDistance';
  const { reference = NI_K_EDGE_REFERENCE, singlePeak = 'zero' } = checkOptions(fn, options, {
    reference: true,
    singlePeak: true,
  });
  if (typeof positions !== 'object' || positions === null || typeof positions.length !== 'number') {
    throw new InvalidArgumentError(fn, 'positions', positions, 'an array of peak energies');
  }
  assertNumber(fn, 'options.reference', reference);
  if (singlePeak !== 'zero' && singlePeak !== 'invalid') {
    throw new InvalidArgumentError(fn, 'options.singlePeak', singlePeak, "'zero' or 'invalid'");
  }
  const p = Array.from(positions);
  p.forEach((v, k) => {
    assertNumber(fn, `positions[${k}]`, v);
  });
  if (p.length === 0) return { value: null, rule: 'no-peak' };
  if (p.length === 1) return { value: singlePeak === 'zero' ? 0 : null, rule: 'single-peak' };
  if (p.length === 2) return { value: Math.abs(p[1]! - p[0]!), rule: 'two-peaks' };
  const below = p.filter((v) => v < reference);
  const above = p.filter((v) => v >= reference);
  if (below.length === 0 || above.length === 0) {
    return { value: Math.max(...p) - Math.min(...p), rule: 'span' };
  }
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  return { value: mean(above) - mean(below), rule: 'split-at-reference' };
}
