// mgraph volume on a small embedded phantom (anisotropic voxels): every table checked
// against the library functions called directly on the same volume, and the same numbers
// from the TIFF, the .npy and the raw copy of the volume.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyScheme, CATHODE_SCHEME, type PhaseMap } from '@mgraph/core';
import {
  buildGraph,
  concurrentChannels,
  encodeNpy,
  graphFromGraphML,
  type MicrostructureGraph,
  triplePhaseBoundaries,
} from '@mgraph/graph';
import { writeTiff } from '@mgraph/io/node';
import {
  interfacialAreas,
  marchingCubesAreas,
  particleContactAreas,
  particleSizes,
  particleSphericity,
  particleTpbLength,
  phaseConnectivity,
  specificSurfaceArea,
  triplePhaseBoundaryDensity,
} from '@mgraph/morphology';
import { type Composite, generateComposite } from '@mgraph/phantom';
import { particleAccessibility, tortuosityFactor } from '@mgraph/transport';
import { type InstanceSegmentationResult, instanceSegmentation } from '@mgraph/watershed';
import { beforeAll, describe, expect, it } from 'vitest';
import { type MgraphRun, readCsv, runMgraph } from './run-mgraph.js';

const SHAPE = [32, 48, 48];
const SPACING = [0.5, 0.4, 0.4];
const VOXEL = 0.5 * 0.4 * 0.4;
let dir: string;
let c: Composite;
let run: MgraphRun;
let instances: InstanceSegmentationResult;
let graph: MicrostructureGraph;
let phases: PhaseMap;
const out = (name: string) => join(dir, 'out', name);
const csv = async (name: string, sub = 'out') =>
  readCsv(await readFile(join(dir, sub, name), 'utf8'));
const close = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.abs(b));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mgraph-cli-phantom-'));
  c = generateComposite({ shape: SHAPE, seed: 7 });
  await writeTiff(join(dir, 'phantom.tif'), c.phases, { spacing: SPACING, unit: 'um' });
  await writeFile(join(dir, 'phantom.npy'), encodeNpy({ data: c.phases.data, shape: SHAPE }));
  await writeFile(join(dir, 'phantom.raw'), c.phases.data);
  phases = applyScheme(c.phases, CATHODE_SCHEME);
  instances = instanceSegmentation(phases, { scheme: CATHODE_SCHEME, minSize: 10 });
  graph = buildGraph(instances.labels, {
    scheme: CATHODE_SCHEME,
    phaseOfLabel: instances.phaseOfLabel,
    window: 7,
  });
  run = await runMgraph([
    'volume',
    join(dir, 'phantom.tif'),
    '--scheme',
    'cathode',
    '--out',
    join(dir, 'out'),
  ]);
  const flags = ['--scheme', 'cathode', '--spacing', '0.5,0.4,0.4', '--unit', 'um', '--quiet'];
  await writeFile(
    join(dir, 'sigma2.json'),
    JSON.stringify({ ionic: { sse: 2, nmc: 2 }, electronic: { graphite: 2, nmc: 2 } }),
  );
  const [npy, raw, sigma2] = await Promise.all([
    runMgraph(['volume', join(dir, 'phantom.npy'), ...flags, '--out', join(dir, 'npy')]),
    runMgraph([
      'volume',
      join(dir, 'phantom.raw'),
      ...flags,
      '--shape',
      SHAPE.join(','),
      '--dtype',
      'uint8',
      '--out',
      join(dir, 'raw'),
    ]),
    runMgraph([
      'volume',
      join(dir, 'phantom.npy'),
      ...flags,
      '--skip-tortuosity',
      '--conductivity',
      join(dir, 'sigma2.json'),
      '--out',
      join(dir, 'sigma2'),
    ]),
  ]);
  expect([npy.code, npy.stderr, raw.code, raw.stderr, sigma2.code, sigma2.stderr]).toEqual([
    0,
    '',
    0,
    '',
    0,
    '',
  ]);
}, 120_000);

