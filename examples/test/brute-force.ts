// Brute-force oracles for the whole-chain tests: every quantity recomputed from the voxels
// by the plainest loop that defines it, sharing no code with the packages under test.

/** Shape helpers: 2D shapes are treated as one plane. */
function dims(shape: readonly number[]): [number, number, number] {
  return shape.length === 2 ? [1, shape[0]!, shape[1]!] : [shape[0]!, shape[1]!, shape[2]!];
}

/**
 * Connected components (face connectivity) of the voxels where `mask[i] !== 0`, by a plain
 * breadth-first flood: returns the component id of each voxel (0 outside) and the count.
 */
export function floodComponents(
  mask: ArrayLike<number>,
  shape: readonly number[],
): { ids: Int32Array; count: number } {
  const [P, R, C] = dims(shape);
  const ids = new Int32Array(P * R * C);
  const queue = new Int32Array(P * R * C);
  let count = 0;
  for (let seed = 0; seed < ids.length; seed++) {
    if (!mask[seed] || ids[seed]) continue;
    count++;
    let head = 0;
    let tail = 0;
    queue[tail++] = seed;
    ids[seed] = count;
    while (head < tail) {
      const i = queue[head++]!;
      const p = Math.floor(i / (R * C));
      const r = Math.floor(i / C) % R;
      const c = i % C;
      const visit = (j: number) => {
        if (mask[j] && !ids[j]) {
          ids[j] = count;
          queue[tail++] = j;
        }
      };
      if (p > 0) visit(i - R * C);
      if (p < P - 1) visit(i + R * C);
      if (r > 0) visit(i - C);
      if (r < R - 1) visit(i + C);
      if (c > 0) visit(i - 1);
      if (c < C - 1) visit(i + 1);
    }
  }
  return { ids, count };
}

/**
 * Directed contact counts of the paper's rule, by scanning the window around every voxel:
 * `counts.get("a>b")` = voxels of object `b` within Chebyshev distance `radius` of some voxel
 * of object `a` (i.e. inside `a` dilated by the (2 radius + 1)^ndim cube).
 */
export function windowContacts(
  labels: ArrayLike<number>,
  shape: readonly number[],
  radius: number,
): Map<string, number> {
  const [P, R, C] = dims(shape);
  const rp = shape.length === 2 ? 0 : radius;
  const counts = new Map<string, number>();
  for (let p = 0; p < P; p++) {
    for (let r = 0; r < R; r++) {
      for (let c = 0; c < C; c++) {
        const b = labels[(p * R + r) * C + c]!;
        if (b === 0) continue;
        const near = new Set<number>();
        for (let q = Math.max(0, p - rp); q <= Math.min(P - 1, p + rp); q++) {
          for (let s = Math.max(0, r - radius); s <= Math.min(R - 1, r + radius); s++) {
            for (let t = Math.max(0, c - radius); t <= Math.min(C - 1, c + radius); t++) {
              const a = labels[(q * R + s) * C + t]!;
              if (a !== 0 && a !== b) near.add(a);
            }
          }
        }
        for (const a of near) counts.set(`${a}>${b}`, (counts.get(`${a}>${b}`) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Undirected neighbour sets of the objects, from directed contact counts. */
export function neighbourSets(contacts: Map<string, number>): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const key of contacts.keys()) {
    const [a, b] = key.split('>').map(Number) as [number, number];
    for (const [u, v] of [
      [a, b],
      [b, a],
    ] as const) {
      if (!out.has(u)) out.set(u, new Set());
      out.get(u)!.add(v);
    }
  }
  return out;
}

/** Triangles (one object of each of the three phases, mutually adjacent), by a triple loop. */
export function triangles(
  labelsOfPhase: (phase: string) => number[],
  adj: Map<number, Set<number>>,
  tpb: readonly [string, string, string],
): string[] {
  const out: string[] = [];
  const near = (u: number, v: number) => adj.get(u)?.has(v) ?? false;
  for (const u of labelsOfPhase(tpb[0])) {
    for (const v of labelsOfPhase(tpb[1])) {
      if (!near(u, v)) continue;
      for (const w of labelsOfPhase(tpb[2])) {
        if (near(u, w) && near(v, w)) out.push(`${u}-${v}-${w}`);
      }
    }
  }
  return out.sort();
}

/**
 * Concurrent channel pairs of the paper's rule, by checking every pair of active objects
 * against every other object: an ionic bridge is an object of an ionic phase adjacent to
 * both, an electronic link is an electronic-phase bridge or (when `directElectronic`) a
 * direct contact.
 */
export function channelPairs(
  phaseOf: (label: number) => string,
  active: number[],
  adj: Map<number, Set<number>>,
  ionic: readonly string[],
  electronic: readonly string[],
  directElectronic: boolean,
): string[] {
  const near = (u: number, v: number) => adj.get(u)?.has(v) ?? false;
  const all = [...adj.keys()];
  const out: string[] = [];
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length; j++) {
      const u = active[i]!;
      const v = active[j]!;
      const bridged = (phases: readonly string[]) =>
        all.some((s) => phases.includes(phaseOf(s)) && near(u, s) && near(v, s));
      const ionicLink = bridged(ionic);
      const electronicLink = bridged(electronic) || (directElectronic && near(u, v));
      if (ionicLink && electronicLink) out.push([u, v].sort((x, y) => x - y).join('-'));
    }
  }
  return out.sort();
}

/**
 * Whether the voxels where `mask[i] !== 0` connect the first and the last plane along `axis`
 * (face connectivity): some flood component has voxels on both faces.
 */
export function percolates(
  mask: ArrayLike<number>,
  shape: readonly number[],
  axis: number,
): boolean {
  const { ids } = floodComponents(mask, shape);
  const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const length = shape[axis]!;
  const first = new Set<number>();
  const last = new Set<number>();
  for (let i = 0; i < ids.length; i++) {
    const k = Math.floor(i / stride) % length;
    if (ids[i] && k === 0) first.add(ids[i]!);
    if (ids[i] && k === length - 1) last.add(ids[i]!);
  }
  return [...first].some((id) => last.has(id));
}
