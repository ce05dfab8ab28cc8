/**
 * Paper Fig. 3: triple phase boundaries and concurrent channels. (a) TPB perimeter against
 * interface ratio w(NMC-SSE)/w(NMC-graphite); (b) NMC particle size against its TPB count;
 * (c) NMC particles per channel category.
 */
import type { ParticleRow } from '@mgraph/pipeline';
import type { TopLevelSpec } from 'vega-lite';
import type { TpbCsvRow } from './types.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Fig. 3a: one point per TPB; x on a log scale (ratios span decades). */
export function tpbPerimeterSpec(tpbs: readonly TpbCsvRow[]): TopLevelSpec {
  const values = tpbs.filter((t) => t.interfaceRatio > 0 && Number.isFinite(t.interfaceRatio));
  return {
    $schema: SCHEMA,
    title: `Fig. 3a: TPB perimeter vs interface ratio (${values.length} TPBs)`,
    width: 380,
    height: 280,
    data: { values },
    mark: { type: 'point', filled: true, opacity: 0.55, size: 30, aria: false },
    encoding: {
      x: {
        field: 'interfaceRatio',
        type: 'quantitative',
        scale: { type: 'log' },
        title: 'interface ratio w(NMC-SSE) / w(NMC-graphite)',
      },
      y: { field: 'perimeter', type: 'quantitative', title: 'TPB perimeter (sum of edge weights)' },
      color: { value: '#4e79a7' },
    },
  } as TopLevelSpec;
}

/** Fig. 3b: NMC size against TPB count, one point per particle plus the mean per count. */
export function sizeVsTpbSpec(particles: readonly ParticleRow[]): TopLevelSpec {
  const values = particles.map((p) => ({ size: p.size, tpbCount: p.tpbCount }));
  return {
    $schema: SCHEMA,
    title: `Fig. 3b: NMC particle size vs number of TPBs (${values.length} particles)`,
    width: 380,
    height: 280,
    data: { values },
    layer: [
      {
        mark: {
          type: 'point',
          filled: true,
          opacity: 0.4,
          size: 25,
          color: '#f28e2b',
          aria: false,
        },
        encoding: {
          x: { field: 'size', type: 'quantitative', title: 'NMC particle size (px)' },
          y: { field: 'tpbCount', type: 'quantitative', title: 'TPB count' },
        },
      },
      {
        mark: { type: 'line', point: true, color: '#333' },
        encoding: {
          x: { aggregate: 'mean', field: 'size', type: 'quantitative' },
          y: { field: 'tpbCount', type: 'quantitative' },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Fig. 3c: count of NMC particles in each channel category. */
export function channelCategorySpec(particles: readonly ParticleRow[]): TopLevelSpec {
  const order = ['both', 'ionic-only', 'electronic-only', 'none'];
  const counts = order.map((category) => ({
    category,
    count: particles.filter((p) => p.channelCategory === category).length,
  }));
  return {
    $schema: SCHEMA,
    title: 'Fig. 3c: NMC particles by connection to other NMC',
    width: 300,
    height: 240,
    data: { values: counts },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'category', type: 'nominal', sort: order, title: 'channel category' },
          y: { field: 'count', type: 'quantitative', title: 'NMC particles' },
          color: {
            field: 'category',
            type: 'nominal',
            sort: order,
            legend: null,
            scale: { domain: order, range: ['#59a14f', '#4e79a7', '#9c755f', '#bab0ac'] },
          },
        },
      },
      {
        mark: { type: 'text', dy: -7 },
        encoding: {
          x: { field: 'category', type: 'nominal', sort: order },
          y: { field: 'count', type: 'quantitative' },
          text: { field: 'count', type: 'quantitative' },
        },
      },
    ],
  } as TopLevelSpec;
}
