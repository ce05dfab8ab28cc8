/**
 * Paper Fig. 5a: heat map of Pearson r between the graph metrics of NMC nodes (rows) and
 * their electrochemical descriptors (columns), r printed in each cell, significant cells
 * (p < 0.05) marked with an asterisk.
 */
import type { PearsonRow } from '@mgraph/pipeline';
import type { TopLevelSpec } from 'vega-lite';

/** The Vega-Lite spec of Fig. 5a. */
export function correlationHeatmapSpec(cells: readonly PearsonRow[]): TopLevelSpec {
  const values = cells.map((c) => ({
    ...c,
    text: Number.isFinite(c.r) ? `${c.r.toFixed(2)}${c.p < 0.05 ? '*' : ''}` : 'n/a',
  }));
  const metrics = [...new Set(cells.map((c) => c.metric))];
  const descriptors = [...new Set(cells.map((c) => c.descriptor))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Fig. 5a: Pearson r, graph metrics vs descriptors (* p < 0.05)',
    width: 70 * descriptors.length,
    height: 24 * metrics.length,
    data: { values },
    encoding: {
      x: {
        field: 'descriptor',
        type: 'nominal',
        sort: descriptors,
        title: null,
        axis: { labelAngle: 0 },
      },
      y: { field: 'metric', type: 'nominal', sort: metrics, title: null },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: {
            field: 'r',
            type: 'quantitative',
            title: 'Pearson r',
            scale: { scheme: 'redblue', domain: [-1, 1], reverse: true },
          },
        },
      },
      { mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'text' } } },
    ],
  } as TopLevelSpec;
}
