import {
  assertNumber,
  checkOptions,
  type Image,
  InvalidArgumentError,
  NI_K_EDGE_REFERENCE,
  type OptionKeys,
} from '@mgraph/core';
import { FIND_PEAKS_KEYS, type FindPeaksOptions, findPeaks } from './find-peaks.js';
import {
  HISTOGRAM_KEYS,
  histogramsOf,
  type ParticleHistogram,
  type ParticleHistogramOptions,
} from './particle-energy-histograms.js';
import { type PeakDistanceOptions, type PeakDistanceRule, peakDistance } from './peak-distance.js';

/** Options of {@link electrochemicalDescriptors}; histogram options as in {@link particleEnergyHistograms}. */
export interface DescriptorOptions extends ParticleHistogramOptions, PeakDistanceOptions {
  /**
   * Delta degrees of freedom of the heterogeneity (standard deviation): divisor
   * `kept - ddof`. Default 0, NumPy's `np.std` default and the population standard
   * deviation: a particle's pixels are all of that particle, not a sample of it.
   */
  ddof?: number;
  /** A peak is dominant when its height is >= this fraction of the reference height. Default 0.4 (the paper's 40 %). */
  dominantFraction?: number;
  /**
   * Reference height of `dominantFraction`. Default `'highestPeak'`: the highest peak of
   * the smoothed histogram (the "40 % of the highest"), so a pile-up at the edge
   * of the range, which is never a peak, does not hide the peaks. `'histogramMax'`: the
   * maximum bin, as `find_peaks(h, height=0.4 * h.max())`.
   */
  heightReference?: 'highestPeak' | 'histogramMax';
  /** Extra `findPeaks` conditions on the smoothed histogram (e.g. `prominence`), applied with the height rule in SciPy's order. Default none. */
  peakOptions?: Omit<FindPeaksOptions, 'height'>;
  /**
   * Minimum kept pixels (>= 1) for valid descriptors. Default 20: below that, an 80-bin
   * histogram holds too few counts for its modes to mean anything. Never fewer than
   * `ddof + 1`.
   */
  minPixels?: number;
}

/** A dominant peak of a particle's smoothed energy histogram. */
export interface DominantPeak {
  /** Bin index. */
  index: number;
  /** Bin centre in eV. */
  energy: number;
  /** Smoothed count at the peak. */
  height: number;
}

/** Electrochemical descriptors of one particle. */
export interface ParticleDescriptors {
  label: number;
  /** False when the particle has too few kept pixels; then `reason` says why and every descriptor is null. */
  valid: boolean;
  /** Why the particle is invalid, else null. */
  reason: string | null;
  /** State of charge proxy: mean Ni K-edge energy (eV) of the kept pixels. */
  soc: number | null;
  /** Standard deviation (eV) of the kept energies, with `ddof`. */
  heterogeneity: number | null;
  /** Peak distance (eV) of the dominant histogram peaks; null for no peak (see `polarizationRule`). */
  polarization: number | null;
  /** Which case of the peak-distance rule gave `polarization` (`'invalid'` for an invalid particle). */
  polarizationRule: PeakDistanceRule | 'invalid';
  /** Dominant peaks, ascending energy. */
  peaks: DominantPeak[];
  /** Number of peaks of the smoothed histogram before the dominance rule. */
  candidatePeaks: number;
  /** The particle's histogram (raw and smoothed counts, bins). */
  histogram: ParticleHistogram;
  /** Pixels kept (finite energy inside the range). */
  kept: number;
  /** Pixels dropped (NaN or outside the range). */
  dropped: number;
}

const DESCRIPTOR_KEYS: OptionKeys<DescriptorOptions> = {
  ...HISTOGRAM_KEYS,
  reference: true,
  singlePeak: true,
  ddof: true,
  dominantFraction: true,
  heightReference: true,
  peakOptions: true,
  minPixels: true,
};

/**
 * Per-particle electrochemical descriptors from a Ni K-edge energy map, in one pass over
 * the image for all particles (2D or 3D, any strides): each particle's kept energies
 * (finite, inside `range`) give its SOC (mean) and heterogeneity (standard deviation);
 * its histogram, smoothed, gives the dominant peaks (height >= `dominantFraction` of the
 * highest, `findPeaks` semantics) and their distance, the polarization (see
 * {@link peakDistance}). A particle with fewer than `minPixels` kept pixels is marked
 * invalid with a reason; no descriptor is ever NaN.
 *
 * @param energy - Ni K-edge energy per pixel (eV; float32/float64; NaN where unknown, e.g. outside NMC)
 * @param labels - instance labels (integer dtype), same shape; <= 0 is background
 * @param options - {@link DescriptorOptions}; defaults: range [8340, 8348] eV, bin 0.1 eV,
 *   Gaussian smoothing sigma 0.1 eV, ddof 0, dominantFraction 0.4 of the highest peak,
 *   reference 8344 eV, single peak -> 0, minPixels 20
 * @returns one {@link ParticleDescriptors} per label (ascending, or in `labelsToUse` order)
 * @throws InvalidArgumentError / ShapeMismatchError as {@link particleEnergyHistograms}, and
 *   for `ddof` not an integer >= 0, `dominantFraction` outside (0, 1], `minPixels` < 1, an
 *   unknown `heightReference` or `singlePeak`
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, "Machine Learning Enabled Graph Analysis of Particulate
 * Composites: Application to Solid-state Battery Cathodes", arXiv:2512.16085; SciPy
 * `scipy.signal.find_peaks`.
 */
