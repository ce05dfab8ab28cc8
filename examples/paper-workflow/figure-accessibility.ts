/**
 * Descriptors against the particle's ionic and electronic resistance (the accessibility
 * columns of `analyzeImage` with `transport`): one scatter panel per descriptor and network,
 * resistance on a log axis; particles without a path to a boundary are left out of that
 * network's panels.
 */
import { DESCRIPTORS, type Descriptor, type ParticleRow } from '@mgraph/pipeline';
import type { TopLevelSpec } from 'vega-lite';

/** One point of the figure: a particle's descriptor against one of its resistances. */
export interface AccessibilityPoint {
  network: 'ionic' | 'electronic';
  descriptor: Descriptor;
  resistance: number;
  value: number;
  wellWired: boolean;
}

/** The points of {@link descriptorVsResistanceSpec}: finite, positive resistances only. */
export function accessibilityPoints(particles: readonly ParticleRow[]): AccessibilityPoint[] {
  const points: AccessibilityPoint[] = [];
  for (const p of particles)
    for (const network of ['ionic', 'electronic'] as const) {
      const r = network === 'ionic' ? p.ionicResistance : p.electronicResistance;
      if (typeof r !== 'number' || !(r > 0) || !Number.isFinite(r)) continue;
      for (const descriptor of DESCRIPTORS)
        if (Number.isFinite(p[descriptor]))
          points.push({
            network,
            descriptor,
            resistance: r,
            value: p[descriptor],
            wellWired: p.wellWired === true,
          });
    }
  return points;
}

/**
 * Scatter of each descriptor (rows) against the ionic and electronic resistance (columns).
 *
 * @param particles - valid particle rows with accessibility columns.
 */
export function descriptorVsResistanceSpec(particles: readonly ParticleRow[]): TopLevelSpec {
  const values = accessibilityPoints(particles);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Descriptors vs ionic and electronic resistance to the boundaries',
    data: { values },
    facet: {
      row: { field: 'descriptor', type: 'nominal', sort: [...DESCRIPTORS], title: null },
      column: {
        field: 'network',
        type: 'nominal',
        sort: ['ionic', 'electronic'],
        title: null,
      },
    },
    resolve: { scale: { y: 'independent', x: 'independent' } },
    spec: {
      width: 220,
      height: 160,
      mark: { type: 'point', filled: true, size: 18, opacity: 0.6 },
      encoding: {
        x: {
          field: 'resistance',
          type: 'quantitative',
          scale: { type: 'log' },
          title: 'resistance to the boundary (relative ohm)',
        },
        y: { field: 'value', type: 'quantitative', scale: { zero: false }, title: null },
        color: {
          field: 'wellWired',
          type: 'nominal',
          title: 'well wired',
          scale: { domain: [true, false], range: ['#4e79a7', '#bab0ac'] },
        },
      },
    },
  } as TopLevelSpec;
}
