import {
  type ChannelCategory,
  checkOptions,
  InvalidArgumentError,
  type PhaseScheme,
} from '@mgraph/core';
import {
  type AnyGraph,
  checkObjectPhases,
  countObjects,
  graphScheme,
  nodePhases,
} from './graph-access.js';

/** How two active nodes are linked for one carrier: through bridge nodes, directly, or both. */
export type LinkType = 'bridge' | 'direct' | 'bridge+direct';

/**
 * Options of {@link concurrentChannels}. The phases default to the roles the graph's scheme
 * declares (`active`, `ionic`, `electronic`); every phase named must be an object phase of
 * that scheme.
 */
export interface ConcurrentChannelsOptions {
  /**
   * Phase of the active particles. Default: the scheme's active phase (`'nmc'` for
   * `CATHODE_SCHEME`, `'am'` for `LI_ION_ELECTRODE_SCHEME`); required when the scheme
   * declares none (`SOFC_ANODE_SCHEME`) or several.
   */
  active?: string;
  /**
   * Phase(s) conducting ions (Li+, O2-), bridging two active nodes. Default: the scheme's
   * `ionic` phases (`'sse'` for the cathode). A phase may be both ionic and electronic (a
   * mixed conductor bridges both carriers). `[]`: no ionic bridge (only direct links, with
   * `directIonic`).
   */
  ionic?: string | readonly string[];
  /**
   * Phase(s) conducting electrons, bridging two active nodes. Default: the scheme's
   * `electronic` phases (`'graphite'` for the cathode). `[]`: no electronic bridge (only
   * direct links, with `directElectronic`).
   */
  electronic?: string | readonly string[];
  /**
   * Direct contact of two active nodes is an electronic link (the active material conducts
   * electrons). Default `true`, as in the paper (direct NMC-NMC contact conducts electrons).
   */
  directElectronic?: boolean;
  /** Direct contact of two active nodes is an ionic link. Default `false`. */
  directIonic?: boolean;
  /**
   * The scheme the caller expects. Optional: the graph carries its own (graph attribute
   * `scheme`); when given, it must be the graph's (else `InvalidArgumentError`), and a graph
   * that carries none is read with it.
   */
  scheme?: PhaseScheme;
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
  /** The roles used: the active phase and the ionic and electronic bridge phases. */
  roles: { active: string; ionic: string[]; electronic: string[] };
  /** Every concurrent pair, ordered by the graph's node order of its first, then second node. */
  pairs: ChannelPair[];
  /** Fig. 3c category of every active node. */
  categoryByNode: Record<string, ChannelCategory>;
  /** Whether each active node belongs to at least one concurrent pair. */
  concurrentByNode: Record<string, boolean>;
  /**
   * Number of nodes (objects) of the active phase and of each bridge phase, keyed by phase
   * name (active first, then ionic, then electronic phases).
   */
  objectCounts: Record<string, number>;
  /**
   * Conditions that empty the result for a reason other than geometry, e.g.
   * `ionic phase "ysz" has no objects in the graph: no ionic bridge can exist`. Empty when
   * none.
   */
  warnings: string[];
}

