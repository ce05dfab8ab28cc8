import type { ChannelCategory } from '@mgraph/graph';
import type { ParticleRow } from '@mgraph/pipeline';
import { describe, expect, it } from 'vitest';
import { correlationHeatmapSpec } from '../paper-workflow/figure-correlation.js';
import { exampleFigureSpec, instanceRgb, phaseRgb } from '../paper-workflow/figure-example.js';
import { gnnPredictionSpec } from '../paper-workflow/figure-gnn.js';
import { descriptorBoxplotSpec } from '../paper-workflow/figures-descriptors.js';
import { channelCategorySpec, tpbPerimeterSpec } from '../paper-workflow/figures-structure.js';
import { renderVegaLite } from '../paper-workflow/render-svg.js';
import { buildReportHtml } from '../paper-workflow/report-html.js';
import { parseXml } from './xml-check.js';

/** A complete particle row: neutral values, then `fields`. */
function particleRow(fields: Partial<ParticleRow>): ParticleRow {
  return {
    node: '1',
    label: 1,
    phase: 'nmc',
    size: 100,
    soc: Number.NaN,
    heterogeneity: Number.NaN,
    polarization: Number.NaN,
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
    ...fields,
  };
}

const CATEGORIES: ChannelCategory[] = ['both', 'ionic-only', 'electronic-only', 'none'];
const particles = Array.from({ length: 40 }, (_, i) =>
  particleRow({
    size: 100 + 5 * i,
    tpbCount: i % 3,
    inTpb: i % 3 > 0,
    concurrentChannel: i % 2 === 0,
    channelCategory: CATEGORIES[i % 4],
    soc: 8344 + (i % 5) * 0.1,
    heterogeneity: 0.5 + (i % 7) * 0.05,
    polarization: 1 + (i % 4) * 0.2,
  }),
);

describe('figures render to well-formed SVG without a browser', () => {
  it('channel categories: one bar per category with its count', async () => {
    const svg = await renderVegaLite(channelCategorySpec(particles));
    const { root } = parseXml(svg);
    expect(root).toBe('svg');
    const bars = svg.match(
      /role-mark[^"]*marks" role="graphics-object" aria-roledescription="rect mark container"/g,
    );
    expect(bars).toHaveLength(1);
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(4);
    for (const n of [10, 10, 10, 10]) expect(svg).toContain(`>${n}</text>`);
  });
  it('box plots, heat map, TPB scatter and GNN panels parse', async () => {
    const specs = [
      descriptorBoxplotSpec(particles, 'inTpb', 'Fig. 4', ['with TPB', 'without TPB']),
      correlationHeatmapSpec([
        { metric: 'degree', descriptor: 'soc', r: 0.25, p: 0.01, n: 40 },
        { metric: 'degree', descriptor: 'heterogeneity', r: -0.5, p: 0.2, n: 40 },
      ]),
      tpbPerimeterSpec([{ image: 'a', nmc: 1, nmcSize: 100, perimeter: 3, interfaceRatio: 0.5 }]),
      gnnPredictionSpec(
        [
          { target: 'soc', truth: 1, prediction: 1.1 },
          { target: 'heterogeneity', truth: 2, prediction: 1.5 },
        ],
        'RMSE',
      ),
    ];
    const svgs = await Promise.all(specs.map(renderVegaLite));
    for (const svg of svgs) expect(parseXml(svg).root).toBe('svg');
    expect(svgs[1]).toContain('>0.25*</text>');
    expect(svgs[1]).toContain('>-0.50</text>');
  });
  it('the example figure embeds three PNG rasters and draws nodes and edges', async () => {
    const rows = 8;
    const cols = 12;
    const phases = Uint8Array.from({ length: rows * cols }, (_, i) => i % 4);
    const labels = Int32Array.from({ length: rows * cols }, (_, i) => (i % cols < 6 ? 1 : 2));
    const svg = await renderVegaLite(
      exampleFigureSpec(
        'demo',
        { rows, cols, step: 1, image: new Float32Array(rows * cols).fill(1), phases, labels },
        ['background', 'sse', 'nmc', 'graphite'],
        [
          { id: '1', phase: 'nmc', row: 4, col: 3, size: 48 },
          { id: '2', phase: 'sse', row: 4, col: 9, size: 48 },
        ],
        [{ row: 4, col: 3, row2: 4, col2: 9, weight: 2 }],
        'U-Net',
      ),
    );
    const { tags } = parseXml(svg);
    expect(tags.get('image')).toBe(3);
    expect(svg.match(/xlink:href="data:image\/png;base64,/g)).toHaveLength(3);
    expect(svg.match(/aria-roledescription="circle"/g)).toHaveLength(2);
    expect(svg).toContain('phases (U-Net)');
  });
  it('colours phases and instances', () => {
    expect([
      ...phaseRgb(Uint8Array.from([0, 2]), ['background', 'sse', 'nmc', 'graphite']),
    ]).toEqual([20, 20, 20, 242, 142, 43]);
    const inst = instanceRgb(Int32Array.from([0, 5, 5, 6]));
    expect([...inst.subarray(0, 3)]).toEqual([0, 0, 0]);
    expect([...inst.subarray(3, 6)]).toEqual([...inst.subarray(6, 9)]);
    expect([...inst.subarray(3, 6)]).not.toEqual([...inst.subarray(9, 12)]);
  });
});

describe('buildReportHtml', () => {
  it('inlines SVGs, escapes text and lists tables and figures', () => {
    const html = buildReportHtml({
      title: 'R <1>',
      summary: ['a & b'],
      facts: [['images', '3']],
      tables: [
        {
          id: 't1',
          title: 'Table',
          rows: [{ x: 0.123456, y: 'q' }],
          columns: [{ key: 'x', digits: 2 }, { key: 'y' }],
        },
      ],
      figures: [{ id: 'f1', title: 'Fig', svg: '<?xml version="1.0"?><svg><g/></svg>' }],
    });
    expect(html).toContain('<title>R &lt;1&gt;</title>');
    expect(html).toContain('<li>a &amp; b</li>');
    expect(html).toContain('<td>0.12</td><td>q</td>');
    expect(html).toContain('<svg><g/></svg>');
    expect(html).not.toContain('<?xml');
    expect(html).toContain('href="#f1"');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });
});
