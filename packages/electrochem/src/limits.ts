/**
 * Most elements one table this package allocates may hold: 2^26 (512 MiB as float64). The
 * per-particle histograms (`labels x bins`) and the Gaussian smoothing kernel are checked
 * against it (core's `assertAllocation`) before anything is allocated.
 */
export const MAX_ELEMENTS = 2 ** 26;
