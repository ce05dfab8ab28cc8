import { InvalidArgumentError } from '@mgraph/core';
import { type AnyGraph, assertGraph, checkPhaseNames, nodePhases } from './graph-access.js';

/**
 * Category of an active (NMC) node, the paper's Fig. 3c: connected to at least one other
 * active node through an ionic link only (`'sse-only'`), an electronic link only
 * (`'graphite-only'`), both kinds (`'both'`), or neither (`'none'`). The names are those of
 * the cathode scheme; for other schemes read `'sse-only'` as "ionic only" and
 * `'graphite-only'` as "electronic only".
 */
export type ChannelCategory = 'sse-only' | 'graphite-only' | 'both' | 'none';

/** How two active nodes are linked for one carrier: through bridge nodes, directly, or both. */
export type LinkType = 'bridge' | 'direct' | 'bridge+direct';

/** Options of {@link concurrentChannels}. */
export interface ConcurrentChannelsOptions {
  /** Phase of the active particles. Default `'nmc'`. */
  active?: string;
  /**
   * Phase(s) conducting ions (Li+), bridging two active nodes. Default `'sse'`. A phase may be
   * both ionic and electronic (a mixed conductor bridges both carriers).
   */
  ionic?: string | readonly string[];
  /** Phase(s) conducting electrons, bridging two active nodes. Default `'graphite'`. */
  electronic?: string | readonly string[];
  /**
   * Direct contact of two active nodes is an electronic link (the active material conducts
   * electrons). Default `true`, as in the paper (direct NMC-NMC contact conducts electrons).
   */
  directElectronic?: boolean;
  /** Direct contact of two active nodes is an ionic link. Default `false`. */
  directIonic?: boolean;
}

/** A concurrent channel: two active nodes linked both ionically and electronically. */
export interface ChannelPair {
  /** The two active nodes, in the graph's node order. */
  nodes: [string, string];
  /** Ionic bridge nodes adjacent to both (graph node order). */
  ionicBridges: string[];
  /** Electronic bridge nodes adjacent to both (graph node order). */
  electronicBridges: string[];
  /** Whether the two are in direct contact (an edge between them). */
  direct: boolean;
  /** Type of the ionic link. */
  ionic: LinkType;
  /** Type of the electronic link. */
  electronic: LinkType;
}

/** Result of {@link concurrentChannels}. */
export interface ConcurrentChannels {
  /** Every concurrent pair, ordered by the graph's node order of its first, then second node. */
  pairs: ChannelPair[];
  /** Fig. 3c category of every active node. */
  categoryByNode: Record<string, ChannelCategory>;
  /** Whether each active node belongs to at least one concurrent pair. */
  concurrentByNode: Record<string, boolean>;
}

/**
 * Concurrent Li+/e- channels between active (NMC) particles, and the per-particle category
 * of the paper's Fig. 3c.
 *
 * Rule. Two distinct active nodes `u`, `v` have an ionic link when some node of an `ionic`
 * phase is adjacent to both (path u-SSE-v), or, with `directIonic`, when `u` and `v` are
 * adjacent. They have an electronic link when some node of an `electronic` phase is adjacent
 * to both (path u-graphite-v), or, with `directElectronic` (default), when `u` and `v` are
 * adjacent. Only paths of length 2 through one bridge node count (not longer chains
 * through several SSE or graphite particles). A pair with both an ionic and an electronic
 * link is a concurrent channel. The category of an active node is `'both'` when it has an
 * ionic link to some active node and an electronic link to some active node (the same one
 * or not), `'sse-only'` with ionic links only, `'graphite-only'` with electronic links only,
 * `'none'` otherwise; `concurrentByNode` says whether it belongs to a concurrent pair
 * (which implies `'both'`).
 *
 * @param graph - a graph from {@link buildGraph} (or any graphology graph whose nodes have a
 *   string attribute `phase`)
 * @param options - {@link ConcurrentChannelsOptions}: `active` ('nmc'), `ionic` ('sse'),
 *   `electronic` ('graphite'), `directElectronic` (true), `directIonic` (false)
 * @returns {@link ConcurrentChannels}: `pairs`, `categoryByNode`, `concurrentByNode`
 * @throws InvalidArgumentError when `graph` is not a graphology graph, a phase option is not
 *   a name (of the graph's scheme when recorded) or a list of distinct names, the active
 *   phase is among the ionic or electronic ones, a direct option is not a boolean, or a
 *   node has no `phase`
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (concurrent ion / electron conduction
 * channels, Fig. 3c).
 */
