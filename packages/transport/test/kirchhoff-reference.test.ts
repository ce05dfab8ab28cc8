// The graph transport against networkx and SciPy on random contact graphs
// (fixtures: scripts/make-kirchhoff-fixtures.py).
import { readFileSync } from 'node:fs';
import {
  graphFromGEXF,
  graphFromGraphML,
  graphFromJSON,
  graphToGEXF,
  graphToGraphML,
  graphToJSON,
} from '@mgraph/graph';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  kirchhoffCurrents,
  laplacianMatrix,
  particleAccessibility,
  resistanceDistance,
  withAccessibility,
} from '../src/index.js';
import { sceneGraph } from './kirchhoff-scene.js';

interface Case {
  shape: number[];
  spacing: number[];
  nodes: Record<string, { phase: string; centroid: number[]; bbox: number[] }>;
  edges: { a: string; b: string; contactArea: number; weight: number; resistance: number }[];
  nodelist: string[];
  laplacian: number[][];
  pairs: { a: string; b: string; resistance: number; unit: number }[];
  networks: Record<
    'ionic' | 'electronic',
    {
      source: string[];
      sink: string[];
      potential: Record<string, number | null>;
      conductance: number;
    }
  >;
  accessibility: { node: string; ionic: number | null; electronic: number | null }[];
  accessibilityActiveConducts: { node: string; ionic: number | null; electronic: number | null }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('fixtures/kirchhoff-random.json', import.meta.url), 'utf8'),
) as {
  conductivity: { ionic: Record<string, number>; electronic: Record<string, number> };
  contactResistivity: number;
  cases: Case[];
};

const graphOf = (c: Case) => {
  const g = sceneGraph(
    c.shape,
    Object.entries(c.nodes).map(([key, n]) => ({ key, ...n })),
    c.edges.map((e) => ({ a: e.a, b: e.b, contactArea: e.contactArea, weight: e.weight })),
  );
  c.edges.forEach((e) => {
    g.setEdgeAttribute(g.edge(e.a, e.b)!, 'resistance' as never, e.resistance as never);
  });
  return g;
};

const close = (actual: number, expected: number, rel: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));

describe.each(fixture.cases.map((c, i) => [`${c.shape.join('x')} (${i})`, c] as const))(
  'random contact graph %s',
  (_name, c) => {
    const g = graphOf(c);
    const model = { contactResistivity: fixture.contactResistivity, spacing: c.spacing };

    it('laplacianMatrix equals networkx laplacian_matrix(G, nodelist, weight)', () => {
      const L = laplacianMatrix(g, { nodelist: c.nodelist });
      const n = c.nodelist.length;
      const dense = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (let i = 0; i < n; i++)
        for (let k = L.indptr[i]!; k < L.indptr[i + 1]!; k++) dense[i]![L.indices[k]!] = L.data[k]!;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) close(dense[i]![j]!, c.laplacian[i]![j]!, 1e-12);
    });

    it('resistanceDistance equals networkx resistance_distance', () => {
      expect(c.pairs.length).toBeGreaterThan(0);
      for (const p of c.pairs) {
        close(resistanceDistance(g, p.a, p.b, { weight: 'resistance' }), p.resistance, 1e-9);
        close(resistanceDistance(g, p.a, p.b), p.unit, 1e-9);
      }
    });

    it.each(['ionic', 'electronic'] as const)(
      'kirchhoffCurrents(%s) equals the SciPy spsolve of the same network',
      (kind) => {
        const ref = c.networks[kind];
        const phase = kind === 'ionic' ? 'sse' : 'graphite';
        const sigma = { [phase]: fixture.conductivity[kind][phase]! };
        const r = kirchhoffCurrents(g, kind, sigma, model);
        expect(r.source).toEqual(ref.source);
        expect(r.sink).toEqual(ref.sink);
        close(r.conductance, ref.conductance, 1e-8);
        expect(Object.keys(r.potential).sort()).toEqual(Object.keys(ref.potential).sort());
        for (const [key, v] of Object.entries(ref.potential)) {
          if (v === null) expect(r.potential[key]).toBeNull();
          else close(r.potential[key]!, v, 1e-8);
        }
        expect(r.isolated.sort()).toEqual(
          Object.keys(ref.potential)
            .filter((k) => ref.potential[k] === null)
            .sort(),
        );
        // Current is conserved at every free node of a driven component.
        const net = new Map<string, number>();
        for (const e of r.edges) {
          if (e.current === null) continue;
          net.set(e.source, (net.get(e.source) ?? 0) - e.current);
          net.set(e.target, (net.get(e.target) ?? 0) + e.current);
        }
        for (const [key, balance] of net)
          if (!ref.source.includes(key) && !ref.sink.includes(key))
            expect(Math.abs(balance)).toBeLessThan(1e-8 * Math.max(1, r.conductance));
        expect(g.filterNodes((_, a) => a.phase === phase).length).toBe(
          Object.keys(r.potential).length,
        );
      },
    );

    it.each([
      ['terminals', false],
      ['activeConducts', true],
    ] as const)(
      'particleAccessibility (%s) equals the networkx resistance distance to the contracted boundary',
      (_mode, activeConducts) => {
        const r = particleAccessibility(g, fixture.conductivity, { ...model, activeConducts });
        const expected = activeConducts ? c.accessibilityActiveConducts : c.accessibility;
        expect(r.particles.map((p) => p.node)).toEqual(expected.map((p) => p.node));
        r.particles.forEach((p, i) => {
          const ref = expected[i]!;
          for (const [mine, theirs] of [
            [p.ionicResistance, ref.ionic],
            [p.electronicResistance, ref.electronic],
          ] as const) {
            if (theirs === null) expect(mine).toBeNull();
            else close(mine!, theirs, 1e-8);
          }
          expect(p.wired).toBe(ref.ionic !== null && ref.electronic !== null);
          if (p.wired) close(p.current!, 1 / (ref.ionic! + ref.electronic!), 1e-8);
          else expect(p.current).toBeNull();
        });
      },
    );
  },
);

