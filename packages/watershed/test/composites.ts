import { createRng } from '@mgraph/core';

/**
 * Touching discs with known truth, drawn with createRng: each disc after the first touches an
 * earlier one (centre distance 0.7-0.95 of the radii sum) unless placed freely (20%); pixels
 * covered by several discs belong to the one with the smallest distance / radius.
 */
export function touchingDiscs(seed: number, count: number, size: number) {
  const rng = createRng(seed);
  const discs: { y: number; x: number; r: number }[] = [];
  for (let tries = 0; discs.length < count && tries < 5000; tries++) {
    const r = rng.uniform(6, 16);
    let y: number;
    let x: number;
    if (discs.length === 0 || rng.random() < 0.2) {
      y = rng.uniform(r, size - r);
      x = rng.uniform(r, size - r);
    } else {
      const o = discs[rng.integer(0, discs.length)]!;
      const a = rng.uniform(0, 2 * Math.PI);
      const d = (o.r + r) * rng.uniform(0.7, 0.95);
      y = o.y + d * Math.sin(a);
      x = o.x + d * Math.cos(a);
    }
    if (y < r || x < r || y > size - r || x > size - r) continue;
    if (discs.some((o) => Math.hypot(o.y - y, o.x - x) < (o.r + r) * 0.7)) continue;
    discs.push({ y, x, r });
  }
  const truth = new Int32Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      let best = 0;
      let bv = 1;
      discs.forEach((d, k) => {
        const v = Math.hypot(i - d.y, j - d.x) / d.r;
        if (v <= bv) {
          bv = v;
          best = k + 1;
        }
      });
      truth[i * size + j] = best;
    }
  }
  return { truth, count: discs.length };
}

/** Truth objects matched by some predicted object with IoU >= 0.5. */
export function matchedObjects(truth: Int32Array, pred: Int32Array): number {
  const inter = new Map<number, number>();
  const tArea = new Map<number, number>();
  const pArea = new Map<number, number>();
  const K = 1 << 20;
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = pred[i]!;
    if (t) tArea.set(t, (tArea.get(t) ?? 0) + 1);
    if (p) pArea.set(p, (pArea.get(p) ?? 0) + 1);
    if (t && p) inter.set(t * K + p, (inter.get(t * K + p) ?? 0) + 1);
  }
  let matched = 0;
  for (const [key, n] of inter) {
    const t = Math.floor(key / K);
    const p = key % K;
    if (n / (tArea.get(t)! + pArea.get(p)! - n) >= 0.5) matched++;
  }
  return matched;
}
