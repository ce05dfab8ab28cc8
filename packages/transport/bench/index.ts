/**
 * Benchmark of @mgraph/transport: prints JSON figures, one entry per step (each step's file
 * says what it runs and against which reference). Never asserts timings.
 *
 *   npm run bench -w @mgraph/transport            (128^3, 256^3 and 512^3; 512^3 under flock)
 *   npm run bench -w @mgraph/transport -- 128 256 (only these sizes)
 */

import { benchKirchhoffAccessibility } from './kirchhoff-accessibility.js';
import { benchTortuosityFactor } from './tortuosity-factor.js';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const figures: Record<string, unknown> = {
  tortuosityFactor: await benchTortuosityFactor(sizes.length > 0 ? sizes : undefined),
  kirchhoffAccessibility: benchKirchhoffAccessibility(),
};
console.log(
  JSON.stringify({ package: '@mgraph/transport', node: process.version, figures }, null, 2),
);
