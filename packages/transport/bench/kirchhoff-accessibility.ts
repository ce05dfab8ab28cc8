/**
 * Bench of the graph transport: a seeded random 3D contact graph of cathode objects (SSE,
 * NMC, graphite spheres in a box of side 110 (n / 6000)^(1/3), contacts between overlapping spheres), solved by
 * kirchhoffCurrents (ionic and electronic, low to high face of axis 0) and
 * particleAccessibility (every NMC particle as a terminal), against the SciPy reference
 * (scripts/kirchhoff_reference.py: scipy.sparse assembly, spsolve) on the same graph in the
 * same run. Prints time, solves, iterations, peak RSS and the largest relative difference.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CATHODE_SCHEME, createRng } from '@mgraph/core';
import type { MicrostructureGraph } from '@mgraph/graph';
import { UndirectedGraph } from 'graphology';
import { kirchhoffCurrents, particleAccessibility } from '../src/index.js';

const CONDUCTIVITY = {
  ionic: { sse: 1, nmc: 0.01 },
  electronic: { graphite: 10, nmc: 0.01 },
};

/** A seeded random contact graph of `n` spheres. */
function contactGraph(n: number, seed: number): MicrostructureGraph {
  const rng = createRng(seed);
  const side = Math.round(110 * Math.cbrt(n / 6000));
  const g: MicrostructureGraph = new UndirectedGraph();
  g.replaceAttributes({
    scheme: CATHODE_SCHEME,
    shape: [side, side, side],
    window: 7,
    strength: 'min',
    weightScale: 1,
  });
  const centres: number[][] = [];
  const radii: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = rng.random();
    const phase = u < 0.35 ? 'nmc' : u < 0.75 ? 'sse' : 'graphite';
    const r = phase === 'nmc' ? 6 + 3 * rng.random() : 4 + 3 * rng.random();
    const c = [0, 1, 2].map(() => side * rng.random());
    centres.push(c);
    radii.push(r);
    const bbox = [
      ...c.map((x) => Math.max(0, Math.floor(x - r))),
      ...c.map((x) => Math.min(side, Math.ceil(x + r))),
    ];
    g.addNode(String(i + 1), {
      label: i + 1,
      phase,
      phaseCode: CATHODE_SCHEME.phases.indexOf(phase),
      size: Math.round((4 / 3) * Math.PI * r ** 3),
      centroid: c,
      bbox,
    });
  }
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const d = Math.hypot(...centres[i]!.map((x, k) => x - centres[j]![k]!));
      const overlap = radii[i]! + radii[j]! - d;
      if (overlap <= 0) continue;
      // Area of the lens between two spheres: pi a^2 with a the radius of the contact circle.
      const a2 = Math.max(
        0,
        radii[i]! ** 2 - ((d * d - radii[j]! ** 2 + radii[i]! ** 2) / (2 * d)) ** 2,
      );
      if (a2 === 0) continue; // one sphere inside the other: no contact surface
      g.addEdge(String(i + 1), String(j + 1), {
        a: i + 1,
        b: j + 1,
        countAB: 1,
        countBA: 1,
        strength: 1,
        weight: 1,
        contactArea: Math.PI * a2,
      } as never);
    }
  return g;
}

/** The bench figures for graphs of `sizes` objects. */
export function benchKirchhoffAccessibility(sizes = [1000, 2000]): Record<string, unknown>[] {
  return sizes.map((n) => {
    const g = contactGraph(n, 20261206);
    let t0 = performance.now();
    const ionic = kirchhoffCurrents(g, 'ionic', { sse: CONDUCTIVITY.ionic.sse });
    const electronic = kirchhoffCurrents(g, 'electronic', {
      graphite: CONDUCTIVITY.electronic.graphite,
    });
    const currentsSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const access = particleAccessibility(g, CONDUCTIVITY);
    const accessibilitySeconds = (performance.now() - t0) / 1000;
    const rss = process.resourceUsage().maxRSS * 1024;

    const input = JSON.stringify({
      shape: g.getAttribute('shape'),
      spacing: [1, 1, 1],
      axis: 0,
      contactResistivity: 0,
      conductivity: CONDUCTIVITY,
      nodes: Object.fromEntries(
        g.mapNodes((k, a) => [k, { phase: a.phase, centroid: a.centroid, bbox: a.bbox }]),
      ),
      edges: g.mapEdges((_e, a, s, t) => ({
        a: s,
        b: t,
        contactArea: (a as unknown as { contactArea: number }).contactArea,
      })),
    });
    const script = fileURLToPath(new URL('../scripts/kirchhoff_reference.py', import.meta.url));
    const run = spawnSync('/usr/bin/python3', [script], { input, maxBuffer: 1 << 28 });
    let reference: Record<string, unknown> = { error: run.stderr?.toString().slice(-300) };
    if (run.status === 0) {
      const ref = JSON.parse(run.stdout.toString()) as {
        ionicConductance: number;
        electronicConductance: number;
        currentsSeconds: number;
        accessibilitySeconds: number;
        ionic: Record<string, number | null>;
        electronic: Record<string, number | null>;
      };
      let maxRel = 0;
      let nullMismatch = 0;
      for (const p of access.particles)
        for (const [mine, theirs] of [
          [p.ionicResistance, ref.ionic[p.node]],
          [p.electronicResistance, ref.electronic[p.node]],
        ] as const) {
          if ((mine === null) !== (theirs === null)) nullMismatch++;
          else if (mine !== null && theirs !== null && theirs !== undefined)
            maxRel = Math.max(maxRel, Math.abs(mine - theirs) / Math.abs(theirs));
        }
      reference = {
        tool: 'scipy.sparse spsolve (scripts/kirchhoff_reference.py)',
        currentsSeconds: ref.currentsSeconds,
        accessibilitySeconds: ref.accessibilitySeconds,
        conductanceRelDiff: [
          Math.abs(ionic.conductance - ref.ionicConductance) /
            Math.max(1e-300, ref.ionicConductance),
          Math.abs(electronic.conductance - ref.electronicConductance) /
            Math.max(1e-300, ref.electronicConductance),
        ],
        resistanceMaxRelDiff: maxRel,
        nullMismatch,
      };
    }
    return {
      objects: n,
      edges: g.size,
      particles: access.particles.length,
      wired: access.particles.filter((p) => p.wired).length,
      currentsSeconds,
      currentsIterations: ionic.iterations + electronic.iterations,
      ionicConductance: ionic.conductance,
      electronicConductance: electronic.conductance,
      accessibilitySeconds,
      accessibilityIterations: access.iterations,
      peakRssBytes: rss,
      reference,
    };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  console.log(JSON.stringify({ kirchhoffAccessibility: benchKirchhoffAccessibility() }, null, 2));