describe('withAccessibility', () => {
  const c = fixture.cases[3]!;
  const g = graphOf(c);
  const access = particleAccessibility(g, fixture.conductivity, {
    contactResistivity: fixture.contactResistivity,
    spacing: c.spacing,
  });

  it('writes the results onto a new graph, never the input', () => {
    const before = graphToJSON(g);
    const out = withAccessibility(g, access);
    expect(graphToJSON(g)).toBe(before);
    expect(out).not.toBe(g);
    const wired = access.particles.filter((p) => p.wired);
    expect(wired.length).toBeGreaterThan(0);
    expect(access.particles.some((p) => !p.wired)).toBe(true);
    for (const p of access.particles) {
      const a = out.getNodeAttributes(p.node);
      expect(a.wired).toBe(p.wired);
      expect(a.ionicResistance).toBe(p.ionicResistance ?? undefined);
      expect(a.electronicResistance).toBe(p.electronicResistance ?? undefined);
      expect(a.accessCurrent).toBe(p.current ?? undefined);
    }
  });

  it.each([
    ['JSON', graphToJSON, graphFromJSON],
    ['GraphML', graphToGraphML, graphFromGraphML],
    ['GEXF', graphToGEXF, graphFromGEXF],
  ] as const)('round-trips through %s', (_format, write, read) => {
    const out = withAccessibility(g, access);
    const back = read(write(out as never));
    for (const p of access.particles) {
      const a = back.getNodeAttributes(p.node) as unknown as Record<string, unknown>;
      expect(a.wired).toBe(p.wired);
      expect(a.ionicResistance).toBe(p.ionicResistance ?? undefined);
      expect(a.electronicResistance).toBe(p.electronicResistance ?? undefined);
      expect(a.accessCurrent).toBe(p.current ?? undefined);
    }
    // And the round-tripped graph rates the same.
    const again = particleAccessibility(back, fixture.conductivity, {
      contactResistivity: fixture.contactResistivity,
      spacing: c.spacing,
    });
    expect(again.particles).toEqual(access.particles);
  });

  it('leaves other graphs alone: a plain graphology graph is refused by the Kirchhoff functions', () => {
    expect(() => kirchhoffCurrents(new UndirectedGraph() as never, 'ionic', {})).toThrow(/scheme/);
  });
});
