/**
 * Paper Figs. 4e-g and 5c-e: box plots of SOC, heterogeneity and polarization of NMC
 * particles with and without a feature (a TPB; a concurrent Li+/e- channel). Whiskers at
 * 1.5 IQR, as matplotlib draws them.
 */
import {
  DESCRIPTORS,
  type Descriptor,
  type ParticleFeature,
  type ParticleRow,
} from '@mgraph/pipeline';
import type { TopLevelSpec } from 'vega-lite';

/** Axis title of each descriptor. */
const AXIS_TITLES: Record<Descriptor, string> = {
  soc: 'SOC: mean edge energy (eV)',
  heterogeneity: 'heterogeneity: std of edge energy (eV)',
  polarization: 'polarization: peak distance (eV)',
};

/**
 * Box plots of the three descriptors split by a boolean feature of the particle.
 *
 * @param particles - valid particle rows.
 * @param feature - `inTpb` or `concurrentChannel`.
 * @param title - figure title.
 * @param labels - group names `[with, without]`.
 */
export function descriptorBoxplotSpec(
  particles: readonly ParticleRow[],
  feature: ParticleFeature,
  title: string,
  labels: [string, string],
): TopLevelSpec {
  const panels = DESCRIPTORS.map((key) => {
    const axis = AXIS_TITLES[key];
    const values = particles
      .filter((p) => Number.isFinite(p[key]))
      .map((p) => ({ group: p[feature] ? labels[0] : labels[1], value: p[key] }));
    return {
      width: 170,
      height: 240,
      data: { values },
      mark: { type: 'boxplot', extent: 1.5, size: 40 },
      encoding: {
        x: { field: 'group', type: 'nominal', sort: labels, title: null, axis: { labelAngle: 0 } },
        y: { field: 'value', type: 'quantitative', title: axis, scale: { zero: false } },
        color: {
          field: 'group',
          type: 'nominal',
          sort: labels,
          legend: null,
          scale: { domain: labels, range: ['#59a14f', '#bab0ac'] },
        },
      },
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    hconcat: panels,
  } as TopLevelSpec;
}
