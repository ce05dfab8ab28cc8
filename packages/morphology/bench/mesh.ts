/**
 * Marching-cubes areas, particle sizes, sphericity and contact areas on a seeded n^3
 * three-phase volume of balls (bench/mesh-volume.ts), each step in its own process (time and
 * peak RSS), beside scikit-image / NumPy on the same input in the same run
 * (scripts/bench-mesh-reference.py). Prints one JSON object.
 *
 * Run: npx tsx bench/mesh.ts --size 512 [--no-reference] (wrap 512^3 and larger in
 * flock /tmp/bigmem.lock); `npm run bench -w @mgraph/morphology` runs it after bench/index.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchVolume } from './mesh-volume.js';

const here = dirname(fileURLToPath(import.meta.url));
const arg = process.argv.indexOf('--size');
const n = arg >= 0 ? Number(process.argv[arg + 1]) : 512;
const withReference = !process.argv.includes('--no-reference');
const dir = mkdtempSync(join(tmpdir(), 'mesh-bench-'));
try {
  const v = benchVolume(n);
  writeFileSync(join(dir, 'phases.u8'), v.phases);
  writeFileSync(join(dir, 'labels.i32'), new Uint8Array(v.labels.buffer));
  const steps = [
    'marchingCubesAreas',
    'marchingCubesArea',
    'particleSizes',
    'particleSphericity',
    'particleContactAreas',
  ];
  const reference: Record<string, string> = {
    marchingCubesAreas: 'skimage marching_cubes + mesh_surface_area, 3 phases',
    marchingCubesArea: 'skimage marching_cubes + mesh_surface_area, pore indicator',
    particleSizes: 'skimage regionprops equivalent_diameter_area',
    particleContactAreas: 'NumPy face counting per label and phase (bincount)',
  };
  const rows = steps.map((step) => {
    const ours = JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(here, 'mesh-step.ts'), step, dir, String(n)],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 24,
        },
      ),
    );
    const ref =
      withReference && reference[step]
        ? JSON.parse(
            execFileSync(
              '/usr/bin/python3',
              [join(here, '..', 'scripts', 'bench-mesh-reference.py'), step, dir, String(n)],
              {
                encoding: 'utf8',
              },
            ),
          )
        : null;
    return {
      step,
      ours,
      reference: ref
        ? { tool: reference[step], ...ref }
        : withReference
          ? 'none (per-particle marching cubes over the whole volume has no vectorised scikit-image equivalent)'
          : null,
    };
  });
  console.log(
    JSON.stringify(
      {
        bench: 'morphology marching cubes / particles',
        size: `${n}^3`,
        voxels: n ** 3,
        particles: v.particles,
        spacing: [0.5, 0.398, 0.398],
        rows,
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
