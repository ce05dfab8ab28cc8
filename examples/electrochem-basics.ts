/**
 * @mgraph/electrochem: per-particle SOC, heterogeneity and polarization from a Ni K-edge
 * energy map, and the edge-energy map recovered from a XANES stack.
 *
 * Run: npx tsx examples/electrochem-basics.ts
 */
import { edgeEnergyMap, electrochemicalDescriptors, findPeaks } from '@mgraph/electrochem';
import { generateComposite, generateXanesStack, XANES_ENERGIES } from '@mgraph/phantom';

console.log(
  'findPeaks:',
  Array.from(findPeaks([0, 2, 1, 3, 3, 3, 0, 1, 0], { height: 1.5 }).peaks),
);

const c = generateComposite({ shape: [96, 96], seed: 3 });
const nmc = c.truth.particles.map((p) => p.label);
const found = electrochemicalDescriptors(c.energy, c.instances, { labelsToUse: nmc });
for (const d of found.slice(0, 4)) {
  const t = c.truth.particles.find((p) => p.label === d.label)!;
  console.log(
    `particle ${d.label}: SOC ${d.soc?.toFixed(3)} (planted ${t.soc.toFixed(3)}), heterogeneity ${d.heterogeneity?.toFixed(3)}, polarization ${d.polarization?.toFixed(2)} (planted ${t.polarization.toFixed(2)})`,
  );
}

const stack = generateXanesStack(c.energy, { seed: 1 });
const map = edgeEnergyMap(stack, XANES_ENERGIES);
let se = 0;
let n = 0;
for (let i = 0; i < c.energy.size; i++) {
  const truth = c.energy.data[i];
  const got = map.edge.data[i];
  if (Number.isFinite(truth) && Number.isFinite(got)) {
    se += (got - truth) ** 2;
    n++;
  }
}
console.log(
  `edge energy from the XANES stack: RMS error ${Math.sqrt(se / n).toFixed(3)} eV over ${n} px`,
);
