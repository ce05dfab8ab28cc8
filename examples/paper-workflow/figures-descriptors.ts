/**
 * Paper Figs. 4e-g and 5c-e: box plots of SOC, heterogeneity and polarization of NMC
 * particles with and without a feature (a TPB; a concurrent Li+/e- channel). Whiskers at
 * 1.5 IQR, as matplotlib draws them.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ParticleRow } from './types.js';

/** The three electrochemical descriptors, with axis titles. */
export const DESCRIPTORS = [
  { key: 'soc', title: 'SOC: mean edge energy (eV)' },
  { key: 'heterogeneity', title: 'heterogeneity: std of edge energy (eV)' },
  { key: 'polarization', title: 'polarization: peak distance (eV)' },
] as const;

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
  feature: 'inTpb' | 'concurrentChannel',
  title: string,
  labels: [string, string],
): TopLevelSpec {
  const panels = DESCRIPTORS.map(({ key, title: axis }) => {
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
