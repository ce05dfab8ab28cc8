/**
 * Paper Fig. 2: one image with its phases, its instances and the microstructure graph drawn
 * over them. Rasters are PNG data URIs in Vega-Lite `image` marks; nodes and contacts are
 * vector marks on the same pixel axes.
 */
import type { TopLevelSpec } from 'vega-lite';
import { hex, PHASE_COLORS } from './palette.js';
import { pngDataUri } from './png-data-uri.js';
import type { ExampleRasters, OverlayEdge, OverlayNode } from './types.js';

/** Grey-level RGB of an intensity image, stretched between its 1st and 99th percentiles. */
export function greyRgb(image: Float32Array): Uint8Array {
  const finite = Array.from(image)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const lo = finite[Math.floor(0.01 * (finite.length - 1))] ?? 0;
  const hi = finite[Math.floor(0.99 * (finite.length - 1))] ?? 1;
  const span = hi > lo ? hi - lo : 1;
  const rgb = new Uint8Array(image.length * 3);
  for (let i = 0; i < image.length; i++) {
    const v = Number.isFinite(image[i]) ? (image[i] - lo) / span : 0;
    rgb.fill(Math.round(255 * Math.min(1, Math.max(0, v))), 3 * i, 3 * i + 3);
  }
  return rgb;
}

/** RGB of a phase map with the phase colours. */
export function phaseRgb(phases: Uint8Array, phaseNames: readonly string[]): Uint8Array {
  const lut = phaseNames.map((p) => PHASE_COLORS[p] ?? [200, 200, 200]);
  const rgb = new Uint8Array(phases.length * 3);
  for (let i = 0; i < phases.length; i++) rgb.set(lut[phases[i]] ?? [255, 0, 255], 3 * i);
  return rgb;
}

/** RGB of an instance map: each label a pseudo-random bright colour, 0 black. */
export function instanceRgb(labels: Int32Array): Uint8Array {
  const rgb = new Uint8Array(labels.length * 3);
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l === 0) continue;
    const h = Math.imul(l, 2654435761) >>> 0;
    rgb[3 * i] = 60 + (h & 0xbf);
    rgb[3 * i + 1] = 60 + ((h >>> 8) & 0xbf);
    rgb[3 * i + 2] = 60 + ((h >>> 16) & 0xbf);
  }
  return rgb;
}

/**
 * The Vega-Lite spec of Fig. 2.
 *
 * @param name - image name (title).
 * @param rasters - image, phase map, labels (row-major, `rows x cols`).
 * @param phaseNames - phase names by code (the scheme).
 * @param nodes - graph nodes at their centroids.
 * @param edges - graph edges between centroids.
 * @param segmenterLabel - how the phases were obtained (panel title).
 * @param panel - panel width in screen pixels (default 300).
 */
export function exampleFigureSpec(
  name: string,
  rasters: ExampleRasters,
  phaseNames: readonly string[],
  nodes: OverlayNode[],
  edges: OverlayEdge[],
  segmenterLabel: string,
  panel = 300,
): TopLevelSpec {
  const { rows, cols } = rasters;
  const height = Math.round((panel * rows) / cols);
  const x = {
    type: 'quantitative',
    scale: { domain: [0, cols], nice: false },
    title: 'column (px)',
  };
  const y = {
    type: 'quantitative',
    scale: { domain: [0, rows], nice: false, reverse: true },
    title: 'row (px)',
  };
  const raster = (title: string, uri: string) => ({
    title,
    width: panel,
    height,
    data: { values: [{ x: 0, y: 0, url: uri }] },
    mark: {
      type: 'image',
      width: panel,
      height,
      aspect: false,
      align: 'left',
      baseline: 'top',
      aria: false,
    },
    encoding: {
      x: { field: 'x', ...x },
      y: { field: 'y', ...y },
      url: { field: 'url', type: 'nominal' },
    },
  });
  const phaseDomain = phaseNames.filter((p) => p !== 'background');
  const overlay = {
    title: 'instances + graph',
    width: panel,
    height,
    layer: [
      raster('', pngDataUri(instanceRgb(rasters.labels), cols, rows)),
      {
        data: { values: edges },
        mark: { type: 'rule', color: 'white', opacity: 0.85 },
        encoding: {
          x: { field: 'col', ...x },
          y: { field: 'row', ...y },
          x2: { field: 'col2' },
          y2: { field: 'row2' },
          strokeWidth: {
            field: 'weight',
            type: 'quantitative',
            legend: null,
            scale: { range: [0.5, 3] },
          },
        },
      },
      {
        data: { values: nodes },
        mark: { type: 'circle', stroke: 'white', strokeWidth: 0.8, opacity: 1 },
        encoding: {
          x: { field: 'col', ...x },
          y: { field: 'row', ...y },
          color: {
            field: 'phase',
            type: 'nominal',
            title: 'phase',
            scale: {
              domain: phaseDomain,
              range: phaseDomain.map((p) => hex(PHASE_COLORS[p] ?? [200, 200, 200])),
            },
          },
          size: {
            field: 'size',
            type: 'quantitative',
            title: 'size (px)',
            scale: { range: [15, 160] },
          },
        },
      },
    ],
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Fig. 2: ${name}: X-ray image, phases, instances and graph`,
    hconcat: [
      raster('X-ray image', pngDataUri(greyRgb(rasters.image), cols, rows)),
      raster(
        `phases (${segmenterLabel})`,
        pngDataUri(phaseRgb(rasters.phases, phaseNames), cols, rows),
      ),
      overlay,
    ],
  } as TopLevelSpec;
}
