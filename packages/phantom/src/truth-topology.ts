import type { ChannelCategory } from '@mgraph/core';

/** Phase codes of the three roles: the active particles and the two bridge phases. */
export interface TopologyPhases {
  /** Active particles (NMC). */
  active: number;
  /** Ion conductor (SSE). */
  ionic: number;
  /** Electron conductor (graphite). */
  electronic: number;
}

/** Topology truth of one active (NMC) particle. */
export interface ParticleTopology {
  /** Number of triple phase boundaries: ionic-electronic pairs in mutual contact, both touching it. */
  tpbCount: number;
  /** Its {@link ChannelCategory}. */
  channelCategory: ChannelCategory;
  /** Some other active particle is linked to it both ionically and electronically. */
  concurrentChannel: boolean;
}

/**
 * TPB counts and concurrent channels of every active particle, from the contact lists of
 * `contactPairs` and the phase of each label, by the paper's rules:
 *
 * - a TPB of particle `u` is a triangle `u`-SSE-graphite: an SSE object `s` and a graphite
 *   object `g` both in contact with `u` and with each other; `tpbCount` counts the pairs
 *   `(s, g)`;
 * - two distinct NMC particles `u`, `v` have an ionic link when some SSE object touches both,
 *   and an electronic link when some graphite object touches both or `u` and `v` touch
 *   (NMC conducts electrons);
 * - `channelCategory` is `'both'` when `u` has an ionic link and an electronic link (to any
 *   particles), `'ionic-only'` / `'electronic-only'` with one kind only, `'none'` otherwise;
 *   `concurrentChannel` when one particle `v` has both links with `u`.
 *
 * @param neighbors - `neighbors[l]`: the labels in contact with label `l`
 * @param phaseOfLabel - phase code of each label
 * @returns per label, the topology of the active particles (`undefined` for other labels)
 */
export function truthTopology(
  neighbors: readonly (readonly number[])[],
  phaseOfLabel: Uint8Array,
  phases: TopologyPhases,
): (ParticleTopology | undefined)[] {
  const touching = (a: number, b: number) => neighbors[a]!.includes(b);
  const ofPhase = (labels: readonly number[], phase: number) =>
    labels.filter((l) => phaseOfLabel[l] === phase);
  const out: (ParticleTopology | undefined)[] = [];
  for (let u = 0; u < phaseOfLabel.length; u++) {
    if (u === 0 || phaseOfLabel[u] !== phases.active) {
      out.push(undefined);
      continue;
    }
    const ionicBridges = ofPhase(neighbors[u]!, phases.ionic);
    const electronicBridges = ofPhase(neighbors[u]!, phases.electronic);
    let tpbCount = 0;
    for (const s of ionicBridges) for (const g of electronicBridges) if (touching(s, g)) tpbCount++;

    const others = (labels: readonly number[]) =>
      ofPhase(labels, phases.active).filter((v) => v !== u);
    const ionicPartners = new Set(ionicBridges.flatMap((s) => others(neighbors[s]!)));
    const electronicPartners = new Set([
      ...others(neighbors[u]!),
      ...electronicBridges.flatMap((g) => others(neighbors[g]!)),
    ]);
    const ionic = ionicPartners.size > 0;
    const electronic = electronicPartners.size > 0;
    out.push({
      tpbCount,
      channelCategory: ionic
        ? electronic
          ? 'both'
          : 'ionic-only'
        : electronic
          ? 'electronic-only'
          : 'none',
      concurrentChannel: [...ionicPartners].some((v) => electronicPartners.has(v)),
    });
  }
  return out;
}
