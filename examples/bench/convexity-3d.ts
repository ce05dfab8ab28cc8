// Calibration of the 3D convexity threshold of instanceSegmentation (DEFAULT_CONVEXITY_THRESHOLD):
// 3D phantoms with known NMC instances, segmented with a sweep of thresholds; prints JSON lines
// (particle F1 at IoU > 0.5, seconds) and the solidity of single and of merged objects after
// one watershed pass. Run: npx tsx examples/bench/convexity-3d.ts
import { CATHODE_SCHEME } from '@mgraph/core';
import { generateComposite } from '@mgraph/phantom';
import { DEFAULT_CONVEXITY_THRESHOLD, instanceSegmentation, regionProps } from '@mgraph/watershed';
import { particleF1 } from '../test/particle-f1.js';

const NMC = CATHODE_SCHEME.phases.indexOf('nmc');
const THRESHOLDS = [0.95, 0.92, 0.9, 0.88, 0.86, 0.85, 0.84, 0.82, 0.8];
const CONFIGS = [
  { shape: [64, 64, 64], nmcRadius: 5 },
  { shape: [64, 64, 64], nmcRadius: 8 },
  { shape: [96, 96, 96], nmcRadius: 12 },
];
const SEEDS = [1, 2, 3];

const quantile = (a: number[], q: number) =>
  a.length === 0 ? null : a.sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(q * a.length))];

for (const config of CONFIGS) {
  const sums = new Map<number, { matched: number; truth: number; predicted: number; s: number }>();
  const single: number[] = [];
  const merged: number[] = [];
  for (const seed of SEEDS) {
    const c = generateComposite({ ...config, seed });
    const truth = { labels: c.instances.data, phaseOfLabel: c.phaseOfLabel };
    // one pass: solidity of objects covering one truth particle vs several (> 30% of each)
    const once = instanceSegmentation(c.phases, { scheme: CATHODE_SCHEME, maxIterations: 0 });
    const overlap = new Map<number, Map<number, number>>();
    const tSize = new Map<number, number>();
    for (let i = 0; i < c.instances.data.length; i++) {
      const t = c.instances.data[i]!;
      const p = once.labels.data[i]!;
      if (t === 0 || c.phaseOfLabel[t] !== NMC) continue;
      tSize.set(t, (tSize.get(t) ?? 0) + 1);
      if (p === 0 || once.phaseOfLabel[p] !== NMC) continue;
      const m = overlap.get(p) ?? new Map<number, number>();
      overlap.set(p, m);
      m.set(t, (m.get(t) ?? 0) + 1);
    }
    for (const r of regionProps(once.labels)) {
      const m = overlap.get(r.label);
      if (m === undefined) continue;
      const big = [...m].filter(([t, k]) => k > 0.3 * tSize.get(t)!).length;
      (big >= 2 ? merged : single).push(r.solidity);
    }
    for (const th of THRESHOLDS) {
      const t0 = performance.now();
      const out = instanceSegmentation(c.phases, {
        scheme: CATHODE_SCHEME,
        convexityThreshold: th,
      });
      const s = (performance.now() - t0) / 1000;
      const f = particleF1(truth, { labels: out.labels.data, phaseOfLabel: out.phaseOfLabel }, NMC);
      const acc = sums.get(th) ?? { matched: 0, truth: 0, predicted: 0, s: 0 };
      sums.set(th, {
        matched: acc.matched + f.matched,
        truth: acc.truth + f.truth,
        predicted: acc.predicted + f.predicted,
        s: acc.s + s,
      });
    }
  }
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  console.log(
    JSON.stringify({
      ...config,
      seeds: SEEDS,
      solidityOnePass: {
        single: {
          count: single.length,
          p1: round(quantile(single, 0.01)),
          p5: round(quantile(single, 0.05)),
          median: round(quantile(single, 0.5)),
        },
        merged: {
          count: merged.length,
          median: round(quantile(merged, 0.5)),
          p95: round(quantile(merged, 0.95)),
          max: round(quantile(merged, 1)),
        },
      },
    }),
  );
  for (const [th, a] of sums) {
    const f1 = (2 * a.matched) / (a.truth + a.predicted);
    const tag =
      th === DEFAULT_CONVEXITY_THRESHOLD[3]
        ? 'default'
        : th === 0.95
          ? 'paper 2D (old default)'
          : '';
    console.log(
      JSON.stringify({
        threshold: th,
        f1: round(f1),
        matched: a.matched,
        truth: a.truth,
        predicted: a.predicted,
        seconds: round(a.s),
        tag,
      }),
    );
  }
}
