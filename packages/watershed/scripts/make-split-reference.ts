// Writes test/fixtures/split-reference.json: the labels (run-length coded) that splitTouching
// and instanceSegmentation gave on the cases of test/split-cases.ts with the code before the
// lower-memory split path (float64 distance map, dense markers, copies per refinement pass),
// so that test/split-reference.test.ts can check the current code gives the same labels.
//   npx tsx scripts/make-split-reference.ts
import { writeFileSync } from 'node:fs';
import ndarray from 'ndarray';
import { instanceSegmentation, splitTouching } from '../src/index.js';
import { instanceCases, runLengths, splitCases } from '../test/split-cases.js';

const split = splitCases().map((c) => {
  const { labels, count, iterations } = splitTouching(ndarray(c.mask, c.shape), c.options);
  return { name: c.name, count, iterations, labels: runLengths(labels.data) };
});
const instances = instanceCases().map((c) => {
  const r = instanceSegmentation(ndarray(c.phases, c.shape), { scheme: c.scheme, ...c.options });
  return {
    name: c.name,
    count: r.count,
    countByPhase: r.countByPhase,
    phaseOfLabel: Array.from(r.phaseOfLabel),
    labels: runLengths(r.labels.data),
  };
});
const url = new URL('../test/fixtures/split-reference.json', import.meta.url);
writeFileSync(url, `${JSON.stringify({ split, instances })}\n`);
for (const c of [...split, ...instances]) console.log(c.name, c.count);
