import { CATHODE_SCHEME, createRng, type Rng } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';

/** Options of {@link syntheticGraph}. */
export interface SyntheticOptions {
  nmc?: number;
  sse?: number;
  graphite?: number;
  /** Contact radius in the unit square. */
  radius?: number;
  /** Target noise (standard deviation). */
  noise?: number;
}

/**
 * A seeded random geometric microstructure graph with the attributes of `@mgraph/graph`
 * (`phase`, `size`, edge `weight`, graph attribute `scheme`: the cathode's) and planted NMC
 * targets:
 * - heterogeneity falls with SSE contacts and rises with particle size,
 * - polarization falls with the contact strength to graphite (electronic wiring),
 * - soc is noise around 0.5 (no structure).
 */
export function syntheticGraph(rng: Rng, options: SyntheticOptions = {}): UndirectedGraph {
  const { nmc = 5, sse = 15, graphite = 10, radius = 0.3, noise = 0.03 } = options;
  const g = new UndirectedGraph();
  g.setAttribute('scheme', CATHODE_SCHEME);
  const pos: Array<[number, number]> = [];
  const phases = [
    ...new Array<string>(nmc).fill('nmc'),
    ...new Array<string>(sse).fill('sse'),
    ...new Array<string>(graphite).fill('graphite'),
  ];
  phases.forEach((phase, i) => {
    const base = phase === 'nmc' ? 800 : phase === 'sse' ? 200 : 300;
    pos.push([rng.random(), rng.random()]);
    g.addNode(String(i + 1), {
      label: i + 1,
      phase,
      size: Math.round(base * (0.5 + rng.random())),
    });
  });
  for (let a = 0; a < phases.length; a++) {
    for (let b = a + 1; b < phases.length; b++) {
      const d = Math.hypot(pos[a]![0] - pos[b]![0], pos[a]![1] - pos[b]![1]);
      if (d < radius) g.addEdge(String(a + 1), String(b + 1), { weight: 0.2 + 2 * rng.random() });
    }
  }
  g.forEachNode((node, attr) => {
    if (attr.phase !== 'nmc') return;
    let sseContacts = 0;
    let graphiteStrength = 0;
    g.forEachEdge(node, (_e, ea, s, t) => {
      const other = g.getNodeAttribute(s === node ? t : s, 'phase');
      if (other === 'sse') sseContacts++;
      if (other === 'graphite') graphiteStrength += ea.weight as number;
    });
    g.mergeNodeAttributes(node, {
      heterogeneity:
        0.6 -
        0.08 * Math.min(sseContacts, 5) +
        0.3 * ((attr.size as number) / 800 - 1) +
        rng.normal(0, noise),
      polarization: 1.5 - 0.6 * Math.tanh(graphiteStrength / 2) + rng.normal(0, noise),
      soc: 0.5 + rng.normal(0, 0.05),
    });
  });
  return g;
}

/** `count` seeded synthetic graphs. */
export function syntheticGraphs(
  count: number,
  seed: number,
  options: SyntheticOptions = {},
): UndirectedGraph[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => syntheticGraph(rng.fork(), options));
}
