import { join } from 'node:path';
import { ConvergenceError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test-utils/fixtures.js';
import {
  betweennessCentrality,
  closenessCentrality,
  clustering,
  degree,
  eigenvectorCentrality,
  weightedDegree,
} from '../src/index.js';
import { graphFromEdges } from './helpers.js';

interface CentralityCase {
  n: number;
  edges: [number, number, number][];
  connected: boolean;
  degree: number[];
  weighted_degree: number[];
  clustering: number[];
  clustering_weighted: number[];
  betweenness: number[];
  betweenness_distance_weight: number[];
  closeness: number[];
  closeness_distance_weight: number[];
  eigenvector: number[] | null;
  eigenvector_numpy?: number[];
  eigenvector_weighted: number[] | null;
  eigenvector_weighted_numpy?: number[];
}

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = loadFixture<{ cases: CentralityCase[] }>(FIXTURES, 'centrality.json');

const build = (c: CentralityCase) => graphFromEdges(c.n, c.edges);

function maxAbsError(got: Record<string, number>, want: number[]): number {
  expect(Object.keys(got)).toHaveLength(want.length);
  let worst = 0;
  want.forEach((w, i) => {
    worst = Math.max(worst, Math.abs(got[String(i)]! - w));
  });
  return worst;
}

describe('graph metrics reproduce networkx 2.8 (centrality.json)', () => {
  fixture.cases.forEach((c, k) => {
    describe(`case ${k}: n = ${c.n}, ${c.edges.length} edges, connected ${c.connected}`, () => {
      const g = build(c);
      it('degree and weighted degree', () => {
        expect(maxAbsError(degree(g), c.degree)).toBe(0);
        expect(maxAbsError(weightedDegree(g), c.weighted_degree)).toBeLessThan(1e-9);
      });
      it('clustering, plain and weighted', () => {
        expect(maxAbsError(clustering(g), c.clustering)).toBeLessThan(1e-9);
        expect(
          maxAbsError(clustering(g, { weight: 'weight' }), c.clustering_weighted),
        ).toBeLessThan(1e-9);
      });
      it('betweenness, hops and weight as a distance', () => {
        expect(maxAbsError(betweennessCentrality(g), c.betweenness)).toBeLessThan(1e-9);
        expect(
          maxAbsError(
            betweennessCentrality(g, { weight: 'weight' }),
            c.betweenness_distance_weight,
          ),
        ).toBeLessThan(1e-9);
      });
      it('closeness, hops and distance-weighted', () => {
        expect(maxAbsError(closenessCentrality(g), c.closeness)).toBeLessThan(1e-9);
        expect(
          maxAbsError(closenessCentrality(g, { distance: 'weight' }), c.closeness_distance_weight),
        ).toBeLessThan(1e-9);
      });
      it('eigenvector: power iteration step for step, and near the exact eigenvector', () => {
        for (const [weight, want, exact] of [
          [undefined, c.eigenvector, c.eigenvector_numpy],
          ['weight', c.eigenvector_weighted, c.eigenvector_weighted_numpy],
        ] as const) {
          if (want === null) {
            expect(() => eigenvectorCentrality(g, { weight })).toThrow(ConvergenceError);
            continue;
          }
          const got = eigenvectorCentrality(g, { weight });
          expect(maxAbsError(got, want)).toBeLessThan(1e-9);
          if (exact) expect(maxAbsError(got, exact)).toBeLessThan(1e-5);
        }
      });
    });
  });
});
