import { join } from 'node:path';
import { InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import {
  fSf,
  normalCdf,
  normalPpf,
  pearson,
  studentTTest,
  tCdf,
  tPdf,
  tPpf,
  tSf,
  welchTTest,
} from '../src/index.js';

/** Numbers of `scripts/make_extremes_fixture.py` (non-finite ones as strings). */
type Num = number | 'Infinity' | '-Infinity' | 'NaN';
const num = (v: Num): number => (typeof v === 'number' ? v : Number(v));

interface Extremes {
  pearson: { x: number[]; y: number[]; scale: number; r: number; p: number }[];
  ttests: {
    x: number[];
    y: number[];
    equalVar: boolean;
    t: number;
    p: number;
    df: number;
    meanDifference: number;
    standardError: number;
    ci: [number, number];
    cohenD: number;
    sd1: number;
    sd2: number;
    'scipyAt1e-160': { t: number; p: number };
  }[];
  ttestScales: number[];
  distributions: Record<
    'tCdf' | 'tSf' | 'tPdf' | 'tPpf' | 'normalPpf' | 'normalCdf' | 'fSf',
    Record<string, Num>[]
  >;
}
const X = loadFixture<Extremes>(join(import.meta.dirname, 'fixtures'), 'extremes.json');

const rel = (got: number, want: number) =>
  got === want ? 0 : Math.abs(got - want) / Math.max(Math.abs(want), Number.MIN_VALUE);

describe('statistics at extreme magnitudes, against scipy 1.10 / mpmath (extremes.json)', () => {
  it('pearson: r and p do not depend on the scale (1e-300 ... 1e300), as scipy', () => {
    expect(X.pearson.length).toBe(21);
    for (const c of X.pearson) {
      const got = pearson(c.x, c.y);
      expect(rel(got.r, c.r), `r at ${c.scale}`).toBeLessThan(1e-13);
      expect(rel(got.p, c.p), `p at ${c.scale}`).toBeLessThan(1e-12);
    }
    // the case: r near 1, p = 0.037 for three points at 1e-200 and at 1e200
    for (const s of [1e-200, 1e200]) {
      const { r, p } = pearson([1 * s, 2 * s, 3 * s], [1 * s, 2.1 * s, 3 * s]);
      expect(r).toBeCloseTo(0.9983374884595826, 13);
      expect(p).toBeCloseTo(0.03671450200173388, 12);
    }
  });

  it('welchTTest / studentTTest: finite df, t, p at 1e-300 ... 1e300 (scipy at scale 1)', () => {
    for (const c of X.ttests) {
      const test = c.equalVar ? studentTTest : welchTTest;
      for (const s of X.ttestScales) {
        const got = test(
          c.x.map((v) => v * s),
          c.y.map((v) => v * s),
        );
        const at = `${c.equalVar ? 'student' : 'welch'} at ${s}`;
        expect(rel(got.t, c.t), at).toBeLessThan(1e-12);
        expect(rel(got.df, c.df), at).toBeLessThan(1e-12);
        expect(rel(got.p, c.p), at).toBeLessThan(1e-10);
        expect(rel(got.cohenD, c.cohenD), at).toBeLessThan(1e-12);
        expect(rel(got.meanDifference, c.meanDifference * s), at).toBeLessThan(1e-12);
        expect(rel(got.standardError, c.standardError * s), at).toBeLessThan(1e-12);
        // the reference interval uses scipy's t.ppf, itself good to ~1e-9 (distributions.test)
        expect(rel(got.ci[0], c.ci[0] * s), at).toBeLessThan(1e-8);
        expect(rel(got.ci[1], c.ci[1] * s), at).toBeLessThan(1e-8);
        expect(rel(got.sd1, c.sd1 * s), at).toBeLessThan(1e-12);
        expect(rel(got.sd2, c.sd2 * s), at).toBeLessThan(1e-12);
      }
    }
    // scipy itself squares the variances: near 1e-160 its Welch t drifts (and df is NaN,
    // silently replaced by 1); ours stays the scale-1 value
    const welch = X.ttests.find((c) => !c.equalVar)!;
    expect(rel(welch['scipyAt1e-160'].t, welch.t)).toBeGreaterThan(1e-6);
  });

  it('t, F and normal distributions: df = Infinity is the limit, huge df keeps precision', () => {
    const D = X.distributions;
    const check = (got: number, want: number, tol: number, at: string) => {
      if (!Number.isFinite(want) || want === 0) expect(got, at).toBe(want);
      else expect(rel(got, want), at).toBeLessThan(tol);
    };
    for (const c of D.tCdf)
      check(tCdf(num(c.t!), num(c.df!)), num(c.value!), 1e-13, `tCdf(${c.t}, ${c.df})`);
    for (const c of D.tSf)
      check(tSf(num(c.t!), num(c.df!)), num(c.value!), 1e-11, `tSf(${c.t}, ${c.df})`);
    for (const c of D.tPdf)
      check(tPdf(num(c.t!), num(c.df!)), num(c.value!), 1e-12, `tPdf(${c.t}, ${c.df})`);
    for (const c of D.tPpf) {
      const want = num(c.value!);
      const at = `tPpf(${c.q}, ${c.df})`;
      // scipy's t.ppf(0.5, df) is 1e-17, not 0
      if (c.q === 0.5) expect(tPpf(0.5, num(c.df!)), at).toBe(0);
      else check(tPpf(num(c.q!), num(c.df!)), want, 1e-9, at);
    }
    for (const c of D.normalPpf)
      check(normalPpf(num(c.p!)), num(c.value!), 1e-13, `normalPpf(${c.p})`);
    for (const c of D.normalCdf)
      check(normalCdf(num(c.z!)), num(c.value!), 1e-13, `normalCdf(${c.z})`);
    for (const c of D.fSf) {
      const at = `fSf(${c.f}, ${c.d1}, ${c.d2})`;
      check(fSf(num(c.f!), num(c.d1!), num(c.d2!)), num(c.value!), 1e-11, at);
    }
    // the values
    expect(tCdf(1, Number.POSITIVE_INFINITY)).toBeCloseTo(0.8413447460685429, 15);
  });

  it('arguments outside the domain are typed errors, never numbers or NaN', () => {
    const cases: [() => unknown, string][] = [
      [() => tCdf(1, 0), 'tCdf: argument df must be a number > 0'],
      [() => tCdf(1, -2), 'tCdf: argument df must be a number > 0'],
      [() => tCdf(Number.NaN, 3), 'tCdf: argument t must be a number (not NaN)'],
      [() => tSf(1, Number.NaN), 'tSf: argument df must be a number > 0'],
      [() => tPdf(1, 0), 'tPdf: argument df'],
      [() => tPpf(1.5, 3), 'tPpf: argument q must be a probability in [0, 1], got 1.5'],
      [() => tPpf(-0.1, 3), 'tPpf: argument q'],
      [() => tPpf(0.5, 0), 'tPpf: argument df'],
      [() => normalPpf(-0.1), 'normalPpf: argument p must be a probability in [0, 1], got -0.1'],
      [() => normalPpf(Number.NaN), 'normalPpf: argument p'],
      [() => normalCdf(Number.NaN), 'normalCdf: argument z'],
      [() => fSf(1, 0, 3), 'fSf: argument d1'],
      [() => fSf(1, 3, -1), 'fSf: argument d2'],
      [() => fSf(Number.NaN, 3, 4), 'fSf: argument f'],
      [() => fSf(1, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY), 'fSf: argument d2'],
    ];
    for (const [call, message] of cases) {
      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(message);
    }
  });
});
