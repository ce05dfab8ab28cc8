import {
  assertAllocation,
  assertDtype,
  assertNdim,
  assertNumber,
  assertSameShape,
  checkOptions,
  flatData,
  type Image,
  InvalidArgumentError,
  NI_K_EDGE_WINDOW,
  type OptionKeys,
  type ProgressCallback,
} from '@mgraph/core';
import { MAX_ELEMENTS } from './limits.js';
import {
  checkSmoothing,
  type SmoothHistogramOptions,
  smoothHistogram,
} from './smooth-histogram.js';

/** Every option of {@link particleEnergyHistograms}. */
export const HISTOGRAM_KEYS: OptionKeys<ParticleHistogramOptions> = {
  labelsToUse: true,
  range: true,
  binWidth: true,
  smoothing: true,
  onProgress: true,
};

/** Options of {@link particleEnergyHistograms}. */
export interface ParticleHistogramOptions {
  /**
   * Labels to histogram. Default: every label > 0 present in `labels`. With a phase map,
   * pass the NMC labels, e.g. the `l` where `phaseOfLabel[l] === 2`. A listed label with
   * no pixel gets an empty histogram.
   */
  labelsToUse?: ArrayLike<number>;
  /**
   * Energy window `[low, high]` in eV, inclusive; pixels outside it are dropped. Default
   * `[8340, 8348]`, the paper's cut of the Ni K-edge energies of NMC.
   */
  range?: readonly [number, number];
  /**
   * Bin width in eV (> 0). Default 0.1 eV: 80 bins over the default range, fine enough
   * that the smoothing kernel, not the binning, sets the resolution (peak positions are
   * quantised to 0.1 eV). When it does not divide the range, the number of bins is
   * rounded and the effective width is returned.
   */
  binWidth?: number;
  /** Smoothing before peak finding; see {@link SmoothHistogramOptions}. Default Gaussian, sigma 0.1 eV. */
  smoothing?: SmoothHistogramOptions;
  /** Called with `(rowsDone, totalRows)` during the pass over the image. */
  onProgress?: ProgressCallback;
}

/** Energy histogram of one particle, with the exact moments of its kept pixels. */
export interface ParticleHistogram {
  label: number;
  /** Bin edges (length bins + 1), shared by every particle of one call. */
  edges: Float64Array;
  /** Bin centres, shared by every particle of one call. */
  centers: Float64Array;
  /** Effective bin width. */
  binWidth: number;
  /** Pixel counts per bin. */
  counts: Float64Array;
  /** `counts` after smoothing. */
  smoothed: Float64Array;
  /** Pixels inside the range. */
  kept: number;
  /** Pixels dropped: `droppedNaN + droppedOutOfRange`. */
  dropped: number;
  /** Pixels whose energy is NaN (no edge found). */
  droppedNaN: number;
  /** Pixels with a finite energy outside the range (infinities included). */
  droppedOutOfRange: number;
  /** Mean energy of the kept pixels (NaN when `kept` is 0). */
  mean: number;
  /** Sum of squared deviations of the kept energies from `mean` (0 when `kept` is 0). */
  sumSquares: number;
}

/**
 * Energy histograms of many particles in one pass over the image: every pixel of a
 * selected label with an energy inside `range` is counted in its particle's histogram;
 * NaN energies and energies outside the range are dropped and counted. The mean and the
 * sum of squared deviations of the kept energies are accumulated exactly (Welford), not
 * from the bins. 2D and 3D images, any strides.
 *
 * @param energy - Ni K-edge energy per pixel in eV (float32 or float64; NaN where unknown)
 * @param labels - instance labels (integer dtype), same shape; labels <= 0 are background
 * @param options - {@link ParticleHistogramOptions}
 * @returns one {@link ParticleHistogram} per selected label, in `labelsToUse` order
 *   (ascending label by default)
 * @throws InvalidArgumentError for a non-2D/3D image, a non-integer label map, an empty or
 *   non-finite `range`, `binWidth <= 0` or wider than the range, a bad smoothing, or
 *   `labelsToUse` with a non-integer or repeated entry
 * @throws ShapeMismatchError when `labels` and `energy` differ in shape
 */
export function particleEnergyHistograms(
  energy: Image,
  labels: Image,
  options: ParticleHistogramOptions = {},
): ParticleHistogram[] {
  const fn = 'particleEnergyHistograms';
  return histogramsOf(fn, energy, labels, checkOptions(fn, options, HISTOGRAM_KEYS));
}

