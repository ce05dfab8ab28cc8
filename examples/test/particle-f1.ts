/**
 * Particle-level F1 of an instance map against a truth instance map, restricted to one phase:
 * a truth object and a predicted object match when their IoU (voxels in common over voxels in
 * either) exceeds 0.5. Above 0.5 a match is one-to-one, so true positives are counted once;
 * precision = matches / predicted objects, recall = matches / truth objects.
 *
 * @param truth - truth labels (0 = none) and the phase code of each truth label
 * @param predicted - predicted labels and the phase code of each predicted label
 * @param code - the phase whose objects are compared
 */
export function particleF1(
  truth: { labels: ArrayLike<number>; phaseOfLabel: ArrayLike<number> },
  predicted: { labels: ArrayLike<number>; phaseOfLabel: ArrayLike<number> },
  code: number,
): { f1: number; matched: number; truth: number; predicted: number } {
  const tSize = new Map<number, number>();
  const pSize = new Map<number, number>();
  const common = new Map<string, number>();
  const n = truth.labels.length;
  for (let i = 0; i < n; i++) {
    const t0 = truth.labels[i]!;
    const p0 = predicted.labels[i]!;
    const t = t0 !== 0 && truth.phaseOfLabel[t0] === code ? t0 : 0;
    const p = p0 !== 0 && predicted.phaseOfLabel[p0] === code ? p0 : 0;
    if (t !== 0) tSize.set(t, (tSize.get(t) ?? 0) + 1);
    if (p !== 0) pSize.set(p, (pSize.get(p) ?? 0) + 1);
    if (t !== 0 && p !== 0) common.set(`${t} ${p}`, (common.get(`${t} ${p}`) ?? 0) + 1);
  }
  let matched = 0;
  for (const [key, c] of common) {
    const [t, p] = key.split(' ').map(Number) as [number, number];
    if (c / (tSize.get(t)! + pSize.get(p)! - c) > 0.5) matched++;
  }
  const precision = pSize.size === 0 ? 0 : matched / pSize.size;
  const recall = tSize.size === 0 ? 0 : matched / tSize.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, matched, truth: tSize.size, predicted: pSize.size };
}
