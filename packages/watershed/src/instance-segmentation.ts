import {
  assertCallback,
  assertDtype,
  assertNumber,
  assertSignal,
  checkOptions,
  checkScheme,
  flatData,
  InvalidArgumentError,
  type LabelImage,
  type OptionKeys,
  type PhaseMap,
  type PhaseScheme,
  type ProgressCallback,
  throwIfAborted,
} from '@mgraph/core';
import ndarray from 'ndarray';

import { labelFlat } from './label.js';
import { assertImage, checkConnectivity } from './neighborhood.js';
import { checkSplitOptions, splitTouchingFlat } from './split-touching.js';

/** Options of {@link instanceSegmentation}. */
export interface InstanceSegmentationOptions {
  /**
   * Phase scheme of the map (required): its `objects` phases are cut into objects, whatever
   * their code (code 0 included); the other phases stay unlabelled. E.g. `CATHODE_SCHEME`
   * (sse, nmc, graphite; background not), `SOFC_ANODE_SCHEME` or `LI_ION_ELECTRODE_SCHEME`
   * (every phase, pores included).
   */
  scheme: PhaseScheme;
  /**
   * Object phases (scheme names) whose touching particles are split by the convexity-refined
   * watershed ({@link splitTouching}); the other object phases are split into connected
   * components. Default: the scheme's `active` phases (`['nmc']` for `CATHODE_SCHEME`).
   */
  split?: readonly string[];
  /** Objects with fewer pixels are dropped (their pixels get label 0). Default 1 (keep all). */
  minSize?: number;
  /** Connectivity of objects and of the flooding (1..ndim). Default 1. */
  connectivity?: number;
  /** `minDistance` of the watershed markers. Default 5. */
  minDistance?: number;
  /**
   * Solidity below which split objects are watershed again. Default
   * {@link DEFAULT_CONVEXITY_THRESHOLD}: 0.95 in 2D (the paper's), 0.88 in 3D.
   */
  convexityThreshold?: number;
  /** Refinement passes of the split phases. Default 10. */
  maxIterations?: number;
  /**
   * Voxel size per axis (one number or one per axis) of an anisotropic map: the split phases'
   * distance maps are physical ({@link splitTouching}'s `spacing`). Default 1.
   */
  spacing?: number | readonly number[];
  /** Unit of `minDistance`: `'voxels'` or `'units'` (of `spacing`). Default `'voxels'`. */
  minDistanceIn?: 'voxels' | 'units';
  /** Called after each object phase with `(phasesDone, objectPhaseCount)`. */
  onProgress?: ProgressCallback;
  /** Cancels between phases and refinement passes. */
  signal?: AbortSignal;
}

const INSTANCE_SEGMENTATION_KEYS: OptionKeys<InstanceSegmentationOptions> = {
  scheme: true,
  split: true,
  minSize: true,
  connectivity: true,
  minDistance: true,
  convexityThreshold: true,
  maxIterations: true,
  spacing: true,
  minDistanceIn: true,
  onProgress: true,
  signal: true,
};

/** Result of {@link instanceSegmentation}. */
export interface InstanceSegmentationResult {
  /** int32 instance labels 1..count, 0 = a phase not cut into objects, or a dropped object. */
  labels: LabelImage;
  /** Phase code of each label (`length = count + 1`, entry 0 = 0: read it only for labels >= 1). */
  phaseOfLabel: Uint8Array;
  /** Number of objects. */
  count: number;
  /** The scheme used (normalised by `checkScheme`). */
  scheme: PhaseScheme;
  /** Objects of each object phase, by phase name (0 for an object phase absent from the map). */
  countByPhase: Record<string, number>;
}

/**
 * Instance map of a phase map: every object phase of the scheme (`scheme.objects`, any code,
 * 0 included) is cut into objects (particles, grains, pores), touching particles of the
 * `split` phases separated by the convexity-refined watershed ({@link splitTouching}), the
 * others by connected components ({@link label}). As PoreSpy's `snow2`, no phase is special
 * because of its code. Labels are numbered phase by phase in code order, and within a phase
 * in raster order of first pixel.
 *
 * @param phases - uint8 phase map, 2D or 3D, any strides
 * @param options - `scheme` (required), `split` (the scheme's active phases), `minSize` (1),
 *   `connectivity` (1), `minDistance` (5), `convexityThreshold` (0.95 in 2D, 0.88 in 3D),
 *   `maxIterations` (10), `spacing` (1), `minDistanceIn` ('voxels'), `onProgress`, `signal`
 * @returns `{ labels, phaseOfLabel, count, scheme, countByPhase }`
 * @throws InvalidArgumentError for missing options (`null` / `undefined`: `scheme` is
 *   required), an unknown option, a missing or invalid `options.scheme`, a non-uint8 /
 *   non-2D/3D map, codes outside the scheme, `split` naming a phase that is not an object
 *   phase, or bad options; AbortError when `signal` fires
 * @example instanceSegmentation(phases, { scheme: LI_ION_ELECTRODE_SCHEME }) // pores, am, cbd
 *
 * @remarks
 * Memory: besides the phase map, one uint8 mask and the int32 result; the split phases run
 * first, while the result does not exist yet (it is the first phase's labels), so their work
 * arrays ({@link splitTouching}: float32 squared distances and int32 components, then the
 * Uint16 value ids and the int32 flood state) never sit beside it; each later phase adds its
 * int32 components. About 10 bytes per voxel at the peak (unit spacing); no per-voxel
 * JavaScript array. `labels.data` may be a view of a slightly larger buffer (the flood's
 * padded state, cropped in place).
 *
 * References: Li, Deng, Liu, Hu, "Machine learning enabled graph analysis of particulate
 * composites: application to solid-state battery cathodes", arXiv:2512.16085; Gostick et
 * al., "PoreSpy" (`snow2`: every phase partitioned alike).
 */
