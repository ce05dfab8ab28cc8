import { InvalidArgumentError, type LabelImage } from '@mgraph/core';

/** An instance map: int32 labels (0 = no object) and the phase code of each label. */
export interface InstanceMap {
  labels: LabelImage;
  /** Phase code of each label (`length` at least max label + 1; entry 0 unread). */
  phaseOfLabel: ArrayLike<number>;
}

/**
 * The objects of two instance maps of one image that are the same object: a truth object and
 * a predicted object of the same phase match when their IoU (pixels in common over pixels in
 * either) is above 0.5. Above 0.5 an object can match at most one object of the other map,
 * so the matching is one-to-one without any assignment step (the criterion of the COCO /
 * cell-tracking particle F1 at IoU 0.5).
 *
 * @param truth - the reference instance map
 * @param predicted - the instance map judged, same shape (the caller checks it)
 * @returns the predicted label of each matched truth label, and the pixel count of every
 *   label of both maps (index = label)
 * @throws InvalidArgumentError when a label image's data is not an Int32Array, the two differ
 *   in pixel count, or a label has no entry in its `phaseOfLabel`
 */
export function matchInstances(
  truth: InstanceMap,
  predicted: InstanceMap,
): { match: Map<number, number>; truthSize: Float64Array; predictedSize: Float64Array } {
  const fn = 'matchInstances';
  for (const [name, m] of [
    ['truth', truth],
    ['predicted', predicted],
  ] as const)
    if (!(m?.labels?.data instanceof Int32Array) || typeof m.phaseOfLabel?.length !== 'number')
      throw new InvalidArgumentError(
        fn,
        name,
        m,
        'an instance map { labels (int32), phaseOfLabel }',
      );
  const t = truth.labels.data;
  const p = predicted.labels.data;
  if (t.length !== p.length)
    throw new InvalidArgumentError(
      fn,
      'predicted.labels',
      p.length,
      `as many pixels as truth.labels (${t.length})`,
    );
  const truthSize = new Float64Array(truth.phaseOfLabel.length);
  const predictedSize = new Float64Array(predicted.phaseOfLabel.length);
  const stride = predicted.phaseOfLabel.length;
  const common = new Map<number, number>();
  for (let i = 0; i < t.length; i++) {
    const a = t[i]!;
    const b = p[i]!;
    if (a < 0 || a >= truthSize.length || b < 0 || b >= predictedSize.length) {
      const [name, label, n] =
        a < 0 || a >= truthSize.length
          ? ['truth', a, truthSize.length]
          : ['predicted', b, predictedSize.length];
      throw new InvalidArgumentError(
        fn,
        `${name}.labels`,
        label,
        `labels in 0..${n - 1} (phaseOfLabel has ${n} entries; pixel ${i})`,
      );
    }
    if (a !== 0) truthSize[a]!++;
    if (b !== 0) predictedSize[b]!++;
    if (a !== 0 && b !== 0 && truth.phaseOfLabel[a] === predicted.phaseOfLabel[b]) {
      const key = a * stride + b;
      common.set(key, (common.get(key) ?? 0) + 1);
    }
  }
  const match = new Map<number, number>();
  for (const [key, c] of common) {
    const a = Math.floor(key / stride);
    const b = key - a * stride;
    if (c / (truthSize[a]! + predictedSize[b]! - c) > 0.5) match.set(a, b);
  }
  return { match, truthSize, predictedSize };
}
