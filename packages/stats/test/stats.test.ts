import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import { anova2, pearson, welchTTest } from '../src/index.js';
import { type AnovaTable, expectTable, rel } from './helpers.js';

interface StatsFixture {
  welch: {
    x: number[];
    y: number[];
    t: number;
    p: number;
    df: number;
    mean_difference: number;
    ci95: [number, number];
    cohen_d_pooled: number;
  }[];
  pearson: { x: number[]; y: number[]; r: number; p: number }[];
  anova2: {
    a: number[];
    b: number[];
    y: number[];
    typ1: AnovaTable;
    typ2: AnovaTable;
    typ3_sum_coding: AnovaTable;
  }[];
}

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = loadFixture<StatsFixture>(FIXTURES, 'stats.json');

describe('welchTTest reproduces scipy ttest_ind(equal_var=False) (stats.json)', () => {
  fixture.welch.forEach((c, k) => {
    it(`case ${k}: n = ${c.x.length} vs ${c.y.length}`, () => {
      const r = welchTTest(c.x, c.y);
      expect(rel(r.t, c.t)).toBeLessThan(1e-9);
      expect(rel(r.df, c.df)).toBeLessThan(1e-9);
      expect(rel(r.p, c.p)).toBeLessThan(1e-9);
      expect(rel(r.meanDifference, c.mean_difference)).toBeLessThan(1e-9);
      // scipy's CI uses t.ppf (cdflib stdtrit), itself off by up to 4e-9 relative (mpmath);
      // ours uses the exact quantile (checked in distributions.test.ts), so 1e-8 here
      expect(rel(r.ci[0], c.ci95[0])).toBeLessThan(1e-8);
      expect(rel(r.ci[1], c.ci95[1])).toBeLessThan(1e-8);
      expect(rel(r.cohenD, c.cohen_d_pooled)).toBeLessThan(1e-9);
      expect([r.n1, r.n2]).toEqual([c.x.length, c.y.length]);
      expect(r.mean1 - r.mean2).toBeCloseTo(c.mean_difference, 12);
    });
  });
});

describe('pearson reproduces scipy pearsonr (stats.json)', () => {
  fixture.pearson.forEach((c, k) => {
    it(`case ${k}: n = ${c.x.length}`, () => {
      const r = pearson(c.x, c.y);
      expect(rel(r.r, c.r)).toBeLessThan(1e-9);
      expect(rel(r.p, c.p)).toBeLessThan(1e-9);
      expect(r.n).toBe(c.x.length);
      expect(r.ci[0]).toBeLessThan(r.r);
      expect(r.ci[1]).toBeGreaterThan(r.r);
    });
  });
});

describe('anova2 reproduces statsmodels anova_lm on unbalanced designs (stats.json)', () => {
  fixture.anova2.forEach((c, k) => {
    it(`case ${k}: n = ${c.y.length}, types 1, 2, 3 (sum coding)`, () => {
      const data = { y: c.y, a: c.a, b: c.b };
      expectTable(anova2(data, { type: 1 }).rows, c.typ1, 1e-8);
      expectTable(anova2(data, { type: 2 }).rows, c.typ2, 1e-8);
      expectTable(anova2(data, { type: 3 }).rows, c.typ3_sum_coding, 1e-8);
    });
  });
});
