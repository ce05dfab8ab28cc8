// Memory of a block-wise composite's layout (compositeLayout: NMC particles and graphite
// flakes as JS objects): heap retained by the layout after a full GC, per particle or flake,
// CPU seconds and peak RSS of this process. Run with --expose-gc:
//   node --expose-gc --import tsx bench/layout-memory.ts [side=256] [seed=1]
import { compositeLayout } from '../src/index.js';

const side = Number(process.argv[2] ?? 256);
const seed = Number(process.argv[3] ?? 1);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run node with --expose-gc');
gc();
const before = process.memoryUsage().heapUsed;
const cpu = process.cpuUsage();
const t = performance.now();
const layout = compositeLayout({ shape: [side, side, side], seed });
const seconds = (performance.now() - t) / 1000;
const used = process.cpuUsage(cpu);
gc();
const retained = process.memoryUsage().heapUsed - before;
const items = layout.particles.length + layout.flakes.length;
console.log(
  JSON.stringify({
    side,
    seed,
    particles: layout.particles.length,
    flakes: layout.flakes.length,
    seconds: +seconds.toFixed(2),
    cpuSeconds: +((used.user + used.system) / 1e6).toFixed(2),
    layoutHeapMB: +(retained / 1e6).toFixed(2),
    bytesPerItem: Math.round(retained / items),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
// keep the layout alive until after the measurement
if (layout.shape[0] !== side) throw new Error('unexpected layout');