describe('mgraph volume on a 32x48x48 phantom with 0.5 x 0.4 x 0.4 um voxels', () => {
  it('exits 0 and shows each stage with percentages on stderr', () => {
    expect(run.code).toBe(0);
    for (const [i, stage] of [
      'read',
      'scheme',
      'instances',
      'graph',
      'tpb and channels',
      'fractions and areas',
      'tpb density',
      'particles',
      'accessibility',
      'connectivity',
      'tortuosity',
      'tables',
      'figures',
      'write',
    ].entries())
      expect(run.stderr).toContain(`mgraph volume [${i + 1}/14] ${stage}`);
    expect(run.stderr).toContain('[3/14] instances 100%');
    expect(run.stderr).toContain('[11/14] tortuosity 100%');
    expect(run.stderr).toMatch(/done in [\d.]+ s: \d+ objects/);
  });

  it('phases.csv: voxels counted one by one, fractions and volumes in um^3, objects of instanceSegmentation', async () => {
    const rows = await csv('phases.csv');
    const counts = [0, 0, 0, 0];
    for (const v of c.phases.data) counts[v] += 1;
    expect(rows.map((r) => r.phase)).toEqual(['background', 'sse', 'nmc', 'graphite']);
    rows.forEach((r, code) => {
      expect(Number(r.voxels)).toBe(counts[code]);
      expect(Number(r.volumeFraction)).toBe(counts[code]! / c.phases.data.length);
      close(Number(r.volume), counts[code]! * VOXEL);
      expect(r.objects).toBe(code === 0 ? '' : String(instances.countByPhase[r.phase!]));
    });
  });

  it('particles.csv: one row per graph node, volume, equivalent diameter and centroid in um', async () => {
    const rows = await csv('particles.csv');
    expect(rows).toHaveLength(graph.order);
    const tpb = triplePhaseBoundaries(graph);
    const channels = concurrentChannels(graph);
    for (const r of rows) {
      const a = graph.getNodeAttributes(r.label!);
      expect([r.phase, Number(r.voxels), Number(r.degree)]).toEqual([
        a.phase,
        a.size,
        graph.degree(r.label!),
      ]);
      close(Number(r.volume), a.size * VOXEL);
      // the ball of the same volume: 4/3 pi (d/2)^3 = V
      close((Math.PI / 6) * Number(r.equivalentDiameter) ** 3, a.size * VOXEL);
      close(Number(r.centroidZ), a.centroid[0]! * 0.5);
      close(Number(r.centroidX), a.centroid[2]! * 0.4);
      expect(Number(r.tpbCount)).toBe(tpb.countByNode[r.label!]);
      expect(r.channelCategory).toBe(channels.categoryByNode[r.label!] ?? '');
    }
    // the morphology of each particle: sizes, marching-cubes sphericity, face-counted areas
    const units = { spacing: SPACING, unit: 'um' };
    const sizes = particleSizes(instances.labels, units).particles;
    const shapes = particleSphericity(instances.labels, units).particles;
    const areas = particleContactAreas(graph, phases, instances.labels, units);
    expect(rows.map((r) => Number(r.label))).toEqual(sizes.map((p) => p.label));
    rows.forEach((r, i) => {
      expect(Number(r.equivalentDiameter)).toBe(sizes[i]!.equivalentDiameter);
      expect(r.touchesBorder).toBe(String(sizes[i]!.touchesBorder));
      expect(Number(r.sphericity)).toBe(shapes[i]!.sphericity);
      expect(Number(r.surfaceAreaMarchingCubes)).toBe(shapes[i]!.surfaceArea);
      const a = areas.getNodeAttributes(r.label!) as unknown as Record<string, number>;
      expect(Number(r.surfaceArea)).toBe(a.surfaceArea);
      for (const p of CATHODE_SCHEME.phases) expect(Number(r[`area_${p}`])).toBe(a[`area_${p}`]);
    });
    const contacts = await csv('contacts.csv');
    let sseNmc = 0;
    areas.forEachEdge((_, e, __, ___, sa, ta) => {
      if ([sa.phase, ta.phase].sort().join() === 'nmc,sse')
        sseNmc += (e as unknown as { contactArea: number }).contactArea;
    });
    close(
      Number(contacts.find((r) => r.phaseA === 'sse' && r.phaseB === 'nmc')!.contactArea),
      sseNmc,
    );
    // Kirchhoff accessibility of the NMC particles, conductivities 1 S/um
    const access = particleAccessibility(
      areas,
      { ionic: { sse: 1, nmc: 1 }, electronic: { graphite: 1, nmc: 1 } },
      { spacing: SPACING },
    );
    const byNode = new Map(access.particles.map((p) => [p.node, p]));
    const cell = (v: number | null) => (v === null ? '' : String(v));
    for (const r of rows.filter((x) => x.phase === 'nmc')) {
      const p = byNode.get(r.label!)!;
      expect([r.ionicResistance, r.electronicResistance, r.accessCurrent, r.wired]).toEqual([
        cell(p.ionicResistance),
        cell(p.electronicResistance),
        cell(p.current),
        String(p.wired),
      ]);
    }
    expect(access.particles.some((p) => p.wired)).toBe(true);
    // --conductivity 2 S/um everywhere halves every resistance
    const doubled = readCsv(await readFile(join(dir, 'sigma2', 'particles.csv'), 'utf8'));
    const facts = JSON.parse(await readFile(join(dir, 'sigma2', 'summary.json'), 'utf8')).facts;
    expect(facts['seconds: tortuosity']).toBe('skipped (--skip-tortuosity)');
    expect(facts['accessibility conductivities (S/unit)']).toBe(
      '{"ionic":{"sse":2,"nmc":2},"electronic":{"graphite":2,"nmc":2}}',
    );
    for (const [i, r] of rows.entries())
      if (r.ionicResistance)
        close(Number(doubled[i]!.ionicResistance), Number(r.ionicResistance) / 2);
  });

  it('psd.csv: each phase counts every object once, in the bin of its diameter', async () => {
    const particles = await csv('particles.csv');
    const psd = await csv('psd.csv');
    for (const phase of ['sse', 'nmc', 'graphite']) {
      const bins = psd.filter((r) => r.phase === phase);
      const d = particles.filter((r) => r.phase === phase).map((r) => Number(r.equivalentDiameter));
      expect(bins).toHaveLength(d.length ? 20 : 0);
      bins.forEach((b, i) => {
        const inBin = d.filter(
          (x) =>
            x >= Number(b.binLow) &&
            (x < Number(b.binHigh) || (i === 19 && x === Number(b.binHigh))),
        );
        expect(Number(b.count)).toBe(inBin.length);
      });
      if (d.length) expect(Number(bins[19]!.binHigh)).toBe(Math.max(...d));
    }
  });

  it('graph.csv and contacts.csv: nodes, edges, TPB triangles and channels of the graph functions', async () => {
    const summary = await csv('graph.csv');
    const value = (q: string, p: string) =>
      Number(summary.find((r) => r.quantity === q && r.phase === p)!.value);
    expect(value('nodes', 'all')).toBe(graph.order);
    expect(value('edges', 'all')).toBe(graph.size);
    expect(value('nodes', 'nmc')).toBe(instances.countByPhase.nmc);
    expect(value('tpbTriangles', 'nmc-sse-graphite')).toBe(
      triplePhaseBoundaries(graph).triangles.length,
    );
    expect(value('concurrentPairs', 'nmc')).toBe(concurrentChannels(graph).pairs.length);
    const contacts = await csv('contacts.csv');
    expect(contacts.reduce((s, r) => s + Number(r.edges), 0)).toBe(graph.size);
    let nmcNmc = 0;
    graph.forEachEdge((_, __, ___, ____, sa, ta) => {
      if (sa.phase === 'nmc' && ta.phase === 'nmc') nmcNmc += 1;
    });
    expect(Number(contacts.find((r) => r.phaseA === 'nmc' && r.phaseB === 'nmc')?.edges ?? 0)).toBe(
      nmcNmc,
    );
  });

  it('areas.csv: face counting and marching cubes of @mgraph/morphology, same numbers', async () => {
    const units = { spacing: SPACING, unit: 'um' };
    const surface = specificSurfaceArea(phases, CATHODE_SCHEME, units);
    const pairs = interfacialAreas(phases, CATHODE_SCHEME, units);
    const mc = marchingCubesAreas(phases, CATHODE_SCHEME, units);
    const rows = await csv('areas.csv');
    expect(rows).toHaveLength(4 + 6);
    const expected = [
      ...CATHODE_SCHEME.phases.map((p, i) => [
        p,
        surface.area[p],
        surface.specificArea[p],
        mc.phases[i]!.area,
        mc.phases[i]!.specificArea,
      ]),
      ...pairs.pairs.map((pair, i) => [
        pair.phases.join('|'),
        pair.area,
        pair.specificArea,
        mc.pairs[i]!.area,
        mc.pairs[i]!.specificArea,
      ]),
    ];
    expect(
      rows.map((r) => [
        r.surface,
        Number(r.area),
        Number(r.specificArea),
        Number(r.areaMarchingCubes),
        Number(r.specificAreaMarchingCubes),
      ]),
    ).toEqual(expected);
    // hand check of face counting on one pair: faces between unlike voxels x face area
    const faces = [0, 0, 0];
    const [nz, ny, nx] = SHAPE as [number, number, number];
    const d = phases.data;
    const pair = (a: number, b: number) => (a === 1 && b === 2) || (a === 2 && b === 1);
    for (let z = 0; z < nz; z++)
      for (let y = 0; y < ny; y++)
        for (let x = 0; x < nx; x++) {
          const i = (z * ny + y) * nx + x;
          if (z + 1 < nz && pair(d[i]!, d[i + ny * nx]!)) faces[0]! += 1;
          if (y + 1 < ny && pair(d[i]!, d[i + nx]!)) faces[1]! += 1;
          if (x + 1 < nx && pair(d[i]!, d[i + 1]!)) faces[2]! += 1;
        }
    const sseNmc = faces[0]! * 0.4 * 0.4 + faces[1]! * 0.5 * 0.4 + faces[2]! * 0.5 * 0.4;
    close(Number(rows.find((r) => r.surface === 'sse|nmc')!.area), sseNmc);
  });

  it("tpb.csv and the particles' TPB lengths: triplePhaseBoundaryDensity and particleTpbLength", async () => {
    const units = { spacing: SPACING, unit: 'um' };
    const tpb = triplePhaseBoundaryDensity(phases, CATHODE_SCHEME, units);
    const rows = await csv('tpb.csv');
    const value = (q: string) => rows.find((r) => r.quantity === q)!.value;
    expect(Number(value('edges'))).toBe(tpb.count);
    expect(Number(value('fraction'))).toBe(tpb.fraction);
    expect(Number(value('density'))).toBe(tpb.density);
    expect(Number(value('activeLength'))).toBe(tpb.active!.length);
    expect(value('reach sse')).toBe('low-face-of-axis-0');
    expect(tpb.count).toBeGreaterThan(0);
    const withTpb = particleTpbLength(graph, phases, instances.labels, units);
    for (const r of await csv('particles.csv')) {
      const a = withTpb.getNodeAttributes(r.label!) as unknown as Record<string, number>;
      expect([Number(r.tpbLength), Number(r.activeTpbLength)]).toEqual([
        a.tpbLength,
        a.activeTpbLength,
      ]);
    }
  });

  it('connectivity.csv: phaseConnectivity per phase and axis', async () => {
    const result = phaseConnectivity(phases, CATHODE_SCHEME, { spacing: SPACING, unit: 'um' });
    const rows = await csv('connectivity.csv');
    expect(rows).toHaveLength(4 * 3);
    for (const r of rows) {
      const axis = result.phases[r.phase!]!.axes['zyx'.indexOf(r.axis!)]!;
      expect([Number(r.percolating), Number(r.deadEnd), Number(r.isolated)]).toEqual([
        axis.percolating,
        axis.deadEnd,
        axis.isolated,
      ]);
    }
  });

  it('tortuosity.csv: tortuosityFactor of each phase alone along each axis', async () => {
    const rows = await csv('tortuosity.csv');
    expect(rows).toHaveLength(4 * 3);
    for (const r of rows) {
      const code = CATHODE_SCHEME.phases.indexOf(r.phase!);
      const t = tortuosityFactor(phases, {
        axis: 'zyx'.indexOf(r.axis!),
        conductivities: [0, 1, 2, 3].map((c) => (c === code ? 1 : 0)),
        spacing: SPACING,
        unit: 'um',
        maxIterations: 2000,
      });
      expect([Number(r.tau), Number(r.effectiveConductivity), Number(r.iterations)]).toEqual([
        t.tau,
        t.effectiveConductivity,
        t.iterations,
      ]);
    }
  });

  it('JSON tables hold the CSV numbers, with units per column', async () => {
    const json = JSON.parse(await readFile(out('particles.json'), 'utf8'));
    expect(json.columns.find((k: { key: string }) => k.key === 'volume').unit).toBe('um^3');
    expect(json.columns.find((k: { key: string }) => k.key === 'equivalentDiameter').unit).toBe(
      'um',
    );
    const rows = await csv('particles.csv');
    expect(json.rows.map((r: { volume: number }) => String(r.volume))).toEqual(
      rows.map((r) => r.volume),
    );
  });

  it('graph.graphml reads back with units: spacing, unit, volume in um^3 per node', async () => {
    const g = graphFromGraphML(await readFile(out('graph.graphml'), 'utf8'));
    expect([g.order, g.size]).toEqual([graph.order, graph.size]);
    expect(g.getAttribute('spacing' as never)).toEqual(SPACING);
    expect(g.getAttribute('unit' as never)).toBe('um');
    expect(g.getAttribute('unit_volume' as never)).toBe('um^3');
    expect(g.getAttribute('unit_tpbLength' as never)).toBe('um');
    expect(g.getAttribute('tpb_reach_graphite' as never)).toBe('high-face-of-axis-0');
    graph.forEachNode((key, a) =>
      close(g.getNodeAttribute(key, 'volume' as never), a.size * VOXEL),
    );
  });

  it('the .npy and the raw copy (with --spacing / --unit) give the same tables as the TIFF', async () => {
    for (const name of ['phases.csv', 'particles.csv', 'psd.csv', 'contacts.csv', 'graph.csv']) {
      const tiff = await readFile(out(name), 'utf8');
      expect(await readFile(join(dir, 'npy', name), 'utf8')).toBe(tiff);
      expect(await readFile(join(dir, 'raw', name), 'utf8')).toBe(tiff);
    }
    const facts = JSON.parse(await readFile(out('summary.json'), 'utf8')).facts;
    expect(facts['spacing (z, y, x)']).toBe('0.5, 0.4, 0.4 um (file metadata)');
  });
});
