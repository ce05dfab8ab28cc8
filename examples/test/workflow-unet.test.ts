// The default path, small: 2 phantom images through the shipped U-Net. Too few graphs for
// the GNN, which the run must say instead of failing.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorkflowArgs } from '../paper-workflow/options.js';
import { parseCsv } from '../paper-workflow/tables.js';
import { runWorkflow } from '../paper-workflow/workflow.js';

const model = join(
  dirname(createRequire(import.meta.url).resolve('@mgraph/segment/package.json')),
  'models',
  'unet.onnx',
);

describe.skipIf(!existsSync(model))('paper workflow with the shipped U-Net', () => {
  it('segments 2 phantoms, scores mIoU, and skips the GNN with a reason', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mgraph-wf-unet-'));
    const options = parseWorkflowArgs(['--count', '2', '--size', '128', '--out', out], '/')!;
    const log: string[] = [];
    const summary = await runWorkflow({ ...options, progress: false }, { log: (l) => log.push(l) });
    expect(log[0]).toContain(model);
    expect(summary.completed).toBe(2);
    expect(summary.meanIoU).toBeGreaterThan(0.4);
    expect(summary.meanIoU).toBeLessThanOrEqual(1);
    expect(summary.gnn).toBeNull();
    expect(summary.gnnSkipped).toMatch(/at least 5 graphs/);
    const { header, rows } = parseCsv(await readFile(join(out, 'images.csv'), 'utf8'));
    const iou = header.indexOf('IoU NMC');
    for (const r of rows) expect(Number(r[iou])).toBeGreaterThan(0.8);
    const figures = await readdir(join(out, 'figures'));
    expect(figures).toHaveLength(7);
    expect(figures).not.toContain('fig6bcd-gnn-prediction.svg');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('GNN skipped');
    expect(html).toContain('phases (U-Net)');
  }, 120_000);
});
