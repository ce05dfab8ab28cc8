import { InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import {
  type Composite,
  generateComposite,
  RELATIONAL_TARGETS,
  RELATIONAL_UNITS,
  relationalDescriptors,
} from '../src/index.js';

const composites = Array.from({ length: 6 }, (_, i) =>
  generateComposite({ shape: [96, 96], seed: 40 + i }),
);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const variance = (v: number[]) => {
  const m = mean(v);
  return mean(v.map((x) => (x - m) ** 2));
};

/** Brute-force contacts: label b has a pixel within Chebyshev distance 3 of a pixel of a. */
function bruteContacts(c: Composite): Set<number>[] {
  const [rows, cols] = c.instances.shape as [number, number];
  const lab = c.instances.data as Int32Array;
  const nb = Array.from({ length: c.phaseOfLabel.length }, () => new Set<number>());
  for (let r = 0; r < rows; r++)
    for (let q = 0; q < cols; q++) {
      const a = lab[r * cols + q]!;
      if (a === 0) continue;
      for (let dr = -3; dr <= 3; dr++)
        for (let dq = -3; dq <= 3; dq++) {
          const rr = r + dr;
          const qq = q + dq;
          if (rr < 0 || qq < 0 || rr >= rows || qq >= cols) continue;
          const b = lab[rr * cols + qq]!;
          if (b !== 0 && b !== a) nb[a]!.add(b);
        }
    }
  return nb;
}

/** R^2 of the least-squares fit of y on the columns of x (normal equations, small p). */
function fitR2(x: number[][], y: number[]): number {
  const p = x[0]!.length;
  const a = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p + 1 }, (_, j) =>
      x.reduce((s, r, k) => s + r[i]! * (j < p ? r[j]! : y[k]!), 0),
    ),
  );
  for (let i = 0; i < p; i++) {
    const piv = a[i]![i]!;
    for (let k = 0; k < p; k++) {
      if (k === i) continue;
      const f = a[k]![i]! / piv;
      for (let j = i; j <= p; j++) a[k]![j]! -= f * a[i]![j]!;
    }
  }
  const beta = a.map((row, i) => row[p]! / row[i]!);
  const pred = x.map((r) => r.reduce((s, v, i) => s + v * beta[i]!, 0));
  return 1 - mean(y.map((v, i) => (v - pred[i]!) ** 2)) / variance(y);
}

describe('relationalDescriptors: neighbourhood signal + noise of known size', () => {
  const rel = relationalDescriptors(composites, { seed: 3, noise: 0.5 });
  const all = rel.particles.flat();
  const contacts = composites.map(bruteContacts);

  it('one entry per NMC particle of the truth, in truth order', () => {
    rel.particles.forEach((ps, k) => {
      expect(ps.map((p) => p.label)).toEqual(composites[k]!.truth.particles.map((p) => p.label));
    });
    expect(all.length).toBeGreaterThan(40);
  });

  it('the ionic term is the sum over SSE neighbours of (their contact count - one dataset mean), by brute force', () => {
    const rows = composites.flatMap((c, k) =>
      rel.particles[k]!.map((p) => {
        const sse = [...contacts[k]![p.label]!].filter((j) => c.phaseOfLabel[j] === 1);
        return { n: sse.length, degrees: sse.reduce((s, j) => s + contacts[k]![j]!.size, 0), p };
      }),
    );
    // ionic = degrees - n * mu for one mu: recover mu from two particles, check every particle
    const u = rows.find((r) => r.n > 0)!;
    const v = rows.find((r) => r.n > 0 && r.n !== u.n)!;
    const mu = (u.degrees - u.p.terms.ionic - (v.degrees - v.p.terms.ionic)) / (u.n - v.n);
    expect(mu).toBeGreaterThan(1);
    for (const r of rows) expect(r.p.terms.ionic).toBeCloseTo(r.degrees - r.n * mu, 9);
  });

  it('signals have unit variance; R^2* = 1 / (1 + noise^2); the rest is N(0, noise^2) noise', () => {
    const n = all.length;
    for (const t of RELATIONAL_TARGETS) {
      expect(variance(all.map((p) => p.signal[t]))).toBeCloseTo(1, 12);
      expect(rel.r2Star[t]).toBeCloseTo(1 / 1.25, 12);
      const { centre, scale } = RELATIONAL_UNITS[t];
      // what is left after the signal: standard normal draws times noise (4 standard errors)
      const e = all.map((p) => (p[t] - centre - scale * p.signal[t]) / (scale * 0.5));
      expect(Math.abs(mean(e)), t).toBeLessThan(4 / Math.sqrt(n));
      expect(Math.abs(variance(e) - 1), t).toBeLessThan(4 * Math.sqrt(2 / n));
    }
  });

  it('is relational: own size and neighbour counts explain little of any signal', () => {
    const x = composites.flatMap((c, k) =>
      rel.particles[k]!.map((p) => {
        const size = c.truth.particles.find((q) => q.label === p.label)!.size;
        const count = (phase: number) =>
          [...contacts[k]![p.label]!].filter((j) => c.phaseOfLabel[j] === phase).length;
        return [1, Math.log(size), count(1), count(2), count(3)];
      }),
    );
    for (const t of RELATIONAL_TARGETS) {
      expect(
        fitR2(
          x,
          all.map((p) => p.signal[t]),
        ),
        t,
      ).toBeLessThan(0.25);
    }
  });

  it('strength 0 switches the signal off: R^2* = 0, the same noise without the signal', () => {
    const off = relationalDescriptors(composites, { seed: 3, noise: 0.5, strength: 0 });
    const offAll = off.particles.flat();
    for (const t of RELATIONAL_TARGETS) {
      expect(off.r2Star[t]).toBe(0);
      const { scale } = RELATIONAL_UNITS[t];
      offAll.forEach((p, i) => {
        expect(p[t]).toBeCloseTo(all[i]![t] - scale * all[i]!.signal[t], 9);
      });
    }
  });

  it('same seed, same values; inputs untouched; bad options refused', () => {
    const before = composites[0]!.instances.data.slice();
    expect(relationalDescriptors(composites, { seed: 3, noise: 0.5 })).toEqual(rel);
    expect(composites[0]!.instances.data).toEqual(before);
    expect(() => relationalDescriptors([])).toThrow(InvalidArgumentError);
    expect(() => relationalDescriptors(composites, { noise: -1 })).toThrow(/noise/);
    expect(() => relationalDescriptors(composites, { noise: 0, strength: 0 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => relationalDescriptors(composites, { nois: 1 } as never)).toThrow(/noise/);
  });
});
