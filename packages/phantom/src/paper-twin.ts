import type { CompositeOptions, PlantedEffect } from './composite-options.js';

/** Options of {@link paperTwinOptions}. */
export interface PaperTwinOptions {
  /** Seed of the composite. Default 0. */
  seed?: number;
  /**
   * Plant the effects (default `true`); `false` gives the same structures with every effect
   * switched off (factors 1, shifts 0): the null model, for checks that a test can fail.
   */
  effects?: boolean;
}

/** One row of the paper's Table S1 (Welch t-test, NMC particles with vs without a feature). */
export interface PaperWelchRow {
  /** `'TPB'` or `'concurrent channel'` (the names of `@mgraph/pipeline`'s Welch rows). */
  feature: 'TPB' | 'concurrent channel';
  descriptor: 'soc' | 'heterogeneity' | 'polarization';
  /** The paper's Cohen's d; null where the paper gives only "not significant". */
  cohenD: number | null;
  /**
   * The paper's verdict at alpha 0.05: stated (SOC: not significant) or implied by its d at its
   * group sizes (48 / 302 with vs without a TPB, 136 / 214 with vs without a channel:
   * |t| = |d| / sqrt(1/n1 + 1/n2) is 2.8 for TPB heterogeneity, 4.2 and 3.9 for the channel);
   * null when too close to call (TPB polarization: |t| = 1.9, p about 0.06).
   */
  significant: boolean | null;
}

/** One term of the paper's two-way ANOVA (Table S2: log heterogeneity; Table S3: log polarization). */
export interface PaperAnovaTerm {
  /** `'log heterogeneity'` or `'log polarization'` (the responses of `@mgraph/pipeline`'s `anovaTable`). */
  response: 'log heterogeneity' | 'log polarization';
  term: 'TPB' | 'channel';
  /** Whether the paper finds the term significant; null when it does not say. */
  significant: boolean | null;
  /** The paper's finding in words. */
  finding: string;
}

/**
 * The paper's figures the twin is calibrated to: 73 images, 350 NMC particles, 48 (14%) in a
 * TPB, 136 (39%) in a concurrent Li+/e- channel, most NMC particles connected to other NMC
 * particles through SSE only (Fig. 3c); Table S1 (Cohen's d) and the pattern of the ANOVA
 * Tables S2 / S3. The F and p values of Tables S2 / S3 are not reproduced here, only their
 * pattern (channel stronger than TPB; TPB not significant for polarization once the channel
 * is in the model).
 *
 * @remarks
 * Reference: Li, Deng, Liu, Hu, arXiv:2512.16085 (Fig. 3c, Tables S1-S3).
 */
export const PAPER_FIGURES: Readonly<{
  images: number;
  nmcParticles: number;
  inTpb: number;
  inChannel: number;
  tableS1: readonly PaperWelchRow[];
  anova: readonly PaperAnovaTerm[];
}> = Object.freeze({
  images: 73,
  nmcParticles: 350,
  inTpb: 48,
  inChannel: 136,
  tableS1: Object.freeze([
    { feature: 'TPB', descriptor: 'soc', cohenD: null, significant: false },
    { feature: 'TPB', descriptor: 'heterogeneity', cohenD: -0.43, significant: true },
    { feature: 'TPB', descriptor: 'polarization', cohenD: -0.29, significant: null },
    { feature: 'concurrent channel', descriptor: 'soc', cohenD: null, significant: false },
    {
      feature: 'concurrent channel',
      descriptor: 'heterogeneity',
      cohenD: -0.58,
      significant: true,
    },
    { feature: 'concurrent channel', descriptor: 'polarization', cohenD: -0.53, significant: true },
  ] as const),
  anova: Object.freeze([
    {
      response: 'log heterogeneity',
      term: 'TPB',
      significant: null,
      finding: 'weaker than the channel',
    },
    {
      response: 'log heterogeneity',
      term: 'channel',
      significant: true,
      finding: 'significant, stronger than TPB',
    },
    {
      response: 'log polarization',
      term: 'TPB',
      significant: false,
      finding: 'not significant with the channel in the model',
    },
    {
      response: 'log polarization',
      term: 'channel',
      significant: true,
      finding: 'significant, stronger than TPB',
    },
  ] as const),
});

