import { createRng } from '@mgraph/core';

/**
 * The bench's seeded three-phase volume (codes of LI_ION_ELECTRODE_SCHEME): pore (0)
 * everywhere, active-material balls (1) of radius 6-14 voxels filling about half of it, then
 * carbon-binder balls (2) of radius 2-5 voxels painted over about a tenth of it.
 */
export function threePhaseVolume(shape: [number, number, number], seed = 17): Uint8Array {
  const [nz, ny, nx] = shape;
  const size = nz * ny * nx;
  const out = new Uint8Array(size);
  const rng = createRng(seed);
  const paint = (code: number, rmin: number, rmax: number, fraction: number) => {
    const meanVolume = (4 / 3) * Math.PI * ((rmin + rmax) / 2) ** 3;
    const count = Math.round((fraction * size) / meanVolume);
    for (let k = 0; k < count; k++) {
      const r = rng.uniform(rmin, rmax);
      const cz = rng.uniform(0, nz);
      const cy = rng.uniform(0, ny);
      const cx = rng.uniform(0, nx);
      const z0 = Math.max(0, Math.ceil(cz - r));
      const z1 = Math.min(nz - 1, Math.floor(cz + r));
      for (let z = z0; z <= z1; z++) {
        const rz = r * r - (z - cz) ** 2;
        const y0 = Math.max(0, Math.ceil(cy - Math.sqrt(rz)));
        const y1 = Math.min(ny - 1, Math.floor(cy + Math.sqrt(rz)));
        for (let y = y0; y <= y1; y++) {
          const w = Math.sqrt(Math.max(0, rz - (y - cy) ** 2));
          const x0 = Math.max(0, Math.ceil(cx - w));
          const x1 = Math.min(nx - 1, Math.floor(cx + w));
          if (x1 >= x0) out.fill(code, (z * ny + y) * nx + x0, (z * ny + y) * nx + x1 + 1);
        }
      }
    }
  };
  paint(1, 6, 14, 0.7);
  paint(2, 2, 5, 0.12);
  return out;
}

/** The worst case of the run tables: independent uniform random codes 0, 1, 2, seeded. */
export function randomThreePhaseVolume(shape: [number, number, number], seed = 17): Uint8Array {
  const out = new Uint8Array(shape[0] * shape[1] * shape[2]);
  const rng = createRng(seed);
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(rng.uniform(0, 3));
  return out;
}
