/**
 * Bench of @mgraph/morphology: a seeded three-phase volume (bench/three-phase-volume.ts)
 * through every step of bench/steps.ts, each in its own process (time, peak RSS, bytes per
 * voxel above the RSS with the input loaded), with the NumPy / SciPy reference of
 * scripts/make-fixtures.py timed on the same volume in the same run.
 *
 * Run: npm run bench -w @mgraph/morphology -- [--size 512] [--no-reference] [--random]
 * (`--random`: independent random voxels, the worst case of the run tables)
 * (512^3 and above need several GB: wrap in `flock /tmp/bigmem.lock`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STEPS } from './steps.js';
import { randomThreePhaseVolume, threePhaseVolume } from './three-phase-volume.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const size = Number(args[args.indexOf('--size') + 1] ?? 256) || 256;
const withReference = !args.includes('--no-reference');
const random = args.includes('--random');
const shape: [number, number, number] = [size, size, size];
const voxels = size ** 3;

/** Whether a step's summary equals the reference's values where the reference prints them. */
function agrees(
  name: string,
  summary: unknown,
  ref: { tpbPerAxis: number[]; specificSurfaceArea: number[] },
): boolean | null {
  if (name === 'triplePhaseBoundaryDensity (total only)') {
    return JSON.stringify(summary) === JSON.stringify(ref.tpbPerAxis);
  }
  if (name === 'specificSurfaceArea') {
    const got = Object.values(summary as Record<string, number>);
    return got.every((v, c) => Math.abs(v - ref.specificSurfaceArea[c]!) <= 1e-12);
  }
  return null;
}

const dir = mkdtempSync(join(tmpdir(), 'morphology-bench-'));
const file = join(dir, `volume-${size}.u8`);
try {
  const t0 = performance.now();
  writeFileSync(file, random ? randomThreePhaseVolume(shape) : threePhaseVolume(shape));
  const generateSeconds = (performance.now() - t0) / 1000;
  let reference: {
    seconds: Record<string, number>;
    tpbPerAxis: number[];
    specificSurfaceArea: number[];
  } | null = null;
  if (withReference) {
    const script = join(here, '..', 'scripts', 'make-fixtures.py');
    const out = execFileSync('/usr/bin/python3', [script, '--bench', file, ...shape.map(String)], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    reference = JSON.parse(out);
  }
  const steps = STEPS.map((step, index) => {
    const out = execFileSync(
      process.execPath,
      [
        '--max-old-space-size=4096',
        '--import',
        'tsx',
        join(here, 'run-step.ts'),
        file,
        String(index),
        ...shape.map(String),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const r = JSON.parse(out.trim().split('\n').pop()!);
    return {
      step: step.name,
      seconds: Number(r.seconds.toFixed(3)),
      peakRssGiB: Number((r.peakRss / 2 ** 30).toFixed(3)),
      bytesPerVoxelAboveInput: Number(((r.peakRss - r.inputRss) / voxels).toFixed(2)),
      referenceSeconds:
        step.reference && reference ? Number(reference.seconds[step.reference]!.toFixed(3)) : null,
      summary: r.summary,
      sameAsReference: reference ? agrees(step.name, r.summary, reference) : null,
    };
  });
  console.log(
    JSON.stringify(
      {
        shape,
        voxels,
        volume: random ? 'independent random voxels' : 'balls (bench/three-phase-volume.ts)',
        generateSeconds: Number(generateSeconds.toFixed(2)),
        reference: withReference
          ? 'NumPy/SciPy (scripts/make-fixtures.py --bench), same volume, same run'
          : null,
        steps,
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// marching-cubes areas and particle measures (bench/mesh.ts, its own seeded volume of balls,
// scikit-image / NumPy timed on it in the same run): a second JSON object; up to 512^3 (its
// int32 label map and the graph it builds would take several times the memory above that)
if (size <= 512) {
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(here, 'mesh.ts'),
      '--size',
      String(size),
      ...(withReference ? [] : ['--no-reference']),
    ],
    { stdio: 'inherit' },
  );
}
