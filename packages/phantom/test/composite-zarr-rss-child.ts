// Child process of composite-box.test.ts: write a composite of the given shape block by block
// into a Zarr directory, then print the peak RSS. Run with --expose-gc: a collection after
// every chunk makes the peak what is alive, not what the collector has not reclaimed yet.
import { writeCompositeZarr } from '../src/node.js';

const collect = () => (globalThis as { gc?: () => void }).gc?.();
const [dir, shape] = process.argv.slice(2) as [string, string];
await writeCompositeZarr(dir, {
  shape: shape.split('x').map(Number),
  nmcRadius: 12,
  chunks: [32, 32, 32],
  onProgress: collect,
});
console.log(JSON.stringify({ shape, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
