// The demo's default run, end to end through the shipped U-Net (not the true phases): the 73
// paper-twin phantoms of seeds 100000-100072 (never seen by the U-Net, not used to calibrate
// the twin: that was seeds 500000-500583). The paper's statistical pattern must come out:
// each Table S1 d within the 95% interval that the paper's d implies at our group sizes, SOC
// not significant, the paper's (implied) significant rows significant, and in the two-way
// ANOVA the channel significant and stronger than TPB, TPB not significant for polarization.
// The GNN runs one epoch only (its result is not asserted here).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PAPER_FIGURES } from '@mgraph/phantom';
import { expect, it } from 'vitest';
import { describeNeeds } from '../../test-utils/ci.js';
import { DEFAULT_SEED, parseWorkflowArgs } from '../paper-workflow/options.js';
import { runWorkflow } from '../paper-workflow/workflow.js';

const model = join(
  dirname(createRequire(import.meta.url).resolve('@mgraph/segment/package.json')),
  'models',
  'unet.onnx',
);

describeNeeds(existsSync(model), `the committed U-Net model (${model})`)(
  'the paper twin through the U-Net: the paper pattern',
  () => {
    it("reproduces Table S1's d, and Tables S2 / S3's pattern", async () => {
      const out = await mkdtemp(join(tmpdir(), 'mgraph-wf-twin-'));
      const options = parseWorkflowArgs(['--out', out, '--epochs', '1', '--workers', '2'], '/')!;
      expect([options.preset, options.count, options.size, options.seed]).toEqual([
        'twin',
        73,
        96,
        DEFAULT_SEED,
      ]);
      expect(options.segmenter).toBe('unet');
      const summary = await runWorkflow({ ...options, progress: false }, { log: () => {} });
      expect(summary.completed).toBe(73);
      const { counts, tableS1, anova } = summary.paper;
      const particles = Number(counts.find((c) => c.quantity === 'NMC particles')!.ours);
      expect(Math.abs(particles - PAPER_FIGURES.nmcParticles)).toBeLessThanOrEqual(35);

      expect(tableS1).toHaveLength(6);
      for (const r of tableS1) {
        const what = `${r.descriptor} by ${r.feature}: d ${r.ourD}, p ${r.ourP}`;
        if (!Number.isNaN(r.paperD)) {
          expect(r.ourD, what).toBeGreaterThanOrEqual(r.intervalLow);
          expect(r.ourD, what).toBeLessThanOrEqual(r.intervalHigh);
        }
        if (r.paperSignificant === 'no') expect(r.ourSignificant, what).toBe(false);
        if (r.paperSignificant === 'yes') expect(r.ourSignificant, what).toBe(true);
        expect(r.agrees, what).toBe(true);
      }
      expect(anova).toHaveLength(4);
      for (const response of ['log heterogeneity', 'log polarization']) {
        const term = (t: string) => anova.find((r) => r.response === response && r.term === t)!;
        expect(term('channel').ourP, response).toBeLessThan(0.05);
        expect(term('channel').ourF, response).toBeGreaterThan(term('TPB').ourF);
      }
      const tpbPolarization = anova.find(
        (r) => r.response === 'log polarization' && r.term === 'TPB',
      )!;
      expect(tpbPolarization.ourP).toBeGreaterThanOrEqual(0.05);
      expect(anova.every((r) => r.agrees)).toBe(true);

      const html = await readFile(join(out, 'report.html'), 'utf8');
      for (const id of ['paper-counts', 'paper-table-s1', 'paper-anova'])
        expect(html).toContain(id);
      expect(summary.findings.filter((l) => l.startsWith('Paper vs ours'))).toHaveLength(11);
    }, 600_000);
  },
);
