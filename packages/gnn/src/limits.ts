/**
 * Most elements one array this package allocates may hold: 2^27 (1 GiB as float64). A
 * request past it (a huge `size`, width or hidden width) throws before anything is
 * allocated (core's `assertAllocation`).
 */
export const MAX_ELEMENTS = 2 ** 27;

/** Most parameters a {@link HeteroNNConvModel} may have: 2^25 (256 MiB as float64; training keeps about four copies). */
export const MAX_PARAMETERS = 2 ** 25;

/** Most graphs {@link splitGraphs} splits: 2^24. */
export const MAX_GRAPHS = 2 ** 24;
