/**
 * @mgraph/phantom: a synthetic cathode composite with its ground truth.
 *
 * Run: npx tsx examples/phantom-basics.ts
 */
import { CATHODE_SCHEME } from '@mgraph/core';
import { generateComposite } from '@mgraph/phantom';

const c = generateComposite({ shape: [128, 128], seed: 7 });
const counts = new Array(CATHODE_SCHEME.phases.length).fill(0);
for (const p of c.phases.data) counts[p]++;
for (const [code, name] of CATHODE_SCHEME.phases.entries())
  console.log(`${name.padEnd(10)} ${((100 * counts[code]) / c.phases.size).toFixed(1)} %`);
console.log('objects:', c.phaseOfLabel.length - 1, 'NMC particles:', c.truth.particles.length);
const inTpb = c.truth.particles.filter((p) => p.inTpb).length;
console.log(
  `NMC in a TPB: ${inTpb}; with a concurrent channel: ${c.truth.particles.filter((p) => p.concurrentChannel).length}`,
);
const p = c.truth.particles[0];
console.log(
  `particle ${p.label}: SOC ${p.soc.toFixed(3)} eV, heterogeneity ${p.heterogeneity.toFixed(3)} eV, polarization ${p.polarization.toFixed(3)} eV`,
);
