import {
  assertCallback,
  assertNumber,
  assertSameShape,
  assertSignal,
  checkOptions,
  checkScheme,
  flatData,
  InvalidArgumentError,
  type NdArray,
  type PhaseScheme,
  type ProgressCallback,
  type TypedArray,
} from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { checkWindow, countPairs } from './adjacency-counts.js';
import { type LabelRuns, labelRuns } from './label-runs.js';
import { type RegionSummary, regionSummary } from './region-summary.js';
import type {
  MicrostructureEdgeAttributes,
  MicrostructureGraph,
  MicrostructureGraphAttributes,
  MicrostructureNodeAttributes,
} from './types.js';

/**
 * How the contact strength of an edge combines its two directed counts `countAB`, `countBA`:
 * `'mean'` (their average), `'min'`, `'max'`, `'sum'`, or a function returning a positive
 * finite number.
 */
export type StrengthRule =
  | 'mean'
  | 'min'
  | 'max'
  | 'sum'
  | ((countAB: number, countBA: number) => number);

/**
 * Options of {@link buildGraph}. `scheme` is required, and exactly one of `phaseOfLabel` and
 * `phases`.
 */
export interface BuildGraphOptions {
  /**
   * Phase scheme of the phase codes (required, no default): `CATHODE_SCHEME`,
   * `SOFC_ANODE_SCHEME`, `LI_ION_ELECTRODE_SCHEME` or `definePhaseScheme(...)` from
   * `@mgraph/core`. The graph carries it (graph attribute `scheme`), and every analysis
   * and export reads it from there. Every object must be of a phase the scheme cuts into
   * objects (`scheme.objects`).
   */
  scheme: PhaseScheme;
  /**
   * Phase code of every label, indexed by label (length >= max label + 1; entry 0 unused), as
   * returned by `@mgraph/watershed`'s `instanceSegmentation`.
   */
  phaseOfLabel?: ArrayLike<number>;
  /**
   * Phase map of the same shape as `labels`; each object takes the phase code most of its
   * pixels have (ties: the smaller code).
   */
  phases?: NdArray;
  /** Side of the square / cube structuring element, odd >= 1. Default 7 (the paper's). */
  window?: number;
  /** How `strength` combines the two directed counts. Default `'mean'`. */
  strength?: StrengthRule;
  /**
   * Divisor from `strength` to `weight`: a positive number, `'radius'` (the window's
   * Chebyshev radius `(window - 1) / 2`, or 1 for `window = 1`) or `'max'` (the largest
   * strength of the graph, so that weights lie in (0, 1]). Default `'radius'`: a straight
   * contact of length L pixels has directed counts of about `radius * L`, so the default
   * weight approximates the contact length in pixels (2D) or area in pixels^2 (3D), the same
   * for any image size.
   */
  weightScale?: number | 'radius' | 'max';
  /**
   * Voxel size per axis (one number, or one per axis in the image's axis order), in `unit`.
   * Given (or `unit` given), the graph carries `spacing` and `unit` as graph attributes and
   * every node a physical `volume` and `physicalCentroid`. The adjacency `window` and the
   * contact counts stay in voxels whatever the spacing. Default: none (1 when only `unit` is
   * given).
   */
  spacing?: number | readonly number[];
  /** Unit of `spacing` (a non-empty string, e.g. `'um'`). Default `'voxel'` when `spacing` is given. */
  unit?: string;
  /** Progress of the adjacency pass, `(done, total)` rows. */
  onProgress?: ProgressCallback;
  /** Cancels the adjacency pass (checked about every 1% of the rows). */
  signal?: AbortSignal;
}