export function instanceSegmentation(
  phases: PhaseMap,
  options: InstanceSegmentationOptions,
): InstanceSegmentationResult {
  const fn = 'instanceSegmentation';
  assertImage(fn, 'phases', phases);
  assertDtype(fn, 'phases', phases, 'uint8');
  const opts = checkOptions(fn, options, INSTANCE_SEGMENTATION_KEYS);
  assertCallback(fn, 'options.onProgress', opts.onProgress);
  assertSignal(fn, 'options.signal', opts.signal);
  if (opts.scheme === undefined) {
    throw new InvalidArgumentError(
      fn,
      'options.scheme',
      opts.scheme,
      'a PhaseScheme (required: e.g. CATHODE_SCHEME, SOFC_ANODE_SCHEME, LI_ION_ELECTRODE_SCHEME or definePhaseScheme(...))',
    );
  }
  const scheme = checkScheme(fn, 'options.scheme', opts.scheme);
  const { split = scheme.active, minSize = 1, onProgress, signal } = opts;
  const shape = phases.shape.slice();
  const connectivity = checkConnectivity(fn, opts.connectivity ?? 1, shape.length);
  assertNumber(fn, 'options.minSize', minSize, { integer: true, min: 0 });
  const settings = checkSplitOptions(fn, opts, shape.length);
  const splitCodes = splitPhases(fn, scheme, split);

  const src = flatData(phases);
  const nPhases = scheme.phases.length;
  for (let i = 0; i < src.length; i++) {
    if (src[i]! >= nPhases) {
      throw new InvalidArgumentError(
        fn,
        `phases[${i}]`,
        src[i],
        `a code of scheme ${JSON.stringify(scheme.name)} (0..${nPhases - 1}; a phase map holds codes, not raw file values such as 0/128/255: convert it with applyScheme(raw, scheme) of @mgraph/core)`,
      );
    }
  }

  // split phases first: the first phase's own int32 labels become the result, so a split
  // phase's work arrays never sit beside a separate result; objects are numbered within
  // their phase, then shifted by the objects of the phases before it (code order)
  const mask = new Uint8Array(src.length);
  const order = [
    ...scheme.objects.filter((name) => splitCodes.has(scheme.phases.indexOf(name))),
    ...scheme.objects.filter((name) => !splitCodes.has(scheme.phases.indexOf(name))),
  ];
  const kept = new Map<string, number>(); // objects kept per object phase
  let out: Int32Array | undefined;
  let spare: Int32Array | undefined; // a component phase's labels, reused by the next one
  for (const [done, name] of order.entries()) {
    throwIfAborted(fn, signal);
    const code = scheme.phases.indexOf(name);
    for (let i = 0; i < src.length; i++) mask[i] = src[i] === code ? 1 : 0;
    const objects = splitCodes.has(code)
      ? splitTouchingFlat(mask, shape, { ...settings, connectivity, signal })
      : labelFlat(mask, shape, connectivity, spare);
    const lab = objects.labels;
    // map: object size (when minSize asks), then the object's number in its phase (0 = dropped)
    const map = new Int32Array(objects.count + 1);
    if (minSize > 1) for (let i = 0; i < lab.length; i++) map[lab[i]!]!++;
    map[0] = 0;
    let count = 0;
    for (let l = 1; l <= objects.count; l++) {
      map[l] = minSize <= 1 || map[l]! >= minSize ? ++count : 0;
    }
    if (out === undefined) {
      for (let i = 0; i < lab.length; i++) lab[i] = map[lab[i]!]!;
      out = lab;
    } else {
      for (let i = 0; i < lab.length; i++) if (lab[i] !== 0) out[i] = map[lab[i]!]!;
      if (!splitCodes.has(code)) spare = lab;
    }
    kept.set(name, count);
    onProgress?.(done + 1, scheme.objects.length);
  }
  out ??= new Int32Array(src.length);
  const countByPhase: Record<string, number> = {};
  const shift = new Int32Array(nPhases);
  let next = 1;
  for (const name of scheme.objects) {
    shift[scheme.phases.indexOf(name)] = next - 1;
    countByPhase[name] = kept.get(name)!;
    next += kept.get(name)!;
  }
  for (let i = 0; i < out.length; i++) if (out[i] !== 0) out[i]! += shift[src[i]!]!;
  const phaseOfLabel = new Uint8Array(next);
  let at = 1;
  for (const name of scheme.objects) {
    phaseOfLabel.fill(scheme.phases.indexOf(name), at, at + kept.get(name)!);
    at += kept.get(name)!;
  }
  return {
    labels: ndarray(out, shape),
    phaseOfLabel,
    count: next - 1,
    scheme,
    countByPhase,
  };
}

/** Codes of the `split` phases, each a distinct object phase of the scheme. */
function splitPhases(fn: string, scheme: PhaseScheme, split: unknown): Set<number> {
  const expected = `an array of object phases of scheme ${JSON.stringify(scheme.name)} (${scheme.objects.map((p) => JSON.stringify(p)).join(', ')})`;
  if (!Array.isArray(split)) throw new InvalidArgumentError(fn, 'options.split', split, expected);
  const codes = new Set<number>();
  for (const name of split) {
    if (typeof name !== 'string' || !scheme.objects.includes(name)) {
      const why = scheme.phases.includes(name)
        ? `; ${JSON.stringify(name)} is not cut into objects`
        : '';
      throw new InvalidArgumentError(fn, 'options.split', split, `${expected}${why}`);
    }
    codes.add(scheme.phases.indexOf(name));
  }
  return codes;
}
