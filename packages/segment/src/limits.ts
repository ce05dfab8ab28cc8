/** Largest tile side, px: 8192 (a 8192 x 8192 float32 tile is 256 MiB). */
export const MAX_TILE_SIZE = 8192;

/**
 * Most elements of one output or one batch this package allocates: 2^30 (4 GiB of
 * float32). `classes x pixels` of a segmentation and `batchSize x classes x tileSize^2`
 * of a batch are checked against it before anything is allocated.
 */
export const MAX_ELEMENTS = 2 ** 30;
