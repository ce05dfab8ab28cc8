/** Largest tile side, px: 8192 (a 8192 x 8192 float32 tile is 256 MiB). */
export const MAX_TILE_SIZE = 8192;

/**
 * Most elements of one output or one batch this package allocates: 2^30 (4 GiB of
 * float32). `classes x pixels` of a segmentation and `batchSize x classes x tileSize^2`
 * of a batch are checked against it before anything is allocated.
 */
export const MAX_ELEMENTS = 2 ** 30;

/** `1.5 GiB`-style rendering of a byte count. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} bytes` : `${v.toPrecision(3)} ${units[u]}`;
}
