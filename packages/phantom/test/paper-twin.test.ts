// The paper twin's options and the graphite option it adds: flakes on touching particles put
// TPBs with concurrent channels (phantom truth, seeds 700000-700072, not the calibration's).
import { InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import {
  generateComposite,
  PAPER_TWIN_EFFECTS,
  PAPER_TWIN_INTENSITY,
  PHASE_INTENSITY,
  paperTwinOptions,
} from '../src/index.js';

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
  it('plants polarization mainly through the channel, and nothing with effects off', () => {
    expect(paperTwinOptions({ seed: 4 })).toMatchObject({ seed: 4, shape: [96, 96] });
    expect(PAPER_TWIN_EFFECTS.channel.polarization).toBeLessThan(
      PAPER_TWIN_EFFECTS.tpb.polarization,
    );
    expect(PAPER_TWIN_EFFECTS.tpb.polarization).toBeLessThanOrEqual(1);
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

describe('xray.intensity, and the darker graphite of the twin', () => {
  const meanOf = (image: Float32Array, phases: Uint8Array, phase: number) => {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < phases.length; i++)
      if (phases[i] === phase) {
        sum += image[i]!;
        n++;
      }
    return sum / n;
  };
  it('defaults to PHASE_INTENSITY: the same image as when passed explicitly', () => {
    const a = generateComposite({ shape: [64, 64], seed: 3 });
    const b = generateComposite({
      shape: [64, 64],
      seed: 3,
      xray: { intensity: [...PHASE_INTENSITY] as [number, number, number, number] },
    });
    expect(b.image.data).toEqual(a.image.data);
    const c = generateComposite({ shape: [64, 64], seed: 3, xray: { intensity: null as never } });
    expect(c.image.data).toEqual(a.image.data);
  });
  it("changes only the image: the twin's structures, truth and energies are those of the paper-like greys", () => {
    for (const seed of [700_000, 700_001, 700_002]) {
      const twin = generateComposite(paperTwinOptions({ seed }));
      const greys = generateComposite({
        ...paperTwinOptions({ seed }),
        xray: { intensity: [...PHASE_INTENSITY] as [number, number, number, number] },
      });
      expect(twin.phases.data).toEqual(greys.phases.data);
      expect(twin.instances.data).toEqual(greys.instances.data);
      expect(twin.energy.data).toEqual(greys.energy.data);
      expect(twin.truth.particles).toEqual(greys.truth.particles);
      const phases = twin.phases.data as Uint8Array;
      const [t, g] = [twin.image.data as Float32Array, greys.image.data as Float32Array];
      // graphite darker than the background in the twin, inside the SSE range with the paper's greys
      expect(meanOf(t, phases, 3)).toBeLessThan(meanOf(t, phases, 0));
      expect(meanOf(g, phases, 3)).toBeGreaterThan(meanOf(g, phases, 0));
      expect(meanOf(t, phases, 1)).toBeCloseTo(meanOf(g, phases, 1), 2);
    }
    expect(PAPER_TWIN_INTENSITY.slice(0, 3)).toEqual(PHASE_INTENSITY.slice(0, 3));
  });
  it('xray.intensity other than four numbers in [0, 1] throws naming it', () => {
    for (const intensity of [
      [0.1, 0.2, 0.3],
      [0.1, 0.2, 0.3, 1.5],
      [0.1, Number.NaN, 0.3, 0.4],
    ])
      expect(() =>
        generateComposite({
          shape: [16, 16],
          xray: { intensity: intensity as unknown as [number, number, number, number] },
        }),
      ).toThrow(/generateComposite.*options\.xray\.intensity/);
  });
});
