/**
 * CPU cost of the block-wise particle splitting per voxel read (issue 19): for blocks of a
 * SIDE^3 volume of the bench's three-phase map (bench/phantom-box.ts, seed 19: any box is
 * computed alone, so a block of a 1024^3 volume is measured without the volume), each block's
 * outer box (block + halo `segmentHalo(5, 12)` = 29) goes through `segmentBlock` and, on the
 * same box, `@mgraph/watershed`'s `instanceSegmentation` (connectivity 1), REPS times in one
 * thread. Prints per round the CPU seconds (process.cpuUsage: the load average does not
 * inflate them as it does wall seconds) and CPU microseconds per voxel read of each; the first
 * round includes the JIT's warm-up, the later ones are the steady state. Never asserts timings.
 *
 * Run: npx tsx bench/segment-block-cost.ts SIDE BLOCK [ids=all] [reps=2]
 *   npx tsx bench/segment-block-cost.ts 128 64            (the 8 blocks of bench/volume.ts 128 64)
 *   npx tsx bench/segment-block-cost.ts 1024 256 21 2     (an interior block of 1024^3: 314^3 read)
 */
import { CATHODE_SCHEME } from '@mgraph/core';
import { instanceSegmentation } from '@mgraph/watershed';
import ndarray from 'ndarray';
import { blockPlan, segmentBlock, segmentHalo } from '../src/index.js';
import { phasesBox } from './phantom-box.js';

const SEED = 19;
const [sideArg = '128', blockArg = '64', idsArg = 'all', repsArg = '2'] = process.argv.slice(2);
const side = Number(sideArg);
const block = Number(blockArg);
const plan = blockPlan([side, side, side], [block, block, block], { halo: segmentHalo(5, 12) });
const ids = idsArg === 'all' ? plan.blocks.map((b) => b.id) : idsArg.split(',').map(Number);
const voxels = (start: number[], stop: number[]) =>
  stop.reduce((n, s, d) => n * (s - start[d]!), 1);
const cpu = (run: () => void): number => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

for (let round = 1; round <= Number(repsArg); round++) {
  let read = 0;
  let segmentSeconds = 0;
  let wholeSeconds = 0;
  for (const id of ids) {
    const b = plan.blocks[id]!;
    const shape = b.outerStop.map((s, d) => s - b.outerStart[d]!);
    const phases = ndarray(phasesBox(b.outerStart, b.outerStop, SEED), shape);
    read += voxels(b.outerStart, b.outerStop);
    segmentSeconds += cpu(() => segmentBlock(phases, b, plan, { scheme: CATHODE_SCHEME }));
    wholeSeconds += cpu(() => instanceSegmentation(phases, { scheme: CATHODE_SCHEME }));
  }
  console.log(
    JSON.stringify({
      side,
      block,
      halo: plan.halo[0],
      blocks: ids.length,
      round,
      voxelsRead: read,
      readPerOwn: +(
        read / ids.reduce((n, id) => n + voxels(plan.blocks[id]!.start, plan.blocks[id]!.stop), 0)
      ).toFixed(2),
      cpuSeconds: {
        segmentBlock: +segmentSeconds.toFixed(2),
        instanceSegmentation: +wholeSeconds.toFixed(2),
      },
      cpuUsPerVoxelRead: {
        segmentBlock: +((segmentSeconds * 1e6) / read).toFixed(3),
        instanceSegmentation: +((wholeSeconds * 1e6) / read).toFixed(3),
      },
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}
