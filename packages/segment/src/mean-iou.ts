import {
  assertNdim,
  assertNumber,
  assertSameShape,
  CATHODE_SCHEME,
  checkOptions,
  flatData,
  type Image,
  InvalidArgumentError,
} from '@mgraph/core';

/** Options of {@link meanIoU}. */
export interface MeanIoUOptions {
  /** Number of classes (codes 0..classes-1). Default 4 (`CATHODE_SCHEME`). */
  classes?: number;
}

/** Result of {@link meanIoU}. */
export interface MeanIoUResult {
  /** Mean of the per-class IoU over the classes present in `truth` or `predicted`. */
  readonly mIoU: number;
  /** IoU of each class, `TP / (TP + FP + FN)`; NaN for a class absent from both maps. */
  readonly perClass: readonly number[];
  /** Confusion counts, `confusion[truth][predicted]`: row = true class, column = predicted. */
  readonly confusion: readonly (readonly number[])[];
}

/**
 * Intersection over union of each class between a true and a predicted phase map, and
 * their mean (mIoU), the segmentation metric of the paper. Arguments in scikit-learn's
 * `(y_true, y_pred)` order.
 *
 * @param truth - true phase codes, 2D or 3D, any integer dtype, any strides
 * @param predicted - predicted phase codes, same shape
 * @param options - `classes` (default 4)
 * @returns `{ mIoU, perClass, confusion }`; classes absent from both maps have IoU NaN and
 *   do not count in the mean
 * @throws InvalidArgumentError when a map is not 2D/3D, is empty, or holds a code that is
 *   not an integer in 0..classes-1
 * @throws ShapeMismatchError when the shapes differ
 *
 * @remarks
 * References: M. Everingham et al., "The PASCAL Visual Object Classes (VOC) challenge",
 * IJCV 88 (2010), doi:10.1007/s11263-009-0275-4. Z. Li, Y. Deng, Y. Liu, Y. Hu,
 * arXiv:2512.16085 (mIoU over background, SSE, NMC, graphite).
 */
export function meanIoU(
  truth: Image,
  predicted: Image,
  options: MeanIoUOptions = {},
): MeanIoUResult {
  const fn = 'meanIoU';
  options = checkOptions(fn, options, { classes: true });
  assertNdim(fn, 'truth', truth, [2, 3]);
  assertNdim(fn, 'predicted', predicted, [2, 3]);
  assertSameShape(fn, 'truth', truth, 'predicted', predicted);
  const classes = options.classes ?? CATHODE_SCHEME.phases.length;
  // the confusion matrix is classes^2 float64 entries: 4096 classes = 128 MiB (65536
  // classes would be 32 GiB)
  assertNumber(fn, 'options.classes', classes, { integer: true, min: 1, max: 4096 });
  if (truth.size === 0) throw new InvalidArgumentError(fn, 'truth', truth, 'a non-empty image');
  const p = flatData(predicted);
  const t = flatData(truth);
  const counts = new Float64Array(classes * classes);
  for (let i = 0; i < t.length; i++) {
    const a = t[i]!;
    const b = p[i]!;
    if (!(Number.isInteger(a) && a >= 0 && a < classes)) {
      throw new InvalidArgumentError(fn, `truth[${i}]`, a, `an integer in 0..${classes - 1}`);
    }
    if (!(Number.isInteger(b) && b >= 0 && b < classes)) {
      throw new InvalidArgumentError(fn, `predicted[${i}]`, b, `an integer in 0..${classes - 1}`);
    }
    counts[a * classes + b]!++;
  }
  const perClass: number[] = [];
  let sum = 0;
  let present = 0;
  for (let c = 0; c < classes; c++) {
    let rowSum = 0;
    let colSum = 0;
    for (let k = 0; k < classes; k++) {
      rowSum += counts[c * classes + k]!;
      colSum += counts[k * classes + c]!;
    }
    const tp = counts[c * classes + c]!;
    const union = rowSum + colSum - tp;
    const iou = union > 0 ? tp / union : Number.NaN;
    perClass.push(iou);
    if (union > 0) {
      sum += iou;
      present++;
    }
  }
  const confusion = Array.from({ length: classes }, (_, a) =>
    Array.from(counts.subarray(a * classes, (a + 1) * classes)),
  );
  return { mIoU: sum / present, perClass, confusion };
}
