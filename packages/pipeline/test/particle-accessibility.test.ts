// The accessibility columns of an analysis with options.transport: the rows, the graph and
// the wiring statistics agree with @mgraph/transport's particleAccessibility and with
// @mgraph/stats computed by hand; the analysis without transport is unchanged.
import { anova2, welchTTest } from '@mgraph/stats';
import { particleAccessibility } from '@mgraph/transport';
import { describe, expect, it } from 'vitest';
import {
  analyzePhaseMap,
  analyzeVolume,
  anovaTable,
  statisticsTables,
  welchTable,
} from '../src/index.js';
import { phantom } from './helpers.js';

const transport = {
  conductivity: {
    ionic: { sse: 1, nmc: 0.01 },
    electronic: { graphite: 10, nmc: 0.01 },
  },
  area: 'weight' as const,
  axis: 1,
  activeConducts: true,
};

describe('analyzePhaseMap with options.transport', () => {
  const batch = [7001, 7002].map((seed) => {
    const c = phantom(seed, [160, 160]);
    return {
      plain: analyzePhaseMap({ phases: c.phases, energy: c.energy }),
      rated: analyzePhaseMap({ phases: c.phases, energy: c.energy }, { transport }),
    };
  });

  it('adds the columns of particleAccessibility to every row, and changes nothing else', () => {
    // Seed 7001 has no object on the electronic face (nothing wired), 7002 has wired particles.
    expect(batch.map((b) => b.rated.particles.filter((p) => p.wired).length > 0)).toEqual([
      false,
      true,
    ]);
    for (const { plain, rated } of batch) {
      const ref = particleAccessibility(plain.graph, transport.conductivity, {
        area: 'weight',
        axis: 1,
        activeConducts: true,
      });
      expect(rated.accessibility!.particles).toEqual(ref.particles);
      const currents = ref.particles
        .filter((p) => p.wired)
        .map((p) => p.current!)
        .sort((a, b) => a - b);
      const m = currents.length;
      const median = (currents[Math.floor((m - 1) / 2)]! + currents[Math.floor(m / 2)]!) / 2;
      // The median split: the upper half of the wired particles (ties at the median included).
      expect(rated.particles.filter((r) => r.wellWired).length).toBe(Math.ceil(m / 2));
      rated.particles.forEach((row, i) => {
        const p = ref.particles[i]!;
        expect(row.node).toBe(p.node);
        expect(row.ionicResistance).toBe(p.ionicResistance);
        expect(row.electronicResistance).toBe(p.electronicResistance);
        expect(row.accessCurrent).toBe(p.current);
        expect(row.wired).toBe(p.wired);
        expect(row.wellWired).toBe(p.wired && p.current! >= median);
        const { ionicResistance, electronicResistance, accessCurrent, wired, wellWired, ...rest } =
          row;
        expect(rest).toEqual(plain.particles[i]);
        const a = rated.graph.getNodeAttributes(row.node);
        expect(a.wired).toBe(p.wired);
        expect(a.ionicResistance).toBe(p.ionicResistance ?? undefined);
        expect(a.accessCurrent).toBe(p.current ?? undefined);
      });
      expect(plain.particles.every((r) => !('wired' in r))).toBe(true);
      expect(plain.accessibility).toBeUndefined();
      expect(rated.seconds.transport).toBeGreaterThanOrEqual(0);
    }
  });

  it('statisticsTables adds the wiring tables, as welchTTest and anova2 of the split give them', () => {
    const rows = batch.flatMap((b) => b.rated.particles);
    const plainTables = statisticsTables(batch.flatMap((b) => b.plain.particles));
    const tables = statisticsTables(rows);
    expect(plainTables.welchWiring).toBeUndefined();
    const { welchWiring, anovaWiring, ...same } = tables;
    expect(same).toEqual(plainTables);
    const valid = rows.filter((p) => p.descriptorsValid);
    welchWiring!.forEach((row) => {
      const r = welchTTest(
        valid.filter((p) => p.wellWired).map((p) => p[row.descriptor]),
        valid.filter((p) => !p.wellWired).map((p) => p[row.descriptor]),
      );
      expect(row.feature).toBe('good wiring');
      expect(row.t).toBe(r.t);
      expect(row.p).toBe(r.p);
    });
    expect(welchWiring).toEqual(welchTable(rows, 'wellWired'));
    const het = valid.filter((p) => p.heterogeneity > 0);
    const ref = anova2(
      {
        y: het.map((p) => p.heterogeneity),
        a: het.map((p) => (p.inTpb ? 'TPB' : 'no TPB')),
        b: het.map((p) => (p.wellWired ? 'well wired' : 'poorly wired')),
      },
      { type: 2, interaction: true, transform: 'log' },
    );
    const mine = anovaWiring!.filter((r) => r.response === 'log heterogeneity');
    expect(mine.map((r) => r.term)).toEqual(['TPB', 'wiring', 'TPB:wiring', 'Residual']);
    mine.forEach((r, i) => {
      expect(r.sumSq).toBe(ref.rows[i]!.sumSq);
      expect(r.F).toBe(ref.rows[i]!.F ?? Number.NaN);
    });
    expect(anovaWiring).toEqual(anovaTable(rows, { factors: ['inTpb', 'wellWired'] }));
  });

  it('analyzeVolume rates 3D particles with anisotropic spacing as particleAccessibility does', async () => {
    const c = phantom(7, [24, 40, 40]);
    const volume = { ...transport, axis: 0, spacing: [2, 1, 1] };
    const rated = await analyzeVolume({ phases: c.phases }, { transport: volume });
    const plain = await analyzeVolume({ phases: c.phases });
    const ref = particleAccessibility(plain.graph, transport.conductivity, {
      area: 'weight',
      axis: 0,
      spacing: [2, 1, 1],
      activeConducts: true,
    });
    expect(ref.particles.filter((p) => p.wired).length).toBeGreaterThan(0);
    expect(rated.particles.map((r) => [r.node, r.ionicResistance, r.electronicResistance])).toEqual(
      ref.particles.map((p) => [p.node, p.ionicResistance, p.electronicResistance]),
    );
    // Spacing matters: the same volume with isotropic voxels gives other resistances.
    const iso = particleAccessibility(plain.graph, transport.conductivity, {
      area: 'weight',
      axis: 0,
      activeConducts: true,
    });
    expect(iso.particles.map((p) => p.ionicResistance)).not.toEqual(
      ref.particles.map((p) => p.ionicResistance),
    );
  });

  it('checks the transport option before any stage runs', () => {
    const c = phantom(7001, [160, 160]);
    expect(() =>
      analyzePhaseMap({ phases: c.phases }, { transport: { ...transport, axes: 1 } as never }),
    ).toThrow(/options\.transport\.axes/);
    expect(() =>
      analyzePhaseMap({ phases: c.phases }, { transport: { area: 'weight' } as never }),
    ).toThrow(/conductivit/);
    expect(() =>
      anovaTable(batch[0]!.rated.particles, { factors: ['inTpb', 'inTpb'] as never }),
    ).toThrow(/options\.factors/);
  });
});
