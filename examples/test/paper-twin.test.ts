// The paper twin's counts and proportions, measured as the demo measures them with
// `--segmenter truth`: the 73 twin composites of the demo's seeds (100000-100072; the twin was
// calibrated on seeds 500000-500583, see the phantom README) through `analyzePhaseMap` of
// @mgraph/pipeline on their true phase maps.
import { CATHODE_SCHEME } from '@mgraph/core';
import { generateComposite, PAPER_FIGURES, paperTwinOptions } from '@mgraph/phantom';
import { analyzePhaseMap, type ParticleRow } from '@mgraph/pipeline';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../paper-workflow/options.js';

const rows: ParticleRow[] = [];

beforeAll(() => {
  for (let i = 0; i < PAPER_FIGURES.images; i++) {
    const c = generateComposite(paperTwinOptions({ seed: DEFAULT_SEED + i }));
    const a = analyzePhaseMap(
      { phases: c.phases, energy: c.energy },
      { scheme: CATHODE_SCHEME, window: 7, minSize: 10 },
    );
    rows.push(...a.particles);
  }
}, 180_000);

describe("the paper twin's 73 images, through the pipeline on their true phases", () => {
  it('hold 350 +- 10% NMC particles', () => {
    expect(rows.length).toBeGreaterThanOrEqual(315);
    expect(rows.length).toBeLessThanOrEqual(385);
  });
  it('have 14% +- 3 points of them in a TPB and 39% +- 5 points in a concurrent channel', () => {
    const share = (f: (r: ParticleRow) => boolean) => rows.filter(f).length / rows.length;
    expect(Math.abs(share((r) => r.inTpb) - 0.14)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(share((r) => r.concurrentChannel) - 0.39)).toBeLessThanOrEqual(0.05);
  });
  it('have SSE-only (ionic-only) as the most common Fig. 3c category', () => {
    const count = (c: string) => rows.filter((r) => r.channelCategory === c).length;
    const ionic = count('ionic-only');
    for (const other of ['both', 'electronic-only', 'none'])
      expect(ionic).toBeGreaterThan(count(other));
  });
  it('plant the effects on the twin only: switched off, the same structures', () => {
    const on = generateComposite(paperTwinOptions({ seed: DEFAULT_SEED }));
    const off = generateComposite(paperTwinOptions({ seed: DEFAULT_SEED, effects: false }));
    expect(off.phases.data).toEqual(on.phases.data);
    expect(off.truth.effects.channel).toEqual({ heterogeneity: 1, polarization: 1, soc: 0 });
    expect(off.truth.effects.tpb).toEqual({ heterogeneity: 1, polarization: 1, soc: 0 });
    expect(on.truth.effects.channel.polarization).toBeLessThan(on.truth.effects.tpb.polarization);
  });
});