/**
 * Build the microstructure graph of an instance map: one node per labelled object, one edge
 * per pair of objects in contact under the paper's rule (the mask of one, dilated by a
 * `window`^ndim square, overlaps the other; see {@link adjacencyCounts}).
 *
 * Node key: `String(label)`; node attributes {@link MicrostructureNodeAttributes}
 * (`label`, `phase`, `phaseCode`, `size`, `centroid`, `bbox`). Edge key `"a-b"` with `a < b`,
 * source `a`, target `b`; edge attributes {@link MicrostructureEdgeAttributes}: `countAB`
 * (pixels of `b` in dilated `a`), `countBA`, `strength` (the two combined by
 * `options.strength`, default their mean) and `weight = strength / scale` (default scale:
 * the window radius, 3 for 7x7). Graph attributes {@link MicrostructureGraphAttributes}:
 * `scheme` (the whole {@link PhaseScheme}, a plain JSON object, read by every analysis and
 * written by every export), `shape`, `window`, `strength` (rule name) and `weightScale`; with
 * `spacing` or `unit`, also `spacing` and `unit`, and each node's physical `volume` and
 * `physicalCentroid` (the window stays in voxels).
 * Works in 2D and 3D, for any phase scheme.
 *
 * @param labels - 2D or 3D instance map (int32 or any integer values >= 0, 0 = no object)
 * @param options - {@link BuildGraphOptions}: `scheme` (required), `phaseOfLabel` or `phases`
 *   (one required), `window` (7), `strength` ('mean'), `weightScale` ('radius'), `spacing`,
 *   `unit`, `onProgress`, `signal`
 * @returns a graphology `UndirectedGraph` (no self loops, no parallel edges)
 * @throws InvalidArgumentError when `options.scheme` is missing or not a phase scheme; on
 *   bad labels or window (see {@link adjacencyCounts}); when both or neither of
 *   `phaseOfLabel` / `phases` are given; when `phaseOfLabel` is too short for a label of the
 *   image or gives a code outside the scheme; when an object's phase is one the scheme does
 *   not cut into objects (e.g. `'background'` of `CATHODE_SCHEME`); on an unknown
 *   `strength`, a strength function returning a non-positive value, or a bad `weightScale`
 * @throws AbortError when `options.signal` fires
 * @throws ShapeMismatchError when `phases` and `labels` differ in shape
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (node = particle, size = pixel count,
 * edge = 7x7 dilation overlap, contact strength as the edge weight).
 */
export function buildGraph(labels: NdArray, options: BuildGraphOptions): MicrostructureGraph {
  const fn = 'buildGraph';
  options = checkOptions(fn, options, {
    scheme: true,
    phaseOfLabel: true,
    phases: true,
    window: true,
    strength: true,
    weightScale: true,
    spacing: true,
    unit: true,
    onProgress: true,
    signal: true,
  });
  if (options.scheme === undefined) {
    throw new InvalidArgumentError(
      fn,
      'options.scheme',
      options.scheme,
      'given (it has no default): pass the scheme of the phase map, e.g. CATHODE_SCHEME, SOFC_ANODE_SCHEME, LI_ION_ELECTRODE_SCHEME or definePhaseScheme(...) from @mgraph/core',
    );
  }
  const {
    phaseOfLabel,
    phases,
    window = 7,
    strength = 'mean',
    weightScale = 'radius',
    spacing,
    unit,
    onProgress,
    signal,
  } = options;
  assertCallback(fn, 'options.onProgress', onProgress);
  assertSignal(fn, 'options.signal', signal);
  const scheme = checkScheme(fn, 'options.scheme', options.scheme);
  const radius = checkWindow(fn, window);
  const combine = strengthFunction(fn, strength);
  if (weightScale !== 'radius' && weightScale !== 'max') {
    assertNumber(fn, 'options.weightScale', weightScale, { greaterThan: 0 });
  }
  const runs = labelRuns(fn, labels);
  const physical = physicalFrame(fn, spacing, unit, runs.shape.length);
  const regions = regionSummary(runs);
  const codes = phaseCodes(fn, runs, regions, phaseOfLabel, phases, labels, scheme);
  checkObjectCodes(fn, regions, codes, scheme, phaseOfLabel !== undefined);
  const counts = countPairs(fn, runs, radius, { onProgress, signal });

  const ndim = runs.shape.length;
  const graph: MicrostructureGraph = new UndirectedGraph<
    MicrostructureNodeAttributes,
    MicrostructureEdgeAttributes,
    MicrostructureGraphAttributes
  >({ allowSelfLoops: false, multi: false });
  const voxelVolume = physical?.spacing.reduce((a, b) => a * b, 1);
  regions.labels.forEach((label, i) => {
    const centroid = Array.from(regions.centroid.subarray(i * ndim, (i + 1) * ndim));
    graph.addNode(String(label), {
      label,
      phase: scheme.phases[codes[i]!]!,
      phaseCode: codes[i]!,
      size: regions.size[i]!,
      centroid,
      bbox: Array.from(regions.bbox.subarray(i * 2 * ndim, (i + 1) * 2 * ndim)),
      ...(physical === undefined
        ? {}
        : {
            volume: regions.size[i]! * voxelVolume!,
            physicalCentroid: centroid.map((c, d) => c * physical.spacing[d]!),
          }),
    });
  });
  const { source, target, count } = counts;
  for (let i = 0; i < source.length; i++) {
    const a = source[i]!;
    const b = target[i]!;
    if (a < b) {
      graph.addUndirectedEdgeWithKey(`${a}-${b}`, String(a), String(b), {
        a,
        b,
        countAB: count[i]!,
        countBA: 0,
        strength: 0,
        weight: 0,
      });
    }
  }
  for (let i = 0; i < source.length; i++) {
    const a = source[i]!;
    const b = target[i]!;
    if (a > b) graph.setEdgeAttribute(`${b}-${a}`, 'countBA', count[i]!);
  }
  let maxStrength = 0;
  graph.updateEachEdgeAttributes((edge, attr) => {
    const s = combine(attr.countAB, attr.countBA);
    if (!(Number.isFinite(s) && s > 0)) {
      throw new InvalidArgumentError(
        fn,
        'options.strength',
        s,
        `a function returning a positive finite number (edge ${edge})`,
      );
    }
    if (s > maxStrength) maxStrength = s;
    return { ...attr, strength: s };
  });
  const scale =
    weightScale === 'radius'
      ? Math.max(radius, 1)
      : weightScale === 'max'
        ? maxStrength || 1
        : weightScale;
  graph.updateEachEdgeAttributes((_edge, attr) => ({ ...attr, weight: attr.strength / scale }));
  graph.replaceAttributes({
    scheme,
    shape: runs.shape.slice(),
    window,
    strength: typeof strength === 'function' ? 'custom' : strength,
    weightScale: scale,
    ...(physical === undefined ? {} : { spacing: physical.spacing, unit: physical.unit }),
  });
  return graph;
}

