// The paper twin's options and the graphite option it adds: flakes on touching particles put
// TPBs with concurrent channels (phantom truth, seeds 700000-700072, not the calibration's).
import { InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { generateComposite, PAPER_TWIN_EFFECTS, paperTwinOptions } from '../src/index.js';

/** P(concurrent channel | in a TPB) over 73 twin composites. */
function channelGivenTpb(attachToTouching: number): number {
  let tpb = 0;
  let both = 0;
  for (let seed = 700_000; seed < 700_073; seed++) {
    const o = paperTwinOptions({ seed });
    const c = generateComposite({ ...o, graphite: { ...o.graphite, attachToTouching } });
    for (const p of c.truth.particles) {
      if (!p.inTpb) continue;
      tpb++;
      if (p.concurrentChannel) both++;
    }
  }
  return both / tpb;
}

describe('paperTwinOptions', () => {
  it('plants polarization only through the channel, and nothing with effects off', () => {
    expect(paperTwinOptions({ seed: 4 })).toMatchObject({ seed: 4, shape: [96, 96] });
    expect(PAPER_TWIN_EFFECTS.tpb.polarization).toBe(1);
    expect(PAPER_TWIN_EFFECTS.channel.polarization).toBeLessThan(1);
    const off = paperTwinOptions({ effects: false }).effects!;
    for (const e of [off.tpb, off.channel])
      expect(e).toEqual({ heterogeneity: 1, polarization: 1, soc: 0 });
  });
  it('graphite.attachToTouching puts TPB particles in channels more often', () => {
    const biased = channelGivenTpb(1);
    const any = channelGivenTpb(0);
    expect(biased - any).toBeGreaterThan(0.1);
  }, 120_000);
  it('graphite.attachToTouching outside [0, 1] throws naming it', () => {
    expect(() =>
      generateComposite({ shape: [32, 32], graphite: { attachToTouching: 1.5 } }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      generateComposite({ shape: [32, 32], graphite: { attachToTouching: -1 } }),
    ).toThrow(/options\.graphite\.attachToTouching/);
  });
});
