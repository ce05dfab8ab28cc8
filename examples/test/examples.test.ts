// Every notebook-style example runs as a user runs it (node with the tsx loader) and prints
// what it promises, so none of them can rot unnoticed.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateComposite } from '@mgraph/phantom';
import { describe, expect, it } from 'vitest';
import { itNeeds } from '../../test-utils/ci.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

async function example(name: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(here, '..', name)], {
    cwd: join(here, '..'),
    timeout: 120_000,
  });
  return stdout;
}

const shippedModel = (() => {
  try {
    const pkg = createRequire(import.meta.url).resolve('@mgraph/segment/package.json');
    return join(dirname(pkg), 'models', 'unet.onnx');
  } catch {
    return '';
  }
})();

describe('examples/*.ts run and print their results', () => {
  it('core-basics', async () => {
    const out = await example('core-basics.ts');
    expect(out).toContain('phase codes 0=background 1=sse 2=nmc 3=graphite');
    expect(out).toContain('typed error: myFunction: argument image must be 2D or 3D');
  }, 120_000);
  it('watershed-basics: two touching discs become two particles', async () => {
    const out = await example('watershed-basics.ts');
    expect(out).toContain('connected components: 1');
    expect(out).toContain('watershed pieces: 2');
    expect(out).toMatch(/splitTouching: 2 particles/);
  }, 120_000);
  it('graph-basics: the hand-drawn image has two TPBs and one concurrent pair', async () => {
    const out = await example('graph-basics.ts');
    expect(out).toContain('graph: 4 nodes, 5 edges');
    expect(out).toContain('TPB 1-2-3');
    expect(out).toContain('TPB 4-2-3');
    expect(out).toContain('channel pairs: 1-4');
  }, 120_000);
  it('phantom-basics: phase fractions and truth', async () => {
    const out = await example('phantom-basics.ts');
    expect(out.match(/^\w+\s+\d+\.\d %$/gm)).toHaveLength(4);
    expect(out).toMatch(/NMC particles: \d+/);
  }, 120_000);
  it('phantom-gallery: one four-panel PNG per composite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mgraph-gallery-'));
    await run(
      process.execPath,
      ['--import', 'tsx', join(here, '..', 'phantom-gallery.ts'), dir, '2', '64,64', '3'],
      {
        cwd: join(here, '..'),
        timeout: 120_000,
      },
    );
    expect(readdirSync(dir).sort()).toEqual(['composite-3.png', 'composite-4.png']);
    const png = readFileSync(join(dir, 'composite-3.png'));
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(4 * 64 + 3 * 4); // four 64-px panels, 4-px gaps
    expect(png.readUInt32BE(20)).toBe(64);
  }, 120_000);
  it('electrochem-basics: SOC and polarization near what was planted, XANES edge within 0.1 eV', async () => {
    const out = await example('electrochem-basics.ts');
    expect(out).toContain('findPeaks: [ 1, 4 ]');
    // four particle lines, each checked (none found would be a failure, not a pass). The
    // example's "planted" SOC is truth.soc, the pixel mean: the same computation as the
    // descriptor, so SOC is compared with the planted mode centre instead (the same composite
    // as the example's), and polarization with the planted mode distance it prints.
    const lines = [
      ...out.matchAll(
        /particle (\d+): SOC (\d+\.\d+) \(planted \d+\.\d+\), heterogeneity \d+\.\d+, polarization (\d+\.\d+) \(planted (\d+\.\d+)\)/g,
      ),
    ];
    expect(lines).toHaveLength(4);
    const truth = generateComposite({ shape: [96, 96], seed: 3 }).truth.particles;
    for (const [, label, soc, polarization, planted] of lines) {
      const t = truth.find((p) => p.label === Number(label))!;
      const centre = t.modes.reduce((a, b) => a + b, 0) / t.modes.length;
      expect(Math.abs(Number(soc) - centre), `particle ${label} SOC`).toBeLessThan(0.1);
      expect(Math.abs(Number(polarization) - Number(planted)), `particle ${label}`).toBeLessThan(
        0.25,
      );
    }
    const rms = Number(out.match(/RMS error (\d+\.\d+) eV/)![1]);
    expect(rms).toBeLessThan(0.1);
  }, 120_000);
  it('stats-basics: metrics, tests, ANOVA', async () => {
    const out = await example('stats-basics.ts');
    expect(out).toContain('node 1: degree 2, clustering 1');
    expect(out).toContain('neighbours {"sse":1,"nmc":0,"graphite":1}');
    expect(out).toMatch(/welch t = -5\.55\d+/);
    expect(out).toContain('boxplot median: 1.65');
  }, 120_000);
  it('gnn-basics: trains and reports test errors against the baseline', async () => {
    const out = await example('gnn-basics.ts');
    expect(out).toMatch(/graphs: 10 NMC nodes: \d+/);
    expect(out.match(/test RMSE \d+\.\d+ \(mean baseline \d+\.\d+\)/g)).toHaveLength(3);
  }, 120_000);
  itNeeds(
    existsSync(shippedModel),
    `the committed model ${shippedModel || '@mgraph/segment/models/unet.onnx'}`,
  )(
    'segment-basics: the shipped U-Net beats Otsu',
    async () => {
      const out = await example('segment-basics.ts');
      const otsu = Number(out.match(/otsu: mIoU (\d\.\d+)/)![1]);
      const unet = Number(out.match(/u-net: mIoU (\d\.\d+)/)![1]);
      expect(unet).toBeGreaterThan(otsu);
      expect(out).toMatch(
        /u-net: mIoU \d\.\d+ \(background \d\.\d+, sse \d\.\d+, nmc \d\.\d+, graphite \d\.\d+\)/,
      );
    },
    120_000,
  );
});