/**
 * The physical frame of the graph: voxel size per axis and unit, or undefined when neither
 * `spacing` nor `unit` is given.
 */
function physicalFrame(
  fn: string,
  spacing: number | readonly number[] | undefined,
  unit: string | undefined,
  ndim: number,
): { spacing: number[]; unit: string } | undefined {
  if (spacing === undefined && unit === undefined) return undefined;
  if (unit !== undefined && !(typeof unit === 'string' && unit.length > 0)) {
    throw new InvalidArgumentError(fn, 'options.unit', unit, "a non-empty string (e.g. 'um')");
  }
  const list =
    spacing === undefined || typeof spacing === 'number'
      ? new Array<number>(ndim).fill(spacing ?? 1)
      : spacing;
  if (!Array.isArray(list) || list.length !== ndim) {
    throw new InvalidArgumentError(
      fn,
      'options.spacing',
      spacing,
      `a positive number or ${ndim} positive numbers (voxel size per axis)`,
    );
  }
  list.forEach((s, d) => {
    assertNumber(fn, `options.spacing[${d}]`, s, { greaterThan: 0 });
  });
  return { spacing: [...list], unit: unit ?? 'voxel' };
}

function strengthFunction(
  fn: string,
  strength: unknown,
): (countAB: number, countBA: number) => number {
  if (typeof strength === 'function') return strength as (ab: number, ba: number) => number;
  switch (strength) {
    case 'mean':
      return (ab, ba) => (ab + ba) / 2;
    case 'min':
      return Math.min;
    case 'max':
      return Math.max;
    case 'sum':
      return (ab, ba) => ab + ba;
    default:
      throw new InvalidArgumentError(
        fn,
        'options.strength',
        strength,
        "'mean', 'min', 'max', 'sum' or a function (countAB, countBA) => number",
      );
  }
}

/**
 * Every object must be of a phase the scheme cuts into objects: an object of another phase
 * (e.g. a labelled background region of the cathode) would silently be a node no analysis
 * expects.
 */
