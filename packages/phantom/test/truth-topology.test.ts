import { describe, expect, it } from 'vitest';
import { truthTopology } from '../src/truth-topology.js';

const [SSE, NMC, GRAPHITE] = [1, 2, 3];
const PHASES = { active: NMC, ionic: SSE, electronic: GRAPHITE };

/** Contact lists and phases from `label: phase` and an edge list. */
function scene(phases: Record<number, number>, edges: [number, number][]) {
  const n = Math.max(...Object.keys(phases).map(Number)) + 1;
  const phaseOfLabel = new Uint8Array(n);
  for (const [l, p] of Object.entries(phases)) phaseOfLabel[Number(l)] = p;
  const neighbors = Array.from({ length: n }, () => [] as number[]);
  for (const [a, b] of edges) {
    neighbors[a]!.push(b);
    neighbors[b]!.push(a);
  }
  return { neighbors, phaseOfLabel };
}

describe('truthTopology', () => {
  it("applies the paper's rules to a hand-made scene", () => {
    // 1, 2: concurrent (SSE 20 and graphite 30 both touch them; 20-30 touch: one TPB each)
    // 3, 4: ionic-only (SSE 21); 5, 6: electronic-only (graphite 31)
    // 7, 8: electronic-only by direct contact alone
    // 9: 'both' without a concurrent pair (ionic to 10 via SSE 22, electronic to 11 directly)
    // 12: none (touches SSE 23 and graphite 32, which touch each other: one TPB anyway)
    // 13: two TPBs (SSE 24 and 25 each touch graphite 33) and an open one (SSE 26, graphite 34)
    const { neighbors, phaseOfLabel } = scene(
      {
        1: NMC,
        2: NMC,
        3: NMC,
        4: NMC,
        5: NMC,
        6: NMC,
        7: NMC,
        8: NMC,
        9: NMC,
        10: NMC,
        11: NMC,
        12: NMC,
        13: NMC,
        20: SSE,
        21: SSE,
        22: SSE,
        23: SSE,
        24: SSE,
        25: SSE,
        26: SSE,
        30: GRAPHITE,
        31: GRAPHITE,
        32: GRAPHITE,
        33: GRAPHITE,
        34: GRAPHITE,
      },
      [
        [1, 20],
        [2, 20],
        [1, 30],
        [2, 30],
        [20, 30],
        [3, 21],
        [4, 21],
        [5, 31],
        [6, 31],
        [7, 8],
        [9, 22],
        [10, 22],
        [9, 11],
        [12, 23],
        [12, 32],
        [23, 32],
        [13, 24],
        [13, 25],
        [13, 33],
        [24, 33],
        [25, 33],
        [13, 26],
        [13, 34],
      ],
    );
    const t = truthTopology(neighbors, phaseOfLabel, PHASES);
    const row = (l: number) => {
      const p = t[l]!;
      return [p.tpbCount, p.channelCategory, p.concurrentChannel];
    };
    expect(row(1)).toEqual([1, 'both', true]);
    expect(row(2)).toEqual([1, 'both', true]);
    expect(row(3)).toEqual([0, 'ionic-only', false]);
    expect(row(4)).toEqual([0, 'ionic-only', false]);
    expect(row(5)).toEqual([0, 'electronic-only', false]);
    expect(row(6)).toEqual([0, 'electronic-only', false]);
    expect(row(7)).toEqual([0, 'electronic-only', false]);
    expect(row(8)).toEqual([0, 'electronic-only', false]);
    expect(row(9)).toEqual([0, 'both', false]);
    expect(row(10)).toEqual([0, 'ionic-only', false]);
    expect(row(11)).toEqual([0, 'electronic-only', false]);
    expect(row(12)).toEqual([1, 'none', false]);
    expect(row(13)).toEqual([2, 'none', false]);
    // only active labels get an entry
    expect(t[0]).toBeUndefined();
    expect(t[20]).toBeUndefined();
    expect(t[30]).toBeUndefined();
  });

  it('a bridge touching only one particle links nothing; direct contact is not ionic', () => {
    const { neighbors, phaseOfLabel } = scene({ 1: NMC, 2: NMC, 3: SSE }, [
      [1, 3],
      [1, 2],
    ]);
    const t = truthTopology(neighbors, phaseOfLabel, PHASES);
    expect(t[1]!.channelCategory).toBe('electronic-only');
    expect(t[2]!.channelCategory).toBe('electronic-only');
  });
});
