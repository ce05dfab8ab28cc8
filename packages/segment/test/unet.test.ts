import { CATHODE_SCHEME } from '@mgraph/core';
import { generateComposite } from '@mgraph/phantom';
import { instanceSegmentation } from '@mgraph/watershed';
import { beforeAll, describe, expect, it } from 'vitest';
import { meanIoU, otsuSegmenter, type Segmenter } from '../src/index.js';
import { loadUNet } from '../src/node.js';
import { maxInteriorDiff } from './helpers.js';

// Fresh phantom images: the training data used seeds 1000..1099 (models/unet.json).
const SEEDS = [900001, 900002, 900003, 900004];
const composites = SEEDS.map((seed) => generateComposite({ shape: [256, 256], seed }));

/** mIoU over all test images together (one confusion matrix), and per class. */
async function score(segmenter: Segmenter) {
  const confusion = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  const phaseMaps: PhaseMap[] = [];
  for (const c of composites) {
    const { phases } = await segmenter.segment(c.image);
    phaseMaps.push(phases);
    const r = meanIoU(c.phases, phases);
    r.confusion.forEach((row, a) => {
      row.forEach((n, b) => {
        confusion[a]![b]! += n;
      });
    });
  }
  const perClass = confusion.map((row, c) => {
    const tp = row[c]!;
    const fp = confusion.reduce((s, r) => s + r[c]!, 0) - tp;
    const fn = row.reduce((s, n) => s + n, 0) - tp;
    return tp / (tp + fp + fn);
  });
  return { mIoU: perClass.reduce((a, b) => a + b, 0) / 4, perClass, phaseMaps };
}

type PhaseMap = Awaited<ReturnType<Segmenter['segment']>>['phases'];

/** NMC particles the workflow finds on a phase map (the demo's splitting, minSize 10). */
function nmcParticles(phases: PhaseMap): number {
  const r = instanceSegmentation(phases, { scheme: CATHODE_SCHEME, split: ['nmc'], minSize: 10 });
  const nmc = CATHODE_SCHEME.phases.indexOf('nmc');
  return r.phaseOfLabel.filter((p, l) => l > 0 && p === nmc).length;
}

const named = (perClass: number[]) =>
  Object.fromEntries(CATHODE_SCHEME.phases.map((p, i) => [p, Number(perClass[i]!.toFixed(4))]));

describe('the shipped U-Net (onnxruntime-node, CPU)', () => {
  let unet: { mIoU: number; perClass: number[]; phaseMaps: PhaseMap[] };
  let augmented: { mIoU: number; perClass: number[] };
  let otsu: { mIoU: number; perClass: number[]; order: number[] };
  beforeAll(async () => {
    const model = await loadUNet();
    expect(model.card.classes).toEqual(CATHODE_SCHEME.phases);
    unet = await score(model);
    augmented = await score(await loadUNet({ augment: 'dihedral' }));
    // the Otsu baseline with the phase order that suits it best (all 24 orders tried)
    otsu = { mIoU: -1, perClass: [], order: [] };
    for (const order of permutations([0, 1, 2, 3])) {
      const o = await score(otsuSegmenter({ order }));
      if (o.mIoU > otsu.mIoU) otsu = { ...o, order };
    }
    console.log(
      JSON.stringify({
        seeds: SEEDS,
        unet: { mIoU: Number(unet.mIoU.toFixed(4)), perClass: named(unet.perClass) },
        unetDihedral: {
          mIoU: Number(augmented.mIoU.toFixed(4)),
          perClass: named(augmented.perClass),
        },
        otsu: {
          mIoU: Number(otsu.mIoU.toFixed(4)),
          perClass: named(otsu.perClass),
          order: otsu.order,
        },
      }),
    );
  }, 60000);

  it('beats the multi-level Otsu baseline on fresh phantom images, in every class', () => {
    expect(unet.mIoU).toBeGreaterThan(otsu.mIoU + 0.1);
    unet.perClass.forEach((iou, c) => {
      expect(iou).toBeGreaterThan(otsu.perClass[c]!);
    });
  });

  it("is lifted by augment: 'dihedral' (the 8 flips / transpositions averaged)", () => {
    expect(augmented.mIoU).toBeGreaterThan(unet.mIoU);
  });

  it('keeps the level measured when it was shipped (mIoU 0.842 on these seeds)', () => {
    expect(unet.mIoU).toBeGreaterThan(0.83);
  });

  // The acceptance the segmentation issue states now: what users need is a correct graph,
  // so the U-Net is judged by the particles the workflow finds on its phases. Per image, the
  // NMC particles found on U-Net phases are within 5% (and 3 particles) of those found on the
  // true phases by the same splitting, and within 3% on average. Measured when written, on
  // these four seeds: 61/61, 61/63, 65/63, 62/61 (mean 2.0%).
  it('finds per image the NMC particles the true phases give, within 5% (mean within 3%)', () => {
    const rows = composites.map((c, i) => {
      const truthPhases = nmcParticles(c.phases);
      const unetPhases = nmcParticles(unet.phaseMaps[i]!);
      return {
        seed: SEEDS[i],
        generated: c.truth.particles.length,
        truthPhases,
        unetPhases,
        relError: Math.abs(unetPhases - truthPhases) / truthPhases,
      };
    });
    console.log(JSON.stringify({ nmcParticlesPerImage: rows }));
    for (const r of rows) {
      expect(r.truthPhases, `seed ${r.seed}`).toBeGreaterThan(40);
      expect(Math.abs(r.unetPhases - r.truthPhases), `seed ${r.seed}`).toBeLessThanOrEqual(3);
      expect(r.relError, `seed ${r.seed}`).toBeLessThanOrEqual(0.05);
    }
    expect(rows.reduce((s, r) => s + r.relError, 0) / rows.length).toBeLessThanOrEqual(0.03);
  });

  it('tiled inference of a 1024^2 image agrees with whole-image inference', {
    timeout: 120000,
  }, async () => {
    const { image } = generateComposite({ shape: [1024, 1024], seed: 900010 });
    const tiled = await (await loadUNet()).segment(image); // 256 tiles, overlap 128
    const whole = await (await loadUNet({ tileSize: 1024 })).segment(image);
    const diff = maxInteriorDiff(tiled.probabilities, whole.probabilities, 32);
    console.log(JSON.stringify({ tiledVsWhole1024: { maxAbsDiff: diff, margin: 32 } }));
    expect(diff).toBeLessThan(1e-3);
  });
});

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}
