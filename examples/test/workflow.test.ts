// End to end: the workflow on 6 small images in a directory, one of them a corrupt TIFF.
// The corrupt one is reported (report, images.csv, particles.csv) and the other 5 complete.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { graphFromGraphML } from '@mgraph/graph';
import { writeTiff } from '@mgraph/io/node';
import { generateComposite, toUint16 } from '@mgraph/phantom';
import { writeCompositeFiles } from '@mgraph/phantom/node';
import { welchTTest } from '@mgraph/stats';
import { beforeAll, describe, expect, it } from 'vitest';
import { itNeeds } from '../../test-utils/ci.js';
import { parseWorkflowArgs } from '../paper-workflow/options.js';
import { PARTICLE_COLUMNS } from '../paper-workflow/table-columns.js';
import { parseCsv } from '../paper-workflow/tables.js';
import { runWorkflow, type WorkflowSummary } from '../paper-workflow/workflow.js';
import { chromium } from './browser/chromium.js';
import { decodePng } from './png-decode.js';
import { parseXml } from './xml-check.js';

if (!chromium)
  console.warn(
    'report.html browser test skipped: no chromium on PATH (apt-get install chromium, or set CHROMIUM)',
  );

/** A numeric CSV cell; an empty cell (NaN written out) fails instead of reading as 0. */
function cell(text: string | undefined): number {
  expect(text).toMatch(/^-?[\d.]+(e[-+]?\d+)?$/);
  return Number(text);
}

let input: string;
let out: string;
let summary: WorkflowSummary;
const log: string[] = [];

beforeAll(async () => {
  input = await mkdtemp(join(tmpdir(), 'mgraph-wf-in-'));
  out = await mkdtemp(join(tmpdir(), 'mgraph-wf-out-'));
  for (let i = 0; i < 4; i++) {
    const c = generateComposite({ shape: [128, 128], seed: 5000 + i });
    await writeTiff(join(input, `img-${i}.tif`), toUint16(c.image));
    await writeTiff(join(input, `img-${i}.phases.tif`), c.phases);
    await writeTiff(join(input, `img-${i}.energy.tif`), c.energy);
  }
  // one image in @mgraph/phantom's directory layout
  await writeCompositeFiles(
    join(input, 'img-4'),
    generateComposite({ shape: [128, 128], seed: 5004 }),
  );
  // a corrupt TIFF: a valid header, then garbage
  await writeFile(
    join(input, 'img-2b.tif'),
    Buffer.from('II*\u0000\u0008\u0000\u0000\u0000garbage'),
  );
  const options = parseWorkflowArgs(
    ['--input', input, '--out', out, '--segmenter', 'truth', '--epochs', '3', '--workers', '2'],
    '/',
  )!;
  summary = await runWorkflow({ ...options, progress: false }, { log: (l) => log.push(l) });
}, 240_000);