export function electrochemicalDescriptors(
  energy: Image,
  labels: Image,
  options: DescriptorOptions = {},
): ParticleDescriptors[] {
  const fn = 'electrochemicalDescriptors';
  options = checkOptions(fn, options, DESCRIPTOR_KEYS);
  const {
    ddof = 0,
    dominantFraction = 0.4,
    heightReference = 'highestPeak',
    peakOptions = {},
    minPixels = 20,
    reference = NI_K_EDGE_REFERENCE,
    singlePeak = 'zero',
  } = options;
  assertNumber(fn, 'options.ddof', ddof, { integer: true, min: 0 });
  assertNumber(fn, 'options.dominantFraction', dominantFraction, { greaterThan: 0, max: 1 });
  assertNumber(fn, 'options.minPixels', minPixels, { integer: true, min: 1 });
  if (heightReference !== 'highestPeak' && heightReference !== 'histogramMax') {
    throw new InvalidArgumentError(
      fn,
      'options.heightReference',
      heightReference,
      "'highestPeak' or 'histogramMax'",
    );
  }
  const { height: _height, ...peakKeys } = FIND_PEAKS_KEYS;
  if (
    typeof peakOptions === 'object' &&
    peakOptions !== null &&
    (peakOptions as FindPeaksOptions).height !== undefined
  ) {
    throw new InvalidArgumentError(
      fn,
      'options.peakOptions.height',
      (peakOptions as FindPeaksOptions).height,
      'left out (the dominant-peak height is options.dominantFraction of the reference height)',
    );
  }
  const peaks0 = checkOptions(fn, peakOptions, peakKeys, 'options.peakOptions');
  // a bad peak option fails here, before the pass over the image (per-sample conditions,
  // arrays of the histogram's length, are checked on the first histogram)
  const perSample = Object.values(peaks0).some(
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      ((v as ArrayLike<unknown>).length !== 2 ||
        Array.from(v as ArrayLike<unknown>).some((e) => typeof e === 'object' && e !== null)),
  );
  if (!perSample) findPeaks([0, 1, 0], peaks0);
  // validates reference and singlePeak before the pass over the image
  peakDistance([], { reference, singlePeak });
  const histograms = histogramsOf(fn, energy, labels, options);
  const needed = Math.max(minPixels, ddof + 1);

  return histograms.map((h) => {
    const base = { label: h.label, histogram: h, kept: h.kept, dropped: h.dropped };
    if (h.kept < needed) {
      return {
        ...base,
        valid: false,
        reason: `too few pixels: ${h.kept} kept in range [${h.edges[0]}, ${h.edges[h.edges.length - 1]}] eV (minimum ${needed}); ${h.droppedNaN} NaN and ${h.droppedOutOfRange} out-of-range pixels dropped`,
        soc: null,
        heterogeneity: null,
        polarization: null,
        polarizationRule: 'invalid' as const,
        peaks: [],
        candidatePeaks: 0,
      };
    }
    const candidates = findPeaks(h.smoothed, peaks0).peaks;
    let top = 0;
    if (heightReference === 'histogramMax') {
      for (const v of h.smoothed) top = Math.max(top, v);
    } else {
      for (const p of candidates) top = Math.max(top, h.smoothed[p]!);
    }
    const dominant =
      candidates.length === 0
        ? []
        : Array.from(findPeaks(h.smoothed, { ...peaks0, height: dominantFraction * top }).peaks);
    const peaks = dominant.map((index) => ({
      index,
      energy: h.centers[index]!,
      height: h.smoothed[index]!,
    }));
    const distance = peakDistance(
      peaks.map((p) => p.energy),
      { reference, singlePeak },
    );
    return {
      ...base,
      valid: true,
      reason: null,
      soc: h.mean,
      heterogeneity: Math.sqrt(h.sumSquares / (h.kept - ddof)),
      polarization: distance.value,
      polarizationRule: distance.rule,
      peaks,
      candidatePeaks: candidates.length,
    };
  });
}
