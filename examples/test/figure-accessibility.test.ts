// The accessibility figure of the report: its points are the rows' finite resistances and
// descriptors (hand-made rows), and it renders to SVG with one point mark per point.
import type { ParticleRow } from '@mgraph/pipeline';
import { describe, expect, it } from 'vitest';
import {
  accessibilityPoints,
  descriptorVsResistanceSpec,
} from '../paper-workflow/figure-accessibility.js';
import { renderVegaLite } from '../paper-workflow/render-svg.js';
import { parseXml } from './xml-check.js';

const base: ParticleRow = {
  node: '1',
  label: 1,
  phase: 'nmc',
  size: 100,
  soc: 8344,
  heterogeneity: 0.5,
  polarization: 1,
  descriptorsValid: true,
  descriptorNote: '',
  tpbCount: 0,
  inTpb: false,
  channelCategory: 'none',
  concurrentChannel: false,
  degree: 0,
  weightedDegree: 0,
  clustering: 0,
  betweenness: 0,
  closeness: 0,
  eigenvector: 0,
  neighbors: { sse: 0, nmc: 0, graphite: 0 },
};

const rows: ParticleRow[] = [
  {
    ...base,
    ionicResistance: 2,
    electronicResistance: 4,
    accessCurrent: 1 / 6,
    wired: true,
    wellWired: true,
  },
  {
    ...base,
    node: '2',
    soc: 8345,
    ionicResistance: 8,
    electronicResistance: null,
    accessCurrent: null,
    wired: false,
    wellWired: false,
  },
  // A resistance of 0 (a particle on the boundary face) has no place on a log axis.
  {
    ...base,
    node: '3',
    polarization: Number.NaN,
    ionicResistance: 0,
    electronicResistance: 5,
    accessCurrent: 0.2,
    wired: true,
    wellWired: true,
  },
];

describe('descriptor vs resistance figure', () => {
  it('plots every finite positive resistance against every finite descriptor', () => {
    const points = accessibilityPoints(rows);
    expect(points).toEqual([
      { network: 'ionic', descriptor: 'soc', resistance: 2, value: 8344, wellWired: true },
      { network: 'ionic', descriptor: 'heterogeneity', resistance: 2, value: 0.5, wellWired: true },
      { network: 'ionic', descriptor: 'polarization', resistance: 2, value: 1, wellWired: true },
      { network: 'electronic', descriptor: 'soc', resistance: 4, value: 8344, wellWired: true },
      {
        network: 'electronic',
        descriptor: 'heterogeneity',
        resistance: 4,
        value: 0.5,
        wellWired: true,
      },
      {
        network: 'electronic',
        descriptor: 'polarization',
        resistance: 4,
        value: 1,
        wellWired: true,
      },
      { network: 'ionic', descriptor: 'soc', resistance: 8, value: 8345, wellWired: false },
      {
        network: 'ionic',
        descriptor: 'heterogeneity',
        resistance: 8,
        value: 0.5,
        wellWired: false,
      },
      { network: 'ionic', descriptor: 'polarization', resistance: 8, value: 1, wellWired: false },
      { network: 'electronic', descriptor: 'soc', resistance: 5, value: 8344, wellWired: true },
      {
        network: 'electronic',
        descriptor: 'heterogeneity',
        resistance: 5,
        value: 0.5,
        wellWired: true,
      },
    ]);
  });

  it('renders six panels of points', async () => {
    const svg = await renderVegaLite(descriptorVsResistanceSpec(rows));
    expect(parseXml(svg).root).toBe('svg');
    expect(svg.match(/aria-roledescription="point"/g)).toHaveLength(11);
    expect(svg).toContain('resistance to the boundary');
  });
});
