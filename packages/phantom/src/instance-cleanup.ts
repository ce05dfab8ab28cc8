import { forEachFaceNeighbor, type Grid } from './grid.js';

/**
 * Turn raw object ids into the final instance map: every face-connected piece of a raw
 * object is its own candidate object; a piece smaller than `minSize` joins the touching
 * object of the same phase it shares most faces with (it stays on its own when there is
 * none); objects are then numbered 1..n by phase (in `phaseOrder`) and, within a phase,
 * by raw id and first pixel.
 *
 * @param raw - raw ids per pixel (0 = none)
 * @param phaseOfRaw - phase code of each raw id
 * @returns the instance map, the phase of each label, and the raw id of each label
 */
export function cleanInstances(
  grid: Grid,
  raw: Int32Array,
  phaseOfRaw: Uint8Array,
  minSize: number,
  phaseOrder: readonly number[],
): { instances: Int32Array; phaseOfLabel: Uint8Array; rawOfLabel: Int32Array } {
  // 1. face-connected pieces of each raw id
  const piece = new Int32Array(grid.size).fill(-1);
  const pieceRaw: number[] = [];
  const pieceSize: number[] = [];
  const queue = new Int32Array(grid.size);
  for (let s = 0; s < grid.size; s++) {
    if (raw[s] === 0 || piece[s] !== -1) continue;
    const id = pieceRaw.length;
    const r = raw[s]!;
    piece[s] = id;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const i = queue[head++]!;
      forEachFaceNeighbor(grid, i, (j) => {
        if (raw[j] === r && piece[j] === -1) {
          piece[j] = id;
          queue[tail++] = j;
        }
      });
    }
    pieceRaw.push(r);
    pieceSize.push(tail);
  }
  // 2. small pieces join the same-phase neighbour piece with the largest shared face count
  const target = pieceRaw.map((_, k) => k);
  const small = new Set<number>();
  for (let k = 0; k < pieceRaw.length; k++) if (pieceSize[k]! < minSize) small.add(k);
  if (small.size > 0) {
    const contacts = new Map<number, Map<number, number>>();
    for (let i = 0; i < grid.size; i++) {
      const a = piece[i]!;
      if (a < 0 || !small.has(a)) continue;
      forEachFaceNeighbor(grid, i, (j) => {
        const b = piece[j]!;
        if (b < 0 || b === a || phaseOfRaw[pieceRaw[b]!] !== phaseOfRaw[pieceRaw[a]!]) return;
        const m = contacts.get(a) ?? new Map<number, number>();
        contacts.set(a, m);
        m.set(b, (m.get(b) ?? 0) + 1);
      });
    }
    for (const a of small) {
      const m = contacts.get(a);
      if (!m) continue;
      let bestB = -1;
      let bestCount = 0;
      for (const [b, c] of m) {
        if (c > bestCount || (c === bestCount && b < bestB)) {
          bestB = b;
          bestCount = c;
        }
      }
      target[a] = bestB;
    }
    // follow chains of merges (a small piece may join another small piece)
    for (let k = 0; k < target.length; k++) {
      let t = k;
      for (let step = 0; target[t] !== t && step < target.length; step++) t = target[t]!;
      target[k] = t;
    }
  }
  // 3. number the surviving pieces by phase, then raw id, then first pixel
  const roots = [...new Set(target)];
  const rank = new Map(phaseOrder.map((p, i) => [p, i]));
  roots.sort((a, b) => {
    const pa = rank.get(phaseOfRaw[pieceRaw[a]!]!) ?? 255;
    const pb = rank.get(phaseOfRaw[pieceRaw[b]!]!) ?? 255;
    return pa - pb || pieceRaw[a]! - pieceRaw[b]! || a - b;
  });
  const labelOfRoot = new Map(roots.map((r, i) => [r, i + 1]));
  const labelOfPiece = Int32Array.from(target, (t) => labelOfRoot.get(t)!);
  const instances = new Int32Array(grid.size);
  for (let i = 0; i < grid.size; i++) {
    const p = piece[i]!;
    if (p >= 0) instances[i] = labelOfPiece[p]!;
  }
  const phaseOfLabel = new Uint8Array(roots.length + 1);
  const rawOfLabel = new Int32Array(roots.length + 1);
  roots.forEach((r, i) => {
    phaseOfLabel[i + 1] = phaseOfRaw[pieceRaw[r]!]!;
    rawOfLabel[i + 1] = pieceRaw[r]!;
  });
  return { instances, phaseOfLabel, rawOfLabel };
}
