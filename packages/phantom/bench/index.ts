/**
 * Benchmark of @mgraph/phantom: prints JSON seconds (and particle counts) for seeded
 * composites of the default 2D size, 512^2, 1024^2, a 128^3 volume, a 73-image dataset, and
 * a XANES stack of a default composite. Never asserts timings.
 *
 *   npm run bench
 */
import { generateComposite, generateDataset, generateXanesStack } from '../src/index.js';

function time<T>(run: () => T): [T, number] {
  const t0 = performance.now();
  const out = run();
  return [out, (performance.now() - t0) / 1000];
}

const figures: Record<string, unknown> = {};
for (const shape of [
  [256, 256],
  [512, 512],
  [1024, 1024],
  [128, 128, 128],
]) {
  const [c, seconds] = time(() => generateComposite({ shape, seed: 1 }));
  figures[`composite ${shape.join('x')}`] = {
    seconds: Number(seconds.toFixed(3)),
    nmcParticles: c.truth.particles.length,
    objects: c.phaseOfLabel.length - 1,
    fractions: c.truth.fractions.actual,
  };
}
const [, datasetSeconds] = time(() => generateDataset({ count: 73, seed: 0 }));
figures['dataset 73 x 256x256'] = { seconds: Number(datasetSeconds.toFixed(3)) };
const c = generateComposite({ seed: 1 });
const [stack, xanesSeconds] = time(() => generateXanesStack(c.energy, { seed: 1 }));
figures['xanes 63 x 256x256'] = { seconds: Number(xanesSeconds.toFixed(3)), shape: stack.shape };
console.log(
  JSON.stringify({ package: '@mgraph/phantom', node: process.version, figures }, null, 2),
);
