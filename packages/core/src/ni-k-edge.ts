/**
 * The paper's Ni K-edge energy window of NMC, eV: pixel edge energies outside it are cut
 * before the per-particle statistics.
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (Ni K-edge energies cut to [8340, 8348] eV).
 */
export const NI_K_EDGE_WINDOW: readonly [number, number] = Object.freeze([8340, 8348]) as readonly [
  number,
  number,
];

/**
 * The paper's reference energy, eV, splitting the Ni K-edge peaks of a particle into a
 * low-energy (more discharged) and a high-energy group when it has more than two.
 *
 * @remarks
 * References: Li, Deng, Liu, Hu, arXiv:2512.16085 (peak distance about 8344 eV).
 */
export const NI_K_EDGE_REFERENCE = 8344;
