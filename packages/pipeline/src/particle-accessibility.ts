import { InvalidArgumentError, type OptionKeys } from '@mgraph/core';
import {
  type AccessibilityConductivity,
  type ParticleAccessibility,
  type ParticleAccessibilityOptions,
  particleAccessibility,
} from '@mgraph/transport';
import type { AnalysisGraph } from './types.js';

/**
 * The `transport` option of an analysis: how the accessibility of each active particle is
 * computed (`particleAccessibility` of `@mgraph/transport`). `conductivity` is required
 * (no default physical value); the rest are that function's options.
 */
export interface AnalysisTransportOptions
  extends Pick<
    ParticleAccessibilityOptions,
    | 'area'
    | 'contactResistivity'
    | 'spacing'
    | 'axis'
    | 'ionicSide'
    | 'activeConducts'
    | 'tol'
    | 'maxIter'
  > {
  /** Conductivities (S / unit) of the ionic and electronic networks' phases and the active phase. */
  conductivity: AccessibilityConductivity;
}

/** Keys of {@link AnalysisTransportOptions}. */
export const TRANSPORT_KEYS: OptionKeys<AnalysisTransportOptions> = {
  conductivity: true,
  area: true,
  contactResistivity: true,
  spacing: true,
  axis: true,
  ionicSide: true,
  activeConducts: true,
  tol: true,
  maxIter: true,
};

/** The accessibility columns of one particle row. */
export interface AccessibilityColumns {
  ionicResistance: number | null;
  electronicResistance: number | null;
  accessCurrent: number | null;
  wired: boolean;
  wellWired: boolean;
}

/**
 * The accessibility of every active particle, and its row columns by node. `wellWired`:
 * wired, and its `accessCurrent` at or above the median `accessCurrent` of the wired
 * particles of this analysis (so the split adapts to each image's size and conductivities);
 * every other particle, unwired ones included, is poorly wired.
 */
export function accessibilityColumns(
  fn: string,
  graph: AnalysisGraph,
  active: string,
  transport: AnalysisTransportOptions,
  signal: AbortSignal | undefined,
): { accessibility: ParticleAccessibility; byNode: Record<string, AccessibilityColumns> } {
  const { conductivity, ...rest } = transport;
  if (conductivity === undefined)
    throw new InvalidArgumentError(
      fn,
      'options.transport.conductivity',
      conductivity,
      'the conductivities { ionic: { phase: S/unit }, electronic: { phase: S/unit } } (no default)',
    );
  const accessibility = particleAccessibility(graph, conductivity, { ...rest, active, signal });
  const currents = accessibility.particles
    .filter((p) => p.wired)
    .map((p) => p.current!)
    .sort((a, b) => a - b);
  const m = currents.length;
  const median = m === 0 ? Number.NaN : (currents[(m - 1) >> 1]! + currents[m >> 1]!) / 2;
  const byNode: Record<string, AccessibilityColumns> = {};
  for (const p of accessibility.particles)
    byNode[p.node] = {
      ionicResistance: p.ionicResistance,
      electronicResistance: p.electronicResistance,
      accessCurrent: p.current,
      wired: p.wired,
      wellWired: p.wired && p.current! >= median,
    };
  return { accessibility, byNode };
}
