// Child process of tiff-bad-files.test.ts: decode a file that claims 1e15 voxels (or do
// nothing, for the baseline) and print the peak resident set size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeNpy, decodeTiff, readNpy, readTiff } from '../src/node.js';

const corpus = join(
  import.meta.dirname ?? new URL('.', import.meta.url).pathname,
  'fixtures',
  'tiff',
  'bad',
);
const tif = join(corpus, 'claims-1e15-voxels-imagej.tif');
const npy = join(corpus, 'claims-1e15-voxels.npy');
const small = join(corpus, 'claims-30000x30000-114-bytes.tif');
const mode = process.argv[2];
let outcome = 'nothing';
try {
  if (mode === 'tiff-bytes') decodeTiff(new Uint8Array(readFileSync(tif)));
  else if (mode === 'tiff-file') await readTiff(tif);
  else if (mode === 'tiff-114') await readTiff(small);
  else if (mode === 'npy-bytes') decodeNpy(new Uint8Array(readFileSync(npy)));
  else if (mode === 'npy-file') await readNpy(npy);
} catch (error) {
  outcome = (error as Error).name;
}
// arrayBuffers counts allocated typed arrays even where the OS has not committed their pages
// (zero-filled memory is lazy, so an untouched 900 MB array barely moves the RSS)
const { arrayBuffers } = process.memoryUsage();
console.log(
  JSON.stringify({
    mode,
    outcome,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    arrayBuffers,
  }),
);
