// Child process of zarr.test.ts: convert TIFF -> Zarr or Zarr -> TIFF, then print the peak RSS.
// Run with --expose-gc: a collection after every chunk / page makes the peak what is alive,
// not what the collector has not yet reclaimed.
import { tiffToZarr, zarrToTiff } from '../src/node.js';

const collect = () => (globalThis as { gc?: () => void }).gc?.();

const [mode, from, to] = process.argv.slice(2) as [string, string, string];
if (mode === 'tiff-to-zarr') {
  await tiffToZarr(from, to, { chunks: [8, 256, 256], compression: 'none', onProgress: collect });
} else if (mode === 'zarr-to-tiff') {
  await zarrToTiff(from, to, { onProgress: collect });
}
console.log(JSON.stringify({ mode, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
