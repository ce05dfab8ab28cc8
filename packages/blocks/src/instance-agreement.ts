import {
  assertDtype,
  assertNumber,
  assertSameShape,
  flatData,
  type LabelImage,
} from '@mgraph/core';

/** What {@link instanceAgreement} returns. */
export interface InstanceAgreement {
  /** Objects (labels >= 1) of the reference. */
  reference: number;
  /** Objects of the candidate. */
  candidate: number;
  /** Reference objects with a candidate object at IoU >= `iou`. */
  matched: number;
  /** `matched / reference` (1 for two empty label images). */
  fraction: number;
  /**
   * Voxels whose candidate label is not the one paired with their reference label (pairs:
   * IoU > 0.5, one-to-one), background against object included.
   */
  differingVoxels: number;
}

/**
 * Agreement of two instance label images of one volume, up to a renumbering: reference
 * objects matched by a candidate object at IoU >= `iou` (default 0.99), and voxels labelled
 * differently once the objects are paired (IoU > 0.5, which pairs each object with at most
 * one). Used to measure the block-wise particle splitting against the whole-volume one.
 *
 * @param reference - int32 labels (0 = none), e.g. `instanceSegmentation`'s
 * @param candidate - int32 labels of the same shape, e.g. {@link instanceSegmentationBlockwise}'s
 * @param iou - IoU a match needs, in (0.5, 1]. Default 0.99
 * @returns the {@link InstanceAgreement}
 * @throws ShapeMismatchError when the shapes differ
 * @throws InvalidArgumentError for labels that are not int32, or `iou` outside (0.5, 1]
 */
export function instanceAgreement(
  reference: LabelImage,
  candidate: LabelImage,
  iou = 0.99,
): InstanceAgreement {
  const fn = 'instanceAgreement';
  assertDtype(fn, 'reference', reference, 'int32');
  assertDtype(fn, 'candidate', candidate, 'int32');
  assertSameShape(fn, 'reference', reference, 'candidate', candidate);
  assertNumber(fn, 'iou', iou, { greaterThan: 0.5, max: 1 });
  const a = flatData(reference);
  const b = flatData(candidate);
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! > na) na = a[i]!;
    if (b[i]! > nb) nb = b[i]!;
  }
  const sizeA = new Float64Array(na + 1);
  const sizeB = new Float64Array(nb + 1);
  const both = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    sizeA[x]!++;
    sizeB[y]!++;
    if (x !== 0 && y !== 0) both.set(x * (nb + 1) + y, (both.get(x * (nb + 1) + y) ?? 0) + 1);
  }
  const pairOf = new Int32Array(nb + 1).fill(-1);
  pairOf[0] = 0;
  const seen = new Set<number>();
  let matched = 0;
  for (const [key, c] of both) {
    const x = Math.floor(key / (nb + 1));
    const y = key - x * (nb + 1);
    const score = c / (sizeA[x]! + sizeB[y]! - c);
    if (score > 0.5) pairOf[y] = x;
    if (score >= iou && !seen.has(x)) {
      seen.add(x);
      matched++;
    }
  }
  let differingVoxels = 0;
  for (let i = 0; i < a.length; i++) if (pairOf[b[i]!] !== a[i]) differingVoxels++;
  let nRef = 0;
  let nCand = 0;
  for (let l = 1; l <= na; l++) if (sizeA[l]! > 0) nRef++;
  for (let l = 1; l <= nb; l++) if (sizeB[l]! > 0) nCand++;
  return {
    reference: nRef,
    candidate: nCand,
    matched,
    fraction: nRef === 0 ? 1 : matched / nRef,
    differingVoxels,
  };
}
