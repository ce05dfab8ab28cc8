/**
 * All figures of the report, rendered to SVG: Fig. 2 (example image + graph), 3a-c, 4e-g,
 * 5a, 5c-e and 6b-d. Figures whose data are missing (no TPB in the batch, GNN skipped) are
 * left out with the reason.
 */

import { CATHODE_SCHEME } from '@mgraph/core';
import type { ParticleRow, PearsonRow } from '@mgraph/pipeline';
import { descriptorVsResistanceSpec } from './figure-accessibility.js';
import { correlationHeatmapSpec } from './figure-correlation.js';
import { exampleFigureSpec } from './figure-example.js';
import { gnnPredictionSpec } from './figure-gnn.js';
import { descriptorBoxplotSpec } from './figures-descriptors.js';
import { channelCategorySpec, sizeVsTpbSpec, tpbPerimeterSpec } from './figures-structure.js';
import { renderVegaLite } from './render-svg.js';
import type { ReportFigure } from './report-html.js';
import type {
  ExampleRasters,
  OverlayEdge,
  OverlayNode,
  PredictionPoint,
  TpbCsvRow,
} from './types.js';

/** Data for the figures. */
export interface FigureData {
  example: { name: string; rasters: ExampleRasters; graph: string } | null;
  segmenterLabel: string;
  particles: ParticleRow[];
  tpbs: TpbCsvRow[];
  correlations: PearsonRow[];
  predictions: PredictionPoint[] | null;
  gnnSubtitle: string;
}

/** The parts of graphology's JSON export the overlay reads. */
interface GraphJson {
  nodes: { key: string; attributes: { phase: string; centroid: number[]; size: number } }[];
  edges: { source: string; target: string; attributes?: { weight?: number } }[];
}

/** Node and edge overlay of Fig. 2 from a serialized graph (centroids scaled by `step`). */
export function graphOverlay(
  json: string,
  step: number,
): { nodes: OverlayNode[]; edges: OverlayEdge[] } {
  const graph = JSON.parse(json) as GraphJson;
  const at = new Map<string, OverlayNode>();
  for (const n of graph.nodes) {
    const a = n.attributes;
    at.set(n.key, {
      id: n.key,
      phase: a.phase,
      row: a.centroid[0] / step,
      col: a.centroid[1] / step,
      size: a.size,
    });
  }
  const edges: OverlayEdge[] = [];
  for (const e of graph.edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) continue;
    const w = e.attributes?.weight ?? 1;
    edges.push({ row: s.row, col: s.col, row2: t.row, col2: t.col, weight: w });
  }
  return { nodes: [...at.values()], edges };
}

/**
 * Render every figure.
 *
 * @param data - see {@link FigureData}.
 * @returns the figures (id doubles as file name) and notes on the ones left out.
 */
export async function renderFigures(
  data: FigureData,
): Promise<{ figures: ReportFigure[]; omitted: string[] }> {
  const figures: ReportFigure[] = [];
  const omitted: string[] = [];
  const add = async (
    id: string,
    title: string,
    caption: string,
    spec: Parameters<typeof renderVegaLite>[0],
  ) => figures.push({ id, title, caption, svg: await renderVegaLite(spec) });

  if (data.example) {
    const { name, rasters, graph } = data.example;
    const { nodes, edges } = graphOverlay(graph, rasters.step);
    await add(
      'fig2-example-graph',
      'Fig. 2: example image, phases, instances and graph',
      'Nodes at object centroids coloured by phase and sized by pixel count; edges are contacts (7x7 dilation overlap), width by weight.',
      exampleFigureSpec(name, rasters, CATHODE_SCHEME.phases, nodes, edges, data.segmenterLabel),
    );
  } else omitted.push('Fig. 2: no image was processed successfully');

  if (data.tpbs.length > 0)
    await add(
      'fig3a-tpb-perimeter-ratio',
      'Fig. 3a: TPB perimeter vs interface ratio',
      'Each point is one NMC-SSE-graphite triangle of mutually adjacent objects.',
      tpbPerimeterSpec(data.tpbs),
    );
  else omitted.push('Fig. 3a: no triple phase boundary in the batch');
  await add(
    'fig3b-nmc-size-tpb-count',
    'Fig. 3b: NMC size vs TPB count',
    'Points: NMC particles; line: mean size per TPB count.',
    sizeVsTpbSpec(data.particles),
  );
  await add(
    'fig3c-channel-categories',
    'Fig. 3c: channel categories',
    'NMC particles connected to another NMC via SSE only, graphite only, both (concurrent Li+/e- channel) or neither.',
    channelCategorySpec(data.particles),
  );
  await add(
    'fig4efg-tpb-boxplots',
    'Fig. 4e-g: descriptors with and without TPB',
    'Box: quartiles; whiskers: 1.5 IQR; points: outliers.',
    descriptorBoxplotSpec(
      data.particles,
      'inTpb',
      'Fig. 4e-g: NMC particles with vs without a TPB',
      ['with TPB', 'without TPB'],
    ),
  );
  await add(
    'fig5cde-channel-boxplots',
    'Fig. 5c-e: descriptors with and without concurrent channels',
    'Box: quartiles; whiskers: 1.5 IQR; points: outliers.',
    descriptorBoxplotSpec(
      data.particles,
      'concurrentChannel',
      'Fig. 5c-e: NMC particles with vs without a concurrent Li+/e- channel',
      ['with channel', 'without channel'],
    ),
  );
  if (data.particles.some((p) => p.wired))
    await add(
      'fig-accessibility-resistance',
      'Accessibility: descriptors vs ionic and electronic resistance',
      'Resistance distance of each NMC particle to the ionic boundary (left edge, separator side) and the electronic boundary (right edge, current collector) in the contact graph (Kirchhoff network, relative conductivities; see transport-settings.ts); colour: well wired (wired, access current at or above the median of its image). Particles without a path are left out of that panel.',
      descriptorVsResistanceSpec(data.particles),
    );
  else omitted.push('Accessibility figure: no NMC particle of the batch reaches both boundaries');
  if (
    data.particles.some((p) => p.wellWired === true) &&
    data.particles.some((p) => p.wellWired === false)
  )
    await add(
      'fig-wiring-boxplots',
      'Descriptors of well vs poorly wired particles',
      'Box: quartiles; whiskers: 1.5 IQR; points: outliers. Well wired: reaches both boundaries with an access current at or above the median of the wired particles of its image.',
      descriptorBoxplotSpec(data.particles, 'wellWired', 'NMC particles well vs poorly wired', [
        'well wired',
        'poorly wired',
      ]),
    );
  else omitted.push('Wiring box plots: the batch has no well wired or no poorly wired particle');
  await add(
    'fig5a-correlation-heatmap',
    'Fig. 5a: graph metric vs descriptor correlation',
    'Pearson r over all valid NMC particles of the batch; * marks p < 0.05.',
    correlationHeatmapSpec(data.correlations),
  );
  if (data.predictions && data.predictions.length > 0)
    await add(
      'fig6bcd-gnn-prediction',
      'Fig. 6b-d: GNN prediction vs truth',
      'NMC nodes of the test graphs; dashed line: y = x.',
      gnnPredictionSpec(data.predictions, data.gnnSubtitle),
    );
  else omitted.push('Fig. 6b-d: the GNN step did not run (see the GNN table)');
  return { figures, omitted };
}