describe('paper workflow on 6 images, one corrupt', () => {
  it('completes 5 images and reports the corrupt one with its reason', () => {
    expect(summary.images).toBe(6);
    expect(summary.completed).toBe(5);
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0].name).toBe('img-2b');
    expect(summary.failures[0].reason).toMatch(/readable TIFF.*img-2b\.tif/);
    expect(log.some((l) => l.includes('failed: img-2b'))).toBe(true);
  });
  it('writes images.csv with the failure and mIoU 1 for the given phases', async () => {
    const { header, rows } = parseCsv(await readFile(join(out, 'images.csv'), 'utf8'));
    expect(header.slice(0, 4)).toEqual(['image', 'status', 'error', 'mIoU']);
    expect(rows.map((r) => r[0])).toEqual(['img-0', 'img-1', 'img-2', 'img-2b', 'img-3', 'img-4']);
    const bad = rows.find((r) => r[0] === 'img-2b')!;
    expect(bad[1]).toBe('failed');
    expect(bad[2]).toMatch(/readable TIFF/);
    const ok = rows.filter((r) => r[1] === 'ok');
    expect(ok).toHaveLength(5);
    for (const r of ok) expect(cell(r[3])).toBe(1);
  });
  it('writes particles.csv with every column, a failed row, and valid particle rows', async () => {
    const { header, rows } = parseCsv(await readFile(join(out, 'particles.csv'), 'utf8'));
    expect(header).toEqual(PARTICLE_COLUMNS.map((c) => c.key));
    const failed = rows.filter((r) => r[1] === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0][0]).toBe('img-2b');
    const ok = rows.filter((r) => r[1] === 'ok');
    expect(ok.length).toBeGreaterThan(20);
    const col = (name: string) => header.indexOf(name);
    const valid = ok.filter((r) => r[col('descriptorsValid')] === 'true');
    expect(valid.length).toBeGreaterThan(20);
    for (const r of valid) {
      const soc = cell(r[col('soc')]);
      expect(soc).toBeGreaterThanOrEqual(8340);
      expect(soc).toBeLessThanOrEqual(8348);
      expect(cell(r[col('heterogeneity')])).toBeGreaterThanOrEqual(0);
      expect(cell(r[col('size')])).toBeGreaterThanOrEqual(10);
      // neighbour columns: one per phase, summing to the degree
      const neighbors = ['nmcNeighbors', 'sseNeighbors', 'graphiteNeighbors'].map((c) =>
        cell(r[col(c)]),
      );
      expect(neighbors.reduce((a, b) => a + b, 0)).toBe(cell(r[col('degree')]));
    }
    expect(new Set(ok.map((r) => r[col('channelCategory')]))).toContain('both');
  });
  it('writes Tables S1-S3 (CSV and Markdown) with the expected rows', async () => {
    const s1 = parseCsv(await readFile(join(out, 'tables', 'table-s1-welch-tpb.csv'), 'utf8'));
    expect(s1.rows.map((r) => r[1])).toEqual(['soc', 'heterogeneity', 'polarization']);
    const s2 = parseCsv(await readFile(join(out, 'tables', 'table-s2-welch-channel.csv'), 'utf8'));
    expect(s2.rows.map((r) => r[1])).toEqual(['soc', 'heterogeneity', 'polarization']);
    // each row is Welch's test of the particles written to particles.csv
    const particles = parseCsv(await readFile(join(out, 'particles.csv'), 'utf8'));
    const pc = (name: string) => particles.header.indexOf(name);
    const valid = particles.rows.filter((r) => r[pc('descriptorsValid')] === 'true');
    for (const [table, feature] of [
      [s1, 'inTpb'],
      [s2, 'concurrentChannel'],
    ] as const) {
      const at = (name: string) => table.header.indexOf(name);
      for (const r of table.rows) {
        const values = (has: string) =>
          valid.filter((v) => v[pc(feature)] === has).map((v) => cell(v[pc(r[1])]));
        const direct = welchTTest(values('true'), values('false'));
        expect(cell(r[at('t')])).toBeCloseTo(direct.t, 12);
        expect(cell(r[at('p')])).toBeCloseTo(direct.p, 12);
        expect(r[at('p < 0.05')]).toBe(String(direct.p < 0.05));
        expect(r[at('note')]).toBe('');
      }
    }
    const s3 = parseCsv(await readFile(join(out, 'tables', 'table-s3-anova.csv'), 'utf8'));
    const terms = (response: string) => s3.rows.filter((r) => r[0] === response).map((r) => r[1]);
    expect(terms('log heterogeneity')).toEqual(['TPB', 'channel', 'TPB:channel', 'Residual']);
    for (const r of s3.rows.filter((r) => r[0] === 'log heterogeneity' && r[1] !== 'Residual')) {
      expect(cell(r[4])).toBeGreaterThan(0); // F
      expect(cell(r[5])).toBeGreaterThan(0); // p
      expect(cell(r[5])).toBeLessThanOrEqual(1);
    }
    // On these 5 images a cell of the 2x2 design is empty for log polarization (one-mode
    // particles have polarization 0 and no log): the table has one row saying why.
    const cells = new Map<string, number>();
    for (const v of valid)
      if (cell(v[pc('polarization')]) > 0) {
        const key = `${v[pc('inTpb')]}/${v[pc('concurrentChannel')]}`;
        cells.set(key, (cells.get(key) ?? 0) + 1);
      }
    expect(cells.size).toBeLessThan(4);
    const pol = s3.rows.filter((r) => r[0] === 'log polarization');
    expect(pol).toHaveLength(1);
    expect(pol[0][1]).toBe('-');
    expect(pol[0][6]).toMatch(/anova2: .*every \(a, b\) cell observed/);
    const md = await readFile(join(out, 'tables', 'table-s3-anova.md'), 'utf8');
    expect(md).toContain('| response | term | sum of squares | df | F | p | note |');
    const gnn = parseCsv(await readFile(join(out, 'tables', 'table-gnn.csv'), 'utf8'));
    expect(gnn.rows.map((r) => r[0])).toEqual(['soc', 'heterogeneity', 'polarization']);
    for (const r of gnn.rows) expect(cell(r[1])).toBeGreaterThan(0);
    // mean / linear / MLP / GNN side by side: the batch (R^2* unknown) and the relational phantom
    const models = parseCsv(await readFile(join(out, 'tables', 'table-gnn-baselines.csv'), 'utf8'));
    expect(models.header).toEqual([
      'data',
      'target',
      'R^2*',
      'mean R^2',
      'linear R^2',
      'MLP R^2',
      'GNN R^2',
    ]);
    expect(models.rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(
      ['demo batch', 'relational phantom'].flatMap((d) =>
        ['soc', 'heterogeneity', 'polarization'].map((t) => `${d} ${t}`),
      ),
    );
    for (const r of models.rows.slice(3)) expect(cell(r[2])).toBeCloseTo(0.9, 6);
    for (const r of models.rows)
      for (const c of r.slice(3)) expect(Number.isFinite(cell(c))).toBe(true);
  });
  it('writes the accessibility columns and the wiring tables from them', async () => {
    const particles = parseCsv(await readFile(join(out, 'particles.csv'), 'utf8'));
    const pc = (name: string) => particles.header.indexOf(name);
    const ok = particles.rows.filter((r) => r[pc('status')] === 'ok');
    const wired = ok.filter((r) => r[pc('wired')] === 'true');
    expect(wired.length).toBeGreaterThan(0);
    for (const r of ok) {
      const ri = r[pc('ionicResistance')];
      const re = r[pc('electronicResistance')];
      // wired exactly when both resistances exist; the current is 1 / (R_ion + R_e)
      expect(r[pc('wired')]).toBe(String(ri !== '' && re !== ''));
      if (r[pc('wired')] === 'true')
        expect(cell(r[pc('accessCurrent')])).toBeCloseTo(1 / (cell(ri) + cell(re)), 12);
      else expect(r[pc('accessCurrent')]).toBe('');
      if (r[pc('wellWired')] === 'true') expect(r[pc('wired')]).toBe('true');
    }
    // per image, the well wired particles are the upper half of the wired ones
    for (const image of new Set(ok.map((r) => r[0]))) {
      const mine = wired.filter((r) => r[0] === image);
      expect(mine.filter((r) => r[pc('wellWired')] === 'true').length).toBe(
        Math.ceil(mine.length / 2),
      );
    }
    const table = parseCsv(await readFile(join(out, 'tables', 'table-welch-wiring.csv'), 'utf8'));
    const at = (name: string) => table.header.indexOf(name);
    const valid = ok.filter((r) => r[pc('descriptorsValid')] === 'true');
    expect(table.rows.map((r) => r[1])).toEqual(['soc', 'heterogeneity', 'polarization']);
    for (const r of table.rows) {
      const values = (has: string) =>
        valid.filter((v) => v[pc('wellWired')] === has).map((v) => cell(v[pc(r[1])]));
      const direct = welchTTest(values('true'), values('false'));
      expect(cell(r[at('t')])).toBeCloseTo(direct.t, 12);
      expect(cell(r[at('p')])).toBeCloseTo(direct.p, 12);
    }
    const anova = parseCsv(await readFile(join(out, 'tables', 'table-anova-wiring.csv'), 'utf8'));
    expect(anova.rows.filter((r) => r[0] === 'log heterogeneity').map((r) => r[1])).toEqual([
      'TPB',
      'wiring',
      'TPB:wiring',
      'Residual',
    ]);
  });
  it('writes every figure as parseable SVG and inlines them all in report.html', async () => {
    const figures = (await readdir(join(out, 'figures'))).sort();
    expect(figures).toEqual([
      'fig-accessibility-resistance.svg',
      'fig-wiring-boxplots.svg',
      'fig2-example-graph.svg',
      'fig3a-tpb-perimeter-ratio.svg',
      'fig3b-nmc-size-tpb-count.svg',
      'fig3c-channel-categories.svg',
      'fig4efg-tpb-boxplots.svg',
      'fig5a-correlation-heatmap.svg',
      'fig5cde-channel-boxplots.svg',
      'fig6bcd-gnn-prediction.svg',
    ]);
    for (const f of figures)
      expect(parseXml(await readFile(join(out, 'figures', f), 'utf8')).root).toBe('svg');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(10);
    expect(html).toContain('Failed images');
    expect(html).toContain('img-2b');
    expect(html).not.toMatch(/<script|<link /);
  });
  it('writes one GraphML and one JSON graph per completed image, readable back', async () => {
    const graphs = (await readdir(join(out, 'graphs'))).sort();
    expect(graphs.filter((g) => g.endsWith('.graphml'))).toHaveLength(5);
    expect(graphs.filter((g) => g.endsWith('.json'))).toHaveLength(5);
    const g = graphFromGraphML(await readFile(join(out, 'graphs', 'img-0.graphml'), 'utf8'));
    const j = JSON.parse(await readFile(join(out, 'graphs', 'img-0.json'), 'utf8'));
    expect(g.order).toBe(j.nodes.length);
    expect(g.order).toBeGreaterThan(10);
  });
  it('leaves no temporary file behind', async () => {
    const all = await readdir(out, { recursive: true });
    expect(all.filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
    expect(summary.files.length).toBe(new Set(summary.files).size);
  });
  itNeeds(chromium !== null, 'chromium (Debian package)')(
    'renders in headless Chromium: 10 SVG figures with size, a non-blank page',
    async () => {
      const run = promisify(execFile);
      const url = `file://${join(out, 'report.html')}`;
      const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars'];
      const { stdout: dom } = await run(chromium!, [...flags, '--dump-dom', url], {
        timeout: 60_000,
      });
      expect(dom.match(/<svg /g)).toHaveLength(10);
      expect(dom.match(/<figure /g)).toHaveLength(10);
      const shot = join(out, 'report-screenshot.png');
      await run(chromium!, [...flags, '--window-size=1300,2400', `--screenshot=${shot}`, url], {
        timeout: 60_000,
      });
      const { width, height, rgba } = decodePng(new Uint8Array(await readFile(shot)));
      expect([width, height]).toEqual([1300, 2400]);
      let ink = 0;
      let nmcOrange = 0;
      for (let i = 0; i < rgba.length; i += 4) {
        if (rgba[i] < 240 || rgba[i + 1] < 240 || rgba[i + 2] < 240) ink++;
        if (
          Math.abs(rgba[i] - 242) < 6 &&
          Math.abs(rgba[i + 1] - 142) < 6 &&
          Math.abs(rgba[i + 2] - 43) < 6
        )
          nmcOrange++;
      }
      expect(ink / (width * height)).toBeGreaterThan(0.03);
      // the phase map of Fig. 2 (NMC in orange) is on the page, so the raster layers render
      expect(nmcOrange).toBeGreaterThan(100);
    },
    120_000,
  );
});