/** The twin's planted effects (see {@link paperTwinOptions} for how they were derived). */
export const PAPER_TWIN_EFFECTS: Readonly<{ tpb: PlantedEffect; channel: PlantedEffect }> =
  Object.freeze({
    tpb: Object.freeze({ heterogeneity: 0.8, polarization: 0.9, soc: 0 }),
    channel: Object.freeze({ heterogeneity: 1, polarization: 0.6, soc: 0 }),
  });

/**
 * Mean intensity of each phase code in the twin's images (background, SSE, NMC, graphite):
 * `PHASE_INTENSITY` with graphite at 0.04, darker than every other phase. The twin's flakes
 * are about 8 x 4 px; at the paper-like graphite grey (0.32, inside the range of SSE and of
 * the blurred NMC / SSE boundary) the 1-px point-spread function leaves nothing of them to
 * see, while the paper's segmentation did find graphite (its TPBs come from it).
 */
export const PAPER_TWIN_INTENSITY: readonly [number, number, number, number] = Object.freeze([
  0.26, 0.36, 0.78, 0.04,
] as const);

const NO_EFFECT: PlantedEffect = Object.freeze({ heterogeneity: 1, polarization: 1, soc: 0 });

/**
 * Composite options of the "paper twin": 96 x 96 phantoms of which 73 (the paper's count)
 * hold about 350 NMC particles, 14% of them in a TPB and 39% in a concurrent Li+/e- channel,
 * most connected to other NMC particles through SSE only (Fig. 3c), with planted effects whose
 * expected Cohen's d are Table S1's. Pass them to `generateComposite` (or spread them into
 * `generateDataset` with a `count`).
 *
 * Structure: few NMC particles (fraction 0.19, radius 12 px, agglomeration 0.03, so 39% of the
 * particles touch another one), a dense SSE matrix in large grains (fraction 0.6, grain radius
 * 30 px, so neighbouring particles share an SSE grain: ionic links everywhere), and one small
 * graphite flake per image (fraction 0.0011, length 8 px, aspect 2) laid on an NMC particle
 * that touches another (`attachToTouching` 1) with probability 0.5: TPBs are rare and go
 * with NMC-NMC contacts, hence with concurrent channels.
 *
 * Effects ({@link PAPER_TWIN_EFFECTS}): polarization is planted mainly through the channel
 * (mode distance x 0.6), so most of the TPB effect on polarization comes from TPB particles
 * being more often in a channel; a small direct TPB factor (x 0.9) offsets the rise in measured
 * polarization that the TPB particles' narrower modes cause (two-mode histograms resolved more
 * often), so that once the channel is in the model the TPB term is what a null gives (Table
 * S3's pattern). Heterogeneity gets the channel's effect through the mode distance and a TPB
 * effect on the within-mode spread (x 0.8). SOC is unaffected. How the factors were chosen
 * and the measured figures are in the package README.
 *
 * @param options - {@link PaperTwinOptions}; defaults seed 0, effects on
 * @returns options for `generateComposite`
 */
export function paperTwinOptions(options: PaperTwinOptions = {}): CompositeOptions {
  const { seed = 0, effects = true } = options;
  return {
    shape: [96, 96],
    seed,
    fractions: { nmc: 0.19, sse: 0.6, graphite: 0.0011 },
    nmcRadius: 12,
    agglomeration: 0.03,
    graphite: { attach: 0.5, attachToTouching: 1, length: 8, aspect: 2 },
    sseGrainRadius: 30,
    xray: { intensity: PAPER_TWIN_INTENSITY },
    effects: effects
      ? { tpb: { ...PAPER_TWIN_EFFECTS.tpb }, channel: { ...PAPER_TWIN_EFFECTS.channel } }
      : { tpb: { ...NO_EFFECT }, channel: { ...NO_EFFECT } },
  };
}