function checkObjectCodes(
  fn: string,
  regions: RegionSummary,
  codes: Uint8Array,
  scheme: PhaseScheme,
  fromPhaseOfLabel: boolean,
): void {
  for (let i = 0; i < codes.length; i++) {
    const phase = scheme.phases[codes[i]!]!;
    if (scheme.objects.includes(phase)) continue;
    const label = regions.labels[i]!;
    throw new InvalidArgumentError(
      fn,
      fromPhaseOfLabel ? `options.phaseOfLabel[${label}]` : 'options.phases',
      fromPhaseOfLabel ? codes[i] : `majority phase ${phase} of label ${label}`,
      `the code of an object phase of scheme ${JSON.stringify(scheme.name)} (${scheme.objects
        .map((p) => `${scheme.phases.indexOf(p)} ${p}`)
        .join(
          ', ',
        )}): label ${label} has phase ${JSON.stringify(phase)} (code ${codes[i]}), which the scheme does not cut into objects`,
    );
  }
}

/** Phase code of every region, from `phaseOfLabel` or from a phase map (majority). */
function phaseCodes(
  fn: string,
  runs: LabelRuns,
  regions: RegionSummary,
  phaseOfLabel: ArrayLike<number> | undefined,
  phases: NdArray | undefined,
  labels: NdArray,
  scheme: PhaseScheme,
): Uint8Array {
  const n = regions.labels.length;
  const nPhases = scheme.phases.length;
  const codes = new Uint8Array(n);
  if ((phaseOfLabel === undefined) === (phases === undefined)) {
    throw new InvalidArgumentError(
      fn,
      'options.phaseOfLabel',
      phaseOfLabel,
      'given, or options.phases given instead (exactly one of the two)',
    );
  }
  if (phaseOfLabel !== undefined) {
    if (typeof phaseOfLabel !== 'object' || phaseOfLabel === null || !('length' in phaseOfLabel)) {
      throw new InvalidArgumentError(
        fn,
        'options.phaseOfLabel',
        phaseOfLabel,
        'a Uint8Array indexed by label',
      );
    }
    if (phaseOfLabel.length <= runs.maxLabel) {
      throw new InvalidArgumentError(
        fn,
        'options.phaseOfLabel',
        phaseOfLabel,
        `of length >= ${runs.maxLabel + 1} (labels go up to ${runs.maxLabel})`,
      );
    }
    for (let i = 0; i < n; i++) {
      const label = regions.labels[i]!;
      const code = phaseOfLabel[label];
      if (!(Number.isInteger(code) && code! >= 0 && code! < nPhases)) {
        throw new InvalidArgumentError(
          fn,
          `options.phaseOfLabel[${label}]`,
          code,
          `a phase code of scheme ${JSON.stringify(scheme.name)} (0..${nPhases - 1})`,
        );
      }
      codes[i] = code!;
    }
    return codes;
  }
  const map = phases!;
  assertSameShape(fn, 'labels', labels, 'options.phases', map);
  const data = flatData(map as NdArray<TypedArray>) as ArrayLike<number>;
  const hist = new Float64Array(n * nPhases);
  const { rows, cols, rowPtr, start, end } = runs;
  for (let r = 0; r < rows; r++) {
    for (let j = rowPtr[r]!; j < rowPtr[r + 1]!; j++) {
      const base = regions.runRegion[j]! * nPhases;
      for (let k = r * cols + start[j]!, stop = r * cols + end[j]!; k < stop; k++) {
        const code = data[k]!;
        if (!(Number.isInteger(code) && code >= 0 && code < nPhases)) {
          throw new InvalidArgumentError(
            fn,
            `options.phases[${k}]`,
            code,
            `a phase code of scheme ${JSON.stringify(scheme.name)} (0..${nPhases - 1}; a phase map holds codes, not raw file values such as 0/128/255: convert it with applyScheme(raw, scheme) of @mgraph/core)`,
          );
        }
        hist[base + code]!++;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < nPhases; c++) {
      if (hist[i * nPhases + c]! > hist[i * nPhases + best]!) best = c;
    }
    codes[i] = best;
  }
  return codes;
}
