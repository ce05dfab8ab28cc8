// Phase-map post-processing of the U-Net's output, judged by the graph it yields: the shipped
// U-Net's phases as they are, with every 4-connected fragment of a phase smaller than 10 / 20 /
// 30 px given to the phase most of its outer neighbours have, and with a 3x3 majority filter
// (a pixel takes the phase of at least 5 of its 9 neighbours); each through the pipeline and
// graphFidelity against the pipeline on the true phases. Prints one JSON line per variant.
// Run: npx tsx examples/bench/graph-fidelity-postprocess.ts [count=6] [firstSeed=900001]
import { generateComposite } from '@mgraph/phantom';
import {
  analyzePhaseMap,
  type GraphFidelity,
  graphFidelity,
  poolGraphFidelity,
} from '@mgraph/pipeline';
import { loadUNet } from '@mgraph/segment/node';
import { label } from '@mgraph/watershed';
import ndarray from 'ndarray';

const SIZE = 256;
const NEIGHBOURS = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
] as const;

/** Fragments of a phase smaller than `minPx` take the majority phase of their outer border. */
function absorbFragments(ph: Uint8Array, minPx: number): Uint8Array {
  const out = ph.slice();
  for (let code = 0; code < 4; code++) {
    const mask = Uint8Array.from(ph, (p) => (p === code ? 1 : 0));
    const { labels, count } = label(ndarray(mask, [SIZE, SIZE]));
    const data = labels.data;
    const size = new Int32Array(count + 1);
    for (const l of data) size[l]!++;
    const votes = new Map<number, number[]>();
    for (let r = 0; r < SIZE; r++)
      for (let c = 0; c < SIZE; c++) {
        const l = data[r * SIZE + c]!;
        if (l === 0 || size[l]! >= minPx) continue;
        for (const [dr, dc] of NEIGHBOURS) {
          const rr = r + dr;
          const cc = c + dc;
          if (rr < 0 || cc < 0 || rr >= SIZE || cc >= SIZE) continue;
          const q = ph[rr * SIZE + cc]!;
          if (q === code) continue;
          const v = votes.get(l) ?? [0, 0, 0, 0];
          v[q]!++;
          votes.set(l, v);
        }
      }
    for (let i = 0; i < data.length; i++) {
      const v = data[i] ? votes.get(data[i]!) : undefined;
      if (v) out[i] = v.indexOf(Math.max(...v));
    }
  }
  return out;
}

/** 3x3 majority filter (interior pixels; a phase needs 5 of the 9). */
function majority(ph: Uint8Array): Uint8Array {
  const out = ph.slice();
  for (let r = 1; r < SIZE - 1; r++)
    for (let c = 1; c < SIZE - 1; c++) {
      const v = [0, 0, 0, 0];
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) v[ph[(r + dr) * SIZE + c + dc]!]!++;
      const m = Math.max(...v);
      if (m >= 5) out[r * SIZE + c] = v.indexOf(m);
    }
  return out;
}

const [count = 6, first = 900001] = process.argv.slice(2).map(Number);
const unet = await loadUNet();
const results: Record<string, GraphFidelity[]> = {};
for (let k = 0; k < count; k++) {
  const c = generateComposite({ shape: [SIZE, SIZE], seed: first + k });
  const truth = analyzePhaseMap({ phases: c.phases });
  const phases = (await unet.segment(c.image)).phases.data as Uint8Array;
  const variants: Record<string, Uint8Array> = {
    none: phases,
    absorb10: absorbFragments(phases, 10),
    absorb20: absorbFragments(phases, 20),
    absorb30: absorbFragments(phases, 30),
    majority3x3: majority(phases),
  };
  for (const [name, data] of Object.entries(variants)) {
    const predicted = analyzePhaseMap({ phases: ndarray(data, [SIZE, SIZE]) });
    results[name] = [...(results[name] ?? []), graphFidelity(truth, predicted)];
  }
}
for (const [variant, perImage] of Object.entries(results)) {
  const f = poolGraphFidelity(perImage);
  console.log(
    JSON.stringify({
      variant,
      images: count,
      seeds: [first, first + count - 1],
      particleF1: f.particles.overall.f1,
      byPhase: Object.fromEntries(Object.entries(f.particles.byPhase).map(([p, m]) => [p, m.f1])),
      edgeF1: f.edges.f1,
      tpbError: f.tpb.relativeError,
      channelAgreement: f.active.channelAgreement,
    }),
  );
}