/**
 * Concurrent ion / electron channels between active particles (the paper's concurrent
 * Li+/e- channels between NMC particles), and the per-particle category of the paper's
 * Fig. 3c. Which phases are active, ionic and electronic is read from the roles of the
 * graph's scheme unless given.
 *
 * Rule. Two distinct active nodes `u`, `v` have an ionic link when some node of an `ionic`
 * phase is adjacent to both (path u-SSE-v in the cathode), or, with `directIonic`, when `u`
 * and `v` are adjacent. They have an electronic link when some node of an `electronic` phase
 * is adjacent to both (path u-graphite-v), or, with `directElectronic` (default), when `u`
 * and `v` are adjacent. Only paths of length 2 through one bridge node count (not longer
 * chains through several bridge particles). A pair with both an ionic and an electronic
 * link is a concurrent channel. The category of an active node is `'both'` when it has an
 * ionic link to some active node and an electronic link to some active node (the same one
 * or not), `'ionic-only'` with ionic links only, `'electronic-only'` with electronic links
 * only, `'none'` otherwise; `concurrentByNode` says whether it belongs to a concurrent pair
 * (which implies `'both'`). A role phase without any node in the graph is reported in
 * `warnings`.
 *
 * @param graph - a graph from {@link buildGraph} (it carries its scheme), or any graphology
 *   graph whose nodes have a string attribute `phase`, read with `options.scheme`
 * @param options - {@link ConcurrentChannelsOptions}: `active`, `ionic`, `electronic` (the
 *   scheme's roles), `directElectronic` (true), `directIonic` (false), `scheme` (the graph's)
 * @returns {@link ConcurrentChannels}: `roles`, `pairs`, `categoryByNode`,
 *   `concurrentByNode`, `objectCounts`, `warnings`
 * @throws InvalidArgumentError when `graph` is not a graphology graph; when it carries no
 *   scheme and `options.scheme` is not given, or `options.scheme` differs from the graph's;
 *   when `active` is not given and the scheme declares no single active phase, or `ionic` /
 *   `electronic` is not given and the scheme declares none; when a phase option is not an
 *   object phase of the scheme (or a list of distinct ones); when the active phase is among
 *   the ionic or electronic ones; when a direct option is not a boolean; or when a node's
 *   phase is not an object phase of the scheme
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
  options = checkOptions(fn, options, {
    active: true,
    ionic: true,
    electronic: true,
    directElectronic: true,
    directIonic: true,
    scheme: true,
  });
  const scheme = graphScheme(fn, graph, options.scheme);
  const { directElectronic = true, directIonic = false } = options;
  const named = `the graph's scheme ${JSON.stringify(scheme.name)}`;
  if (options.active === undefined && scheme.active.length !== 1) {
    throw new InvalidArgumentError(
      fn,
      'options.active',
      options.active,
      `given: ${named} declares ${scheme.active.length === 0 ? 'no active phase' : `several active phases (${scheme.active.join(', ')})`}`,
    );
  }
  const active = options.active ?? scheme.active[0]!;
  if (typeof active !== 'string') {
    throw new InvalidArgumentError(fn, 'options.active', active, 'a phase name');
  }
  checkObjectPhases(fn, scheme, 'options.active', [active], active);
  const roles: Record<'ionic' | 'electronic', string[]> = { ionic: [], electronic: [] };
  for (const role of ['ionic', 'electronic'] as const) {
    const given = options[role];
    const argument = `options.${role}`;
    if (given === undefined && scheme[role].length === 0) {
      throw new InvalidArgumentError(
        fn,
        argument,
        given,
        `given: ${named} declares no ${role} phase`,
      );
    }
    const value = given ?? scheme[role];
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list)) {
      throw new InvalidArgumentError(fn, argument, value, 'a phase name or a list of them');
    }
    checkObjectPhases(fn, scheme, given === undefined ? `scheme.${role}` : argument, list, value);
    if (list.includes(active)) {
      throw new InvalidArgumentError(
        fn,
        argument,
        value,
        `phases other than the active phase ${JSON.stringify(active)}`,
      );
    }
    roles[role] = [...list];
  }
  const ionicPhases = roles.ionic;
  const electronicPhases = roles.electronic;
  for (const [name, flag] of [
    ['directElectronic', directElectronic],
    ['directIonic', directIonic],
  ] as const) {
    if (typeof flag !== 'boolean') {
      throw new InvalidArgumentError(fn, `options.${name}`, flag, 'a boolean');
    }
  }
  const phaseOf = nodePhases(fn, graph, scheme);
  const objectCounts = countObjects(phaseOf, [
    ...new Set([active, ...ionicPhases, ...electronicPhases]),
  ]);
  const warnings: string[] = [];
  if (objectCounts[active] === 0) {
    warnings.push(
      `active phase ${JSON.stringify(active)} has no objects in the graph: no channel can exist`,
    );
  }
  for (const [role, list, direct] of [
    ['ionic', ionicPhases, directIonic],
    ['electronic', electronicPhases, directElectronic],
  ] as const) {
    for (const p of list) {
      if (objectCounts[p] === 0) {
        warnings.push(
          `${role} phase ${JSON.stringify(p)} has no objects in the graph: no ${role} bridge can exist`,
        );
      }
    }
    if (!direct && list.every((p) => objectCounts[p] === 0)) {
      warnings.push(
        `no ${role} link can exist: no ${role} bridge object and direct${role === 'ionic' ? 'Ionic' : 'Electronic'} is false`,
      );
    }
  }
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
        : 'ionic-only'
      : hasElectronic
        ? 'electronic-only'
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
  return {
    roles: { active, ionic: ionicPhases, electronic: electronicPhases },
    pairs,
    categoryByNode,
    concurrentByNode,
    objectCounts,
    warnings,
  };
}

function linkType(bridge: boolean, direct: boolean): LinkType | undefined {
  if (bridge && direct) return 'bridge+direct';
  if (bridge) return 'bridge';
  return direct ? 'direct' : undefined;
}
