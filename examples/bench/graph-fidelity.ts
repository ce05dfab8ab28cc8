// Graph fidelity of the shipped U-Net: the pipeline on U-Net phases judged against the pipeline
// on the true phases (particle F1 at IoU > 0.5, edge F1, TPB count error, channel agreement),
// on fresh phantoms, with and without test-time augmentation, and where the errors come from
// (unmatched objects by phase and size). Prints JSON lines.
// Run: npx tsx examples/bench/graph-fidelity.ts [count=6] [size=256] [firstSeed=900001]
//   [--model=FILE.onnx|twin|dense] [--twin] [--no-tta] (--model: a model file or a shipped model,
//   default dense; --twin: the paper-twin preset's 96x96 phantoms, size unused; --no-tta: without
//   the dihedral test-time augmentation variant)
import { CATHODE_SCHEME } from '@mgraph/core';
import { generateComposite, paperTwinOptions } from '@mgraph/phantom';
import {
  analyzeImage,
  analyzePhaseMap,
  type GraphFidelity,
  graphFidelity,
  matchInstances,
  poolGraphFidelity,
} from '@mgraph/pipeline';
import { meanIoU } from '@mgraph/segment';
import { type LoadUNetOptions, loadUNet } from '@mgraph/segment/node';

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const [count = 6, size = 256, first = 900001] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map(Number);
const twin = flags.includes('--twin');
const modelPath = flags.find((f) => f.startsWith('--model='))?.slice('--model='.length);
const model: LoadUNetOptions =
  modelPath === 'twin' || modelPath === 'dense'
    ? { model: modelPath }
    : modelPath
      ? { modelPath }
      : {};
const variants = {
  unet: await loadUNet(model),
  ...(flags.includes('--no-tta')
    ? {}
    : { unetDihedral: await loadUNet({ ...model, augment: 'dihedral' }) }),
};

const summary = (f: GraphFidelity) => ({
  particleF1: Number(f.particles.overall.f1.toFixed(4)),
  byPhase: Object.fromEntries(
    Object.entries(f.particles.byPhase).map(([p, m]) => [p, Number(m.f1.toFixed(4))]),
  ),
  edgeF1: Number(f.edges.f1.toFixed(4)),
  tpb: f.tpb,
  channelAgreement: f.active.channelAgreement,
  tpbAgreement: f.active.tpbAgreement,
});

const pooled: Record<string, GraphFidelity[]> = Object.fromEntries(
  Object.keys(variants).map((v) => [v, []]),
);
const mious: Record<string, number[]> = Object.fromEntries(
  Object.keys(variants).map((v) => [v, []]),
);
const missed: Record<string, number[]> = {};
const spurious: Record<string, number[]> = {};
const seconds: Record<string, number> = { truth: 0, unet: 0, unetDihedral: 0 };
for (let k = 0; k < count; k++) {
  const seed = first + k;
  const c = generateComposite(twin ? paperTwinOptions({ seed }) : { shape: [size, size], seed });
  let t0 = performance.now();
  const truth = analyzePhaseMap({ phases: c.phases });
  seconds.truth! += (performance.now() - t0) / 1000;
  for (const [name, segmenter] of Object.entries(variants)) {
    t0 = performance.now();
    const predicted = await analyzeImage({ image: c.image }, { segmenter });
    seconds[name]! += (performance.now() - t0) / 1000;
    const f = graphFidelity(truth, predicted);
    pooled[name]!.push(f);
    const miou = meanIoU(c.phases, predicted.phases).mIoU;
    mious[name]!.push(miou);
    console.log(JSON.stringify({ seed, variant: name, mIoU: miou, ...summary(f) }));
    if (name !== 'unet') continue;
    const { match, truthSize, predictedSize } = matchInstances(
      truth.instances,
      predicted.instances,
    );
    const matchedPredicted = new Set(match.values());
    for (let l = 1; l < truthSize.length; l++)
      if (truthSize[l]! > 0 && !match.has(l)) {
        const phase = CATHODE_SCHEME.phases[truth.instances.phaseOfLabel[l]!]!;
        missed[phase] = [...(missed[phase] ?? []), truthSize[l]!];
      }
    for (let l = 1; l < predictedSize.length; l++)
      if (predictedSize[l]! > 0 && !matchedPredicted.has(l)) {
        const phase = CATHODE_SCHEME.phases[predicted.instances.phaseOfLabel[l]!]!;
        spurious[phase] = [...(spurious[phase] ?? []), predictedSize[l]!];
      }
  }
}
const sizes = (a: number[]) => {
  const s = a.slice().sort((x, y) => x - y);
  return {
    n: s.length,
    under30: s.filter((x) => x < 30).length,
    under100: s.filter((x) => x < 100).length,
    median: s[Math.floor(s.length / 2)] ?? null,
  };
};
console.log(
  JSON.stringify({
    images: count,
    phantoms: twin ? 'paper twin (96x96)' : `default ${size}x${size}`,
    model: modelPath ?? 'dense',
    seeds: [first, first + count - 1],
    pooled: Object.fromEntries(
      Object.entries(pooled).map(([n, fs]) => [
        n,
        {
          mIoU: mious[n]!.reduce((a, b) => a + b, 0) / fs.length,
          ...summary(poolGraphFidelity(fs)),
        },
      ]),
    ),
    unmatchedUnet: {
      missedTruth: Object.fromEntries(Object.entries(missed).map(([p, a]) => [p, sizes(a)])),
      spuriousPredicted: Object.fromEntries(
        Object.entries(spurious).map(([p, a]) => [p, sizes(a)]),
      ),
    },
    seconds,
  }),
);
