/**
 * The accessibility model of the workflow (`transport` option of `analyzeImage`): which face
 * is the separator, which the current collector, and the conductivities of each phase.
 *
 * Assumptions, stated because a 2D section carries none of them: ions enter from the left
 * edge of the image (column 0, the separator side) and electrons from the right edge (the
 * current collector), so `axis` 1 and `ionicSide` `'low'`; the conductivities are relative
 * values per pixel, not measured ones (SSE 1 for ions, graphite 10 for electrons, NMC 0.01
 * for both: a poor mixed conductor, so `activeConducts`); the graph has no measured contact
 * area, so the contact `weight` (the 7x7 dilation overlap) stands in for it. Resistances are
 * therefore comparable between the particles of one batch, not absolute.
 */
import type { AnalysisTransportOptions } from '@mgraph/pipeline';

export const TRANSPORT: AnalysisTransportOptions = {
  conductivity: {
    ionic: { sse: 1, nmc: 0.01 },
    electronic: { graphite: 10, nmc: 0.01 },
  },
  area: 'weight',
  axis: 1,
  ionicSide: 'low',
  activeConducts: true,
};