/** {@link particleEnergyHistograms}, naming `fn` in its errors. */
export function histogramsOf(
  fn: string,
  energy: Image,
  labels: Image,
  options: ParticleHistogramOptions,
): ParticleHistogram[] {
  const { range = NI_K_EDGE_WINDOW, binWidth = 0.1, smoothing, onProgress } = options;
  assertNdim(fn, 'energy', energy, [2, 3]);
  assertDtype(fn, 'energy', energy, ['float32', 'float64']);
  assertDtype(fn, 'labels', labels, ['int32', 'uint8', 'uint16', 'uint32', 'int16', 'int8']);
  assertSameShape(fn, 'energy', energy, 'labels', labels);
  if (!Array.isArray(range) || range.length !== 2) {
    throw new InvalidArgumentError(fn, 'options.range', range, 'a [low, high] pair');
  }
  const [lo, hi] = range;
  assertNumber(fn, 'options.range[0]', lo);
  assertNumber(fn, 'options.range[1]', hi, { greaterThan: lo });
  assertNumber(fn, 'options.binWidth', binWidth, { greaterThan: 0, max: hi - lo });
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InvalidArgumentError(fn, 'options.onProgress', onProgress, 'a function');
  }
  const bins = Math.max(1, Math.round((hi - lo) / binWidth));
  assertAllocation(fn, 'options.binWidth', binWidth, bins, {
    limit: MAX_ELEMENTS,
    what: 'histogram bins',
    subject: 'a bin width',
  });
  checkSmoothing(fn, smoothing, (hi - lo) / bins);
  const width = (hi - lo) / bins;
  const edges = new Float64Array(bins + 1);
  const centers = new Float64Array(bins);
  for (let k = 0; k <= bins; k++) edges[k] = k === bins ? hi : lo + k * width;
  for (let k = 0; k < bins; k++) centers[k] = lo + (k + 0.5) * width;

  const e = flatData(energy) as ArrayLike<number>;
  const l = flatData(labels) as ArrayLike<number>;
  const selected = selectLabels(fn, l, options.labelsToUse);
  const maxLabel = selected.reduce((m, v) => Math.max(m, v), 0);
  // per-label tables are sized by the labels selected, never by the largest label value:
  // a dense label -> slot table while it stays small next to the image, a Map otherwise
  // (a label 2e9 must not allocate 8 GB)
  const dense = maxLabel < 65536 + 2 * l.length;
  const slotTable = dense ? new Int32Array(maxLabel + 1).fill(-1) : null;
  const slotMap = dense ? null : new Map<number, number>();
  for (let s = 0; s < selected.length; s++) {
    if (slotTable) slotTable[selected[s]!] = s;
    else slotMap!.set(selected[s]!, s);
  }

  const m = selected.length;
  assertAllocation(fn, 'options.binWidth', binWidth, m * bins, {
    limit: MAX_ELEMENTS,
    what: 'histogram bins in all',
    subject: `a bin width (${m} labels x ${bins} bins)`,
  });
  const counts = new Float64Array(m * bins);
  const kept = new Float64Array(m);
  const nan = new Float64Array(m);
  const out = new Float64Array(m);
  const mean = new Float64Array(m);
  const m2 = new Float64Array(m);
  const rowLength = energy.shape[energy.shape.length - 1]!;
  const rows = e.length / rowLength;
  for (let r = 0; r < rows; r++) {
    for (let i = r * rowLength, end = i + rowLength; i < end; i++) {
      const label = l[i]!;
      if (label <= 0 || label > maxLabel) continue;
      const s = slotTable ? slotTable[label]! : (slotMap!.get(label) ?? -1);
      if (s < 0) continue;
      const v = e[i]!;
      if (Number.isNaN(v)) {
        nan[s]!++;
        continue;
      }
      if (!(v >= lo && v <= hi)) {
        out[s]!++;
        continue;
      }
      let k = Math.min(bins - 1, Math.floor((v - lo) / width));
      // keep the bin consistent with the stored edges despite rounding (as numpy.histogram)
      if (v < edges[k]!) k--;
      else if (k < bins - 1 && v >= edges[k + 1]!) k++;
      counts[s * bins + k]!++;
      const n = ++kept[s]!;
      const delta = v - mean[s]!;
      mean[s]! += delta / n;
      m2[s]! += delta * (v - mean[s]!);
    }
    onProgress?.(r + 1, rows);
  }

  return selected.map((label, s) => {
    const c = counts.slice(s * bins, (s + 1) * bins);
    return {
      label,
      edges,
      centers,
      binWidth: width,
      counts: c,
      smoothed: smoothHistogram(c, width, smoothing),
      kept: kept[s]!,
      dropped: nan[s]! + out[s]!,
      droppedNaN: nan[s]!,
      droppedOutOfRange: out[s]!,
      mean: kept[s]! > 0 ? mean[s]! : Number.NaN,
      sumSquares: m2[s]!,
    };
  });
}

function selectLabels(fn: string, l: ArrayLike<number>, wanted?: ArrayLike<number>): number[] {
  if (wanted === undefined) {
    const seen = new Set<number>();
    for (let i = 0; i < l.length; i++) if (l[i]! > 0) seen.add(l[i]!);
    return [...seen].sort((a, b) => a - b);
  }
  if (typeof wanted !== 'object' || wanted === null || typeof wanted.length !== 'number') {
    throw new InvalidArgumentError(fn, 'options.labelsToUse', wanted, 'an array of labels');
  }
  const list = Array.from(wanted);
  const seen = new Set<number>();
  list.forEach((label, k) => {
    assertNumber(fn, `options.labelsToUse[${k}]`, label, { integer: true, greaterThan: 0 });
    if (seen.has(label)) {
      throw new InvalidArgumentError(
        fn,
        `options.labelsToUse[${k}]`,
        label,
        'a label not listed before',
      );
    }
    seen.add(label);
  });
  return list;
}
