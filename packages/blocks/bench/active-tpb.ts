// What the active TPB adds to the blockMorphology task: every block of a SIDE^3 map (made by
// `bench/volume-child.ts make DIR SIDE 128`) run in this thread with `active` on or off; CPU
// seconds of the tasks, the TPB edge groups and the JSON size of the active and label partials,
// peak RSS. Prints one JSON line; never asserts timings.
//   npx tsx bench/volume-child.ts make DIR 512 128
//   npx tsx bench/active-tpb.ts DIR 512 256 1     (then 0 for the same run without)
import { CATHODE_SCHEME } from '@mgraph/core';
import { TPB_GROUP_SIZE } from '../src/block-active-tpb.js';
import { toPlainJson } from '../src/plain-partials.js';
import { blockMorphologyTask } from '../src/tasks.js';

const [dir = '', side = '512', block = '256', active = '1'] = process.argv.slice(2);
const blocks = Math.ceil(Number(side) / Number(block)) ** 3;
const context = { signal: new AbortController().signal, attempt: 1, key: 'bench' };
const cpu = process.cpuUsage();
const t = performance.now();
let groups = 0;
let activeBytes = 0;
let labelBytes = 0;
for (let b = 0; b < blocks; b++) {
  const out = await blockMorphologyTask(
    {
      source: { store: dir, path: 'phases' },
      blockShape: [Number(block), Number(block), Number(block)],
      block: b,
      scheme: CATHODE_SCHEME,
      active: active === '1',
    },
    context,
  );
  if (out.activeTpb !== null) {
    groups += out.activeTpb.groups.length / TPB_GROUP_SIZE;
    activeBytes += JSON.stringify(out.activeTpb).length;
  }
  labelBytes += JSON.stringify(toPlainJson(out.labels)).length;
}
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    side: Number(side),
    block: Number(block),
    active: active === '1',
    blocks,
    seconds: +((performance.now() - t) / 1000).toFixed(2),
    cpuSeconds: +((used.user + used.system) / 1e6).toFixed(2),
    groups,
    activeJsonMB: +(activeBytes / 1e6).toFixed(2),
    labelsJsonMB: +(labelBytes / 1e6).toFixed(2),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
