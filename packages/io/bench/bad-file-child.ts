// One decoder on one bad file, in its own process (a decoder may hang or exhaust memory):
// prints what happened and the peak RSS.
import { readFileSync } from 'node:fs';
import { DECODERS } from './decoders.js';

const [name, path] = process.argv.slice(2) as [string, string];
let outcome: string;
try {
  const out = await DECODERS[name]!(new Uint8Array(readFileSync(path)));
  let zeros = 0;
  let n = 0;
  for (const part of out) {
    n += part.length;
    for (let i = 0; i < part.length; i++) if (part[i] === 0) zeros++;
  }
  outcome = `returned ${n} values (${zeros} zeros)`;
} catch (error) {
  outcome = `threw ${(error as Error).name}: ${String((error as Error).message).slice(0, 90)}`;
}
console.log(
  JSON.stringify({ outcome, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