export function concurrentChannels(
  graph: AnyGraph,
  options: ConcurrentChannelsOptions = {},
): ConcurrentChannels {
  const fn = 'concurrentChannels';
  assertGraph(fn, graph);
  const {
    active = 'nmc',
    ionic = 'sse',
    electronic = 'graphite',
    directElectronic = true,
    directIonic = false,
  } = options;
  const ionicPhases = typeof ionic === 'string' ? [ionic] : ionic;
  const electronicPhases = typeof electronic === 'string' ? [electronic] : electronic;
  if (!Array.isArray(ionicPhases) || ionicPhases.length === 0) {
    throw new InvalidArgumentError(fn, 'options.ionic', ionic, 'a phase name or a list of them');
  }
  if (!Array.isArray(electronicPhases) || electronicPhases.length === 0) {
    throw new InvalidArgumentError(
      fn,
      'options.electronic',
      electronic,
      'a phase name or a list of them',
    );
  }
  checkPhaseNames(fn, graph, 'options.active', [active], active);
  checkPhaseNames(fn, graph, 'options.ionic', ionicPhases, ionic);
  checkPhaseNames(fn, graph, 'options.electronic', electronicPhases, electronic);
  for (const [argument, list, value] of [
    ['options.ionic', ionicPhases, ionic],
    ['options.electronic', electronicPhases, electronic],
  ] as const) {
    if (list.includes(active)) {
      throw new InvalidArgumentError(
        fn,
        argument,
        value,
        `phases other than the active phase ${JSON.stringify(active)}`,
      );
    }
  }
  for (const [name, flag] of [
    ['directElectronic', directElectronic],
    ['directIonic', directIonic],
  ] as const) {
    if (typeof flag !== 'boolean') {
      throw new InvalidArgumentError(fn, `options.${name}`, flag, 'a boolean');
    }
  }
  const phaseOf = nodePhases(fn, graph);
  const order = new Map<string, number>();
  for (const key of phaseOf.keys()) order.set(key, order.size);
  const byOrder = (a: string, b: string) => order.get(a)! - order.get(b)!;
  const isIonic = new Set(ionicPhases);
  const isElectronic = new Set(electronicPhases);

  const categoryByNode: Record<string, ChannelCategory> = {};
  const concurrentByNode: Record<string, boolean> = {};
  const pairs: ChannelPair[] = [];
  for (const [u, phase] of phaseOf) {
    if (phase !== active) continue;
    // partner -> bridges, for each carrier
    const ionicTo = new Map<string, string[]>();
    const electronicTo = new Map<string, string[]>();
    const directTo = new Set<string>();
    graph.forEachNeighbor(u, (s) => {
      const ps = phaseOf.get(s)!;
      if (ps === active) {
        directTo.add(s);
        return;
      }
      for (const [bridges, target] of [
        [isIonic, ionicTo],
        [isElectronic, electronicTo],
      ] as const) {
        if (!bridges.has(ps)) continue;
        graph.forEachNeighbor(s, (v) => {
          if (v === u || phaseOf.get(v) !== active) return;
          const list = target.get(v);
          if (list) list.push(s);
          else target.set(v, [s]);
        });
      }
    });
    const hasIonic = ionicTo.size > 0 || (directIonic && directTo.size > 0);
    const hasElectronic = electronicTo.size > 0 || (directElectronic && directTo.size > 0);
    categoryByNode[u] = hasIonic
      ? hasElectronic
        ? 'both'
        : 'sse-only'
      : hasElectronic
        ? 'graphite-only'
        : 'none';
    concurrentByNode[u] = false;
    const partners = new Set([...ionicTo.keys(), ...electronicTo.keys(), ...directTo]);
    for (const v of [...partners].sort(byOrder)) {
      const direct = directTo.has(v);
      const ionicBridges = (ionicTo.get(v) ?? []).sort(byOrder);
      const electronicBridges = (electronicTo.get(v) ?? []).sort(byOrder);
      const ionicLink = linkType(ionicBridges.length > 0, directIonic && direct);
      const electronicLink = linkType(electronicBridges.length > 0, directElectronic && direct);
      if (!ionicLink || !electronicLink) continue;
      concurrentByNode[u] = true;
      if (byOrder(u, v) > 0) continue; // record each pair once, from its first node
      pairs.push({
        nodes: [u, v],
        ionicBridges,
        electronicBridges,
        direct,
        ionic: ionicLink,
        electronic: electronicLink,
      });
    }
  }
  return { pairs, categoryByNode, concurrentByNode };
}

function linkType(bridge: boolean, direct: boolean): LinkType | undefined {
  if (bridge && direct) return 'bridge+direct';
  if (bridge) return 'bridge';
  return direct ? 'direct' : undefined;
}
