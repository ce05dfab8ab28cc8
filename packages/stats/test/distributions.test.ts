import { join } from 'node:path';
import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import { fSf, normalCdf, normalPpf, tCdf, tPpf, tSf } from '../src/index.js';

interface Distributions {
  t_ppf_mpmath: { q: number; df: number; ppf: number }[];
  t: { t: number; df: number; cdf: number; sf: number }[];
  t_ppf: { q: number; df: number; ppf: number }[];
  f: { f: number; d1: number; d2: number; sf: number; cdf: number }[];
  norm_ppf: { p: number; ppf: number }[];
  norm_cdf: { z: number; cdf: number }[];
}
const FIXTURES = join(import.meta.dirname, 'fixtures');
const d = loadFixture<{ distributions: Distributions }>(FIXTURES, 'stats-extra.json').distributions;

const rel = (got: number, want: number) =>
  got === want ? 0 : Math.abs(got - want) / Math.max(Math.abs(want), Number.MIN_VALUE);

describe('t, F and normal distributions against scipy 1.10 (stats-extra.json)', () => {
  it('t cdf and sf within 1e-11 relative, down to 1e-40 tails', () => {
    for (const c of d.t) {
      expect(rel(tCdf(c.t, c.df), c.cdf)).toBeLessThan(1e-11);
      expect(rel(tSf(c.t, c.df), c.sf)).toBeLessThan(1e-11);
    }
  });
  it('t quantile within 1e-12 of the exact (mpmath, 40 digits) quantile', () => {
    for (const c of d.t_ppf_mpmath) expect(rel(tPpf(c.q, c.df), c.ppf)).toBeLessThan(1e-12);
  });
  it("t quantile within 1e-8 of scipy's t.ppf (whose own error reaches 4e-9)", () => {
    for (const c of d.t_ppf) {
      if (Math.abs(c.ppf) < 1e-15) expect(tPpf(c.q, c.df)).toBe(0);
      else expect(rel(tPpf(c.q, c.df), c.ppf)).toBeLessThan(1e-8);
    }
  });
  it('F survival function within 1e-11 relative', () => {
    for (const c of d.f) expect(rel(fSf(c.f, c.d1, c.d2), c.sf)).toBeLessThan(1e-11);
  });
  it('normal cdf and quantile within 1e-13 relative', () => {
    for (const c of d.norm_cdf) expect(rel(normalCdf(c.z), c.cdf)).toBeLessThan(1e-13);
    for (const c of d.norm_ppf) expect(rel(normalPpf(c.p), c.ppf)).toBeLessThan(1e-13);
  });
  it('jstat alone misses 1e-9 (why the tails are computed here)', () => {
    const worst = (values: number[]) => Math.max(...values);
    const jt = worst(
      d.t.filter((c) => c.cdf > 0).map((c) => rel(jStat.studentt.cdf(c.t, c.df), c.cdf)),
    );
    const jf = worst(
      d.f
        .filter((c) => c.sf > 1e-300)
        .map((c) => rel(1 - jStat.centralF.cdf(c.f, c.d1, c.d2), c.sf)),
    );
    const jq = worst(d.t_ppf_mpmath.map((c) => rel(jStat.studentt.inv(c.q, c.df), c.ppf)));
    expect(jt).toBeGreaterThan(1e-9);
    expect(jf).toBeGreaterThan(1e-9);
    expect(jq).toBeGreaterThan(1e-9);
  });
});
