/**
 * PNG gallery of a few composites: per composite one PNG with four panels (X-ray image,
 * phases, instances, Ni K-edge energy), the middle plane for 3D.
 *
 *   npx tsx examples/phantom-gallery.ts [outDir=out/gallery] [count=4] [shape=256,256] [seed=1]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from '@mgraph/io';
import { generateComposite } from '@mgraph/phantom';
import ndarray from 'ndarray';

const [outDir = 'out/gallery', countArg = '4', shapeArg = '256,256', seedArg = '1'] =
  process.argv.slice(2);
const shape = shapeArg.split(',').map(Number);
mkdirSync(outDir, { recursive: true });

const PHASE_RGB = [
  [20, 20, 20], // background (pore)
  [70, 130, 200], // SSE
  [235, 150, 40], // NMC
  [120, 200, 120], // graphite
];

/** Viridis-like ramp through 5 anchor colours. */
function ramp(t: number): [number, number, number] {
  const anchors = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ];
  const x = Math.min(1, Math.max(0, t)) * (anchors.length - 1);
  const k = Math.min(anchors.length - 2, Math.floor(x));
  const f = x - k;
  return [0, 1, 2].map((c) => Math.round(anchors[k]![c]! * (1 - f) + anchors[k + 1]![c]! * f)) as [
    number,
    number,
    number,
  ];
}

function labelColour(label: number): [number, number, number] {
  let h = Math.imul(label, 0x9e3779b1) >>> 0;
  h ^= h >>> 15;
  return [64 + (h & 127), 64 + ((h >>> 8) & 127), 64 + ((h >>> 16) & 127)];
}

for (let n = 0; n < Number(countArg); n++) {
  const seed = Number(seedArg) + n;
  const c = generateComposite({ shape, seed });
  const rows = shape[shape.length - 2]!;
  const cols = shape[shape.length - 1]!;
  const offset = shape.length === 3 ? Math.floor(shape[0]! / 2) * rows * cols : 0;
  const gap = 4;
  const width = 4 * cols + 3 * gap;
  const rgb = new Uint8Array(width * rows * 3).fill(255);
  const put = (panel: number, i: number, colour: readonly number[]) => {
    const y = Math.floor(i / cols);
    const x = i % cols;
    const at = (y * width + panel * (cols + gap) + x) * 3;
    rgb[at] = colour[0]!;
    rgb[at + 1] = colour[1]!;
    rgb[at + 2] = colour[2]!;
  };
  for (let i = 0; i < rows * cols; i++) {
    const g = Math.round(255 * c.image.data[offset + i]!);
    put(0, i, [g, g, g]);
    put(1, i, PHASE_RGB[c.phases.data[offset + i]!]!);
    const l = c.instances.data[offset + i]!;
    put(2, i, l === 0 ? [0, 0, 0] : labelColour(l));
    const e = c.energy.data[offset + i]!;
    put(3, i, Number.isNaN(e) ? [0, 0, 0] : ramp((e - 8340) / 8));
  }
  const file = join(outDir, `composite-${seed}.png`);
  writeFileSync(file, encodePng(ndarray(rgb, [rows, width, 3])));
  console.log(file);
}
