// mgraph volume on real data (a crop of the MATBOX NMC cathode, test/fixtures) and on the
// phantom `mgraph phantom` writes; both reports rendered in headless Chromium.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyScheme, LI_ION_ELECTRODE_SCHEME } from '@mgraph/core';
import { buildGraph, triplePhaseBoundaries } from '@mgraph/graph';
import { readTiff } from '@mgraph/io/node';
import { instanceSegmentation } from '@mgraph/watershed';
import { beforeAll, describe, expect, it } from 'vitest';
import { itNeeds } from '../../../test-utils/ci.js';
import { chromium, probeReport } from './browser-check.js';
import { type MgraphRun, readCsv, runMgraph } from './run-mgraph.js';

const CROP = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'nmc-1-cal-cbd-crop.tif');
let dir: string;
let real: MgraphRun;
let phantom: MgraphRun;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mgraph-cli-report-'));
  const made = await runMgraph([
    'phantom',
    join(dir, 'phantom.tif'),
    '--shape',
    '32,64,64',
    '--seed',
    '4',
  ]);
  expect(made.code).toBe(0);
  [real, phantom] = await Promise.all([
    runMgraph([
      'volume',
      CROP,
      '--scheme',
      'li-ion-electrode',
      '--out',
      join(dir, 'real'),
      '--quiet',
    ]),
    runMgraph([
      'volume',
      join(dir, 'phantom.tif'),
      '--scheme',
      'cathode',
      '--out',
      join(dir, 'phantom'),
      '--quiet',
    ]),
  ]);
}, 120_000);

describe('mgraph volume on a 40x64x64 crop of the MATBOX NMC cathode (li-ion-electrode)', () => {
  it('exits 0, takes the voxel size from the TIFF and matches the library on the same volume', async () => {
    expect([real.code, real.stderr]).toEqual([0, '']);
    const summary = JSON.parse(await readFile(join(dir, 'real', 'summary.json'), 'utf8'));
    expect([summary.spacing, summary.unit]).toEqual([[0.398, 0.398, 0.398], 'um']);
    const { data } = await readTiff(CROP);
    const phases = applyScheme(data, LI_ION_ELECTRODE_SCHEME);
    const instances = instanceSegmentation(phases, {
      scheme: LI_ION_ELECTRODE_SCHEME,
      minSize: 10,
    });
    const graph = buildGraph(instances.labels, {
      scheme: LI_ION_ELECTRODE_SCHEME,
      phaseOfLabel: instances.phaseOfLabel,
    });
    const rows = readCsv(await readFile(join(dir, 'real', 'phases.csv'), 'utf8'));
    const counts = [0, 0, 0];
    for (const v of data.data as Uint8Array) counts[v] += 1;
    expect(rows.map((r) => [r.phase, Number(r.voxels), Number(r.objects)])).toEqual(
      ['pore', 'am', 'cbd'].map((p, i) => [p, counts[i], instances.countByPhase[p]]),
    );
    const particles = readCsv(await readFile(join(dir, 'real', 'particles.csv'), 'utf8'));
    expect(particles.map((r) => Number(r.voxels))).toEqual(graph.mapNodes((_, a) => a.size));
    const voxel = 0.398 ** 3;
    for (const r of particles)
      expect(Math.abs(Number(r.volume) / (Number(r.voxels) * voxel) - 1)).toBeLessThan(1e-12);
    const summaryRows = readCsv(await readFile(join(dir, 'real', 'graph.csv'), 'utf8'));
    expect(Number(summaryRows.find((r) => r.quantity === 'tpbTriangles')!.value)).toBe(
      triplePhaseBoundaries(graph).triangles.length,
    );
  }, 60_000);
});

describe('mgraph phantom, then mgraph volume on it', () => {
  it('writes a cathode phantom the volume command analyses with the TIFF spacing', async () => {
    expect([phantom.code, phantom.stderr]).toEqual([0, '']);
    const summary = JSON.parse(await readFile(join(dir, 'phantom', 'summary.json'), 'utf8'));
    expect([summary.spacing, summary.unit, summary.scheme.name]).toEqual([
      [0.4, 0.4, 0.4],
      'um',
      'cathode',
    ]);
    expect(summary.facts['shape (z, y, x)']).toBe('32 x 64 x 64');
  });
});

describe('report.html in headless Chromium', () => {
  for (const name of ['real', 'phantom'])
    itNeeds(chromium !== null, 'chromium (Debian package)')(
      `${name}: 9 slice images drawn, the PSD bars, every table, no error`,
      async () => {
        const page = await probeReport(join(dir, name, 'report.html'));
        expect(page.errors).toEqual([]);
        expect(page.images.map((i) => `${i.plane}:${i.layer}`)).toEqual(
          ['xy', 'xz', 'yz'].flatMap((p) => ['phases', 'instances', 'tpb'].map((l) => `${p}:${l}`)),
        );
        for (const image of page.images) {
          expect(image.complete).toBe(true);
          expect(image.width * image.height).toBeGreaterThan(0);
          // shown at the physical aspect ratio, 240 px on the longer side
          expect(Math.max(...image.shown)).toBeGreaterThanOrEqual(239);
          expect(Math.min(...image.shown)).toBeGreaterThan(0);
          // a drawn figure: the phases show >= 2 colours, the instances many
          expect(image.colors).toBeGreaterThanOrEqual(image.layer === 'instances' ? 5 : 2);
        }
        expect(page.images.filter((i) => i.layer === 'tpb').some((i) => i.magenta > 0)).toBe(true);
        expect(page.bars.length).toBeGreaterThanOrEqual(20);
        expect(page.bars.some((h) => h > 10)).toBe(true);
        expect(page.svg![0] * page.svg![1]).toBeGreaterThan(0);
        expect(page.tables.map(([id]) => id)).toEqual(
          [
            'phases',
            'particles',
            'psd',
            'areas',
            'tpb',
            'connectivity',
            'tortuosity',
            'contacts',
            'graph',
          ].map((t) => `table-${t}`),
        );
        for (const [, rows] of page.tables) expect(rows).toBeGreaterThan(0);
      },
      120_000,
    );
});
