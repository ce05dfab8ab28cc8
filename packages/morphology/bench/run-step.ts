// Child process of bench/index.ts: load the raw volume, run one step, print one JSON line
// with its time and peak RSS (and the RSS once the input is loaded).
import { readFileSync } from 'node:fs';
import ndarray from 'ndarray';
import { STEPS } from './steps.js';

const [file, index, nz, ny, nx] = process.argv.slice(2);
const bytes = readFileSync(file!);
const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
const phases = ndarray(data, [Number(nz), Number(ny), Number(nx)]);
const step = STEPS[Number(index)]!;
const inputRss = process.memoryUsage().rss;
const t0 = performance.now();
const summary = step.run(phases);
const seconds = (performance.now() - t0) / 1000;
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ seconds, peakRss, inputRss, summary }));
