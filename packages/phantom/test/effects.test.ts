import { describe, expect, it } from 'vitest';
import { generateComposite, generateDataset, type ParticleTruth } from '../src/index.js';

/** Welch's t statistic and Welch-Satterthwaite degrees of freedom. */
function welch(a: number[], b: number[]): { t: number; df: number } {
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const variance = (x: number[]) => {
    const m = mean(x);
    return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
  };
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const t = (mean(a) - mean(b)) / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return { t, df };
}

// For df >= 300 the two-sided 5% critical value of Student's t is below 1.968 and above
// 1.96 (the normal's), so |t| > 1.97 means p < 0.05 and |t| < 1.96 means p > 0.05.
describe("planted effects on 73 default composites (the paper's sample size)", () => {
  const particles: ParticleTruth[] = generateDataset({ count: 73, seed: 0 }).flatMap(
    (c) => c.truth.particles,
  );
  const groups = (
    flag: 'inTpb' | 'concurrentChannel',
    y: 'soc' | 'heterogeneity' | 'polarization',
  ) =>
    [
      particles.filter((p) => p[flag]).map((p) => p[y]),
      particles.filter((p) => !p[flag]).map((p) => p[y]),
    ] as const;

  it.each(['inTpb', 'concurrentChannel'] as const)(
    '%s: lower heterogeneity and polarization (p < 0.05), SOC not different (p > 0.05)',
    (flag) => {
      for (const y of ['heterogeneity', 'polarization'] as const) {
        const [a, b] = groups(flag, y);
        const { t, df } = welch([...a], [...b]);
        expect(df).toBeGreaterThan(300);
        expect(t).toBeLessThan(-1.97);
      }
      const [a, b] = groups(flag, 'soc');
      const { t, df } = welch([...a], [...b]);
      expect(df).toBeGreaterThan(300);
      expect(Math.abs(t)).toBeLessThan(1.96);
    },
  );

  it('effects change only the particles that have the feature, by the planted factors', () => {
    const none = { heterogeneity: 1, polarization: 1, soc: 0 };
    const base = { shape: [128, 128], seed: 9, nmcRadius: 8 };
    const off = generateComposite({ ...base, effects: { tpb: none, channel: none } });
    const tpb = { heterogeneity: 0.5, polarization: 0.6, soc: 0.25 };
    const on = generateComposite({ ...base, effects: { tpb, channel: none } });
    expect(on.instances.data).toEqual(off.instances.data);
    expect(on.truth.effects.tpb).toEqual(tpb);
    let changed = 0;
    on.truth.particles.forEach((p, k) => {
      const q = off.truth.particles[k]!;
      expect(p.label).toBe(q.label);
      if (!p.inTpb) {
        expect(p.soc).toBe(q.soc);
        expect(p.heterogeneity).toBe(q.heterogeneity);
        expect(p.polarization).toBe(q.polarization);
        return;
      }
      changed++;
      expect(p.polarization).toBeCloseTo(0.6 * q.polarization, 9);
      expect(p.soc - q.soc).toBeCloseTo(0.25, 1);
      if (!p.twoMode) expect(p.heterogeneity).toBeCloseTo(0.5 * q.heterogeneity, 4);
      else expect(p.heterogeneity).toBeLessThan(q.heterogeneity);
    });
    expect(changed).toBeGreaterThan(5);
  });
});
